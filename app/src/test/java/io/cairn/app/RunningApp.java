package io.cairn.app;

import io.cairn.app.write.CommandClient;
import io.cairn.testkit.KafkaTestCluster;
import io.cairn.testkit.RealKafkaExtension;
import io.cairn.testkit.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The app running in the test's JVM for a test class's tests: started before the first on the
 * shared test broker, with a state directory of its own, and stopped after the last, also when a
 * test fails. {@code @RegisterExtension static final RunningApp app = new RunningApp();}
 */
public final class RunningApp implements BeforeAllCallback, AfterAllCallback {
  private final List<String> flags;
  private Path stateDir;
  private CairnApp app;
  private CommandClient client;
  private KafkaTestCluster kafka;

  /** The app as it runs by default. */
  public RunningApp() {
    this(List.of());
  }

  /** The app with more settings, such as {@code --orders.ship.within=PT5S}. */
  public RunningApp(List<String> flags) {
    this.flags = List.copyOf(flags);
  }

  /**
   * The app asking for bearer tokens signed with the secret (HS256), of {@link TestTokens}'s
   * issuer, as tokens made with {@code TestTokens.hs256(secret)} are.
   */
  public static RunningApp withJwt(String secret) {
    return new RunningApp(
        List.of(
            "--auth.mode=jwt",
            "--auth.jwt.hs256.secret=" + secret,
            "--auth.jwt.issuer=" + TestTokens.ISSUER));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    stateDir = Files.createTempDirectory("cairn-test-state-");
    kafka = RealKafkaExtension.cluster(context);
    app = InProcessApp.start(kafka, stateDir, flags);
    client = new CommandClient(app.httpUri());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (app != null) {
      app.close();
    }
    try (Stream<Path> files = Files.walk(stateDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The broker the app runs on, for what a test reads or writes there beside the app. */
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** A client of the app's HTTP API. */
  public CommandClient client() {
    return client;
  }

  /** The base address of the app's HTTP API. */
  public URI httpUri() {
    return app.httpUri();
  }

  /** The schema registry the app uses. */
  public URI registryUri() {
    return app.registryUri();
  }
}
