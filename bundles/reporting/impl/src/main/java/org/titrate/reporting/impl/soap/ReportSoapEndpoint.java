package org.titrate.reporting.impl.soap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.soap.SoapEndpoints;
import org.titrate.reporting.api.ReportService;

/** Publishes {@link ReportSoapService} while the reporting module is installed. */
@Component(immediate = true)
public class ReportSoapEndpoint {

    @Reference
    private SoapEndpoints soap;

    @Reference
    private ReportService reports;

    private AutoCloseable endpoint;

    @Activate
    void activate() {
        endpoint = soap.publish("ReportService", new ReportSoapService(reports));
    }

    @Deactivate
    void deactivate() throws Exception {
        endpoint.close();
    }
}
