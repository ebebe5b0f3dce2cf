package org.titrate.customers.api;

/**
 * What customers appends to the platform's event log (and so announces on EventAdmin under the same
 * topic), in the change's transaction, keyed by the customer's code: {@code CREATE} and {@code UPDATE}
 * (only when a field changed), with the status, the changed fields and the reason.
 */
public final class CustomerEvents {
    public static final String CREATED = "org/titrate/customers/customer/CREATE";
    public static final String UPDATED = "org/titrate/customers/customer/UPDATE";
    /** An employee created or changed (keyed by the employee's code; since 1.2). */
    public static final String EMPLOYEE_CREATED = "org/titrate/customers/employee/CREATE";
    public static final String EMPLOYEE_UPDATED = "org/titrate/customers/employee/UPDATE";

    public static final String STATUS = "status";
    /** The changed fields, comma-separated. */
    public static final String FIELDS = "fields";
    public static final String REASON = "reason";

    private CustomerEvents() {
    }
}
