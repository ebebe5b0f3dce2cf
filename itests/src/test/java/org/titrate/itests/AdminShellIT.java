package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.titrate.platform.api.time.BusinessClock;

/**
 * The shell as an administrator lives in it: bad input and unknown codes are errors (the command fails, which
 * SSH reports as exit status 1) that say what is wrong, codes are found in any case, {@code help titrate} lists
 * the commands, and times read in the business time zone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdminShellIT extends TitrateTestSupport {

    /** Runs a command that must fail and returns what the shell tells the user. */
    private String failure(String command) throws Exception {
        String out;
        try {
            out = shell("admin", adminPassword, command);
        } catch (Exception e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append(" / ");
            }
            return messages.toString();
        }
        throw new AssertionError(command + " succeeded (exit 0) with: " + out);
    }

    @Test
    public void badInputIsAnErrorNamingTheOption() throws Exception {
        String asOf = failure("titrate:payment-reminders --as-of 2027-13-45");
        assertTrue(asOf, asOf.contains("--as-of") && asOf.contains("YYYY-MM-DD"));
        String type = failure("titrate:order-list --type NOPE");
        assertTrue("the valid values, not a Java type: " + type, type.contains("--type") && type.contains("ORDER") && type.contains("RETURN")
                && !type.contains("org.titrate"));
        String channel = failure("titrate:customer-list --channel online");
        assertTrue(channel, channel.contains("WHOLESALE") && channel.contains("RETAIL"));
        // in any case, the values themselves are taken
        assertTrue(shell("admin", adminPassword, "titrate:order-list --type return -n 1").contains("documents"));
    }

    @Test
    public void unknownCodesAreErrorsAndCodesAreFoundInAnyCase() throws Exception {
        String sku = "LC" + RUN + "-25";
        assertEquals(201, post("/products", map("sku", sku, "name", "氢氧化钠 " + RUN, "unit", "kg", "listPrice", 12.5)).status());
        String customer = "LCC" + RUN;
        assertEquals(201, post("/customers", map("code", customer, "name", "上海试剂 " + RUN, "status", "ACTIVE", "channel", "WHOLESALE")).status());
        ensureWarehouse("WH1", "Main warehouse", true, true);

        for (String[] unknown : new String[][] {{"titrate:stock NOPE-" + RUN, "NOPE-" + RUN}, {"titrate:balance C9" + RUN, "C9" + RUN},
                {"titrate:stock --warehouse NOWH" + RUN + " " + sku, "NOWH" + RUN}, {"titrate:order-show SO-1999-" + RUN, "SO-1999-" + RUN}}) {
            String told = failure(unknown[0]);
            assertTrue(unknown[0] + ": " + told, told.contains("'" + unknown[1] + "' does not exist"));
        }

        String stock = shell("admin", adminPassword, "titrate:stock -w wh1 " + sku.toLowerCase());
        assertTrue(stock, stock.contains("No stock of " + sku + " in WH1"));
        String balance = shell("admin", adminPassword, "titrate:balance " + customer.toLowerCase());
        assertTrue(balance, balance.contains(customer));
    }

    @Test
    public void helpTitrateListsTheCommands() throws Exception {
        String help = shell("admin", adminPassword, "help titrate");
        for (String command : List.of("customer-list", "order-show", "stock", "balance", "demo-load", "module-list")) {
            assertTrue(command + " in: " + help, help.contains("titrate:" + command));
        }
        assertFalse(help, help.contains("bundle:list"));
    }

    @Test
    public void helpIsInChineseWhereTheShellsLanguageIsChinese() throws Exception {
        String help = shell("admin", adminPassword, "LANG = zh_CN.UTF-8 ; help titrate");
        assertTrue(help, help.contains("titrate:stock") && help.contains("查看一个产品的库存") && help.contains("替换用户的角色"));
        assertFalse(help, help.contains("Shows what is on hand"));
        // a supervisor who may read help (operator) is shown only what the ACL lets them run, in Chinese as in English
        String viewer = "zhviewer-" + RUN;
        String pw = createUser(viewer, "viewer", "operator");
        String viewers = onFreshThread(() -> shell(viewer, pw, "LANG = zh_CN ; help titrate"));
        assertTrue(viewers, viewers.contains("titrate:stock") && !viewers.contains("titrate:user-roles"));
        // every command's own help is in English and Chinese
        String usage = shell("admin", adminPassword, "titrate:stock-show --help");
        assertTrue(usage, usage.contains("Shows what is on hand") && usage.contains("查看一个产品的库存"));
    }

    @Test
    public void timesReadInTheBusinessTimeZone() throws Exception {
        String customer = "TZ" + RUN;
        assertEquals(201, post("/customers", map("code", customer, "name", "时区客户 " + RUN, "status", "ACTIVE", "channel", "RETAIL")).status());
        String sku = "TZ" + RUN + "-1";
        assertEquals(201, post("/products", map("sku", sku, "name", "乙醇 " + RUN, "unit", "L", "listPrice", 8)).status());
        ensureWarehouse("WH1", "Main warehouse", true, true);
        Reply order = post("/sales-orders", map("type", "ORDER", "customerCode", customer, "warehouseCode", "WH1",
                "lines", List.of(map("sku", sku, "direction", "SHIP", "quantity", 2, "unitPrice", 8))));
        assertEquals(order.body(), 201, order.status());
        String number = order.json().path("number").asText();
        assertEquals(200, post("/sales-orders/" + number + "/confirm", null).status());
        String shown = shell("admin", adminPassword, "titrate:order-show " + number.toLowerCase());
        String offset = BusinessClock.zone().getRules().getOffset(Instant.now()).getId();
        String historyLine = shown.lines().filter(l -> l.contains("│") && l.contains("DRAFT") && l.contains("CONFIRM")).findFirst().orElseThrow(() -> new AssertionError(shown));
        assertTrue("a time in " + BusinessClock.zone() + " (" + offset + "): " + historyLine, historyLine.contains(offset));
        assertFalse(historyLine, historyLine.matches(".*\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z.*"));
    }

    @Test
    public void overSshAFailedCommandExitsWithStatusOne() throws Exception {
        SshAnswer unknown = sshExec("127.0.0.1", "admin", adminPassword, "titrate:stock NOPE-" + RUN);
        assertEquals(unknown.output(), Integer.valueOf(1), unknown.exitStatus());
        assertTrue(unknown.output(), unknown.output().contains("'NOPE-" + RUN + "' does not exist"));
        SshAnswer badDate = sshExec("127.0.0.1", "admin", adminPassword, "titrate:payment-reminders --as-of 2027-13-45");
        assertEquals(badDate.output(), Integer.valueOf(1), badDate.exitStatus());
        SshAnswer fine = sshExec("127.0.0.1", "admin", adminPassword, "titrate:module-list");
        assertEquals(fine.output(), Integer.valueOf(0), fine.exitStatus());
    }
}
