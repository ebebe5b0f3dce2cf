package org.titrate.platform.api.shell;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class TextTableTest {

    @Test
    public void chineseAndFullwidthCharactersTakeTwoColumns() {
        assertEquals(4, DisplayWidth.of("ABCD"));
        assertEquals(8, DisplayWidth.of("氢氧化钠"));
        assertEquals(2, DisplayWidth.of("（"));             // fullwidth parenthesis
        assertEquals(2, DisplayWidth.of("가"));             // Hangul
        assertEquals(2, DisplayWidth.of("の"));             // Hiragana
        assertEquals(2, DisplayWidth.of("𠀋"));             // CJK extension B, outside the BMP
        assertEquals(1, DisplayWidth.of("é"));              // precomposed
        assertEquals(1, DisplayWidth.of("e\u0301"));        // e and a combining accent
        assertEquals(0, DisplayWidth.of("\u200B"));         // zero-width space
        assertEquals(17, DisplayWidth.of("NaOH 烧碱 25kg/袋"));
        assertEquals(0, DisplayWidth.of((CharSequence) null));
    }

    @Test
    public void cutsToColumnsNotCharacters() {
        assertEquals("氢氧…", DisplayWidth.truncate("氢氧化钠溶液", 5));
        assertEquals("氢氧化钠", DisplayWidth.truncate("氢氧化钠", 8));
    }

    @Test
    public void columnsAfterChineseTextLineUp() {
        TextTable t = new TextTable();
        t.column("Code");
        t.column("Name");
        t.column("Credit").alignRight();
        t.addRow().addContent("C1", "江苏索普化工股份有限公司", "50000.00");
        t.addRow().addContent("C22", "Acme Chemicals", "1.00");
        t.addRow().addContent("C333", null, "");
        List<String> lines = t.render().lines().toList();
        assertEquals(List.of(
                "Code │ Name                     │   Credit",
                "─────┼──────────────────────────┼─────────",
                "C1   │ 江苏索普化工股份有限公司 │ 50000.00",
                "C22  │ Acme Chemicals           │     1.00",
                "C333 │                          │"), lines);
        // Every separator sits in the same terminal column on every line.
        for (String line : lines.subList(2, lines.size())) {
            assertEquals(line, 5, DisplayWidth.of(line.substring(0, line.indexOf('│'))));
            assertEquals(line, 32, DisplayWidth.of(line.substring(0, line.lastIndexOf('│'))));
        }
    }
}
