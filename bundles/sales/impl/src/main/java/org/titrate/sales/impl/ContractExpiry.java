package org.titrate.sales.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.Page;
import org.titrate.platform.api.PageRequest;
import org.titrate.platform.api.ProblemException;
import org.titrate.platform.api.jobs.JobRuns;
import org.titrate.platform.api.time.BusinessClock;
import org.titrate.sales.api.Contract;
import org.titrate.sales.api.ContractAction;
import org.titrate.sales.api.ContractQuery;
import org.titrate.sales.api.ContractService;
import org.titrate.sales.api.ContractStatus;

/**
 * Moves active contracts past their last valid day to {@code EXPIRED}, on Karaf's scheduler (every
 * {@code scheduler.period} seconds, PID {@code org.titrate.sales.contracts.expiry}, and once when scheduled, so a
 * container started after midnight catches up at once). Each goes through {@link ContractService#act} like a
 * clerk's expiry, so the history, the version and the event are the same; the actor is {@code system} (the
 * scheduler's thread has no user) and the reason names the last valid day. A contract a user terminated meanwhile
 * is left as it is.
 */
@Component(service = {Runnable.class, ContractExpiry.class}, configurationPid = ContractExpiry.PID, property = {
        "scheduler.name=" + ContractExpiry.JOB,
        "scheduler.period:Long=3600",
        "scheduler.concurrent:Boolean=false",
        "scheduler.immediate:Boolean=true"})
@Designate(ocd = ContractExpiry.Config.class)
public class ContractExpiry implements Runnable {
    public static final String PID = "org.titrate.sales.contracts.expiry";
    /** The job's name on the scheduler and in {@code titrate:status}. */
    public static final String JOB = "titrate-contract-expiry";
    private static final Logger LOG = LoggerFactory.getLogger(ContractExpiry.class);

    @ObjectClassDefinition(name = "Titrate contract expiry", description = "How often active contracts past their last valid day are expired")
    public @interface Config {
        @AttributeDefinition(name = "Period", description = "Seconds between two checks (at least 1)")
        long scheduler_period() default 3600;
    }

    @Reference
    private ContractService contracts;

    @Reference
    private JobRuns runs;

    @Override
    public void run() {
        try (JobRuns.Run run = runs.started(JOB)) {
            try {
                int expired = expireDue(BusinessClock.today());
                if (expired > 0) {
                    LOG.info("Expired {} contracts past their last valid day", expired);
                }
            } catch (RuntimeException e) {
                run.failed(e);
                LOG.warn("Contracts could not be expired; trying again at the next period", e);
            }
        }
    }

    /** Expires the active contracts whose last valid day lies before {@code today}; how many. */
    int expireDue(LocalDate today) {
        // All due numbers first: expiring one takes it out of the ACTIVE pages being read.
        List<Contract> due = new ArrayList<>();
        for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
            Page<Contract> page = contracts.find(new ContractQuery(null, ContractStatus.ACTIVE, null, null, null,
                    new PageRequest(offset, PageRequest.MAX_LIMIT)));
            page.items().stream().filter(c -> c.validUntil().isBefore(today)).forEach(due::add);
            if (page.items().size() < PageRequest.MAX_LIMIT) {
                break;
            }
        }
        int expired = 0;
        for (Contract c : due) {
            try {
                contracts.act(c.number(), ContractAction.EXPIRE, "有效期至 " + c.validUntil() + " 已过 (valid until " + c.validUntil()
                        + " passed)", c.version());
                expired++;
            } catch (ProblemException changed) {
                // Terminated, expired or changed by someone else since it was read: their change stands.
                LOG.debug("Contract {} not expired: {}", c.number(), changed.getMessage());
            }
        }
        return expired;
    }
}
