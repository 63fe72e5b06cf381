package dev.vpnbot.adapter.heleket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {

    private static InetAddress ip(String literal) {
        return IpRange.parseLiteral(literal).orElseThrow();
    }

    @Test
    void a_single_address_contains_itself_only() {
        IpRange heleket = IpRange.parse("31.133.220.8");
        assertThat(heleket.contains(ip("31.133.220.8"))).isTrue();
        assertThat(heleket.contains(ip("31.133.220.9"))).isFalse();
        assertThat(heleket.contains(ip("::ffff:31.133.220.8"))).as("IPv4-mapped IPv6 is the same sender").isTrue();
        assertThat(heleket).hasToString("31.133.220.8");
    }

    @Test
    void a_cidr_block_contains_its_addresses() {
        IpRange tens = IpRange.parse(" 10.0.0.0/8 ");
        assertThat(tens.contains(ip("10.255.1.2"))).isTrue();
        assertThat(tens.contains(ip("11.0.0.1"))).isFalse();
        IpRange v6 = IpRange.parse("2001:db8::/32");
        assertThat(v6.contains(ip("2001:db8:1::5"))).isTrue();
        assertThat(v6.contains(ip("2001:db9::5"))).isFalse();
        assertThat(v6.contains(ip("10.0.0.1"))).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").contains(ip("203.0.113.1"))).isTrue();
        assertThat(IpRange.parse("10.1.2.3/8")).isEqualTo(IpRange.parse("10.0.0.0/8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "256.1.1.1", "1.2.3.4.5", "heleket.com", "localhost", "10.0.0.0/33", "10.0.0.0/x", "::g", "1.2.3.4:80"})
    void anything_but_an_ip_literal_or_block_is_refused_without_asking_dns(String text) {
        assertThatThrownBy(() -> IpRange.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text.trim());
    }

    @Test
    void literals_parse_in_brackets_too_and_names_never() {
        assertThat(IpRange.parseLiteral("[::1]")).contains(ip("::1"));
        assertThat(IpRange.parseLiteral("example.com")).isEmpty();
        assertThat(IpRange.parseLiteral(null)).isEmpty();
    }
}
