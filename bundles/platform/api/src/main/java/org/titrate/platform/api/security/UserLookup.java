package org.titrate.platform.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether a login exists, for modules that refer to users (an employee's optional login), without reaching into
 * the platform's user directory. Implemented by the platform (since 1.1).
 */
@ProviderType
public interface UserLookup {

    /** True when {@code username} is a user of Titrate's realm (enabled or not). */
    boolean exists(String username);
}
