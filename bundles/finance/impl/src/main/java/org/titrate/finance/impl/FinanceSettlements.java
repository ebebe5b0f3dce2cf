package org.titrate.finance.impl;

import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.db.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Money;
import org.titrate.sales.api.SalesSettlements;
import org.titrate.finance.api.PartyType;
import org.titrate.purchasing.api.PurchaseSettlements;

/**
 * Paid and outstanding amounts of sales and purchase documents, live from the open items:
 * outstanding is what is left open of the document's posting, paid is the rest (money and credit or
 * debit notes that settled it). Signed like the document: a return's credit shows as negative until used.
 */
@Component(service = {SalesSettlements.class, PurchaseSettlements.class})
public class FinanceSettlements implements SalesSettlements, PurchaseSettlements {


    /** Paid amounts are read once the history finance missed is booked, as balances are: right from the first answer. */
    @Reference
    private SalesHistoryBackfill salesHistory;

    @Reference
    private PurchaseHistoryBackfill purchaseHistory;

    @Reference(target = "(titrate.schema=finance)")
    private DataSource dataSource;

    @Override
    public Map<String, org.titrate.sales.api.Settlement> settlements(Collection<String> orderNumbers) {
        Map<String, org.titrate.sales.api.Settlement> found = new HashMap<>();
        read(PartyType.CUSTOMER, orderNumbers, (number, paid, open) -> found.put(number, new org.titrate.sales.api.Settlement(paid, open)));
        return found;
    }

    /** Purchase documents, by number. */
    @Override
    public Map<String, PurchaseSettlements.Settlement> purchaseSettlements(Collection<String> orderNumbers) {
        Map<String, PurchaseSettlements.Settlement> found = new HashMap<>();
        read(PartyType.SUPPLIER, orderNumbers, (number, paid, open) -> found.put(number, new PurchaseSettlements.Settlement(paid, open)));
        return found;
    }

    private interface Found {
        void settled(String number, BigDecimal paid, BigDecimal open);
    }

    private void read(PartyType party, Collection<String> orderNumbers, Found found) {
        if (orderNumbers.isEmpty()) {
            return;
        }
        salesHistory.awaitFirstPass();
        purchaseHistory.awaitFirstPass();
        List<Object> params = new ArrayList<>();
        params.add(party.name());
        params.addAll(orderNumbers);
        try (Connection c = dataSource.getConnection()) {
            Sql.list(c, "SELECT p.DOCUMENT_NUMBER, p.AMOUNT, o.OPEN_AMOUNT FROM FIN_POSTING p LEFT JOIN FIN_OPEN_ITEM o ON o.POSTING_ID = p.ID"
                    + " WHERE p.PARTY_TYPE = ? AND p.DOCUMENT_NUMBER IN (" + Sql.marks(orderNumbers.size()) + ")", params, rs -> {
                        BigDecimal open = rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3);
                        found.settled(rs.getString(1), Money.of(rs.getBigDecimal(2).subtract(open)), Money.of(open));
                        return null;
                    });
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read settlements", e);
        }
    }
}
