package org.titrate.reporting.api;

import java.util.Map;

/**
 * Where each of reporting's followers stands in the platform's event log (cursor name to the last event
 * handled), and the log's last readable event.
 */
public record ReportingStatus(Map<String, Long> cursors, long logVisibleUpTo) {
}
