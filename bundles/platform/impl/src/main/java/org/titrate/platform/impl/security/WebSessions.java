package org.titrate.platform.impl.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.titrate.platform.impl.security.JaasAuthenticator.Caller;

/**
 * Browser sessions (PID {@code org.titrate.platform.session}): a signed-in user gets a random session id,
 * carried in an HttpOnly cookie, and a random CSRF token that the application sends back in a header on
 * every write. Kept in memory: a restart signs everybody out. A session that has not been used for the
 * idle timeout is gone; each use starts the timeout again.
 */
@Component(service = WebSessions.class, immediate = true, configurationPid = WebSessions.PID)
@Designate(ocd = WebSessions.Config.class)
public class WebSessions {
    public static final String PID = "org.titrate.platform.session";
    public static final String COOKIE = "TITRATE_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    @ObjectClassDefinition(name = "Titrate browser sessions", description = "Sign-in of the browser application")
    public @interface Config {
        @AttributeDefinition(description = "Minutes a browser session may stay unused before the user must sign in again")
        int idleTimeoutMinutes() default 30;
    }

    /** One signed-in browser. */
    public record Session(String id, String csrfToken, Caller caller) {
    }

    private record Entry(Session session, long lastUsed) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private volatile long idleMillis = 30 * 60_000L;

    public WebSessions() {
        this(System::currentTimeMillis);
    }

    WebSessions(LongSupplier clock) {
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(Config config) {
        idleMillis = Math.max(1, config.idleTimeoutMinutes()) * 60_000L;
    }

    void idleMinutes(int minutes) {
        idleMillis = minutes * 60_000L;
    }

    public Session open(Caller caller) {
        purge();
        Session s = new Session(token(), token(), caller);
        sessions.put(s.id(), new Entry(s, clock.getAsLong()));
        return s;
    }

    /** The live session with this id, its idle time started again; null when unknown or idle too long. */
    public Session use(String id) {
        if (id == null) {
            return null;
        }
        Entry e = sessions.get(id);
        long now = clock.getAsLong();
        if (e == null) {
            return null;
        }
        if (now - e.lastUsed() > idleMillis) {
            sessions.remove(id);
            return null;
        }
        sessions.put(id, new Entry(e.session(), now));
        return e.session();
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public long idleTimeoutSeconds() {
        return idleMillis / 1000;
    }

    private void purge() {
        long now = clock.getAsLong();
        sessions.values().removeIf(e -> now - e.lastUsed() > idleMillis);
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
