package dev.vpnbot.application.service.growth;

import dev.vpnbot.application.model.statistics.GrowthFigures;
import dev.vpnbot.application.port.in.Refusal;
import dev.vpnbot.application.port.in.growth.ManageGrowthUseCase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.growth.GrowthFlags;
import dev.vpnbot.application.port.out.growth.Referrals;
import dev.vpnbot.application.port.out.growth.Trials;
import dev.vpnbot.application.service.admin.Admins;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.Set;

/** Admins mark servers for trials and once-per-user tariffs, and read the trial and referral figures. */
public final class GrowthAdministration implements ManageGrowthUseCase {
    private final Admins admins;
    private final Servers servers;
    private final Tariffs tariffs;
    private final GrowthFlags flags;
    private final Trials trials;
    private final Referrals referrals;

    public GrowthAdministration(Admins admins, Servers servers, Tariffs tariffs, GrowthFlags flags, Trials trials, Referrals referrals) {
        this.admins = admins;
        this.servers = servers;
        this.tariffs = tariffs;
        this.flags = flags;
        this.trials = trials;
        this.referrals = referrals;
    }

    @Override
    public Set<ServerId> trialServers(UserId actor) {
        admins.require(actor);
        return flags.trialServers();
    }

    @Override
    public void markTrialServer(UserId actor, ServerId server, boolean forTrials) {
        admins.require(actor);
        servers.find(server).orElseThrow(() -> new Refusal(Refusal.Reason.SERVER_NOT_AVAILABLE, "no server " + server));
        flags.markTrialServer(server, forTrials);
    }

    @Override
    public boolean oncePerUser(UserId actor, TariffId tariff) {
        admins.require(actor);
        return flags.oncePerUser(tariff);
    }

    @Override
    public void markOncePerUser(UserId actor, TariffId tariff, boolean once) {
        admins.require(actor);
        tariffs.find(tariff).orElseThrow(() -> new Refusal(Refusal.Reason.TARIFF_NOT_AVAILABLE, "no tariff " + tariff));
        flags.markOncePerUser(tariff, once);
    }

    @Override
    public GrowthFigures figures(UserId actor) {
        admins.require(actor);
        return new GrowthFigures(trials.started(), trials.converted(), referrals.figures());
    }
}
