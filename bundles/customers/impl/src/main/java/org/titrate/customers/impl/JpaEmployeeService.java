package org.titrate.customers.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.customers.api.CustomerEvents;
import org.titrate.customers.api.Employee;
import org.titrate.customers.api.EmployeeService;
import org.titrate.customers.impl.entity.EmployeeEntity;
import org.titrate.platform.api.time.BusinessClock;
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
import org.titrate.platform.api.security.UserLookup;

/**
 * Employees in the customers unit ({@code CUS_EMPLOYEE}): salespeople are master data beside the customers they own
 * (docs/architecture.md). Changes go to the platform's event log like customers'.
 */
@Component(service = EmployeeService.class)
public class JpaEmployeeService implements EmployeeService {
    @Reference(target = "(osgi.unit.name=titrate-customers)")
    private JpaTemplate jpa;

    @Reference
    private EventLog events;

    @Reference
    private UserLookup users;

    @Override
    public Page<Employee> find(String q, String department, Boolean active, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<String> where = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            if (q != null && !q.isBlank()) {
                where.add("(LOWER(e.code) LIKE :q ESCAPE '!' OR LOWER(e.name) LIKE :q ESCAPE '!')");
                params.put("q", Texts.containsPattern(q));
            }
            if (department != null) {
                where.add("e.department = :department");
                params.put("department", department);
            }
            if (active != null) {
                where.add("e.active = :active");
                params.put("active", active);
            }
            return JpaPages.page(em, EmployeeEntity.class, "EmployeeEntity", "e", JpaPages.and(where), "e.code", params, page)
                    .map(EmployeeEntity::toRecord);
        });
    }

    @Override
    public Employee get(String code) {
        return jpa.txExpr(TransactionType.Supports, em -> employee(em, code).toRecord());
    }

    @Override
    public Employee create(Employee input) {
        Employee e = checkedLogin(EmployeeRules.validate(input, true));
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(EmployeeEntity.class, e.code()) != null) {
                throw new ConflictException("code", "an employee with code '" + e.code() + "' already exists");
            }
            Instant now = BusinessClock.now();
            EmployeeEntity entity = EmployeeEntity.create(e.code(), CurrentUser.name(), now);
            entity.apply(e, CurrentUser.name(), now);
            em.persist(entity);
            em.flush();
            announce(CustomerEvents.EMPLOYEE_CREATED, entity.toRecord(), List.of());
            return entity.toRecord();
        });
    }

    @Override
    public Employee update(String code, Employee input) {
        Employee e = checkedLogin(EmployeeRules.validate(input, false));
        long version = Check.version(e.version());
        return jpa.txExpr(TransactionType.Required, em -> {
            EmployeeEntity entity = employee(em, code);
            if (e.code() != null && !entity.code().equals(e.code())) {
                throw new ValidationException("code", "cannot be changed (it is '" + entity.code() + "')");
            }
            ConflictException.requireCurrentVersion("Employee", entity.code(), entity.version(), version);
            Employee before = entity.toRecord();
            entity.apply(e, CurrentUser.name(), BusinessClock.now());
            em.flush();
            List<String> fields = Changes.fields(before, entity.toRecord());
            if (!fields.isEmpty()) {
                announce(CustomerEvents.EMPLOYEE_UPDATED, entity.toRecord(), fields);
            }
            return entity.toRecord();
        });
    }

    @Override
    public String requireActive(String field, String code) {
        if (code == null) {
            return null;
        }
        EmployeeEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(EmployeeEntity.class, code.strip()));
        if (e == null) {
            throw new ValidationException(field, "unknown employee '" + code.strip() + "'");
        }
        if (!e.active()) {
            throw new ValidationException(field, "employee '" + e.code() + "' is inactive");
        }
        return e.code();
    }

    private Employee checkedLogin(Employee e) {
        if (e.user() != null && !users.exists(e.user())) {
            throw new ValidationException("user", "no user '" + e.user() + "' exists (create the login first, or leave it empty)");
        }
        return e;
    }

    private void announce(String type, Employee e, List<String> fields) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", e.name());
        facts.put("active", e.active());
        facts.put("fields", String.join(",", fields));
        events.append(type, e.code(), CurrentUser.name(), facts);
    }

    private static EmployeeEntity employee(javax.persistence.EntityManager em, String code) {
        EmployeeEntity e = code == null ? null : em.find(EmployeeEntity.class, code.strip());
        if (e == null) {
            throw new NotFoundException("Employee", code);
        }
        return e;
    }
}
