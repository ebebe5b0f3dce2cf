package org.titrate.platform.api.soap;

import org.titrate.platform.api.ValidationException;

/**
 * The parameters of a SOAP feed by sequence ({@code listPostingsAfter(afterSeq, limit)}, {@code listOrdersAfter(afterSeq,
 * limit)}): where in the platform's event log to continue, and how much one page holds.
 */
public final class SoapFeeds {
    private SoapFeeds() {
    }

    /** {@code afterSeq} as sent: required, 0 (the start of the log) or more. */
    public static long afterSeq(Long afterSeq) {
        if (afterSeq == null || afterSeq < 0) {
            throw new ValidationException("afterSeq", "is required: a sequence number, 0 or more");
        }
        return afterSeq;
    }

    /** What one page holds: {@code limit} when sent (1 or more), never more than the feed's {@code cap}; the cap when not sent. */
    public static int pageSize(Integer limit, int cap) {
        if (limit != null && limit < 1) {
            throw new ValidationException("limit", "must be 1 or more (a page holds at most " + cap + ")");
        }
        return limit == null ? cap : Math.min(limit, cap);
    }
}
