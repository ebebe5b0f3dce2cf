package org.titrate.platform.impl.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.security.UserLookup;
import org.titrate.platform.impl.audit.AuditTrail;

/**
 * Titrate's users are users of Karaf's {@code karaf} realm, so one account works for REST, SOAP
 * and SSH. On first start it creates {@code admin} with the password from
 * {@code TITRATE_ADMIN_PASSWORD}, or a generated one written to {@code data/initial-admin-password},
 * and removes Karaf's well-known {@code karaf} user should a stock users file bring it back.
 */
@Component(service = {UserDirectory.class, UserLookup.class}, immediate = true)
public class UserDirectory implements UserLookup {
    public static final String ADMIN = "admin";
    public static final String PASSWORD_ENV = "TITRATE_ADMIN_PASSWORD";
    public static final String PASSWORD_FILE = "initial-admin-password";
    /**
     * Karaf's roles of an administrator, as its stock admin group has them: {@code manager} for Karaf's
     * commands and MBeans, {@code systembundles} for the container's own bundles, {@code ssh} for the shell.
     */
    static final List<String> KARAF_ADMIN_ROLES = List.of("manager", "systembundles", "ssh");
    /** The Karaf role the SSH server asks for (sshRole in etc/org.apache.karaf.shell.cfg). */
    static final String SHELL_ROLE = "ssh";
    /** A misspelling of systembundles that earlier versions gave every admin; it granted nothing. */
    private static final String MISSPELT_ROLE = "systembolt";
    private static final String USERS_OPTION = "users";
    /**
     * The Karaf role that marks a disabled account: the login guard refuses it on every channel, and the user's
     * roles stay, for when an administrator enables it again. It grants nothing.
     */
    public static final String DISABLED = "titrate-disabled";
    /** The roles Titrate gives and takes; any other role of a user is left as it is. */
    private static final Set<String> MANAGED_ROLES = java.util.stream.Stream.of(Roles.ASSIGNABLE, KARAF_ADMIN_ROLES,
            List.of(SHELL_ROLE, DISABLED)).flatMap(java.util.Collection::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

    /** Karaf registers its realms without a name property, so pick the {@code karaf} realm by name. */
    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    void bindRealm(JaasRealm realm) {
        realms.add(realm);
        bootstrapWhenReady();
    }

    void unbindRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    private final List<BackingEngineFactory> factories = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC)
    void bindFactory(BackingEngineFactory factory) {
        factories.add(factory);
        bootstrapWhenReady();
    }

    void unbindFactory(BackingEngineFactory factory) {
        factories.remove(factory);
    }

    /** A user as the REST API shows it; {@code active} is false once an administrator disabled it. */
    public record User(String username, List<String> roles, boolean active) {
        /** An administrator who can log in: the suite needs one at least. */
        public boolean activeAdmin() {
            return active && roles.contains(Roles.ADMIN);
        }
    }

    private volatile boolean active;
    private boolean bootstrapped;

    @Reference
    private AuditTrail audit;

    @Reference
    private SoapKeys soapKeys;

    @Reference
    private org.titrate.platform.impl.licensing.ModuleLicences licences;

    @Activate
    void activate() {
        active = true;
        bootstrapWhenReady();
    }

    /**
     * Karaf registers the realm and its backing-engine factories one by one; the properties
     * engine may arrive after this component activated, so try again on every arrival.
     */
    private synchronized void bootstrapWhenReady() {
        if (!active || bootstrapped) {
            return;
        }
        if (findEngine() == null) {
            return;
        }
        try {
            edit(this::bootstrap);
            bootstrapped = true;
        } catch (IOException e) {
            LOG.error("Could not create the admin user", e);
        }
    }

    private void bootstrap(BackingEngine engine) throws IOException {
        if (engine.lookupUser("karaf") != null) {
            engine.deleteUser("karaf");
            LOG.warn("Removed Karaf's well-known 'karaf' user");
        }
        if (engine.lookupUser(ADMIN) == null) {
            String password = System.getenv(PASSWORD_ENV);
            if (password == null || password.isBlank()) {
                password = newPassword();
                Path file = Path.of(System.getProperty("karaf.data", "data"), PASSWORD_FILE);
                Files.deleteIfExists(file);
                try {
                    // Owner-only from the first byte, not narrowed after writing.
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    LOG.warn("File system without POSIX permissions; protect {} yourself", file);
                    Files.createFile(file);
                }
                Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
                LOG.warn("Created user '{}' with a generated password; read it from {}", ADMIN, file);
            } else {
                LOG.info("Created user '{}' with the password from {}", ADMIN, PASSWORD_ENV);
            }
            engine.addUser(ADMIN, password);
            engine.addRole(ADMIN, Roles.ADMIN);
            engine.addRole(ADMIN, Roles.VIEWER);
            KARAF_ADMIN_ROLES.forEach(r -> engine.addRole(ADMIN, r));
        }
        repairShellAccess(engine);
        JaasAuthenticator.forget();
    }

