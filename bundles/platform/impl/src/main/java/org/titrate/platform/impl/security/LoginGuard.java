package org.titrate.platform.impl.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Titrate's {@code karaf} realm: Karaf's own login modules with {@link LoginGuardModule} in front.
 * Ranked above Karaf's realm of the same name, so every login of the container — SSH, JMX, REST,
 * SOAP — passes the throttle and the audit log. Settings in {@code etc/org.titrate.platform.login.cfg}
 * apply at once; they also appear as this service's properties.
 */
@Component(service = JaasRealm.class, immediate = true, configurationPid = LoginGuard.PID)
@Designate(ocd = LoginGuard.Config.class)
public class LoginGuard implements JaasRealm {
    public static final String PID = "org.titrate.platform.login";
    static final String REALM = JaasAuthenticator.REALM;
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    /** The logger Karaf's logging configuration sends to {@code data/log/security.log}. */
    private static final Logger AUDIT = LoggerFactory.getLogger("audit.titrate.login");
    private static final Logger LOG = LoggerFactory.getLogger(LoginGuard.class);

    @ObjectClassDefinition(name = "Titrate login guard", description = "Throttling of failed logins on SSH, JMX, REST and SOAP")
    public @interface Config {
        @AttributeDefinition(description = "Failed logins of one account within the window after which it is locked")
        int maxFailuresPerAccount() default 10;

        @AttributeDefinition(description = "Failed logins from one address within the window after which it is locked"
                + " (higher than per account: an office shares one address)")
        int maxFailuresPerAddress() default 30;

        @AttributeDefinition(description = "The window in seconds; a lock lifts when its oldest counted failure leaves it")
        int windowSeconds() default 300;

        @AttributeDefinition(description = "How long an SSH or JMX login attempt on a locked account waits before it is refused")
        int refusalDelaySeconds() default 3;

        @AttributeDefinition(description = "Seconds a REST or SOAP caller's successful login is remembered, so that not every"
                + " request runs the JAAS login (0: every request logs in). A changed password or role takes effect at once anyway")
        int loginCacheSeconds() default 30;
    }

