package dev.vpnbot.application.port.out.growth;

import dev.vpnbot.domain.server.ServerId;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.domain.user.UserId;
import java.util.Set;

/** Outgoing port: the operator's marks for growth: servers for trials, tariffs each user may buy once. */
public interface GrowthFlags {

    Set<ServerId> trialServers();

    void markTrialServer(ServerId server, boolean forTrials);

    boolean oncePerUser(TariffId tariff);

    void markOncePerUser(TariffId tariff, boolean once);

    /** The user has an order of this tariff that is paid or still waiting for payment. */
    boolean boughtBefore(UserId user, TariffId tariff);
}
