package org.titrate.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items":[...],"total":123,"offset":0,"limit":50}}. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    /** A page of a list held in memory (users, modules). */
    public static <T> Page<T> of(List<T> all, PageRequest page) {
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(all.size(), from + page.limit());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), page.offset(), page.limit());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, offset, limit);
    }
}
