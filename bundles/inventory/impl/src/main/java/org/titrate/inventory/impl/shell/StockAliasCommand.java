package org.titrate.inventory.impl.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

/** {@code titrate:stock}, the command's name before it got its verb; kept for the scripts and habits that use it. */
@Allowed({Roles.SALES, Roles.WAREHOUSE, Roles.PURCHASING, Roles.FINANCE, Roles.VIEWER})
@Command(scope = "titrate", name = "stock", description = "The same as titrate:stock-show",
        detailedDescription = "与 titrate:stock-show 相同")
@Service
public class StockAliasCommand extends StockCommand {
}
