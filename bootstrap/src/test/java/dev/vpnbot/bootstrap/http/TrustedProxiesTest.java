package dev.vpnbot.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who sent a request, behind our own proxies (10.0.0.0/8 here). */
class TrustedProxiesTest {
    private static final InetAddress OUR_PROXY = ip("10.1.2.3");
    private static final InetAddress STRANGER = ip("203.0.113.5");
    private final TrustedProxies proxies = new TrustedProxies(address -> address.getAddress().length == 4 && address.getAddress()[0] == 10);

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }

    private Optional<InetAddress> viaProxy(String... forwardedFor) {
        return proxies.client(OUR_PROXY, List.of(forwardedFor));
    }

    @Test
    void x_forwarded_for_is_not_believed_from_a_peer_that_is_not_our_proxy() {
        assertThat(proxies.client(STRANGER, List.of("31.133.220.8"))).contains(STRANGER);
        assertThat(TrustedProxies.none().client(OUR_PROXY, List.of("31.133.220.8"))).contains(OUR_PROXY);
    }

    @Test
    void through_our_proxy_the_client_is_the_last_address_that_is_not_one_of_our_proxies() {
        assertThat(viaProxy("31.133.220.8")).contains(ip("31.133.220.8"));
        assertThat(viaProxy("31.133.220.8, 10.0.0.7")).contains(ip("31.133.220.8"));
        assertThat(viaProxy("31.133.220.8", "10.0.0.7")).as("header lines read as one list").contains(ip("31.133.220.8"));
        assertThat(viaProxy("31.133.220.8, 203.0.113.9")).as("a client-written first hop proves nothing").contains(ip("203.0.113.9"));
        assertThat(viaProxy("203.0.113.9")).contains(ip("203.0.113.9"));
        assertThat(viaProxy("10.0.0.7, 10.0.0.8")).as("only our proxies: the farthest of them").contains(ip("10.0.0.7"));
        assertThat(viaProxy()).as("nothing forwarded: the proxy itself").contains(OUR_PROXY);
        assertThat(viaProxy("[2001:db8::5]")).contains(ip("2001:db8::5"));
    }

    @Test
    void a_hop_that_is_not_an_address_leaves_the_client_unknown() {
        assertThat(viaProxy("heleket.example")).as("names are not addresses").isEmpty();
        assertThat(viaProxy("31.133.220.8, unknown")).isEmpty();
        assertThat(viaProxy("garbage, 31.133.220.8")).as("read from the right: the first other address decides")
                .contains(ip("31.133.220.8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "256.1.1.1", "1.2.3.4.5", "heleket.com", "localhost", "::g", "1.2.3.4:80", ".:", "[]"})
    void only_ip_literals_are_addresses_and_no_name_is_looked_up(String text) {
        assertThat(TrustedProxies.literal(text)).isEmpty();
    }

    @Test
    void literals_parse_with_or_without_brackets() {
        assertThat(TrustedProxies.literal("[::1]")).contains(ip("::1"));
        assertThat(TrustedProxies.literal(" 31.133.220.8 ")).contains(ip("31.133.220.8"));
    }
}
