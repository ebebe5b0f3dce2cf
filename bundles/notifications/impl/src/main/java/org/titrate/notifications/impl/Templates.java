package org.titrate.notifications.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named placeholders, {@code {{orderNumber}}}, and nothing else: no expressions, no loops, no includes. Values are
 * put in once and never read again, so a customer's name or a rejection reason that contains {@code {{x}}},
 * {@code ${x}} or HTML arrives as the text it is (escaped where the message is HTML).
 */
final class Templates {
    /** A placeholder, or anything that looks like an attempt at one (checked at save time). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Templates() {
    }

    /** The placeholders a text names, in order of appearance. */
    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The names in {@code text} that are not in {@code known}. */
    static List<String> unknown(String text, Set<String> known) {
        List<String> bad = new ArrayList<>();
        for (String name : placeholders(text)) {
            if (!known.contains(name)) {
                bad.add(name);
            }
        }
        return bad;
    }

    /** Fills in the values (missing or unknown ones, such as an order's carrier before one is recorded, as empty), HTML-escaped when {@code html}. */
    static String render(String text, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = value(values, m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A placeholder's value, empty when it has none (absent, or present as null). */
    static String value(Map<String, String> values, String name) {
        String v = values.get(name);
        return v == null ? "" : v;
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
