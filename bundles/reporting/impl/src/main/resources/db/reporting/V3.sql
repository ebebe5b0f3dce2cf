-- The salesperson (employee code) of each sales line, for the sales reports' groupBy=salesperson and their filter.
-- Lines read before this version belong to documents written before salespeople existed: NULL is their true value.
ALTER TABLE RPT_SALES_LINE ADD COLUMN SALESPERSON VARCHAR(40);

CREATE INDEX RPT_SALES_LINE_BY_SALESPERSON ON RPT_SALES_LINE (SALESPERSON, MOVED_DAY);
