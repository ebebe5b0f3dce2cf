package org.titrate.platform.impl.rest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.junit.Test;
import org.titrate.platform.api.ProblemException;

public class ListExportsTest {

    /** A GET to the path with the query's parameters (one value each unless given twice) and an Accept header. */
    private static HttpServletRequest get(String path, String accept, String... query) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            String[] old = params.get(query[i]);
            params.put(query[i], old == null ? new String[] {query[i + 1]} : new String[] {old[0], query[i + 1]});
        }
        return (HttpServletRequest) Proxy.newProxyInstance(ListExportsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> path;
                    case "getPathInfo" -> path;
                    case "getContextPath" -> "";
                    case "getRequestURL" -> new StringBuffer("http://localhost:8181" + path);
                    case "getHeader" -> "Accept".equals(args[0]) ? accept : null;
                    case "getParameter" -> params.containsKey(args[0]) ? params.get(args[0])[0] : null;
                    case "getParameterValues" -> params.get(args[0]);
                    case "getParameterNames" -> Collections.enumeration(params.keySet());
                    default -> null;
                });
    }

    @Test
    public void aListAskedAsAFileIsItsReportWithTheFiltersRenamed() {
        HttpServletRequest r = ListExports.rewrite(get("/api/v1/sales-orders", null, "customerCode", "华东化工", "status", "SHIPPED",
                "format", "csv", "limit", "20"));
        assertEquals("/api/v1/reports/orders", r.getRequestURI());
        assertEquals("/api/v1/reports/orders", r.getPathInfo());
        assertEquals("http://localhost:8181/api/v1/reports/orders", r.getRequestURL().toString());
        assertEquals("customer=%E5%8D%8E%E4%B8%9C%E5%8C%96%E5%B7%A5&status=SHIPPED&format=csv", r.getQueryString());
        assertEquals("华东化工", r.getParameter("customer"));
        assertNull("an export is the whole list", r.getParameter("limit"));
    }

    @Test
    public void theMoneyRegistersNameTheirKindAndParty() {
        HttpServletRequest r = ListExports.rewrite(get("/api/v1/supplier-refunds/", "text/csv", "supplierCode", "S1", "from", "2026-11-01"));
        assertEquals("/api/v1/reports/money", r.getRequestURI());
        assertEquals("kind=supplier-refunds&party=S1&from=2026-11-01", r.getQueryString());
        assertArrayEquals(new String[] {"supplier-refunds"}, r.getParameterValues("kind"));
    }

    @Test
    public void jsonOtherPathsAndOtherMethodsAreLeftAlone() {
        assertNull(ListExports.rewrite(get("/api/v1/sales-orders", "application/json", "customerCode", "C1")));
        assertNull(ListExports.rewrite(get("/api/v1/sales-orders", null, "format", "json")));
        assertNull(ListExports.rewrite(get("/api/v1/sales-orders/SO-1", null, "format", "csv")));
        assertNull(ListExports.rewrite(get("/api/v1/customers", null, "format", "csv")));
        assertNull(ListExports.rewrite(get("/soap/FinanceService", null, "format", "csv")));
    }

    @Test
    public void aFilterTheExportCannotApplyIsRefusedByName() {
        try {
            ListExports.rewrite(get("/api/v1/stock-movements", null, "warehouseCode", "WH1", "lot", "L1", "format", "xlsx"));
            fail("the lot filter was dropped");
        } catch (ProblemException e) {
            assertEquals(400, e.status());
            assertEquals("lot", e.errors().get(0).field());
        }
    }
}
