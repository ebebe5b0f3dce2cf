/** What the platform knows about the scheduled jobs of the modules: their runs, for {@code titrate:status}. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.titrate.platform.api.jobs;
