package org.titrate.licensing.api;

import org.osgi.annotation.versioning.ProviderType;

/** Installs a licence while the container runs, and tells which is in force. */
@ProviderType
public interface LicenceService {
    /** The licence in force and every module's standing. */
    LicenceStatus status();

    /**
     * Verifies a licence file and puts it in force at once (written to {@code etc/titrate.licence}). A file that fails
     * any check is refused with a {@link org.titrate.platform.api.ValidationException} on the field {@code licence}
     * saying why; the licence in force stays.
     */
    LicenceStatus install(byte[] file);
}
