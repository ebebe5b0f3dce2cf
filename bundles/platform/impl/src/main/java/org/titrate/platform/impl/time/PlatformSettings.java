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
    }

    @Activate
    @Modified
    void configure(Config config) {
        ZoneId zone = zone(config.businessTimeZone());
        if (!zone.equals(BusinessClock.zone())) {
            LOG.info("Business time zone is {}", zone.getId());
        }
        BusinessClock.useZone(zone);
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
