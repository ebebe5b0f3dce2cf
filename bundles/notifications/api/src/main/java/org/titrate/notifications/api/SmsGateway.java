package org.titrate.notifications.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An SMS provider. Register implementations as services with the property {@value #NAME}; the one named by
 * {@code gateway} in {@code etc/org.titrate.notifications.sms.cfg} sends.
 */
@ConsumerType
public interface SmsGateway {
    String NAME = "titrate.sms.gateway";

    /**
     * Sends the message; returns the provider's id of the accepted message. Any exception counts as a failed attempt,
     * retried later with back-off.
     */
    String send(SmsMessage message) throws Exception;
}
