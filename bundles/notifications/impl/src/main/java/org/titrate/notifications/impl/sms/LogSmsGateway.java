package org.titrate.notifications.impl.sms;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.notifications.api.SmsGateway;
import org.titrate.notifications.api.SmsMessage;

/** Writes SMS to the log instead of sending them: for demonstrations and installations without a provider. */
@Component(property = SmsGateway.NAME + "=log")
public class LogSmsGateway implements SmsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(LogSmsGateway.class);

    @Override
    public String send(SmsMessage m) {
        LOG.info("SMS (log only) to {}: template {} {}: {}", m.mobile(), m.templateCode(), m.parameters(), m.text());
        return "log-" + m.messageId();
    }
}
