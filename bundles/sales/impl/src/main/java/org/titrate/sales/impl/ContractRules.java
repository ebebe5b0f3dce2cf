package org.titrate.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.Money;
import org.titrate.platform.api.ValidationException;
import org.titrate.products.api.Product;
import org.titrate.sales.api.Contract;
import org.titrate.sales.api.ContractAction;
import org.titrate.sales.api.ContractPrice;
import org.titrate.sales.api.ContractStatus;
import org.titrate.sales.api.OrderLine;

/**
 * The rules of sales contracts: valid terms, the state machine, whether an order may name a contract and which prices
 * it then takes, and what an attachment's first bytes say it is. Pure functions, unit-tested without a container.
 */
final class ContractRules {
    static final int MAX_PRICES = 500;
    static final int MAX_PAYMENT_TERM_DAYS = 365;
    /** Contracts run for years at most; a longer span is a typing error. */
    static final int MAX_YEARS = 10;

    private ContractRules() {
    }

    /**
     * The terms as stored (trimmed, scales fixed), every bad field reported at once as {@code field} or
     * {@code prices[i].field}. Products are looked up by the caller; the salesperson and customer by the service.
     */
    static Contract validate(Contract in, Map<String, Product> products) {
        Check.body(in);
        Check check = new Check();
        String number = check.code("number", in.number(), false);
        String customer = check.code("customerCode", in.customerCode(), true);
        LocalDate signed = check.required("signingDate", in.signingDate());
        LocalDate from = check.required("validFrom", in.validFrom());
        LocalDate until = check.required("validUntil", in.validUntil());
        if (from != null && until != null) {
            if (until.isBefore(from)) {
                check.fail("validUntil", "must not be before validFrom");
            } else if (until.isAfter(from.plusYears(MAX_YEARS))) {
                check.fail("validUntil", "a contract runs at most " + MAX_YEARS + " years");
            }
        }
        if (signed != null && until != null && signed.isAfter(until)) {
            check.fail("signingDate", "must not be after validUntil");
        }
        String salesperson = check.code("salesperson", in.salesperson(), false);
        Integer terms = check.range("paymentTermDays", in.paymentTermDays(), 0, MAX_PAYMENT_TERM_DAYS, false);
        String termsText = check.text("paymentTerms", in.paymentTerms(), 500, false);
        String currency = check.currency("currency", in.currency());
        BigDecimal amount = check.decimal("agreedAmount", in.agreedAmount(), BigDecimal.ZERO, Money.MAX, Money.SCALE, false);
        BigDecimal quantity = check.decimal("agreedQuantity", in.agreedQuantity(), BigDecimal.ZERO, OrderRules.MAX_QUANTITY,
                OrderRules.QUANTITY_SCALE, false);
        String notes = check.text("notes", in.notes(), 2000, false);
        List<ContractPrice> prices = prices(check, in.prices(), currency, products);
        check.throwIfInvalid();
        return new Contract(null, number, customer, null, null, signed, from, until, salesperson, terms, termsText, currency, amount,
                quantity, notes, prices, List.of(), List.of(), in.version(), null, null, null, null);
    }

    private static List<ContractPrice> prices(Check check, List<ContractPrice> in, String currency, Map<String, Product> products) {
        List<ContractPrice> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        if (in.size() > MAX_PRICES) {
            check.fail("prices", "at most " + MAX_PRICES + " agreed prices per contract");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String at = "prices[" + i + "]";
            ContractPrice p = in.get(i);
            if (p == null) {
                check.fail(at, "is empty");
                continue;
            }
            String sku = check.code(at + ".sku", p.sku(), true);
            BigDecimal price = check.decimal(at + ".unitPrice", p.unitPrice(), BigDecimal.ZERO, Money.MAX, Money.SCALE, true);
            BigDecimal quantity = check.decimal(at + ".quantity", p.quantity(), BigDecimal.ZERO, OrderRules.MAX_QUANTITY,
                    OrderRules.QUANTITY_SCALE, false);
            if (quantity != null && quantity.signum() == 0) {
                check.fail(at + ".quantity", "must be positive (leave it out when no quantity was agreed)");
            }
            Product product = sku == null ? null : products.get(sku);
            if (sku != null && product == null) {
                check.fail(at + ".sku", "unknown product '" + sku + "'");
            } else if (sku != null && !seen.add(sku)) {
                check.fail(at + ".sku", "'" + sku + "' has a price already; one agreed price per product");
            } else if (product != null && price != null) {
                out.add(new ContractPrice(sku, product.name(), price, quantity));
            }
        }
        return out;
    }

