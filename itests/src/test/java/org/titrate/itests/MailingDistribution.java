package org.titrate.itests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.After;

/**
 * For the notification tests that run the packaged distribution as its own process: the distribution, set up (as an
 * administrator edits {@code etc/}) to mail through GreenMail on a local port of this JVM, with a one-second round and fast
 * retries; the SMTP server is started when the test says so.
 */
abstract class MailingDistribution {
    protected static final String RUN = TitrateTestSupport.RUN;
    protected DistributionProcess titrate;
    protected GreenMail smtp;
    protected int smtpPort;

    @After
    public void stopBoth() throws Exception {
        if (titrate != null) {
            titrate.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** Unpacks the distribution and points its mail settings at the (not yet started) local SMTP server. */
    protected void unpack(String name, String password) throws Exception {
        titrate = new DistributionProcess(name, password);
        smtpPort = TitrateTestSupport.freePort();
        String mail = "etc/org.titrate.notifications.mail.cfg";
        titrate.set(mail, "host", "localhost");
        titrate.set(mail, "port", String.valueOf(smtpPort));
        titrate.set(mail, "from", "service@titrate.example");
        String delivery = "etc/org.titrate.notifications.delivery.cfg";
        titrate.set(delivery, "scheduler.period", "1");
        titrate.set(delivery, "retryBaseSeconds", "1");
        titrate.set(delivery, "retryMaxSeconds", "2");
        titrate.set(delivery, "maxAttempts", "1000");
    }

    /** A fresh, empty SMTP server on the port the distribution mails to (the previous one stopped). */
    protected void startSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    protected static void ok(int status, TitrateTestSupport.Reply r) {
        org.junit.Assert.assertEquals(r.body(), status, r.status());
    }
}
