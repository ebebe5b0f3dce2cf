package org.titrate.products.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product's tax data for invoices: the VAT rate ({@code 0.13}, {@code 0.09}, {@code 0.06}, ...) and the tax
 * classification code (税收分类编码, 19 digits) the tax system files the goods under. Both null until set.
 */
public record ProductTax(String sku, BigDecimal taxRate, String taxCode, Instant updatedAt, String updatedBy) {
}
