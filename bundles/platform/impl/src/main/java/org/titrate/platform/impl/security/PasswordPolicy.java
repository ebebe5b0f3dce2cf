package org.titrate.platform.impl.security;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be before Titrate stores it: long enough that guessing is slow even without
 * the login throttle, and not one of the passwords every guessing list starts with.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    /** The first entries of the public leaked-password lists that are 10 characters or longer, lower-cased. */
    private static final Set<String> COMMON = Set.of(
            "1234567890", "0123456789", "0987654321", "9876543210", "1111111111", "0000000000", "1234512345",
            "123456789a", "a123456789", "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "asdfghjkl;", "zxcvbnm,./",
            "password12", "password123", "password1234", "passw0rd123", "p@ssw0rd123", "p@ssword123", "qwerty1234",
            "qwerty12345", "qwerty123456", "iloveyou123", "abc1234567", "abcd123456", "abcdefghij", "admin12345",
            "admin123456", "administrator", "welcome123", "letmein123", "changeme123", "football123", "monkey1234",
            "1234567890a", "aa12345678", "a1234567890", "woaini1314", "woaini520", "5201314520", "1314520520",
            "88888888888", "6666666666", "8888888888", "9999999999", "zaq12wsxcde", "titrate123", "titrate1234",
            "karaf12345", "karafkaraf");

    private PasswordPolicy() {
    }

    /** Why the password may not be used, or null when it may. */
    public static String problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return "must be " + MIN_LENGTH + "-" + MAX_LENGTH + " characters";
        }
        if (password.isBlank()) {
            return "must not be only blanks";
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.strip().toLowerCase(Locale.ROOT))) {
            return "must not be the user name";
        }
        if (COMMON.contains(lower) || lower.chars().distinct().count() == 1) {
            return "is one of the most common passwords; choose another";
        }
        return null;
    }
}
