package org.titrate.platform.api.licensing;

/** What a module may do under the licence in force. */
public enum Access {
    /** Serves everything. */
    FULL,
    /** Its licence ended more than the grace period ago: reads are answered, changes refused (never data loss). */
    READ_ONLY,
    /** Not licensed: installed or not, it serves nothing and books nothing. */
    NONE;

    /** Whether a request that changes nothing ({@code GET}, a shell listing, a SOAP {@code get…}) may run. */
    public boolean reads() {
        return this != NONE;
    }

    /** Whether a change may run. */
    public boolean writes() {
        return this == FULL;
    }
}
