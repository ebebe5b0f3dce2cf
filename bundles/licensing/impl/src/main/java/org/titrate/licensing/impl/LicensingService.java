package org.titrate.licensing.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.licensing.api.Licence;
import org.titrate.licensing.api.LicenceService;
import org.titrate.licensing.api.LicenceStatus;
import org.titrate.platform.api.ValidationException;
import org.titrate.platform.api.licensing.Entitlement;
import org.titrate.platform.api.licensing.Entitlements;

/**
 * The licence in force. Installed through {@link #install} (REST, shell) or by a file saved at
 * {@code etc/titrate.licence} (looked at every two seconds); every file passes {@link LicenceVerifier} first, and a
 * refused one leaves the licence in force as it was. The accepted licence is also kept in {@code data/licensing/}, so
 * a broken or deleted {@code etc} file never loses it. Without any licence yet the installation runs in evaluation:
 * every module for {@code evaluationDays} from its first start (docs/licensing.md).
 *
 * <p>The modules' standing is a snapshot in memory, made again when a licence or the settings change and once a
 * minute (the day may have changed): {@link #entitlement} costs a map look-up.
 */
@Component(service = {Entitlements.class, LicenceService.class}, immediate = true, configurationPid = LicensingService.PID)
@Designate(ocd = LicensingService.Config.class)
public class LicensingService implements Entitlements, LicenceService {
    public static final String PID = "org.titrate.licensing";
    static final String LICENCE_FILE = "titrate.licence";
    private static final Logger LOG = LoggerFactory.getLogger(LicensingService.class);

    @ObjectClassDefinition(name = "Titrate licensing", description = "How licences end: warnings, grace period, evaluation")
    public @interface Config {
        @AttributeDefinition(description = "Days after a module's licence ends during which it still serves in full (with a"
                + " warning); afterwards it is read-only: reads work, changes are refused")
        int graceDays() default 14;

        @AttributeDefinition(description = "Days before a module's licence ends from which /modules, the shell and the log warn")
        int warningDays() default 30;

        @AttributeDefinition(description = "Days from the first start during which an installation without a licence may use"
                + " every module (evaluation)")
        int evaluationDays() default 30;
    }

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Map<String, PublicKey> builtInKeys = Map.of();
    private Path etc;
    private Path data;
    private ClockMemory clock;
    private ScheduledExecutorService timer;
    private volatile Config config;

    /** The licence in force; null in evaluation. */
    private volatile Licence licence;
    private volatile boolean localKey;
    private volatile LocalDate evaluationUntil;
    /** The snapshot every request reads. */
    private volatile Snapshot snapshot = new Snapshot(Map.of(), null, null, Instant.EPOCH);
    private long etcFileStamp = -1;

