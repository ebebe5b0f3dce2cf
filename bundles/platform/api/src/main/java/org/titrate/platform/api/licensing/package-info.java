/**
 * Which modules this installation may use: the licensing module provides {@link org.titrate.platform.api.licensing.Entitlements},
 * the platform enforces it where it dispatches a module's REST resources, SOAP operations and shell commands, and
 * modules that book on behalf of others ask it before they do (docs/licensing.md).
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.titrate.platform.api.licensing;
