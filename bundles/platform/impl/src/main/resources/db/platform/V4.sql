-- The audit of administration: who changed users, roles, passwords, modules and configuration, and who
-- logged in (or failed to), when and from where. Written by the platform's AuditTrail only; never updated.
CREATE TABLE PLT_AUDIT (
  ID VARCHAR(36) NOT NULL,
  OCCURRED_AT TIMESTAMP NOT NULL,
  ACTOR VARCHAR(100) NOT NULL,
  ADDRESS VARCHAR(100) NOT NULL,
  KIND VARCHAR(40) NOT NULL,
  TARGET VARCHAR(200) NOT NULL,
  DETAIL VARCHAR(2000) NOT NULL,
  PRIMARY KEY (ID)
);
CREATE INDEX PLT_AUDIT_OCCURRED_AT ON PLT_AUDIT (OCCURRED_AT);
