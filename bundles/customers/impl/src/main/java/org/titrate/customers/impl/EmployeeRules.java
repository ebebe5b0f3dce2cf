package org.titrate.customers.impl;

import org.titrate.customers.api.Employee;
import org.titrate.platform.api.Check;

/** Validates and normalises an employee as a client sends it; every bad field is reported at once. */
final class EmployeeRules {

    private EmployeeRules() {
    }

    /**
     * The employee with defaults applied (active unless told otherwise); {@code codeRequired} on create. The login's
     * existence is checked by the service, which knows the users.
     */
    static Employee validate(Employee in, boolean codeRequired) {
        Check.body(in);
        Check check = new Check();
        String code = check.code("code", in.code(), codeRequired);
        String name = check.text("name", in.name(), 100, true);
        String department = check.text("department", in.department(), 100, false);
        String mobile = check.text("mobile", in.mobile() == null ? null : in.mobile().replaceAll("[ -]", ""), 20, false);
        if (mobile != null && !CustomerRules.MOBILE.matcher(mobile).matches()) {
            check.fail("mobile", "is not a mobile number (11 digits starting with 1, optionally +86)");
        }
        String email = check.email("email", in.email());
        String user = check.text("user", in.user(), 100, false);
        check.throwIfInvalid();
        return new Employee(code, name, department, mobile, email, user, in.active() == null || in.active(), in.version(), null, null,
                null, null);
    }
}
