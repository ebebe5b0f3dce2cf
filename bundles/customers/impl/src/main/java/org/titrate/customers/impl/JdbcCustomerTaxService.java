package org.titrate.customers.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.CustomerTaxData;
import org.titrate.customers.api.CustomerTaxService;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.db.MissingRows;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;

/** Buyer tax data in a table of its own beside the customer (one statement per change), so the customer record stays as it is. */
@Component(service = CustomerTaxService.class)
public class JdbcCustomerTaxService implements CustomerTaxService {

    @Reference(target = "(titrate.schema=customers)")
    private DataSource dataSource;

    @Reference
    private CustomerService customers;

    @Reference
    private MissingRows missingRows;

    @Override
    public CustomerTaxData get(String customerCode) {
        Customer customer = customers.get(customerCode);
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT CUSTOMER_CODE, NAME, TAX_ID, ADDRESS_PHONE, BANK_ACCOUNT, UPDATED_AT, UPDATED_BY FROM CUS_CUSTOMER_TAX"
                    + " WHERE CUSTOMER_CODE = ?", List.of(customer.code()), rs -> new CustomerTaxData(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), Sql.instant(rs, 6), rs.getString(7))).stream().findFirst()
                    .orElse(new CustomerTaxData(customer.code(), null, null, null, null, null, null));
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read the tax data of " + customer.code(), e);
        }
    }

    @Override
    public CustomerTaxData set(String customerCode, CustomerTaxData body) {
        Check.body(body);
        Customer customer = customers.get(customerCode);
        Check check = new Check();
        String name = check.text("name", body.name(), 200, true);
        String taxId = body.taxId() == null ? null : body.taxId().strip().toUpperCase(Locale.ROOT);
        String problem = TaxIds.problem(taxId);
        if (problem != null) {
            check.fail("taxId", problem);
        }
        String addressPhone = check.text("addressPhone", body.addressPhone(), 300, false);
        String bankAccount = check.text("bankAccount", body.bankAccount(), 300, false);
        check.throwIfInvalid();
        Instant now = BusinessClock.now();
        String user = CurrentUser.name();
        try (Connection c = dataSource.getConnection()) {
            // the row is made apart first (an existing one is no error), so two first saves at once both land on it
            missingRows.insertIfAbsent("INSERT INTO CUS_CUSTOMER_TAX (CUSTOMER_CODE, NAME, TAX_ID, UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?, ?)",
                    customer.code(), name, taxId, Timestamp.from(now), user);
            Sql.update(c, "UPDATE CUS_CUSTOMER_TAX SET NAME = ?, TAX_ID = ?, ADDRESS_PHONE = ?, BANK_ACCOUNT = ?, UPDATED_AT = ?,"
                    + " UPDATED_BY = ? WHERE CUSTOMER_CODE = ?", name, taxId, addressPhone, bankAccount, now, user, customer.code());
        } catch (SQLException e) {
            throw Transactions.failure("Cannot store the tax data of " + customer.code(), e);
        }
        return get(customer.code());
    }
}
