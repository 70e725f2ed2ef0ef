package io.cairn.web.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * How an HTTP server proves who it is over TLS: its key and certificate chain, read once from PEM
 * files (a chain, and an unencrypted PKCS#8 key, as certbot and {@code openssl genpkey} write them)
 * or from a keystore, PKCS12 or JKS. The same chain is what instances of one cluster, which share
 * it, trust when they call each other.
 */
public final class ServerTls {
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final String LEGACY_KEY = "-----BEGIN (RSA|EC) PRIVATE KEY-----";

  private final KeyStore keyStore;
  private final String password;
  private final List<X509Certificate> chain;

  private ServerTls(KeyStore keyStore, String password, List<X509Certificate> chain) {
    this.keyStore = keyStore;
    this.password = password;
    this.chain = List.copyOf(chain);
  }

  /**
   * The key and chain of two PEM files.
   *
   * @throws IllegalArgumentException naming what is wrong with a file, never the key itself
   */
  public static ServerTls fromPem(Path certificateChain, Path privateKey) {
    List<X509Certificate> chain = certificates(certificateChain);
    PrivateKey key = privateKey(privateKey, chain.getFirst().getPublicKey().getAlgorithm());
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, password.toCharArray(), chain.toArray(Certificate[]::new));
      return new ServerTls(store, password, chain);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          privateKey + " does not hold the key of " + certificateChain + ": " + e.getMessage(), e);
    }
  }

  /**
   * The key and chain of a keystore's one key entry.
   *
   * @param type PKCS12 or JKS
   */
  public static ServerTls fromKeyStore(Path file, String password, String type) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.toCharArray());
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate certificate : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) certificate);
          }
          return new ServerTls(store, password, chain);
        }
      }
      throw new IllegalArgumentException(file + " holds no private key entry");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the keystore " + file + " (is the password right?): " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read the keystore " + file + ": " + e.getMessage(), e);
    }
  }

  /** The keystore the server's TLS is configured with, holding the one key. */
  public KeyStore keyStore() {
    return keyStore;
  }

  /** The keystore's (and its key's) password. */
  public String password() {
    return password;
  }

  /** Makes the connector speak TLS before HTTP, with this key, and nothing in plain. */
  public void serveOn(ServerConnector connector) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keyStore);
    ssl.setKeyStorePassword(password);
    ssl.setKeyManagerPassword(password);
    SslConnectionFactory tls = new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString());
    connector.addFirstConnectionFactory(tls);
    connector.setDefaultProtocol(tls.getProtocol());
    // Clients reach instances by address as often as by name: the name they ask for (SNI) is
    // not held to the certificate here; clients check the certificate themselves.
    connector
        .getConnectionFactory(HttpConnectionFactory.class)
        .getHttpConfiguration()
        .addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
  }

  /**
   * A context that trusts this chain and nothing else: what an instance calls the others with,
   * since they serve the same one.
   */
  public SSLContext trustingItself() {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      for (int i = 0; i < chain.size(); i++) {
        trusted.setCertificateEntry("chain-" + i, chain.get(i));
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make the cluster's TLS context", e);
    }
  }

  private static List<X509Certificate> certificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        chain.add((X509Certificate) certificate);
      }
      if (chain.isEmpty()) {
        throw new IllegalArgumentException(file + " holds no PEM certificate");
      }
      return chain;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " is not a PEM certificate chain", e);
    }
  }

  private static PrivateKey privateKey(Path file, String algorithm) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Matcher matcher = PRIVATE_KEY.matcher(pem);
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          file
              + (Pattern.compile(LEGACY_KEY).matcher(pem).find()
                  ? " holds a key in the older PKCS#1/SEC1 form; convert it with"
                      + " 'openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem'"
                  : " holds no unencrypted PEM private key (BEGIN PRIVATE KEY)"));
    }
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          file + " does not hold an " + algorithm + " key like its certificate's", e);
    }
  }
}
