package org.titrate.platform.impl.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.platform.impl.rest.RequestLimits;

/**
 * The platform-wide settings of PID {@code org.titrate.platform} ({@code etc/org.titrate.platform.cfg}):
 * today the business time zone. Immediate, so the zone is set as soon as the platform starts, and
 * modified in place, so editing the file changes the zone of the next request without a restart.
 */
@Component(service = PlatformSettings.class, immediate = true, configurationPid = PlatformSettings.PID)
@Designate(ocd = PlatformSettings.Config.class)
public class PlatformSettings {
    public static final String PID = "org.titrate.platform";
    private static final Logger LOG = LoggerFactory.getLogger(PlatformSettings.class);

    @ObjectClassDefinition(name = "Titrate platform", description = "Settings every Titrate module shares")
    public @interface Config {
        @AttributeDefinition(description = "The business time zone (an IANA zone id such as Asia/Shanghai): which day"
                + " it is for due dates, document dates, stock expiry, report periods and the year of document numbers")
        String businessTimeZone() default BusinessClock.DEFAULT_ZONE;

        @AttributeDefinition(description = "Largest request body in bytes; a larger one is refused with 413")
        long maxBodyBytes() default 2L * 1024 * 1024;

        @AttributeDefinition(description = "Deepest nesting of objects and arrays in a JSON body; deeper is a 400")
        int maxJsonDepth() default 32;

        @AttributeDefinition(description = "Longest string in a JSON body, in characters; longer is a 400")
        int maxStringLength() default 10_000;

        @AttributeDefinition(description = "Longest number in a JSON body, in characters; longer is a 400")
        int maxNumberLength() default 64;

        @AttributeDefinition(description = "Most significant digits, and widest exponent, of a decimal (quantity, price, amount); more is a 400")
        int maxDecimalDigits() default 38;

        @AttributeDefinition(description = "Most items in a list of a body: the lines of a document; more is a 400")
        int maxLinesPerDocument() default 1000;

        @AttributeDefinition(description = "Largest page a list request may ask for (limit); larger is a 400; at most 500")
        int maxPageSize() default 500;

        @AttributeDefinition(description = "Most requests one client (an address and the user or browser session it names) may have in progress at once; more are refused with 429")
        int maxConcurrentRequestsPerClient() default 16;
    }

    @Activate
    @Modified
    void configure(Config config) {
        ZoneId zone = zone(config.businessTimeZone());
        if (!zone.equals(BusinessClock.zone())) {
            LOG.info("Business time zone is {}", zone.getId());
        }
        BusinessClock.useZone(zone);
        RequestLimits.apply(new RequestLimits.Limits(config.maxBodyBytes(), config.maxJsonDepth(), config.maxStringLength(),
                config.maxNumberLength(), config.maxDecimalDigits(), config.maxLinesPerDocument(), config.maxPageSize(),
                config.maxConcurrentRequestsPerClient()));
    }

    /** A misspelt zone keeps the working one rather than stopping the platform: logged, not thrown. */
    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id == null ? BusinessClock.DEFAULT_ZONE : id.trim());
        } catch (DateTimeException e) {
            LOG.error("businessTimeZone '{}' in {} is not a time zone; keeping {}", id, PID, BusinessClock.zone().getId());
            return BusinessClock.zone();
        }
    }
}
