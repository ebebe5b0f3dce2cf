package org.titrate.platform.impl.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.jobs.JobRuns;

/**
 * Online backups of the embedded Derby database ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}: a consistent copy taken
 * while clients keep posting), on demand ({@code titrate:backup}, {@code POST /api/v1/admin/backup}) and on Karaf's
 * scheduler (PID {@code org.titrate.platform.backup}: the period, how many scheduled backups to keep).
 * <p>
 * The file system is attack surface: a backup is only ever written below one root folder, {@code data/backups} unless
 * the configuration names another. A caller may name a folder inside it (relative, or absolute but inside); anything
 * that resolves outside it, also through a symbolic link, an existing folder, or a name with control characters, is
 * refused. Restoring is done with the container stopped ({@code bin/titrate-restore}). On PostgreSQL this refuses:
 * back up with {@code pg_dump} (docs/backup.md).
 * <p>
 * Files the modules keep beside their tables ({@code data/titrate/}: contracts' signed scans) go into the backup's
 * {@code files/} after the database: a file is in place before the row naming it commits and is never changed, so every
 * file a backed-up row names is there (a file whose row came later is simply not named).
 */
@Component(service = {DatabaseBackups.class, Runnable.class}, configurationPid = DatabaseBackups.PID, property = {
        "scheduler.name=" + DatabaseBackups.JOB,
        "scheduler.period:Long=86400",
        "scheduler.concurrent:Boolean=false"})
