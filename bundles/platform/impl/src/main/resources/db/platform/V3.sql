-- The platform's event log: every business change other modules or outside systems react to, appended
-- in the change's transaction. SEQ is handed out by the platform's EventLog service (no identity column
-- or sequence: they contend under concurrent writers on Derby); see JdbcEventLog for how readers are
-- kept from passing a number whose transaction has not ended.
CREATE TABLE PLT_EVENT (
  SEQ BIGINT NOT NULL,
  TYPE VARCHAR(100) NOT NULL,
  DOC_KEY VARCHAR(100) NOT NULL,
  ACTOR VARCHAR(100) NOT NULL,
  OCCURRED_AT TIMESTAMP NOT NULL,
  PAYLOAD VARCHAR(4000) NOT NULL,
  PRIMARY KEY (SEQ)
);
-- No index on OCCURRED_AT: times strictly increase with SEQ, so feeds that take an instant search the
-- primary key instead, and an append writes one index, not two.

-- Durable consumer cursors: a consumer has handled every event up to POSITION; it moves the position in
-- the transaction that does its work. Nothing after the lowest POSITION is ever deleted.
CREATE TABLE PLT_EVENT_CURSOR (
  NAME VARCHAR(100) NOT NULL,
  POSITION BIGINT NOT NULL,
  UPDATED_AT TIMESTAMP NOT NULL,
  PRIMARY KEY (NAME)
);
