package dev.amends.devkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs bearer tokens the way an organisation's identity provider would: RS256, issuer
 * {@value #ISSUER} (or the identity provider's that shares the key), audience {@value #AUDIENCE}, the roles in {@code groups}, the tenant in {@code tenant}. The tests use the
 * test key pair in this module; the run command makes a key pair of its own for its local tenant.
 */
public final class Tokens {

    public static final String ISSUER = "https://amends.local";
    /** The audience every Amends service requires a token to be issued for. */
    public static final String AUDIENCE = "amends";
    /** The platform's five roles: crm-client, supervisor, manager, policy-admin, ops. */
    public static final String[] EVERY_ROLE = { "crm-client", "supervisor", "manager", "policy-admin", "ops" };
    private static final String TEST_KEYS = "/dev/amends/devkit/test-jwt/";
    private static Tokens test;

    /**
     * Where a test JVM whose services trust a real identity provider (the system tests' Keycloak)
     * names that provider's issuer, so that its own tokens and the provider's carry the same one.
     */
    public static final String TEST_ISSUER_PROPERTY = "amends.test.jwt.issuer";

    private final PrivateKey signingKey;
    private final String privateKeyPem;
    private final String publicKeyLocation;
    private final String issuer;

    private Tokens(String privateKeyPem, String publicKeyLocation, String issuer) {
        this.signingKey = privateKey(privateKeyPem);
        this.privateKeyPem = privateKeyPem;
        this.publicKeyLocation = publicKeyLocation;
        this.issuer = issuer;
    }

    /** Tokens the services under test accept (their configuration names {@link #publicKeyLocation()}). */
    public static synchronized Tokens test() {
        if (test == null) {
            try {
                Path publicKey = Files.createTempFile("amends-test-jwt-", ".pem");
                publicKey.toFile().deleteOnExit();
                Files.writeString(publicKey, resource("public-key.pem"));
                test = new Tokens(resource("private-key.pem"), "file:" + publicKey.toAbsolutePath(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return test;
    }

    /** The key pair in {@code directory}, made there the first time. */
    public static Tokens keptIn(Path directory) {
        Path privateKey = directory.resolve("private-key.pem");
        Path publicKey = directory.resolve("public-key.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            return new Tokens(Files.readString(privateKey), "file:" + publicKey.toAbsolutePath(), ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key pair, its tokens issued by {@code issuer}: the identity provider that shares the key. */
    public Tokens issuedBy(String issuer) {
        return new Tokens(privateKeyPem, publicKeyLocation, issuer);
    }

    /** The issuer the tokens carry: the value of {@code amends.security.jwt.issuer}. */
    public String issuer() {
        return issuer != null ? issuer : System.getProperty(TEST_ISSUER_PROPERTY, ISSUER);
    }

    /** The private key, PKCS#8 PEM, for an identity provider on this machine to sign with as well. */
    public String privateKeyPem() {
        return privateKeyPem;
    }

    /** Where a service finds the public key: the value of {@code amends.security.jwt.keys}. */
    public String publicKeyLocation() {
        return publicKeyLocation;
    }

    /** A token for {@code subject} of {@code tenant} (null: none) with {@code roles}, valid for {@code lifetime}. */
    public String sign(String tenant, String subject, Duration lifetime, String... roles) {
        return signFor(AUDIENCE, tenant, subject, lifetime, roles);
    }

    /** The same, issued for {@code audience} (null: none), as another application's token would be. */
    public String signFor(String audience, String tenant, String subject, Duration lifetime, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
        claims.setStringListClaim("groups", List.of(roles));
        if (tenant != null) {
            claims.setClaim("tenant", tenant);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An {@code Authorization} header value: a one-hour token. */
    public String bearer(String tenant, String subject, String... roles) {
        return "Bearer " + sign(tenant, subject, Duration.ofHours(1), roles);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Tokens.class.getResourceAsStream(TEST_KEYS + name)) {
            if (in == null) {
                throw new IllegalStateException("the test key " + name + " is missing from devkit");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PKCS#8 RSA private key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
