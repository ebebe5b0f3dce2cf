package org.titrate.sales.impl.soap;

import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

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

    static Instant toInstant(XMLGregorianCalendar value) {
        return value.toGregorianCalendar(TimeZone.getTimeZone("UTC"), null, null).toInstant();
    }
}
