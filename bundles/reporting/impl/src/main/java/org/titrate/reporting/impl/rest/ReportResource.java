package org.titrate.reporting.impl.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportInfo;
import org.titrate.reporting.api.ReportService;
import org.titrate.reporting.api.ReportingStatus;
import org.titrate.reporting.impl.Exports;

/**
 * {@code /reports}: every report as JSON (rows, totals, the filters applied and, for the charted ones, an ECharts-ready
 * {@code chart}), or as a file with {@code ?format=csv|xlsx} or the matching {@code Accept} header. Sales reports are
 * for sales, finance and viewers; financial ones for finance and viewers; stock ones for the warehouse and viewers
 * (admin always).
 */
@Component(service = RestResource.class)
@Path("/reports")
@Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
public class ReportResource implements RestResource {

    @Reference
    private ReportService reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportInfo> list() {
        return reports.reports();
    }

    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public ReportingStatus status() {
        return reports.status();
    }

    @GET
    @Path("/sales-summary")
    @Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Response salesSummary(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("sales-summary", uri, headers);
    }

    @GET
    @Path("/sales-share")
    @Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Response salesShare(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("sales-share", uri, headers);
    }

    @GET
    @Path("/sales-ranking")
    @Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Response salesRanking(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("sales-ranking", uri, headers);
    }

    @GET
    @Path("/sales-trend")
    @Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Response salesTrend(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("sales-trend", uri, headers);
    }

    @GET
    @Path("/purchase-sales")
    @Allowed({Roles.WAREHOUSE, Roles.VIEWER})
    public Response purchaseSales(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("purchase-sales", uri, headers);
    }

    @GET
    @Path("/receivables-ageing")
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    public Response receivablesAgeing(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("receivables-ageing", uri, headers);
    }

    @GET
    @Path("/payables-ageing")
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    public Response payablesAgeing(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("payables-ageing", uri, headers);
    }

    @GET
    @Path("/statement")
    @Allowed({Roles.FINANCE, Roles.VIEWER})
    public Response statement(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("statement", uri, headers);
    }

    @GET
    @Path("/flows")
    @Allowed({Roles.SALES, Roles.PURCHASING, Roles.WAREHOUSE, Roles.FINANCE, Roles.VIEWER})
    public Response flows(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("flows", uri, headers);
    }

    @GET
    @Path("/delivery-schedule")
    @Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.VIEWER})
    public Response deliverySchedule(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("delivery-schedule", uri, headers);
    }

    @GET
    @Path("/returns")
    @Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
    public Response returnsReport(@Context UriInfo uri, @Context HttpHeaders headers) {
        return answer("returns", uri, headers);
    }

    private Response answer(String name, UriInfo uri, HttpHeaders headers) {
        Map<String, String> parameters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> parameters.put(k, v.isEmpty() ? null : v.get(0)));
        String format = format(parameters.remove("format"), headers);
        Report report = reports.run(name, parameters);
        return switch (format) {
            case "csv" -> file(report, "csv", Exports.CSV + ";charset=UTF-8", out -> Exports.csv(report, out));
            case "xlsx" -> file(report, "xlsx", Exports.XLSX, out -> Exports.xlsx(report, out));
            default -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    /** {@code ?format=} first, else the first of CSV or XLSX the client accepts, else JSON. */
    static String format(String requested, HttpHeaders headers) {
        if (requested != null && !requested.isBlank()) {
            String f = requested.strip().toLowerCase(Locale.ROOT);
            if (!List.of("json", "csv", "xlsx").contains(f)) {
                throw new ValidationException("format", "must be one of json, csv, xlsx");
            }
            return f;
        }
        for (MediaType t : headers.getAcceptableMediaTypes()) {
            if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType()) {
                return "json";
            }
            if (!t.isWildcardType() && t.isCompatible(MediaType.valueOf(Exports.CSV))) {
                return "csv";
            }
            if (!t.isWildcardType() && t.isCompatible(MediaType.valueOf(Exports.XLSX))) {
                return "xlsx";
            }
        }
        return "json";
    }

    private static Response file(Report report, String extension, String type, StreamingOutput body) {
        return Response.ok(body, type).header("Content-Disposition", Exports.contentDisposition(report, extension)).build();
    }
}
