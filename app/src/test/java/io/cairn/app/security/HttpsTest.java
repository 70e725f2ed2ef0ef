package io.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cairn.app.CairnApp;
import io.cairn.app.config.CairnConfig;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.ReadinessWait;
import io.cairn.testkit.WithRealKafka;
import io.cairn.web.tls.ServerTls;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API and the embedded registry over TLS from PEM files: HTTPS answers with the
 * certificate given, the same port refuses plain HTTP, and the app's own addresses say https.
 */
@WithRealKafka
class HttpsTest {
  @TempDir Path dir;

  @Test
  void theApiServesHttpsOnlyWithTheCertificateItIsGiven(KafkaTestCluster kafka) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    selfSigned(cert, key);
    HttpClient trusting =
        HttpClient.newBuilder()
            .sslContext(ServerTls.fromPem(cert, key).trustingItself())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try (CairnApp app = tlsApp(kafka, "alone", cert, key)) {
      ReadinessWait.awaitReady(trusting, app.httpUri(), Duration.ofSeconds(60));

      HttpResponse<String> products =
          trusting.send(
              HttpRequest.newBuilder(app.httpUri().resolve("/api/v1/products")).build(),
              HttpResponse.BodyHandlers.ofString());
      URI plain = URI.create(app.httpUri().toString().replace("https://", "http://"));

      // The registry serves the same certificate, and the app registered its contract over it.
      HttpResponse<String> subjects =
          trusting.send(
              HttpRequest.newBuilder(app.registryUri().resolve("/subjects")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(app.registryUri().getScheme()).isEqualTo("https");
      assertThat(subjects.body()).contains("cairn.carts.events-value");
      assertThat(app.httpUri().getScheme()).isEqualTo("https");
      assertThat(products.statusCode()).as(products.body()).isEqualTo(200);
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(plain.resolve("/health/live")).build(),
                          HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void instancesForwardQueriesToEachOtherOverHttps(KafkaTestCluster kafka) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    selfSigned(cert, key);
    HttpClient trusting =
        HttpClient.newBuilder().sslContext(ServerTls.fromPem(cert, key).trustingItself()).build();
    try (CairnApp first = tlsApp(kafka, "first", cert, key);
        CairnApp second = tlsApp(kafka, "second", cert, key)) {
      ReadinessWait.awaitReady(trusting, first.httpUri(), Duration.ofSeconds(60));
      ReadinessWait.awaitReady(trusting, second.httpUri(), Duration.ofSeconds(60));
      HttpResponse<String> defined =
          trusting.send(
              HttpRequest.newBuilder(first.httpUri().resolve("/api/v1/products/tls-tea/commands"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"type\":\"DefineProduct\",\"payload\":{\"name\":\"Tea\","
                              + "\"category\":\"drinks\",\"priceMinor\":450,\"currency\":\"EUR\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);

      // One partition: one instance holds it, and the other forwards to it, over HTTPS.
      Set<String> servedBy = new HashSet<>();
      for (CairnApp asked : List.of(first, second)) {
        URI strong = asked.httpUri().resolve("/api/v1/products/tls-tea?consistency=strong");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  HttpResponse<String> answer =
                      trusting.send(
                          HttpRequest.newBuilder(strong).build(),
                          HttpResponse.BodyHandlers.ofString());
                  answer.headers().firstValue("Cairn-Served-By").ifPresent(servedBy::add);
                  return answer.statusCode() == 200;
                });
      }
      assertThat(servedBy).as("both answers came from the one active instance").hasSize(1);
    }
  }

  @Test
  void aKeystoreServesAsThePemFilesDoAndMistakesAreNamed() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    selfSigned(cert, key);
    ServerTls fromPem = ServerTls.fromPem(cert, key);
    Path keystore = dir.resolve("server.p12");
    try (var out = Files.newOutputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server",
          fromPem.keyStore().getKey("server", fromPem.password().toCharArray()),
          "keystore-secret".toCharArray(),
          fromPem.keyStore().getCertificateChain("server"));
      store.store(out, "keystore-secret".toCharArray());
    }

    ServerTls fromKeyStore = ServerTls.fromKeyStore(keystore, "keystore-secret", "PKCS12");

    assertThat(fromKeyStore.keyStore().getCertificateChain("server"))
        .containsExactly(fromPem.keyStore().getCertificateChain("server"));
    assertThatThrownBy(() -> ServerTls.fromKeyStore(keystore, "wrong", "PKCS12"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password");
    Path legacy = dir.resolve("legacy.pem");
    Files.writeString(
        legacy, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> ServerTls.fromPem(cert, legacy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openssl pkcs8 -topk8");
  }

  private CairnApp tlsApp(KafkaTestCluster kafka, String name, Path cert, Path key) {
    List<String> flags =
        List.of(
            "--http.port=0",
            "--registry.port=0",
            "--topics.partitions=1",
            "--streams.state.dir=" + dir.resolve(name),
            "--http.tls.cert.file=" + cert,
            "--http.tls.key.file=" + key);
    return CairnApp.start(
        CairnConfig.load(flags, Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())));
  }

  /** A self-signed certificate for 127.0.0.1 and its PKCS#8 key, as PEM files. */
  private static void selfSigned(Path cert, Path key) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=127.0.0.1");
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            keys.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
