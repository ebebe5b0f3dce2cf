package org.titrate.platform.impl.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} of the REST request this thread serves, for the event log to write on the rows the
 * request's transaction appends ({@code PLT_EVENT.REQUEST_KEY}), and whether it did: so that after a crash the key found
 * on an event proves the work committed (the row commits or rolls back with the work), and a key that no event carries
 * proves it did not, for a method whose completed work always appended one.
 */
public final class RequestKeys {
    private static final class Bound {
        final String hash;
        boolean logged;

        Bound(String hash) {
            this.hash = hash;
        }
    }

    private static final ThreadLocal<Bound> CURRENT = new ThreadLocal<>();

    private RequestKeys() {
    }

    /** What identifies a user's key on an event: a SHA-256 of both, 64 hex digits. */
    static String hash(String username, String key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(username.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bind(String username, String key) {
        CURRENT.set(new Bound(hash(username, key)));
    }

    /** Whether an event was appended under the bound key since it was bound; the key is unbound. */
    static boolean unbind() {
        Bound b = CURRENT.get();
        CURRENT.remove();
        return b != null && b.logged;
    }

    /** The key's hash for an event appended now in a transaction, or null when the thread serves no keyed request. */
    public static String forAppend() {
        Bound b = CURRENT.get();
        if (b == null) {
            return null;
        }
        b.logged = true;
        return b.hash;
    }
}
