package org.titrate.inventory.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;
import org.titrate.inventory.api.StockStatus;
import org.titrate.inventory.impl.StockBook.Key;
import org.titrate.inventory.impl.StockBook.Move;
import org.titrate.platform.api.ConflictException;
import org.titrate.platform.api.ValidationException;

/** Quantities, lots and expiry: first-expiry-first-out, no negative stock unless allowed, counts. */
public class StockBookTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final String SKU = "NAOH-25";
    private static final String WH = "WH1";

    private static BigDecimal q(String v) {
        return new BigDecimal(v);
    }

    private static Key available(String lot) {
        return new Key(SKU, WH, lot, StockStatus.AVAILABLE);
    }

    /** Three lots: one expired, one expiring soon, one later; loaded out of order. */
    private static StockBook threeLots() {
        StockBook book = new StockBook(TODAY);
        book.load(available("LATE"), q("30"), TODAY.plusDays(300));
        book.load(available("OLD"), q("5"), TODAY.minusDays(1));
        book.load(available("SOON"), q("10"), TODAY.plusDays(10));
        return book;
    }

    @Test
    public void issuesFirstExpiryFirstOutAndNeverChoosesAnExpiredLot() {
        StockBook book = threeLots();
        List<Move> moves = book.take(1, "lines[0]", SKU, WH, null, true, StockStatus.AVAILABLE, q("25"), false, true);
        assertEquals(2, moves.size());
        assertEquals("SOON", moves.get(0).key().lot());
        assertEquals(0, q("-10").compareTo(moves.get(0).quantity()));
        assertEquals(0, BigDecimal.ZERO.compareTo(moves.get(0).balanceAfter()));
        assertEquals("LATE", moves.get(1).key().lot());
        assertEquals(0, q("-15").compareTo(moves.get(1).quantity()));
        assertEquals(0, q("15").compareTo(book.balance(available("LATE"))));
        assertEquals(0, q("5").compareTo(book.balance(available("OLD"))));
    }

    @Test
    public void refusesAShortageNamingTheFieldAndTheExpiredRemainder() {
        StockBook book = threeLots();
        try {
            book.take(2, "lines[1]", SKU, WH, null, true, StockStatus.AVAILABLE, q("41"), false, true);
            fail("41 taken from 40 usable");
        } catch (ConflictException e) {
            assertEquals("lines[1].quantity", e.errors().get(0).field());
            assertTrue(e.getMessage(), e.getMessage().contains("41 wanted, 40 available"));
            assertTrue(e.getMessage(), e.getMessage().contains("5 more in expired lots"));
        }
        assertTrue("a refusal moves nothing", book.moves().isEmpty());
        assertEquals(0, q("10").compareTo(book.balance(available("SOON"))));
    }

    @Test
    public void owesTheRemainderWithoutALotOnlyWhereNegativeStockIsAllowed() {
        StockBook book = threeLots();
        List<Move> moves = book.take(1, "lines[0]", SKU, WH, null, true, StockStatus.AVAILABLE, q("50"), true, true);
        assertEquals(3, moves.size());
        assertEquals(StockBook.NO_LOT, moves.get(2).key().lot());
        assertEquals(0, q("-10").compareTo(book.balance(available(null))));
    }

    @Test
    public void quarantineIsNeverOwedEvenWhereNegativeStockIsAllowed() {
        StockBook book = new StockBook(TODAY);
        book.load(new Key(SKU, WH, "R1", StockStatus.QUARANTINE), q("2"), null);
        try {
            book.take(1, "lines[0]", SKU, WH, "R1", false, StockStatus.QUARANTINE, q("3"), true, false);
            fail("released more than was quarantined");
        } catch (ConflictException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("3 wanted, 2 in quarantine"));
        }
    }

    @Test
    public void aNamedExpiredLotIsNotShippedButMayBeIssued() {
        StockBook book = threeLots();
        try {
            book.take(1, "lines[0]", SKU, WH, "OLD", true, StockStatus.AVAILABLE, q("1"), false, true);
            fail("expired lot shipped");
        } catch (ConflictException e) {
            assertEquals("lines[0].lot", e.errors().get(0).field());
        }
        List<Move> disposal = book.take(1, "lines[0]", SKU, WH, "OLD", true, StockStatus.AVAILABLE, q("5"), false, false);
        assertEquals(0, BigDecimal.ZERO.compareTo(disposal.get(0).balanceAfter()));
    }

    @Test
    public void aLotKeepsTheExpiryItWasFirstBookedWith() {
        StockBook book = new StockBook(TODAY);
        book.loadLot(SKU, "A", TODAY.plusDays(100));
        Move again = book.add(1, "lines[0]", SKU, "WH2", "A", StockStatus.AVAILABLE, q("4"), null);
        assertEquals(TODAY.plusDays(100), again.expiryDate());
        try {
            book.add(2, "lines[1]", SKU, "WH2", "A", StockStatus.AVAILABLE, q("4"), TODAY.plusDays(99));
            fail("a second expiry for one lot");
        } catch (ValidationException e) {
            assertEquals("lines[1].expiryDate", e.errors().get(0).field());
        }
        Move fresh = book.add(3, "lines[2]", SKU, WH, "B", StockStatus.AVAILABLE, q("1"), null, TODAY.plusDays(730));
        assertEquals(TODAY.plusDays(730), fresh.expiryDate());
        assertEquals(TODAY.plusDays(730), book.newLots().get(new StockBook.LotKey(SKU, "B")));
        assertTrue(!book.newLots().containsKey(new StockBook.LotKey(SKU, "A")));
    }

    @Test
    public void aLotBookedWithoutExpiryIsDatedByTheFirstPostingThatKnowsIt() {
        StockBook book = new StockBook(TODAY);
        book.load(new Key(SKU, WH, "RET", StockStatus.QUARANTINE), q("1"), null);
        Move dated = book.add(1, "lines[0]", SKU, "WH2", "RET", StockStatus.AVAILABLE, q("5"), TODAY.plusDays(40));
        assertEquals(TODAY.plusDays(40), dated.expiryDate());
        assertEquals(TODAY.plusDays(40), book.datedLots().get(new StockBook.LotKey(SKU, "RET")));
        assertEquals(TODAY.plusDays(40), book.expiryOf(new Key(SKU, WH, "RET", StockStatus.QUARANTINE)));
        try {
            book.add(2, "lines[1]", SKU, WH, "RET", StockStatus.AVAILABLE, q("1"), TODAY.plusDays(41));
            fail("a dated lot took a second date");
        } catch (ValidationException e) {
            assertEquals("lines[1].expiryDate", e.errors().get(0).field());
        }
    }

    @Test
    public void noBalanceGrowsBeyondWhatTheBooksHold() {
        StockBook book = new StockBook(TODAY);
        book.load(available(null), StockBook.LIMIT, null);
        try {
            book.add(3, "lines[2]", SKU, WH, null, StockStatus.AVAILABLE, q("0.001"), null);
            fail("overflowed");
        } catch (ValidationException e) {
            assertEquals("lines[2].quantity", e.errors().get(0).field());
        }
    }

    @Test
    public void aCountBooksTheDifferenceEitherWay() {
        StockBook book = threeLots();
        assertEquals(0, q("-3").compareTo(book.count(1, "lines[0]", SKU, WH, "SOON", true, q("7"), null, null)));
        assertEquals(0, q("2").compareTo(book.count(2, "lines[1]", SKU, WH, "LATE", true, q("32"), null, null)));
        assertEquals(0, BigDecimal.ZERO.compareTo(book.count(3, "lines[2]", SKU, WH, "OLD", true, q("5"), null, null)));
        assertEquals(2, book.moves().size());
        assertEquals(0, q("7").compareTo(book.changed().get(available("SOON"))));
        assertEquals(0, q("32").compareTo(book.changed().get(available("LATE"))));
    }

    @Test
    public void balancesAfterFollowEachOtherWithinOnePosting() {
        StockBook book = new StockBook(TODAY);
        book.add(1, "lines[0]", "NA2CO3-40", WH, null, StockStatus.AVAILABLE, q("10"), null);
        book.take(2, "lines[1]", "NA2CO3-40", WH, null, false, StockStatus.AVAILABLE, q("4"), false, false);
        book.take(3, "lines[2]", "NA2CO3-40", WH, null, false, StockStatus.AVAILABLE, q("6"), false, false);
        List<Move> moves = book.moves();
        assertEquals(List.of(q("10"), q("6"), q("0")), moves.stream().map(Move::balanceAfter).toList());
        try {
            book.take(4, "lines[3]", "NA2CO3-40", WH, null, false, StockStatus.AVAILABLE, q("0.001"), false, false);
            fail("took from nothing");
        } catch (ConflictException expected) {
            assertEquals(3, book.moves().size());
        }
    }

    /** Issue 11, item 2: stock owed without a lot after an over-issue. */
    private static StockBook owingThreeWithoutALot() {
        StockBook book = new StockBook(TODAY);
        book.load(available("NH1"), q("5"), TODAY.plusDays(300));
        book.take(1, "lines[0]", SKU, WH, null, true, StockStatus.AVAILABLE, q("8"), true, false);
        assertEquals(0, q("-3").compareTo(book.balance(available(null))));
        return book;
    }

    @Test
    public void aCountWithoutALotSettlesWhatALotTrackedProductOwes() {
        StockBook book = owingThreeWithoutALot();
        assertEquals(0, q("3").compareTo(book.count(2, "lines[0]", SKU, WH, null, true, q("0"), null, null)));
        assertEquals(0, BigDecimal.ZERO.compareTo(book.balance(available(null))));
        assertEquals(0, BigDecimal.ZERO.compareTo(book.balance(available("NH1"))));
        assertTrue("no lot is made up", book.newLots().isEmpty());
    }

    @Test
    public void aCountWithoutALotNeverPutsLotTrackedGoodsIntoStock() {
        StockBook book = owingThreeWithoutALot();
        try {
            book.count(2, "lines[1]", SKU, WH, null, true, q("1"), null, null);
            fail("lot-tracked goods counted into stock without a lot");
        } catch (ConflictException e) {
            assertEquals("lines[1].lot", e.errors().get(0).field());
        }
        book.load(new Key(SKU, "WH2", null, StockStatus.AVAILABLE), q("4"), null);
        assertEquals(0, q("-1").compareTo(book.count(3, "lines[2]", SKU, "WH2", null, true, q("3"), null, null)));
        try {
            book.count(4, "lines[3]", SKU, "WH2", null, true, q("4"), null, null);
            fail("counted up beyond what was booked without a lot");
        } catch (ConflictException expected) {
            assertEquals(0, q("3").compareTo(book.balance(new Key(SKU, "WH2", null, StockStatus.AVAILABLE))));
        }
    }

    @Test
    public void aReceiptSettlesWhatIsOwedWithoutALotFirst() {
        StockBook book = owingThreeWithoutALot();
        List<Move> moves = book.receive(2, "lines[0]", SKU, WH, "NH2", q("10"), TODAY.plusDays(700), null);
        assertEquals(2, moves.size());
        assertEquals(StockBook.NO_LOT, moves.get(0).key().lot());
        assertEquals(0, q("3").compareTo(moves.get(0).quantity()));
        assertEquals(0, BigDecimal.ZERO.compareTo(moves.get(0).balanceAfter()));
        assertEquals("NH2", moves.get(1).key().lot());
        assertEquals(0, q("7").compareTo(moves.get(1).balanceAfter()));
        assertEquals(TODAY.plusDays(700), book.newLots().get(new StockBook.LotKey(SKU, "NH2")));
    }

    @Test
    public void aSmallReceiptOnlyPaysPartOfTheDebtAndStillRegistersItsLot() {
        StockBook book = owingThreeWithoutALot();
        List<Move> moves = book.receive(2, "lines[0]", SKU, WH, "NH3", q("2"), null, TODAY.plusDays(730));
        assertEquals(1, moves.size());
        assertEquals(0, q("-1").compareTo(book.balance(available(null))));
        assertEquals(0, BigDecimal.ZERO.compareTo(book.balance(available("NH3"))));
        assertEquals(TODAY.plusDays(730), book.newLots().get(new StockBook.LotKey(SKU, "NH3")));
        List<Move> plain = new StockBook(TODAY).receive(1, "lines[0]", SKU, WH, "NH4", q("2"), null, null);
        assertEquals("nothing owed: all into the lot", "NH4", plain.get(0).key().lot());
    }
}
