package org.titrate.customers.api;

import java.time.Instant;

/**
 * A member of staff, above all a salesperson: the owner of customers and the default salesperson of their orders.
 * {@code code} is the human id ({@code E0012}); {@code user} is the employee's login, optional, and must exist
 * when given; {@code active} is false once the employee left (an inactive employee can no longer be made a
 * customer's or an order's salesperson; the history keeps the code). Since 1.2.
 */
public record Employee(
        String code,
        String name,
        String department,
        String mobile,
        String email,
        String user,
        Boolean active,
        Long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** What a client supplies. */
    public static Employee of(String code, String name, String department, String mobile, String email, String user, Boolean active) {
        return new Employee(code, name, department, mobile, email, user, active, null, null, null, null, null);
    }
}
