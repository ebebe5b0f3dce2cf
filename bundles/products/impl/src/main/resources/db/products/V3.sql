-- Products' tax data for invoices: VAT rate and tax classification code (税收分类编码), one row per product that has any.
CREATE TABLE PRD_PRODUCT_TAX (
  SKU VARCHAR(40) NOT NULL PRIMARY KEY,
  TAX_RATE DECIMAL(5, 4) NOT NULL,
  TAX_CODE VARCHAR(19) NOT NULL,
  UPDATED_AT TIMESTAMP NOT NULL,
  UPDATED_BY VARCHAR(100) NOT NULL
);
