package io.cairn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.web.auth.JwtAuthenticator;
import io.cairn.web.auth.JwtKeys;
import io.cairn.web.auth.Principal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCommandTest {
  private static final String SECRET = "a secret for local tokens, 32 bytes+";
  private static final Map<String, String> ENV =
      Map.of(
          "CAIRN_AUTH_MODE", "jwt",
          "CAIRN_AUTH_JWT_HS256_SECRET", SECRET,
          "CAIRN_AUTH_JWT_ISSUER", "https://local.test",
          "CAIRN_AUTH_JWT_AUDIENCE", "cairn");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsATokenTheAppAcceptsWithTheScopesAskedFor() {
    int status = run(List.of("--subject=ann", "--scope=cairn:read cairn:report"), ENV);

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    Principal principal =
        new JwtAuthenticator(
                new JwtKeys.SharedSecret(SECRET.getBytes(StandardCharsets.UTF_8)),
                "https://local.test",
                Optional.of("cairn"),
                Duration.ofSeconds(30))
            .authenticate(Optional.of(out.toString(StandardCharsets.UTF_8).trim()));
    assertThat(principal.subject()).contains("ann");
    assertThat(principal.scopes()).containsExactlyInAnyOrder("cairn:read", "cairn:report");
  }

  @Test
  void saysWhereTokensComeFromWhenThereIsNoSharedSecret() {
    int status = run(List.of(), Map.of());

    assertThat(status).isEqualTo(Cli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("auth.jwt.hs256.secret");
  }

  private int run(List<String> args, Map<String, String> env) {
    PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    return Cli.executeAlone(
        new TokenCommand(env, printed, errors, Clock.systemUTC()), args, printed, errors);
  }
}
