package org.titrate.finance.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.CustomerService;
import org.titrate.finance.api.FinanceService;
import org.titrate.platform.api.soap.SoapEndpoints;

/** Publishes {@link FinanceSoapService} while the finance module is installed. */
@Component(immediate = true)
public class FinanceSoapEndpoint {

    @Reference
    private SoapEndpoints soap;

    @Reference
    private FinanceService finance;

    @Reference
    private CustomerService customers;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("FinanceService", new FinanceSoapService(finance, customers));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