    /**
     * Earlier versions let every user into the shell. Only admins and operators keep the role that
     * opens it; admins get the Karaf roles they were meant to have.
     */
    private static void repairShellAccess(BackingEngine engine) {
        for (UserPrincipal user : engine.listUsers()) {
            List<String> roles = engine.listRoles(user).stream().map(RolePrincipal::getName).toList();
            boolean admin = roles.contains(Roles.ADMIN);
            if (roles.contains(SHELL_ROLE) && !admin && !roles.contains(Roles.OPERATOR)) {
                engine.deleteRole(user.getName(), SHELL_ROLE);
                LOG.warn("User '{}' may no longer open the shell: only admins and operators may", user.getName());
            }
            if (roles.contains(MISSPELT_ROLE)) {
                engine.deleteRole(user.getName(), MISSPELT_ROLE);
            }
            if (admin) {
                KARAF_ADMIN_ROLES.stream().filter(r -> !roles.contains(r)).forEach(r -> engine.addRole(user.getName(), r));
            }
        }
    }

    public synchronized User add(String username, String password, Set<String> roles) {
        // Names differ in more than case, or "Admin" could pose as "admin" in every audit trail.
        for (UserPrincipal existing : engine().listUsers()) {
            if (existing.getName().equalsIgnoreCase(username)) {
                throw new ConflictException("username", "user '" + existing.getName() + "' already exists");
            }
        }
        licences.checkUserCount(list().size());
        try {
            edit(engine -> {
                engine.addUser(username, password);
                karafRoles(roles, true).forEach(r -> engine.addRole(username, r));
            });
        } catch (IOException e) {
            throw new IllegalStateException("Could not store user " + username, e);
        }
        JaasAuthenticator.forget();
        LOG.info("User '{}' added with roles {} by '{}'", username, roles, CurrentUser.name());
        audit.record("USER_ADD", username, "roles " + String.join(", ", new java.util.TreeSet<>(roles)));
        return find(username);
    }

    /**
     * The Karaf roles a user with these Titrate roles holds. Business users work over REST, SOAP and the browser;
     * the shell is for admins and operators.
     */
    private static Set<String> karafRoles(Set<String> roles, boolean active) {
        Set<String> all = new LinkedHashSet<>(roles);
        if (roles.contains(Roles.ADMIN)) {
            all.addAll(KARAF_ADMIN_ROLES);
        } else if (roles.contains(Roles.OPERATOR)) {
            all.add(SHELL_ROLE);
        }
        if (!active) {
            all.add(DISABLED);
        }
        return all;
    }

    /**
     * Gives a user new roles, disables or enables it (either may be null: unchanged). The last administrator who
     * can log in stays one (409), so the suite is never left without.
     */
    public synchronized User update(String username, Set<String> roles, Boolean active) {
        User user = find(username);
        if (user == null) {
            throw new NotFoundException("User", username);
        }
        Set<String> newRoles = roles == null ? new LinkedHashSet<>(user.roles()) : roles;
        boolean newActive = active == null ? user.active() : active;
        if (!newActive && user.username().equals(CurrentUser.name())) {
            throw new ConflictException("active", "you cannot disable yourself; another administrator can");
        }
        UserRules.keepAnActiveAdmin(list(), user, newActive && newRoles.contains(Roles.ADMIN), roles == null ? "active" : "roles");
        try {
            edit(engine -> {
                UserPrincipal principal = engine.lookupUser(user.username());
                for (RolePrincipal role : engine.listRoles(principal)) {
                    // Roles given by hand outside Titrate stay.
                    if (MANAGED_ROLES.contains(role.getName())) {
                        engine.deleteRole(user.username(), role.getName());
                    }
                }
                karafRoles(newRoles, newActive).forEach(r -> engine.addRole(user.username(), r));
            });
        } catch (IOException e) {
            throw new IllegalStateException("Could not store user " + username, e);
        }
        JaasAuthenticator.forget();
        LOG.info("User '{}' now has roles {}{} (by '{}')", user.username(), newRoles, newActive ? "" : ", disabled", CurrentUser.name());
        java.util.SortedSet<String> oldSorted = new java.util.TreeSet<>(user.roles());
        java.util.SortedSet<String> newSorted = new java.util.TreeSet<>(newRoles);
        if (!oldSorted.equals(newSorted)) {
            audit.record("USER_ROLES", user.username(), String.join(", ", oldSorted) + " -> " + String.join(", ", newSorted));
        }
        if (newActive != user.active()) {
            audit.record(newActive ? "USER_ENABLE" : "USER_DISABLE", user.username(), "");
        }
        return find(user.username());
    }

