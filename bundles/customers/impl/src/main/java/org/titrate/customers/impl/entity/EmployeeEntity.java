package org.titrate.customers.impl.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.titrate.customers.api.Employee;

@Entity
@Table(name = "CUS_EMPLOYEE")
public class EmployeeEntity {
    @Id
    @Column(name = "CODE", length = 40)
    private String code;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "DEPARTMENT", length = 100)
    private String department;

    @Column(name = "MOBILE", length = 20)
    private String mobile;

    @Column(name = "EMAIL", length = 200)
    private String email;

    @Column(name = "LOGIN", length = 100)
    private String login;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Version
    @Column(name = "VERSION")
    private long version;

    @Column(name = "CREATED_AT", nullable = false)
    private Timestamp createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private Timestamp updatedAt;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    private String updatedBy;

    public static EmployeeEntity create(String code, String user, Instant now) {
        EmployeeEntity e = new EmployeeEntity();
        e.code = code;
        e.createdAt = Timestamp.from(now);
        e.createdBy = user;
        return e;
    }

    /** Applies a validated employee (see EmployeeRules). */
    public void apply(Employee in, String user, Instant now) {
        name = in.name();
        department = in.department();
        mobile = in.mobile();
        email = in.email();
        login = in.user();
        active = in.active();
        updatedAt = Timestamp.from(now);
        updatedBy = user;
    }

    public Employee toRecord() {
        return new Employee(code, name, department, mobile, email, login, active, version, createdAt.toInstant(), createdBy,
                updatedAt.toInstant(), updatedBy);
    }

    public String code() {
        return code;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
