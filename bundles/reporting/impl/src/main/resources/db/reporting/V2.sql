-- The sales documents' headers (for the order query and the returns' lead times), their custom fields, and the
-- purchase lines' prices (for the purchase-sales statistics' amounts). Filled by the followers like V1's tables;
-- a database that already had V1's rows has its sales history replayed once by the follower (ReportingFollower).

-- One row per sales document: the business days a return was submitted and received (from its history).
CREATE TABLE RPT_SALES_ORDER (
  ORDER_NUMBER VARCHAR(40) NOT NULL PRIMARY KEY,
  ORDER_TYPE VARCHAR(10) NOT NULL,
  STATUS VARCHAR(10) NOT NULL,
  CUSTOMER_CODE VARCHAR(40) NOT NULL,
  CURRENCY CHAR(3) NOT NULL,
  ORDER_DATE DATE NOT NULL,
  SOURCE_ORDER_NUMBER VARCHAR(40),
  TOTAL_AMOUNT DECIMAL(19, 2) NOT NULL,
  SUBMITTED_DAY DATE,
  RECEIVED_DAY DATE
);
CREATE INDEX RPT_SALES_ORDER_DATE ON RPT_SALES_ORDER (ORDER_DATE);
CREATE INDEX RPT_SALES_ORDER_RECEIVED ON RPT_SALES_ORDER (RECEIVED_DAY);

-- A document's custom field values as text (numbers plain, dates YYYY-MM-DD).
CREATE TABLE RPT_ORDER_FIELD (
  ORDER_NUMBER VARCHAR(40) NOT NULL,
  FIELD_KEY VARCHAR(60) NOT NULL,
  FIELD_VALUE VARCHAR(1000),
  CONSTRAINT RPT_ORDER_FIELD_PK PRIMARY KEY (ORDER_NUMBER, FIELD_KEY)
);

-- Purchase order and return lines with their price, joined to the stock ledger's PURCHASE_RECEIPT / PURCHASE_RETURN
-- movements by document number and line.
CREATE TABLE RPT_PURCHASE_LINE (
  ORDER_NUMBER VARCHAR(40) NOT NULL,
  LINE_NO INTEGER NOT NULL,
  SUPPLIER_CODE VARCHAR(40) NOT NULL,
  CURRENCY CHAR(3) NOT NULL,
  SKU VARCHAR(40) NOT NULL,
  UNIT_PRICE DECIMAL(19, 4) NOT NULL,
  CONSTRAINT RPT_PURCHASE_LINE_PK PRIMARY KEY (ORDER_NUMBER, LINE_NO)
);

CREATE INDEX RPT_FIN_POSTING_ORDER ON RPT_FIN_POSTING (ORDER_NUMBER);
