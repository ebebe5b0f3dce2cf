package org.titrate.platform.api.db;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;

/** A list page in two statements: a count and the page itself, both with the same filter. */
public final class JpaPages {

    private JpaPages() {
    }

    /**
     * @param entity  the entity name, e.g. {@code ProductEntity}
     * @param alias   its alias in {@code where} and {@code orderBy}, e.g. {@code p}
     * @param where   a JPQL condition on the alias with named parameters, e.g. {@code p.active = :active}; "" for none
     */
    public static <T> Page<T> page(EntityManager em, Class<T> type, String entity, String alias, String where, String orderBy,
            Map<String, Object> params, PageRequest page) {
        String condition = where == null || where.isBlank() ? "" : " WHERE " + where;
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ") FROM " + entity + " " + alias + condition, Long.class);
        TypedQuery<T> items = em.createQuery("SELECT " + alias + " FROM " + entity + " " + alias + condition + " ORDER BY " + orderBy, type);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            items.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<T> rows = total <= page.offset() ? List.of()
                : items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return new Page<>(rows, total, page.offset(), page.limit());
    }

    /**
     * The record whose human key ({@code code}, {@code sku}, {@code number}) is {@code value}. Keys are
     * unique columns, so the query has no row limit: OpenJPA then reuses its prepared SQL for it,
     * which matters on the hot path of every document action.
     */
    public static <T> Optional<T> byKey(EntityManager em, Class<T> type, String keyField, String value) {
        List<T> rows = em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e." + keyField + " = :value", type)
                .setParameter("value", value).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** API paths accept the human key or the opaque id: the key is tried first, as users type keys. */
    public static <T> Optional<T> byKeyOrId(EntityManager em, Class<T> type, String keyField, String keyOrId) {
        return byKey(em, type, keyField, keyOrId).or(() -> Optional.ofNullable(em.find(type, keyOrId)));
    }

    /** Joins filter conditions with AND. */
    public static String and(List<String> conditions) {
        return String.join(" AND ", conditions);
    }
}
