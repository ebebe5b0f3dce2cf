package org.titrate.reporting.impl.soap;

import java.util.HashMap;
import java.util.Map;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.ws.RequestWrapper;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemFault;
import org.titrate.reporting.api.ReportService;

/**
 * {@code /soap/ReportService} for legacy finance systems: the sales summary, a customer's statement of account and
 * the receivables ageing, the same numbers and the same refusals (client faults naming the parameter) as REST.
 */
@WebService(name = "ReportService", serviceName = "ReportService", portName = "ReportServicePort", targetNamespace = ReportSoapService.NS)
public class ReportSoapService {
    public static final String NS = "urn:titrate:reporting";

    private final ReportService reports;

    public ReportSoapService(ReportService reports) {
        this.reports = reports;
    }

    @WebMethod
    @WebResult(name = "report")
    @Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    @RequestWrapper(className = "org.titrate.reporting.impl.soap.SalesSummaryRequest")
    public ReportData getSalesSummary(@WebParam(name = "from") String from, @WebParam(name = "to") String to,
            @WebParam(name = "groupBy") String groupBy) throws ProblemFault {
        return ReportData.of(reports.run("sales-summary", params("from", from, "to", to, "groupBy", groupBy)));
    }

    @WebMethod
    @WebResult(name = "report")
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    @RequestWrapper(className = "org.titrate.reporting.impl.soap.StatementOfAccountRequest")
    public ReportData getStatementOfAccount(@WebParam(name = "customerCode") String customerCode, @WebParam(name = "from") String from,
            @WebParam(name = "to") String to) throws ProblemFault {
        return ReportData.of(reports.run("statement", params("customer", customerCode, "from", from, "to", to)));
    }

    @WebMethod
    @WebResult(name = "report")
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    @RequestWrapper(className = "org.titrate.reporting.impl.soap.ReceivablesAgeingRequest")
    public ReportData getReceivablesAgeing(@WebParam(name = "asOf") String asOf) throws ProblemFault {
        return ReportData.of(reports.run("receivables-ageing", params("asOf", asOf)));
    }

    private static Map<String, String> params(String... keyValues) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                p.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return p;
    }
}
