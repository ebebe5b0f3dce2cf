package org.titrate.platform.impl.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.titrate.platform.impl.security.JaasAuthenticator.Caller;

public class WebSessionsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final WebSessions sessions = new WebSessions(now::get);
    private final Caller sales = new Caller("li.na", Set.of("sales"));

    @Test
    public void aSessionLivesWhileUsedAndDiesAfterTheIdleTimeout() {
        sessions.idleMinutes(30);
        WebSessions.Session s = sessions.open(sales);
        now.addAndGet(29 * 60_000L);
        assertEquals(sales, sessions.use(s.id()).caller());
        now.addAndGet(29 * 60_000L);
        assertEquals("each use starts the idle time again", sales, sessions.use(s.id()).caller());
        now.addAndGet(30 * 60_000L + 1);
        assertNull(sessions.use(s.id()));
    }

    @Test
    public void idsAndTokensAreRandomAndClosingEndsTheSession() {
        WebSessions.Session a = sessions.open(sales);
        WebSessions.Session b = sessions.open(sales);
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.id(), a.csrfToken());
        assertEquals(43, a.id().length());
        sessions.close(a.id());
        assertNull(sessions.use(a.id()));
        assertNull(sessions.use(null));
        assertEquals(b, sessions.use(b.id()));
    }
}
