package org.titrate.licensing.impl;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.util.Map;
import org.titrate.licensing.api.Licence;

/**
 * The checks a licence file passes before it is put in force: readable and complete ({@link Licence#parse}), signed
 * with Ed25519 by a trusted key of the named id, over exactly the content it shows; and, when it is installed, valid
 * today. Each refusal says which check failed.
 */
final class LicenceVerifier {
    private LicenceVerifier() {
    }

    /** A licence file that failed a check; the message says which. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** Parses and verifies the signature; the dates are not looked at (a licence in force may run out). */
    static Licence verifySignature(byte[] file, Map<String, PublicKey> trusted) {
        Licence licence;
        try {
            licence = Licence.parse(file);
        } catch (IllegalArgumentException e) {
            throw new Refused("licence refused: " + e.getMessage());
        }
        if (!Licence.ED25519.equals(licence.algorithm())) {
            throw new Refused("licence refused: it is signed with '" + licence.algorithm() + "'; only " + Licence.ED25519 + " is accepted");
        }
        PublicKey key = trusted.get(licence.keyId());
        if (key == null) {
            throw new Refused("licence refused: it is signed by key '" + licence.keyId() + "', which this installation does not know"
                    + " (known: " + String.join(", ", new java.util.TreeSet<>(trusted.keySet())) + ")");
        }
        boolean good;
        try {
            Signature verifier = Signature.getInstance(Licence.ED25519);
            verifier.initVerify(key);
            verifier.update(licence.canonicalForm());
            good = licence.signature().length == 64 && verifier.verify(licence.signature());
        } catch (GeneralSecurityException e) {
            good = false;
        }
        if (!good) {
            throw new Refused("licence refused: the signature does not match its content; the file was changed after it was issued"
                    + " or was not issued with key '" + licence.keyId() + "'");
        }
        return licence;
    }

    /** Everything, for installing: the signature, and that the licence is valid on {@code today}. */
    static Licence verify(byte[] file, Map<String, PublicKey> trusted, LocalDate today) {
        Licence licence = verifySignature(file, trusted);
        if (licence.validFrom().isAfter(today)) {
            throw new Refused("licence refused: " + licence.licenceId() + " is not valid yet; it is valid from " + licence.validFrom());
        }
        if (licence.validUntil().isBefore(today)) {
            throw new Refused("licence refused: " + licence.licenceId() + " expired on " + licence.validUntil());
        }
        return licence;
    }
}
