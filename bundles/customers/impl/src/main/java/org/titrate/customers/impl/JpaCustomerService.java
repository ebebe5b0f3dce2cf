package org.titrate.customers.impl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.Customer;
import org.titrate.customers.api.CustomerContact;
import org.titrate.customers.impl.entity.ContactEntity;
import org.titrate.customers.api.CustomerChange;
import org.titrate.customers.api.CustomerEvents;
import org.titrate.customers.api.CustomerQuery;
import org.titrate.customers.api.CustomerService;
import org.titrate.customers.api.CustomerStatus;
import org.titrate.customers.api.FollowUp;
import org.titrate.customers.impl.entity.CustomerChangeEntity;
import org.titrate.customers.impl.entity.CustomerEntity;
import org.titrate.customers.impl.entity.FollowUpEntity;
import org.titrate.platform.api.Changes;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.DocumentNumbers;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.Texts;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.db.JpaPages;
import org.titrate.platform.api.events.EventLog;
import org.titrate.platform.api.security.CurrentUser;
import org.titrate.platform.api.time.BusinessClock;

/** Customers and follow-ups in their own persistence unit ({@code CUS_} tables). */
@Component(service = CustomerService.class)
public class JpaCustomerService implements CustomerService {
    /** Dates of follow-ups are the sales team's local dates. */

    @Reference(target = "(osgi.unit.name=titrate-customers)")
    private JpaTemplate jpa;

    @Reference
    private EventLog events;

    @Reference
    private DocumentNumbers numbers;

    @Reference
    private org.titrate.customers.api.EmployeeService employees;

