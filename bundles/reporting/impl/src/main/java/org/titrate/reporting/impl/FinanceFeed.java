package org.titrate.reporting.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.titrate.finance.api.FinanceEvents;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.Posting;
import org.titrate.finance.api.PostingQuery;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.events.LoggedEvent;

/**
 * The finance ledger into {@code RPT_FIN_POSTING}: each posting event reloads the postings of its document
 * through {@link FinanceService#postings} and replaces the document's rows.
 */
final class FinanceFeed implements Feed {
    private final Supplier<FinanceService> finance;

    FinanceFeed(Supplier<FinanceService> finance) {
        this.finance = finance;
    }

    @Override
    public String cursor() {
        return "reporting.finance";
    }

    @Override
    public String typePrefix() {
        return FinanceEvents.POSTED;
    }

    @Override
    public Object load(List<LoggedEvent> events) {
        FinanceService service = finance.get();
        if (service == null) {
            return null;
        }
        Map<String, List<Posting>> documents = new LinkedHashMap<>();
        for (LoggedEvent e : events) {
            documents.computeIfAbsent(e.key(), number -> postings(service, number));
        }
        return documents;
    }

    private static List<Posting> postings(FinanceService service, String number) {
        return Feed.all(page -> service.postings(new PostingQuery(null, null, null, number, null, null, page)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void store(Connection c, Object loaded) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM RPT_FIN_POSTING WHERE DOC_NUMBER = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO RPT_FIN_POSTING (ID, PARTY_TYPE, PARTY_CODE, POSTING_TYPE, "
                        + "DOC_NUMBER, ORDER_NUMBER, CURRENCY, AMOUNT, DOC_DATE, DUE_DATE, POSTED_AT) VALUES (" + Sql.marks(11) + ")")) {
            for (Map.Entry<String, List<Posting>> d : ((Map<String, List<Posting>>) loaded).entrySet()) {
                delete.setString(1, d.getKey());
                delete.addBatch();
                for (Posting p : d.getValue()) {
                    Sql.bind(insert, java.util.Arrays.asList(p.id(), p.partyType(), p.partyCode(), p.type(), p.documentNumber(),
                            p.orderNumber(), p.currency(), p.amount(), p.documentDate(), p.dueDate(), p.postedAt()));
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
