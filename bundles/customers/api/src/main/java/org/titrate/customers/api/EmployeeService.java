package org.titrate.customers.api;

import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/**
 * Employees (salespeople) beside the customers they own. Bad input is a 400 naming the field, an unknown code a
 * 404, a duplicate code or a stale version a 409. Since 1.2.
 */
@ProviderType
public interface EmployeeService {

    /** Filters are optional: {@code q} searches code and name, {@code department} matches exactly. Ordered by code. */
    Page<Employee> find(String q, String department, Boolean active, PageRequest page);

    Employee get(String code);

    Employee create(Employee employee);

    /** {@code employee.version()} must be the version the client read; the code never changes. */
    Employee update(String code, Employee employee);

    /**
     * Checks that {@code code} names an active employee, for a document or customer that is to name it as its
     * salesperson; a 400 naming {@code field} otherwise. Returns the code as stored, or null for null.
     */
    String requireActive(String field, String code);
}
