/** The licence document and the service that installs and shows the licence in force (docs/licensing.md). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.titrate.licensing.api;
