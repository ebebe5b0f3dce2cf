package org.titrate.inventory.impl.soap;

import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.titrate.inventory.api.StockService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.soap.ProblemFault;

/** {@code /soap/InventoryService}: on-hand stock for legacy systems, document/literal wrapped. */
@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@WebService(name = "InventoryService", serviceName = "InventoryService", portName = "InventoryServicePort",
        targetNamespace = InventorySoapService.NS)
public class InventorySoapService {
    public static final String NS = "urn:titrate:inventory";

    private final StockService stock;

    public InventorySoapService(StockService stock) {
        this.stock = stock;
    }

    /** Every lot and status of the product with a quantity, in one warehouse or (without {@code warehouseCode}) in all. */
    @WebMethod
    @WebResult(name = "stock")
    public List<StockData> getStock(@WebParam(name = "sku") String sku, @WebParam(name = "warehouseCode") String warehouseCode) throws ProblemFault {
        Check check = new Check();
        String s = check.code("sku", sku, true);
        String w = check.code("warehouseCode", warehouseCode, false);
        check.throwIfInvalid();
        return stock.stockOf(s, w).stream().map(StockData::of).toList();
    }
}
