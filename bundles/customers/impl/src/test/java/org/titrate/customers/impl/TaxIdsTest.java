package org.titrate.customers.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Unified social credit codes: length, alphabet and the GB 32100-2015 check character. */
public class TaxIdsTest {

    @Test
    public void validCodesPass() {
        assertEquals(null, TaxIds.problem("91310000607216596U"));
        assertEquals(null, TaxIds.problem("91320500MA1MXY8U22"));
    }

    @Test
    public void aWrongCheckCharacterLengthOrLetterIsNamed() {
        assertTrue(TaxIds.problem("91310000607216596A").contains("check character"));
        assertTrue(TaxIds.problem("9131000060721659").contains("18-character"));
        assertTrue(TaxIds.problem(null).contains("18-character"));
        // I, O, S, V and Z are not used (they look like digits).
        assertTrue(TaxIds.problem("91320500MA1MXY8O22").contains("'O'"));
    }
}
