package org.titrate.platform.impl.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.impl.audit.AuditTrail;

/**
 * SOAP keys: an application password per user, for WS-Security UsernameToken with PasswordDigest. A digest
 * (Base64(SHA-1(nonce + created + password))) can only be checked by whoever holds the password itself, and Titrate keeps
 * only bcrypt hashes of login passwords; so an administrator issues a separate random key for the integration instead
 * ({@code titrate:soap-key-issue}), shown once. It signs in over SOAP only, can be rotated (issued again) or revoked without
 * touching the user's password, and leaking it gives no login to the browser, REST or the shell.
 * <p>
 * Kept in {@code etc/titrate-soap-keys.properties}, readable by the owner alone like {@code users.properties} and the SSH
 * host key: the key must be there in clear to verify a digest (encrypting it would need a key on the same disk).
 * The keys are never logged nor listed; the audit trail records who issued or revoked whose key, and when.
 */
@Component(service = SoapKeys.class)
public class SoapKeys {
    static final String FILE = "titrate-soap-keys.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One user's key, when and by whom it was issued; {@code key} is null in listings. */
    public record Issued(String username, String key, Instant issuedAt, String issuedBy) {
    }

    @Reference
    private AuditTrail audit;

    static Path file() {
        return Path.of(System.getProperty("karaf.etc", "etc"), FILE);
    }

    /** Issues a new key for the user, replacing any earlier one, and returns it: the only time it is shown. */
    public synchronized String issue(String username) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Properties all = read();
        boolean rotated = all.containsKey(username);
        all.setProperty(username, key + ";" + Instant.now() + ";" + (CurrentUser.name() == null ? "-" : CurrentUser.name()));
        write(all);
        audit.record(rotated ? "SOAP_KEY_ROTATE" : "SOAP_KEY_ISSUE", username, "");
        return key;
    }

    /** Revokes the user's key; 404 when they have none. */
    public synchronized void revoke(String username) {
        Properties all = read();
        if (all.remove(username) == null) {
            throw new NotFoundException("SOAP key of user", username);
        }
        write(all);
        audit.record("SOAP_KEY_REVOKE", username, "");
    }

    /** Forgets a deleted user's key, so that a new user of the same name does not inherit it. */
    synchronized void forget(String username) {
        Properties all = read();
        if (all.remove(username) != null) {
            write(all);
        }
    }

    /** Who has a key, since when and from whom; without the keys. */
    public synchronized List<Issued> list() {
        Properties all = read();
        List<Issued> issued = new ArrayList<>();
        for (String name : all.stringPropertyNames()) {
            Issued i = parse(name, all.getProperty(name));
            issued.add(new Issued(i.username(), null, i.issuedAt(), i.issuedBy()));
        }
        issued.sort((a, b) -> a.username().compareTo(b.username()));
        return issued;
    }

    /** The user's key, for checking a digest; null when they have none. */
    public synchronized String keyOf(String username) {
        String value = username == null ? null : read().getProperty(username);
        return value == null ? null : parse(username, value).key();
    }

    private static Issued parse(String username, String value) {
        String[] parts = value.split(";", 3);
        Instant at = parts.length > 1 && !parts[1].isEmpty() ? Instant.parse(parts[1]) : null;
        return new Issued(username, parts[0], at, parts.length > 2 ? parts[2] : "-");
    }

    private static Properties read() {
        Properties all = new Properties();
        Path file = file();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                all.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
        return all;
    }

    /** Written to a private file beside it and moved over it: never readable by others, never half written. */
    private static void write(Properties all) {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path staging = Files.createTempFile(file.getParent(), FILE, ".new");
            try {
                OwnerOnlyFiles.restrict(staging, OwnerOnlyFiles.FILE);
                try (OutputStream out = Files.newOutputStream(staging)) {
                    java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                    all.store(w, "Titrate SOAP keys (titrate:soap-key-issue); owner-only; do not copy");
                    w.flush();
                }
                Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
