package org.titrate.finance.impl;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;
import org.titrate.finance.impl.Settling.Item;
import org.titrate.finance.impl.Settling.Match;
import org.titrate.finance.impl.Settling.Result;

public class SettlingTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 10);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 10);

    private static Item item(String id, String number, String open, LocalDate due, String order) {
        return new Item(id, number, new BigDecimal(open), due, order);
    }

    @Test
    public void aReceiptPaysTheOldestDueInvoicesFirst() {
        List<Item> open = List.of(item("i2", "SO-2", "300.00", FEB, "2"), item("i1", "SO-1", "500.00", JAN, "1"));
        Result r = Settling.settle(item("r", "RC-1", "-600.00", JAN, "3"), open, null);
        assertEquals(List.of(new Match("i1", "r", new BigDecimal("500.00")), new Match("i2", "r", new BigDecimal("100.00"))), r.matches());
        assertEquals(new BigDecimal("200.00"), r.changed().get(1).open());
        assertEquals(0, r.remaining().signum());
    }

    @Test
    public void theNamedOrderIsSettledFirstAndAnOverpaymentStaysOpenAsCredit() {
        List<Item> open = List.of(item("i1", "SO-1", "500.00", JAN, "1"), item("i2", "SO-2", "300.00", FEB, "2"));
        Result r = Settling.settle(item("r", "RC-1", "-900.00", FEB, "3"), open, "SO-2");
        assertEquals("i2", r.matches().get(0).debitId());
        assertEquals(new BigDecimal("300.00"), r.matches().get(0).amount());
        assertEquals(new BigDecimal("500.00"), r.matches().get(1).amount());
        assertEquals(new BigDecimal("-100.00"), r.remaining());
    }

    @Test
    public void aCreditNoteLowersItsSourceOrderAndAnInvoiceTakesUpAnOpenCredit() {
        Result credit = Settling.settle(item("c", "RO-1", "-120.00", JAN, "2"),
                List.of(item("i0", "SO-0", "50.00", JAN, "0"), item("i1", "SO-1", "500.00", FEB, "1")), "SO-1");
        assertEquals(new BigDecimal("380.00"), credit.changed().get(0).open());
        assertEquals("i1", credit.changed().get(0).postingId());

        Result invoice = Settling.settle(item("i3", "SO-3", "80.00", FEB, "4"), List.of(item("c9", "RC-9", "-100.00", JAN, "3")), null);
        assertEquals(List.of(new Match("i3", "c9", new BigDecimal("80.00"))), invoice.matches());
        assertEquals(new BigDecimal("-20.00"), invoice.changed().get(0).open());
        assertEquals(0, invoice.remaining().signum());
    }

    @Test
    public void itemsOfTheSameSignAreNeverMatched() {
        Result r = Settling.settle(item("i2", "SO-2", "80.00", FEB, "2"), List.of(item("i1", "SO-1", "100.00", JAN, "1")), "SO-1");
        assertEquals(List.of(), r.matches());
        assertEquals(new BigDecimal("80.00"), r.remaining());
    }

    @Test
    public void theSumOfWhatIsOpenStaysTheBalance() {
        List<Item> open = List.of(item("i1", "SO-1", "500.00", JAN, "1"), item("c1", "RO-1", "-70.00", JAN, "2"),
                item("i2", "SO-2", "33.33", FEB, "3"));
        BigDecimal before = open.stream().map(Item::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        Item fresh = item("r", "RC-1", "-250.55", FEB, "4");
        Result r = Settling.settle(fresh, open, "SO-2");
        BigDecimal after = r.remaining();
        for (Item i : open) {
            after = after.add(r.changed().stream().filter(c -> c.postingId().equals(i.postingId())).findFirst().orElse(i).open());
        }
        assertEquals(before.add(fresh.open()), after);
    }
}
