package org.titrate.sales.impl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.titrate.platform.api.Check;
import org.titrate.sales.api.CustomField;
import org.titrate.sales.api.CustomFieldType;
import org.titrate.sales.api.SalesSetupService;

/** What a custom field definition must look like. */
final class CustomFieldRules {
    /** Keys appear in query parameters ({@code cf.<key>=}) and JSON, so they are plain identifiers. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final int MAX_CHOICES = 100;
    /** The choices are stored one per line in a column of this size. */
    private static final int MAX_CHOICES_LENGTH = 4000;

    private CustomFieldRules() {
    }

    static CustomField validate(CustomField input) {
        CustomField f = Check.body(input);
        Check check = new Check();
        String entity = f.entity() == null ? SalesSetupService.SALES_ORDER : f.entity().strip();
        if (!SalesSetupService.SALES_ORDER.equals(entity)) {
            check.fail("entity", "must be '" + SalesSetupService.SALES_ORDER + "' (the only kind of document with custom fields so far)");
        }
        String key = check.text("key", f.key(), 40, true);
        if (key != null && !KEY.matcher(key).matches()) {
            check.fail("key", "must start with a letter and hold only letters, digits and '_' (at most 40)");
        }
        String label = check.text("label", f.label(), 100, true);
        CustomFieldType type = check.required("type", f.type());
        List<String> choices = new ArrayList<>();
        if (f.choices() != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < f.choices().size(); i++) {
                String c = check.text("choices[" + i + "]", f.choices().get(i), 100, true);
                if (c != null && c.contains("\n")) {
                    check.fail("choices[" + i + "]", "must be a single line");
                } else if (c != null && !seen.add(c)) {
                    check.fail("choices[" + i + "]", "appears twice");
                }
            }
            choices.addAll(seen);
        }
        if (type == CustomFieldType.CHOICE && choices.isEmpty() && check.ok()) {
            check.fail("choices", "a CHOICE field needs at least one choice");
        }
        if (type != null && type != CustomFieldType.CHOICE && !choices.isEmpty()) {
            check.fail("choices", "only CHOICE fields have choices");
        }
        if (choices.size() > MAX_CHOICES) {
            check.fail("choices", "at most " + MAX_CHOICES + " choices");
        } else if (String.join("\n", choices).length() > MAX_CHOICES_LENGTH) {
            check.fail("choices", "together at most " + MAX_CHOICES_LENGTH + " characters");
        }
        check.throwIfInvalid();
        return new CustomField(null, entity, key, label, type, Boolean.TRUE.equals(f.required()), List.copyOf(choices),
                f.active() == null || f.active(), f.version());
    }
}
