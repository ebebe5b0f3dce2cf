package org.titrate.platform.impl.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per account and per client address over a sliding window. Once either has failed
 * too often within the window, logins for it are refused until its oldest counted failure has left
 * the window: the lock lifts by itself, and attempts made while locked do not prolong it.
 */
public final class LoginThrottle {
    /** How many failures within how long lock an account or an address. */
    public record Limits(int perAccount, int perAddress, long windowMillis) {
    }

    private volatile Limits limits;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Limits limits) {
        this.limits = limits;
    }

    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** Milliseconds until the account or the address may try again; 0 when it may now. */
    public long lockedFor(String username, String address, long now) {
        Limits l = limits;
        return Math.max(lockedFor(accountKey(username), l.perAccount(), l, now), lockedFor(addressKey(address), l.perAddress(), l, now));
    }

    public void failed(String username, String address, long now) {
        record(accountKey(username), now);
        record(addressKey(address), now);
        if (failures.size() > 50_000) {
            forgetExpired(now);
        }
    }

    /** A successful login clears its account's count; the address keeps its own, a guesser may sign in with one account it owns. */
    public void succeeded(String username) {
        String key = accountKey(username);
        if (key != null) {
            failures.remove(key);
        }
    }

    private long lockedFor(String key, int max, Limits l, long now) {
        if (key == null || max <= 0) {
            return 0;
        }
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, l.windowMillis(), now);
            if (times.size() < max) {
                return 0;
            }
            // Locked until enough failures have aged out that fewer than max remain.
            Long[] ordered = times.toArray(new Long[0]);
            return Math.max(1, ordered[times.size() - max] + l.windowMillis() - now);
        }
    }

    private void record(String key, long now) {
        if (key == null) {
            return;
        }
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, limits.windowMillis(), now);
            times.addLast(now);
            int keep = Math.max(limits.perAccount(), limits.perAddress()) + 1;
            while (times.size() > keep) {
                times.removeFirst();
            }
        }
    }

    private static void prune(Deque<Long> times, long window, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - window) {
            times.removeFirst();
        }
    }

    private void forgetExpired(long now) {
        long window = limits.windowMillis();
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), window, now);
                return e.getValue().isEmpty();
            }
        });
    }

    /** User names are compared without case, as the user directory refuses names that differ only in case. */
    private static String accountKey(String username) {
        return username == null || username.isBlank() ? null : "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }

    /**
     * The host part of what Karaf's login paths record as the client: SSH gives {@code /10.1.2.3:52144},
     * JMX a bare host, Titrate's HTTP paths the remote address.
     */
    public static String host(String clientAddress) {
        if (clientAddress == null) {
            return null;
        }
        String a = clientAddress.strip();
        if (a.startsWith("/")) {
            a = a.substring(1);
        }
        int colon = a.lastIndexOf(':');
        boolean hasPort = colon > 0 && colon < a.length() - 1 && a.substring(colon + 1).chars().allMatch(Character::isDigit)
                && (a.indexOf(':') == colon || a.startsWith("[") || a.chars().filter(c -> c == ':').count() == 8);
        if (hasPort) {
            a = a.substring(0, colon);
        }
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        return a;
    }
}
