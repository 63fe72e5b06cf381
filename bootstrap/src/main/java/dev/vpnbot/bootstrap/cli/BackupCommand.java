package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase;
import dev.vpnbot.application.port.in.admin.BackUpDatabaseUseCase.BackupReport;
import dev.vpnbot.bootstrap.config.Purpose;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot backup}: one pg_dump backup into BACKUP_DIR now, with the same retention as the scheduled ones. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back the database up now (pg_dump, custom format) into BACKUP_DIR, keeping the newest BACKUP_KEEP.",
                "Prints the file's path; restore with pg_restore (docs/OPERATIONS.md)."})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    VpnbotCommand parent;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = parent.out();
        return OperatorSession.run(parent, Purpose.PRICES, shop -> {
            BackupReport report = shop.getInstance(BackUpDatabaseUseCase.class).backUp();
            if (report.outcome() == BackUpDatabaseUseCase.Outcome.FAILED) {
                parent.err().println("backup failed: " + report.problem());
                parent.err().flush();
                return VpnbotCommand.FAILED;
            }
            out.println(report.file().toAbsolutePath());
            for (Path old : report.removed()) out.println("removed " + old.getFileName());
            out.flush();
            return VpnbotCommand.OK;
        });
    }
}
