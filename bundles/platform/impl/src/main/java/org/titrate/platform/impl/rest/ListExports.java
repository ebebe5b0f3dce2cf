package org.titrate.platform.impl.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import org.titrate.platform.api.FieldError;
import org.titrate.platform.api.ProblemException;

/**
 * The main lists export from their own paths: {@code GET /sales-orders?format=csv} (or {@code xlsx}, or an
 * {@code Accept} of CSV or XLSX) is served as the reporting module's list report it corresponds to,
 * {@code /reports/orders?format=csv}, with the list's filters renamed to the report's. The export is written in one
 * place (reporting carries the spreadsheet writer and streams every report the same way); this only spares a user the
 * second address. A list filter the report cannot apply is refused naming it, never dropped, so an export never holds
 * more than the list it was asked as. Without the reporting module the rewritten path is unknown: 404 as for any
 * module not installed.
 */
final class ListExports {
    static final String API = "/api/v1/";
    private static final String XLSX = "spreadsheetml";

    /** One list: the report it exports as, its filters renamed, the ones taken as they are, and fixed parameters. */
    private record Export(String report, Map<String, String> renamed, Set<String> same, Map<String, String> fixed) {
    }

    private static final Set<String> PAGING = Set.of("offset", "limit", "format");
    private static final Map<String, Export> LISTS = Map.ofEntries(
            Map.entry("sales-orders", new Export("orders", Map.of("customerCode", "customer"),
                    Set.of("type", "status", "channel", "currency", "from", "to"), Map.of())),
            Map.entry("stock", new Export("stock", Map.of("sku", "product", "warehouseCode", "warehouse"), Set.of("asOf"), Map.of())),
            Map.entry("stock-movements", new Export("stock-movements", Map.of("sku", "product", "warehouseCode", "warehouse"),
                    Set.of("documentType", "from", "to"), Map.of())),
            Map.entry("receivables", new Export("receivables", Map.of("customerCode", "customer"), Set.of("currency", "from", "to"),
                    Map.of())),
            Map.entry("payables", new Export("payables", Map.of("supplierCode", "supplier"), Set.of("currency", "from", "to"), Map.of())),
            money("receipts", "customerCode"),
            money("refunds", "customerCode"),
            money("supplier-payments", "supplierCode"),
            money("supplier-refunds", "supplierCode"));

    private ListExports() {
    }

    private static Map.Entry<String, Export> money(String list, String party) {
        return Map.entry(list, new Export("money", Map.of(party, "party"), Set.of("currency", "from", "to"), Map.of("kind", list)));
    }

    /**
     * The request as the report's export when it asks a main list for CSV or XLSX, else {@code null}.
     *
     * @throws ProblemException 400 naming a list filter the export cannot apply
     */
    static HttpServletRequest rewrite(HttpServletRequest http) {
        if (!"GET".equals(http.getMethod())) {
            return null;
        }
        String uri = http.getRequestURI();
        String context = http.getContextPath() == null ? "" : http.getContextPath();
        if (uri == null || !uri.startsWith(context + API)) {
            return null;
        }
        String list = uri.substring(context.length() + API.length());
        if (list.endsWith("/")) {
            list = list.substring(0, list.length() - 1);
        }
        Export export = LISTS.get(list);
        if (export == null || !wantsFile(http)) {
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        export.fixed().forEach((k, v) -> query.put(k, List.of(v)));
        for (Enumeration<String> names = http.getParameterNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            List<String> values = List.of(http.getParameterValues(name));
            if (export.renamed().containsKey(name)) {
                query.put(export.renamed().get(name), values);
            } else if (export.same().contains(name) || "format".equals(name)) {
                query.put(name, values);
            } else if (!PAGING.contains(name)) {
                // offset and limit page the list on screen; an export is the whole list, as a report is
                throw new ProblemException(400, "Bad Request", "the export of /" + list + " cannot be filtered by " + name
                        + "; it is /reports/" + export.report() + " (see GET /api/v1/reports for its parameters)",
                        List.of(new FieldError(name, "is not a filter of the export of /" + list + " (filters: "
                                + filters(export) + ")")));
            }
        }
        return new Rewritten(http, uri.substring(0, uri.length() - (uri.endsWith("/") ? list.length() + 1 : list.length()))
                + "reports/" + export.report(), query);
    }

    private static String filters(Export export) {
        return Stream.concat(export.renamed().keySet().stream(), export.same().stream()).sorted()
                .collect(Collectors.joining(", "));
    }

    private static boolean wantsFile(HttpServletRequest http) {
        String format = http.getParameter("format");
        if (format != null) {
            String f = format.toLowerCase(Locale.ROOT);
            return f.equals("csv") || f.equals("xlsx");
        }
        String accept = http.getHeader("Accept");
        return accept != null && (accept.contains("text/csv") || accept.contains(XLSX));
    }

    /** The same request addressed to the report, its query rebuilt from the renamed filters. */
    private static final class Rewritten extends HttpServletRequestWrapper {
        private final String uri;
        private final String queryString;
        private final Map<String, String[]> parameters = new LinkedHashMap<>();
        private final String pathInfo;

        Rewritten(HttpServletRequest request, String uri, Map<String, List<String>> query) {
            super(request);
            this.uri = uri;
            query.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
            this.queryString = query.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                    .collect(Collectors.joining("&"));
            String info = request.getPathInfo();
            String old = request.getRequestURI();
            // the servlet's path info is the tail of the request URI: the same tail, readdressed
            this.pathInfo = info == null || !old.endsWith(info) ? info
                    : uri.substring(old.length() - info.length());
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        @Override
        public String getRequestURI() {
            return uri;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer original = super.getRequestURL();
            String old = super.getRequestURI();
            int at = original.lastIndexOf(old);
            return at < 0 ? original : new StringBuffer(original.substring(0, at)).append(uri);
        }

        @Override
        public String getPathInfo() {
            return pathInfo;
        }

        @Override
        public String getQueryString() {
            return queryString.isEmpty() ? null : queryString;
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
