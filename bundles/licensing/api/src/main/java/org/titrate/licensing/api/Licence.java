package org.titrate.licensing.api;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A licence: who may use which modules, until when, with how many named users, signed by the vendor's key
 * {@code keyId}. The file is UTF-8 text of {@code key = value} lines ({@code #} starts a comment); the signature
 * ({@link #signature}, Ed25519, Base64) covers the {@linkplain #canonicalForm() canonical form}, so reordering lines,
 * changing spaces, comments or line ends, or the order of the modules does not break it, and changing any value does.
 *
 * @param licenceId the vendor's number for it
 * @param licensee the customer's company name (Chinese as written)
 * @param issued the day it was issued
 * @param validFrom first day it is valid
 * @param validUntil last day it is valid
 * @param modules the modules it grants, each with its own last day or null for {@code validUntil}; sorted by name
 * @param maxUsers how many named users it allows
 * @param keyId which of the vendor's keys signed it
 * @param algorithm the signature algorithm; only {@code Ed25519} is accepted
 * @param signature the signature over the canonical form; empty before signing
 */
public record Licence(String licenceId, String licensee, LocalDate issued, LocalDate validFrom, LocalDate validUntil,
        Map<String, LocalDate> modules, int maxUsers, String keyId, String algorithm, byte[] signature) {

    public static final String ED25519 = "Ed25519";
    /** A licence is a few hundred bytes; anything larger than this is refused unread. */
    public static final int MAX_BYTES = 64 * 1024;
    static final Set<String> FIELDS = Set.of("licenceId", "licensee", "issued", "validFrom", "validUntil", "modules", "maxUsers",
            "keyId", "algorithm", "signature");
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    public Licence {
        Objects.requireNonNull(licenceId, "licenceId");
        Objects.requireNonNull(licensee, "licensee");
        modules = Collections.unmodifiableMap(new TreeMap<>(modules));
        signature = signature == null ? new byte[0] : signature.clone();
    }

    /** The last day a module is licensed (its own end, or the licence's); null when the licence does not grant it. */
    public LocalDate until(String module) {
        if (!modules.containsKey(module)) {
            return null;
        }
        LocalDate own = modules.get(module);
        return own == null || own.isAfter(validUntil) ? validUntil : own;
    }

    /** The same licence with a signature. */
    public Licence withSignature(byte[] newSignature) {
        return new Licence(licenceId, licensee, issued, validFrom, validUntil, modules, maxUsers, keyId, algorithm, newSignature);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * What is signed: every field but the signature as {@code key=value} lines in the order of the keys, values as
     * parsed (trimmed, the licensee in Unicode NFC, dates ISO, modules sorted {@code name[:until]} joined by commas),
     * each line ended by a line feed, in UTF-8.
     */
    public byte[] canonicalForm() {
        Map<String, String> fields = new TreeMap<>();
        fields.put("licenceId", licenceId);
        fields.put("licensee", licensee);
        fields.put("issued", issued.toString());
        fields.put("validFrom", validFrom.toString());
        fields.put("validUntil", validUntil.toString());
        fields.put("modules", modulesText());
        fields.put("maxUsers", Integer.toString(maxUsers));
        fields.put("keyId", keyId);
        fields.put("algorithm", algorithm);
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String modulesText() {
        StringBuilder out = new StringBuilder();
        modules.forEach((name, until) -> {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(name);
            if (until != null) {
                out.append(':').append(until);
            }
        });
        return out.toString();
    }

    /** The licence as a file, readable by people: a comment, then one field a line, the signature last. */
    public String toFile() {
        StringBuilder out = new StringBuilder("# Titrate licence. Edit nothing: any change of a value voids the signature.\n");
        out.append("licenceId = ").append(licenceId).append('\n');
        out.append("licensee = ").append(licensee).append('\n');
        out.append("issued = ").append(issued).append('\n');
        out.append("validFrom = ").append(validFrom).append('\n');
        out.append("validUntil = ").append(validUntil).append('\n');
        out.append("modules = ").append(modulesText().replace(",", ", ")).append('\n');
        out.append("maxUsers = ").append(maxUsers).append('\n');
        out.append("keyId = ").append(keyId).append('\n');
        out.append("algorithm = ").append(algorithm).append('\n');
        out.append("signature = ").append(Base64.getEncoder().encodeToString(signature)).append('\n');
        return out.toString();
    }

    /**
     * Reads a licence file. Refuses (with a message that says what is wrong) a file larger than {@link #MAX_BYTES},
     * text that is not UTF-8, a line without {@code =}, an unknown or repeated field, a missing one, and malformed values.
     * Checks nothing about the signature or the dates' meaning.
     */
    public static Licence parse(byte[] file) {
        if (file == null || file.length == 0) {
            throw new IllegalArgumentException("the licence file is empty");
        }
        if (file.length > MAX_BYTES) {
            throw new IllegalArgumentException("the licence file is larger than " + MAX_BYTES + " bytes; a licence is a few hundred");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("the licence file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\r\n|\r|\n")) {
            lineNumber++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + lineNumber + " of the licence is not 'field = value'");
            }
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip();
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("the licence has an unknown field '" + key + "'");
            }
            if (fields.put(key, value) != null) {
                throw new IllegalArgumentException("the licence names '" + key + "' twice");
            }
        }
        for (String f : FIELDS) {
            if (!fields.containsKey(f) || fields.get(f).isEmpty()) {
                throw new IllegalArgumentException("the licence lacks '" + f + "' (is the file truncated?)");
            }
        }
        String licenceId = token(fields, "licenceId");
        String licensee = Normalizer.normalize(fields.get("licensee"), Normalizer.Form.NFC);
        if (licensee.length() > 200) {
            throw new IllegalArgumentException("the licensee has more than 200 characters");
        }
        LocalDate issued = date(fields, "issued");
        LocalDate validFrom = date(fields, "validFrom");
        LocalDate validUntil = date(fields, "validUntil");
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("the licence ends (validUntil " + validUntil + ") before it begins (validFrom " + validFrom + ")");
        }
        int maxUsers;
        try {
            maxUsers = Integer.parseInt(fields.get("maxUsers"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("maxUsers is not a whole number: " + fields.get("maxUsers"));
        }
        if (maxUsers < 1) {
            throw new IllegalArgumentException("maxUsers must be at least 1");
        }
        Map<String, LocalDate> modules = new TreeMap<>();
        for (String part : fields.get("modules").split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.indexOf(':');
            String name = (colon < 0 ? p : p.substring(0, colon)).strip().toLowerCase(java.util.Locale.ROOT);
            if (!MODULE.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' in modules is not a module name");
            }
            LocalDate until = null;
            if (colon >= 0) {
                String d = p.substring(colon + 1).strip();
                try {
                    until = LocalDate.parse(d);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("module " + name + " has no valid end date: " + d);
                }
            }
            if (modules.containsKey(name)) {
                throw new IllegalArgumentException("the licence names module " + name + " twice");
            }
            modules.put(name, until);
        }
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("the licence grants no module");
        }
        String keyId = token(fields, "keyId");
        String algorithm = fields.get("algorithm");
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(fields.get("signature"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the signature is not Base64");
        }
        return new Licence(licenceId, licensee, issued, validFrom, validUntil, modules, maxUsers, keyId, algorithm, signature);
    }

    private static String token(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (!TOKEN.matcher(v).matches()) {
            throw new IllegalArgumentException(key + " may hold letters, digits, '.', '_' and '-' only: " + v);
        }
        return v;
    }

    private static LocalDate date(Map<String, String> fields, String key) {
        try {
            return LocalDate.parse(fields.get(key));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " is not a date YYYY-MM-DD: " + fields.get(key));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Licence other && java.util.Arrays.equals(canonicalForm(), other.canonicalForm())
                && java.util.Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(canonicalForm());
    }

    @Override
    public String toString() {
        return "Licence " + licenceId + " for " + licensee;
    }
}
