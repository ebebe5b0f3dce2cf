package org.titrate.licensing.impl.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.api.action.Completion;
import org.titrate.licensing.api.Licence;
import org.titrate.licensing.api.LicenceService;
import org.titrate.licensing.api.LicenceStatus;
import org.titrate.platform.api.security.Allowed;
import org.titrate.platform.api.security.Roles;

@Allowed(Roles.ADMIN)
@Command(scope = "titrate", name = "licence-install", description = "Verifies a licence file and puts it in force at once, without a restart;"
        + " a refused file leaves the licence in force as it was",
        detailedDescription = "校验授权文件并立即生效，无需重启；被拒绝的文件不影响当前授权")
@Service
public class LicenceInstallCommand implements Action {

    @Argument(index = 0, name = "FILE", description = "The licence file (a path on the server)", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Reference
    private LicenceService licences;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            System.err.println("No file " + path.toAbsolutePath());
            return null;
        }
        byte[] content;
        try (var in = Files.newInputStream(path)) {
            content = in.readNBytes(Licence.MAX_BYTES + 1);
        }
        LicenceStatus s = licences.install(content);
        System.out.println("Licence " + s.licenceId() + " for " + s.licensee() + " is in force; modules: "
                + String.join(", ", s.modules().stream().filter(e -> e.access().reads()).map(e -> e.module()).toList()));
        return null;
    }
}
