package dev.amends.contract.complaint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens {@link SealedContact}s. The tenant and customer id are bound into each seal
 * (GCM's associated data), so a sealed contact copied onto another customer's event does not open.
 */
public final class ContactSeal {

    /** A customer's ways to be reached; either may be missing. */
    public record Contact(String email, String phone) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final SecretKeySpec key;

    /** {@code base64Key}: 32 random bytes, base64-encoded (e.g. {@code openssl rand -base64 32}). */
    public ContactSeal(String keyId, String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the contact key must be 32 bytes, base64-encoded; it is "
                    + bytes.length);
        }
        this.keyId = keyId;
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public SealedContact seal(String tenant, String customerId, Contact contact) {
        if (contact == null || contact.email() == null && contact.phone() == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plain = (nullToEmpty(contact.email()) + "\n" + nullToEmpty(contact.phone()))
                .getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, tenant, customerId);
            byte[] sealed = cipher.doFinal(plain);
            return new SealedContact(keyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The contact, or an exception when the seal was made with another key or for another customer. */
    public Contact open(String tenant, String customerId, SealedContact sealed) {
        if (sealed == null) {
            return new Contact(null, null);
        }
        if (!keyId.equals(sealed.keyId())) {
            throw new IllegalArgumentException("sealed with key " + sealed.keyId() + ", this service holds " + keyId);
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.sealed());
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), tenant,
                    customerId);
            String[] parts = new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8).split("\n", -1);
            return new Contact(emptyToNull(parts[0]), emptyToNull(parts[1]));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the sealed contact does not open for this customer", e);
        }
    }

    /**
     * A one-way digest of an e-mail address, to recognise the same address (a reviewer's) without
     * holding it.
     */
    public static String emailDigest(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String tenant, String customerId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((tenant + "\n" + customerId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
