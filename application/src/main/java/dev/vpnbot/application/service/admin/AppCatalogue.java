package dev.vpnbot.application.service.admin;

import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.account.ListVpnAppsUseCase;
import dev.vpnbot.application.port.in.admin.ManageAppsUseCase;
import dev.vpnbot.application.port.out.Transactions;
import dev.vpnbot.application.port.out.VpnApps;
import dev.vpnbot.domain.app.AppPlatform;
import dev.vpnbot.domain.app.ImportTemplate;
import dev.vpnbot.domain.app.VpnApp;
import dev.vpnbot.domain.user.UserId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The VPN apps as data: buyers read the switched-on ones, admins change them. Every change is
 * checked whole (template scheme, store link, name) before anything is written, and a new
 * default replaces the old one in one transaction.
 */
public final class AppCatalogue implements ListVpnAppsUseCase, ManageAppsUseCase {
    private static final Comparator<VpnApp> SHOWN = Comparator.comparing((VpnApp a) -> !a.isDefault()).thenComparingInt(VpnApp::position);

    private final Admins admins;
    private final VpnApps apps;
    private final Transactions transactions;

    public AppCatalogue(Admins admins, VpnApps apps, Transactions transactions) {
        this.admins = admins;
        this.apps = apps;
        this.transactions = transactions;
    }

    @Override
    public List<VpnApp> appsFor(AppPlatform platform) {
        return apps.all().stream().filter(a -> a.platform() == platform && a.enabled()).sorted(SHOWN).toList();
    }

    @Override
    public Optional<VpnApp> importApp(String code) {
        return apps.all().stream().filter(a -> a.code().equals(code) && a.enabled() && a.hasOneTapImport()).findFirst();
    }

    @Override
    public List<VpnApp> list(UserId actor) {
        admins.require(actor);
        return apps.all();
    }

    @Override
    public VpnApp add(UserId actor, AppDetails details) {
        admins.require(actor);
        ImportTemplate template = template(details.template());
        return transactions.inTransaction(() -> {
            if (apps.find(details.platform(), details.code()).isPresent()) {
                throw new Refusal(Refusal.Reason.INVALID_INPUT, "there already is an app '" + details.code() + "' on " + details.platform());
            }
            int last = apps.all().stream().filter(a -> a.platform() == details.platform()).mapToInt(VpnApp::position).max().orElse(0);
            VpnApp app = TariffAdministration.valid(() -> new VpnApp(details.platform(), details.code(), details.name(), details.storeUrl(),
                    template, last + 1, true, false));
            apps.save(app);
            return app;
        });
    }

    @Override
    public VpnApp edit(UserId actor, AppDetails details) {
        admins.require(actor);
        ImportTemplate template = template(details.template());
        return transactions.inTransaction(() -> {
            VpnApp app = existing(details.platform(), details.code());
            VpnApp edited = TariffAdministration.valid(() -> app.edited(details.name(), details.storeUrl(), template));
            apps.save(edited);
            return edited;
        });
    }

    @Override
    public VpnApp setEnabled(UserId actor, AppPlatform platform, String code, boolean enabled) {
        admins.require(actor);
        return transactions.inTransaction(() -> {
            VpnApp changed = existing(platform, code).withEnabled(enabled);
            apps.save(changed);
            return changed;
        });
    }

    @Override
    public VpnApp makeDefault(UserId actor, AppPlatform platform, String code) {
        admins.require(actor);
        return transactions.inTransaction(() -> {
            VpnApp chosen = existing(platform, code);
            if (!chosen.enabled()) throw new Refusal(Refusal.Reason.INVALID_INPUT, "switch " + chosen.name() + " on before making it the default");
            // the old default goes first: the database holds at most one per platform at any moment
            for (VpnApp app : apps.all()) {
                if (app.platform() == platform && app.isDefault() && !app.code().equals(code)) apps.save(app.withDefault(false));
            }
            VpnApp made = chosen.withDefault(true);
            apps.save(made);
            return made;
        });
    }

    private VpnApp existing(AppPlatform platform, String code) {
        return apps.find(platform, code)
                .orElseThrow(() -> new Refusal(Refusal.Reason.INVALID_INPUT, "there is no app '" + code + "' on " + platform));
    }

    /** The template as the rules allow it, or a refusal naming the rule; null or blank: no one-tap import. */
    private static ImportTemplate template(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.strip().equals("-")) return null;
        return TariffAdministration.valid(() -> new ImportTemplate(pattern.strip()));
    }
}
