package org.titrate.platform.impl.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.titrate.platform.api.demo.DemoData;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;
import org.titrate.platform.api.shell.TextTable;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "demo-load",
        description = "Fills the installed modules with realistic demo data (idempotent: existing records are kept)",
        detailedDescription = "为已安装的模块载入真实的演示数据（可重复执行：已有记录保留）")
@Service
public class DemoLoadCommand implements Action {

    @Reference
    private BundleContext context;

    @Override
    public Object execute() throws InvalidSyntaxException {
        List<ServiceReference<DemoData>> refs = new ArrayList<>(context.getServiceReferences(DemoData.class, null));
        List<DemoData> loaders = new ArrayList<>();
        for (ServiceReference<DemoData> ref : refs) {
            DemoData d = context.getService(ref);
            if (d != null) {
                loaders.add(d);
            }
        }
        loaders.sort(Comparator.comparingInt(DemoData::order));
        TextTable table = new TextTable();
        table.column("Module");
        table.column("Loaded");
        try {
            for (DemoData loader : loaders) {
                table.addRow().addContent(loader.module(), loader.load());
            }
        } finally {
            refs.forEach(context::ungetService);
        }
        if (loaders.isEmpty()) {
            System.out.println("No installed module offers demo data.");
        } else {
            table.print(System.out);
        }
        return null;
    }
}
