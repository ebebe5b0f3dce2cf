package org.titrate.platform.api;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.Test;

public class ChangesTest {
    record Thing(String id, String name, BigDecimal price, Long version, String changeReason) {
    }

    @Test
    public void listsChangedFieldsAndIgnoresBookkeepingAndScale() {
        Thing before = new Thing("1", "乙醇", new BigDecimal("12.5"), 1L, null);
        assertEquals(List.of(), Changes.fields(before, new Thing("2", "乙醇", new BigDecimal("12.50"), 2L, "why")));
        assertEquals(List.of("name", "price"), Changes.fields(before, new Thing("1", "乙醇 95%", new BigDecimal("13"), 1L, null)));
        assertEquals(List.of("price"), Changes.fields(before, new Thing("1", "乙醇", null, 1L, null)));
    }
}
