package org.titrate.sales.api;

import java.util.List;

/**
 * An extra field users define for a kind of document ({@code entity}, today {@code sales-order}).
 * {@code key} names the value in a document's {@code customFields}; {@code choices} lists the
 * allowed values of a {@code CHOICE} field. The key and type are fixed once created; an inactive
 * field is no longer accepted on new documents but stays on the old ones.
 */
public record CustomField(
        String id,
        String entity,
        String key,
        String label,
        CustomFieldType type,
        Boolean required,
        List<String> choices,
        Boolean active,
        Long version) {
}
