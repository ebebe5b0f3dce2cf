package org.titrate.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;

public class CheckTest {

    @Test
    public void collectsEveryBadFieldBeforeFailing() {
        Check check = new Check();
        check.text("name", "  ", 10, true);
        check.code("code", "has space", true);
        check.email("email", "nope");
        check.decimal("price", new BigDecimal("-1"), BigDecimal.ZERO, null, 2, true);
        try {
            check.throwIfInvalid();
            fail();
        } catch (ValidationException e) {
            assertEquals(400, e.status());
            assertEquals(List.of("name", "code", "email", "price"), e.errors().stream().map(FieldError::field).toList());
        }
    }

    @Test
    public void countsCharactersNotBytesSoChineseFitsItsLength() {
        Check check = new Check();
        assertEquals("氢氧化钠", check.text("name", " 氢氧化钠 ", 4, true));
        assertNull(check.text("name", "氢氧化钠片碱", 4, true));
        assertEquals("must be at most 4 characters", check.errors().get(0).message());
    }

    @Test
    public void decimalsKeepTheirScaleAndRefuseAbsurdValues() {
        Check check = new Check();
        assertEquals("12.50", check.decimal("p", new BigDecimal("12.5"), BigDecimal.ZERO, Money.MAX, 2, true).toPlainString());
        assertEquals("12.00", check.decimal("p", new BigDecimal("1.2E+1"), BigDecimal.ZERO, Money.MAX, 2, true).toPlainString());
        assertTrue(check.ok());
        assertNull(check.decimal("p", new BigDecimal("0.001"), BigDecimal.ZERO, Money.MAX, 2, true));
        assertNull(check.decimal("p", new BigDecimal("1E+400"), BigDecimal.ZERO, Money.MAX, 2, true));
        assertNull(check.decimal("p", new BigDecimal("1E-999999"), BigDecimal.ZERO, Money.MAX, 2, true));
        assertEquals(3, check.errors().size());
    }

    @Test
    public void currencyDefaultsToCnyAndMustBeIso4217() {
        Check check = new Check();
        assertEquals("CNY", check.currency("currency", null));
        assertEquals("USD", check.currency("currency", "USD"));
        assertNull(check.currency("currency", "XYZ"));
        assertEquals(1, check.errors().size());
    }

    @Test
    public void rejectsControlCharacters() {
        Check check = new Check();
        assertNull(check.text("name", "a\u0000b", 10, true));
        assertEquals("a\nb", check.text("notes", "a\nb", 10, true));
        assertEquals(1, check.errors().size());
    }

    @Test
    public void parsesQueryParameters() {
        Check check = new Check();
        assertEquals(Boolean.TRUE, check.bool("active", "TRUE"));
        assertNull(check.bool("active", "yes"));
        assertEquals(Integer.valueOf(5), check.integer("limit", "5", 1, 500));
        assertNull(check.integer("limit", "five", 1, 500));
        assertEquals(List.of("active", "limit"), check.errors().stream().map(FieldError::field).toList());
    }

    @Test
    public void pageRequestsAreBounded() {
        assertEquals(new PageRequest(0, 50), PageRequest.parse(null, null));
        assertEquals(new PageRequest(10, 500), PageRequest.parse("10", "500"));
        try {
            PageRequest.parse("-1", "501");
            fail();
        } catch (ValidationException e) {
            assertEquals(List.of("offset", "limit"), e.errors().stream().map(FieldError::field).toList());
        }
    }

    @Test
    public void likePatternsEscapeTheUsersWildcards() {
        assertEquals("%50!%%", Texts.containsPattern("50%"));
        assertEquals("%a!_b%", Texts.containsPattern(" A_b "));
        assertEquals("%氢氧化钠%", Texts.containsPattern("氢氧化钠"));
    }
}
