package org.titrate.platform.api;

import java.util.Locale;

/** Text helpers shared by list searches. */
public final class Texts {
    private Texts() {
    }

    /**
     * A case-insensitive LIKE pattern for a free-text search ({@code q}); '!' escapes the
     * wildcards the user typed, so "50%" finds "50%" only. Use with {@code ESCAPE '!'}.
     */
    public static String containsPattern(String q) {
        String lowered = q.strip().toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder("%");
        for (char c : lowered.toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                b.append('!');
            }
            b.append(c);
        }
        return b.append('%').toString();
    }
}
