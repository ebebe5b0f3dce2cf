package org.titrate.platform.impl.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ValidationException;

public class AuditRulesTest {

    @Test
    public void aConfigurationChangeNamesWhatChangedAndNeverASecret() {
        String changes = AdministrationAuditor.changes(Map.of("idleTimeoutMinutes", "30", "apiPassword", "old-secret", "gone", "x"),
                Map.of("idleTimeoutMinutes", "45", "apiPassword", "new-secret", "added", "y"));
        assertEquals("added: (none) -> y; apiPassword: ******** -> ********; gone: x -> (none); idleTimeoutMinutes: 30 -> 45", changes);
        assertFalse(changes.contains("secret"));
        assertEquals("", AdministrationAuditor.changes(Map.of("a", "1"), Map.of("a", "1")));
    }

    @Test
    public void aQueryNamesEveryBadParameter() {
        AuditQuery q = AuditQuery.parse("2026-11-01", "2026-11-30", " wang ", null);
        assertEquals(new AuditQuery(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "wang", AuditTrail.DEFAULT_LIMIT), q);
        try {
            AuditQuery.parse("2026-13-01", null, null, "0");
            fail("accepted");
        } catch (ValidationException e) {
            assertEquals(List.of("from", "limit"), e.errors().stream().map(FieldError::field).toList());
        }
        try {
            AuditQuery.parse("2026-11-02", "2026-11-01", null, "1001");
            fail("accepted");
        } catch (ValidationException e) {
            assertEquals(List.of("to", "limit"), e.errors().stream().map(FieldError::field).toList());
        }
    }
}
