package org.titrate.inventory.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.inventory.api.Warehouse;
import org.titrate.inventory.api.WarehouseService;
import org.titrate.inventory.impl.entity.WarehouseEntity;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.Texts;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.db.JpaPages;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;

/** Warehouses in {@code INV_WAREHOUSE}; at most one is the default, and one that holds stock stays active. */
@Component(service = WarehouseService.class)
public class JpaWarehouseService implements WarehouseService {

    @Reference(target = "(osgi.unit.name=titrate-inventory)")
    private JpaTemplate jpa;


    private record Input(String code, String name, String address, String quarantineLocation, boolean allowNegativeStock,
            boolean defaultWarehouse, boolean active) {
    }

    @Override
    public Page<Warehouse> find(String q, Boolean active, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.add("(LOWER(w.code) LIKE :q ESCAPE '!' OR LOWER(w.name) LIKE :q ESCAPE '!')");
            params.put("q", Texts.containsPattern(q));
        }
        if (active != null) {
            where.add("w.active = :active");
            params.put("active", active);
        }
        return jpa.txExpr(TransactionType.Supports, em -> JpaPages.page(em, WarehouseEntity.class, "WarehouseEntity", "w",
                JpaPages.and(where), "w.code", params, page).map(WarehouseEntity::toRecord));
    }

    @Override
    public Warehouse get(String idOrCode) {
        return jpa.txExpr(TransactionType.Supports, em -> warehouse(em, idOrCode).toRecord());
    }

    @Override
    public Warehouse create(Warehouse input) {
        Input w = validate(Check.body(input), null);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (JpaPages.byKey(em, WarehouseEntity.class, "code", w.code()).isPresent()) {
                throw new ConflictException("code", "warehouse '" + w.code() + "' already exists");
            }
            String user = CurrentUser.name();
            Instant now = BusinessClock.now();
            WarehouseEntity e = WarehouseEntity.create(w.code(), user, now);
            apply(em, e, w, user, now);
            em.persist(e);
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public Warehouse update(String idOrCode, Warehouse input) {
        Warehouse body = Check.body(input);
        long version = Check.version(body.version());
        return jpa.txExpr(TransactionType.Required, em -> {
            WarehouseEntity e = warehouse(em, idOrCode);
            Input w = validate(body, e.code());
            ConflictException.requireCurrentVersion("Warehouse", e.code(), e.version(), version);
            if (e.active() && !w.active()) {
                // Write the row first: postings hold a share lock on it until they commit (StockLedger.open), so this
                // waits for those in flight and the count below sees their stock; postings after it wait and find it inactive.
                em.createNativeQuery("UPDATE INV_WAREHOUSE SET ACTIVE = ? WHERE CODE = ?").setParameter(1, false).setParameter(2, e.code())
                        .executeUpdate();
                Long rows = em.createQuery("SELECT COUNT(s) FROM StockEntity s WHERE s.warehouseCode = :code AND s.quantity <> 0", Long.class)
                        .setParameter("code", e.code()).getSingleResult();
                if (rows > 0) {
                    throw new ConflictException("active", "warehouse '" + e.code() + "' still holds stock (" + rows
                            + " lots and statuses): issue or transfer it first");
                }
            }
            apply(em, e, w, CurrentUser.name(), BusinessClock.now());
            em.flush();
            return e.toRecord();
        });
    }

    private static void apply(EntityManager em, WarehouseEntity e, Input w, String user, Instant now) {
        boolean makeDefault = w.defaultWarehouse() && w.active();
        if (makeDefault && !e.defaultWarehouse()) {
            em.createQuery("SELECT w FROM WarehouseEntity w WHERE w.defaultWarehouse = TRUE", WarehouseEntity.class).getResultList()
                    .forEach(WarehouseEntity::notDefault);
        }
        e.apply(w.name(), w.address(), w.quarantineLocation(), w.allowNegativeStock(), makeDefault, w.active(), user, now);
    }

    /** @param existingCode the code of the warehouse being changed; null for a new one */
    private static Input validate(Warehouse w, String existingCode) {
        Check check = new Check();
        String code = check.code("code", w.code(), existingCode == null);
        if (existingCode != null && code != null && !code.equals(existingCode)) {
            check.fail("code", "cannot be changed (it is " + existingCode + ")");
        }
        String effective = existingCode != null ? existingCode : code;
        String name = check.text("name", w.name(), 200, true);
        String address = check.text("address", w.address(), 500, false);
        String quarantine = check.code("quarantineLocation", w.quarantineLocation(), false);
        check.throwIfInvalid();
        if (quarantine == null) {
            quarantine = (effective.length() > 37 ? effective.substring(0, 37) : effective) + "-QC";
        }
        return new Input(effective, name, address, quarantine, Boolean.TRUE.equals(w.allowNegativeStock()),
                Boolean.TRUE.equals(w.defaultWarehouse()), w.active() == null || w.active());
    }

    private static WarehouseEntity warehouse(EntityManager em, String idOrCode) {
        if (idOrCode == null || idOrCode.isBlank()) {
            throw new ValidationException("code", "is required");
        }
        return JpaPages.byKeyOrId(em, WarehouseEntity.class, "code", idOrCode.strip())
                .orElseThrow(() -> new NotFoundException("Warehouse", idOrCode));
    }
}
