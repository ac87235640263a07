package cn.fpr.cooperation.partner.model;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackAddressesTest {

    private static InetAddress ip(String text) throws UnknownHostException {
        return InetAddress.getByName(text);
    }

    @Test
    void a_partners_callback_is_an_https_address_on_the_public_internet() throws UnknownHostException {
        assertThat(CallbackAddresses.refusal(URI.create("https://partner.example/cb"), List.of(ip("203.0.113.7")), false)).isNull();
        assertThat(CallbackAddresses.refusal(URI.create("http://partner.example/cb"), List.of(ip("203.0.113.7")), false))
                .contains("https");
    }

    @Test
    void no_callback_may_reach_into_this_network() throws UnknownHostException {
        for (String inside : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "::1",
                "fd00::1", "0.0.0.0")) {
            assertThat(CallbackAddresses.refusal(URI.create("https://callback.example/"), List.of(ip(inside)), false))
                    .as(inside).isNotNull();
        }
        // one private address among public ones is enough to refuse (DNS may answer either)
        assertThat(CallbackAddresses.refusal(URI.create("https://callback.example/"), List.of(ip("203.0.113.7"), ip("10.0.0.1")), false))
                .isNotNull();
    }

    @Test
    void development_may_allow_plain_http_on_private_addresses() throws UnknownHostException {
        assertThat(CallbackAddresses.refusal(URI.create("http://127.0.0.1:9000/cb"), List.of(ip("127.0.0.1")), true)).isNull();
        assertThat(CallbackAddresses.refusal(URI.create("file:///etc/passwd"), List.of(), true)).isNotNull();
    }
}
