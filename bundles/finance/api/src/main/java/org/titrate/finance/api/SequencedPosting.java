package org.titrate.finance.api;

/** A ledger entry with the sequence number of its event in the platform's event log: ask again after the highest. */
public record SequencedPosting(long seq, Posting posting) {
}
