-- Importing the tax system's export finds a row's request, when its 备注 names none, among the requests awaiting
-- issuing by the buyer's tax id (and then the amounts).
CREATE INDEX IVC_INVOICE_BY_STATUS ON IVC_INVOICE (STATUS, BUYER_TAX_ID);

-- The sales documents whose shipment or return receipt invoicing has recorded, one row each: the posting listener
-- and the backfill from the event log (orders shipped while invoicing was not installed) both record through it, so
-- neither records a document twice.
CREATE TABLE IVC_POSTED (
  DOCUMENT_NUMBER VARCHAR(40) NOT NULL PRIMARY KEY,
  KIND VARCHAR(20) NOT NULL,
  RECORDED_AT TIMESTAMP NOT NULL
);
