package org.titrate.notifications.impl.sms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.titrate.notifications.api.Delivery;
import org.titrate.notifications.api.SmsGateway;
import org.titrate.notifications.api.SmsMessage;
import org.titrate.notifications.impl.QuietHours;
import org.titrate.platform.api.time.BusinessClock;

/**
 * SMS through the gateway named in PID {@value #PID} ({@code log} for demonstrations, {@code http} for a provider),
 * never in the quiet hours of business time: a message due then is held until they end.
 */
@Component(service = SmsChannel.class, configurationPid = SmsChannel.PID)
@Designate(ocd = SmsChannel.Config.class)
public class SmsChannel {
    public static final String PID = "org.titrate.notifications.sms";

    @ObjectClassDefinition(name = "Titrate notifications: SMS", description = "The SMS gateway, its credentials and the quiet hours")
    public @interface Config {
        @AttributeDefinition(name = "Gateway", description = "log (writes messages to the log, for demonstrations) or http (the provider below)")
        String gateway() default "log";

        @AttributeDefinition(name = "Endpoint", description = "The provider's HTTPS address messages are POSTed to")
        String endpoint() default "";

        @AttributeDefinition(name = "Access key id")
        String accessKeyId() default "";

        @AttributeDefinition(name = "Access key secret", type = AttributeType.PASSWORD)
        String accessKeySecret() default "";

        @AttributeDefinition(name = "Sign name", description = "The signature registered with the provider, shown before each message")
        String signName() default "";

        @AttributeDefinition(name = "Quiet hours start", description = "HH:mm business time; no SMS from then ...")
        String quietHoursStart() default "22:00";

        @AttributeDefinition(name = "Quiet hours end", description = "... until then (HH:mm); equal to the start: no quiet hours")
        String quietHoursEnd() default "08:00";

        @AttributeDefinition(name = "Timeout", description = "Milliseconds before a request to the provider fails")
        int timeoutMillis() default 10000;
    }

    private final List<Map.Entry<String, SmsGateway>> gateways = new CopyOnWriteArrayList<>();
    private volatile Config config;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGateway(SmsGateway gateway, Map<String, Object> properties) {
        gateways.add(Map.entry(String.valueOf(properties.get(SmsGateway.NAME)), gateway));
    }

    void removeGateway(SmsGateway gateway) {
        gateways.removeIf(e -> e.getValue() == gateway);
    }

    @Activate
    @Modified
    void configure(Config c) {
        config = c;
    }

    Config config() {
        return config;
    }

    public QuietHours quietHours() {
        Config c = config;
        return QuietHours.parse(c.quietHoursStart(), c.quietHoursEnd(), BusinessClock.zone());
    }

    /** Sends through the configured gateway; returns the provider's id. */
    public String send(Delivery d, String params) throws Exception {
        String name = config.gateway().strip();
        SmsGateway gateway = gateways.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no SMS gateway '" + name + "' is registered"));
        return gateway.send(new SmsMessage(d.id(), d.recipient(), d.templateCode(), decode(params), d.body()));
    }

    static Map<String, String> decode(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        if (params == null || params.isEmpty()) {
            return out;
        }
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
