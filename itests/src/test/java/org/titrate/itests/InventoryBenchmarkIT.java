package org.titrate.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Test;

/**
 * The inventory figures the issue asks for, measured on the packaged distribution running as its
 * own process (as users run it) and driven from this JVM over HTTP: stock documents of 10 lines
 * posted per second (receipts, issues and transfers) with 4 clients and with 1; then the on-hand
 * and ledger queries over 1 000 000 movements, loaded straight into the stopped distribution's
 * database, and a posting on that loaded ledger. Not part of the test command: run it with
 * {@code mvn -B -ntp -Pbenchmark verify -pl itests} after an install build; the figures go to the
 * console and to {@code itests/target/benchmark-inventory.txt}. It asserts only that the measured
 * work succeeded and that on-hand stock still equals the sum of the ledger, never a time.
 */
public class InventoryBenchmarkIT {
    private static final String RUN = TitrateTestSupport.RUN;
    private static final String PASSWORD = "bench-" + RUN + "-secret";
    private static final List<String> WAREHOUSES = List.of("BIW1-" + RUN, "BIW2-" + RUN);
    /** Even ones are lot-tracked (two years' shelf life), odd ones are not. */
    private static final int PRODUCTS = 200;
    private static final int LINES = 10;
    private static final int MOVEMENTS = Integer.getInteger("titrate.benchmark.movements", 1_000_000);
    /** Lots per lot-tracked product in the loaded year: a new one about every 18 days. */
    private static final int BULK_LOTS = 20;
    /** The clients' documents are spread over "receiving days" of this many documents, each with its own lots. */
    private static final int DOCUMENTS_PER_DAY = 100;
    /** Business days are the sales office's, as in the inventory module. */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    /** Fixed for the run: a lot's expiry date derives from it and must not change if midnight passes meanwhile. */
    private static final LocalDate BASE_DAY = LocalDate.now(BUSINESS_ZONE);
    private static final Path REPORT = Path.of("target", "benchmark-inventory.txt");

    private DistributionProcess titrate;
    private final Shelf shelf = new Shelf();
    /** Every document the clients post takes the next number: its receiving day and reference. */
    private final AtomicInteger posted = new AtomicInteger();
    /** Seeds of the clients' random choices, so that every run makes the same documents (modulo thread interleaving). */
    private final AtomicLong seeds = new AtomicLong(1);
    private final AtomicReference<String> lastDocument = new AtomicReference<>();

    @After
    public void stop() throws Exception {
        if (titrate != null) {
            titrate.close();
        }
    }

    @Test
    public void inventoryFigures() throws Exception {
        titrate = new DistributionProcess("benchmark-inventory", PASSWORD);
        report("== Titrate inventory benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores; "
                + PRODUCTS + " products (half lot-tracked), 2 warehouses, documents of " + LINES + " lines");

        // 1. Master data.
        start();
        masterData();
        titrate.stop();

        // 2. A year of ledger at scale, written straight into the stopped distribution's database, before any posting of
        // these products: every figure below is taken on a ledger of a million entries, as a distributor's would be.
        long started = System.nanoTime();
        Loaded loaded = bulkLoad();
        double seconds = (System.nanoTime() - started) / 1e9;
        report(String.format("bulk-loaded %d movements (%d documents of %d lines from %s to %s: receipts, issues, shipments; %d new lots,"
                + " %d stock rows) with plain JDBC in %.1f s = %.0f movements/s; INV_MOVEMENT now holds %d rows",
                loaded.movements(), loaded.documents(), LINES, loaded.firstDay(), loaded.lastDay(), loaded.lots(), loaded.stockRowsAdded(),
                seconds, loaded.movements() / Math.max(seconds, 1e-9), loaded.ledgerRows()));

        // 3. Throughput over REST, after the JIT has settled; the warm-up also fills the shelves that issues draw from.
        report(String.format("restart on the loaded database: %d ms to the first answer of /api/v1/modules", start()));
        throughput("warm-up (HotSpot compiles OpenJPA, CXF and Derby meanwhile): ", 4, 300);
        throughput("", 1, 300);
        throughput("", 4, 250);

        // 4. Queries and single postings on the loaded ledger.
        String sku = sku(0);
        String warehouse = WAREHOUSES.get(0);
        LocalDate weekFrom = loaded.firstDay().plusDays(180);
        String week = "from=" + weekFrom + "&to=" + weekFrom.plusDays(6);
        timeQueries("/stock", List.of("sku=" + sku, "warehouseCode=" + warehouse + "&limit=50", "expiringWithinDays=30",
                "expiringWithinDays=365&limit=50", "limit=50"));
        timeQueries("/stock-movements", List.of("limit=50", "sku=" + sku + "&limit=50", "sku=" + sku + "&lot=" + loaded.sampleLot()
                + "&limit=50", "warehouseCode=" + warehouse + "&limit=50", "documentNumber=" + loaded.sampleDocument(),
                week + "&limit=50", "sku=" + sku + "&" + week + "&limit=50", "offset=10000&limit=50"));
        timePostings();
        newestBalanceIsOnHand();
        titrate.stop();

        // The loader's sanity check: every stock row is the sum of its ledger entries.
        stockIsTheSumOfTheLedger();
    }

