package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.mail.internet.MimeMessage;
import org.junit.Test;

/**
 * The notification figures of issue 15, on the packaged distribution running as its own process with GreenMail (in this JVM)
 * as its SMTP server: 10 000 queued e-mails drained (messages/s), and orders posted per second (create 3 lines, confirm,
 * ship; 4 clients) with the notifications module installed and the customer's contacts told of every shipment, against the
 * same with the module uninstalled. Not part of the test command: {@code mvn -B -ntp -Pbenchmark verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NotificationBenchmarkIT}; figures in
 * {@code itests/target/benchmark-notifications.txt}. Asserts only that the work succeeded, never a time.
 */
public class NotificationBenchmarkIT extends MailingDistribution {
    private static final String PASSWORD = "bench-" + RUN + "-secret";
    private static final int QUEUED = Integer.getInteger("titrate.benchmark.messages", 10_000);
    /** Orders per client in each throughput round. */
    private static final int ORDERS = Integer.getInteger("titrate.benchmark.notificationOrders", 150);
    private static final Path REPORT = Path.of("target", "benchmark-notifications.txt");

    @Test
    public void notificationFigures() throws Exception {
        unpack("notification-benchmark", PASSWORD);
        titrate.set("etc/org.titrate.notifications.sms.cfg", "quietHoursStart", "00:00");
        titrate.set("etc/org.titrate.notifications.sms.cfg", "quietHoursEnd", "00:00");
        report("== Titrate notifications benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        startSmtp();

        // 1. Orders posted per second, the module installed (every shipment mails and texts the customer's contact), then not.
        titrate.start();
        titrate.awaitServing("/sales-orders?limit=1", "/notification-deliveries?limit=1", "/receivables?limit=1");
        String customer = masterData();
        report("warm-up: " + throughput(customer, 4, ORDERS));
        report("with titrate-notifications: " + throughput(customer, 4, ORDERS));
        // Two e-mails per shipment (two contacts); the backlog drained before the module goes, so it does not weigh on what follows.
        await().atMost(Duration.ofMinutes(10)).until(() -> smtp.getReceivedMessages().length >= 2 * 2 * 4 * ORDERS);
        titrate.sshShell("feature:uninstall titrate-notifications");
        await().atMost(Duration.ofMinutes(2)).until(() -> titrate.call("GET", "/notification-deliveries?limit=1", null).status() == 404);
        report("without titrate-notifications: " + throughput(customer, 4, ORDERS));
        titrate.sshShell("feature:install titrate-notifications");
        titrate.awaitServing("/notification-deliveries?limit=1");
        report("with titrate-notifications again: " + throughput(customer, 4, ORDERS));
        await().atMost(Duration.ofMinutes(10)).until(() -> titrate.call("GET", "/notification-deliveries?state=PENDING&limit=1", null).json()
                .path("total").asInt() == 0);
        titrate.stop();

        // 2. 10 000 messages waiting in the outbox (as after an SMTP outage), drained when the container starts.
        startSmtp();
        queue(QUEUED);
        long started = System.currentTimeMillis();
        titrate.start();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> queued().size() >= QUEUED);
        List<MimeMessage> received = queued();
        assertEquals(QUEUED, received.size());
        long first = Long.MAX_VALUE;
        long last = 0;
        for (MimeMessage m : received) {
            first = Math.min(first, m.getReceivedDate().getTime());
            last = Math.max(last, m.getReceivedDate().getTime());
        }
        assertEquals(QUEUED, titrate.call("GET", "/notification-deliveries?state=SENT&customerCode=BENCHQ-" + RUN + "&limit=1", null).json()
                .path("total").asInt());
        report(String.format("%d queued e-mails drained to the local SMTP server in %.1f s = %.0f messages/s (first to last accepted;"
                + " %.1f s from bin/start to the last)", QUEUED, (last - first) / 1000.0, (QUEUED - 1) * 1000.0 / Math.max(1, last - first),
                (last - started) / 1000.0));
    }

