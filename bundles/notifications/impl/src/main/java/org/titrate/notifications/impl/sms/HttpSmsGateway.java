package org.titrate.notifications.impl.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.titrate.notifications.api.SmsGateway;
import org.titrate.notifications.api.SmsMessage;

/**
 * An SMS provider over HTTP in the shape Chinese providers use: a JSON POST naming the phone number, the registered
 * sign name, the template code and its parameters, signed with HMAC-SHA256 ({@link SmsSignature}) and sent with the
 * headers {@code X-Sms-Key-Id}, {@code X-Sms-Timestamp}, {@code X-Sms-Nonce}, {@code X-Sms-Signature}. A 2xx answer
 * is an accepted message (its {@code bizId} or {@code requestId} is the provider id); anything else a failed attempt.
 * {@code outId} is Titrate's message id, so a provider that deduplicates by it never sends a retry twice.
 */
@Component(property = SmsGateway.NAME + "=http", configurationPid = SmsChannel.PID)
public class HttpSmsGateway implements SmsGateway {
    private static final Pattern PROVIDER_ID = Pattern.compile("\"(?:bizId|BizId|requestId|RequestId)\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private volatile SmsChannel.Config config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Activate
    @Modified
    void configure(SmsChannel.Config c) {
        config = c;
    }

    @Override
    public String send(SmsMessage m) throws Exception {
        SmsChannel.Config c = config;
        if (c.endpoint().isBlank()) {
            throw new IllegalStateException("no SMS endpoint is configured (endpoint in etc/" + SmsChannel.PID + ".cfg)");
        }
        URI uri = URI.create(c.endpoint().strip());
        byte[] body = json(m, c.signName()).getBytes(StandardCharsets.UTF_8);
        String timestamp = Instant.now().toString();
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String signature = SmsSignature.sign(c.accessKeySecret(), SmsSignature.canonical("POST", path, timestamp, nonce, body));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(c.timeoutMillis()))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Sms-Key-Id", c.accessKeyId())
                .header("X-Sms-Timestamp", timestamp)
                .header("X-Sms-Nonce", nonce)
                .header("X-Sms-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String answer = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("SMS provider answered " + response.statusCode() + ": "
                    + answer.substring(0, Math.min(200, answer.length())));
        }
        Matcher id = PROVIDER_ID.matcher(answer);
        return id.find() ? id.group(1) : m.messageId();
    }

    static String json(SmsMessage m, String signName) {
        StringBuilder params = new StringBuilder("{");
        for (Map.Entry<String, String> e : m.parameters().entrySet()) {
            if (params.length() > 1) {
                params.append(',');
            }
            params.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        params.append('}');
        return "{\"phoneNumbers\":" + quote(m.mobile()) + ",\"signName\":" + quote(signName) + ",\"templateCode\":" + quote(m.templateCode())
                + ",\"templateParam\":" + params + ",\"outId\":" + quote(m.messageId()) + "}";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : (s == null ? "" : s).toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
