package org.titrate.licensing.tool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.titrate.licensing.api.Licence;

/**
 * The vendor's tool. {@code keygen DIR KEYID} writes {@code KEYID.pub} (ship it in the licensing bundle's
 * {@code keys/}) and {@code KEYID.key} (owner-only; never into the repository or a distribution).
 * {@code issue --key FILE.key --keyId ID --id L-… --licensee NAME|--licenseeFile FILE --from DATE --until DATE --modules sales,finance:2027-06-30
 * --maxUsers N [--issued DATE] --out FILE} writes a signed licence.
 */
public final class LicenceTool {
    private LicenceTool() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("titrate-licensing-tool: " + e.getMessage());
            System.exit(2);
        } catch (IOException | GeneralSecurityException e) {
            System.err.println("titrate-licensing-tool: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args, PrintStream out) throws IOException, GeneralSecurityException {
        if (args.length == 0 || args[0].equals("help")) {
            out.println("usage: keygen DIR KEYID");
            out.println("       issue --key FILE.key --keyId ID --id LICENCE-ID --licensee NAME|--licenseeFile FILE --from YYYY-MM-DD --until YYYY-MM-DD");
            out.println("             --modules sales,inventory,finance:YYYY-MM-DD --maxUsers N [--issued YYYY-MM-DD] --out FILE");
            return 0;
        }
        switch (args[0]) {
            case "keygen" -> {
                if (args.length != 3) {
                    throw new IllegalArgumentException("keygen DIR KEYID");
                }
                keygen(Path.of(args[1]), args[2]);
                out.println("wrote " + Path.of(args[1], args[2] + ".pub") + " and " + Path.of(args[1], args[2] + ".key"));
                return 0;
            }
            case "issue" -> {
                Map<String, String> o = options(args);
                Licence licence = issue(readPrivateKey(Path.of(need(o, "key"))), need(o, "keyId"), need(o, "id"), licensee(o),
                        o.containsKey("issued") ? LocalDate.parse(o.get("issued")) : LocalDate.now(),
                        LocalDate.parse(need(o, "from")), LocalDate.parse(need(o, "until")), modules(need(o, "modules")),
                        Integer.parseInt(need(o, "maxUsers")));
                Files.writeString(Path.of(need(o, "out")), licence.toFile(), StandardCharsets.UTF_8);
                out.println("wrote licence " + licence.licenceId() + " to " + o.get("out"));
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'; try help");
        }
    }

    /** A new Ed25519 key pair as {@code DIR/KEYID.pub} and {@code DIR/KEYID.key} (Base64 of X.509 and PKCS#8). */
    public static KeyPair keygen(Path dir, String keyId) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(Licence.ED25519).generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(keyId + ".pub"), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        Path key = dir.resolve(keyId + ".key");
        Files.deleteIfExists(key);
        try {
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(key);
        }
        Files.writeString(key, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
        return pair;
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(Licence.ED25519)
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(Files.readString(file).strip())));
    }

    /** A signed licence. */
    public static Licence issue(PrivateKey key, String keyId, String id, String licensee, LocalDate issued, LocalDate from,
            LocalDate until, Map<String, LocalDate> modules, int maxUsers) throws GeneralSecurityException {
        Licence unsigned = new Licence(id, licensee, issued, from, until, modules, maxUsers, keyId, Licence.ED25519, new byte[0]);
        // Parsing its own file first applies every rule a customer's installation applies.
        Licence.parse(unsigned.withSignature(new byte[64]).toFile().getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance(Licence.ED25519);
        signer.initSign(key);
        signer.update(unsigned.canonicalForm());
        return unsigned.withSignature(signer.sign());
    }

    /** {@code sales,inventory,finance:2027-06-30}: each module, with its own end date or none. */
    public static Map<String, LocalDate> modules(String text) {
        Map<String, LocalDate> modules = new TreeMap<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            modules.put(colon < 0 ? p : p.substring(0, colon), colon < 0 ? null : LocalDate.parse(p.substring(colon + 1)));
        }
        return modules;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    /** {@code --licensee NAME}, or {@code --licenseeFile FILE} (UTF-8) where the command line cannot carry Chinese safely. */
    private static String licensee(Map<String, String> o) throws IOException {
        if (o.containsKey("licenseeFile")) {
            return Files.readString(Path.of(o.get("licenseeFile")), StandardCharsets.UTF_8).strip();
        }
        return need(o, "licensee");
    }

    private static String need(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
