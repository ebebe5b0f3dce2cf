package org.titrate.customers.api;

import java.util.List;

/**
 * A person at a customer whom Titrate may tell about the customer's orders and returns. {@code mobile} (mainland
 * China, {@code 1xxxxxxxxxx}, optionally {@code +86}) and {@code email} are validated; {@code language} is
 * {@code zh-CN} or {@code en} (default {@code zh-CN}); {@code channels} are the channels the contact accepted
 * ({@code EMAIL}, {@code SMS}): no message goes out on a channel that is not listed.
 */
public record CustomerContact(String id, String name, String mobile, String email, String language, List<String> channels) {
    public static final String ZH_CN = "zh-CN";
    public static final String EN = "en";
    public static final String EMAIL = "EMAIL";
    public static final String SMS = "SMS";

    public boolean accepts(String channel) {
        return channels != null && channels.contains(channel);
    }
}
