package org.titrate.customers.api;

import org.osgi.annotation.versioning.ProviderType;

/** Customers' buyer tax data, kept beside the customer. */
@ProviderType
public interface CustomerTaxService {

    /** The customer's tax data (404 for an unknown customer); the fields are null while unset. */
    CustomerTaxData get(String customerCode);

    /** Replaces it; 400 naming {@code taxId} when it is not a valid unified social credit code, {@code name} when missing. */
    CustomerTaxData set(String customerCode, CustomerTaxData data);
}
