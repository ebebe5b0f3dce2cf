package org.titrate.reporting.impl.shell;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.ForbiddenException;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;
import org.titrate.reporting.api.ColumnType;
import org.titrate.reporting.api.Report;
import org.titrate.reporting.api.ReportColumn;
import org.titrate.reporting.api.ReportInfo;
import org.titrate.reporting.api.ReportService;
import org.titrate.platform.api.licensing.Entitlements;

@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "report", description = "Prints a report as a table (without a name: the reports there are)",
        detailedDescription = "以表格打印一张报表（不带名称时列出所有报表）")
@Service
public class ReportCommand implements Action {

    /** Read at each run: a module that is not licensed refuses its commands (docs/licensing.md). */
    @Reference(optional = true)
    private Entitlements entitlements;

    /**
     * The report's name, then any options: Karaf stops reading options at the first argument, so those written after the
     * name ({@code titrate:report sales-summary --group-by customer}) arrive here and are read as {@code --key value} pairs.
     */
    @Argument(index = 0, name = "name", multiValued = true, description = "The report, e.g. sales-summary, sales-share, sales-ranking, "
            + "purchase-sales, receivables-ageing, statement; options may follow it")
    private List<String> words;

    @Option(name = "--from", description = "First business day YYYY-MM-DD (default: the month's first)")
    private String from;

    @Option(name = "--to", description = "Last business day YYYY-MM-DD (default: the month's last)")
    private String to;

    @Option(name = "--group-by", description = "product, category, customer, channel, day or month")
    private String groupBy;

    @Option(name = "--top", description = "How many places a ranking shows")
    private String top;

    @Option(name = "--customer", description = "Customer code (a filter; the statement's customer)")
    private String customer;

    @Option(name = "--supplier", description = "Supplier code (payables ageing)")
    private String supplier;

    @Option(name = "--product", description = "Product SKU")
    private String product;

    @Option(name = "--category", description = "Product category code")
    private String category;

    @Option(name = "--warehouse", description = "Warehouse code")
    private String warehouse;

    @Option(name = "--channel", description = "Sales channel")
    private String channel;

    @Option(name = "--currency", description = "ISO 4217 currency")
    private String currency;

    @Option(name = "--basis", description = "moved (default: goods shipped and returns received) or ordered")
    private String basis;

    @Option(name = "--by", description = "What a ranking ranks by: amount (default) or quantity")
    private String by;

    @Option(name = "--as-of", description = "The day an ageing is taken on, YYYY-MM-DD (default: today)")
    private String asOf;

    @Reference
    private ReportService reports;

    @Override
    public Object execute() {
        Entitlements.require(entitlements, "reporting", false);
        String name = words == null || words.isEmpty() ? null : words.get(0);
        if (name == null) {
            TextTable t = new TextTable();
            t.column("Report");
            t.column("Title");
            t.column("Parameters");
            for (ReportInfo r : reports.reports()) {
                t.addRow().addContent(r.name(), r.title(), String.join(", ", r.parameters()));
            }
            t.print(System.out);
            return null;
        }
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "from", from);
        put(p, "to", to);
        put(p, "groupBy", groupBy);
        put(p, "top", top);
        put(p, "customer", customer);
        put(p, "supplier", supplier);
        put(p, "product", product);
        put(p, "category", category);
        put(p, "warehouse", warehouse);
        put(p, "channel", channel);
        put(p, "currency", currency);
        put(p, "basis", basis);
        put(p, "by", by);
        put(p, "asOf", asOf);
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.length() < 3) {
                throw new ValidationException(word, "is not an option; write --name value after the report's name");
            }
            p.put(camel(word.substring(2)), i + 1 < words.size() ? words.get(++i) : null);
        }
        ReportInfo info = reports.reports().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
        if (info != null && !mayRead(info)) {
            throw new ForbiddenException("Your roles do not include one that reads " + name + ": " + String.join(", ", info.roles()));
        }
        Report r = reports.run(name, p);
        System.out.println(r.title() + (r.from() == null ? "" : "  " + r.from() + " .. " + r.to()) + "  " + r.filters());
        TextTable t = new TextTable();
        for (ReportColumn c : r.columns()) {
            TextTable.Column col = t.column(c.label());
            if (c.type() != ColumnType.TEXT && c.type() != ColumnType.DATE) {
                col.alignRight();
            }
        }
        for (Map<String, Object> row : r.rows()) {
            t.addRow().addContent(r.columns().stream().map(c -> cell(row.get(c.key()))).toArray());
        }
        if (!r.totals().isEmpty()) {
            t.addRow().addContent(r.columns().stream().map(c -> r.totals().containsKey(c.key()) ? cell(r.totals().get(c.key()))
                    : c == r.columns().get(0) ? "合计 Total" : "").toArray());
        }
        t.print(System.out);
        r.totals().forEach((k, v) -> {
            if (r.columns().stream().noneMatch(c -> c.key().equals(k))) {
                System.out.println(k + ": " + cell(v));
            }
        });
        return null;
    }

    /**
     * The shell's command ACL lets every business role run {@code titrate:report}; which report is the report's own
     * roles' decision, checked here against the session's JAAS roles (admin always may).
     */
    @SuppressWarnings("removal") // Karaf's shell still propagates the session subject through the access-control context.
    private static boolean mayRead(ReportInfo info) {
        javax.security.auth.Subject subject = javax.security.auth.Subject.getSubject(java.security.AccessController.getContext());
        if (subject == null) {
            return true; // the local console of the container's owner
        }
        return subject.getPrincipals().stream().filter(pr -> pr.getClass().getSimpleName().equals("RolePrincipal"))
                .anyMatch(pr -> pr.getName().equals("admin") || info.roles().contains(pr.getName()));
    }

    /** {@code group-by} → {@code groupBy}, the parameter's name. */
    static String camel(String option) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : option.toCharArray()) {
            if (ch == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    private static String cell(Object v) {
        return v == null ? "" : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }
}
