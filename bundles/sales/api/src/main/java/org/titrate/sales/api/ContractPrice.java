package org.titrate.sales.api;

import java.math.BigDecimal;

/**
 * An agreed price of a contract: a sales order naming the contract takes {@code unitPrice} for {@code sku} where a line
 * gives no price (instead of the list price). {@code quantity}, optional, is the agreed quantity of the product.
 * {@code productName} is copied from the product. Since 1.1.
 */
public record ContractPrice(String sku, String productName, BigDecimal unitPrice, BigDecimal quantity) {
}
