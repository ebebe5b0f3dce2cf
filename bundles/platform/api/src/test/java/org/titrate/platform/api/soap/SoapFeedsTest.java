package org.titrate.platform.api.soap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import javax.xml.datatype.DatatypeFactory;
import org.junit.Test;
import org.titrate.platform.api.ValidationException;

public class SoapFeedsTest {

    @Test
    public void aPageHoldsWhatIsAskedUpToTheCap() {
        assertEquals(1000, SoapFeeds.pageSize(null, 1000));
        assertEquals(3, SoapFeeds.pageSize(3, 1000));
        assertEquals(1000, SoapFeeds.pageSize(100_000, 1000));
        ValidationException e = assertThrows(ValidationException.class, () -> SoapFeeds.pageSize(0, 1000));
        assertEquals("limit", e.errors().get(0).field());
        assertEquals("afterSeq", assertThrows(ValidationException.class, () -> SoapFeeds.afterSeq(-1L)).errors().get(0).field());
        assertEquals("afterSeq", assertThrows(ValidationException.class, () -> SoapFeeds.afterSeq(null)).errors().get(0).field());
        assertEquals(0L, SoapFeeds.afterSeq(0L));
    }

    @Test
    public void daysAreXsDatesAndInstantsXsDateTimesInUtc() throws Exception {
        assertEquals("2026-11-30", SoapTime.of(LocalDate.of(2026, 11, 30)).toXMLFormat());
        assertEquals("2026-11-30T05:43:00.123Z", SoapTime.of(Instant.parse("2026-11-30T05:43:00.123Z")).toXMLFormat());
        DatatypeFactory f = DatatypeFactory.newInstance();
        assertEquals(LocalDate.of(2026, 2, 28), SoapTime.toDate("from", f.newXMLGregorianCalendar("2026-02-28")));
        assertEquals("from", assertThrows(ValidationException.class,
                () -> SoapTime.toDate("from", f.newXMLGregorianCalendar("2026-02-28T10:00:00Z"))).errors().get(0).field());
        assertEquals(Instant.parse("2026-11-30T05:43:00Z"), SoapTime.toInstant("since", f.newXMLGregorianCalendar("2026-11-30T13:43:00+08:00")));
    }
}
