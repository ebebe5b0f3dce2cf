package org.titrate.licensing.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor's public keys by key id: built into this bundle ({@code keys/<keyId>.pub}, Base64 of the X.509 encoding),
 * several for rotation. Keys of the installation's own {@code etc/titrate-licence-keys/} count only when the framework
 * property {@code titrate.licence.localKeys} is {@code true} (tests, the vendor's own machines); the distribution sets
 * neither, and a licence they verify says so wherever it is shown.
 */
final class TrustedKeys {
    static final String LOCAL_KEYS_PROPERTY = "titrate.licence.localKeys";
    static final String LOCAL_KEYS_DIR = "titrate-licence-keys";
    private static final Logger LOG = LoggerFactory.getLogger(TrustedKeys.class);

    private TrustedKeys() {
    }

    static Map<String, PublicKey> builtIn(Bundle bundle) {
        Map<String, PublicKey> keys = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries("keys", "*.pub", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            try (InputStream in = url.openStream()) {
                keys.put(name.substring(0, name.length() - 4), decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                LOG.error("The built-in licence key {} is unreadable", name, e);
            }
        }
        return keys;
    }

    static Map<String, PublicKey> local(Path etc) {
        Map<String, PublicKey> keys = new TreeMap<>();
        Path dir = etc.resolve(LOCAL_KEYS_DIR);
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pub")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    keys.put(name.substring(0, name.length() - 4), decode(Files.readString(f, StandardCharsets.US_ASCII)));
                } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                    LOG.info("Local licence key {} is unreadable: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.info("Cannot read the local licence keys in {}: {}", dir, e.getMessage());
        }
        return keys;
    }

    static PublicKey decode(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64.strip())));
    }
}
