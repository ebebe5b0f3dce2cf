package org.titrate.invoicing.api;

import java.util.List;

/** The answer to importing the tax system's export: how many rows had each outcome, then every data row's outcome. */
public record IssueImport(int issued, int alreadyIssued, int noMatch, int skipped, int errors, List<ImportedRow> rows) {

    public static IssueImport of(List<ImportedRow> rows) {
        int[] n = new int[ImportedRow.Outcome.values().length];
        rows.forEach(r -> n[r.outcome().ordinal()]++);
        return new IssueImport(n[0], n[1], n[2], n[3], n[4], List.copyOf(rows));
    }
}
