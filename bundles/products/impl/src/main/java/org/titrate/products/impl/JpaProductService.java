package org.titrate.products.impl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.titrate.platform.api.Changes;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.Texts;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.db.JpaPages;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.products.api.Category;
import org.titrate.products.api.Product;
import org.titrate.products.api.ProductChange;
import org.titrate.products.api.ProductChangeGuard;
import org.titrate.products.api.ProductEvents;
import org.titrate.products.api.ProductQuery;
import org.titrate.products.api.ProductService;
import org.titrate.products.impl.entity.CategoryEntity;
import org.titrate.products.impl.entity.ProductChangeEntity;
import org.titrate.products.impl.entity.ProductEntity;

/** Products and categories in their own persistence unit ({@code PRD_} tables). */
@Component(service = ProductService.class)
public class JpaProductService implements ProductService {

    @Reference(target = "(osgi.unit.name=titrate-products)")
    private JpaTemplate jpa;

    @Reference
    private EventLog events;

    /** Downstream modules' say in a change (inventory: no end to lot tracking while lots are on hand). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ProductChangeGuard> guards;

    @Override
    public Page<Product> find(ProductQuery query) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<String> where = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            if (query.q() != null && !query.q().isBlank()) {
                where.add("(LOWER(p.sku) LIKE :q ESCAPE '!' OR LOWER(p.name) LIKE :q ESCAPE '!' OR p.casNumber LIKE :q ESCAPE '!')");
                params.put("q", Texts.containsPattern(query.q()));
            }
            if (query.categoryCode() != null) {
                where.add("p.categoryCode = :category");
                params.put("category", query.categoryCode());
            }
            if (query.active() != null) {
                where.add("p.active = :active");
                params.put("active", query.active());
            }
            if (query.hazardClass() != null) {
                where.add("p.hazardClass = :hazard");
                params.put("hazard", query.hazardClass());
            }
            return JpaPages.page(em, ProductEntity.class, "ProductEntity", "p", JpaPages.and(where), "p.sku", params, query.page())
                    .map(ProductEntity::toRecord);
        });
    }

    @Override
    public Product get(String idOrSku) {
        return jpa.txExpr(TransactionType.Supports, em -> product(em, idOrSku).toRecord());
    }

    @Override
    public Optional<Product> findBySku(String sku) {
        return jpa.txExpr(TransactionType.Supports, em -> bySku(em, sku).map(ProductEntity::toRecord));
    }

    @Override
    public Map<String, Product> findBySkus(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Product> found = new HashMap<>();
            em.createQuery("SELECT p FROM ProductEntity p WHERE p.sku IN :skus", ProductEntity.class)
                    .setParameter("skus", List.copyOf(new HashSet<>(skus)))
                    .getResultList()
                    .forEach(p -> found.put(p.sku(), p.toRecord()));
            return found;
        });
    }

    @Override
    public Product create(Product input) {
        Product p = ProductRules.validate(input);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (bySku(em, p.sku()).isPresent()) {
                throw new ConflictException("sku", "a product with SKU '" + p.sku() + "' already exists");
            }
            requireCategory(em, p.categoryCode());
            Instant now = now();
            ProductEntity e = ProductEntity.create(p.sku(), CurrentUser.name(), now);
            e.apply(p, CurrentUser.name(), now);
            em.persist(e);
            em.persist(ProductChangeEntity.of(e.id(), null, p.active(), List.of(), p.changeReason(), CurrentUser.name(), now));
            em.flush();
            announce(ProductEvents.CREATED, e.sku(), p.active(), List.of(), p.changeReason());
            return e.toRecord();
        });
    }

    @Override
    public Product update(String idOrSku, Product input) {
        Product p = ProductRules.validate(input);
        long version = Check.version(p.version());
        return jpa.txExpr(TransactionType.Required, em -> {
            ProductEntity e = product(em, idOrSku);
            if (!e.sku().equals(p.sku())) {
                throw new ValidationException("sku", "cannot be changed (it is '" + e.sku() + "')");
            }
            ConflictException.requireCurrentVersion("Product", e.sku(), e.version(), version);
            requireCategory(em, p.categoryCode());
            Product before = e.toRecord();
            if (before.active() && !p.active() && p.changeReason() == null) {
                throw new ValidationException("changeReason", "is required to deactivate a product");
            }
            List<ProductChangeGuard> asked = guards;
            if (asked != null) {
                asked.forEach(g -> g.changing(before, p));
            }
            Instant now = now();
            e.apply(p, CurrentUser.name(), now);
            Product after = e.toRecord();
            List<String> fields = Changes.fields(before, after);
            if (!fields.isEmpty()) {
                em.persist(ProductChangeEntity.of(e.id(), before.active(), after.active(), fields, p.changeReason(),
                        CurrentUser.name(), now));
                announce(ProductEvents.UPDATED, e.sku(), after.active(), fields, p.changeReason());
            }
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public Page<ProductChange> history(String idOrSku, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            ProductEntity p = product(em, idOrSku);
            return JpaPages.page(em, ProductChangeEntity.class, "ProductChangeEntity", "h", "h.productId = :product",
                    "h.changedAt DESC, h.id", Map.of("product", p.id()), page).map(ProductChangeEntity::toRecord);
        });
    }

    @Override
    public Page<Category> findCategories(String q, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Object> params = new HashMap<>();
            String where = "";
            if (q != null && !q.isBlank()) {
                where = "LOWER(c.code) LIKE :q ESCAPE '!' OR LOWER(c.name) LIKE :q ESCAPE '!'";
                params.put("q", Texts.containsPattern(q));
            }
            return JpaPages.page(em, CategoryEntity.class, "CategoryEntity", "c", where, "c.code", params, page)
                    .map(CategoryEntity::toRecord);
        });
    }

    @Override
    public Category getCategory(String idOrCode) {
        return jpa.txExpr(TransactionType.Supports, em -> category(em, idOrCode).toRecord());
    }

    @Override
    public Category createCategory(Category input) {
        Category c = ProductRules.validate(input);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (categoryByCode(em, c.code()).isPresent()) {
                throw new ConflictException("code", "a category with code '" + c.code() + "' already exists");
            }
            if (c.parentCode() != null && categoryByCode(em, c.parentCode()).isEmpty()) {
                throw new ValidationException("parentCode", "category '" + c.parentCode() + "' does not exist");
            }
            Instant now = now();
            CategoryEntity e = CategoryEntity.create(c.code(), CurrentUser.name(), now);
            e.apply(c.name(), c.parentCode(), CurrentUser.name(), now);
            em.persist(e);
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public Category updateCategory(String idOrCode, Category input) {
        Category c = ProductRules.validate(input);
        long version = Check.version(c.version());
        return jpa.txExpr(TransactionType.Required, em -> {
            CategoryEntity e = category(em, idOrCode);
            if (!e.code().equals(c.code())) {
                throw new ValidationException("code", "cannot be changed (it is '" + e.code() + "')");
            }
            ConflictException.requireCurrentVersion("Category", e.code(), e.version(), version);
            if (c.parentCode() != null) {
                if (categoryByCode(em, c.parentCode()).isEmpty()) {
                    throw new ValidationException("parentCode", "category '" + c.parentCode() + "' does not exist");
                }
                if (ancestors(em, c.parentCode()).contains(e.code())) {
                    throw new ValidationException("parentCode", "would make the category its own ancestor");
                }
            }
            e.apply(c.name(), c.parentCode(), CurrentUser.name(), now());
            em.flush();
            return e.toRecord();
        });
    }

    /** Appends the change to the platform's event log, in its transaction. */
    private void announce(String type, String sku, boolean active, List<String> fields, String reason) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(ProductEvents.ACTIVE, active);
        facts.put(ProductEvents.FIELDS, String.join(",", fields));
        facts.put(ProductEvents.REASON, reason);
        events.append(type, sku, CurrentUser.name(), facts);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Set<String> ancestors(EntityManager em, String code) {
        Set<String> seen = new HashSet<>();
        String current = code;
        while (current != null && seen.add(current)) {
            current = categoryByCode(em, current).map(c -> c.toRecord().parentCode()).orElse(null);
        }
        return seen;
    }

    private static void requireCategory(EntityManager em, String code) {
        if (code != null && categoryByCode(em, code).isEmpty()) {
            throw new ValidationException("categoryCode", "category '" + code + "' does not exist");
        }
    }

    private static ProductEntity product(EntityManager em, String idOrSku) {
        return JpaPages.byKeyOrId(em, ProductEntity.class, "sku", idOrSku).orElseThrow(() -> new NotFoundException("Product", idOrSku));
    }

    private static Optional<ProductEntity> bySku(EntityManager em, String sku) {
        return JpaPages.byKey(em, ProductEntity.class, "sku", sku);
    }

    private static CategoryEntity category(EntityManager em, String idOrCode) {
        return JpaPages.byKeyOrId(em, CategoryEntity.class, "code", idOrCode)
                .orElseThrow(() -> new NotFoundException("Category", idOrCode));
    }

    private static Optional<CategoryEntity> categoryByCode(EntityManager em, String code) {
        return JpaPages.byKey(em, CategoryEntity.class, "code", code);
    }

}
