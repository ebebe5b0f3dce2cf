package org.titrate.platform.impl.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation holds password hashes, the SSH host key and the whole database. Whatever umask
 * the container was started with and whatever modes the archive unpacked with, {@code etc/} and
 * {@code data/} are the owner's alone after every start, and so are the secret files in them
 * ({@code bin/setenv} also sets umask 077, so that files created later are born private).
 */
@Component(immediate = true)
public class OwnerOnlyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    static final String DIRECTORY = "rwx------";
    static final String FILE = "rw-------";

    /** The embedded database is created by its first connection; only then are its files there to restrict. */
    @Reference(target = "(titrate.schema=platform)")
    private DataSource dataSource;

    @Activate
    void activate() {
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        Path data = Path.of(System.getProperty("karaf.data", "data"));
        restrict(etc, DIRECTORY);
        restrict(data, DIRECTORY);
        try (Connection c = dataSource.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            LOG.warn("The database did not answer; its files are restricted at the next start: {}", e.toString());
        }
        Path database = data.resolve("titrate-db");
        if (Files.isDirectory(database)) {
            try (Stream<Path> tree = Files.walk(database)) {
                tree.forEach(p -> restrict(p, Files.isDirectory(p) ? DIRECTORY : FILE));
            } catch (IOException e) {
                LOG.warn("Could not walk {}: {}", database, e.toString());
            }
        }
        for (Path secret : List.of(etc.resolve("users.properties"), etc.resolve("keys.properties"), etc.resolve("host.key"), SoapKeys.file(),
                data.resolve(UserDirectory.PASSWORD_FILE))) {
            restrict(secret, FILE);
        }
    }

    static void restrict(Path path, String mode) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            LOG.warn("The file system of {} has no POSIX permissions; make it readable by the owner only", path);
        } catch (IOException e) {
            LOG.warn("Could not make {} readable by its owner only: {}", path, e.toString());
        }
    }
}
