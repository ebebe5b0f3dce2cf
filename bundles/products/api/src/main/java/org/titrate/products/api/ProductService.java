package org.titrate.products.api;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/**
 * Products and categories. Other modules refer to products by SKU through this service, never
 * through its tables. Methods throw the platform's problem exceptions for bad input (400),
 * unknown ids (404) and stale versions or duplicate codes (409).
 */
@ProviderType
public interface ProductService {

    Page<Product> find(ProductQuery query);

    /** By SKU or id. */
    Product get(String idOrSku);

    Optional<Product> findBySku(String sku);

    /** The products with these SKUs, by SKU, in one query; unknown SKUs are left out. */
    Map<String, Product> findBySkus(Collection<String> skus);

    Product create(Product product);

    /** {@code product.version()} must be the version the client read. */
    Product update(String idOrSku, Product product);

    /** Every change of the product, newest first, from its creation on. */
    Page<ProductChange> history(String idOrSku, PageRequest page);

    Page<Category> findCategories(String q, PageRequest page);

    /** By code or id. */
    Category getCategory(String idOrCode);

    Category createCategory(Category category);

    Category updateCategory(String idOrCode, Category category);
}
