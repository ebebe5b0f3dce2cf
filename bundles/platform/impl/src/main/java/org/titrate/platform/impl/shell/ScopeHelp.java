package org.titrate.platform.impl.shell;

import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.impl.security.ShellCommandAcl;

/**
 * Makes {@code help titrate} list the titrate commands. Karaf describes a scope only when all its commands come
 * from one bundle; titrate's come from every module, so Karaf's answer to {@code help titrate} is empty. This
 * adds the scope's description to the shell's help providers, which Karaf asks for {@code shell|<scope>} after
 * its own gave up; the listing itself is Karaf's, so each user sees only the commands the ACL lets them run.
 *
 * <p>Where the shell's language is Chinese (the session variable {@code LANG}, e.g. {@code LANG = zh_CN.UTF-8} typed in
 * the shell, or sent by an SSH client), the listing is in Chinese: each command's Chinese description is its
 * {@code detailedDescription}, which Karaf also prints under DETAILS in {@code titrate:stock --help}, so every command's
 * own help is in English and Chinese.
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

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        Class<?> type;
        try {
            type = sessions.getClass().getClassLoader().loadClass(HELP_PROVIDER);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info("Karaf's shell offers no help providers here; 'help {}' stays as Karaf answers it", SCOPE);
            return;
        }
        provider = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
            case "getHelp" -> help((Session) args[0], (String) args[1]);
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

    /**
     * The scope's page, in Karaf's own layout; in English {@code ${command-list|…}} is expanded by Karaf's command list,
     * in Chinese the commands this user may run are listed here.
     */
    String help(Session session, String path) {
        if (!("shell|" + SCOPE).equals(path)) {
            return null;
        }
        if (!chinese(session)) {
            return "SUBSHELL\n\t" + SCOPE + "\n\tTitrate: customers, products, orders and returns, stock, money, modules\n\n"
                    + "COMMANDS\n${command-list|" + SCOPE + ":|indent}\n";
        }
        StringBuilder page = new StringBuilder("SUBSHELL\n\t" + SCOPE + "\n\tTitrate：客户、产品、订单与退货、库存、资金、模块\n\nCOMMANDS\n");
        commands().forEach((name, description) -> {
            if (session.get(SCOPE + ":" + name) != null) { // what the ACL hides from this user stays hidden
                page.append("        ").append(SCOPE).append(':').append(name).append("\n            ").append(description).append('\n');
            }
        });
        return page.toString();
    }

    /** Whether the session's language is Chinese. */
    static boolean chinese(Session session) {
        Object lang = session.get("LANG");
        return lang != null && lang.toString().toLowerCase(Locale.ROOT).startsWith("zh");
    }

    /** The titrate commands of the running bundles with their Chinese description (else the English one), by name. */
    private Map<String, String> commands() {
        Map<String, String> found = new TreeMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE || bundle.getHeaders("").get("Karaf-Commands") == null) {
                continue;
            }
            ShellCommandAcl.commands(bundle).forEach((name, type) -> {
                Command command = type.getAnnotation(Command.class);
                found.put(name, command.detailedDescription().isBlank() ? command.description() : command.detailedDescription());
            });
        }
        return found;
    }
}
