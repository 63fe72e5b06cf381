package dev.vpnbot.application.port.in.growth;

import dev.vpnbot.application.model.statistics.GrowthFigures;
import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.Set;

/** Use case (admins only): the servers for trials, once-per-user tariffs, and the growth figures. */
public interface ManageGrowthUseCase {

    Set<ServerId> trialServers(UserId actor);

    void markTrialServer(UserId actor, ServerId server, boolean forTrials);

    boolean oncePerUser(UserId actor, TariffId tariff);

    void markOncePerUser(UserId actor, TariffId tariff, boolean once);

    GrowthFigures figures(UserId actor);
}
