package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Starts the packaged distribution as its own process and sends requests from the first moment its HTTP port
 * answers until it serves: every answer is either {@code 503} with {@code Retry-After} (problem+json on REST) or a
 * proper answer, never another 5xx — on the first start and on a restart of the same data.
 */
public class StartupAvailabilityIT {
    private static final String PASSWORD = "it-" + TitrateTestSupport.RUN + "-secret";
    private static final List<String> PATHS = List.of("/api/v1/customers?limit=1", "/api/v1/modules",
            "/api/v1/sales-orders?limit=1", "/soap/CustomerService?wsdl");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private DistributionProcess titrate;

    @Before
    public void unpack() throws Exception {
        titrate = new DistributionProcess("startup-it", PASSWORD);
    }

    @After
    public void stop() throws Exception {
        titrate.close();
    }

    private record Answer(String path, int status, String retryAfter, String contentType, String body) {
    }

    @Test
    public void noRequestGetsAServerErrorWhileTitrateStartsOrRestarts() throws Exception {
        List<Answer> first = answersDuring(titrate::start);
        titrate.stop();
        List<Answer> restart = answersDuring(titrate::start);

        for (List<Answer> answers : List.of(first, restart)) {
            for (Answer a : answers) {
                if (a.status() >= 500) {
                    assertEquals("a server error while starting: " + a, 503, a.status());
                    assertTrue("503 without Retry-After: " + a, a.retryAfter() != null && a.retryAfter().matches("\\d+"));
                    if (a.path().startsWith("/api/v1")) {
                        assertTrue("503 without a problem: " + a, a.contentType() != null && a.contentType().startsWith("application/problem+json"));
                    }
                }
            }
        }
        DistributionProcess.figure("startup-availability.txt", "FIGURES answers while starting, by status: first start "
                + byStatus(first) + "; restart " + byStatus(restart));
    }

    /** Polls every path every 50 ms while the action starts Titrate, and until each path has answered 200. */
    private List<Answer> answersDuring(DistributionProcess.Action start) throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> PATHS.forEach(p -> ask(p).ifPresent(answers::add)), 0, 50, TimeUnit.MILLISECONDS);
        try {
            start.run();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> PATHS.stream().allMatch(p -> answers.stream().anyMatch(a -> a.path().equals(p) && a.status() == 200)));
        } finally {
            poller.shutdown();
            poller.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new ArrayList<>(answers);
    }

    private java.util.Optional<Answer> ask(String path) {
        String url = titrate.url("").replace("/api/v1", "") + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (path.startsWith("/api/v1")) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return java.util.Optional.of(new Answer(path, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(null), r.body().length() > 300 ? r.body().substring(0, 300) : r.body()));
        } catch (IOException notListeningYet) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private static Map<Integer, Integer> byStatus(List<Answer> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts;
    }
}
