package org.titrate.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items":[...],"total":123,"offset":0,"limit":50}}. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, offset, limit);
    }
}
