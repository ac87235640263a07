package cn.fpr.platform.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed hash (HMAC-SHA256) of an ID number, for finding a person without storing the number.
 * The key comes from configuration ({@code fpr.identity.hash-key}); without the key the hash
 * cannot be reversed by trying all numbers.
 */
public final class IdNumberHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public IdNumberHasher(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("fpr.identity.hash-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String hash(String idNumber) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
