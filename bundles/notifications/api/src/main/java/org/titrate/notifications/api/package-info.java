/** Notifications: what was sent to whom, templates, the staff inbox and the SMS gateway SPI. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.titrate.notifications.api;
