package org.titrate.finance.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** {@code titrate:balance}, the command's name before it got its verb; kept for the scripts and habits that use it. */
@Allowed({Roles.SALES, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "balance", description = "The same as titrate:balance-show",
        detailedDescription = "与 titrate:balance-show 相同")
@Service
public class BalanceAliasCommand extends BalanceCommand {
}
