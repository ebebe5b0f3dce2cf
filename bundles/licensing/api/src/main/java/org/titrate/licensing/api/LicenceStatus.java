package org.titrate.licensing.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.titrate.platform.api.licensing.Entitlement;

/**
 * The licence in force as {@code GET /licence} and {@code titrate:licence-show} tell it.
 *
 * @param mode {@code EVALUATION} (no licence installed yet: every module until {@code evaluationUntil}) or {@code LICENCE}
 * @param licenceId, licensee, issued, validFrom, validUntil, maxUsers, keyId of the licence in force (null in evaluation)
 * @param evaluationUntil the evaluation's last day; null once a licence is installed
 * @param localKey whether the licence was verified by a key of this installation's {@code etc/} rather than one built in
 * @param modules the standing of every module the licence names, and of the free core
 * @param warnings what an administrator should know
 * @param checkedAt the time the standing was worked out (never earlier than the latest time seen)
 */
public record LicenceStatus(String mode, String licenceId, String licensee, LocalDate issued, LocalDate validFrom,
        LocalDate validUntil, Integer maxUsers, String keyId, LocalDate evaluationUntil, boolean localKey,
        List<Entitlement> modules, List<String> warnings, Instant checkedAt) {
}
