package cn.fpr.consultation.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the dashboard sends people to sign in: the token issuer's address (the one its tokens
 * name, {@code fpr.security.issuer}) and the dashboard's client ID there. Open, like the
 * dashboard's files: it holds no data.
 */
@RestController
class SignInSettings {

    /** The dashboard's public client at the issuer: authorization code with PKCE, no secret. */
    static final String CLIENT_ID = "dashboard";

    private final String issuer;

    SignInSettings(@Value("${fpr.security.issuer}") String issuer) {
        this.issuer = issuer;
    }

    record Settings(String issuer, String clientId) {
    }

    @GetMapping("/dashboard/sign-in")
    Settings settings() {
        return new Settings(issuer, CLIENT_ID);
    }
}
