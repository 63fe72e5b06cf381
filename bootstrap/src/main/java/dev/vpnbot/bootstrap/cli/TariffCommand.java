package dev.vpnbot.bootstrap.cli;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.admin.ManageTariffsUseCase;
import dev.vpnbot.application.port.in.admin.SetTariffLimitsUseCase;
import dev.vpnbot.bootstrap.config.Purpose;
import dev.vpnbot.bootstrap.wiring.ConsoleModule;
import dev.vpnbot.domain.money.Money;
import dev.vpnbot.domain.money.Stars;
import dev.vpnbot.domain.tariff.Tariff;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.tariff.TariffLimits;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vpnbot tariff …}: the price list, through the same use case as the Telegram admin panel. */
@Command(name = "tariff", mixinStandardHelpOptions = true, description = "List tariffs, change prices and limits.",
        subcommands = {TariffCommand.ListTariffs.class, TariffCommand.SetPrice.class, TariffCommand.SetStars.class,
                TariffGroupCommand.class, TariffCommand.SetLimits.class, TariffCommand.SetPack.class})
final class TariffCommand {
    @ParentCommand
    VpnbotCommand parent;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every tariff, active or not.")
    static final class ListTariffs implements Callable<Integer> {
        @ParentCommand TariffCommand tariff;

        @Override
        public Integer call() throws Exception {
            return OperatorSession.answer(tariff.parent, Purpose.PRICES, ManageTariffsUseCase.class, (use, out) -> {
                out.printf("%-5s %-6s %-14s %-7s %-6s %s%n", "ID", "DAYS", "PRICE", "ACTIVE", "ORDER", "STARS");
                for (Tariff t : use.allTariffs(ConsoleModule.CONSOLE)) {
                    out.printf("%-5s %-6d %-14s %-7s %-6d %s%n", t.id(), t.days(), t.price(), t.active() ? "yes" : "no", t.displayOrder(),
                            t.starsPrice() == null ? "(rate)" : t.starsPrice().count());
                }
            });
        }
    }

    @Command(name = "set-price", mixinStandardHelpOptions = true,
            description = "Change a tariff's price. Orders already placed keep the price they were placed at.")
    static final class SetPrice implements Callable<Integer> {
        private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(?:[.,]\\d{1,9})?");

        @ParentCommand TariffCommand tariff;
        @Parameters(index = "0", paramLabel = "ID", description = "the tariff, as `tariff list` shows it") long id;
        @Parameters(index = "1", paramLabel = "PRICE", description = "e.g. 4.99 or 4,99") String price;
        @Parameters(index = "2", arity = "0..1", paramLabel = "CURRENCY",
                description = "ISO code, e.g. USD (default: the tariff's currency now)") String currency;

        @Override
        public Integer call() throws Exception {
            if (!AMOUNT.matcher(price.strip()).matches()) {
                tariff.parent.err().println("refused: '" + price + "' is not an amount of money: write a price like 4.99 or 4,99");
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            PrintWriter out = tariff.parent.out();
            return OperatorSession.run(tariff.parent, Purpose.PRICES, shop -> {
                ManageTariffsUseCase tariffs = shop.getInstance(ManageTariffsUseCase.class);
                Money money;
                try {
                    money = Money.of(price.strip().replace(',', '.'), currency != null ? currency : currentCurrency(tariffs));
                } catch (IllegalArgumentException e) {
                    tariff.parent.err().println("refused: " + e.getMessage());
                    return VpnbotCommand.BAD_CONFIGURATION;
                }
                Tariff changed = tariffs.changePrice(ConsoleModule.CONSOLE, new TariffId(id), money);
                out.printf("tariff %s (%d days) now costs %s%n", changed.id(), changed.days(), changed.price());
                out.flush();
                return VpnbotCommand.OK;
            });
        }

        /** Like the Telegram admin: a price without a currency keeps the tariff's. */
        private String currentCurrency(ManageTariffsUseCase tariffs) {
            return tariffs.allTariffs(ConsoleModule.CONSOLE).stream().filter(t -> t.id().equals(new TariffId(id))).findFirst()
                    .map(t -> t.price().currencyCode())
                    .orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariff " + id));
        }
    }

    @Command(name = "set-stars", mixinStandardHelpOptions = true,
            description = "Set a tariff's price in Telegram Stars (0: derive it from the price at STARS_PER_UNIT, rounded up). "
                    + "Orders already placed keep the Stars price they were placed at.")
    static final class SetStars implements Callable<Integer> {
        @ParentCommand TariffCommand tariff;
        @Parameters(index = "0", paramLabel = "ID", description = "the tariff, as `tariff list` shows it") long id;
        @Parameters(index = "1", paramLabel = "STARS", description = "a whole number of stars, 1-" + Stars.MAX + ", or 0") long stars;

