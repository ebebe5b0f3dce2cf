package org.titrate.finance.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of finance's SOAP posting feeds (docs/configuration.md); a saved change applies to the next poll. */
@Component(immediate = true, service = FinanceFeedSettings.class, configurationPid = FinanceFeedSettings.PID)
@Designate(ocd = FinanceFeedSettings.Config.class)
public class FinanceFeedSettings {
    public static final String PID = "org.titrate.finance.feeds";

    @ObjectClassDefinition(name = "Titrate finance posting feeds", description = "listPostingsSince and listPostingsAfter of"
            + " /soap/FinanceService")
    public @interface Config {
        @AttributeDefinition(description = "Postings one poll answers at most (1 to 5000); the caller polls again from the last one")
        int pageLimit() default FinanceSoapService.FEED_LIMIT;
    }

    @Activate
    @Modified
    void apply(Config config) {
        FinanceSoapService.pageLimit(Math.max(1, Math.min(5000, config.pageLimit())));
    }
}
