import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Build check run by every bundle's {@code verify} (bundles/pom.xml): each package a bundle exports must
 * declare its own version with {@code @org.osgi.annotation.versioning.Version} in its
 * {@code package-info.java}, and the manifest must export it with that version. Without the annotation the
 * bundle plugin silently exports the package at the project's version, so consumers import a range that
 * says nothing about what changed. Run as a single-file program: {@code java ExportedPackageVersions.java
 * <packaging> <bundle.jar>} (projects not packaged as a bundle pass); exits 1 and names the packages when
 * one has no version.
 */
public final class ExportedPackageVersions {

    private static final byte[] VERSION_ANNOTATION =
            "Lorg/osgi/annotation/versioning/Version;".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ExportedPackageVersions.java <packaging> <bundle.jar>");
            System.exit(2);
        }
        if (!"bundle".equals(args[0])) {
            return;
        }
        Path jar = Path.of(args[1]);
        if (!Files.isRegularFile(jar)) {
            System.err.println("[exported package versions] no bundle at " + jar);
            System.exit(2);
        }
        List<String> problems = check(jar);
        if (!problems.isEmpty()) {
            System.err.println("[exported package versions] " + jar.getFileName() + ":");
            problems.forEach(p -> System.err.println("  " + p));
            System.err.println("Give every exported package a package-info.java with @org.osgi.annotation.versioning.Version"
                    + " (docs/adding-a-module.md, 2).");
            System.exit(1);
        }
    }

    static List<String> check(Path jarPath) throws IOException {
        List<String> problems = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Manifest manifest = jar.getManifest();
            String exports = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
            if (exports == null || exports.isBlank()) {
                return problems;
            }
            for (String clause : clauses(exports)) {
                String[] parts = clause.split(";");
                String pkg = parts[0].trim();
                boolean versioned = false;
                for (int i = 1; i < parts.length; i++) {
                    String attribute = parts[i].trim();
                    if (attribute.startsWith("version=")) {
                        versioned = true;
                    }
                }
                if (!versioned) {
                    problems.add(pkg + ": exported without a version");
                }
                var info = jar.getJarEntry(pkg.replace('.', '/') + "/package-info.class");
                if (info == null) {
                    problems.add(pkg + ": no package-info.java");
                    continue;
                }
                try (InputStream in = jar.getInputStream(info)) {
                    if (!contains(in.readAllBytes(), VERSION_ANNOTATION)) {
                        problems.add(pkg + ": package-info.java has no @Version");
                    }
                }
            }
        }
        return problems;
    }

    /** Splits a manifest header at the commas that are not inside quotes. */
    private static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            clauses.add(current.toString());
        }
        return clauses;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
