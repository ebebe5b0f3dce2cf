package org.titrate.sales.impl;

import org.titrate.customers.api.Customer;
import org.titrate.customers.api.EmployeeService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ValidationException;

/** Who sold a document: the salesperson it names, or else its customer's owner. */
final class SalesPeople {

    private SalesPeople() {
    }

    /**
     * The salesperson a document is written with. One it names must be an active employee when {@code mustBeActive}
     * (orders; a return keeps the salesperson of the goods it takes back even after they left); the customer's owner is
     * taken as it is, without a query. Problems go to {@code check} as {@code salesperson}.
     */
    static String salesperson(Check check, EmployeeService employees, String given, Customer customer, boolean mustBeActive) {
        String code = check.code("salesperson", given, false);
        if (code == null) {
            return given == null || given.isBlank() ? (customer == null ? null : customer.salesperson()) : null;
        }
        if (mustBeActive && (customer == null || !code.equals(customer.salesperson()))) {
            try {
                return employees.requireActive("salesperson", code);
            } catch (ValidationException e) {
                e.errors().forEach(f -> check.fail(f.field(), f.message()));
                return null;
            }
        }
        return code;
    }
}
