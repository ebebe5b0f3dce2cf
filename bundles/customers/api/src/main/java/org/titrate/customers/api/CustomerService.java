package org.titrate.customers.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/**
 * Customers, prospects and their follow-ups. Other modules refer to customers by code through
 * this service, never through its tables. Bad input is a 400, unknown ids a 404, stale versions
 * and duplicate codes a 409 (the platform's problem exceptions).
 */
@ProviderType
public interface CustomerService {

    Page<Customer> find(CustomerQuery query);

    /** By code or id. */
    Customer get(String idOrCode);

    Optional<Customer> findByCode(String code);

    Customer create(Customer customer);

    /** {@code customer.version()} must be the version the client read. */
    Customer update(String idOrCode, Customer customer);

    /** Every change of the customer, newest first, from its creation on. */
    Page<CustomerChange> history(String idOrCode, PageRequest page);

    Page<FollowUp> followUps(String customerIdOrCode, PageRequest page);

    FollowUp followUp(String customerIdOrCode, String followUpId);

    FollowUp addFollowUp(String customerIdOrCode, FollowUp followUp);
}
