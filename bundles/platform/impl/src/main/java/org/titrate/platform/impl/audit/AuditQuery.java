package org.titrate.platform.impl.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.time.BusinessClock;

/**
 * What {@code titrate:audit} and {@code GET /audit} ask for, read from what was typed: business days {@code from}
 * and {@code to} (both included), one user, at most {@code limit} entries (newest first). Bad input is one
 * {@link org.titrate.platform.api.ValidationException} naming every bad parameter.
 */
public record AuditQuery(LocalDate from, LocalDate to, String user, int limit) {

    public static AuditQuery parse(String from, String to, String user, String limit) {
        Check check = new Check();
        LocalDate[] range = check.dateRange(from, to);
        String who = user == null || user.isBlank() ? null : check.text("user", user.strip(), 100, false);
        Integer max = check.integer("limit", limit, 1, AuditTrail.MAX_LIMIT);
        check.throwIfInvalid();
        return new AuditQuery(range[0], range[1], who, max == null ? AuditTrail.DEFAULT_LIMIT : max);
    }

    public List<AuditTrail.Entry> run(AuditTrail trail) {
        Instant start = from == null ? null : BusinessClock.startOf(from);
        Instant end = to == null ? null : BusinessClock.startOf(to.plusDays(1));
        return trail.find(start, end, user, limit);
    }
}
