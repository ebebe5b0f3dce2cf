-- Issue 18: a retry of a request cut off by a crash. The Idempotency-Key of the request whose transaction appended an
-- event (a SHA-256 of its user and key, so no key is stored twice in the clear) rides on the event's row: written in the
-- work's own transaction, it is there exactly when the work committed. No index: it is searched only for a request cut
-- off by a crash, between the event numbers appended from its claim to the restart.
ALTER TABLE PLT_EVENT ADD COLUMN REQUEST_KEY VARCHAR(64);
-- Which resource method a claim ran, and whether its completed work appended an event under its key (1) or not (0):
-- a cut-off claim whose key no event carries may be run afresh only when the completed claims of its method all did.
ALTER TABLE PLT_IDEMPOTENCY ADD COLUMN RESOURCE_METHOD VARCHAR(200);
ALTER TABLE PLT_IDEMPOTENCY ADD COLUMN LOGGED SMALLINT;
