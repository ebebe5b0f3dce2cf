package org.titrate.licensing.impl.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.titrate.licensing.api.LicenceService;
import org.titrate.licensing.api.LicenceStatus;
import org.titrate.platform.api.licensing.Entitlement;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "licence-show", description = "Shows the licence in force, every module's standing under it and its warnings",
        detailedDescription = "查看当前授权、各模块的授权状态及提醒")
@Service
public class LicenceShowCommand implements Action {

    @Reference
    private LicenceService licences;

    @Override
    public Object execute() {
        LicenceStatus s = licences.status();
        if ("EVALUATION".equals(s.mode())) {
            System.out.println("No licence installed: evaluation of every module until " + s.evaluationUntil());
        } else {
            System.out.println("Licence   " + s.licenceId() + (s.localKey() ? " (verified by a local key)" : ""));
            System.out.println("Licensee  " + s.licensee());
            System.out.println("Issued    " + s.issued() + ", valid " + s.validFrom() + " to " + s.validUntil());
            System.out.println("Users     up to " + s.maxUsers());
            System.out.println("Key       " + s.keyId());
        }
        TextTable table = new TextTable();
        table.column("Module");
        table.column("Access");
        table.column("Licensed until");
        for (Entitlement e : s.modules()) {
            table.addRow().addContent(e.module(), e.access().name(), e.licensedUntil() == null ? "" : e.licensedUntil().toString());
        }
        table.print(System.out);
        s.warnings().forEach(w -> System.out.println("Warning: " + w));
        return null;
    }
}
