package org.titrate.purchasing.impl.soap;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemFault;
import org.titrate.purchasing.api.PurchaseOrderService;
import org.titrate.purchasing.api.SupplierService;

/**
 * {@code /soap/PurchasingService}: purchase documents and suppliers for legacy finance systems that
 * match supplier invoices against what was received. Document/literal wrapped.
 */
@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@WebService(name = "PurchasingService", serviceName = "PurchasingService", portName = "PurchasingServicePort",
        targetNamespace = PurchasingSoapService.NS)
public class PurchasingSoapService {
    public static final String NS = "urn:titrate:purchasing";

    private final PurchaseOrderService orders;
    private final SupplierService suppliers;

    public PurchasingSoapService(PurchaseOrderService orders, SupplierService suppliers) {
        this.orders = orders;
        this.suppliers = suppliers;
    }

    /** A purchase order or return with its lines (the lots received), amounts and what is still owed on it. */
    @WebMethod
    @WebResult(name = "purchaseOrder")
    public PurchaseOrderData getPurchaseOrder(@WebParam(name = "number") String number) throws ProblemFault {
        Check check = new Check();
        String n = check.text("number", number, 40, true);
        check.throwIfInvalid();
        return PurchaseOrderData.of(orders.get(n));
    }

    @WebMethod
    @WebResult(name = "supplier")
    public SupplierData getSupplier(@WebParam(name = "code") String code) throws ProblemFault {
        Check check = new Check();
        String c = check.code("code", code, true);
        check.throwIfInvalid();
        return SupplierData.of(suppliers.get(c));
    }
}
