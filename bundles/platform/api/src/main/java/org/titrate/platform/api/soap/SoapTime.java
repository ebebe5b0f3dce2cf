package org.titrate.platform.api.soap;

import java.time.Instant;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.platform.api.ValidationException;

/**
 * Days and instants on the SOAP wire: {@code xs:date} for days, {@code xs:dateTime} in UTC with its offset for
 * instants. A JAXB field of type {@link XMLGregorianCalendar} carries {@code @XmlSchemaType(name = "date")} or
 * {@code "dateTime"} so that the WSDL says which.
 */
public final class SoapTime {
    private static final DatatypeFactory FACTORY;
    private static final java.time.format.DateTimeFormatter TEXT =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SoapTime() {
    }

    /** An instant as an xs:dateTime in UTC, to the millisecond; null for null. */
    public static XMLGregorianCalendar of(Instant instant) {
        if (instant == null) {
            return null;
        }
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return FACTORY.newXMLGregorianCalendar(c);
    }

    /**
     * An instant as xs:dateTime text, always in UTC with exactly three digits of fraction ({@code 2026-11-30T05:43:00.000Z}),
     * so that a client sorting the text sorts by time; null for null.
     */
    public static String text(Instant instant) {
        return instant == null ? null : TEXT.format(instant);
    }

    /** A day as an xs:date (no offset); null for null. */
    public static XMLGregorianCalendar of(LocalDate day) {
        if (day == null) {
            return null;
        }
        return FACTORY.newXMLGregorianCalendarDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
    }

    /**
     * The instant an xs:dateTime names, by its own offset ({@code +08:00}, {@code Z}, {@code -08:00} alike). One without an
     * offset names no instant (its reader would have to guess the zone), so it is refused naming {@code field}.
     */
    public static Instant toInstant(String field, XMLGregorianCalendar value) {
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED || value.getYear() == DatatypeConstants.FIELD_UNDEFINED
                || value.getDay() == DatatypeConstants.FIELD_UNDEFINED || value.getHour() == DatatypeConstants.FIELD_UNDEFINED) {
            throw new ValidationException(field, "must be an xs:dateTime with its offset, such as 2026-11-30T13:43:00+08:00 or"
                    + " 2026-11-30T05:43:00Z; '" + value.toXMLFormat() + "' names no instant");
        }
        // toGregorianCalendar() keeps the value's own offset; given a zone it would read the fields in that zone instead
        return value.toGregorianCalendar().toInstant();
    }

    /** The day an xs:date names (null for null); a value with a time of day is refused naming {@code field}. */
    public static LocalDate toDate(String field, XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        if (value.getYear() == DatatypeConstants.FIELD_UNDEFINED || value.getMonth() == DatatypeConstants.FIELD_UNDEFINED
                || value.getDay() == DatatypeConstants.FIELD_UNDEFINED || value.getHour() != DatatypeConstants.FIELD_UNDEFINED) {
            throw new ValidationException(field, "must be an xs:date such as 2026-11-30; '" + value.toXMLFormat() + "' is not a day");
        }
        try {
            return LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
        } catch (java.time.DateTimeException e) {
            throw new ValidationException(field, "must be an xs:date such as 2026-11-30; '" + value.toXMLFormat() + "' is not a day");
        }
    }
}
