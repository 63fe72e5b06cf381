package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.model.codes.CodeFigures;
import dev.vpnbot.application.model.codes.Redemption;
import dev.vpnbot.application.port.in.codes.ManagePromoCodesUseCase;
import dev.vpnbot.application.port.in.codes.PromoSpec;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.promo.Benefit;
import dev.vpnbot.domain.promo.PromoCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot promo …}: promo codes, through the same use case as the Telegram admin panel (docs/CODES.md). */
@Command(name = "promo", mixinStandardHelpOptions = true, description = "Create, list and disable promo codes; see their uses.",
        subcommands = {PromoCommand.Create.class, PromoCommand.ListCodes.class, PromoCommand.Disable.class, PromoCommand.Redemptions.class,
                PromoCommand.Batch.class})
final class PromoCommand {
    private static final String SPEC_HELP = "what the code gives and its rules: percent=N | amount=2.50USD | days=N | free=TARIFF_ID, "
            + "then optionally uses=N per-user=N (default 1, 0 = no limit) expires=YYYY-MM-DD tariffs=1,2 new-users";

    @ParentCommand
    VpnbotCommand parent;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a code, e.g. `promo create SUMMER percent=20 uses=100`.")
    static final class Create implements Callable<Integer> {
        @ParentCommand PromoCommand promo;
        @Parameters(index = "0", paramLabel = "CODE", description = "3-32 letters, digits, '_' or '-'") String code;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "SETTING", description = SPEC_HELP) List<String> settings;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(promo.parent, Purpose.PRICES, ManagePromoCodesUseCase.class, (use, out) -> {
                PromoCode created = use
                        .create(ConsoleModule.CONSOLE, PromoSpec.parse(code + " " + String.join(" ", settings)));
                out.printf("code %s created: %s%n", created.code(), describe(created));
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every code with its uses and the discount it gave on paid orders.")
    static final class ListCodes implements Callable<Integer> {
        @ParentCommand PromoCommand promo;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(promo.parent, Purpose.PRICES, ManagePromoCodesUseCase.class, (use, out) -> {
                out.printf("%-32s %-9s %-6s %-6s %-16s %s%n", "CODE", "STATE", "USES", "PAID", "DISCOUNT GIVEN", "RULES");
                for (CodeFigures f : use.list(ConsoleModule.CONSOLE)) {
                    out.printf("%-32s %-9s %-6d %-6d %-16s %s%n", f.code().code(), f.code().disabled() ? "disabled" : "active", f.uses(),
                            f.paidUses(), f.discountGiven().isEmpty() ? "0" : f.discountGiven().stream().map(Money::toString)
                                    .collect(Collectors.joining(", ")), describe(f.code()));
                }
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a code: it is refused from now on; orders placed with it keep their price.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand PromoCommand promo;
        @Parameters(index = "0", paramLabel = "CODE") String code;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(promo.parent, Purpose.PRICES, ManagePromoCodesUseCase.class, (use, out) -> {
                PromoCode disabled = use.disable(ConsoleModule.CONSOLE, code);
                out.printf("code %s disabled%n", disabled.code());
            });
        }
    }

    @Command(name = "redemptions", mixinStandardHelpOptions = true, description = "A code's uses, newest first: order, user, price before, discount, order status.")
    static final class Redemptions implements Callable<Integer> {
        @ParentCommand PromoCommand promo;
        @Parameters(index = "0", paramLabel = "CODE") String code;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(promo.parent, Purpose.PRICES, ManagePromoCodesUseCase.class, (use, out) -> {
                out.printf("%-24s %-8s %-12s %-14s %-14s %-6s %s%n", "WHEN", "ORDER", "USER", "LIST PRICE", "DISCOUNT", "DAYS+", "STATUS");
                for (Redemption r : use.redemptions(ConsoleModule.CONSOLE, code)) {
                    out.printf("%-24s %-8d %-12d %-14s %-14s %-6d %s%n", r.redeemedAt(), r.orderId().value(), r.userId().telegramId(),
                            r.listPrice(), r.off(), r.extraDays(), r.orderStatus());
                }
            });
        }
    }

    @Command(name = "batch", mixinStandardHelpOptions = true,
            description = "Create N codes usable once each, named PREFIX-XXXXXXXX, and write them to a CSV file.")
    static final class Batch implements Callable<Integer> {
        @ParentCommand PromoCommand promo;
        @Parameters(index = "0", paramLabel = "N", description = "how many, 1-" + ManagePromoCodesUseCase.MAX_BATCH) int count;
        @Parameters(index = "1", paramLabel = "PREFIX") String prefix;
        @Parameters(index = "2..*", arity = "1..*", paramLabel = "SETTING", description = SPEC_HELP + " (uses and per-user are always 1)")
        List<String> settings;
        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "where to write the codes (must not exist)") Path csv;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(csv)) {
                promo.parent.err().println("refused: " + csv + " exists already: name a new file");
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            return OperatorSession.answer(promo.parent, Purpose.PRICES, ManagePromoCodesUseCase.class, (use, out) -> {
                List<PromoCode> made = use
                        .batch(ConsoleModule.CONSOLE, PromoSpec.parse(prefix + " " + String.join(" ", settings)), count);
                writeCsv(csv, made);
                out.printf("%d codes created and written to %s%n", made.size(), csv);
            });
        }
    }

    static void writeCsv(Path file, List<PromoCode> codes) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("code,benefit,expires_at");
        for (PromoCode c : codes) {
            lines.add(c.code() + "," + describe(c.benefit()) + "," + (c.expiresAt() == null ? "" : c.expiresAt().toString()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static String describe(PromoCode code) {
        StringBuilder s = new StringBuilder(describe(code.benefit()));
        s.append(code.maxUses() == 0 ? "; uses: no limit" : "; uses: " + code.maxUses());
        s.append(code.maxUsesPerUser() == 0 ? "; per user: no limit" : "; per user: " + code.maxUsesPerUser());
        if (code.expiresAt() != null) s.append("; expires ").append(code.expiresAt());
        if (!code.tariffs().isEmpty()) s.append("; tariffs ").append(code.tariffs().stream().map(t -> String.valueOf(t.value())).sorted()
                .collect(Collectors.joining(" ")));
        if (code.newUsersOnly()) s.append("; new users only");
        return s.toString();
    }

    static String describe(Benefit benefit) {
        if (benefit instanceof Benefit.PercentOff p) return p.percent() + "% off";
        if (benefit instanceof Benefit.AmountOff a) return a.amount() + " off";
        if (benefit instanceof Benefit.ExtraDays d) return "+" + d.days() + " days";
        return "free key of tariff " + ((Benefit.FreeKey) benefit).tariffId().value();
    }
}
