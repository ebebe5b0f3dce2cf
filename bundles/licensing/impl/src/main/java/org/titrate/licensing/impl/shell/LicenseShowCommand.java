package org.titrate.licensing.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** The American spelling the public contract names; the same command as {@code licence-show}. */
@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "license-show", description = "Same as titrate:licence-show",
        detailedDescription = "与 titrate:licence-show 相同")
@Service
public class LicenseShowCommand extends LicenceShowCommand {
}
