package cn.fpr.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens for tests, signed with a key made once per test JVM; the services under test trust
 * its public half ({@link InfrastructureProperties} gives it to them), as they trust the token
 * issuer's in a deployment. Claims as the issuer writes them: {@code roles}, {@code region},
 * {@code department}, {@code partner}.
 */
public final class TestTokens {

    /** The issuer the tests' tokens name: an address where nothing answers (a dashboard sent to sign in gets nowhere). */
    public static final String ISSUER = "http://localhost:9";
    /** Every role the platform knows. */
    public static final List<String> ALL_ROLES = List.of("DEPARTMENT", "VILLAGE_CADRE", "TOWNSHIP_REVIEWER", "COUNTY_OFFICIAL",
            "PROVINCE_ADMIN", "PARTNER", "DASHBOARD_VIEWER", "OPERATOR");
    private static final KeyPair KEYS = keys();

    /** A token of the given roles in a region, with further claims (department, partner, …). */
    public static String token(String subject, List<String> roles, String region, Map<String, Object> claims) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2))))
                .claim("roles", roles).claim("region", region);
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), set.build());
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static String token(String subject, List<String> roles, String region) {
        return token(subject, roles, region, Map.of());
    }

    /** A token of every role in the whole country: for tests about something other than who may do what. */
    public static String everything() {
        return token("test-everything", ALL_ROLES, "000000", Map.of("department", "MEDICAL_INSURANCE"));
    }

    /** The public key the services trust, as PEM. */
    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestTokens() {
    }
}
