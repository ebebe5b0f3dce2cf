package org.titrate.sales.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of sales' SOAP change feeds (docs/configuration.md); a saved change applies to the next poll. */
@Component(immediate = true, service = SalesFeedSettings.class, configurationPid = SalesFeedSettings.PID)
@Designate(ocd = SalesFeedSettings.Config.class)
public class SalesFeedSettings {
    public static final String PID = "org.titrate.sales.feeds";

    @ObjectClassDefinition(name = "Titrate sales change feeds", description = "listOrdersChangedSince, listOrdersChangedAfter and"
            + " listOrdersAfter of /soap/SalesOrderService")
    public @interface Config {
        @AttributeDefinition(description = "Documents one poll answers at most (1 to 5000); the caller polls again from the last one")
        int pageLimit() default SalesOrderSoapService.MAX_CHANGES;
    }

    @Activate
    @Modified
    void apply(Config config) {
        SalesOrderSoapService.pageLimit(Math.max(1, Math.min(5000, config.pageLimit())));
    }
}
