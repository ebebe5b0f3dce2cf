package org.titrate.platform.impl.backup;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.titrate.platform.api.ValidationException;

public class DatabaseBackupsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T15:30:00.123Z");

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aBackupLandsInsideTheRootOnly() throws Exception {
        Path root = folder.getRoot().toPath().resolve("backups");
        assertEquals(root.resolve("20261130-153000-123"), DatabaseBackups.target(root, null, NOW));
        assertEquals(root.resolve("nightly/星期一"), DatabaseBackups.target(root, "nightly/星期一", NOW));
        assertEquals(root.resolve("x"), DatabaseBackups.target(root, root.resolve("x").toString(), NOW));
        Path outside = folder.getRoot().toPath().resolve("outside");
        Files.createDirectories(root.resolve("taken"));
        Files.createSymbolicLink(root.resolve("link"), folder.getRoot().toPath());
        for (String bad : List.of("../outside", "a/../../outside", outside.toString(), "/etc/titrate", "..", ".", "", "a b", "x\u0000y",
                "nightly\n", "taken", "link/escaped", "x".repeat(501), root.toString(), "a/./.../b")) {
            if (bad.isEmpty()) {
                continue; // blank: a time-stamped folder
            }
            ValidationException e = assertThrows(bad, ValidationException.class, () -> DatabaseBackups.target(root, bad, NOW));
            assertEquals(bad, "directory", e.errors().get(0).field());
        }
        assertFalse(Files.exists(outside));
    }

    @Test
    public void onlyTheOldestTimeStampedBackupsArePruned() throws Exception {
        Path root = folder.getRoot().toPath();
        for (String name : List.of("20261128-010000-000", "20261129-010000-000", "20261130-010000-000", "before-upgrade")) {
            Files.createDirectories(root.resolve(name).resolve("titrate-db"));
            Files.writeString(root.resolve(name).resolve("titrate-db/service.properties"), "x");
        }
        assertEquals(List.of(root.resolve("20261128-010000-000")), DatabaseBackups.prune(root, 2));
        assertTrue(Files.exists(root.resolve("before-upgrade")));
        assertTrue(Files.exists(root.resolve("20261129-010000-000")));
        assertEquals(List.of(), DatabaseBackups.prune(root, 2));
    }
}
