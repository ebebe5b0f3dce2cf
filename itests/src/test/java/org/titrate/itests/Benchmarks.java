package org.titrate.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** What the benchmarks share: timing and their report files. They print figures and never assert a time. */
final class Benchmarks {
    private Benchmarks() {
    }

    /** The median of several timed runs, in milliseconds. */
    static double medianMillis(int runs, Supplier<?> work) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1_000_000.0;
    }

    /**
     * Runs {@code work} {@code times} times on each of {@code clients} threads at once, {@code work} answering how many of its
     * requests failed; returns the seconds it all took, once it is sure none failed.
     */
    static double concurrently(int clients, int times, java.util.function.IntSupplier work) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    int failed = 0;
                    for (int i = 0; i < times; i++) {
                        failed += work.getAsInt();
                    }
                    return failed;
                }));
            }
            int failed = 0;
            for (java.util.concurrent.Future<Integer> f : results) {
                failed += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            org.junit.Assert.assertEquals("failed requests", 0, failed);
            return seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Prints a figure and appends it to the benchmark's report file. */
    static void report(Path file, String line) {
        System.out.println("BENCHMARK " + line);
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many SQL statements {@code request} made the server run, read from Derby's statement log ({@code
     * derby.language.logStatementText = true}); reports the count and each statement.
     */
    static int statements(Path log, String step, Supplier<TitrateTestSupport.Reply> request, java.util.function.Consumer<String> report)
            throws IOException {
        int before = executed(log).size();
        TitrateTestSupport.Reply r = request.get();
        org.junit.Assert.assertEquals(r.body(), true, r.status() < 300);
        List<String> all = executed(log);
        List<String> mine = all.subList(before, all.size());
        report.accept(step + ": " + mine.size() + " statements");
        mine.forEach(s -> report.accept("    " + (s.length() > 140 ? s.substring(0, 140) + "…" : s)));
        return mine.size();
    }

    private static List<String> executed(Path log) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Executing prepared statement: ") || l.contains("Executing statement: "))
                .map(l -> l.replaceAll("^.*Executing (prepared )?statement: ", ""))
                .toList();
    }
}