    /** Deletes a user; not the last administrator who can log in, and nobody deletes themselves (409). */
    public synchronized void delete(String username) {
        User user = find(username);
        if (user == null) {
            throw new NotFoundException("User", username);
        }
        if (user.username().equals(CurrentUser.name())) {
            throw new ConflictException("username", "you cannot delete yourself; another administrator can");
        }
        UserRules.keepAnActiveAdmin(list(), user, false, "username");
        try {
            edit(engine -> engine.deleteUser(user.username()));
        } catch (IOException e) {
            throw new IllegalStateException("Could not delete user " + username, e);
        }
        JaasAuthenticator.forget();
        soapKeys.forget(user.username());
        LOG.info("User '{}' deleted by '{}'", user.username(), CurrentUser.name());
        audit.record("USER_DELETE", user.username(), "roles " + String.join(", ", user.roles()));
    }

    /** Sets a user's password; the roles stay. Once the admin has chosen one, the generated first password is deleted. */
    public synchronized void changePassword(String username, String password) {
        if (engine().lookupUser(username) == null) {
            throw new NotFoundException("User", username);
        }
        try {
            edit(engine -> engine.addUser(username, password));
            if (ADMIN.equals(username)) {
                Files.deleteIfExists(Path.of(System.getProperty("karaf.data", "data"), PASSWORD_FILE));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the password of " + username, e);
        }
        JaasAuthenticator.forget();
        LOG.info("Password of user '{}' changed by '{}'", username, CurrentUser.name());
        audit.record("USER_PASSWORD", username, "password changed");
    }

    /** A change of the users file, made by Karaf's backing engine. */
    interface Edit {
        void apply(BackingEngine engine) throws IOException;
    }

    /**
     * Karaf's AutoEncryptionSupport rewrites users.properties whenever it changes; reading it in the
     * middle of one of the engine's saves (one per added role) it has been seen to drop roles and
     * invent users. So every change is made on a staging copy and moved over the file atomically:
     * the watcher only ever sees complete files.
     */
    private void edit(Edit edit) throws IOException {
        AppConfigurationEntry entry = propertiesEntry();
        Path live = Path.of(String.valueOf(entry.getOptions().get(USERS_OPTION)));
        Path staging = Files.createTempFile(live.getParent(), ".users", ".staging");
        try {
            Files.copy(live, staging, StandardCopyOption.REPLACE_EXISTING);
            Map<String, Object> options = new HashMap<>(entry.getOptions());
            options.put(USERS_OPTION, staging.toString());
            edit.apply(engine(entry, options));
            Files.move(staging, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    @Override
    public boolean exists(String username) {
        return username != null && find(username) != null;
    }

    public User find(String username) {
        BackingEngine engine = engine();
        UserPrincipal user = engine.lookupUser(username);
        if (user == null) {
            return null;
        }
        return user(engine, user);
    }

    private static User user(BackingEngine engine, UserPrincipal user) {
        List<String> karaf = engine.listRoles(user).stream().map(RolePrincipal::getName).toList();
        return new User(user.getName(), karaf.stream().filter(Roles.ASSIGNABLE::contains).distinct().sorted().toList(),
                !karaf.contains(DISABLED));
    }

    public List<User> list() {
        BackingEngine engine = engine();
        List<User> users = new ArrayList<>();
        for (UserPrincipal u : engine.listUsers()) {
            users.add(user(engine, u));
        }
        users.sort((a, b) -> a.username().compareTo(b.username()));
        return users;
    }

    private BackingEngine engine() {
        BackingEngine engine = findEngine();
        if (engine == null) {
            throw new IllegalStateException("The karaf realm has no properties login module to store users in");
        }
        return engine;
    }

    private BackingEngine findEngine() {
        AppConfigurationEntry entry = propertiesEntry();
        return entry == null ? null : engine(entry, entry.getOptions());
    }

    private BackingEngine engine(AppConfigurationEntry entry, Map<String, ?> options) {
        BackingEngineService service = new BackingEngineService();
        service.setEngineFactories(new ArrayList<>(factories));
        return service.get(new AppConfigurationEntry(entry.getLoginModuleName(), entry.getControlFlag(), options));
    }

    private AppConfigurationEntry propertiesEntry() {
        return LoginGuard.propertiesEntry(realms);
    }

    /** A random password of 20 letters and digits (no look-alikes), as the first admin gets and the shell hands out. */
    public static String newPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
