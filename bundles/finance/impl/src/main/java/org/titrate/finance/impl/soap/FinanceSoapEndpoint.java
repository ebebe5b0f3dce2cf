package org.titrate.finance.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.customers.api.CustomerService;
import org.titrate.finance.api.FinanceService;
import org.titrate.invoicing.api.OrderInvoices;
import org.titrate.platform.api.soap.SoapEndpoints;
import org.titrate.purchasing.api.SupplierService;

/** Publishes {@link FinanceSoapService} while the finance module is installed. */
@Component(immediate = true)
public class FinanceSoapEndpoint {

    @Reference
    private SoapEndpoints soap;

    @Reference
    private FinanceService finance;

    @Reference
    private CustomerService customers;

    /** Present while purchasing is installed: a supplier without postings is known there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SupplierService suppliers;

    /** Present while invoicing is installed: the feeds show the invoice numbers of each order. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrderInvoices invoices;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("FinanceService", new FinanceSoapService(finance, customers, () -> suppliers, () -> invoices));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
