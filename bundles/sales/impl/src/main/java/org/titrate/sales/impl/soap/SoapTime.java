package org.titrate.sales.impl.soap;

import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.titrate.platform.api.ValidationException;

/** xs:dateTime in UTC, as legacy finance systems expect it. */
final class SoapTime {
    private static final DatatypeFactory FACTORY;

    static {
        try {
            FACTORY = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SoapTime() {
    }

    static XMLGregorianCalendar of(Instant instant) {
        if (instant == null) {
            return null;
        }
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.toEpochMilli());
        return FACTORY.newXMLGregorianCalendar(c);
    }

    /**
     * The instant an xs:dateTime names, by its own offset ({@code +08:00}, {@code Z}, {@code -08:00} alike). One without an
     * offset names no instant (its reader would have to guess the zone), so it is refused naming {@code field}.
     */
    static Instant toInstant(String field, XMLGregorianCalendar value) {
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED || value.getYear() == DatatypeConstants.FIELD_UNDEFINED
                || value.getDay() == DatatypeConstants.FIELD_UNDEFINED || value.getHour() == DatatypeConstants.FIELD_UNDEFINED) {
            throw new ValidationException(field, "must be an xs:dateTime with its offset, such as 2026-11-30T13:43:00+08:00 or"
                    + " 2026-11-30T05:43:00Z; '" + value.toXMLFormat() + "' names no instant");
        }
        // toGregorianCalendar() keeps the value's own offset; given a zone it would read the fields in that zone instead
        return value.toGregorianCalendar().toInstant();
    }
}
