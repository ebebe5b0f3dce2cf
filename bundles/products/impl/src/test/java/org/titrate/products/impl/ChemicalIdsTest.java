package org.titrate.products.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ChemicalIdsTest {

    @Test
    public void acceptsRealCasNumbers() {
        for (String cas : new String[] {"1310-73-2", "7647-01-0", "7664-93-9", "64-17-5", "67-64-1", "7722-84-1",
                "108-88-3", "7732-18-5", "5949-29-1", "1336-21-6"}) {
            assertTrue(cas, ChemicalIds.isValidCas(cas));
        }
    }

    @Test
    public void rejectsWrongCheckDigitsAndShapes() {
        assertFalse(ChemicalIds.isValidCas("1310-73-3"));
        assertFalse(ChemicalIds.isValidCas("7732-18-4"));
        assertFalse(ChemicalIds.isValidCas("1310732"));
        assertFalse(ChemicalIds.isValidCas("1-73-2"));
        assertFalse(ChemicalIds.isValidCas("12345678-73-2"));
        assertFalse(ChemicalIds.isValidCas("1310-7a-2"));
    }

    @Test
    public void normalisesUnNumbers() {
        assertEquals("UN1823", ChemicalIds.normalizeUn("UN1823"));
        assertEquals("UN1823", ChemicalIds.normalizeUn("un 1823"));
        assertEquals("UN1170", ChemicalIds.normalizeUn(" 1170 "));
        assertNull(ChemicalIds.normalizeUn("UN182"));
        assertNull(ChemicalIds.normalizeUn("UN0000"));
        assertNull(ChemicalIds.normalizeUn("NA1993"));
    }

    @Test
    public void knowsTheHazardClasses() {
        assertTrue(ChemicalIds.HAZARD_CLASSES.contains("6.1"));
        assertTrue(ChemicalIds.HAZARD_CLASSES.contains("8"));
        assertFalse(ChemicalIds.HAZARD_CLASSES.contains("10"));
        assertFalse(ChemicalIds.HAZARD_CLASSES.contains("3.1"));
    }
}