        @Override
        public Integer call() throws Exception {
            if (stars < 0 || stars > Stars.MAX) {
                tariff.parent.err().println("refused: " + stars + " is not a price in stars: write a whole number from 1 to " + Stars.MAX
                        + ", or 0 to derive it from the price");
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            return OperatorSession.answer(tariff.parent, Purpose.PRICES, ManageTariffsUseCase.class, (use, out) -> {
                Tariff changed = use
                        .setStarsPrice(ConsoleModule.CONSOLE, new TariffId(id), stars == 0 ? null : Stars.price(stars));
                out.printf("tariff %s (%d days) now costs %s%n", changed.id(), changed.days(),
                        changed.starsPrice() == null ? "its price at STARS_PER_UNIT in stars" : changed.starsPrice());
            });
        }
    }

    /** {@code vpnbot tariff set-limits ID --ips N --gb N [--monthly-reset]}: the same use case as the admin panel. */
    @Command(name = "set-limits", mixinStandardHelpOptions = true,
            description = "Set a tariff's device (IP) limit and traffic quota. 0 = the shop's default (DEVICE/TRAFFIC settings). "
                    + "New keys get them at once, existing keys at their next renewal (which also starts the quota afresh).")
    static final class SetLimits implements Callable<Integer> {
        @ParentCommand TariffCommand tariff;
        @Parameters(index = "0", paramLabel = "ID", description = "the tariff, as `tariff list` shows it") long id;
        @Option(names = "--ips", paramLabel = "N", description = "simultaneous devices per key, 0-" + TariffLimits.MAX_DEVICES + " (default 0)")
        int ips;
        @Option(names = "--gb", paramLabel = "N", description = "traffic per key in GB (1 GB = 1024^3 bytes), 0-" + TariffLimits.MAX_TRAFFIC_GB
                + " (default 0)")
        int gb;
        @Option(names = "--monthly-reset", description = "the used traffic starts from zero every 30 days of the key (needs --gb)")
        boolean monthlyReset;

        @Override
        public Integer call() throws Exception {
            try {
                new TariffLimits(ips, gb, monthlyReset); // bad input is refused before the database is opened
            } catch (IllegalArgumentException e) {
                tariff.parent.err().println("refused: " + e.getMessage());
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            return OperatorSession.answer(tariff.parent, Purpose.PRICES, SetTariffLimitsUseCase.class, (use, out) -> {
                TariffLimits set = use
                        .setLimits(ConsoleModule.CONSOLE, new TariffId(id), ips, gb, monthlyReset);
                out.printf("tariff %d: %s devices, %s%s%n", id, set.devices() == 0 ? "default" : String.valueOf(set.devices()),
                        set.trafficGb() == 0 ? "default traffic" : set.trafficGb() + " GB", set.monthlyReset() ? ", reset every 30 days" : "");
            });
        }
    }

    /** {@code vpnbot tariff set-pack ID --gb N}: the same use case as the admin panel; 0 makes it an ordinary tariff again. */
    @Command(name = "set-pack", mixinStandardHelpOptions = true,
            description = "Make a tariff a traffic pack: buying it adds N GB to a key's quota and no days, and it is no longer sold "
                    + "as a new key. --gb 0 makes it an ordinary tariff again.")
    static final class SetPack implements Callable<Integer> {
        @ParentCommand TariffCommand tariff;
        @Parameters(index = "0", paramLabel = "ID", description = "the tariff, as `tariff list` shows it") long id;
        @Option(names = "--gb", paramLabel = "N", required = true, description = "GB the pack adds (1 GB = 1024^3 bytes), 0-"
                + dev.vpnbot.application.port.out.TrafficPacks.MAX_GB + "; 0 = not a pack")
        int gb;

        @Override
        public Integer call() throws Exception {
            if (gb < 0 || gb > dev.vpnbot.application.port.out.TrafficPacks.MAX_GB) { // refused before the database is opened
                tariff.parent.err().println("refused: a traffic pack is 0.." + dev.vpnbot.application.port.out.TrafficPacks.MAX_GB
                        + " GB, got " + gb);
                return VpnbotCommand.BAD_CONFIGURATION;
            }
            return OperatorSession.answer(tariff.parent, Purpose.PRICES, SetTariffLimitsUseCase.class, (use, out) -> {
                int set = use.setTrafficPack(ConsoleModule.CONSOLE, new TariffId(id), gb);
                out.printf(set == 0 ? "tariff %d: an ordinary tariff (no traffic pack)%n" : "tariff %d: a traffic pack of %d GB%n", id, set);
            });
        }
    }
}
