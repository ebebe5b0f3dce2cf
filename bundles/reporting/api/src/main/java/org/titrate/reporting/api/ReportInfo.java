package org.titrate.reporting.api;

import java.util.List;

/**
 * A report: its path name ({@code sales-summary}), title, the roles that may read it ({@code admin} always may),
 * and the parameters it takes beyond {@code from} and {@code to}.
 */
public record ReportInfo(String name, String title, List<String> roles, List<String> parameters) {
}
