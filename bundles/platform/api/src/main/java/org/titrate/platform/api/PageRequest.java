package org.titrate.platform.api;

/**
 * Offset and limit of a list request. Parsed from the raw query strings so that
 * {@code limit=abc} is a 400 naming {@code limit}, not JAX-RS's default 404.
 */
public record PageRequest(int offset, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page anything may ask for; clients are held to what {@link #useClientLimit} set, at most this. */
    public static final int MAX_LIMIT = 500;
    private static volatile int clientLimit = MAX_LIMIT;

    /**
     * The largest {@code limit} a client may send (setting {@code maxPageSize} of PID {@code org.titrate.platform}); set
     * by the platform from its configuration, kept between 1 and {@link #MAX_LIMIT}.
     */
    public static void useClientLimit(int limit) {
        clientLimit = Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    public PageRequest {
        if (offset < 0) {
            throw new ValidationException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest parse(String offset, String limit) {
        Check check = new Check();
        Integer o = check.integer("offset", offset, 0, Integer.MAX_VALUE);
        int max = clientLimit;
        Integer l = check.integer("limit", limit, 1, max);
        check.throwIfInvalid();
        return new PageRequest(o == null ? 0 : o, l == null ? Math.min(DEFAULT_LIMIT, max) : l);
    }
}
