package org.titrate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.titrate.platform.api.shell.DisplayWidth;

/**
 * Shell tables line up Chinese text: a Chinese character takes two terminal columns, so every "│" of a
 * {@code titrate:} table sits in the same terminal column on every line, whatever the names hold.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellTablesIT extends TitrateTestSupport {

    @Test
    public void customerListAlignsChineseNames() throws Exception {
        for (String[] c : new String[][] {{"A", "江苏索普化工股份有限公司"}, {"BB", "Acme Chemicals Ltd"}, {"CCC", "浙江龙盛（上海）贸易"}}) {
            Reply r = post("/customers", map("code", "ST" + c[0] + "-" + RUN, "name", c[1] + " " + RUN, "status", "ACTIVE",
                    "channel", "WHOLESALE", "contactName", "王经理", "phone", "021-5888" + c[0].length()));
            assertEquals(r.body(), 201, r.status());
        }
        String out = shell("admin", adminPassword, "titrate:customer-list -q " + RUN);
        List<String> table = out.lines().filter(l -> l.contains("│") || l.contains("┼")).toList();
        assertEquals(out, 5, table.size()); // header, rule, three customers
        assertTrue(out, out.contains("江苏索普化工股份有限公司 " + RUN) && out.contains("浙江龙盛（上海）贸易 " + RUN));
        List<Integer> header = separatorColumns(table.get(0), '│');
        assertEquals(out, header, separatorColumns(table.get(1), '┼'));
        for (String line : table.subList(2, table.size())) {
            assertEquals(out, header, separatorColumns(line, '│').subList(0, header.size()));
        }
    }

    /** The terminal columns at which the separators of a line start. */
    private static List<Integer> separatorColumns(String line, char separator) {
        List<Integer> columns = new java.util.ArrayList<>();
        for (int i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, i + 1)) {
            columns.add(DisplayWidth.of(line.substring(0, i)));
        }
        return columns;
    }
}
