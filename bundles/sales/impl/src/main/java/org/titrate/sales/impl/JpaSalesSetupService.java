package org.titrate.sales.impl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.db.JpaPages;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.sales.api.CustomField;
import org.titrate.sales.api.ReturnReason;
import org.titrate.sales.api.SalesSetupService;
import org.titrate.sales.impl.entity.CustomFieldEntity;
import org.titrate.sales.impl.entity.ReturnReasonEntity;

/**
 * Custom field definitions and return reasons. Both are read on every document write, so the
 * current definitions are cached and the cache is dropped after each committed change. The schema
 * of the sales module is migrated here, before any other sales component touches it.
 */
@Component(service = SalesSetupService.class)
public class JpaSalesSetupService implements SalesSetupService {

    @Reference(target = "(osgi.unit.name=titrate-sales)")
    private JpaTemplate jpa;

    private final Cached<List<CustomField>> fields = new Cached<>(() -> jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
            "SELECT f FROM CustomFieldEntity f ORDER BY f.key", CustomFieldEntity.class).getResultList().stream()
            .map(CustomFieldEntity::toRecord).toList()));
    private final Cached<List<ReturnReason>> reasons = new Cached<>(() -> jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
            "SELECT r FROM ReturnReasonEntity r WHERE r.active = TRUE ORDER BY r.code", ReturnReasonEntity.class).getResultList().stream()
            .map(ReturnReasonEntity::toRecord).toList()));

    @Override
    public Page<CustomField> customFields(String entity, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> entity == null
                ? JpaPages.page(em, CustomFieldEntity.class, "CustomFieldEntity", "f", "", "f.entity, f.key", Map.of(), page)
                        .map(CustomFieldEntity::toRecord)
                : JpaPages.page(em, CustomFieldEntity.class, "CustomFieldEntity", "f", "f.entity = :entity", "f.key",
                        Map.of("entity", entity), page).map(CustomFieldEntity::toRecord));
    }

    @Override
    public CustomField customField(String idOrKey) {
        return jpa.txExpr(TransactionType.Supports, em -> field(em, idOrKey).toRecord());
    }

    @Override
    public CustomField createCustomField(CustomField input) {
        CustomField f = CustomFieldRules.validate(input);
        CustomField created = jpa.txExpr(TransactionType.Required, em -> {
            boolean taken = !em.createQuery("SELECT f.id FROM CustomFieldEntity f WHERE f.entity = :entity AND f.key = :key", String.class)
                    .setParameter("entity", f.entity()).setParameter("key", f.key()).getResultList().isEmpty();
            if (taken) {
                throw new ConflictException("key", "a field '" + f.key() + "' is already defined for " + f.entity());
            }
            CustomFieldEntity e = CustomFieldEntity.create(f.entity(), f.key(), f.type(), CurrentUser.name(), now());
            e.apply(f, CurrentUser.name(), now());
            em.persist(e);
            em.flush();
            return e.toRecord();
        });
        changed();
        return created;
    }

    @Override
    public CustomField updateCustomField(String idOrKey, CustomField input) {
        CustomField f = CustomFieldRules.validate(input);
        long version = Check.version(f.version());
        CustomField updated = jpa.txExpr(TransactionType.Required, em -> {
            CustomFieldEntity e = field(em, idOrKey);
            Check check = new Check();
            if (!e.key().equals(f.key())) {
                check.fail("key", "cannot be changed (it is '" + e.key() + "'); define a new field instead");
            }
            if (!e.entity().equals(f.entity())) {
                check.fail("entity", "cannot be changed (it is '" + e.entity() + "')");
            }
            if (e.type() != f.type()) {
                check.fail("type", "cannot be changed (it is " + e.type() + "): documents hold values of that type");
            }
            check.throwIfInvalid();
            ConflictException.requireCurrentVersion("Custom field", e.key(), e.version(), version);
            e.apply(f, CurrentUser.name(), now());
            em.flush();
            return e.toRecord();
        });
        changed();
        return updated;
    }

    @Override
    public List<CustomField> fieldsOf(String entity) {
        return fields.get().stream().filter(f -> f.entity().equals(entity)).toList();
    }

    @Override
    public List<ReturnReason> activeReturnReasons() {
        return reasons.get();
    }

    @Override
    public Page<ReturnReason> returnReasons(Boolean active, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> JpaPages.page(em, ReturnReasonEntity.class, "ReturnReasonEntity", "r",
                active == null ? "" : "r.active = :active", "r.code", active == null ? Map.of() : Map.of("active", active), page)
                .map(ReturnReasonEntity::toRecord));
    }

    @Override
    public ReturnReason returnReason(String code) {
        return jpa.txExpr(TransactionType.Supports, em -> reason(em, code).toRecord());
    }

    @Override
    public ReturnReason createReturnReason(ReturnReason input) {
        ReturnReason r = Check.body(input);
        Check check = new Check();
        String code = check.code("code", r.code(), true);
        String name = check.text("name", r.name(), 100, true);
        check.throwIfInvalid();
        ReturnReason created = jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(ReturnReasonEntity.class, code) != null) {
                throw new ConflictException("code", "a return reason '" + code + "' already exists");
            }
            ReturnReasonEntity e = ReturnReasonEntity.create(code);
            e.apply(name, r.active() == null || r.active(), CurrentUser.name(), now());
            em.persist(e);
            em.flush();
            return e.toRecord();
        });
        changed();
        return created;
    }

    @Override
    public ReturnReason updateReturnReason(String code, ReturnReason input) {
        ReturnReason r = Check.body(input);
        Check check = new Check();
        String name = check.text("name", r.name(), 100, true);
        if (r.code() != null && !r.code().strip().equals(code)) {
            check.fail("code", "cannot be changed (it is '" + code + "')");
        }
        check.throwIfInvalid();
        long version = Check.version(r.version());
        ReturnReason updated = jpa.txExpr(TransactionType.Required, em -> {
            ReturnReasonEntity e = reason(em, code);
            ConflictException.requireCurrentVersion("Return reason", e.code(), e.version(), version);
            e.apply(name, r.active() == null ? e.active() : r.active(), CurrentUser.name(), now());
            em.flush();
            return e.toRecord();
        });
        changed();
        return updated;
    }

    private void changed() {
        fields.invalidate();
        reasons.invalidate();
    }

    private static CustomFieldEntity field(EntityManager em, String idOrKey) {
        return JpaPages.byKeyOrId(em, CustomFieldEntity.class, "key", idOrKey)
                .orElseThrow(() -> new NotFoundException("Custom field", idOrKey));
    }

    private static ReturnReasonEntity reason(EntityManager em, String code) {
        ReturnReasonEntity e = code == null ? null : em.find(ReturnReasonEntity.class, code);
        if (e == null) {
            throw new NotFoundException("Return reason", code);
        }
        return e;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

}
