package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.mail.internet.MimeMessage;
import org.junit.Test;

/**
 * Notifications survive {@code kill -9}: the packaged distribution runs as its own process, its SMTP server (GreenMail, in
 * this JVM) is down, so every return's message waits; the container is killed without warning while some events are
 * committed but not yet followed, some messages stored but never tried and some tried and failed; it is started again with
 * the SMTP server up, and then every event's message arrives exactly once: no loss, no second copy (counted at the SMTP
 * server per stored message, by the {@code X-Titrate-Notification} header, and per return).
 */
public class NotificationCrashIT extends MailingDistribution {
    private static final String PASSWORD = "ntf-" + RUN + "-secret";
    private static final String MAIL = "crash." + RUN.toLowerCase() + "@customer.example";

    @Test
    public void everyReturnsMessageIsDeliveredOnceAfterKillMinus9BetweenCommitAndDelivery() throws Exception {
        unpack("notification-crash-it", PASSWORD);
        titrate.start();
        titrate.awaitServing("/notification-deliveries?limit=1", "/sales-orders?limit=1", "/warehouses?limit=1");

        String customer = "NK-" + RUN;
        String sku = "NKP-" + RUN;
        String warehouse = "NKW-" + RUN;
        ok(201, titrate.call("POST", "/customers", Map.of("code", customer, "name", "宁波断电化工有限公司", "status", "ACTIVE")));
        ok(200, titrate.call("PUT", "/customers/" + customer + "/contacts", List.of(Map.of("name", "沈经理", "email", MAIL,
                "language", "zh-CN", "channels", List.of("EMAIL")))));
        ok(201, titrate.call("POST", "/products", Map.of("sku", sku, "name", "盐酸 31% 25kg/桶", "unit", "桶", "listPrice", 50)));
        ok(201, titrate.call("POST", "/warehouses", Map.of("code", warehouse, "name", "宁波镇海仓 " + RUN, "allowNegativeStock", true)));

        // The SMTP server is down: the first returns' messages are stored and tried, and fail.
        List<String> returns = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            returns.add(submittedReturn(customer, sku, warehouse));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> deliveries(customer).stream().filter(d -> d.path("attempts").asInt() > 0).count() >= 10);
        // More returns, and the kill the moment the last one is committed: their events are in the log, not yet followed.
        for (int i = 0; i < 10; i++) {
            returns.add(submittedReturn(customer, sku, warehouse));
        }
        titrate.kill();

        startSmtp();
        titrate.start();
        titrate.awaitServing("/notification-deliveries?limit=1");
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            List<JsonNode> all = deliveries(customer);
            return all.size() == returns.size() && all.stream().allMatch(d -> "SENT".equals(d.path("state").asText()));
        });
        // Several more rounds of the sender find nothing left to send: the counts stay.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == returns.size());

        Map<String, Integer> perMessage = new HashMap<>();
        Map<String, Integer> perReturn = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            assertEquals(MAIL, m.getAllRecipients()[0].toString());
            perMessage.merge(m.getHeader("X-Titrate-Notification", null), 1, Integer::sum);
            String subject = m.getSubject();
            java.util.regex.Matcher number = java.util.regex.Pattern.compile("[A-Z]{2,3}-\\d{4}-\\d+").matcher(subject);
            while (number.find()) {
                perReturn.merge(number.group(), 1, Integer::sum);
            }
        }
        assertEquals(perMessage.toString(), returns.size(), perMessage.size());
        assertTrue(perMessage.toString(), perMessage.values().stream().allMatch(n -> n == 1));
        for (String number : returns) {
            assertEquals(number + " in " + perReturn, Integer.valueOf(1), perReturn.get(number));
        }
        assertEquals(perReturn.toString(), returns.size(), perReturn.size());
        List<JsonNode> sent = deliveries(customer);
        for (JsonNode d : sent) {
            assertTrue(d.toString(), perMessage.containsKey(d.path("id").asText()));
        }
        long retried = sent.stream().filter(d -> d.path("attempts").asInt() > 1).count();
        DistributionProcess.figure("notifications-crash.txt", "kill -9 with " + returns.size() + " return messages waiting (SMTP down): "
                + returns.size() + " delivered once each after the restart, " + retried + " of them after failed attempts before the kill");
    }

    private String submittedReturn(String customer, String sku, String warehouse) {
        TitrateTestSupport.Reply r = titrate.call("POST", "/sales-orders", Map.of("type", "RETURN", "customerCode", customer, "warehouseCode",
                warehouse, "lines", List.of(Map.of("sku", sku, "direction", "RETURN", "quantity", -1, "unitPrice", new BigDecimal("50.00"),
                        "reasonCode", "DAMAGED"))));
        ok(201, r);
        String number = r.json().path("number").asText();
        ok(200, titrate.call("POST", "/sales-orders/" + number + "/submit", null));
        return number;
    }

    private List<JsonNode> deliveries(String customer) {
        TitrateTestSupport.Reply r = titrate.call("GET", "/notification-deliveries?channel=EMAIL&customerCode=" + customer + "&limit=500", null);
        ok(200, r);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }
}
