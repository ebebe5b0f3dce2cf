package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * An online backup taken while four clients post ({@code POST /api/v1/admin/backup}, and {@code titrate:backup DIR} in
 * the shell) is consistent: restored with {@code bin/titrate-restore} into the stopped container it holds everything
 * acknowledged before the backup began and nothing acknowledged after it ended, the books agree on it, and the
 * container then keeps working with numbers that continue without a clash. Folders outside the backup root are
 * refused; only administrators may back up.
 */
public class BackupRestoreIT extends PostingClients {
    private static final String FIGURES = "backup-figures.txt";

    @Override
    String name() {
        return "backup-restore-it";
    }

    @Test
    public void onlineBackupWhileClientsPostRestoresAConsistentStateAndNumbersContinue() throws Exception {
        startServing();
        prepare();
        Path root = titrate.home().resolve("data/backups");
        // The file system is attack surface: nothing outside data/backups, nothing over an existing folder.
        Path outside = Path.of("target", "outside-" + RUN).toAbsolutePath();
        for (String bad : List.of("../../etc", "../titrate-db", outside.toString(), "a/../../../x", "..", "nightly\u0000x", "a b",
                "x".repeat(600), root.toString())) {
            TitrateTestSupport.Reply refused = titrate.call("POST", "/admin/backup", Map.of("directory", bad));
            assertEquals(bad + ": " + refused.body(), 400, refused.status());
            assertEquals(refused.body(), "directory", refused.json().path("errors").get(0).path("field").asText());
        }
        assertFalse(Files.exists(outside));
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("link-" + RUN), outside.getParent());
        assertEquals(400, titrate.call("POST", "/admin/backup", Map.of("directory", "link-" + RUN + "/escaped")).status());
        assertFalse(Files.exists(outside.getParent().resolve("escaped")));
        assertTrue(titrate.sshShell("titrate:backup ../../etc").contains("directory"));
        String clerk = "clerk" + RUN.toLowerCase();
        String clerkPassword = "pw-" + java.util.UUID.randomUUID();
        TitrateTestSupport.Reply user = titrate.call("POST", "/users", Map.of("username", clerk, "password", clerkPassword,
                "roles", List.of("sales", "finance")));
        assertEquals(user.body(), 201, user.status());
        assertEquals(403, TitrateTestSupport.http("POST", titrate.url("/admin/backup"), clerk, clerkPassword, Map.of(), Map.of()).status());

