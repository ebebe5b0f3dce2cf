package org.titrate.reporting.impl.rest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.ForbiddenException;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.rest.RestResource;
import org.titrate.platform.api.rest.Returns;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportInfo;
import org.titrate.reporting.api.ReportService;
import org.titrate.reporting.api.ReportingStatus;
import org.titrate.reporting.impl.Exports;

/**
 * {@code /reports/{name}}: every report the {@link ReportService} lists, as JSON (rows, totals, the filters applied and,
 * for the charted ones, an ECharts-ready {@code chart}), or as a file with {@code ?format=csv|xlsx} or the matching
 * {@code Accept} header. Who may read a report is the report's own list of roles ({@link ReportInfo#roles()}, admin
 * always), the same list the shell and the browser use. A file is written from the database into a temporary file
 * row by row and sent from there: a bad parameter is still a 400, and no export holds its rows in memory.
 */
@Component(service = RestResource.class)
@javax.ws.rs.Path("/reports")
public class ReportResource implements RestResource {
    private static final String CHART = "The report: {name, title, from, to, filters, columns [{key, label, type}], rows (objects keyed by "
            + "the columns' keys), totals, chart}. For sales-summary, sales-share, sales-ranking and sales-trend, chart is what an ECharts "
            + "option takes directly: xAxis {type: 'category', data: chart.categories} and series: chart.series, each {name, type "
            + "(bar, line or pie), data (one number per category)}; the other reports answer chart null. As a file with ?format=csv|xlsx "
            + "or Accept: text/csv or the XLSX type: Content-Disposition names the report and its period (RFC 5987 for the Chinese title).";

    @Reference
    private ReportService reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportInfo> list() {
        return reports.reports();
    }

    @GET
    @javax.ws.rs.Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    public ReportingStatus status() {
        return reports.status();
    }

    /** Any report: each one's roles are checked here, from its entry in the list. */
    @GET
    @javax.ws.rs.Path("/{name}")
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Allowed({Roles.SALES, Roles.PURCHASING, Roles.WAREHOUSE, Roles.FINANCE, Roles.VIEWER})
    @Returns(value = Report.class, description = CHART)
    public Response report(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext caller) {
        ReportInfo info = reports.reports().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("Report", name));
        if (!caller.isUserInRole(Roles.ADMIN) && info.roles().stream().noneMatch(caller::isUserInRole)) {
            throw new ForbiddenException("Your roles do not include one that reads " + name + ": " + String.join(", ", info.roles()));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> parameters.put(k, v.isEmpty() ? null : v.get(0)));
        String format = format(parameters.remove("format"), headers);
        if (format.equals("json")) {
            return Response.ok(reports.run(name, parameters), MediaType.APPLICATION_JSON_TYPE).build();
        }
        Path file = temporary(format);
        Report head;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            head = reports.export(name, parameters, format, out);
        } catch (IOException | RuntimeException e) {
            delete(file);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                delete(file);
            }
        };
        return Response.ok(body, Exports.mediaType(format)).header("Content-Disposition", Exports.contentDisposition(head, format)).build();
    }

    private static Path temporary(String format) {
        try {
            return Files.createTempFile("titrate-report-", "." + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
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
}
