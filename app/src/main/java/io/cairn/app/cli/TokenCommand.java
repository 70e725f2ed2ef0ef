package io.cairn.app.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cairn.app.config.AuthConfig;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.ConfigException;
import io.cairn.web.auth.JwtKeys;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code cairn token [--subject=S] [--scope=SCOPES] [--valid-for=DURATION] [--key=value ...]}:
 * prints a bearer token for local use, signed with the configured {@code auth.jwt.hs256.secret} and
 * naming the configured issuer and audience, as a development identity provider would.
 */
@Command(
    name = "token",
    description = {
      "Print a bearer token for local use, signed with auth.jwt.hs256.secret (auth.mode=jwt):"
          + " curl -H \"Authorization: Bearer $(bin/cairn token --scope=cairn:read)\" ..."
    },
    synopsisHeading = "%nUsage: ",
    customSynopsis =
        "cairn token [-h] [--subject=S] [--scope=SCOPES] [--valid-for=DURATION] [--key=value ...]",
    sortOptions = false)
public final class TokenCommand implements Callable<Integer> {
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  @Mixin private HelpOption help;

  @Option(
      names = "--subject",
      paramLabel = "S",
      defaultValue = "developer",
      description = "Who the token is for: the actor of the commands sent with it.")
  private String subject;

  @Option(
      names = "--scope",
      paramLabel = "SCOPES",
      defaultValue = "cairn:command cairn:read cairn:report cairn:admin",
      description = "The scopes granted, space-separated (default all four).")
  private String scope;

  @Option(
      names = "--valid-for",
      paramLabel = "DURATION",
      defaultValue = "PT1H",
      description = "How long the token is valid, as an ISO-8601 duration (default PT1H).")
  private Duration validFor;

  @Unmatched private List<String> settings = new ArrayList<>();

  /**
   * @param env the environment, whose CAIRN_ variables are settings as for run
   */
  public TokenCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    AuthConfig auth;
    try {
      auth = CairnConfig.load(settings, env).auth();
    } catch (ConfigException e) {
      err.println("Cairn cannot make a token: " + e.getMessage());
      return Cli.USAGE;
    }
    if (!(auth.keys().orElse(null) instanceof JwtKeys.SharedSecret secret)) {
      err.println(
          "cairn token signs with auth.jwt.hs256.secret (auth.mode=jwt); with a JWKS URL or a"
              + " public key, tokens come from the identity provider that holds the private key.");
      return Cli.USAGE;
    }
    out.println(signed(secret, auth));
    return 0;
  }

  private String signed(JwtKeys.SharedSecret secret, AuthConfig auth) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(auth.issuer().orElseThrow())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(validFor)))
            .claim("scope", scope);
    auth.audience().ifPresent(claims::audience);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret.secret()));
    } catch (JOSEException e) {
      throw new IllegalStateException("an HS256 secret of 32 bytes or more signs", e);
    }
    return jwt.serialize();
  }
}