        // A contract's signed scan is a file beside the tables (data/titrate): one before the backup is in it, one after is not.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        TitrateTestSupport.Reply contract = titrate.call("POST", "/contracts", Map.of("customerCode", customers.get(0),
                "signingDate", today.minusDays(2).toString(), "validFrom", today.minusDays(1).toString(),
                "validUntil", today.plusDays(30).toString(), "paymentTerms", "月结30天",
                "prices", List.of(Map.of("sku", skus.get(0), "unitPrice", 50))));
        assertEquals(contract.body(), 201, contract.status());
        String contractNumber = contract.json().path("number").asText();
        String scanBefore = scan(contractNumber, "before");

        Clients clients = new Clients();
        clients.awaitAnswers(50);
        double before = clients.answersPerSecond(150);
        During<TitrateTestSupport.Reply> backing = clients.during(() -> titrate.call("POST", "/admin/backup", null));
        TitrateTestSupport.Reply backup = backing.result();
        long backupStart = backing.start();
        long backupEnd = backing.end();
        assertEquals(backup.body(), 200, backup.status());
        double during = backing.answersPerSecond();
        Path taken = Path.of(backup.json().path("path").asText());
        assertTrue(taken.toString(), taken.startsWith(root) && Files.isDirectory(taken.resolve("titrate-db")));
        clients.awaitAnswers(clients.answered() + 50);
        String scanAfter = scan(contractNumber, "after");
        String named = titrate.sshShell("titrate:backup nightly/" + RUN);
        assertTrue(named, named.contains("Backup written to") && Files.isDirectory(root.resolve("nightly/" + RUN + "/titrate-db")));
        clients.stop();
        List<Request> acknowledgedBefore = clients.log.stream().filter(r -> r.acknowledged() && r.answeredAt < backupStart).toList();
        List<Request> afterwards = clients.log.stream().filter(r -> r.acknowledged() && r.sentAt > backupEnd).toList();

        // Stopped as a power cut stops it (quicker than bin/stop, which the restore does not need).
        titrate.kill();
        Process restore = new ProcessBuilder(titrate.home().resolve("bin/titrate-restore").toString(), taken.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/distribution-process.log"))).start();
        assertTrue(restore.waitFor(2, TimeUnit.MINUTES));
        assertEquals("bin/titrate-restore exit status", 0, restore.exitValue());
        // The backup's state: the books agree, everything acknowledged before it is there, nothing posted after it.
        String[] lastOrder = new String[1];
        Map<String, Integer> checked = titrate.database(c -> {
            Map<String, Integer> counts = invariants(c, acknowledgedBefore);
            for (Request r : afterwards) {
                if (r.kind.equals("create")) {
                    assertEquals(r.key, 0, count(c, "SELECT COUNT(*) FROM SAL_ORDER WHERE COMMENT_TEXT = ?", r.key));
                }
            }
            try (var rs = c.createStatement().executeQuery("SELECT MAX(ORDER_NUMBER) FROM SAL_ORDER WHERE ORDER_NUMBER LIKE 'SO-%'")) {
                rs.next();
                lastOrder[0] = rs.getString(1);
            }
            return counts;
        });
        assertTrue(Files.list(titrate.home().resolve("data")).anyMatch(p -> p.getFileName().toString().startsWith("titrate-db.replaced-")));

        // Work goes on: the next order takes the number after the backup's last one.
        startServing(false);
        String key = java.util.UUID.randomUUID().toString();
        TitrateTestSupport.Reply created = send(new Request("create", "/sales-orders", order(customers.get(0), 1, key), key));
        assertEquals(created.body(), 201, created.status());
        int dash = lastOrder[0].lastIndexOf('-');
        assertEquals(lastOrder[0].substring(0, dash + 1) + String.format("%06d", Integer.parseInt(lastOrder[0].substring(dash + 1)) + 1),
                created.json().path("number").asText());
        // The scan taken before the backup is back, whole; the one after it is not named any more.
        TitrateTestSupport.Reply restoredScan = titrate.call("GET", "/contracts/" + contractNumber + "/attachments/" + scanBefore, null);
        assertEquals(restoredScan.body(), 200, restoredScan.status());
        assertEquals(pdf("before"), restoredScan.body());
        assertEquals(404, titrate.call("GET", "/contracts/" + contractNumber + "/attachments/" + scanAfter, null).status());
        DistributionProcess.figure(FIGURES, String.format("FIGURES online backup while 4 clients post: %d ms, %,d bytes (%s);"
                        + " answers/s %.1f before, %.1f during the backup; restored and checked %s; %d acknowledged after the backup gone",
                backup.json().path("millis").asLong(), backup.json().path("bytes").asLong(), checked.get("sales documents") + " sales documents",
                before, during, checked, afterwards.size()));
    }

    private static String pdf(String label) {
        return "%PDF-1.4\n%合同扫描件 " + label + " " + RUN + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    }

    /** Uploads a signed scan (a small PDF) to the contract; its attachment id. */
    private String scan(String contract, String label) {
        TitrateTestSupport.Reply r = TitrateTestSupport.http("POST", titrate.url("/contracts/" + contract + "/attachments?name=scan-" + label + ".pdf"),
                "admin", PASSWORD, pdf(label), Map.of("Content-Type", "application/pdf"));
        assertEquals(r.body(), 201, r.status());
        return r.json().path("id").asText();
    }
}
