package org.titrate.sales.impl.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** One custom field value; numbers and dates in their canonical text (e.g. {@code 4.5}, {@code 2026-12-01}). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "customFieldValue", propOrder = {"key", "value"})
public class CustomFieldValueData {
    public String key;
    public String value;
}
