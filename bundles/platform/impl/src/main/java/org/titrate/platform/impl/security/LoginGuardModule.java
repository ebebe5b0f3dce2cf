package org.titrate.platform.impl.security;

import java.io.IOException;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountExpiredException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;

/**
 * The first login module of the {@code karaf} realm, so it guards SSH, JMX, REST and SOAP alike. It
 * refuses accounts and addresses that failed too often ({@link LoginThrottle}), makes a login for an
 * unknown user cost the same password hash as a wrong password, and records failures in the audit
 * log. It never decides a login by itself: it returns "ignore me" and leaves that to the modules
 * after it.
 */
public class LoginGuardModule implements LoginModule {
    private Subject subject;
    private CallbackHandler handler;
    private String username;
    private String channel;
    private String address;
    private boolean refused;

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
    }

    @Override
    public boolean login() throws LoginException {
        LoginGuard guard = LoginGuard.current();
        if (guard == null) {
            return false;
        }
        readClient();
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (UnsupportedCallbackException e) {
            // A public-key login (SSH) asks for no password.
            password = null;
            try {
                handler.handle(new Callback[] {name});
            } catch (IOException | UnsupportedCallbackException e2) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        username = name.getName();
        char[] typed = password == null ? null : password.getPassword();
        long lockedMillis = guard.lockedFor(username, address);
        if (lockedMillis > 0) {
            refused = true;
            guard.throttled(username, channel, address, lockedMillis);
            throw new ThrottledException(lockedMillis);
        }
        if (typed != null) {
            guard.equaliseTiming(username, new String(typed));
        }
        if (guard.disabled(username)) {
            // Refused whatever the password; not counted as a failure, since no password was guessed wrong.
            refused = true;
            guard.refusedDisabled(username, channel, address);
            throw new AccountExpiredException("Account disabled");
        }
        return false;
    }

    @Override
    public boolean commit() {
        LoginGuard guard = LoginGuard.current();
        if (guard != null && username != null) {
            guard.succeeded(username, channel, address);
        }
        return false;
    }

    @Override
    public boolean abort() {
        LoginGuard guard = LoginGuard.current();
        if (guard != null && username != null && !refused) {
            guard.failed(username, channel, address);
        }
        username = null;
        return false;
    }

    @Override
    public boolean logout() {
        return false;
    }

    /** SSH and JMX put the client in the subject before logging in; so does Titrate's HTTP path. */
    private void readClient() {
        for (ClientPrincipal p : subject.getPrincipals(ClientPrincipal.class)) {
            channel = p.getMethod();
            address = LoginThrottle.host(p.getAddress());
        }
    }

    /** Too many failed logins: the caller answers 429 (HTTP) or a delayed refusal (SSH). */
    public static final class ThrottledException extends javax.security.auth.login.AccountLockedException {
        private static final long serialVersionUID = 1L;
        private final long lockedMillis;

        public ThrottledException(long lockedMillis) {
            super("Too many failed logins; try again in " + Math.max(1, (lockedMillis + 999) / 1000) + " s");
            this.lockedMillis = lockedMillis;
        }

        public long lockedMillis() {
            return lockedMillis;
        }
    }
}
