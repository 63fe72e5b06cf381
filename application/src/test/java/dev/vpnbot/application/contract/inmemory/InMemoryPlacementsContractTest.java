package dev.vpnbot.application.contract.inmemory;

import dev.vpnbot.application.contract.persistence.AbstractPlacementsContractTest;
import dev.vpnbot.application.contract.persistence.Persistence;
import dev.vpnbot.application.fixtures.InMemoryPlacements;
import dev.vpnbot.application.fixtures.InMemoryServerGroups;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/** The {@code Placements} and {@code ServerGroups} contracts against application's in-memory fixtures. */
class InMemoryPlacementsContractTest extends AbstractPlacementsContractTest {
    /** One group store per test's ports, shared by the placements that read it (as the database shares its tables). */
    private static final Map<Persistence, InMemoryServerGroups> GROUPS = Collections.synchronizedMap(new IdentityHashMap<>());

    InMemoryPlacementsContractTest() {
        super(Persistence::inMemory, ports -> new InMemoryPlacements(ports.keys(), ports.servers(), groups(ports)),
                InMemoryPlacementsContractTest::groups);
    }

    private static InMemoryServerGroups groups(Persistence ports) {
        return GROUPS.computeIfAbsent(ports, p -> new InMemoryServerGroups());
    }
}
