package io.cairn.queries;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.queries.aggregates.HistoryParams;
import io.cairn.queries.http.AsOf;
import io.cairn.queries.http.Parameters;
import io.cairn.queries.processes.ProcessListParams;
import io.cairn.queries.reports.ReportParams;
import io.cairn.queries.routing.QueryOptions;
import io.cairn.queries.views.PageParams;
import io.cairn.web.ApiException;
import io.cairn.web.Ids;
import io.cairn.web.auth.ClusterSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a client puts in a query's path id, query string and consistency header, each query's
 * parameters are read or refused with a 4xx: never an exception of another kind, which the API
 * would answer with a 500. Names are mostly the endpoints' own, values mostly near what they take.
 */
class QueryFuzzTest {
  private static final ClusterSecret SECRET =
      ClusterSecret.of("the fuzz's cluster secret, 32 bytes long".getBytes(), Clock.systemUTC());
  private static final Map<String, Parameters<?>> ENDPOINTS =
      Map.of(
          "asOf", AsOf.PARAMETERS,
          "page", PageParams.of(Set.of("category", "status")),
          "history", HistoryParams.PARAMETERS,
          "processes", ProcessListParams.PARAMETERS,
          "report", ReportParams.PARAMETERS);
  private static final List<String> NAMES =
      Stream.concat(
              ENDPOINTS.values().stream().flatMap(p -> p.names().stream()),
              Stream.of("consistencyToken", "waitMs", "consistency"))
          .distinct()
          .toList();

  @Property(tries = 3_000)
  void everyQueryIsReadOrAClientError(
      @ForAll("endpoints") String endpoint,
      @ForAll("queries") Map<String, List<String>> query,
      @ForAll("tokens") String tokenHeader,
      @ForAll("ids") String id) {
    Parameters<?> parameters = ENDPOINTS.get(endpoint);
    try {
      Ids.require(id, "id");
      QueryOptions options = QueryOptions.read(query, tokenHeader, parameters.names(), SECRET);
      parameters.read(options.params());
      options.params().check();
      Statistics.collect("read");
    } catch (ApiException refused) {
      assertThat(refused.status()).as(refused.error().message()).isBetween(400, 499);
      Statistics.collect(refused.error().error());
    }
    // A fuzz whose queries are all refused would test only the first check.
    Statistics.coverage(coverage -> coverage.check("read").percentage(p -> p > 5));
  }

  @Property(tries = 1_000)
  void anInstantAskedForIsOneTheStoresCanSeek(@ForAll("queries") Map<String, List<String>> query) {
    Optional<Instant> asOf;
    try {
      asOf = AsOf.PARAMETERS.read(QueryOptions.read(query, null, Set.of("asOf"), SECRET).params());
    } catch (ApiException refused) {
      return;
    }
    asOf.ifPresent(Instant::toEpochMilli);
  }

  @Provide
  Arbitrary<String> endpoints() {
    return Arbitraries.of(ENDPOINTS.keySet());
  }

  @Provide
  Arbitrary<Map<String, List<String>>> queries() {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(NAMES)), Tuple.of(1, text()));
    return Arbitraries.maps(name, values().list().ofMinSize(1).ofMaxSize(2)).ofMaxSize(4);
  }

  private Arbitrary<String> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            6,
            Arbitraries.of(
                "0",
                "1",
                "-1",
                "50",
                "1000",
                "1001",
                "9223372036854775807",
                "99999999999999999999",
                "2026-12-02T10:00:00Z",
                "2026-12-02T10:00:00+01:00",
                "+999999999-12-31T23:59:59Z",
                "P1D",
                "PT-1S",
                "PT0S",
                "P99999999999D",
                "strong",
                "eventual",
                "RUNNING",
                "FAILED",
                "drinks",
                "",
                " ",
                "%zz",
                "null")),
        Tuple.of(2, cursors()),
        Tuple.of(2, text()));
  }

  /** Cursors as the API writes them, base64 of a position, and broken ones. */
  private Arbitrary<String> cursors() {
    return Arbitraries.oneOf(text(), Arbitraries.of("p-1", "\u0000", "0|5", "x|y|z", "-3"))
        .map(
            position ->
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(position.getBytes(StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.oneOf(text(), cursors()).injectNull(0.7);
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.strings().withChars("abc-_.:019").ofMinLength(1).ofMaxLength(64)),
        Tuple.of(1, text()));
  }

  private Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(60);
  }
}
