package org.titrate.invoicing.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which invoices name which orders, so that feeds read by finance systems (finance's postings, sales' order feeds) can
 * carry the invoice number next to the order number. Registered while invoicing is installed; its readers hold it as an
 * optional reference and show no invoice numbers without it.
 */
@ProviderType
public interface OrderInvoices {

    /**
     * The numbers of the invoices (requested or issued, red ones included; cancelled requests left out) with a line of each
     * of {@code orderNumbers}, in number order; an order no invoice names is absent from the answer. One read for the lot.
     */
    Map<String, List<String>> invoiceNumbers(Collection<String> orderNumbers);

    /**
     * Gives each of {@code items} the invoice numbers of its order (an empty list when none names it) with one read; gives
     * nothing when {@code service} is null, invoicing not being installed.
     */
    static <T> void attach(OrderInvoices service, List<T> items, Function<T, String> orderNumber, BiConsumer<T, List<String>> numbers) {
        if (service == null || items.isEmpty()) {
            return;
        }
        Map<String, List<String>> found = service.invoiceNumbers(items.stream().map(orderNumber).filter(Objects::nonNull).toList());
        for (T item : items) {
            String order = orderNumber.apply(item);
            numbers.accept(item, order == null ? List.of() : found.getOrDefault(order, List.of()));
        }
    }
}
