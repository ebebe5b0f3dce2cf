package org.titrate.invoicing.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.invoicing.api.InvoiceStatus;
import org.titrate.invoicing.api.OrderInvoices;
import org.titrate.platform.api.db.Sql;

/** The invoice numbers of orders, by invoice lines' {@code ORDER_NUMBER} (indexed). */
@Component(service = OrderInvoices.class)
public class JdbcOrderInvoices implements OrderInvoices {
    /** Orders per statement: a feed page is at most a few thousand, and every database takes this many parameters. */
    private static final int CHUNK = 500;

    @Reference(target = "(titrate.schema=invoicing)")
    private DataSource dataSource;

    @Override
    public Map<String, List<String>> invoiceNumbers(Collection<String> orderNumbers) {
        List<Object> orders = orderNumbers.stream().filter(Objects::nonNull).distinct().map(o -> (Object) o).toList();
        Map<String, List<String>> answer = new LinkedHashMap<>();
        if (orders.isEmpty()) {
            return answer;
        }
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < orders.size(); from += CHUNK) {
                List<Object> chunk = new ArrayList<>(orders.subList(from, Math.min(orders.size(), from + CHUNK)));
                chunk.add(InvoiceStatus.CANCELLED.name());
                for (String[] r : Sql.list(c, "SELECT DISTINCT l.ORDER_NUMBER, i.NUMBER FROM IVC_INVOICE_LINE l JOIN IVC_INVOICE i"
                        + " ON i.ID = l.INVOICE_ID WHERE l.ORDER_NUMBER IN (" + Sql.marks(chunk.size() - 1) + ") AND i.STATUS <> ?"
                        + " ORDER BY i.NUMBER", chunk, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                    answer.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the invoices of orders", e);
        }
        return answer;
    }
}
