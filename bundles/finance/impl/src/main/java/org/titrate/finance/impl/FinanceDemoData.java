package org.titrate.finance.impl;

import java.math.BigDecimal;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.titrate.finance.api.Balance;
import org.titrate.finance.api.FinanceService;
import org.titrate.finance.api.MoneyDocument;
import org.titrate.finance.api.MoneyKind;
import org.titrate.finance.api.MoneyQuery;
import org.titrate.finance.api.PartyType;
import org.titrate.finance.api.PaymentMethod;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.demo.DemoData;

/**
 * The money side of the demo month: the first demo customer pays part of its shipped order by bank
 * transfer, naming it, and a bank acceptance bill on account. Runs after sales (which ships that
 * order); skipped when that customer already has receipts or nothing is owed.
 */
@Component
public class FinanceDemoData implements DemoData {
    private static final String FIRST_CUSTOMER = "C000101";

    @Reference
    private FinanceService finance;

    @Override
    public String module() {
        return "finance";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String load() {
        if (finance.moneyDocuments(new MoneyQuery(MoneyKind.RECEIPT, FIRST_CUSTOMER, null, null, null, null, new PageRequest(0, 1)))
                .total() > 0) {
            return "0 receipts added (the demo customer already has receipts)";
        }
        BigDecimal owed = finance.balance(PartyType.CUSTOMER, FIRST_CUSTOMER).stream().filter(b -> b.currency().equals("CNY"))
                .map(Balance::openDebit).findFirst().orElse(BigDecimal.ZERO);
        if (owed.compareTo(new BigDecimal("3000")) < 0) {
            return "0 receipts added (the demo customer owes too little)";
        }
        String order = finance.openItems(new org.titrate.finance.api.OpenItemQuery(PartyType.CUSTOMER, FIRST_CUSTOMER, "CNY", false, null,
                null, null, new PageRequest(0, 1))).items().get(0).documentNumber();
        finance.register(new MoneyDocument(null, null, MoneyKind.RECEIPT, FIRST_CUSTOMER, null, new BigDecimal("2000.00"), "CNY",
                PaymentMethod.BANK_TRANSFER, null, order, null, "工行电汇 HX20261129-0087", "恒瑞预付本月货款", List.of(), null, null, "DEMO-RC-1"));
        finance.register(new MoneyDocument(null, null, MoneyKind.RECEIPT, FIRST_CUSTOMER, null, new BigDecimal("1000.00"), "CNY",
                PaymentMethod.BANK_ACCEPTANCE, null, null, null, "银承 31050051 0028 6637", "六个月银行承兑汇票，到期日见票面", List.of(),
                null, null, "DEMO-RC-2"));
        return "2 receipts added (a transfer naming " + order + " and a bank acceptance bill on account)";
    }
}
