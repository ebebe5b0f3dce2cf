package org.titrate.inventory.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.StockService;
import org.titrate.platform.api.soap.SoapEndpoints;

/** Publishes {@link InventorySoapService} while the inventory module is installed. */
@Component(immediate = true)
public class InventorySoapEndpoint {

    @Reference
    private SoapEndpoints soap;

    @Reference
    private StockService stock;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("InventoryService", new InventorySoapService(stock));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