    /** The state after {@code action}, or a 409 (400 for a termination without reason). */
    static ContractStatus next(ContractStatus from, ContractAction action, LocalDate validUntil, LocalDate today, String reason) {
        switch (action) {
            case ACTIVATE:
                if (from == ContractStatus.DRAFT) {
                    return ContractStatus.ACTIVE;
                }
                break;
            case EXPIRE:
                if (from == ContractStatus.ACTIVE) {
                    if (!today.isAfter(validUntil)) {
                        throw new ConflictException("action", "the contract is valid until " + validUntil + ": it expires after that day");
                    }
                    return ContractStatus.EXPIRED;
                }
                break;
            case TERMINATE:
                if (reason == null || reason.isBlank()) {
                    throw new ValidationException("reason", "is required to terminate a contract");
                }
                if (from == ContractStatus.DRAFT || from == ContractStatus.ACTIVE) {
                    return ContractStatus.TERMINATED;
                }
                break;
            default:
                throw new ValidationException("action", "must be one of ACTIVATE, EXPIRE, TERMINATE");
        }
        throw new ConflictException("status", "a " + from + " contract cannot " + action);
    }

    /**
     * Whether an order of {@code customerCode} in {@code currency} dated {@code day} may name this contract; problems go to
     * {@code check} as {@code contractNumber}.
     */
    static void requireUsable(Check check, String number, ContractStatus status, String contractCustomer, String contractCurrency,
            LocalDate validFrom, LocalDate validUntil, String customerCode, String currency, LocalDate day) {
        String field = "contractNumber";
        if (customerCode != null && !contractCustomer.equals(customerCode)) {
            check.fail(field, "contract " + number + " is with customer " + contractCustomer + ", not " + customerCode);
        } else if (status != ContractStatus.ACTIVE) {
            check.fail(field, "contract " + number + " is " + status + "; only an ACTIVE contract can be ordered under");
        } else if (day.isAfter(validUntil)) {
            check.fail(field, "contract " + number + " expired on " + validUntil);
        } else if (day.isBefore(validFrom)) {
            check.fail(field, "contract " + number + " is valid from " + validFrom);
        } else if (currency != null && !currency.equals(contractCurrency)) {
            check.fail("currency", "contract " + number + " is in " + contractCurrency + ", the order in " + currency);
        }
    }

    /** The lines with the contract's price wherever a line gives none; the list price applies to products not in it. */
    static List<OrderLine> withContractPrices(List<OrderLine> lines, Map<String, BigDecimal> agreed) {
        if (lines == null || agreed.isEmpty()) {
            return lines;
        }
        List<OrderLine> out = new ArrayList<>();
        for (OrderLine l : lines) {
            BigDecimal price = l == null || l.unitPrice() != null || l.sku() == null ? null : agreed.get(l.sku().strip());
            out.add(price == null ? l : new OrderLine(l.lineNo(), l.sku(), l.productName(), l.unit(), l.direction(), l.quantity(), price,
                    l.amount(), l.deliveryDate(), l.lot(), l.reasonCode(), l.note()));
        }
        return out;
    }

    /** The media type of a signed scan by its first bytes: PDF, PNG or JPEG; null for anything else. */
    static String sniff(byte[] head, int length) {
        if (startsWith(head, length, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The client's file name as kept for display and download: its last path segment, control characters and quotes
     * dropped, at most 200 characters; never used as a path.
     */
    static String displayName(String raw, String contentType) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "scan" + switch (contentType) {
                case "application/pdf" -> ".pdf";
                case "image/png" -> ".png";
                default -> ".jpg";
            };
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