    // ---- master data ----

    private static String sku(int product) {
        return String.format("BI-%s-%03d", RUN, product);
    }

    private static boolean lotTracked(int product) {
        return product % 2 == 0;
    }

    /** Starts the distribution and waits until inventory serves REST too: modules start in any order after the platform. */
    private long start() throws Exception {
        long millis = titrate.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> titrate.call("GET", "/products?limit=1", null).status() == 200
                        && titrate.call("GET", "/warehouses?limit=1", null).status() == 200
                        && titrate.call("GET", "/stock?limit=1", null).status() == 200
                        && titrate.call("GET", "/stock-movements?limit=1", null).status() == 200);
        return millis;
    }

    private void masterData() {
        List<String> names = List.of("上海金山化工区危化品仓库 ", "苏州工业园区普货仓库 ");
        for (int w = 0; w < WAREHOUSES.size(); w++) {
            TitrateTestSupport.Reply r = titrate.call("POST", "/warehouses", Map.of("code", WAREHOUSES.get(w), "name", names.get(w) + RUN,
                    "allowNegativeStock", false, "defaultWarehouse", false));
            assertEquals(r.body(), 201, r.status());
        }
        for (int p = 0; p < PRODUCTS; p++) {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("sku", sku(p));
            product.put("name", (lotTracked(p) ? "苯酚 99.5% 200kg/桶 #" : "硫酸铵 21% 50kg/袋 #") + p);
            product.put("unit", lotTracked(p) ? "桶" : "袋");
            product.put("listPrice", new BigDecimal("80.00").add(BigDecimal.valueOf(p)));
            product.put("lotTracked", lotTracked(p));
            if (lotTracked(p)) {
                product.put("shelfLifeDays", 730);
            }
            TitrateTestSupport.Reply r = titrate.call("POST", "/products", product);
            assertEquals(r.body(), 201, r.status());
        }
    }

    // ---- throughput ----

    /** A document about to be posted: type, warehouse indexes (to is -1 but for a transfer), per line a product index and units. */
    private record Plan(String type, int from, int to, int[] products, int[] quantities) {
    }

    /** What one run of the clients achieved; refusals for lack of stock are counted apart from other failures. */
    private static final class Tally {
        final Map<String, LongAdder> documents = new ConcurrentHashMap<>();
        final LongAdder movements = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder failed = new LongAdder();
        final AtomicReference<String> firstFailure = new AtomicReference<>();

        void posted(String type, int moves) {
            documents.computeIfAbsent(type, t -> new LongAdder()).increment();
            movements.add(moves);
        }

        long posted(String type) {
            LongAdder n = documents.get(type);
            return n == null ? 0 : n.sum();
        }

        long posted() {
            return documents.values().stream().mapToLong(LongAdder::sum).sum();
        }
    }

    /**
     * The units the clients have received and not yet taken out, per product and warehouse. An issue
     * or transfer reserves its lines here before it is posted, so the clients ask only for stock that
     * is there: a refusal for lack of stock then means the server lost count, not that the mix ran dry.
     */
    private static final class Shelf {
        private final long[][] units = new long[PRODUCTS][WAREHOUSES.size()];

        /**
         * Picks, in the order of {@code candidates}, products the warehouse holds {@code quantities} of
         * and reserves them; false (and nothing reserved) when too few products have enough.
         */
        synchronized boolean reserve(int warehouse, int[] candidates, int[] products, int[] quantities) {
            int n = 0;
            for (int i = 0; i < candidates.length && n < products.length; i++) {
                if (units[candidates[i]][warehouse] >= quantities[n]) {
                    products[n++] = candidates[i];
                }
            }
            if (n < products.length) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                units[products[i]][warehouse] -= quantities[i];
            }
            return true;
        }

        synchronized void put(int warehouse, int[] products, int[] quantities) {
            for (int i = 0; i < products.length; i++) {
                units[products[i]][warehouse] += quantities[i];
            }
        }
    }

    /** Mostly receipts, as a warehouse that grows; issues and transfers draw on what came in before. */
    private static String mix(Random random) {
        int roll = random.nextInt(100);
        return roll < 55 ? "RECEIPT" : roll < 80 ? "ISSUE" : "TRANSFER";
    }

    /** All product indexes in random order: the first ones make a document's distinct lines. */
    private static int[] shuffled(Random random) {
        int[] order = new int[PRODUCTS];
        for (int i = 0; i < PRODUCTS; i++) {
            order[i] = i;
        }
        for (int i = PRODUCTS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A document of the given type with 10 distinct products; an issue or transfer the shelf cannot serve yet becomes a receipt. */
    private Plan plan(Random random, String type) {
        int from = random.nextInt(WAREHOUSES.size());
        int[] candidates = shuffled(random);
        int[] products = new int[LINES];
        int[] quantities = new int[LINES];
        if (!"RECEIPT".equals(type)) {
            for (int i = 0; i < LINES; i++) {
                quantities[i] = 1 + random.nextInt(10);
            }
            if (shelf.reserve(from, candidates, products, quantities)) {
                return new Plan(type, from, "TRANSFER".equals(type) ? 1 - from : -1, products, quantities);
            }
            // Too little on the shelves yet (the first documents of the warm-up): goods come in first.
        }
        for (int i = 0; i < LINES; i++) {
            products[i] = candidates[i];
            quantities[i] = 20 + random.nextInt(181);
        }
        return new Plan("RECEIPT", from, -1, products, quantities);
    }

    private static Map<String, Object> body(Plan plan, int number) {
        int day = number / DOCUMENTS_PER_DAY;
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            int p = plan.products()[i];
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", sku(p));
            line.put("quantity", plan.quantities()[i]);
            if ("RECEIPT".equals(plan.type()) && lotTracked(p)) {
                // One lot per product and receiving day, with the supplier's expiry date: later lots expire later, so
                // issues and transfers (which name no lot) choose first-expiry-first-out among several.
                line.put("lot", "L" + day);
                line.put("expiryDate", BASE_DAY.plusDays(700 + day).toString());
            }
            lines.add(line);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", plan.type());
        doc.put("warehouseCode", WAREHOUSES.get(plan.from()));
        if (plan.to() >= 0) {
            doc.put("toWarehouseCode", WAREHOUSES.get(plan.to()));
        }
        doc.put("reference", "BENCH-" + RUN + "-" + number);
        doc.put("lines", lines);
        return doc;
    }

    /** Posts a planned document and books its outcome on the shelf and in the tally. */
    private TitrateTestSupport.Reply post(Plan plan, Tally tally) {
        TitrateTestSupport.Reply r = titrate.call("POST", "/stock-documents", body(plan, posted.getAndIncrement()));
        boolean receipt = "RECEIPT".equals(plan.type());
        if (r.status() == 201) {
            if (receipt) {
                shelf.put(plan.from(), plan.products(), plan.quantities());
            } else if (plan.to() >= 0) {
                shelf.put(plan.to(), plan.products(), plan.quantities());
            }
            JsonNode doc = r.json();
            tally.posted(plan.type(), doc.path("movements").size());
            lastDocument.set(doc.path("number").asText());
            return r;
        }
        if (!receipt) {
            // Nothing moved: the reservation goes back on the shelf.
            shelf.put(plan.from(), plan.products(), plan.quantities());
        }
        if (r.status() == 409) {
            tally.refused.increment();
        } else {
            tally.failed.increment();
            tally.firstFailure.compareAndSet(null, r.status() + " " + r.body());
        }
        return r;
    }

    /**
     * Each client posts its documents one after the other, as fast as the server answers; the rates
     * count the documents posted by all clients together. Reports before it asserts, so that a run
     * with failures still leaves its figures.
     */
    private void throughput(String label, int clients, int documentsPerClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Tally tally = new Tally();
        try {
            long cpuBefore = titrate.cpuTicks();
            long start = System.nanoTime();
            List<Future<Object>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Random random = new Random(seeds.getAndIncrement());
                results.add(pool.submit(() -> {
                    for (int i = 0; i < documentsPerClient; i++) {
                        post(plan(random, mix(random)), tally);
                    }
                    return null;
                }));
            }
            for (Future<Object> f : results) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuTicks = titrate.cpuTicks() - cpuBefore;
            int sent = clients * documentsPerClient;
            long ok = tally.posted();
            // Clock ticks are 1/100 s on Linux.
            report(String.format("%s%d client(s): %d documents of %d lines posted in %.1f s = %.1f documents/s, %.0f lines/s, %.0f movements/s"
                    + " (%d receipts, %d issues, %d transfers); %d refused for lack of stock, %d failed otherwise;"
                    + " server process CPU %.1f ms per document", label, clients, ok, LINES, seconds, ok / seconds, ok * LINES / seconds,
                    tally.movements.sum() / seconds, tally.posted("RECEIPT"), tally.posted("ISSUE"), tally.posted("TRANSFER"),
                    tally.refused.sum(), tally.failed.sum(), cpuTicks * 10.0 / sent));
            assertEquals("failed requests; the first: " + tally.firstFailure.get(), 0, tally.failed.sum());
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the ledger at scale ----

    /** What the loader wrote, and a document and a lot of it for the queries that follow. */
    private record Loaded(int documents, long movements, long ledgerRows, int lots, int stockRowsAdded,
            LocalDate firstDay, LocalDate lastDay, String sampleDocument, String sampleLot) {
    }

    /** A balance of the ledger: product, warehouse, lot ('' for none) and status. */
    private record Key(String sku, String warehouse, String lot, String status) {
    }

    /**
     * A year of history before the clients' documents: bulk documents of 10 lines, half receipts into
     * the lot of their period, the rest issues and shipments to customers taking first-expiry-first-out,
     * so that no balance goes below zero. Balances are kept in memory (in thousandths) to write each
     * entry's BALANCE_AFTER and, at the end, the stock rows, lots and lock rows the module keeps with
     * the ledger. The clients' entries come after this history, so their BALANCE_AFTER moves up by what
     * the history left on the same balance.
     */
    private Loaded bulkLoad() throws SQLException {
        return titrate.database(c -> {
            long before = count(c, "SELECT COUNT(*) FROM INV_MOVEMENT");
            if (count(c, "SELECT COUNT(*) FROM INV_STOCK WHERE SKU LIKE 'BI-" + RUN + "-%'") > 0) {
                // Balances after each entry are computed here from nothing: the history comes before any other movement.
                throw new IllegalStateException("the bulk history must be loaded before anything else moves these products");
            }
            int docs = (int) Math.max(0, (MOVEMENTS - before + LINES - 1) / LINES);
            int warehouses = WAREHOUSES.size();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant first = now.minus(Duration.ofDays(366));
            long step = Duration.ofDays(365).toMillis() / Math.max(1, docs);
            Instant last = first.plusMillis(step * Math.max(0, docs - 1));
            // Lot k is received from the k-th twentieth of the year on; its supplier gave it 380 days, so the
            // oldest lot expires in about two weeks and GET /stock?expiringWithinDays=30 has something to find.
            String[] lotNames = new String[BULK_LOTS];
            LocalDate[] lotExpiries = new LocalDate[BULK_LOTS];
            for (int k = 0; k < BULK_LOTS; k++) {
                LocalDate received = LocalDate.ofInstant(first.plusMillis(step * ((long) k * docs / BULK_LOTS)), BUSINESS_ZONE);
                lotNames[k] = String.format("B%s-%02d", received.format(DateTimeFormatter.BASIC_ISO_DATE), k);
                lotExpiries[k] = received.plusDays(380);
            }
            long[][][] balance = new long[PRODUCTS][warehouses][BULK_LOTS];
            boolean[][][] touched = new boolean[PRODUCTS][warehouses][BULK_LOTS];
            long[][] onHand = new long[PRODUCTS][warehouses];
            String[][] lotFirstDocument = new String[PRODUCTS][BULK_LOTS];
            Instant[][] lotFirstPosted = new Instant[PRODUCTS][BULK_LOTS];
            String[] seq = new String[LINES];
            for (int j = 0; j < LINES; j++) {
                seq[j] = String.format("/%06d", j + 1);
            }
            Random random = new Random(20_240_101L);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO INV_MOVEMENT (ID, POSTED_AT, POSTED_BY, DOC_TYPE, DOC_NUMBER,"
                    + " LINE_NO, SKU, WAREHOUSE_CODE, LOT, EXPIRY_DATE, STATUS, QUANTITY, BALANCE_AFTER, PARTNER_CODE, REASON)"
                    + " VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?, 'AVAILABLE', ?, ?, ?, NULL)")) {
                for (int i = 0; i < docs; i++) {
                    Instant at = first.plusMillis(step * i);
                    int lot = (int) ((long) i * BULK_LOTS / docs);
                    int w = random.nextInt(warehouses);
                    int roll = random.nextInt(10);
                    String type = roll < 5 ? "RECEIPT" : roll < 7 ? "ISSUE" : "SHIPMENT";
                    int[] order = shuffled(random);
                    int[] chosen = new int[LINES];
                    int n = 0;
                    if (!"RECEIPT".equals(type)) {
                        for (int k = 0; k < PRODUCTS && n < LINES; k++) {
                            if (onHand[order[k]][w] > 0) {
                                chosen[n++] = order[k];
                            }
                        }
                        if (n < LINES) {
                            // Early in the year too few products are in stock to send out: this one is a receipt.
                            type = "RECEIPT";
                        }
                    }
                    if ("RECEIPT".equals(type)) {
                        System.arraycopy(order, 0, chosen, 0, LINES);
                    }
                    String number = String.format("BULK-%s-%07d", RUN, i);
                    Timestamp stamp = Timestamp.from(at);
                    for (int j = 0; j < LINES; j++) {
                        int p = chosen[j];
                        int slot;
                        long quantity;
                        if ("RECEIPT".equals(type)) {
                            slot = lotTracked(p) ? lot : 0;
                            quantity = (20 + random.nextInt(481)) * 1000L + random.nextInt(4) * 250L;
                            if (lotTracked(p) && lotFirstDocument[p][slot] == null) {
                                lotFirstDocument[p][slot] = number;
                                lotFirstPosted[p][slot] = at;
                            }
                        } else {
                            // First-expiry-first-out: the oldest lot that still holds something.
                            slot = 0;
                            while (balance[p][w][slot] == 0) {
                                slot++;
                            }
                            quantity = -Math.min((1 + random.nextInt(150)) * 1000L, balance[p][w][slot]);
                        }
                        balance[p][w][slot] += quantity;
                        onHand[p][w] += quantity;
                        touched[p][w][slot] = true;
                        insert.setString(1, number + seq[j]);
                        insert.setTimestamp(2, stamp);
                        insert.setString(3, type);
                        insert.setString(4, number);
                        insert.setInt(5, j + 1);
                        insert.setString(6, sku(p));
                        insert.setString(7, WAREHOUSES.get(w));
                        insert.setString(8, lotTracked(p) ? lotNames[slot] : "");
                        if (lotTracked(p)) {
                            insert.setDate(9, Date.valueOf(lotExpiries[slot]));
                        } else {
                            insert.setNull(9, Types.DATE);
                        }
                        insert.setBigDecimal(10, BigDecimal.valueOf(quantity, 3));
                        insert.setBigDecimal(11, BigDecimal.valueOf(balance[p][w][slot], 3));
                        if ("SHIPMENT".equals(type)) {
                            insert.setString(12, "BKC" + (i % 200));
                        } else {
                            insert.setNull(12, Types.VARCHAR);
                        }
                        insert.addBatch();
                    }
                    if (i % 500 == 499 || i == docs - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }

            // The rows the module keeps beside the ledger: lots, on-hand balances and the products' lock rows.
            String pattern = "BI-" + RUN + "-%";
            Timestamp lastStamp = Timestamp.from(last);
            int lots = 0;
            int added = 0;
            try (PreparedStatement lotInsert = c.prepareStatement("INSERT INTO INV_LOT (ID, SKU, LOT, EXPIRY_DATE, CREATED_AT, CREATED_BY,"
                    + " FIRST_DOCUMENT) VALUES (?, ?, ?, ?, ?, 'bench', ?)");
                 PreparedStatement stockInsert = c.prepareStatement("INSERT INTO INV_STOCK (ID, SKU, WAREHOUSE_CODE, LOT, STATUS, EXPIRY_DATE,"
                         + " QUANTITY, UPDATED_AT) VALUES (?, ?, ?, ?, 'AVAILABLE', ?, ?, ?)");
                 ) {
                for (int p = 0; p < PRODUCTS; p++) {
                    for (int k = 0; k < BULK_LOTS; k++) {
                        if (lotFirstDocument[p][k] != null) {
                            lotInsert.setString(1, UUID.randomUUID().toString());
                            lotInsert.setString(2, sku(p));
                            lotInsert.setString(3, lotNames[k]);
                            lotInsert.setDate(4, Date.valueOf(lotExpiries[k]));
                            lotInsert.setTimestamp(5, Timestamp.from(lotFirstPosted[p][k]));
                            lotInsert.setString(6, lotFirstDocument[p][k]);
                            lotInsert.addBatch();
                            lots++;
                        }
                    }
                    for (int w = 0; w < warehouses; w++) {
                        for (int slot = 0; slot < BULK_LOTS; slot++) {
                            if (!touched[p][w][slot]) {
                                continue;
                            }
                            String lot = lotTracked(p) ? lotNames[slot] : "";
                            BigDecimal quantity = BigDecimal.valueOf(balance[p][w][slot], 3);
                            stockInsert.setString(1, UUID.randomUUID().toString());
                            stockInsert.setString(2, sku(p));
                            stockInsert.setString(3, WAREHOUSES.get(w));
                            stockInsert.setString(4, lot);
                            if (lotTracked(p)) {
                                stockInsert.setDate(5, Date.valueOf(lotExpiries[slot]));
                            } else {
                                stockInsert.setNull(5, Types.DATE);
                            }
                            stockInsert.setBigDecimal(6, quantity);
                            stockInsert.setTimestamp(7, lastStamp);
                            stockInsert.addBatch();
                            added++;
                        }
                    }
                }
                lotInsert.executeBatch();
                stockInsert.executeBatch();
            }
            Set<String> items = new HashSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT SKU FROM INV_ITEM WHERE SKU LIKE ?")) {
                q.setString(1, pattern);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        items.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement item = c.prepareStatement("INSERT INTO INV_ITEM (SKU, LAST_POSTED_AT, POSTINGS) VALUES (?, ?, 0)")) {
                for (int p = 0; p < PRODUCTS; p++) {
                    if (docs > 0 && !items.contains(sku(p))) {
                        item.setString(1, sku(p));
                        item.setTimestamp(2, lastStamp);
                        item.addBatch();
                    }
                }
                item.executeBatch();
            }
            c.commit();
            return new Loaded(docs, (long) docs * LINES, count(c, "SELECT COUNT(*) FROM INV_MOVEMENT"), lots, added,
                    LocalDate.ofInstant(first, BUSINESS_ZONE), LocalDate.ofInstant(last, BUSINESS_ZONE),
                    docs > 0 ? String.format("BULK-%s-%07d", RUN, docs / 2) : lastDocument.get(), lotNames[BULK_LOTS / 2]);
        });
    }

    // ---- queries and postings on the loaded ledger ----

    /** Each query a few times first (a fresh JVM, a cold page cache), then the median of 7 with the rows it returned. */
    private void timeQueries(String path, List<String> queries) {
        for (int i = 0; i < 3; i++) {
            queries.forEach(q -> titrate.call("GET", path + "?" + q, null));
        }
        for (String query : queries) {
            TitrateTestSupport.Reply first = titrate.call("GET", path + "?" + query, null);
            assertEquals(first.body(), 200, first.status());
            double ms = Benchmarks.medianMillis(7, () -> titrate.call("GET", path + "?" + query, null));
            report(String.format("GET %s?%s: %.1f ms (median of 7; %d rows of %s)", path, query, ms,
                    first.json().path("items").size(), first.json().path("total").asText()));
        }
    }

    /** One 10-line document of each kind, posted on the loaded ledger: the stock rows it reads and the indexes it writes are large now. */
    private void timePostings() {
        Tally tally = new Tally();
        Random random = new Random(seeds.getAndIncrement());
        for (String type : List.of("RECEIPT", "ISSUE", "TRANSFER")) {
            // Planned (and reserved on the shelf) before the clock runs, so that only the request is timed.
            List<Plan> plans = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Plan plan = plan(random, type);
                assertEquals("the shelves hold too little for an " + type, type, plan.type());
                plans.add(plan);
            }
            post(plans.get(0), tally);
            Iterator<Plan> timed = plans.subList(1, plans.size()).iterator();
            double ms = Benchmarks.medianMillis(5, () -> post(timed.next(), tally));
            report(String.format("POST /stock-documents, one %d-line %s on the loaded ledger: %.0f ms (median of 5)", LINES, type, ms));
        }
        assertEquals("failed postings; the first: " + tally.firstFailure.get(), 0, tally.failed.sum());
        assertEquals("postings refused for lack of stock", 0, tally.refused.sum());
    }

    /** Over REST, for a few products: the newest ledger entry of each stock row states the row's quantity as its balance after. */
    private void newestBalanceIsOnHand() {
        int rows = 0;
        List<String> wrong = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            for (String warehouse : WAREHOUSES) {
                TitrateTestSupport.Reply stock = titrate.call("GET", "/stock?sku=" + sku(p) + "&warehouseCode=" + warehouse + "&limit=500", null);
                assertEquals(stock.body(), 200, stock.status());
                for (JsonNode row : stock.json().path("items")) {
                    String lot = row.path("lot").isTextual() ? row.path("lot").asText() : null;
                    TitrateTestSupport.Reply newest = titrate.call("GET", "/stock-movements?sku=" + sku(p) + "&warehouseCode=" + warehouse
                            + "&status=" + row.path("status").asText() + (lot == null ? "" : "&lot=" + lot) + "&limit=1", null);
                    assertEquals(newest.body(), 200, newest.status());
                    BigDecimal balance = newest.json().path("items").path(0).path("balanceAfter").decimalValue();
                    BigDecimal quantity = row.path("quantity").decimalValue();
                    rows++;
                    if (balance.compareTo(quantity) != 0) {
                        wrong.add(sku(p) + " " + warehouse + " " + lot + ": on hand " + quantity + ", newest balance " + balance);
                    }
                }
            }
        }
        report(String.format("check over REST: the newest ledger entry's balance equals on hand for %d of %d stock rows of 4 products",
                rows - wrong.size(), rows));
        assertTrue(wrong.toString(), wrong.isEmpty());
    }

    /** Over the stopped database: every balance of this run's products equals the sum of its ledger entries, both ways. */
    private void stockIsTheSumOfTheLedger() throws SQLException {
        long start = System.nanoTime();
        String pattern = "BI-" + RUN + "-%";
        Map<Key, BigDecimal> ledger = new HashMap<>();
        Map<Key, BigDecimal> stock = new HashMap<>();
        long entries = titrate.database(c -> {
            long n = 0;
            try (PreparedStatement q = c.prepareStatement("SELECT SKU, WAREHOUSE_CODE, LOT, STATUS, SUM(QUANTITY), COUNT(*) FROM INV_MOVEMENT"
                    + " WHERE SKU LIKE ? GROUP BY SKU, WAREHOUSE_CODE, LOT, STATUS")) {
                q.setString(1, pattern);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        ledger.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getBigDecimal(5));
                        n += rs.getLong(6);
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT SKU, WAREHOUSE_CODE, LOT, STATUS, QUANTITY FROM INV_STOCK WHERE SKU LIKE ?")) {
                q.setString(1, pattern);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        stock.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), rs.getBigDecimal(5));
                    }
                }
            }
            return n;
        });
        Set<Key> keys = new HashSet<>(ledger.keySet());
        keys.addAll(stock.keySet());
        int mismatches = 0;
        List<String> wrong = new ArrayList<>();
        for (Key k : keys) {
            BigDecimal onHand = stock.getOrDefault(k, BigDecimal.ZERO);
            BigDecimal sum = ledger.getOrDefault(k, BigDecimal.ZERO);
            if (onHand.compareTo(sum) != 0) {
                mismatches++;
                if (wrong.size() < 20) {
                    wrong.add(k + ": INV_STOCK " + (stock.containsKey(k) ? onHand : "no row") + ", ledger " + sum);
                }
            }
        }
        report(String.format("check over SQL: INV_STOCK.QUANTITY equals SUM(INV_MOVEMENT.QUANTITY) for %d of %d balances (product, warehouse,"
                + " lot, status) of this run's products, %d entries summed in %.1f s", keys.size() - mismatches, keys.size(), entries,
                (System.nanoTime() - start) / 1e9));
        assertEquals("balances that differ from their ledger, the first: " + wrong, 0, mismatches);
    }

    // ---- helpers ----

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void report(String line) {
        Benchmarks.report(REPORT, line);
    }
}
