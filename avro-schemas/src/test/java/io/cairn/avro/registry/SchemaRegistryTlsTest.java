package io.cairn.avro.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.cairn.avro.carts.CartEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to a registry whose certificate only the configured trust store vouches for. */
class SchemaRegistryTlsTest {
  private static final String PASSWORD = "changeit";

  @TempDir Path dir;
  private HttpsServer server;

  @BeforeEach
  void start() throws Exception {
    Path serverStore = dir.resolve("server.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "registry",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        serverStore.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "registry",
        "-keystore",
        serverStore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        dir.resolve("registry.crt").toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "registry",
        "-file",
        dir.resolve("registry.crt").toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        dir.resolve("trust.p12").toString(),
        "-storepass",
        PASSWORD);

    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(serverStore)));
    server.createContext(
        "/schemas/ids/1",
        exchange ->
            RegistryAnswers.respond(
                exchange, 200, RegistryAnswers.schema(CartEvent.getClassSchema())));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldTrustTheRegistryThroughTheConfiguredTrustStore() {
    SchemaRegistryClient client =
        new SchemaRegistryClient(
            RegistryClientConfig.from(
                Map.of(
                    "schema.registry.url",
                    url(),
                    "schema.registry.ssl.truststore.location",
                    dir.resolve("trust.p12").toString(),
                    "schema.registry.ssl.truststore.password",
                    PASSWORD,
                    "schema.registry.ssl.truststore.type",
                    "PKCS12")));

    assertThat(client.schemaById(1)).isEqualTo(CartEvent.getClassSchema());
  }

  @Test
  void shouldRefuseARegistryWhoseCertificateIsNotTrusted() {
    SchemaRegistryClient client =
        new SchemaRegistryClient(
            RegistryClientConfig.from(
                Map.of("schema.registry.url", url(), "schema.registry.max.retries", "0")));

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("cannot reach the schema registry");
  }

  private String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  private static SSLContext serverContext(Path store) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("keytool failed: " + output);
    }
  }
}