    /** What the SMTP server received of the queued messages (those to the benchmark's buyers). */
    private List<MimeMessage> queued() throws Exception {
        List<MimeMessage> mine = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().startsWith("buyer")) {
                mine.add(m);
            }
        }
        return mine;
    }

    /** The outbox filled directly in the stopped distribution's database: PENDING e-mails as the follower stores them. */
    private void queue(int count) throws Exception {
        titrate.database(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO NTF_MESSAGE (ID, EVENT_SEQ, EVENT, CHANNEL, RECIPIENT, CUSTOMER_CODE,"
                    + " ORDER_NUMBER, LANGUAGE, SUBJECT, BODY, STATE, ATTEMPTS, NEXT_ATTEMPT, CREATED_AT)"
                    + " VALUES (?, ?, 'RETURN_APPROVED', 'EMAIL', ?, ?, ?, 'zh-CN', ?, ?, 'PENDING', 0, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < count; i++) {
                    String number = "RO-BQ-" + RUN + "-" + i;
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setLong(2, 1_000_000_000_000L + i);
                    insert.setString(3, "buyer" + (i % 100) + "." + RUN.toLowerCase() + "@bench.example");
                    insert.setString(4, "BENCHQ-" + RUN);
                    insert.setString(5, number);
                    insert.setString(6, "退货单 " + number + " 已批准");
                    insert.setString(7, "<p>江苏恒瑞精细化工有限公司，您好：</p><p>您的退货单 " + number + " 已批准，当前阶段：已批准。请按约定寄回货物。"
                            + "查看进度：<a href=\"http://localhost:8181/track/bench" + i + "\">http://localhost:8181/track/bench" + i + "</a></p>");
                    insert.setTimestamp(8, now);
                    insert.setTimestamp(9, now);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private String masterData() {
        String customer = "BN-" + RUN;
        ok(201, titrate.call("POST", "/customers", Map.of("code", customer, "name", "上海华谊新材料有限公司 " + RUN, "status", "ACTIVE",
                "channel", "WHOLESALE")));
        ok(200, titrate.call("PUT", "/customers/" + customer + "/contacts", List.of(
                Map.of("name", "李明", "mobile", "13800001301", "email", "liming." + RUN.toLowerCase() + "@bench.example", "language", "zh-CN",
                        "channels", List.of("EMAIL", "SMS")),
                Map.of("name", "Anna Weber", "email", "anna." + RUN.toLowerCase() + "@bench.example", "language", "en",
                        "channels", List.of("EMAIL")))));
        ok(201, titrate.call("POST", "/warehouses", Map.of("code", "BNW-" + RUN, "name", "上海金山化工区危化品仓库 " + RUN,
                "allowNegativeStock", true)));
        for (int i = 0; i < 3; i++) {
            ok(201, titrate.call("POST", "/products", Map.of("sku", "BNP" + i + "-" + RUN, "name", "氢氧化钠(片碱) 99% 25kg/袋 " + i, "unit", "袋",
                    "listPrice", new BigDecimal("120.00"))));
        }
        return customer;
    }

    /** Create (3 lines), confirm, ship by {@code clients} clients at once. */
    private String throughput(String customer, int clients, int ordersPerClient) throws Exception {
        Map<String, Object> body = Map.of("type", "ORDER", "customerCode", customer, "warehouseCode", "BNW-" + RUN, "lines", List.of(
                Map.of("sku", "BNP0-" + RUN, "quantity", 2), Map.of("sku", "BNP1-" + RUN, "quantity", 3), Map.of("sku", "BNP2-" + RUN, "quantity", 4)));
        double seconds = Benchmarks.concurrently(clients, ordersPerClient, () -> {
            TitrateTestSupport.Reply created = titrate.call("POST", "/sales-orders", body);
            if (created.status() != 201) {
                return 3;
            }
            String number = created.json().path("number").asText();
            int failed = titrate.call("POST", "/sales-orders/" + number + "/confirm", null).status() == 200 ? 0 : 1;
            return failed + (titrate.call("POST", "/sales-orders/" + number + "/ship", null).status() == 200 ? 0 : 1);
        });
        int orders = clients * ordersPerClient;
        return String.format("%d clients: %d orders (create 3 lines + confirm + ship) in %.1f s = %.0f orders/s", clients, orders, seconds,
                orders / seconds);
    }

    private static void report(String line) {
        Benchmarks.report(REPORT, line);
    }
}
