package org.titrate.products.api;

import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Products' tax data (rate, classification code, specification), kept beside the product. */
@ProviderType
public interface ProductTaxService {

    /** The tax data of a product (404 for an unknown product); rate and code null while unset. */
    ProductTax get(String sku);

    /** Sets all values; 400 naming {@code taxRate}, {@code taxCode} or {@code specification} when the tax system would not accept them. */
    ProductTax set(String sku, ProductTax tax);

    /** The tax data of the products that have any, by SKU. */
    Map<String, ProductTax> find(Collection<String> skus);
}
