package org.titrate.sales.api;

import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;
import org.titrate.platform.api.Page;

/**
 * Sales contracts (kept by sales, read by every role). Bad input is a 400 naming the field, an unknown contract a 404,
 * an illegal state change or a stale version a 409. Every change is appended to the platform's event log under
 * {@code org/titrate/sales/contract/<ACTION>}, keyed by the contract number. Since 1.1.
 */
@ProviderType
public interface ContractService {
    String TOPIC_PREFIX = "org/titrate/sales/contract/";
    /** The largest attachment accepted, in bytes (10 MB). */
    long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    Page<Contract> find(ContractQuery query);

    /** By number or id. */
    Contract get(String idOrNumber);

    Contract create(Contract contract);

    /** Replaces a draft's terms and prices; {@code contract.version()} must be the version read. */
    Contract update(String idOrNumber, Contract contract);

    /** {@code ACTIVATE}, {@code EXPIRE} or {@code TERMINATE}; a termination needs the reason. */
    Contract act(String idOrNumber, ContractAction action, String reason, Long version);

    ContractProgress progress(String idOrNumber);

    /**
     * Stores a signed scan read from {@code content} (closed by the caller); its type is taken from its first bytes
     * (PDF, PNG, JPEG), anything else or more than {@link #MAX_ATTACHMENT_BYTES} is a 400 naming {@code file}.
     */
    ContractAttachment attach(String idOrNumber, String fileName, InputStream content);

    /** The attachment's description and a stream of its bytes, for the caller to close. */
    Download download(String idOrNumber, String attachmentId);

    /** An attachment and its content. */
    record Download(ContractAttachment attachment, InputStream content) {
    }
}
