package org.titrate.sales.api;

import java.time.Instant;

/**
 * A stored file of a contract (the signed scan): PDF, PNG or JPEG, as its content showed, at most 10 MB. The file
 * name is the client's, kept for display and download only. Since 1.1.
 */
public record ContractAttachment(String id, String fileName, String contentType, long size, String sha256, Instant uploadedAt,
        String uploadedBy) {
}
