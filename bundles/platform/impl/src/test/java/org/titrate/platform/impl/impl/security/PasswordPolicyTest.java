package org.titrate.platform.impl.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class PasswordPolicyTest {

    @Test
    public void refusesShortBlankCommonAndTheUserName() {
        assertEquals("must be 10-200 characters", PasswordPolicy.problem("wang", "12345678"));
        assertEquals("must be 10-200 characters", PasswordPolicy.problem("wang", null));
        assertEquals("must be 10-200 characters", PasswordPolicy.problem("wang", "x".repeat(201)));
        assertEquals("must not be only blanks", PasswordPolicy.problem("wang", " ".repeat(10)));
        assertEquals("must not be only blanks", PasswordPolicy.problem("wang", "\t".repeat(12)));
        assertEquals("must not be the user name", PasswordPolicy.problem("zhangwei01", "ZhangWei01"));
        assertEquals("is one of the most common passwords; choose another", PasswordPolicy.problem("wang", "Password123"));
        assertEquals("is one of the most common passwords; choose another", PasswordPolicy.problem("wang", "1234567890"));
        assertEquals("is one of the most common passwords; choose another", PasswordPolicy.problem("wang", "aaaaaaaaaaaa"));
    }

    @Test
    public void acceptsALongUncommonPassphraseInAnyScript() {
        assertNull(PasswordPolicy.problem("wang", "correct horse battery"));
        assertNull(PasswordPolicy.problem("wang", "氢氧化钠二十五公斤装x"));
        assertNull(PasswordPolicy.problem("wang", "x".repeat(9) + "y"));
    }
}