    @Override
    public Page<Customer> find(CustomerQuery query) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<String> where = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            if (query.q() != null && !query.q().isBlank()) {
                where.add("(LOWER(c.code) LIKE :q ESCAPE '!' OR LOWER(c.name) LIKE :q ESCAPE '!'"
                        + " OR LOWER(c.contactName) LIKE :q ESCAPE '!' OR c.phone LIKE :q ESCAPE '!')");
                params.put("q", Texts.containsPattern(query.q()));
            }
            if (query.status() != null) {
                where.add("c.status = :status");
                params.put("status", query.status());
            }
            if (query.channel() != null) {
                where.add("c.channel = :channel");
                params.put("channel", query.channel());
            }
            if (query.salesperson() != null) {
                where.add("c.salesperson = :salesperson");
                params.put("salesperson", query.salesperson());
            }
            return JpaPages.page(em, CustomerEntity.class, "CustomerEntity", "c", JpaPages.and(where), "c.code", params, query.page())
                    .map(CustomerEntity::toRecord);
        });
    }

    @Override
    public Customer get(String idOrCode) {
        return jpa.txExpr(TransactionType.Supports, em -> customer(em, idOrCode).toRecord());
    }

    @Override
    public Optional<Customer> findByCode(String code) {
        return jpa.txExpr(TransactionType.Supports, em -> byCode(em, code).map(CustomerEntity::toRecord));
    }

    @Override
    public Customer create(Customer input) {
        Customer c = CustomerRules.validate(input);
        employees.requireActive("salesperson", c.salesperson());
        return jpa.txExpr(TransactionType.Required, em -> {
            String code = c.code();
            if (code == null) {
                // Skip numbers already taken by codes entered by hand (imports, demo data).
                do {
                    code = numbers.nextCode("C", 6);
                } while (byCode(em, code).isPresent());
            } else if (byCode(em, code).isPresent()) {
                throw new ConflictException("code", "a customer with code '" + code + "' already exists");
            }
            Instant now = now();
            CustomerEntity e = CustomerEntity.create(code, CurrentUser.name(), now);
            e.apply(c, CurrentUser.name(), now);
            em.persist(e);
            em.persist(CustomerChangeEntity.of(e.id(), null, c.status(), List.of(), c.changeReason(), CurrentUser.name(), now));
            em.flush();
            announce(CustomerEvents.CREATED, e.code(), e.toRecord().status(), List.of(), c.changeReason());
            return e.toRecord();
        });
    }

    @Override
    public Customer update(String idOrCode, Customer input) {
        Customer c = CustomerRules.validate(input);
        long version = Check.version(c.version());
        return jpa.txExpr(TransactionType.Required, em -> {
            CustomerEntity e = customer(em, idOrCode);
            if (c.code() != null && !e.code().equals(c.code())) {
                throw new ValidationException("code", "cannot be changed (it is '" + e.code() + "')");
            }
            ConflictException.requireCurrentVersion("Customer", e.code(), e.version(), version);
            Customer before = e.toRecord();
            if (c.salesperson() != null && !c.salesperson().equals(before.salesperson())) {
                employees.requireActive("salesperson", c.salesperson()); // an owner who left stays until replaced
            }
            if (c.status() == CustomerStatus.INACTIVE && before.status() != CustomerStatus.INACTIVE && c.changeReason() == null) {
                throw new ValidationException("changeReason", "is required to make a customer inactive");
            }
            Instant now = now();
            e.apply(c, CurrentUser.name(), now);
            Customer after = e.toRecord();
            List<String> fields = Changes.fields(before, after);
            if (!fields.isEmpty()) {
                em.persist(CustomerChangeEntity.of(e.id(), before.status(), after.status(), fields, c.changeReason(),
                        CurrentUser.name(), now));
                announce(CustomerEvents.UPDATED, e.code(), after.status(), fields, c.changeReason());
            }
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public Page<CustomerChange> history(String idOrCode, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            CustomerEntity c = customer(em, idOrCode);
            return JpaPages.page(em, CustomerChangeEntity.class, "CustomerChangeEntity", "h", "h.customerId = :customer",
                    "h.changedAt DESC, h.id", Map.of("customer", c.id()), page).map(CustomerChangeEntity::toRecord);
        });
    }

    @Override
    public Page<FollowUp> followUps(String customerIdOrCode, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            CustomerEntity c = customer(em, customerIdOrCode);
            return JpaPages.page(em, FollowUpEntity.class, "FollowUpEntity", "f", "f.customerId = :customer",
                    "f.date DESC, f.createdAt DESC", Map.of("customer", c.id()), page).map(f -> f.toRecord(c.code()));
        });
    }

    @Override
    public FollowUp followUp(String customerIdOrCode, String followUpId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            CustomerEntity c = customer(em, customerIdOrCode);
            FollowUpEntity f = em.find(FollowUpEntity.class, followUpId);
            if (f == null || !f.customerId().equals(c.id())) {
                throw new NotFoundException("Follow-up", followUpId);
            }
            return f.toRecord(c.code());
        });
    }

    @Override
    public FollowUp addFollowUp(String customerIdOrCode, FollowUp input) {
        FollowUp f = CustomerRules.validate(input, BusinessClock.today());
        return jpa.txExpr(TransactionType.Required, em -> {
            CustomerEntity c = customer(em, customerIdOrCode);
            FollowUpEntity e = FollowUpEntity.create(c.id(), f, CurrentUser.name(), now());
            em.persist(e);
            em.flush();
            return e.toRecord(c.code());
        });
    }

    @Override
    public List<CustomerContact> contacts(String customerIdOrCode) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            CustomerEntity c = customer(em, customerIdOrCode);
            return em.createQuery("SELECT k FROM ContactEntity k WHERE k.customerId = :customer ORDER BY k.position", ContactEntity.class)
                    .setParameter("customer", c.id()).getResultList().stream().map(ContactEntity::toRecord).toList();
        });
    }

    @Override
    public List<CustomerContact> saveContacts(String customerIdOrCode, List<CustomerContact> input) {
        List<CustomerContact> contacts = CustomerRules.validate(input);
        return jpa.txExpr(TransactionType.Required, em -> {
            CustomerEntity c = customer(em, customerIdOrCode);
            em.createQuery("DELETE FROM ContactEntity k WHERE k.customerId = :customer").setParameter("customer", c.id()).executeUpdate();
            List<CustomerContact> saved = new ArrayList<>();
            for (int i = 0; i < contacts.size(); i++) {
                ContactEntity e = ContactEntity.create(c.id(), i, contacts.get(i));
                em.persist(e);
                saved.add(e.toRecord());
            }
            em.persist(CustomerChangeEntity.of(c.id(), c.toRecord().status(), c.toRecord().status(), List.of("contacts"), null,
                    CurrentUser.name(), now()));
            em.flush();
            announce(CustomerEvents.UPDATED, c.code(), c.toRecord().status(), List.of("contacts"), null);
            return saved;
        });
    }

    /** Appends the change to the platform's event log, in its transaction. */
    private void announce(String type, String code, CustomerStatus status, List<String> fields, String reason) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(CustomerEvents.STATUS, status);
        facts.put(CustomerEvents.FIELDS, String.join(",", fields));
        facts.put(CustomerEvents.REASON, reason);
        events.append(type, code, CurrentUser.name(), facts);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static CustomerEntity customer(EntityManager em, String idOrCode) {
        return JpaPages.byKeyOrId(em, CustomerEntity.class, "code", idOrCode)
                .orElseThrow(() -> new NotFoundException("Customer", idOrCode));
    }

    private static Optional<CustomerEntity> byCode(EntityManager em, String code) {
        return JpaPages.byKey(em, CustomerEntity.class, "code", code);
    }
}
