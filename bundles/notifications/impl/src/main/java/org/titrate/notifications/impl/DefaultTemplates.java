package org.titrate.notifications.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.titrate.notifications.api.NotificationChannel;
import org.titrate.notifications.api.NotificationEvent;
import org.titrate.notifications.api.NotificationTemplate;

/** The zh-CN and en templates shipped in {@code templates.properties}. */
final class DefaultTemplates {
    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final Properties TEXTS = load();

    private DefaultTemplates() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = DefaultTemplates.class.getResourceAsStream("templates.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped templates", e);
        }
        return p;
    }

    /** The channels an event has templates for. */
    static List<NotificationChannel> channels(NotificationEvent event) {
        return event.forStaff() ? List.of(NotificationChannel.INAPP) : List.of(NotificationChannel.EMAIL, NotificationChannel.SMS);
    }

    static NotificationTemplate get(NotificationEvent event, NotificationChannel channel, String language) {
        String key = event + "." + channel + "." + language + ".";
        String subject = TEXTS.getProperty(key + "subject");
        String body = TEXTS.getProperty(key + "body");
        if (subject == null || body == null) {
            return null;
        }
        return new NotificationTemplate(event, channel, language, subject.strip(), body.strip(), false, null, null);
    }

    static List<NotificationTemplate> all() {
        List<NotificationTemplate> all = new ArrayList<>();
        for (NotificationEvent e : NotificationEvent.values()) {
            for (NotificationChannel c : channels(e)) {
                for (String l : LANGUAGES) {
                    all.add(get(e, c, l));
                }
            }
        }
        return all;
    }
}
