package org.titrate.invoicing.impl;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.titrate.invoicing.api.InvoiceType;
import org.titrate.platform.api.ValidationException;

/**
 * What the tax system lets one invoice carry, as the company's tax office and invoicing software set it: the highest
 * amount per invoice (单张发票最高开票限额), which the tax office approves per company and invoice type and which
 * counts the tax-exclusive total (金额合计); and the most lines per invoice. Both are the company's own figures, so
 * they are configuration (PID {@value #PID}), none by default; a request beyond them is a 400 naming the field that
 * chose its lines, so the clerk requests fewer orders or lines.
 */
@Component(service = InvoiceLimits.class, immediate = true, configurationPid = InvoiceLimits.PID)
@Designate(ocd = InvoiceLimits.Config.class)
public class InvoiceLimits {
    public static final String PID = "org.titrate.invoicing.limits";

    @ObjectClassDefinition(name = "Titrate invoice limits", description = "What one invoice may carry, per invoice type; empty or 0: no limit")
    public @interface Config {
        @AttributeDefinition(description = "单张发票最高开票限额 of a special VAT invoice (专票), tax-exclusive, e.g. 100000 or 1000000", required = false)
        String maxAmountSpecial() default "";

        @AttributeDefinition(description = "单张发票最高开票限额 of an ordinary VAT invoice (普票), tax-exclusive", required = false)
        String maxAmountOrdinary() default "";

        @AttributeDefinition(description = "Highest amount of an all-electronic invoice (全电发票), tax-exclusive", required = false)
        String maxAmountElectronic() default "";

        @AttributeDefinition(description = "Most lines one invoice carries (any type); 0: no limit")
        int maxLines() default 0;
    }

    private volatile Map<InvoiceType, BigDecimal> maxAmounts = Map.of();
    private volatile int maxLines;

    @Activate
    @Modified
    void apply(Config config) {
        Map<InvoiceType, BigDecimal> amounts = new EnumMap<>(InvoiceType.class);
        put(amounts, InvoiceType.SPECIAL, config.maxAmountSpecial());
        put(amounts, InvoiceType.ORDINARY, config.maxAmountOrdinary());
        put(amounts, InvoiceType.ELECTRONIC, config.maxAmountElectronic());
        set(amounts, Math.max(0, config.maxLines()));
    }

    void set(Map<InvoiceType, BigDecimal> amounts, int lines) {
        maxAmounts = Map.copyOf(amounts);
        maxLines = lines;
    }

    private static void put(Map<InvoiceType, BigDecimal> amounts, InvoiceType type, String value) {
        if (value != null && !value.isBlank()) {
            try {
                BigDecimal v = new BigDecimal(value.strip());
                if (v.signum() > 0) {
                    amounts.put(type, v);
                }
            } catch (NumberFormatException e) {
                org.slf4j.LoggerFactory.getLogger(InvoiceLimits.class).warn("Invoice limit of {} is no amount: {}; no limit applies", type, value);
            }
        }
    }

    /** A 400 naming {@code field} when an invoice of {@code type} with these lines and tax-exclusive total is beyond a limit. */
    void check(InvoiceType type, int lines, BigDecimal amount, String field) {
        int most = maxLines;
        if (most > 0 && lines > most) {
            throw new ValidationException(field, "one invoice carries at most " + most + " lines; these come to " + lines
                    + ": request fewer orders or lines");
        }
        BigDecimal max = maxAmounts.get(type);
        if (max != null && amount.compareTo(max) > 0) {
            throw new ValidationException(field, "one " + type + " invoice may come to at most " + max.toPlainString()
                    + " before tax (单张发票最高开票限额); these come to " + amount.toPlainString() + ": request fewer orders or lines");
        }
    }
}
