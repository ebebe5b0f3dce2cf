package org.titrate.licensing.impl;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.titrate.licensing.api.Licence;
import org.titrate.platform.api.licensing.Access;
import org.titrate.platform.api.licensing.Entitlement;
import org.titrate.platform.api.licensing.Entitlements;

/**
 * Every module's standing on one day under a licence, or under the evaluation (every module until its end): full until
 * its last day, with a warning from {@code warningDays} before; then full with a warning for {@code graceDays}; then
 * read-only. A module the licence does not name is not licensed. The free core always serves.
 */
final class Standing {
    private final Licence licence;
    private final LocalDate evaluationUntil;
    private final LocalDate today;
    private final int graceDays;
    private final int warningDays;
    private final String clockWarning;

    Standing(Licence licence, LocalDate evaluationUntil, LocalDate today, int graceDays, int warningDays, String clockWarning) {
        this.licence = licence;
        this.evaluationUntil = evaluationUntil;
        this.today = today;
        this.graceDays = graceDays;
        this.warningDays = warningDays;
        this.clockWarning = clockWarning;
    }

    Entitlement of(String module) {
        if (Entitlements.FREE.contains(module)) {
            return Entitlement.free(module);
        }
        LocalDate until = licence != null ? licence.until(module) : evaluationUntil;
        if (until == null) {
            return new Entitlement(module, Access.NONE, null, clockWarning);
        }
        String what = licence != null ? "licence " + licence.licenceId() : "the evaluation";
        long daysLeft = ChronoUnit.DAYS.between(today, until);
        Access access = Access.FULL;
        String warning = null;
        if (daysLeft < 0) {
            LocalDate graceEnd = until.plusDays(graceDays);
            if (today.isAfter(graceEnd)) {
                access = Access.READ_ONLY;
                warning = module + " ended on " + until + " under " + what + " and its grace period on " + graceEnd
                        + "; it is read-only until a licence renews it";
            } else {
                warning = module + " ended on " + until + " under " + what + "; it serves in the grace period until " + graceEnd
                        + ", then it becomes read-only";
            }
        } else if (daysLeft <= warningDays) {
            warning = module + " ends on " + until + " under " + what + " (" + daysLeft + (daysLeft == 1 ? " day" : " days") + " left)";
        }
        if (clockWarning != null) {
            warning = warning == null ? clockWarning : warning + "; " + clockWarning;
        }
        return new Entitlement(module, access, until, warning);
    }

    /** The standing of every module the licence names (for the evaluation: of none; it covers all). */
    Map<String, Entitlement> named() {
        Map<String, Entitlement> all = new TreeMap<>();
        if (licence != null) {
            licence.modules().keySet().forEach(m -> all.put(m, of(m)));
        }
        return all;
    }
}
