package org.titrate.reporting.api;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;
import java.util.Map;

/**
 * The reports of Titrate, computed from reporting's own read models (fed by the platform's event log).
 * Parameters are the strings a client sends ({@code from}, {@code to}, {@code groupBy}, {@code top},
 * {@code basis}, {@code by}, {@code asOf} and the report's filters, see {@link ReportInfo#parameters()});
 * a bad one is a {@link org.titrate.platform.api.ValidationException} naming it. REST, SOAP and the shell
 * all go through here, so they answer the same numbers and the same errors.
 */
@ProviderType
public interface ReportService {

    /** Every report, in menu order. */
    List<ReportInfo> reports();

    /** Runs report {@code name}; unknown name: 404. */
    Report run(String name, Map<String, String> parameters);

    /**
     * Runs report {@code name} writing its rows, as they are read, into {@code out} as {@code format} ({@code csv}: UTF-8
     * with a byte order mark; {@code xlsx}), then its totals as a last row; answers the report without its rows (name,
     * title, period, filters, columns, totals). Memory does not grow with the rows. Bad parameters are refused before
     * anything is written.
     */
    Report export(String name, Map<String, String> parameters, String format, java.io.OutputStream out);

    /** How far the read models have followed the event log. */
    ReportingStatus status();
}
