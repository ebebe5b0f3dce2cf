package org.titrate.customers.api;

import java.time.Instant;

/**
 * The buyer's data printed on a VAT invoice (购买方信息): the registered name, the tax id (the 18-character unified
 * social credit code, 统一社会信用代码), address and phone, bank and account. A special VAT invoice (专票) needs all four.
 */
public record CustomerTaxData(String customerCode, String name, String taxId, String addressPhone, String bankAccount,
        Instant updatedAt, String updatedBy) {
}
