package org.titrate.platform.impl.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class LoginThrottleTest {
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(3, 5, 60_000));

    @Test
    public void anAccountIsLockedAfterTheLimitAndUnlocksWhenTheOldestFailureLeavesTheWindow() {
        throttle.failed("wang", "10.0.0.1", 1_000);
        throttle.failed("Wang", "10.0.0.2", 2_000);
        assertEquals(0, throttle.lockedFor("wang", "10.0.0.9", 2_500));
        throttle.failed("WANG", "10.0.0.3", 3_000);
        assertEquals(58_000, throttle.lockedFor("wang", "10.0.0.9", 3_000));
        assertEquals(0, throttle.lockedFor("li", "10.0.0.9", 3_000));
        // Attempts refused while locked are not counted by the caller, so the lock ends on time.
        assertEquals(1, throttle.lockedFor("wang", null, 60_999));
        assertEquals(0, throttle.lockedFor("wang", null, 61_000));
    }

    @Test
    public void anAddressGuessingManyAccountsIsLockedForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.7", 1_000 + i);
        }
        assertTrue(throttle.lockedFor("admin", "10.0.0.7", 2_000) > 0);
        assertEquals(0, throttle.lockedFor("admin", "10.0.0.8", 2_000));
    }

    @Test
    public void successClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("zhao", "10.0.0.5", 1_000);
        }
        throttle.succeeded("zhao");
        assertEquals(0, throttle.lockedFor("zhao", "10.0.0.6", 1_000));
        throttle.failed("x", "10.0.0.5", 1_000);
        throttle.failed("y", "10.0.0.5", 1_000);
        assertTrue(throttle.lockedFor("zhao", "10.0.0.5", 1_000) > 0);
    }

    @Test
    public void hostDropsThePortKarafRecords() {
        assertEquals("127.0.0.1", LoginThrottle.host("/127.0.0.1:52144"));
        assertEquals("10.1.2.3", LoginThrottle.host("10.1.2.3"));
        assertEquals("0:0:0:0:0:0:0:1", LoginThrottle.host("/0:0:0:0:0:0:0:1:52144"));
        assertEquals("::1", LoginThrottle.host("[::1]:8101"));
        assertEquals("::1", LoginThrottle.host("::1"));
    }
}
