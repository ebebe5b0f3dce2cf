package org.titrate.platform.impl.security;

import java.util.Set;
import java.util.function.Predicate;

/**
 * A login decided by Titrate rather than by a password in the JAAS realm: a WS-Security PasswordDigest made with the
 * user's {@link SoapKeys SOAP key}. It passes the same throttle, audit and disabled-account rule as every realm login, so
 * guessing keys locks the account and the address like guessing passwords does.
 */
public final class KeyLogin {
    private KeyLogin() {
    }

    /**
     * @param proven whether the request proves it knows this key (e.g. its digest matches)
     * @return the caller with the roles the user has now, or null when the user, the key or the proof is wrong
     * @throws JaasAuthenticator.Throttled when the account or address has failed too often lately; nothing is checked then
     */
    public static JaasAuthenticator.Caller login(String username, Predicate<String> proven, SoapKeys keys, UserDirectory users,
            String channel, String address) {
        LoginGuard guard = LoginGuard.current();
        String host = LoginThrottle.host(address);
        if (guard != null) {
            long locked = guard.lockedFor(username, host);
            if (locked > 0) {
                guard.throttled(username, channel, host, locked);
                throw new JaasAuthenticator.Throttled(new LoginGuardModule.ThrottledException(locked));
            }
        }
        UserDirectory.User user = username == null ? null : users.find(username);
        String key = user == null ? null : keys.keyOf(user.username());
        if (key == null || !proven.test(key)) {
            if (guard != null) {
                guard.failed(username, channel, host);
            }
            return null;
        }
        if (!user.active()) {
            if (guard != null) {
                guard.refusedDisabled(username, channel, host);
            }
            return null;
        }
        if (guard != null) {
            guard.succeeded(username, channel, host);
        }
        return new JaasAuthenticator.Caller(user.username(), Set.copyOf(user.roles()));
    }
}