@Designate(ocd = DatabaseBackups.Config.class)
public class DatabaseBackups implements Runnable {
    public static final String PID = "org.titrate.platform.backup";
    static final String JOB = "titrate-backup";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackups.class);
    /** The folder name of a backup taken without a name: its UTC time, sortable. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Pattern STAMPED = Pattern.compile("\\d{8}-\\d{6}-\\d{3}");
    private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,100}");

    @ObjectClassDefinition(name = "Titrate backups", description = "Online backups of the embedded Derby database")
    public @interface Config {
        /** {@code scheduler.period}: the name Karaf's scheduler reads from the service. */
        @AttributeDefinition(name = "Period", description = "Seconds between two scheduled backups (at least 60)")
        long scheduler_period() default 86400;

        @AttributeDefinition(name = "Scheduled", description = "Whether the scheduled backups run (titrate:backup and"
                + " POST /api/v1/admin/backup work either way)")
        boolean scheduled() default true;

        @AttributeDefinition(name = "Keep", description = "How many scheduled (time-stamped) backups are kept; older ones are"
                + " deleted after each new one (at least 1). Backups given a name are never deleted.")
        int keep() default 7;

        @AttributeDefinition(name = "Directory", description = "The one folder backups are written under (empty: data/backups);"
                + " a backup never lands outside it")
        String directory() default "";
    }

    /** A backup taken: where, how big, how long it took. */
    public record Backup(String path, long bytes, long millis, Instant takenAt) {
    }

    @Reference(target = "(osgi.jndi.service.name=titrate)")
    private DataSource dataSource;

    @Reference
    private JobRuns runs;

    private final ReentrantLock running = new ReentrantLock();
    private volatile Config config;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
    }

    /** The root every backup lands under. */
    public Path root() {
        String configured = config.directory() == null ? "" : config.directory().strip();
        Path data = dataDir();
        return (configured.isEmpty() ? data.resolve("backups") : data.resolve(configured)).toAbsolutePath().normalize();
    }

    private static Path dataDir() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }

    /**
     * Takes a backup into {@code directory} below the root (null or blank: a new time-stamped folder).
     *
     * @throws ValidationException (field {@code directory}) where the folder is not a new one inside the root
     * @throws ConflictException while another backup runs, or where the database is not the embedded Derby
     */
    public Backup backup(String directory) {
        Path root = root();
        Instant now = Instant.now();
        Path target = target(root, directory, now);
        if (!running.tryLock()) {
            throw new ConflictException("Another backup is running; try again when it has finished");
        }
        try {
            long t0 = System.nanoTime();
            try (Connection c = dataSource.getConnection()) {
                // before any folder is made: nothing is left behind where the database cannot be backed up this way
                if (!c.getMetaData().getDatabaseProductName().startsWith("Apache Derby")) {
                    throw new ConflictException("The database is not the embedded Derby: back it up with its own tools"
                            + " (PostgreSQL: pg_dump, see docs/backup.md)");
                }
                Files.createDirectories(target);
                try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                    call.setString(1, target.toString());
                    call.execute();
                }
            }
            copyFiles(dataDir().resolve("titrate"), target.resolve("files"));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            Backup backup = new Backup(target.toString(), size(target), millis, now);
            LOG.info("Backup of the database in {}: {} bytes in {} ms", target, backup.bytes(), millis);
            return backup;
        } catch (SQLException e) {
            throw new IllegalStateException("The backup into " + target + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup into " + target, e);
        } finally {
            running.unlock();
        }
    }

    /** The folder a backup goes to, refused unless it is a new folder strictly inside the root. */
    static Path target(Path root, String directory, Instant now) {
        Path target;
        if (directory == null || directory.isBlank()) {
            target = root.resolve(STAMP.format(now));
        } else {
            if (directory.length() > 500 || directory.chars().anyMatch(ch -> Character.isISOControl(ch))) {
                throw new ValidationException("directory", "must be a folder name of at most 500 characters without control characters");
            }
            Path asked;
            try {
                asked = Path.of(directory);
            } catch (RuntimeException e) {
                throw new ValidationException("directory", "is not a valid folder name");
            }
            target = (asked.isAbsolute() ? asked : root.resolve(asked)).toAbsolutePath().normalize();
        }
        if (!target.startsWith(root) || target.equals(root)) {
            throw new ValidationException("directory", "must be a folder inside " + root + " (the backup root)");
        }
        for (Path part : root.relativize(target)) {
            if (!SAFE_NAME.matcher(part.toString()).matches() || part.toString().matches("\\.+")) {
                throw new ValidationException("directory", "may hold only letters, digits, '.', '_' and '-' in each folder name");
            }
        }
        try {
            Files.createDirectories(root);
            Path realRoot = root.toRealPath();
            // The nearest folder that exists must be inside the root for real: no symbolic link may lead out of it.
            Path existing = target;
            while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing.equals(target)) {
                throw new ValidationException("directory", "already exists; a backup goes into a new folder");
            }
            if (!existing.toRealPath().startsWith(realRoot)) {
                throw new ValidationException("directory", "leads outside " + root + " (the backup root)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the backup root " + root, e);
        }
        return target;
    }

    /** A copy of the modules' files (nothing when there are none); symbolic links are not followed. */
    static void copyFiles(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path copy = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(copy);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The scheduled backup: a time-stamped one, then the oldest time-stamped ones beyond {@code keep} deleted. */
    @Override
    public void run() {
        if (!config.scheduled()) {
            return;
        }
        try (JobRuns.Run run = runs.started(JOB)) {
            try {
                backup(null);
                prune(root(), Math.max(1, config.keep()));
            } catch (RuntimeException | IOException e) {
                run.failed(e);
                LOG.warn("The scheduled backup failed; the next period tries again", e);
            }
        }
    }

    /** Deletes the oldest time-stamped backups so that {@code keep} remain; named ones stay. */
    static List<Path> prune(Path root, int keep) throws IOException {
        List<Path> stamped;
        try (Stream<Path> dirs = Files.list(root)) {
            stamped = dirs.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && STAMPED.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        List<Path> old = stamped.subList(0, Math.max(0, stamped.size() - keep));
        for (Path dir : old) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            LOG.info("Deleted the old backup {}", dir);
        }
        return old;
    }
}
