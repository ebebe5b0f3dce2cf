package org.titrate.notifications.impl.mail;

import java.util.Date;
import java.util.Properties;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.titrate.notifications.api.Delivery;

/**
 * E-mail over SMTP with JavaMail (PID {@value #PID}): UTF-8 subject and HTML body, one connection per message.
 * Until {@code host} is set, e-mails wait in the outbox. The password never appears in logs or errors.
 */
@Component(service = MailChannel.class, configurationPid = MailChannel.PID)
@Designate(ocd = MailChannel.Config.class)
public class MailChannel {
    public static final String PID = "org.titrate.notifications.mail";

    @ObjectClassDefinition(name = "Titrate notifications: e-mail", description = "The SMTP server customers' e-mails go through")
    public @interface Config {
        @AttributeDefinition(name = "Host", description = "SMTP server; empty: e-mails wait in the outbox until it is set")
        String host() default "";

        @AttributeDefinition(name = "Port", description = "25 or 587 (STARTTLS), 465 (SSL)")
        int port() default 25;

        @AttributeDefinition(name = "Security", options = {@Option(label = "none", value = "NONE"), @Option(label = "STARTTLS", value = "STARTTLS"),
                @Option(label = "SSL/TLS", value = "SSL")})
        String security() default "NONE";

        @AttributeDefinition(name = "User", description = "Empty: no authentication")
        String user() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(name = "Sender", description = "The From address")
        String from() default "noreply@localhost";

        @AttributeDefinition(name = "Sender name")
        String fromName() default "Titrate";

        @AttributeDefinition(name = "Timeout", description = "Milliseconds to connect, read or write before an attempt fails")
        int timeoutMillis() default 10000;
    }

    private volatile Config config;

    @Activate
    @Modified
    void configure(Config c) {
        config = c;
    }

    public boolean enabled() {
        return !config.host().isBlank();
    }

    /** Sends the message; returns its Message-ID. */
    public String send(Delivery d) throws MessagingException, java.io.UnsupportedEncodingException {
        Config c = config;
        Properties p = new Properties();
        String protocol = "SSL".equals(c.security()) ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", c.host().strip());
        p.put("mail." + protocol + ".port", String.valueOf(c.port()));
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(c.timeoutMillis()));
        p.put("mail." + protocol + ".timeout", String.valueOf(c.timeoutMillis()));
        p.put("mail." + protocol + ".writetimeout", String.valueOf(c.timeoutMillis()));
        boolean auth = !c.user().isBlank();
        p.put("mail." + protocol + ".auth", String.valueOf(auth));
        if ("STARTTLS".equals(c.security())) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        // JavaMail finds its providers and the text/html handler through the context class loader.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(p);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(c.from().strip(), c.fromName(), "UTF-8"));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(d.recipient(), true));
            m.setSubject(d.subject(), "UTF-8");
            m.setText("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"></head><body>" + d.body() + "</body></html>", "UTF-8", "html");
            m.setHeader("X-Titrate-Notification", d.id());
            m.setSentDate(new Date());
            m.saveChanges();
            try (Transport t = session.getTransport(protocol)) {
                if (auth) {
                    t.connect(c.host().strip(), c.port(), c.user(), c.password());
                } else {
                    t.connect();
                }
                t.sendMessage(m, m.getAllRecipients());
            }
            return m.getMessageID();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
