package org.titrate.sales.api;

import org.osgi.annotation.versioning.ProviderType;

/** Credit limits (信用额度): what a customer may still order on account. */
@ProviderType
public interface CreditService {

    /** The customer's credit now; 404 for an unknown customer. */
    CustomerCredit credit(String customerCode);
}
