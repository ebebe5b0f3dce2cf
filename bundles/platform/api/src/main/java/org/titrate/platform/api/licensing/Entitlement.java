package org.titrate.platform.api.licensing;

import java.time.LocalDate;

/**
 * One module's standing under the licence in force.
 *
 * @param module the module's name ({@code finance})
 * @param access what it may do now
 * @param licensedUntil the last day it is licensed (before any grace); null when it is free or not licensed
 * @param warning what an administrator should know (ends soon, in grace, read-only, clock turned back); null if nothing
 */
public record Entitlement(String module, Access access, LocalDate licensedUntil, String warning) {

    /** The platform's free core: never needs a licence. */
    public static Entitlement free(String module) {
        return new Entitlement(module, Access.FULL, null, null);
    }

    /** The message every channel refuses a not-licensed module's request with. */
    public static String notLicensed(String module) {
        return "module " + module + " not licensed";
    }

    /**
     * Refuses (403) what the module may not do now: anything when it is not licensed, a change when it is read-only.
     * Returns quietly otherwise.
     */
    public void require(boolean change) {
        if (!access.reads()) {
            throw new org.titrate.platform.api.ForbiddenException(notLicensed(module));
        }
        if (change && !access.writes()) {
            throw new org.titrate.platform.api.ForbiddenException(readOnly(module));
        }
    }

    /** The message every channel refuses a read-only module's change with. */
    public static String readOnly(String module) {
        return "module " + module + " is read-only: its licence ended and the grace period is over; reads still work";
    }
}
