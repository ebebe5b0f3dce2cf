package org.titrate.platform.impl.shell;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.titrate.platform.api.ProblemException;

/**
 * How a failed shell command reaches {@code karaf.log}. Karaf logs every exception a command throws as an ERROR with
 * its stack trace — also a typed code that does not exist or a date that is not one, which Titrate's commands refuse
 * with the platform's problems (exit status 1). The distribution's logging configuration drops that one message of
 * Karaf's {@code ShellUtil} (docs/stack-pitfalls.md, 26) and this listener, which Karaf calls after every command,
 * logs instead: input the command refused as one INFO line, anything else as the ERROR with its trace it was.
 * Only the command's name is logged, never its arguments (a password may be among them).
 */
@Component(immediate = true)
public class CommandFailureLog implements CommandSessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(CommandFailureLog.class);

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        String name = name(command);
        ProblemException problem = problem(exception);
        String type = exception.getClass().getSimpleName();
        if (problem != null) {
            LOG.info("Shell command {} refused: {}", name, oneLine(problem.getMessage()));
        } else if ("CommandException".equals(type) || "CommandNotFoundException".equals(type) || "SyntaxError".equals(type)) {
            LOG.info("Shell command {} refused: {}", name, oneLine(exception.getMessage()));
        } else {
            LOG.error("Shell command {} failed", name, exception);
        }
    }

    private static ProblemException problem(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }

    static String name(CharSequence command) {
        String line = command == null ? "" : command.toString().strip();
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != ';' && line.charAt(end) != '|') {
            end++;
        }
        return end == 0 ? "-" : line.substring(0, Math.min(end, 80));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
