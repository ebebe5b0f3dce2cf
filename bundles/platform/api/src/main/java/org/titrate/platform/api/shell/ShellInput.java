package org.titrate.platform.api.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import org.titrate.platform.api.Check;
import org.titrate.platform.api.NotFoundException;
import org.titrate.platform.api.time.BusinessClock;

/**
 * What every {@code titrate:} command does with what an administrator types and what it shows back, so
 * that no command answers bad input with something that looks like success. A command throws the
 * platform's problems ({@link org.titrate.platform.api.ValidationException}, {@link NotFoundException}):
 * the shell prints their message and ends the command with exit status 1, as over SSH
 * {@code client "titrate:stock NOPE-1"; echo $?} shows.
 */
public final class ShellInput {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX", Locale.ROOT);

    private ShellInput() {
    }

    /** A day typed as {@code YYYY-MM-DD}, or null when nothing was typed; anything else names the option. */
    public static LocalDate date(String option, String typed) {
        Check check = new Check();
        LocalDate day = check.date(option, typed);
        check.throwIfInvalid();
        return day;
    }

    /** A value of an enum typed in any case, or null when nothing was typed; anything else lists the valid values. */
    public static <E extends Enum<E>> E choice(String option, String typed, Class<E> type) {
        Check check = new Check();
        E value = check.choice(option, typed, type);
        check.throwIfInvalid();
        return value;
    }

    /**
     * The record a typed code names, found by {@code lookup} (which throws {@link NotFoundException} for an
     * unknown code): as typed, else in upper case, as codes, SKUs and document numbers are written
     * ({@code c0001} finds {@code C0001}). An unknown code is reported as the user typed it.
     */
    public static <T> T find(String typed, Function<String, T> lookup) {
        String code = typed == null ? "" : typed.strip();
        try {
            return lookup.apply(code);
        } catch (NotFoundException notFound) {
            String upper = code.toUpperCase(Locale.ROOT);
            if (upper.equals(code)) {
                throw notFound;
            }
            try {
                return lookup.apply(upper);
            } catch (NotFoundException alsoNot) {
                throw notFound;
            }
        }
    }

    /** An instant as the business reads it: date and time in the business time zone, with its offset. */
    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(BusinessClock.zone()));
    }
}
