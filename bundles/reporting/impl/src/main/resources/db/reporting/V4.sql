-- Daily totals of RPT_SALES_LINE, so that the sales summary, share, ranking and trend of a month or a year add up a
-- few thousand rows instead of every line: per basis (M: the day the goods moved; O: the order date of documents
-- that count on the ordered basis), per day, one row per group of one dimension (product, customer, category,
-- channel, salesperson) and currency. The group's name is part of the row's key, so MAX(name) over these rows is
-- MAX(name) over the lines. Derived from the lines alone: the follower recomputes the days a page of documents
-- touched, in the page's transaction, and rebuilds the whole table once when it finds lines but no totals (a
-- database that had reporting before this version). Product rows also carry the warehouse and category, which the
-- purchase-sales statistics filter and group by.
CREATE TABLE RPT_SALES_DAY (
  BASIS CHAR(1) NOT NULL,
  DIMENSION VARCHAR(12) NOT NULL,
  SALES_DAY DATE NOT NULL,
  SALES_MONTH CHAR(7) NOT NULL,
  GROUP_KEY VARCHAR(40),
  GROUP_NAME VARCHAR(200),
  WAREHOUSE_CODE VARCHAR(40),
  CATEGORY_CODE VARCHAR(40),
  CURRENCY CHAR(3) NOT NULL,
  SHIPPED_QUANTITY DECIMAL(31, 3) NOT NULL,
  RETURNED_QUANTITY DECIMAL(31, 3) NOT NULL,
  SHIPPED_AMOUNT DECIMAL(31, 2) NOT NULL,
  RETURNED_AMOUNT DECIMAL(31, 2) NOT NULL,
  LINE_COUNT INTEGER NOT NULL
);
CREATE INDEX RPT_SALES_DAY_READ ON RPT_SALES_DAY (BASIS, DIMENSION, SALES_DAY);

-- Daily totals of the stock ledger per product, warehouse and category, by the kinds of movement the purchase-sales
-- statistics show (signed as they moved stock), kept like RPT_SALES_DAY: a day's rows computed again from
-- RPT_STOCK_MOVE whenever a document of that day is stored, the whole table once when it is missing.
CREATE TABLE RPT_STOCK_DAY (
  MOVE_DAY DATE NOT NULL,
  SKU VARCHAR(40) NOT NULL,
  WAREHOUSE_CODE VARCHAR(40) NOT NULL,
  CATEGORY_CODE VARCHAR(40),
  PURCHASED DECIMAL(31, 3) NOT NULL,
  RETURNED_TO_SUPPLIERS DECIMAL(31, 3) NOT NULL,
  SOLD DECIMAL(31, 3) NOT NULL,
  RETURNED_BY_CUSTOMERS DECIMAL(31, 3) NOT NULL,
  ADJUSTED DECIMAL(31, 3) NOT NULL,
  MOVED DECIMAL(31, 3) NOT NULL,
  MOVE_COUNT INTEGER NOT NULL
);
CREATE INDEX RPT_STOCK_DAY_READ ON RPT_STOCK_DAY (MOVE_DAY, SKU, WAREHOUSE_CODE);

-- The purchase-sales statistics join only purchase movements to their prices: found by type and day, not by reading
-- every movement of the period.
CREATE INDEX RPT_STOCK_MOVE_TYPE_DAY ON RPT_STOCK_MOVE (DOC_TYPE, MOVE_DAY);
