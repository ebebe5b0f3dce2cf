package org.titrate.customers.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.titrate.customers.api.Employee;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ValidationException;

public class EmployeeRulesTest {

    @Test
    public void normalisesAndDefaultsToActive() {
        Employee e = EmployeeRules.validate(Employee.of("E001", " 张伟 ", "华东销售部", "138 0013 8000", "zhang.wei@example.cn", null, null),
                true);
        assertEquals("张伟", e.name());
        assertEquals("13800138000", e.mobile());
        assertEquals(Boolean.TRUE, e.active());
    }

    @Test
    public void namesEveryBadField() {
        try {
            EmployeeRules.validate(Employee.of("a b", "", null, "12345", "x@", null, false), true);
            fail("accepted");
        } catch (ValidationException e) {
            var fields = e.errors().stream().map(FieldError::field).toList();
            assertTrue(fields.toString(), fields.containsAll(java.util.List.of("code", "name", "mobile", "email")));
        }
    }

    @Test
    public void codeIsRequiredOnCreateOnly() {
        try {
            EmployeeRules.validate(Employee.of(null, "李娜", null, null, null, null, true), true);
            fail("accepted");
        } catch (ValidationException e) {
            assertEquals("code", e.errors().get(0).field());
        }
        assertEquals(null, EmployeeRules.validate(Employee.of(null, "李娜", null, null, null, null, true), false).code());
    }
}
