package cn.fpr.issuer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who may get tokens, and what their tokens say ({@code fpr.issuer.*}).
 *
 * @param clients     systems, by client ID: departmental systems, offices' systems, partners, operators' tools
 * @param people      people who sign in to the dashboard, by user name
 * @param dashboard   the dashboard's addresses to return to after signing in
 * @param tokenLifetime how long an access token is good for
 * @param signingKey  a PKCS#8 PEM file of the RSA key that signs tokens; none: a key made at start (tokens then do not
 *                    outlive a restart of the issuer; development only)
 */
@ConfigurationProperties("fpr.issuer")
public record IssuerProperties(Map<String, Client> clients, Map<String, Person> people, List<String> dashboard,
                               @DefaultValue("30m") Duration tokenLifetime, String signingKey) {

    public IssuerProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        people = people == null ? Map.of() : Map.copyOf(people);
        dashboard = dashboard == null ? List.of() : List.copyOf(dashboard);
    }

    /**
     * A system's credentials and what its tokens carry.
     *
     * @param secret     its secret, encoded for Spring Security's password encoders ({bcrypt}…, {noop}… in development)
     * @param roles      its roles
     * @param region     the region it may act in (a province, city, county or township code; 000000 the whole country)
     * @param department a departmental system's department, or null
     * @param partner    a partner system's partner ID, or null
     * @param rateLimit  its requests a second, or null for the services' default
     */
    public record Client(String secret, List<String> roles, String region, String department, String partner, Integer rateLimit) {
    }

    /**
     * A person who signs in to the dashboard.
     *
     * @param password encoded like a client's secret
     * @param roles    the person's roles
     * @param region   the region the person may see
     */
    public record Person(String password, List<String> roles, String region) {
    }
}
