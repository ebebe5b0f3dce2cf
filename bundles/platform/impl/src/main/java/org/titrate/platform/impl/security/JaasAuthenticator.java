package org.titrate.platform.impl.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;

/**
 * Checks user name and password against Karaf's {@code karaf} JAAS realm, the same realm the SSH
 * shell uses. Successful logins are remembered for a short while so that a client polling the API
 * does not pay a password hash per request.
 */
public final class JaasAuthenticator {
    public static final String REALM = "karaf";
    private static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";
    /** How long a successful login is remembered; {@code loginCacheSeconds} of PID org.titrate.platform.login. */
    private static volatile long cacheMillis = 30_000;

    /** An authenticated user and the roles of their JAAS subject. */
    public record Caller(String username, Set<String> roles) {
        public boolean hasAnyRole(Set<String> wanted) {
            return roles.stream().anyMatch(wanted::contains);
        }
    }

    private record Cached(Caller caller, long expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private JaasAuthenticator() {
    }

    /** Remembers successful logins this long from now on (0: not at all); drops what it remembered. */
    static void cacheFor(long millis) {
        cacheMillis = millis;
        CACHE.clear();
    }

    /** Too many failed logins for the account or the address: answer 429 with Retry-After. */
    public static final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Throttled(LoginGuardModule.ThrottledException cause) {
            super(cause.getMessage(), cause);
            this.retryAfterSeconds = Math.max(1, (cause.lockedMillis() + 999) / 1000);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * Returns the caller, or null when the credentials are wrong.
     *
     * @param channel how the caller came ("http"), and its address, for the login guard and the audit log
     * @throws Throttled when the account or address has failed too often lately
     */
    public static Caller login(String username, String password, String channel, String address) {
        String key = fingerprint(username, password);
        long now = System.currentTimeMillis();
        Cached cached = CACHE.get(key);
        if (cached != null && cached.expires() > now && cacheMillis > 0) {
            return cached.caller();
        }
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal(channel, address == null ? "unknown" : address));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(JaasAuthenticator.class.getClassLoader());
            LoginContext lc = new LoginContext(REALM, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(username);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            lc.login();
        } catch (LoginGuardModule.ThrottledException e) {
            CACHE.remove(key);
            throw new Throttled(e);
        } catch (LoginException e) {
            CACHE.remove(key);
            return null;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p.getClass().getName().equals(ROLE_PRINCIPAL)) {
                roles.add(p.getName());
            }
        }
        Caller caller = new Caller(username, Set.copyOf(roles));
        if (CACHE.size() > 10_000) {
            CACHE.clear();
        }
        if (cacheMillis > 0) {
            CACHE.put(key, new Cached(caller, now + cacheMillis));
        }
        return caller;
    }

    /** Forgets remembered logins, e.g. after a user or password changed. */
    public static void forget() {
        CACHE.clear();
    }

    private static String fingerprint(String username, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
