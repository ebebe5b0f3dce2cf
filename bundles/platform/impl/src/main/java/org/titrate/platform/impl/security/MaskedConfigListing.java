package org.titrate.platform.impl.security;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Locale;
import java.util.Set;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * {@code config:list} prints every configuration's properties, the datasource's password included.
 * Configuration Admin hands a configuration to its plugins whenever processed properties are read;
 * this one blanks secret-looking values when the reader is that listing. It touches nothing else:
 * services still get the real values, and {@code config:edit} still saves them unchanged (it reads
 * through the same call, which is why the listing is recognised by its class rather than by the
 * missing service reference).
 */
@Component(property = ConfigurationPlugin.CM_RANKING + ":Integer=1000")
public class MaskedConfigListing implements ConfigurationPlugin {
    static final String MASK = "********";
    private static final Set<String> LISTINGS = Set.of("org.apache.karaf.config.command.ListCommand");
    private static final StackWalker STACK = StackWalker.getInstance();

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        if (reference != null || !STACK.walk(frames -> frames.anyMatch(f -> LISTINGS.contains(f.getClassName())))) {
            return;
        }
        for (String key : Collections.list(properties.keys())) {
            if (isSecret(key)) {
                properties.put(key, MASK);
            }
        }
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("passwd") || k.contains("secret") || k.contains("passphrase")
                || k.contains("credential") || k.endsWith("token") || k.endsWith("privatekey") || k.endsWith("private.key");
    }
}
