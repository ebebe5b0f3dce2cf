package org.titrate.purchasing.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.db.Sql;
import org.titrate.platform.api.db.Transactions;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.purchasing.api.Supplier;
import org.titrate.purchasing.api.SupplierService;

/** Suppliers, on plain JDBC like the rest of purchasing (see {@link JdbcPurchaseOrderService}). */
@Component(service = SupplierService.class)
public class JdbcSupplierService implements SupplierService {
    private static final String COLUMNS = "ID, CODE, NAME, CONTACT_NAME, PHONE, EMAIL, ADDRESS, PAYMENT_TERM_DAYS, ACTIVE, VERSION,"
            + " CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY";

    @Reference(target = "(titrate.schema=purchasing)")
    private DataSource dataSource;

    @Override
    public Page<Supplier> find(String q, Boolean active, PageRequest page) {
        Sql filter = new Sql().and("ACTIVE = ?", active);
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().toLowerCase(Locale.ROOT) + "%";
            filter.and("(LOWER(CODE) LIKE ? OR LOWER(NAME) LIKE ?)", like, like);
        }
        return filter.page(dataSource, "SELECT " + COLUMNS, "FROM PUR_SUPPLIER", "CODE", page, JdbcSupplierService::supplier, "suppliers");
    }

    @Override
    public Supplier get(String idOrCode) {
        return read(idOrCode).orElseThrow(() -> new NotFoundException("Supplier", idOrCode));
    }

    @Override
    public Optional<Supplier> findByCode(String code) {
        return read(code).filter(s -> s.code().equals(code));
    }

    private Optional<Supplier> read(String idOrCode) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.list(c, "SELECT " + COLUMNS + " FROM PUR_SUPPLIER WHERE CODE = ? OR ID = ?", List.of(idOrCode, idOrCode),
                    JdbcSupplierService::supplier).stream().findFirst();
        } catch (SQLException e) {
            throw Transactions.failure("Cannot read supplier " + idOrCode, e);
        }
    }

    @Override
    public Supplier create(Supplier body) {
        Check.body(body);
        Check check = new Check();
        String code = check.code("code", body.code(), true);
        Supplier s = validated(check, body);
        check.throwIfInvalid();
        if (read(code).isPresent()) {
            throw new ConflictException("code", "a supplier with the code " + code + " exists already");
        }
        String id = UUID.randomUUID().toString();
        Instant now = BusinessClock.now();
        String user = CurrentUser.name();
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, "INSERT INTO PUR_SUPPLIER (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, code, s.name(),
                    s.contactName(), s.phone(), s.email(), s.address(), s.paymentTermDays(), s.active(), 1L, now, user, now, user);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ConflictException("code", "a supplier with the code " + code + " exists already");
            }
            throw Transactions.failure("Cannot store supplier " + code, e);
        }
        return get(id);
    }

    @Override
    public Supplier update(String idOrCode, Supplier body) {
        Check.body(body);
        Supplier current = get(idOrCode);
        long version = Check.version(body.version());
        Check check = new Check();
        if (body.code() != null && !body.code().equals(current.code())) {
            check.fail("code", "cannot change: documents refer to the supplier by its code");
        }
        // A PUT that leaves out the flag or the terms keeps them: neither reactivates a supplier nor resets its terms by omission.
        Supplier s = validated(check, new Supplier(null, body.code(), body.name(), body.contactName(), body.phone(), body.email(),
                body.address(), body.paymentTermDays() != null ? body.paymentTermDays() : current.paymentTermDays(),
                body.active() != null ? body.active() : current.active(), null, null, null, null, null));
        check.throwIfInvalid();
        try (Connection c = dataSource.getConnection()) {
            int changed = Sql.update(c, "UPDATE PUR_SUPPLIER SET NAME = ?, CONTACT_NAME = ?, PHONE = ?, EMAIL = ?, ADDRESS = ?,"
                    + " PAYMENT_TERM_DAYS = ?, ACTIVE = ?, VERSION = VERSION + 1, UPDATED_AT = ?, UPDATED_BY = ? WHERE ID = ? AND VERSION = ?",
                    s.name(), s.contactName(), s.phone(), s.email(), s.address(), s.paymentTermDays(), s.active(), BusinessClock.now(),
                    CurrentUser.name(), current.id(), version);
            if (changed == 0) {
                throw new ConflictException("version", "supplier " + current.code() + " was changed meanwhile (version "
                        + current.version() + "); read it again");
            }
        } catch (SQLException e) {
            throw Transactions.failure("Cannot store supplier " + current.code(), e);
        }
        return get(current.id());
    }

    private static Supplier validated(Check check, Supplier b) {
        Integer terms = check.range("paymentTermDays", b.paymentTermDays(), 0, 365, false);
        return new Supplier(null, b.code(), check.text("name", b.name(), 200, true), check.text("contactName", b.contactName(), 100, false),
                check.phone("phone", b.phone()), check.email("email", b.email()), check.text("address", b.address(), 500, false),
                terms == null ? 0 : terms, b.active() == null || b.active(), null, null, null, null, null);
    }

    private static Supplier supplier(ResultSet rs) throws SQLException {
        return new Supplier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), rs.getBoolean(9), rs.getLong(10), Sql.instant(rs, 11), rs.getString(12), Sql.instant(rs, 13),
                rs.getString(14));
    }
}
