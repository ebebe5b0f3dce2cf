package org.titrate.notifications.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.notifications.api.Delivery;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.impl.mail.MailChannel;
import org.titrate.notifications.impl.sms.SmsChannel;
import org.titrate.platform.api.jobs.JobRuns;
import org.titrate.platform.api.licensing.Entitlements;
import org.titrate.platform.api.licensing.LicenceWatch;

/**
 * The notifications' periodic work on Karaf's scheduler (PID {@value #PID}): follow the event log into the outbox,
 * then send what is due. A message that fails waits {@code retryBaseSeconds}, twice that after the second failure and
 * so on up to {@code retryMaxSeconds}; after {@code maxAttempts} failures it is given up (an administrator may retry it).
 * Runs one at a time ({@code scheduler.concurrent=false}), so messages are sent in the order of their events.
 */
@Component(service = {Runnable.class, NotificationJobs.class}, configurationPid = NotificationJobs.PID, property = {
        "scheduler.name=" + NotificationJobs.JOB,
        "scheduler.period:Long=2",
        "scheduler.concurrent:Boolean=false",
        "scheduler.immediate:Boolean=true"})
@Designate(ocd = NotificationJobs.Config.class)
public class NotificationJobs implements Runnable {
    public static final String PID = "org.titrate.notifications.delivery";
    /** The job's name on the scheduler and in {@code titrate:status}. */
    static final String JOB = "titrate-notifications";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationJobs.class);

    @ObjectClassDefinition(name = "Titrate notifications: delivery", description = "How often the event log is followed and messages are sent, how failures are retried")
    public @interface Config {
        @AttributeDefinition(name = "Period", description = "Seconds between two rounds of following the log and sending (at least 1)")
        long scheduler_period() default 2;

        @AttributeDefinition(name = "First retry", description = "Seconds to wait after the first failed attempt; doubled after each further one")
        long retryBaseSeconds() default 30;

        @AttributeDefinition(name = "Longest wait", description = "The longest wait between two attempts, in seconds")
        long retryMaxSeconds() default 3600;

        @AttributeDefinition(name = "Attempts", description = "Failed attempts after which a message is given up")
        int maxAttempts() default 10;

        @AttributeDefinition(name = "Batch", description = "Events followed and messages sent per round at most")
        int batchSize() default 200;

        @AttributeDefinition(name = "Public address", description = "The address customers reach this server at; tracking links start with it")
        String publicBaseUrl() default "http://localhost:8181";

        @AttributeDefinition(name = "Staff language", description = "Language of staff inbox messages", options = {
                @org.osgi.service.metatype.annotations.Option(label = "中文", value = "zh-CN"),
                @org.osgi.service.metatype.annotations.Option(label = "English", value = "en")})
        String staffLanguage() default "zh-CN";
    }

    @Reference
    private NotificationStore store;

    @Reference
    private NotificationFollower follower;

    @Reference
    private MailChannel mail;

    @Reference
    private SmsChannel sms;

    @Reference
    private JobRuns runs;

    private final LicenceWatch licence = new LicenceWatch("notifications");
    private volatile Config config;
    /** The sender's clock; tests of the rules replace it. */
    volatile Clock clock = Clock.systemUTC();

    @Activate
    @Modified
    void configure(Config c) {
        config = c;
        store.publicBaseUrl(c.publicBaseUrl());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindEntitlements(Entitlements e) {
        licence.bind(e);
    }

    void unbindEntitlements(Entitlements e) {
        licence.unbind(e);
    }

    /**
     * Follows the log and sends, unless notifications are not licensed (or read-only): then its cursor holds and nothing is
     * sent; the messages for what happened meanwhile are written and sent once a licence turns the module on
     * (docs/licensing.md).
     */
    @Override
    public void run() {
        if (!licence.writes()) {
            return;
        }
        Config c = config;
        try (JobRuns.Run run = runs.started(JOB)) {
            try {
                while (follower.follow(c.batchSize(), c.staffLanguage()) == c.batchSize()) {
                    // a full batch: more may be waiting
                }
            } catch (RuntimeException e) {
                run.failed(e);
                LOG.warn("Following the event log failed; trying again at the next period", e);
            }
            try {
                while (send(c) == c.batchSize()) {
                    // a full batch accepted: a backlog (after an outage) drains at the channels' pace, not one batch per period
                }
            } catch (RuntimeException e) {
                run.failed(e);
                LOG.warn("Sending notifications failed; trying again at the next period", e);
            }
        }
    }

    /** Sends what is due now; returns how many were accepted. */
    int send(Config c) {
        Instant now = clock.instant();
        int accepted = 0;
        // E-mail waits while no SMTP host is configured, without holding up the other channels behind it.
        List<Delivery> due = store.due(now, c.batchSize(), mail.enabled());
        for (Delivery d : due) {
            if (d.channel() == NotificationChannel.SMS) {
                Instant release = sms.quietHours().release(now);
                if (release.isAfter(now)) {
                    store.hold(d.id(), release);
                    continue;
                }
            }
            try {
                String providerId = d.channel() == NotificationChannel.EMAIL ? mail.send(d) : sms.send(d, store.params(d.id()));
                store.sent(d.id(), providerId, clock.instant());
                accepted++;
            } catch (Exception e) {
                int attempts = d.attempts() + 1;
                boolean giveUp = attempts >= c.maxAttempts();
                Instant next = clock.instant().plus(Backoff.after(attempts, Duration.ofSeconds(c.retryBaseSeconds()),
                        Duration.ofSeconds(c.retryMaxSeconds())));
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.info("Notification {} ({} to {}) failed, attempt {}: {}", d.id(), d.channel(), d.recipient(), attempts, error);
                store.failed(d.id(), attempts, giveUp, next, error);
            }
        }
        return accepted;
    }
}
