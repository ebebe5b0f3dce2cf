package org.titrate.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The closing note's backup figures (benchmark profile only: {@code mvn -Pbenchmark verify -Dit.test=BackupBenchmarkIT};
 * {@code -Dtitrate.benchmark.orders=N}, default 100 000): a database holding that many orders, bulk-loaded as
 * {@link SalesBenchmarkIT} loads them, backed up online while four clients post; the backup's time and size, and the
 * clients' answers per second before and while it runs. Figures in {@code itests/target/benchmark-backup.txt}.
 */
public class BackupBenchmarkIT extends PostingClients {
    private static final int ORDERS = Integer.getInteger("titrate.benchmark.orders", 100_000);
    private static final Path REPORT = Path.of("target", "benchmark-backup.txt");

    @Override
    String name() {
        return "backup-benchmark";
    }

    @Test
    public void backupFigures() throws Exception {
        startServing();
        prepare();
        titrate.stop();
        long t0 = System.nanoTime();
        SalesBenchmarkIT.bulkInsert(titrate, ORDERS, RUN, List.of(skus.get(0), skus.get(1), skus.get(0)), null);
        Benchmarks.report(REPORT, String.format("bulk-loaded %d orders (3 lines, 1 history entry each) in %.1f s; database %,d bytes",
                ORDERS, (System.nanoTime() - t0) / 1e9, size(titrate.home().resolve("data/titrate-db"))));
        startServing();
        // Idle: nobody posting.
        TitrateTestSupport.Reply idle = titrate.call("POST", "/admin/backup", null);
        assertEquals(idle.body(), 200, idle.status());
        Benchmarks.report(REPORT, String.format("online backup, idle: %d ms, %,d bytes", idle.json().path("millis").asLong(),
                idle.json().path("bytes").asLong()));
        Clients clients = new Clients();
        clients.awaitAnswers(100);
        for (int i = 0; i < 2; i++) {
            double before = clients.answersPerSecond(300);
            During<TitrateTestSupport.Reply> backup = clients.during(() -> titrate.call("POST", "/admin/backup", null));
            assertEquals(backup.result().body(), 200, backup.result().status());
            Benchmarks.report(REPORT, String.format("online backup while 4 clients post: %d ms, %,d bytes; client answers/s %.1f before,"
                    + " %.1f during", backup.result().json().path("millis").asLong(), backup.result().json().path("bytes").asLong(), before,
                    backup.answersPerSecond()));
        }
        clients.stop();
        titrate.stop();
        titrate.database(c -> invariants(c, clients.log));
    }

    private static long size(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
