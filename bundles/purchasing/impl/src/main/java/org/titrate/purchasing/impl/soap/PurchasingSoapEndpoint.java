package org.titrate.purchasing.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.soap.SoapEndpoints;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.SupplierService;

/** Publishes {@link PurchasingSoapService} while the purchasing module is installed. */
@Component(immediate = true)
public class PurchasingSoapEndpoint {

    @Reference
    private SoapEndpoints soap;

    @Reference
    private PurchaseOrderService orders;

    @Reference
    private SupplierService suppliers;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("PurchasingService", new PurchasingSoapService(orders, suppliers));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
