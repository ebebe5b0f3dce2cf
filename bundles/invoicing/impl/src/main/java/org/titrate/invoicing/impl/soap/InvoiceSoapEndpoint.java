package org.titrate.invoicing.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.invoicing.api.InvoiceService;
import org.titrate.platform.api.soap.SoapEndpoints;

/** Publishes {@link InvoiceSoapService} while the invoicing module is installed. */
@Component(immediate = true)
public class InvoiceSoapEndpoint {

    @Reference
    private SoapEndpoints soap;

    @Reference
    private InvoiceService invoices;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("InvoiceService", new InvoiceSoapService(invoices));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
