package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * An administrator's ordinary day on the packaged distribution, run as its own process with its own data folder:
 * a clean start, the demo data, an order confirmed and shipped, an action refused, a path that does not exist,
 * input the API and the shell refuse. Afterwards the container's own log, {@code data/log/karaf.log} under the
 * unpacked distribution, holds no WARN or ERROR line and no stack trace: client mistakes are INFO lines.
 */
public class CleanLogIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String PASSWORD = "it-" + RUN + "-secret";
    /**
     * Every line the logging layout writes starts with its ISO 8601 time; Karaf's launcher writes its first lines, before
     * the logging service runs, in java.util.logging's two-line form. Anything else is a stack trace's continuation.
     */
    private static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"
            + "|[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M |(INFO|CONFIG|FINE|FINER|FINEST|WARNING|SEVERE): ).*");
    private static final Pattern WARNING = Pattern.compile("^(.*\\| (WARN |ERROR) \\|.*|(WARNING|SEVERE): .*)");
    private DistributionProcess titrate;

    @Before
    public void unpack() throws Exception {
        titrate = new DistributionProcess("clean-log-it", PASSWORD);
    }

    @After
    public void stop() throws Exception {
        titrate.close();
    }

    @Test
    public void aCleanStartAndAnOrdinaryDayLeaveNoWarningErrorOrStackTraceInTheLog() throws Exception {
        titrate.start();
        String demo = titrate.sshShell("titrate:demo-load");
        assertTrue(demo, titrate.call("GET", "/customers/C000101", null).status() == 200);

        TitrateTestSupport.Reply order = titrate.call("POST", "/sales-orders", Map.of("type", "ORDER", "customerCode", "C000101",
                "warehouseCode", "WH1", "comment", "日常订单 " + RUN, "lines", List.of(Map.of("sku", "NAOH-25", "quantity", 2))));
        assertEquals(order.body(), 201, order.status());
        String number = order.json().path("number").asText();
        assertEquals(200, titrate.call("POST", "/sales-orders/" + number + "/confirm", null).status());
        TitrateTestSupport.Reply shipped = titrate.call("POST", "/sales-orders/" + number + "/ship", null);
        assertEquals(shipped.body(), 200, shipped.status());

        // Refused: shipping twice, cancelling what has shipped.
        assertEquals(409, titrate.call("POST", "/sales-orders/" + number + "/ship", null).status());
        assertEquals(409, titrate.call("POST", "/sales-orders/" + number + "/cancel", null).status());
        assertEquals(404, titrate.call("GET", "/customers/NOPE-" + RUN, null).status());
        assertEquals(400, titrate.call("POST", "/customers", "{\"code\": ").status());
        assertEquals(401, TitrateTestSupport.http("GET", titrate.url("/customers?limit=1"), "admin", "wrong-" + RUN, null, Map.of()).status());

        String unknown = titrate.sshShell("titrate:order-show SO-1999-" + RUN);
        assertTrue(unknown, unknown.toLowerCase().contains("no"));
        titrate.sshShell("titrate:customer-list --no-such-option");

        Path log = titrate.home().resolve("data/log/karaf.log");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> warnings = lines.stream().filter(l -> WARNING.matcher(l).matches()).collect(Collectors.toList());
        List<String> traces = lines.stream().filter(l -> !l.isBlank() && !LOG_LINE.matcher(l).matches()).collect(Collectors.toList());
        DistributionProcess.figure("clean-log.txt", "FIGURES karaf.log after a clean start and an ordinary day: " + lines.size()
                + " lines, " + warnings.size() + " WARN or ERROR, " + traces.size() + " stack trace lines");
        assertTrue("WARN or ERROR in " + log + ":\n" + String.join("\n", warnings), warnings.isEmpty());
        assertTrue("stack traces in " + log + ":\n" + String.join("\n", traces.subList(0, Math.min(60, traces.size()))), traces.isEmpty());
    }
}
