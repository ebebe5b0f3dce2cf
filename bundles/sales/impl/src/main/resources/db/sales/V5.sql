-- The credit lock: one row per customer and currency, updated by every confirm that checks a credit limit,
-- so two confirms of one customer queue and the second sees the first's order.
CREATE TABLE SAL_CREDIT_LOCK (
  CUSTOMER_CODE VARCHAR(40) NOT NULL,
  CURRENCY CHAR(3) NOT NULL,
  LOCKED_AT TIMESTAMP NOT NULL,
  PRIMARY KEY (CUSTOMER_CODE, CURRENCY)
);
