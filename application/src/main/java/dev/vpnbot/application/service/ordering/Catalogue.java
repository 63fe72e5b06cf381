package dev.vpnbot.application.service.ordering;

import dev.vpnbot.application.port.in.ordering.ListServersForPurchaseUseCase;
import dev.vpnbot.application.port.in.ordering.ListTariffsUseCase;
import dev.vpnbot.application.port.out.ServerGroups;
import dev.vpnbot.application.port.out.Servers;
import dev.vpnbot.domain.server.ServerGroup;
import dev.vpnbot.domain.tariff.TariffId;
import dev.vpnbot.application.port.out.Tariffs;
import dev.vpnbot.application.port.out.admin.SalesSwitch;
import dev.vpnbot.domain.server.Server;
import dev.vpnbot.domain.server.ServerSelection;
import dev.vpnbot.domain.shop.SalesPause;
import dev.vpnbot.domain.tariff.Tariff;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What is for sale: active tariffs, the servers a buyer may pick, and whether sales are paused. */
public final class Catalogue implements ListTariffsUseCase, ListServersForPurchaseUseCase {
    private final Tariffs tariffs;
    private final Servers servers;
    private final SalesSwitch sales;
    private final ServerGroups groups;
    /** traffic packs (left out of the tariffs for new keys); null: none */
    private dev.vpnbot.application.port.out.TrafficPacks packs;

    public Catalogue(Tariffs tariffs, Servers servers, SalesSwitch sales) {
        this(tariffs, servers, sales, null);
    }

    /** @param groups the groups tariffs cover; null: every tariff sells one location the buyer picks */
    public Catalogue(Tariffs tariffs, Servers servers, SalesSwitch sales, ServerGroups groups) {
        this.groups = groups;
        this.tariffs = tariffs;
        this.servers = servers;
        this.sales = sales;
    }

    /** With traffic packs: they are offered for keys, never as a tariff for a new key. */
    public Catalogue withTrafficPacks(dev.vpnbot.application.port.out.TrafficPacks trafficPacks) {
        this.packs = trafficPacks;
        return this;
    }

    @Override
    public List<TrafficPackOffer> trafficPacks() {
        if (packs == null) return List.of();
        java.util.Set<TariffId> ids = packs.packs();
        return tariffs.all().stream()
                .filter(t -> t.active() && ids.contains(t.id()))
                .sorted(Comparator.comparingInt(Tariff::displayOrder).thenComparing(t -> t.id().value()))
                .map(t -> new TrafficPackOffer(t, packs.packGb(t.id())))
                .toList();
    }

    @Override
    public Optional<SalesPause> salesPause() {
        return sales.current();
    }

    @Override
    public List<Tariff> activeTariffs() {
        java.util.Set<TariffId> packIds = packs == null ? java.util.Set.of() : packs.packs();
        return tariffs.all().stream()
                .filter(Tariff::active)
                .filter(t -> !packIds.contains(t.id()))
                .sorted(Comparator.comparingInt(Tariff::displayOrder).thenComparingInt(Tariff::days))
                .toList();
    }

    @Override
    public List<Server> serversForPurchase() {
        return new ServerSelection(servers.all()).offeredToBuyers();
    }

    @Override
    public Optional<String> groupOf(TariffId tariff) {
        if (groups == null) return Optional.empty();
        return groups.groupOfTariff(tariff).flatMap(groups::find).map(ServerGroup::name);
    }
}
