package org.titrate.licensing.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;
import org.titrate.licensing.api.Licence;
import org.titrate.platform.api.licensing.Access;
import org.titrate.platform.api.licensing.Entitlement;

public class LicenceVerifierTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final KeyPair PAIR = pair();
    private static final Map<String, PublicKey> TRUSTED = Map.of("test-1", PAIR.getPublic());

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Licence signed(String keyId, Map<String, LocalDate> modules, LocalDate from, LocalDate until) throws Exception {
        Licence unsigned = new Licence("L-2026-0042", "上海华东化工贸易有限公司", TODAY.minusDays(1), from, until, modules, 25, keyId,
                Licence.ED25519, new byte[0]);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(PAIR.getPrivate());
        s.update(unsigned.canonicalForm());
        return unsigned.withSignature(s.sign());
    }

    private static Map<String, LocalDate> modules() {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        m.put("sales", null);
        m.put("finance", LocalDate.of(2027, 6, 30));
        return m;
    }

    private static byte[] file() throws Exception {
        return signed("test-1", modules(), TODAY.minusDays(1), TODAY.plusYears(1)).toFile().getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(byte[] file, String expected) {
        try {
            LicenceVerifier.verify(file, TRUSTED, TODAY);
            fail("accepted a licence that should be refused for: " + expected);
        } catch (LicenceVerifier.Refused e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }

    @Test
    public void aSignedLicenceVerifiesAndKeepsItsChineseLicensee() throws Exception {
        Licence l = LicenceVerifier.verify(file(), TRUSTED, TODAY);
        assertEquals("上海华东化工贸易有限公司", l.licensee());
        assertEquals(LocalDate.of(2027, 6, 30), l.until("finance"));
        assertEquals(TODAY.plusYears(1), l.until("sales"));
        assertNull(l.until("inventory"));
    }

    @Test
    public void reformattingTheFileDoesNotBreakTheSignature() throws Exception {
        String text = new String(file(), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        StringBuilder reformatted = new StringBuilder("\uFEFF# re-saved by an editor\r\n\r\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            reformatted.append("   ").append(lines[i].replace(" = ", "=").replace("finance:2027-06-30, sales", "sales ,  finance:2027-06-30"))
                    .append("  \r\n");
        }
        Licence l = LicenceVerifier.verify(reformatted.toString().getBytes(StandardCharsets.UTF_8), TRUSTED, TODAY);
        assertEquals("L-2026-0042", l.licenceId());
    }

    @Test
    public void aFlippedByteIsRefused() throws Exception {
        String text = new String(file(), StandardCharsets.UTF_8);
        int at = text.indexOf("maxUsers = 25") + "maxUsers = 2".length();
        byte[] f = text.getBytes(StandardCharsets.UTF_8);
        int byteAt = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        assertEquals('5', f[byteAt]);
        f[byteAt] = (byte) '6';
        refused(f, "signature does not match");
    }

    @Test
    public void aChangedModuleListIsRefused() throws Exception {
        String text = new String(file(), StandardCharsets.UTF_8).replace("modules = finance:2027-06-30, sales",
                "modules = finance:2027-06-30, inventory, sales");
        refused(text.getBytes(StandardCharsets.UTF_8), "signature does not match");
    }

    @Test
    public void anUnknownKeyIdIsRefused() throws Exception {
        byte[] f = signed("test-9", modules(), TODAY, TODAY.plusYears(1)).toFile().getBytes(StandardCharsets.UTF_8);
        refused(f, "key 'test-9', which this installation does not know");
    }

    @Test
    public void anotherAlgorithmIsRefused() throws Exception {
        String text = new String(file(), StandardCharsets.UTF_8).replace("algorithm = Ed25519", "algorithm = RSA");
        refused(text.getBytes(StandardCharsets.UTF_8), "only Ed25519 is accepted");
    }

    @Test
    public void aTruncatedFileIsRefused() throws Exception {
        byte[] f = file();
        refused(Arrays.copyOf(f, f.length / 2), "licence refused");
        String text = new String(f, StandardCharsets.UTF_8);
        refused(text.substring(0, text.indexOf("signature =")).getBytes(StandardCharsets.UTF_8), "lacks 'signature'");
    }

    @Test
    public void aHugeFileIsRefusedUnread() throws Exception {
        byte[] f = new byte[10 * 1024 * 1024];
        Arrays.fill(f, (byte) '#');
        refused(f, "larger than");
    }

    @Test
    public void aLicenceNotYetValidOrExpiredIsRefused() throws Exception {
        refused(signed("test-1", modules(), TODAY.plusDays(1), TODAY.plusYears(1)).toFile().getBytes(StandardCharsets.UTF_8), "not valid yet");
        refused(signed("test-1", modules(), TODAY.minusYears(1), TODAY.minusDays(1)).toFile().getBytes(StandardCharsets.UTF_8), "expired");
    }

    @Test
    public void modulesWarnThenServeInGraceThenBecomeReadOnly() throws Exception {
        Map<String, LocalDate> m = new LinkedHashMap<>();
        m.put("sales", null);
        m.put("finance", TODAY.plusDays(10));
        m.put("inventory", TODAY.minusDays(3));
        m.put("purchasing", TODAY.minusDays(20));
        Licence l = signed("test-1", m, TODAY.minusYears(1), TODAY.plusYears(1));
        Standing s = new Standing(l, null, TODAY, 14, 30, null);
        assertEquals(Access.FULL, s.of("sales").access());
        assertNull(s.of("sales").warning());
        Entitlement finance = s.of("finance");
        assertEquals(Access.FULL, finance.access());
        assertTrue(finance.warning(), finance.warning().contains("10 days left"));
        Entitlement inventory = s.of("inventory");
        assertEquals(Access.FULL, inventory.access());
        assertTrue(inventory.warning(), inventory.warning().contains("grace period"));
        assertEquals(Access.READ_ONLY, s.of("purchasing").access());
        assertEquals(Access.NONE, s.of("reporting").access());
        assertEquals(Access.FULL, s.of("customers").access());
        assertEquals(Access.READ_ONLY, new Standing(l, null, TODAY, 2, 30, null).of("inventory").access());
    }

    @Test
    public void theEvaluationCoversEveryModuleUntilItsEnd() {
        Standing s = new Standing(null, TODAY.plusDays(29), TODAY, 14, 30, null);
        assertEquals(Access.FULL, s.of("finance").access());
        assertEquals(TODAY.plusDays(29), s.of("reporting").licensedUntil());
    }

    @Test
    public void aClockTurnedBackIsReportedAndTheLatestTimeUsed() throws Exception {
        Path dir = Files.createTempDirectory("clock");
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        ClockMemory clock = new ClockMemory(dir.resolve("latest-time"));
        assertEquals(t, clock.now(t));
        assertNull(clock.warning(t));
        Instant back = t.minusSeconds(3 * 86400);
        assertNull("an hour back is normal drift", clock.warning(t.minusSeconds(3600)));
        ClockMemory afterRestart = new ClockMemory(dir.resolve("latest-time"));
        assertEquals(t, afterRestart.now(back));
        assertNotNull(afterRestart.warning(back));
    }
}
