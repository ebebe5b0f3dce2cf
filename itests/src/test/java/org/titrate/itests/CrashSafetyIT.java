package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * answers 2xx without creating a copy: the first result, rebuilt, where its work had committed before the kill, a fresh run
 * where it had not (a 409 "outcome unknown" only for an operation no request of which had been answered yet: the server
 * then cannot tell, docs/backup.md); acknowledged retries are replays; and, read from the killed database, the ledgers agree (on hand = Σ movements, every balanceAfter follows the one before,
 * account balance = Σ postings = Σ open items, no refund above the credit), document numbers have no gap, the event log
 * no duplicate and every document's events. The container needs no repair; the time from {@code bin/start} until every
 * resource the clients use serves is measured after each kill.
 * <p>
 * CI runs {@value #CI_KILLS} kills; {@code -Dcrash.kills=N} runs more (the long form for the closing note).
 */
public class CrashSafetyIT extends PostingClients {
    private static final int CI_KILLS = 3;
    /** At most this many answers before a kill, after at least 20: enough for every operation to be answered, no more. */
    private static final int KILL_WITHIN = Integer.getInteger("crash.answers", 80);
    private static final String FIGURES = "crash-safety-figures.txt";

    @Override
    String name() {
        return "crash-safety-it";
    }

    /** What the server knows a request by (its resource method): a create, an action on an order, a stock document... */
    private static String operation(Request r) {
        return r.kind.equals("order") || r.kind.equals("return") ? r.path.substring(r.path.lastIndexOf('/') + 1) : r.kind;
    }

    /**
     * Makes one acknowledged request of each operation look as the kill leaves a request cut off between its commit and
     * its answer: its key claimed, no answer stored. Its work's events carry its key, so the retry must find it committed.
     */
    private static List<Request> cutOffAfterCommit(java.sql.Connection c, Iterable<Request> requests) throws java.sql.SQLException {
        Map<String, Request> one = new java.util.LinkedHashMap<>();
        for (Request r : requests) {
            if (r.acknowledged() && r.number() != null) {
                one.putIfAbsent(operation(r), r);
            }
        }
        for (Request r : one.values()) {
            for (String sql : new String[] {"DELETE FROM PLT_IDEMPOTENCY_PART WHERE USERNAME = 'admin' AND IDEM_KEY = ?",
                    "UPDATE PLT_IDEMPOTENCY SET STATUS = NULL, LOCATION = NULL, BODY = NULL WHERE USERNAME = 'admin' AND IDEM_KEY = ?"}) {
                try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, r.key);
                    ps.executeUpdate();
                }
            }
        }
        return List.copyOf(one.values());
    }

    @Test
    public void acknowledgedWorkSurvivesKillMinus9AndTheBooksStillAgree() throws Exception {
        int kills = Integer.getInteger("crash.kills", CI_KILLS);
        long firstStart = startServing();
        prepare();
        ConcurrentLinkedQueue<Request> all = new ConcurrentLinkedQueue<>();
        List<Long> recoveries = new ArrayList<>();
        int rebuiltAfterCommit = 0;
        for (int round = 1; round <= kills; round++) {
            Clients clients = new Clients();
            ConcurrentLinkedQueue<Request> log = clients.log;
            // A random moment: after 20 to KILL_WITHIN answered requests, while all four clients post.
            int killAfter = 20 + random.nextInt(KILL_WITHIN - 19);
            clients.awaitAnswers(killAfter);
            titrate.kill();
            clients.stop();
            long recovery = startServing();
            recoveries.add(recovery);
            List<Request> unanswered = log.stream().filter(r -> !r.answered()).toList();
            long acknowledged = log.stream().filter(Request::acknowledged).count();
            long unexpected = log.stream().filter(r -> r.answered() && r.status >= 500).count();
            assertEquals("5xx answers before the kill", 0, unexpected);

            // A request without an answer is retried with its key: the first result, rebuilt and marked as a replay, where
            // its work had committed; a fresh run where it had not (the invariants below count one document per key).
            // "Outcome unknown" (409) only where the server cannot tell: no request of that operation answered yet.
            Set<String> answeredOperations = new HashSet<>();
            for (Iterable<Request> requests : List.<Iterable<Request>>of(all, log)) {
                requests.forEach(r -> {
                    if (r.acknowledged()) {
                        answeredOperations.add(operation(r));
                    }
                });
            }
            int stillClaimed = 0;
            int rebuilt = 0;
            for (Request r : unanswered) {
                TitrateTestSupport.Reply again = send(r);
                if (again.status() == 409 && again.body().contains("was cut off by a restart")) {
                    assertFalse(r.kind + " " + r.path + ": outcome unknown although its operation had been answered: " + again.body(),
                            answeredOperations.contains(operation(r)));
                    stillClaimed++;
                    continue;
                }
                assertTrue(r.kind + " " + r.path + " retried after the restart: " + again.status() + " " + again.body(),
                        again.status() >= 200 && again.status() < 300 || again.status() == 409 && !r.kind.equals("create")
                                && !again.body().contains("Idempotency-Key"));
                if ("true".equals(again.header("idempotent-replayed"))) {
                    rebuilt++;
                    assertEquals(again.body(), r.path.indexOf('/', 1) < 0 ? 201 : 200, again.status());
                    assertTrue(again.body(), again.json().hasNonNull("number"));
                }
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
            // The books, read from the database as a kill leaves it (nothing is posting now; a kill is quicker than a stop,
            // and a clean stop is no part of what is tested); then the container starts again for the next round.
            titrate.kill();
            List<Request> cutOff = new ArrayList<>();
            Map<String, Integer> checked = titrate.database(c -> {
                Map<String, Integer> books = invariants(c, all);
                cutOff.addAll(cutOffAfterCommit(c, log));
                return books;
            });
            DistributionProcess.figure(FIGURES, String.format("FIGURES kill -9 %d of %d after %d answers: %d requests acknowledged, %d"
                    + " unanswered (retried; %d answered with the first result rebuilt, %d 409 'cut off by a restart'), restart until"
                    + " every resource serves in %d ms (first start %d ms, same measure; includes the SSH shell); checked %s", round,
                    kills, killAfter, acknowledged, unanswered.size(), rebuilt, stillClaimed, recovery, firstStart, checked));
            startServing(false);
            // Requests whose work committed but whose answer the kill cut off (made so above, the window being too
            // narrow for a kill to hit reliably): the first answer, rebuilt, marked as a replay; nothing created.
            for (Request r : cutOff) {
                TitrateTestSupport.Reply again = send(r);
                assertEquals(r.kind + " " + r.path + " " + again.body(), r.status, again.status());
                assertEquals(r.kind + " " + r.path, "true", again.header("idempotent-replayed"));
                assertEquals(r.number(), again.json().path("number").asText());
                assertEquals(r.answer.path("lines").size(), again.json().path("lines").size());
                if (r.status == 201) {
                    assertTrue(again.header("location"), again.header("location").endsWith("/api/v1" + r.path + "/" + r.number()));
                }
                rebuiltAfterCommit++;
            }
        }
        // After the kills the numbers go on without a clash.
        String last = UUID.randomUUID().toString();
        Request order = new Request("create", "/sales-orders", order(customers.get(0), 2, last), last);
        TitrateTestSupport.Reply created = send(order);
        assertEquals(created.body(), 201, created.status());
        DistributionProcess.figure(FIGURES, String.format("FIGURES %d kills survived, %d requests in all, recovery %s ms; %d requests"
                + " cut off between commit and answer (one per operation and round, made so in the database) answered with the"
                + " first result rebuilt", kills, all.size(), recoveries, rebuiltAfterCommit));
    }
}
