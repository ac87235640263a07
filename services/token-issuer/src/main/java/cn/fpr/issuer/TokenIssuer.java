package cn.fpr.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The token issuer of the system (OAuth2 authorization server): access tokens for the departmental
 * systems, county and township offices, partners and operators (client credentials), and for people
 * signing in to the dashboard (authorization code with PKCE). Each token carries its holder's
 * roles and region, which every service checks.
 */
@SpringBootApplication
@EnableConfigurationProperties(IssuerProperties.class)
public class TokenIssuer {

    public static void main(String[] args) {
        SpringApplication.run(TokenIssuer.class, args);
    }
}
