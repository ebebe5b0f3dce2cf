-- A requestId names one money document of its kind, whoever's it is: the same id sent for another customer or
-- supplier is refused instead of booking a second document (before, the id was unique per party only).
ALTER TABLE FIN_MONEY DROP CONSTRAINT FIN_MONEY_REQUEST;
ALTER TABLE FIN_MONEY ADD CONSTRAINT FIN_MONEY_REQUEST UNIQUE (KIND, REQUEST_ID);
