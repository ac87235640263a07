package cn.fpr.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The issuer's endpoints (token, JWK set, authorization with the dashboard's sign-in, OpenID
 * metadata), its clients and people from {@link IssuerProperties}, and the claims every token
 * carries: {@code roles}, {@code region}, and {@code department}, {@code partner},
 * {@code rate_limit} where they apply.
 */
@Configuration(proxyBeanMethods = false)
class IssuerSecurity {

    /** The public client of the dashboard: authorization code with PKCE, no secret (it runs in browsers). */
    static final String DASHBOARD_CLIENT = "dashboard";
    static final String ROLES = "roles";
    static final String REGION = "region";

    private static final Logger log = LoggerFactory.getLogger(IssuerSecurity.class);

    @Bean
    @Order(1)
    SecurityFilterChain issuerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        return http
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    /**
     * The dashboard runs in browsers on its own origin and exchanges its code for a token here:
     * its origins (those of its return addresses) may call the token endpoint, no other. (Both
     * chains apply it: a browser's preflight of the token endpoint is an OPTIONS request, which the
     * issuer's endpoints do not claim. Spring Security finds the source by this bean name.)
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(IssuerProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.dashboard().stream().map(URI::create)
                .map(address -> address.getScheme() + "://" + address.getAuthority()).distinct().toList());
        cors.setAllowedMethods(List.of("POST"));
        cors.setAllowedHeaders(List.of("Content-Type"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", cors);
        return source;
    }

    @Bean
    RegisteredClientRepository clients(IssuerProperties properties) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build();
        List<RegisteredClient> clients = new ArrayList<>();
        properties.clients().forEach((id, client) -> clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(id.getBytes()).toString())
                .clientId(id)
                .clientSecret(client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(tokens)
                .build()));
        if (!properties.dashboard().isEmpty()) {
            RegisteredClient.Builder dashboard = RegisteredClient.withId(UUID.nameUUIDFromBytes(DASHBOARD_CLIENT.getBytes()).toString())
                    .clientId(DASHBOARD_CLIENT)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope("openid")
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(tokens);
            properties.dashboard().forEach(dashboard::redirectUri);
            clients.add(dashboard.build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * Authorizations are kept only where a flow needs them again (a sign-in, between its code and
     * its token). A client-credentials token is a signed JWT the services check on their own:
     * keeping each one, as the default store does, would grow the issuer's memory with every token.
     */
    @Bean
    OAuth2AuthorizationService authorizations() {
        InMemoryOAuth2AuthorizationService kept = new InMemoryOAuth2AuthorizationService();
        return new OAuth2AuthorizationService() {
            @Override
            public void save(OAuth2Authorization authorization) {
                if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
                    kept.save(authorization);
                }
            }

            @Override
            public void remove(OAuth2Authorization authorization) {
                kept.remove(authorization);
            }

            @Override
            public OAuth2Authorization findById(String id) {
                return kept.findById(id);
            }

            @Override
            public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                return kept.findByToken(token, tokenType);
            }
        };
    }

    @Bean
    UserDetailsService people(IssuerProperties properties) {
        InMemoryUserDetailsManager people = new InMemoryUserDetailsManager();
        properties.people().forEach((name, person) -> people.createUser(User.withUsername(name).password(person.password())
                .authorities(person.roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new)).build()));
        return people;
    }

    /** What a token says about its holder, from the issuer's configuration: never from the request. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims(IssuerProperties properties) {
        return context -> {
            if (!"access_token".equals(context.getTokenType().getValue())) {
                return;
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                IssuerProperties.Client client = properties.clients().get(context.getRegisteredClient().getClientId());
                context.getClaims().claim(ROLES, List.copyOf(client.roles())).claim(REGION, client.region());
                if (client.department() != null) {
                    context.getClaims().claim("department", client.department());
                }
                if (client.partner() != null) {
                    context.getClaims().claim("partner", client.partner());
                }
                if (client.rateLimit() != null) {
                    context.getClaims().claim("rate_limit", client.rateLimit());
                }
            } else {
                IssuerProperties.Person person = properties.people().get(context.getPrincipal().getName());
                if (person != null) {
                    context.getClaims().claim(ROLES, List.copyOf(person.roles())).claim(REGION, person.region());
                }
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKey(IssuerProperties properties) throws Exception {
        RSAKey key;
        if (properties.signingKey() == null || properties.signingKey().isBlank()) {
            log.warn("no fpr.issuer.signing-key: signing with a key made at start; its tokens do not outlive a restart");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
        } else {
            key = rsaKey(Path.of(properties.signingKey()));
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** An RSA key from a PKCS#8 PEM file; its ID derived from the key, so every instance names it alike. */
    static RSAKey rsaKey(Path pem) throws IOException, java.security.GeneralSecurityException, com.nimbusds.jose.JOSEException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
    }
}
