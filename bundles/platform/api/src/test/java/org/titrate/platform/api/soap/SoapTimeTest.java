package org.titrate.platform.api.soap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import org.junit.Test;

public class SoapTimeTest {

    @Test
    public void instantsAreWrittenInUtcToTheMillisecondWhateverTheirPrecision() {
        assertEquals("2026-11-30T05:43:00.000Z", SoapTime.text(Instant.parse("2026-11-30T05:43:00Z")));
        assertEquals("2026-11-30T05:43:00.120Z", SoapTime.text(Instant.parse("2026-11-30T05:43:00.120456Z")));
        assertEquals("2026-11-30T05:43:00.000Z", SoapTime.of(Instant.parse("2026-11-30T05:43:00Z")).toXMLFormat());
        assertNull(SoapTime.text(null));
    }

    @Test
    public void theirTextSortsAsTheirTime() {
        // Instant.toString drops trailing zeros: "…:00Z" sorts after "…:00.5Z" although it is earlier
        Instant earlier = Instant.parse("2026-11-30T05:43:00Z");
        Instant later = Instant.parse("2026-11-30T05:43:00.500Z");
        assertTrue(earlier.toString().compareTo(later.toString()) > 0);
        assertTrue(SoapTime.text(earlier).compareTo(SoapTime.text(later)) < 0);
    }
}
