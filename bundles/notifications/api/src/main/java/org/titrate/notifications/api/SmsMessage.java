package org.titrate.notifications.api;

import java.util.Map;

/**
 * What an SMS gateway sends: the provider's pre-registered {@code templateCode} and its named {@code parameters}
 * (providers in China accept no free text); {@code text} is the rendered text, for gateways that only log.
 * {@code messageId} is Titrate's id of the message, stable over retries.
 */
public record SmsMessage(String messageId, String mobile, String templateCode, Map<String, String> parameters, String text) {
}
