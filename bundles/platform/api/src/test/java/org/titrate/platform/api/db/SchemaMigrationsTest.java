package org.titrate.platform.api.db;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class SchemaMigrationsTest {

    @Test
    public void splitsScriptsIntoStatementsAndDropsComments() {
        String script = "-- a comment\nCREATE TABLE A (\n  ID INTEGER\n);\n\nCREATE INDEX A_ID ON A (ID);\n-- trailing\n";
        assertEquals(List.of("CREATE TABLE A (\nID INTEGER\n)", "CREATE INDEX A_ID ON A (ID)"), SchemaMigrations.statements(script));
    }
}
