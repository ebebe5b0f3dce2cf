package org.titrate.notifications.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.api.NotificationEvent;
import org.titrate.notifications.api.NotificationService;
import org.titrate.notifications.api.NotificationTemplate;
import org.titrate.notifications.impl.sms.SmsSignature;

/** Templates, back-off, quiet hours and the SMS signature: the rules the sender relies on. */
public class NotificationRulesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    public void placeholdersAreFilledOnceAndValuesStayText() {
        String out = Templates.render("退货单 {{orderNumber}}：{{reason}}", Map.of("orderNumber", "SO-1", "reason", "<b>坏了</b> ${x} {{link}}"), true);
        assertEquals("退货单 SO-1：&lt;b&gt;坏了&lt;/b&gt; ${x} {{link}}", out);
        assertEquals("a <b> {{link}}", Templates.render("a {{reason}}", Map.of("reason", "<b> {{link}}", "link", "X"), false));
        assertEquals("missing: .", Templates.render("missing: {{carrier}}.", Map.of(), false));
        // An order shipped before any waybill was recorded: carrier and tracking number are known to be unknown (null).
        java.util.Map<String, String> unknown = new java.util.HashMap<>();
        unknown.put("carrier", null);
        assertEquals("carrier: .", Templates.render("carrier: {{carrier}}.", unknown, false));
        assertEquals("carrier: .", Templates.render("carrier: {{carrier}}.", unknown, true));
        assertEquals("", Templates.value(unknown, "carrier"));
    }

    @Test
    public void unknownPlaceholdersAreFound() {
        assertEquals(List.of("price", "order.number"),
                Templates.unknown("{{orderNumber}} {{ price }} {{order.number}} {{link}}", NotificationService.PLACEHOLDERS));
        assertTrue(Templates.unknown("no placeholders, ${el} stays text", NotificationService.PLACEHOLDERS).isEmpty());
    }

    @Test
    public void everyShippedTemplateExistsAndNamesKnownPlaceholdersOnly() {
        List<NotificationTemplate> all = DefaultTemplates.all();
        assertEquals((8 * 2 + 2) * 2, all.size());
        for (NotificationTemplate t : all) {
            assertTrue(t.event() + " " + t.channel() + " " + t.language(), Templates.unknown(t.subject() + t.body(), NotificationService.PLACEHOLDERS).isEmpty());
            if (!t.event().forStaff() && t.event() != NotificationEvent.ORDER_SHIPPED && t.event() != NotificationEvent.PAYMENT_OVERDUE) {
                assertTrue("a message about a return carries its link: " + t, t.body().contains("{{link}}"));
            }
        }
        assertTrue(DefaultTemplates.get(NotificationEvent.RETURN_APPROVED, NotificationChannel.EMAIL, "zh-CN").subject().contains("批准"));
    }

    @Test
    public void backoffDoublesUpToTheMaximum() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(10);
        assertEquals(Duration.ofSeconds(30), Backoff.after(1, base, max));
        assertEquals(Duration.ofSeconds(60), Backoff.after(2, base, max));
        assertEquals(Duration.ofSeconds(240), Backoff.after(4, base, max));
        assertEquals(max, Backoff.after(6, base, max));
        assertEquals(max, Backoff.after(1000, base, max));
    }

    @Test
    public void quietHoursHoldUntilMorningInBusinessTime() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI);
        Instant evening = ZonedDateTime.of(2026, 11, 30, 23, 15, 0, 0, SHANGHAI).toInstant();
        assertEquals(ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, SHANGHAI).toInstant(), night.release(evening));
        Instant early = ZonedDateTime.of(2026, 12, 1, 7, 59, 0, 0, SHANGHAI).toInstant();
        assertEquals(ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, SHANGHAI).toInstant(), night.release(early));
        Instant day = ZonedDateTime.of(2026, 12, 1, 8, 0, 0, 0, SHANGHAI).toInstant();
        assertEquals(day, night.release(day));
        Instant beforeStart = ZonedDateTime.of(2026, 12, 1, 21, 59, 0, 0, SHANGHAI).toInstant();
        assertEquals(beforeStart, night.release(beforeStart));
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);
        Instant noon = ZonedDateTime.of(2026, 12, 1, 12, 10, 0, 0, SHANGHAI).toInstant();
        assertEquals(ZonedDateTime.of(2026, 12, 1, 13, 30, 0, 0, SHANGHAI).toInstant(), lunch.release(noon));
        QuietHours none = new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0), SHANGHAI);
        assertEquals(evening, none.release(evening));
    }

    @Test
    public void signatureCoversPathTimeNonceAndBody() {
        byte[] body = "{\"templateCode\":\"SMS_1\"}".getBytes(StandardCharsets.UTF_8);
        String canonical = SmsSignature.canonical("POST", "/sms/send", "2026-11-30T01:00:00Z", "abc", body);
        assertTrue(canonical.startsWith("POST\n/sms/send\n2026-11-30T01:00:00Z\nabc\n"));
        assertEquals(64, canonical.length() - canonical.lastIndexOf('\n') - 1);
        String signature = SmsSignature.sign("secret", canonical);
        // HMAC-SHA256 is deterministic and 32 bytes (44 Base64 characters)
        assertEquals(signature, SmsSignature.sign("secret", canonical));
        assertEquals(44, signature.length());
        assertNotEquals(signature, SmsSignature.sign("other", canonical));
        assertNotEquals(signature, SmsSignature.sign("secret",
                SmsSignature.canonical("POST", "/sms/send", "2026-11-30T01:00:00Z", "abc", "{}".getBytes(StandardCharsets.UTF_8))));
        assertFalse(canonical.endsWith("\n"));
    }

    @Test
    public void knownHmacValue() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=", SmsSignature.sign("Jefe", "what do ya want for nothing?"));
    }
}
