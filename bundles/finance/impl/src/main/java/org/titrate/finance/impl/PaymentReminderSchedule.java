package org.titrate.finance.impl;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.jobs.JobRuns;
import org.titrate.platform.api.time.BusinessClock;

/**
 * Raises the payment reminders of the business day on Karaf's scheduler (its whiteboard runs every
 * {@code Runnable} service that carries {@code scheduler.period}). The period is this component's
 * configuration, PID {@code org.titrate.finance.reminders}: the configuration's properties become the
 * service's, and the scheduler reschedules a job whose service properties change, so editing
 * {@code etc/org.titrate.finance.reminders.cfg} takes effect without a restart. The scheduler runs a job
 * after its period and, with {@code scheduler.immediate}, once when it is (re)scheduled, so a container
 * restarted more often than the period still checks.
 */
@Component(service = Runnable.class, configurationPid = PaymentReminderSchedule.PID, property = {
        "scheduler.name=" + PaymentReminderSchedule.JOB,
        "scheduler.period:Long=3600",
        "scheduler.concurrent:Boolean=false",
        "scheduler.immediate:Boolean=true"})
@Designate(ocd = PaymentReminderSchedule.Config.class)
public class PaymentReminderSchedule implements Runnable {
    public static final String PID = "org.titrate.finance.reminders";
    /** The job's name on the scheduler and in {@code titrate:status}. */
    static final String JOB = "titrate-payment-reminders";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReminderSchedule.class);

    @ObjectClassDefinition(name = "Titrate payment reminders", description = "How often finance looks for overdue debts to remind customers of")
    public @interface Config {
        /** {@code scheduler.period}: the name Karaf's scheduler reads from the service. */
        @AttributeDefinition(name = "Period", description = "Seconds between two checks for overdue debts (at least 1)")
        long scheduler_period() default 3600;
    }

    @Reference
    private PaymentReminders reminders;

    @Reference
    private JobRuns runs;

    @Override
    public void run() {
        try (JobRuns.Run run = runs.started(JOB)) {
            try {
                int raised = reminders.raise(BusinessClock.today()).size();
                if (raised > 0) {
                    LOG.info("Raised {} payment reminders", raised);
                }
            } catch (RuntimeException e) {
                // The scheduler would only log it too; the next period tries again.
                run.failed(e);
                LOG.warn("Payment reminders could not be raised; trying again at the next period", e);
            }
        }
    }
}
