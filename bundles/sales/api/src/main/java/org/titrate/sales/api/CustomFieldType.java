package org.titrate.sales.api;

/** The kinds of value a custom field holds. */
public enum CustomFieldType {
    TEXT,
    NUMBER,
    DATE,
    CHOICE
}
