-- The specification (规格型号) printed on a product's invoice lines, optional, beside its rate and classification code.
ALTER TABLE PRD_PRODUCT_TAX ADD COLUMN SPECIFICATION VARCHAR(40);
