package org.titrate.platform.api.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.time.BusinessClock;

public class ShellInputTest {
    private enum Kind { ORDER, RETURN }

    private static final Map<String, String> RECORDS = Map.of("C0001", "江苏索普", "mixed-Case", "kept as typed");

    private static String lookup(String code) {
        String found = RECORDS.get(code);
        if (found == null) {
            throw new NotFoundException("Customer", code);
        }
        return found;
    }

    @After
    public void resetZone() {
        BusinessClock.useZone(ZoneId.of(BusinessClock.DEFAULT_ZONE));
    }

    @Test
    public void codesAreFoundAsTypedElseInUpperCaseAndAnUnknownOneIsReportedAsTyped() {
        assertEquals("江苏索普", ShellInput.find(" c0001 ", ShellInputTest::lookup));
        assertEquals("kept as typed", ShellInput.find("mixed-Case", ShellInputTest::lookup));
        NotFoundException e = assertThrows(NotFoundException.class, () -> ShellInput.find("c0002", ShellInputTest::lookup));
        assertEquals("Customer 'c0002' does not exist", e.getMessage());
    }

    @Test
    public void badValuesNameTheOptionAndTheValidOnes() {
        assertEquals(Kind.RETURN, ShellInput.choice("--type", "return", Kind.class));
        assertNull(ShellInput.choice("--type", null, Kind.class));
        ValidationException e = assertThrows(ValidationException.class, () -> ShellInput.choice("--type", "NOPE", Kind.class));
        assertTrue(e.getMessage(), e.getMessage().startsWith("--type: ") && e.getMessage().contains("ORDER") && e.getMessage().contains("RETURN"));
        ValidationException d = assertThrows(ValidationException.class, () -> ShellInput.date("--as-of", "2027-13-45"));
        assertTrue(d.getMessage(), d.getMessage().startsWith("--as-of: "));
    }

    @Test
    public void timesAreShownInTheBusinessZone() {
        Instant at = Instant.parse("2026-11-30T16:30:00Z");
        assertEquals("2026-12-01 00:30:00+08:00", ShellInput.time(at));
        BusinessClock.useZone(ZoneId.of("Europe/Berlin"));
        assertEquals("2026-11-30 17:30:00+01:00", ShellInput.time(at));
        TextTable table = new TextTable();
        table.column("At");
        table.addRow().addContent(at);
        assertTrue(table.render(), table.render().contains("2026-11-30 17:30:00+01:00"));
    }
}