    private static volatile LoginGuard current;

    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(10, 30, 300_000));
    private final List<JaasRealm> karafRealms = new CopyOnWriteArrayList<>();
    private volatile long refusalDelayMillis;
    private BundleContext context;
    private volatile Dummy dummy;
    private volatile KnownUsers knownUsers;

    /** The active guard, for the login modules Karaf instantiates by class name. */
    static LoginGuard current() {
        return current;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(component.name=org.titrate.platform.impl.security.LoginGuard))")
    void bindRealm(JaasRealm realm) {
        karafRealms.add(realm);
    }

    void unbindRealm(JaasRealm realm) {
        karafRealms.remove(realm);
    }

    @Activate
    void activate(BundleContext context, Config config) {
        this.context = context;
        modified(config);
        current = this;
    }

    @Modified
    void modified(Config config) {
        throttle.setLimits(new LoginThrottle.Limits(config.maxFailuresPerAccount(), config.maxFailuresPerAddress(),
                TimeUnit.SECONDS.toMillis(Math.max(1, config.windowSeconds()))));
        refusalDelayMillis = TimeUnit.SECONDS.toMillis(Math.max(0, config.refusalDelaySeconds()));
        JaasAuthenticator.cacheFor(TimeUnit.SECONDS.toMillis(Math.max(0, config.loginCacheSeconds())));
    }

    @Deactivate
    void deactivate() {
        if (current == this) {
            current = null;
        }
    }

    @Override
    public String getName() {
        return REALM;
    }

    @Override
    public int getRank() {
        return 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        List<AppConfigurationEntry> entries = new ArrayList<>();
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, LoginGuardModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        entries.add(new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.REQUISITE, options));
        JaasRealm karaf = karafRealm();
        if (karaf != null) {
            entries.addAll(List.of(karaf.getEntries()));
        }
        return entries.toArray(new AppConfigurationEntry[0]);
    }

    private JaasRealm karafRealm() {
        JaasRealm best = null;
        for (JaasRealm r : karafRealms) {
            if (REALM.equals(r.getName()) && (best == null || r.getRank() > best.getRank())) {
                best = r;
            }
        }
        return best;
    }

    // ---- what the login module asks ----

    long lockedFor(String username, String address) {
        return throttle.lockedFor(username, address, System.currentTimeMillis());
    }

    void throttled(String username, String channel, String address, long lockedMillis) {
        audit("LOGIN_LOCKED", username, channel, address, "locked for " + (lockedMillis + 999) / 1000 + " s");
        if (!"http".equals(channel) && refusalDelayMillis > 0) {
            // SSH and JMX clients retry at once; a slow refusal makes guessing there slow too.
            try {
                Thread.sleep(refusalDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void failed(String username, String channel, String address) {
        throttle.failed(username, address, System.currentTimeMillis());
        audit("LOGIN_FAILED", username, channel, address, null);
    }

    void succeeded(String username, String channel, String address) {
        throttle.succeeded(username);
        if (!"http".equals(channel)) {
            // HTTP clients sign every request; their successes would drown the log. Shell and JMX sessions are worth a line.
            audit("LOGIN", username, channel, address, null);
        }
    }

    /**
     * An unknown user would be refused before any password hash is computed, which tells a guesser
     * which names exist. Check the password against a dummy hash made the same way instead.
     */
    void equaliseTiming(String username, String password) {
        AppConfigurationEntry entry = propertiesEntry();
        if (entry == null) {
            return;
        }
        Path users = Path.of(String.valueOf(entry.getOptions().get("users")));
        if (users(users).contains(username)) {
            return;
        }
        Dummy d = dummy;
        if (d == null) {
            EncryptionSupport support = new EncryptionSupport(entry.getOptions());
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            d = new Dummy(support, support.encrypt(HexFormat.of().formatHex(random)));
            dummy = d;
        }
        d.support().checkPassword(password, d.hash());
    }

    /** Whether an administrator disabled the account: it then cannot log in anywhere (REST, SOAP, SSH, JMX). */
    boolean disabled(String username) {
        AppConfigurationEntry entry = propertiesEntry();
        return entry != null && username != null
                && users(Path.of(String.valueOf(entry.getOptions().get("users")))).disabled().contains(username);
    }

    void refusedDisabled(String username, String channel, String address) {
        audit("LOGIN_DISABLED", username, channel, address, null);
    }

    private record Dummy(EncryptionSupport support, String hash) {
    }

    /** The users file as last read: who exists, and who is disabled (marked with {@link UserDirectory#DISABLED}). */
    private record KnownUsers(Path file, long modified, long size, java.util.Set<String> names, java.util.Set<String> disabled) {
        boolean contains(String name) {
            return names.contains(name);
        }
    }

    private KnownUsers users(Path file) {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            long size = Files.size(file);
            KnownUsers k = knownUsers;
            if (k != null && k.file().equals(file) && k.modified() == modified && k.size() == size) {
                return k;
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            java.util.Set<String> disabled = new java.util.HashSet<>();
            for (String name : p.stringPropertyNames()) {
                // "hash,role,role,...": a disabled user keeps its roles and carries the marker among them.
                String[] value = p.getProperty(name).split(",");
                for (int i = 1; i < value.length; i++) {
                    if (UserDirectory.DISABLED.equals(value[i].strip())) {
                        disabled.add(name);
                    }
                }
            }
            k = new KnownUsers(file, modified, size, java.util.Set.copyOf(p.stringPropertyNames()), java.util.Set.copyOf(disabled));
            knownUsers = k;
            return k;
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.toString());
            return new KnownUsers(file, 0, 0, java.util.Set.of(), java.util.Set.of());
        }
    }

    private AppConfigurationEntry propertiesEntry() {
        return propertiesEntry(karafRealms);
    }

    /** The {@code karaf} realm's properties login module, whose file holds the users and whose options say how they are hashed. */
    static AppConfigurationEntry propertiesEntry(Iterable<JaasRealm> realms) {
        for (JaasRealm realm : realms) {
            if (!REALM.equals(realm.getName())) {
                continue;
            }
            for (AppConfigurationEntry e : realm.getEntries()) {
                // Karaf wraps every login module in its ProxyLoginModule and names the real one in an option.
                if (PROPERTIES_MODULE.equals(e.getOptions().get(ProxyLoginModule.PROPERTY_MODULE))) {
                    return e;
                }
            }
        }
        return null;
    }

    /** One line per event, with the time: the audit appender writes messages only. Names come from strangers: no control characters. */
    private static void audit(String event, String username, String channel, String address, String detail) {
        AUDIT.info("{} {} user={} channel={} address={}{}", Instant.now(), event, clean(username), clean(channel), clean(address),
                detail == null ? "" : " " + detail);
    }

    static String clean(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                b.append('_');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
