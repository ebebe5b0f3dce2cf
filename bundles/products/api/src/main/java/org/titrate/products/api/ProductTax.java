package org.titrate.products.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product's tax data for invoices: the VAT rate ({@code 0.13}, {@code 0.09}, {@code 0.06}, ...) and the tax
 * classification code (税收分类编码, 19 digits) the tax system files the goods under, both null until set; and the
 * specification (规格型号, e.g. {@code 99.2% 40kg/袋}) printed on the product's invoice lines, optional.
 */
public record ProductTax(String sku, BigDecimal taxRate, String taxCode, String specification, Instant updatedAt, String updatedBy) {

    /** Without a specification, as before it existed (keeps the package a minor version). */
    public ProductTax(String sku, BigDecimal taxRate, String taxCode, Instant updatedAt, String updatedBy) {
        this(sku, taxRate, taxCode, null, updatedAt, updatedBy);
    }
}
