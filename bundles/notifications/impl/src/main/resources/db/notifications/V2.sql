-- The delivery log: every attempt of a message (accepted or failed, with the error) and every administrator's retry
-- (who, when, the state it was in), so a retry keeps the history instead of resetting it.
CREATE TABLE NTF_DELIVERY_LOG (
  ID VARCHAR(36) NOT NULL PRIMARY KEY,
  MESSAGE_ID VARCHAR(36) NOT NULL,
  LOGGED_AT TIMESTAMP NOT NULL,
  KIND VARCHAR(10) NOT NULL,
  ATTEMPT INTEGER NOT NULL,
  BY_USER VARCHAR(100) NOT NULL,
  DETAIL VARCHAR(1000)
);

CREATE INDEX NTF_DELIVERY_LOG_BY_MESSAGE ON NTF_DELIVERY_LOG (MESSAGE_ID, LOGGED_AT);
