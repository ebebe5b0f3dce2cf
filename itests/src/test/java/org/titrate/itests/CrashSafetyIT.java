package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.After;
import org.junit.Test;

/**
 * Nothing acknowledged is lost under {@code kill -9}: four clients post a realistic mix against the packaged
 * distribution running as its own process (orders created, confirmed and shipped; returns received; stock documents;
 * receipts and refunds; every POST with an {@code Idempotency-Key}); the JVM is killed without warning at a random
 * moment, several times, and started again on the same data. After each restart: every request answered 2xx is there
 * and complete, every request left without an answer is wholly there or wholly absent and its retry under the same key
 * answers (the first result where there was one) without creating a copy, or, when the kill cut it off after its key was
 * claimed, a 409 saying its outcome is unknown that creates nothing (docs/backup.md); acknowledged retries are replays; and, read
 * from the stopped database, the ledgers agree (on hand = Σ movements, every balanceAfter follows the one before,
 * account balance = Σ postings = Σ open items, no refund above the credit), document numbers have no gap, the event log
 * no duplicate and every document's events. The container needs no repair; the time from {@code bin/start} until every
 * resource the clients use serves is measured after each kill.
 * <p>
 * CI runs {@value #CI_KILLS} kills; {@code -Dcrash.kills=N} runs more (the long form for the closing note).
 */
public class CrashSafetyIT extends PostingClients {
    private static final int CI_KILLS = 3;
    private static final String FIGURES = "crash-safety-figures.txt";

    @Override
    String name() {
        return "crash-safety-it";
    }

    @Test
    public void acknowledgedWorkSurvivesKillMinus9AndTheBooksStillAgree() throws Exception {
        int kills = Integer.getInteger("crash.kills", CI_KILLS);
        long firstStart = startServing();
        prepare();
        ConcurrentLinkedQueue<Request> all = new ConcurrentLinkedQueue<>();
        List<Long> recoveries = new ArrayList<>();
        for (int round = 1; round <= kills; round++) {
            Clients clients = new Clients();
            ConcurrentLinkedQueue<Request> log = clients.log;
            // A random moment: after 20 to 200 answered requests, while all four clients post.
            int killAfter = 20 + random.nextInt(180);
            clients.awaitAnswers(killAfter);
            titrate.kill();
            clients.stop();
            long recovery = startServing();
            recoveries.add(recovery);
            List<Request> unanswered = log.stream().filter(r -> !r.answered()).toList();
            long acknowledged = log.stream().filter(Request::acknowledged).count();
            long unexpected = log.stream().filter(r -> r.answered() && r.status >= 500).count();
            assertEquals("5xx answers before the kill", 0, unexpected);

            // A request without an answer is retried with its key: it answers (the first result where there was one), or,
            // cut off after its key was claimed, 409 "cut off by a restart" (docs/backup.md), and it creates nothing.
            int stillClaimed = 0;
            for (Request r : unanswered) {
                TitrateTestSupport.Reply again = send(r);
                if (again.status() == 409 && again.body().contains("was cut off by a restart")) {
                    stillClaimed++;
                    continue;
                }
                assertTrue(r.kind + " " + r.path + " retried after the restart: " + again.status() + " " + again.body(),
                        again.status() >= 200 && again.status() < 300 || again.status() == 409 && !r.kind.equals("create")
                                && !again.body().contains("Idempotency-Key"));
                r.status = again.status();
                r.answer = again.json();
            }
            // Acknowledged requests retried: the first answer again, marked as a replay, nothing new created.
            for (Request r : log) {
                if (r.acknowledged() && r.number() != null && random.nextInt(4) == 0) {
                    TitrateTestSupport.Reply again = send(r);
                    assertEquals(again.body(), r.status, again.status());
                    assertEquals("true", again.header("idempotent-replayed"));
                    assertEquals(r.number(), again.json().path("number").asText());
                }
            }
            // Every acknowledged document is there, read over REST, with all its lines.
            for (Request r : log) {
                if (r.acknowledged() && r.number() != null) {
                    String path = switch (r.kind) {
                        case "stock" -> "/stock-documents/";
                        case "receipt" -> "/receipts/";
                        case "refund" -> "/refunds/";
                        default -> "/sales-orders/";
                    };
                    TitrateTestSupport.Reply read = titrate.call("GET", path + r.number(), null);
                    assertEquals(r.kind + " " + r.number(), 200, read.status());
                    assertEquals(r.kind + " " + r.number(), r.answer.path("lines").size(), read.json().path("lines").size());
                    if (r.path.endsWith("/ship") || r.path.endsWith("/receive")) {
                        assertTrue(read.body(), List.of("SHIPPED", "RECEIVED", "CLOSED").contains(read.json().path("status").asText()));
                    }
                }
            }
            all.addAll(log);
            // The books, read from the stopped database; then the container starts again for the next round.
            titrate.stop();
            Map<String, Integer> checked = titrate.database(c -> invariants(c, all));
            DistributionProcess.figure(FIGURES, String.format("FIGURES kill -9 %d of %d after %d answers: %d requests acknowledged, %d"
                    + " unanswered (retried; %d of them answered 409 'cut off by a restart'), restart until every resource serves"
                    + " in %d ms (first start %d ms, same measure; includes the SSH shell); checked %s", round, kills,
                    killAfter, acknowledged, unanswered.size(), stillClaimed, recovery, firstStart, checked));
            startServing();
        }
        // After the kills the numbers go on without a clash.
        String last = UUID.randomUUID().toString();
        Request order = new Request("create", "/sales-orders", order(customers.get(0), 2, last), last);
        TitrateTestSupport.Reply created = send(order);
        assertEquals(created.body(), 201, created.status());
        DistributionProcess.figure(FIGURES, String.format("FIGURES %d kills survived, %d requests in all, recovery %s ms", kills,
                all.size(), recoveries));
    }
}
