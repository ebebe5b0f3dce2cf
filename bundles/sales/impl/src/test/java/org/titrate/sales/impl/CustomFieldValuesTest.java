package org.titrate.sales.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ValidationException;
import org.titrate.sales.api.CustomField;
import org.titrate.sales.api.CustomFieldType;

public class CustomFieldValuesTest {
    private static final List<CustomField> FIELDS = List.of(
            field("drums", CustomFieldType.NUMBER, true, List.of()),
            field("contract", CustomFieldType.TEXT, false, List.of()),
            field("pickup", CustomFieldType.DATE, false, List.of()),
            field("transport", CustomFieldType.CHOICE, false, List.of("危险品专车", "客户自提")),
            new CustomField(null, "sales-order", "old", "旧字段", CustomFieldType.TEXT, false, List.of(), false, 1L));

    @Test
    public void valuesAreCheckedAndCanonical() {
        Map<String, Object> values = new HashMap<>();
        values.put("drums", new BigDecimal("4.50"));
        values.put("contract", " 框架合同 2026-07 ");
        values.put("pickup", "2026-12-01");
        values.put("transport", "危险品专车");
        Check check = new Check();
        Map<String, CustomFieldValues.Value> result = CustomFieldValues.validate(check, values, FIELDS);
        assertTrue(check.errors().toString(), check.ok());
        assertEquals("4.5", result.get("drums").text());
        assertEquals("框架合同 2026-07", result.get("contract").text());
        assertEquals(new BigDecimal("4.5"), CustomFieldValues.render(CustomFieldType.NUMBER, "4.5"));
        // A filter written "4.500" finds the value stored as 4.5.
        assertEquals("4.5", CustomFieldValues.canonical(new Check(), "cf.drums", FIELDS.get(0), "4.500"));
        assertEquals("0", CustomFieldValues.canonical(new Check(), "cf.drums", FIELDS.get(0), 0));
    }

    @Test
    public void wrongTypesUnknownKeysAndMissingRequiredFieldsAreNamed() {
        Map<String, Object> values = new HashMap<>();
        values.put("contract", 12);
        values.put("pickup", "01.12.2026");
        values.put("transport", "快递");
        values.put("colour", "red");
        values.put("old", "x");
        Check check = new Check();
        CustomFieldValues.validate(check, values, FIELDS);
        List<String> fields = check.errors().stream().map(e -> e.field()).sorted().toList();
        assertEquals(List.of("customFields.colour", "customFields.contract", "customFields.drums", "customFields.old",
                "customFields.pickup", "customFields.transport"), fields);
    }

    @Test
    public void aBlankTextIsNoValueForARequiredField() {
        Map<String, Object> values = new HashMap<>();
        values.put("drums", "  ");
        Check check = new Check();
        Map<String, CustomFieldValues.Value> result = CustomFieldValues.validate(check, values, FIELDS);
        assertTrue(result.isEmpty());
        assertEquals(List.of("customFields.drums"), check.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    public void definitionsAreChecked() {
        CustomField ok = CustomFieldRules.validate(new CustomField(null, null, "transport", "运输方式", CustomFieldType.CHOICE, null,
                List.of("危险品专车", "客户自提"), null, null));
        assertEquals("sales-order", ok.entity());
        assertEquals(Boolean.FALSE, ok.required());
        assertEquals(Boolean.TRUE, ok.active());
        assertRejected(new CustomField(null, null, "bad key", "x", CustomFieldType.TEXT, null, null, null, null), "key");
        assertRejected(new CustomField(null, null, "k", "x", CustomFieldType.CHOICE, null, List.of(), null, null), "choices");
        assertRejected(new CustomField(null, null, "k", "x", CustomFieldType.TEXT, null, List.of("a"), null, null), "choices");
        assertRejected(new CustomField(null, null, "k", "x", CustomFieldType.CHOICE, null, List.of("a", "a"), null, null), "choices[1]");
        assertRejected(new CustomField(null, "customer", "k", "x", CustomFieldType.TEXT, null, null, null, null), "entity");
        assertRejected(new CustomField(null, null, "k", null, null, null, null, null, null), "label");
        List<String> long50 = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "选项" + i + "x".repeat(90)).toList();
        assertRejected(new CustomField(null, null, "k", "x", CustomFieldType.CHOICE, null, long50, null, null), "choices");
    }

    private static void assertRejected(CustomField f, String field) {
        try {
            CustomFieldRules.validate(f);
        } catch (ValidationException e) {
            assertTrue(field + " expected in " + e.errors(), e.errors().stream().anyMatch(x -> x.field().equals(field)));
            return;
        }
        throw new AssertionError(f + " was accepted");
    }

    private static CustomField field(String key, CustomFieldType type, boolean required, List<String> choices) {
        return new CustomField(null, "sales-order", key, key, type, required, choices, true, 1L);
    }
}
