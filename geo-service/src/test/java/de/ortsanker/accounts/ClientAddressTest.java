package de.ortsanker.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ipv4AsItIsIpv6ByItsSlash64() {
        assertThat(ClientAddress.normalise("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.normalise("2001:db8:aa:1::1")).isEqualTo("2001:db8:aa:1::/64");
        assertThat(ClientAddress.normalise("2001:0db8:00aa:0001:ffff:0:0:9")).isEqualTo("2001:db8:aa:1::/64");
        assertThat(ClientAddress.normalise("[2001:db8:aa:2::1]")).isEqualTo("2001:db8:aa:2::/64");
        assertThat(ClientAddress.normalise(null)).isEmpty();
    }
}
