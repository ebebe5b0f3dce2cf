package org.titrate.platform.impl.shell;

import java.lang.reflect.Proxy;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code help titrate} list the titrate commands. Karaf describes a scope only when all its commands come
 * from one bundle; titrate's come from every module, so Karaf's answer to {@code help titrate} is empty. This
 * adds the scope's description to the shell's help providers, which Karaf asks for {@code shell|<scope>} after
 * its own gave up; the listing itself is Karaf's, so each user sees only the commands the ACL lets them run.
 *
 * <p>Karaf keeps its help-provider interface in an implementation package, so it is reached through the
 * session factory's own class loader; without it (another shell) {@code help titrate} simply stays as Karaf has it.
 */
@Component(immediate = true)
public class ScopeHelp {
    static final String SCOPE = "titrate";
    private static final String HELP_PROVIDER = "org.apache.karaf.shell.impl.console.commands.help.HelpProvider";
    private static final Logger LOG = LoggerFactory.getLogger(ScopeHelp.class);

    @Reference
    private SessionFactory sessions;

    private Object provider;

    @Activate
    void activate() {
        Class<?> type;
        try {
            type = sessions.getClass().getClassLoader().loadClass(HELP_PROVIDER);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info("Karaf's shell offers no help providers here; 'help {}' stays as Karaf answers it", SCOPE);
            return;
        }
        provider = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
            case "getHelp" -> help((String) args[1]);
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "help of the " + SCOPE + " scope";
            default -> null;
        });
        sessions.getRegistry().register(provider);
    }

    @Deactivate
    void deactivate() {
        if (provider != null) {
            sessions.getRegistry().unregister(provider);
        }
    }

    /** The scope's page, in Karaf's own layout; {@code ${command-list|…}} is expanded by Karaf's command list. */
    static String help(String path) {
        if (!("shell|" + SCOPE).equals(path)) {
            return null;
        }
        return "SUBSHELL\n\t" + SCOPE + "\n\tTitrate: customers, products, orders and returns, stock, money, modules\n\n"
                + "COMMANDS\n${command-list|" + SCOPE + ":|indent}\n";
    }
}
