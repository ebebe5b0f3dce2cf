package org.titrate.finance.impl;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.PartyType;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.sales.api.CustomerReceivables;

/**
 * What a customer owes, for sales' credit check: the account's balance and its open debts due before a day, two
 * reads on the caller's connection (no lock: sales serialises the confirms of a customer with its own).
 */
@Component(service = CustomerReceivables.class)
public class FinanceReceivables implements CustomerReceivables {

    @Reference(target = "(titrate.schema=finance)")
    private DataSource dataSource;

    @Override
    public Owed owed(String customerCode, String currency, LocalDate dueBefore) {
        try (Connection c = dataSource.getConnection()) {
            List<BigDecimal> balance = Sql.list(c, "SELECT BALANCE FROM FIN_ACCOUNT WHERE PARTY_TYPE = ? AND PARTY_CODE = ? AND CURRENCY = ?",
                    List.of(PartyType.CUSTOMER, customerCode, currency), rs -> rs.getBigDecimal(1));
            if (balance.isEmpty()) {
                return new Owed(BigDecimal.ZERO, BigDecimal.ZERO, null);
            }
            Owed overdue = Sql.list(c, "SELECT SUM(OPEN_AMOUNT), MIN(DUE_DATE) FROM FIN_OPEN_ITEM WHERE PARTY_TYPE = ? AND PARTY_CODE = ?"
                    + " AND CURRENCY = ? AND OPEN_AMOUNT > 0 AND DUE_DATE < ?", List.of(PartyType.CUSTOMER, customerCode, currency, dueBefore),
                    rs -> new Owed(balance.get(0), rs.getBigDecimal(1) == null ? BigDecimal.ZERO : rs.getBigDecimal(1), Sql.date(rs, 2)))
                    .get(0);
            return overdue;
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read what " + customerCode + " owes", e);
        }
    }
}
