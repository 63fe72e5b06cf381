package dev.vpnbot.application.service.ordering;

import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerSelection;
import dev.vpnbot.domain.tariff.Tariff;
import java.util.Comparator;
import java.util.List;

/** What is for sale: active tariffs and the servers a buyer may pick. */
public final class Catalogue implements ListTariffsUseCase, ListServersForPurchaseUseCase {
    private final Tariffs tariffs;
    private final Servers servers;

    public Catalogue(Tariffs tariffs, Servers servers) {
        this.tariffs = tariffs;
        this.servers = servers;
    }

    @Override
    public List<Tariff> activeTariffs() {
        return tariffs.all().stream()
                .filter(Tariff::active)
                .sorted(Comparator.comparingInt(Tariff::displayOrder).thenComparingInt(Tariff::days))
                .toList();
    }

    @Override
    public List<Server> serversForPurchase() {
        return new ServerSelection(servers.all()).offeredToBuyers();
    }
}
