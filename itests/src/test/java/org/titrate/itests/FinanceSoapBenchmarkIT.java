package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

/**
 * {@code registerReceipt} calls per second over SOAP (HTTP Basic, UTF-8 envelopes as a legacy client sends them) from 1 and 4
 * clients, each receipt with its own {@code requestId}, spread over many customers; then the same calls again as retries
 * (each answers its first receipt, nothing is booked twice). Figures go to {@code target/benchmark-finance-soap.txt};
 * nothing here asserts a time.
 *
 * <p>{@code mvn -B -ntp -o -Pbenchmark verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FinanceSoapBenchmarkIT}
 */
public class FinanceSoapBenchmarkIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String PASSWORD = "bench-" + RUN + "-secret";
    private static final int CUSTOMERS = 50;
    private static final int PER_CLIENT = Integer.getInteger("titrate.benchmark.receipts", 200);
    private static final Path REPORT = Path.of("target", "benchmark-finance-soap.txt");

    private DistributionProcess titrate;

    @After
    public void stop() throws Exception {
        if (titrate != null) {
            titrate.close();
        }
    }

    @Test
    public void registerReceiptCallsPerSecondOverSoap() throws Exception {
        titrate = new DistributionProcess("benchmark-finance-soap", PASSWORD);
        report("== Titrate finance SOAP benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores; "
                + CUSTOMERS + " customers, " + PER_CLIENT + " receipts per client");
        titrate.start();
        titrate.awaitServing("/customers?limit=1", "/receipts?limit=1", "/soap/FinanceService?wsdl");
        for (int i = 0; i < CUSTOMERS; i++) {
            TitrateTestSupport.Reply r = titrate.call("POST", "/customers", Map.of("code", customer(i), "name", "安徽华谊化工有限公司 #" + i,
                    "status", "ACTIVE", "channel", "WHOLESALE"));
            assertEquals(r.body(), 201, r.status());
        }
        receipts("warm-up", 4, 50);
        receipts("new receipts", 1, PER_CLIENT);
        receipts("new receipts", 4, PER_CLIENT);
        receipts("retries of the 4-client run (each answers its first receipt)", 4, PER_CLIENT);
        long booked = titrate.call("GET", "/receipts?limit=1", null).json().path("total").asLong();
        report("receipts booked in all: " + booked + " (warm-up " + 4 * 50 + ", 1 client " + PER_CLIENT + ", 4 clients " + 4 * PER_CLIENT
                + "; the retries booked none)");
        assertEquals(4 * 50 + 5L * PER_CLIENT, booked);
    }

    private String lastRun;

    /** {@code clients} at once, {@code perClient} receipts each; the retry run sends the previous run's requests again. */
    private void receipts(String label, int clients, int perClient) throws Exception {
        boolean retry = label.startsWith("retries");
        String run = retry ? lastRun : label.replace(' ', '-') + "-" + clients + "-" + RUN;
        lastRun = run;
        AtomicInteger next = new AtomicInteger();
        long cpuBefore = titrate.cpuTicks();
        double seconds = Benchmarks.concurrently(clients, perClient, () -> {
            int n = next.getAndIncrement();
            TitrateTestSupport.Reply r = soap(receipt(customer(n % CUSTOMERS), run + "-" + n));
            return r.status() == 200 && r.body().contains("<number>RC-") ? 0 : 1;
        });
        long cpu = titrate.cpuTicks() - cpuBefore;
        int calls = clients * perClient;
        report(String.format("%s, %d client(s): %d registerReceipt calls in %.1f s = %.1f calls/s; server CPU %.1f ms per call", label,
                clients, calls, seconds, calls / seconds, cpu * 10.0 / calls));
    }

    private static String receipt(String customer, String requestId) {
        return "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body>"
                + "<f:registerReceipt xmlns:f='urn:titrate:finance'><receipt><customerCode>" + customer + "</customerCode>"
                + "<amount>" + new BigDecimal("1.00") + "</amount><method>BANK_TRANSFER</method><reference>压测回单 " + requestId
                + "</reference><requestId>" + requestId + "</requestId></receipt></f:registerReceipt></soap:Body></soap:Envelope>";
    }

    private TitrateTestSupport.Reply soap(String envelope) {
        TitrateTestSupport.Reply r = TitrateTestSupport.http("POST", titrate.url("").replace("/api/v1", "/soap/FinanceService"), "admin",
                PASSWORD, envelope, Map.of("Content-Type", "text/xml; charset=UTF-8", "SOAPAction", "\"\""));
        assertTrue(r.body(), r.status() == 200 || r.status() == 500);
        return r;
    }

    private static String customer(int i) {
        return "BSC" + i + "-" + RUN;
    }

    private static void report(String line) {
        Benchmarks.report(REPORT, line);
    }
}
