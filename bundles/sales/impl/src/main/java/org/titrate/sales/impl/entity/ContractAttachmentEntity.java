package org.titrate.sales.impl.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.titrate.sales.api.ContractAttachment;

/** A contract's stored file; the bytes live under data/ in a file named by this row's generated ID. */
@Entity
@Table(name = "SAL_CONTRACT_ATTACHMENT")
public class ContractAttachmentEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CONTRACT_ID", nullable = false, length = 36)
    private String contractId;

    @Column(name = "FILE_NAME", nullable = false, length = 200)
    private String fileName;

    @Column(name = "CONTENT_TYPE", nullable = false, length = 100)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long size;

    @Column(name = "SHA256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "UPLOADED_AT", nullable = false)
    private Timestamp uploadedAt;

    @Column(name = "UPLOADED_BY", nullable = false, length = 100)
    private String uploadedBy;

    public static ContractAttachmentEntity of(String id, String contractId, String fileName, String contentType, long size,
            String sha256, String user, Instant at) {
        ContractAttachmentEntity e = new ContractAttachmentEntity();
        e.id = id;
        e.contractId = contractId;
        e.fileName = fileName;
        e.contentType = contentType;
        e.size = size;
        e.sha256 = sha256;
        e.uploadedBy = user;
        e.uploadedAt = Timestamp.from(at);
        return e;
    }

    public ContractAttachment toRecord() {
        return new ContractAttachment(id, fileName, contentType, size, sha256, uploadedAt.toInstant(), uploadedBy);
    }

    public String id() {
        return id;
    }

    public String contractId() {
        return contractId;
    }
}