    /** {@code others}: the standing of modules the licence does not name (all of them in evaluation), worked out once each. */
    private record Snapshot(Map<String, Entitlement> named, Standing standing, String clockWarning, Instant at,
            Map<String, Entitlement> others) {
        Snapshot(Map<String, Entitlement> named, Standing standing, String clockWarning, Instant at) {
            this(named, standing, clockWarning, at, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    @Activate
    void activate(BundleContext context, Config settings) {
        config = settings;
        builtInKeys = TrustedKeys.builtIn(context.getBundle());
        etc = Path.of(System.getProperty("karaf.etc", "etc"));
        data = Path.of(System.getProperty("karaf.data", "data"), "licensing");
        clock = new ClockMemory(data.resolve("latest-time"));
        loadKept();
        refresh();
        watchEtcFile();
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "titrate-licensing"));
        timer.scheduleWithFixedDelay(this::watchEtcFile, 2, 2, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::refresh, 60, 60, TimeUnit.SECONDS);
        LOG.info("Licence keys built in: {}{}", builtInKeys.keySet(),
                localKeysAllowed() ? "; keys in etc/" + TrustedKeys.LOCAL_KEYS_DIR + " are trusted too" : "");
    }

    @Modified
    void modified(Config settings) {
        config = settings;
        refresh();
    }

    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    // ---- Entitlements: from the snapshot only

    @Override
    public Entitlement entitlement(String module) {
        Snapshot s = snapshot;
        Entitlement e = s.named().get(module);
        if (e != null) {
            return e;
        }
        return s.standing() == null ? Entitlements.standing(null, module) : s.others().computeIfAbsent(module, s.standing()::of);
    }

    @Override
    public OptionalInt maxUsers() {
        Licence l = licence;
        return l == null ? OptionalInt.empty() : OptionalInt.of(l.maxUsers());
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- LicenceService

    @Override
    public LicenceStatus status() {
        Snapshot s = snapshot;
        Licence l = licence;
        Map<String, Entitlement> modules = new TreeMap<>(s.named());
        Entitlements.FREE.forEach(m -> modules.putIfAbsent(m, Entitlement.free(m)));
        List<String> warnings = new ArrayList<>();
        if (l == null) {
            warnings.add("no licence installed: evaluation of every module until " + evaluationUntil);
        }
        if (localKey) {
            warnings.add("the licence is verified by a key of this installation's etc/" + TrustedKeys.LOCAL_KEYS_DIR
                    + ", not by a key built into Titrate");
        }
        if (s.clockWarning() != null) {
            warnings.add(s.clockWarning());
        }
        modules.values().stream().filter(e -> e.warning() != null && !e.warning().equals(s.clockWarning()))
                .forEach(e -> warnings.add(e.warning()));
        return l == null
                ? new LicenceStatus("EVALUATION", null, null, null, null, null, null, null, evaluationUntil, false,
                        List.copyOf(modules.values()), warnings, s.at())
                : new LicenceStatus("LICENCE", l.licenceId(), l.licensee(), l.issued(), l.validFrom(), l.validUntil(), l.maxUsers(),
                        l.keyId(), null, localKey, List.copyOf(modules.values()), warnings, s.at());
    }

    @Override
    public LicenceStatus install(byte[] file) {
        try {
            accept(file, "installed by " + org.titrate.platform.api.security.CurrentUser.name());
        } catch (LicenceVerifier.Refused e) {
            LOG.info("{}", e.getMessage());
            throw new ValidationException("licence", e.getMessage());
        }
        try {
            writeAtomically(etc.resolve(LICENCE_FILE), file);
            synchronized (this) {
                etcFileStamp = stamp(etc.resolve(LICENCE_FILE));
            }
        } catch (IOException e) {
            LOG.warn("The licence is in force but could not be written to {}: {}", etc.resolve(LICENCE_FILE), e.getMessage());
        }
        return status();
    }

    // ---- the work

    /** Verifies a file fully and puts it in force; refused files change nothing. */
    private synchronized void accept(byte[] file, String how) {
        Map<String, PublicKey> keys = trustedKeys();
        Licence candidate = LicenceVerifier.verify(file, keys, today(now()));
        if (candidate.equals(licence)) {
            return;
        }
        try {
            writeAtomically(data.resolve("licence"), file);
        } catch (IOException e) {
            LOG.warn("The licence could not be kept in {}: {}", data, e.getMessage());
        }
        licence = candidate;
        localKey = !builtInKeys.containsKey(candidate.keyId());
        LOG.info("Licence {} for {} {} is in force: modules {}, up to {} users, valid until {}", candidate.licenceId(),
                candidate.licensee(), how, candidate.modules().keySet(), candidate.maxUsers(), candidate.validUntil());
        refresh();
    }

    /** At start: the licence accepted last time (its signature checked again), or the evaluation. */
    private void loadKept() {
        Path kept = data.resolve("licence");
        if (Files.exists(kept)) {
            try {
                Licence l = LicenceVerifier.verifySignature(Files.readAllBytes(kept), trustedKeys());
                licence = l;
                localKey = !builtInKeys.containsKey(l.keyId());
                return;
            } catch (IOException | LicenceVerifier.Refused e) {
                LOG.error("The licence kept in {} no longer verifies: {}", kept, e.getMessage());
            }
        }
        Path started = data.resolve("evaluation-start");
        LocalDate first;
        try {
            if (Files.exists(started)) {
                first = LocalDate.parse(Files.readString(started, StandardCharsets.UTF_8).strip());
            } else {
                first = today(now());
                writeAtomically(started, first.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | java.time.format.DateTimeParseException e) {
            first = today(now());
        }
        evaluationUntil = first.plusDays(Math.max(0, config.evaluationDays()) - 1L);
    }

    /** Takes a changed {@code etc/titrate.licence} as an installation attempt. */
    private void watchEtcFile() {
        try {
            Path file = etc.resolve(LICENCE_FILE);
            long stamp = stamp(file);
            synchronized (this) {
                if (stamp == etcFileStamp) {
                    return;
                }
                etcFileStamp = stamp;
            }
            if (stamp == 0) {
                return;
            }
            byte[] content = readLimited(file);
            try {
                accept(content, "from " + file);
            } catch (LicenceVerifier.Refused e) {
                LOG.error("{} ({}); the licence in force stays", e.getMessage(), file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the licence file: {}", e.getMessage());
        }
    }

    /** Makes the snapshot again and tells the listeners if any module's standing changed. */
    synchronized void refresh() {
        Instant system = Instant.now();
        Instant now = clock.now(system);
        String clockWarning = clock.warning(system);
        Config c = config;
        Standing standing = new Standing(licence, licence == null ? evaluationUntil : null, today(now), Math.max(0, c.graceDays()),
                Math.max(0, c.warningDays()), clockWarning);
        Snapshot before = snapshot;
        Snapshot after = new Snapshot(Map.copyOf(standing.named()), standing, clockWarning, now);
        snapshot = after;
        if (!after.named().equals(before.named()) || before.standing() == null || !java.util.Objects.equals(before.clockWarning(), clockWarning)) {
            logWarnings(after);
            listeners.forEach(l -> {
                try {
                    l.run();
                } catch (RuntimeException e) {
                    LOG.warn("A licence listener failed", e);
                }
            });
        }
    }

    private void logWarnings(Snapshot s) {
        if (licence == null) {
            LOG.info("No licence installed: evaluation of every module until {}", evaluationUntil);
        }
        if (s.clockWarning() != null) {
            LOG.warn("Licence check: {}", s.clockWarning());
        }
        s.named().values().stream().filter(e -> e.warning() != null).forEach(e -> LOG.warn("Licence: {}", e.warning()));
    }

    private Map<String, PublicKey> trustedKeys() {
        if (!localKeysAllowed()) {
            return builtInKeys;
        }
        Map<String, PublicKey> all = new HashMap<>(TrustedKeys.local(etc));
        all.putAll(builtInKeys);
        return all;
    }

    private static boolean localKeysAllowed() {
        return Boolean.parseBoolean(System.getProperty(TrustedKeys.LOCAL_KEYS_PROPERTY, "false"));
    }

    private Instant now() {
        return clock.now(Instant.now());
    }

    /** Licences are dated in the vendor's time zone, China's: a licence day is the same everywhere. */
    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
    }

    private static long stamp(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
    }

    /** Reads at most one byte more than a licence may have, so a huge file is refused without reading it. */
    static byte[] readLimited(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(Licence.MAX_BYTES + 1);
            return bytes.length > Licence.MAX_BYTES ? Arrays.copyOf(bytes, Licence.MAX_BYTES + 1) : bytes;
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
