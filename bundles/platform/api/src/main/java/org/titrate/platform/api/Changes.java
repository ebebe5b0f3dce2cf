package org.titrate.platform.api;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What an update changed, for the audit trail of master data. */
public final class Changes {
    /** Bookkeeping fields every record has; they change with every update and say nothing. */
    public static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy",
            "changeReason");

    private Changes() {
    }

    /**
     * The names of the components whose values differ between two records of the same type, in
     * declaration order; decimals compare by value (12.5 equals 12.50).
     */
    public static <R extends Record> List<String> fields(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            if (BOOKKEEPING.contains(c.getName())) {
                continue;
            }
            try {
                Object a = c.getAccessor().invoke(before);
                Object b = c.getAccessor().invoke(after);
                boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : Objects.equals(a, b);
                if (!same) {
                    changed.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + c.getName(), e);
            }
        }
        return changed;
    }
}
