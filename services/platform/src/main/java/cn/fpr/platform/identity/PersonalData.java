package cn.fpr.platform.identity;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Names and phone numbers, sealed at rest: AES-256-GCM with a random nonce per value, under a key
 * derived from configuration ({@code fpr.identity.personal-data-key}, a secret outside
 * development). A sealed value reads {@code k1:<base64url of nonce and ciphertext>}; it cannot be
 * opened without the key, and one that was altered does not open at all. Sealed values go into the
 * store only; events and logs carry neither the clear nor the sealed value.
 */
public final class PersonalData {

    private static final String VERSION = "k1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public PersonalData(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("fpr.identity.personal-data-key must be at least 16 characters");
        }
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value sealed; null stays null. */
    public String seal(String clear) {
        if (clear == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The clear value of a sealed one; null stays null. */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed value of key k1");
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value could not be opened: another key, or altered");
        }
    }
}
