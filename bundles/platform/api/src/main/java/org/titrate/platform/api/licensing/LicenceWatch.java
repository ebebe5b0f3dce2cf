package org.titrate.platform.api.licensing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A module's view of its own licence for the work it does in the background (posting listeners, followers of the event
 * log, jobs): holds the optional {@link Entitlements} service the component is bound to, answers from its in-memory
 * snapshot, and tells the module's listeners when the licence in force changes, so that work held back while the
 * module was not licensed starts within moments of a licence that turns it on.
 *
 * <p>Use from a DS component with an optional, dynamic, greedy reference whose bind and unbind methods call
 * {@link #bind} and {@link #unbind}.
 */
public final class LicenceWatch {
    private final String module;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Entitlements entitlements;
    private AutoCloseable subscription;

    public LicenceWatch(String module) {
        this.module = module;
    }

    public synchronized void bind(Entitlements e) {
        closeSubscription();
        entitlements = e;
        subscription = e.onChange(this::changed);
        changed();
    }

    public synchronized void unbind(Entitlements e) {
        if (entitlements == e) {
            closeSubscription();
            entitlements = null;
        }
    }

    /** The module's standing now; without the licensing service, a module outside the free core has none. */
    public Entitlement standing() {
        return Entitlements.standing(entitlements, module);
    }

    /** Whether the module may change data now: licensed, not read-only. */
    public boolean writes() {
        return standing().access().writes();
    }

    /** Whether the module may serve reads now (licensed, possibly read-only). */
    public boolean reads() {
        return standing().access().reads();
    }

    /** Calls {@code listener} whenever the licence in force changes; close to stop. */
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private void closeSubscription() {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception ignored) {
            // the licensing module is going away; its listeners go with it
        }
        subscription = null;
    }
}
