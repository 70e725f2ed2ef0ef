package io.cairn.queries.consistency;

import io.cairn.web.auth.ClusterSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A command's place in the event log, as its reply's {@code consistencyToken} names it (base64url
 * of {@code v1|<type>|<partition>|<id>|<version>}, sealed with the cluster's secret): the aggregate
 * and the version the command left it at. The command gateway writes it; the query server reads it,
 * and refuses one it did not give out.
 *
 * @param type the aggregate type
 * @param partition the partition of the aggregate's topics
 * @param aggregateId the aggregate
 * @param version the aggregate's version after the command
 */
public record ConsistencyToken(String type, int partition, String aggregateId, long version) {

  /**
   * The token's fields, or empty when the text is not a token this cluster gave out.
   *
   * @param tokens the secret the gateway sealed the token with
   */
  public static Optional<ConsistencyToken> parse(String token, ClusterSecret tokens) {
    try {
      String sealed = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      Optional<String> text = tokens.unseal(sealed);
      return text.isEmpty() ? Optional.empty() : fields(text.get());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<ConsistencyToken> fields(String text) {
    try {
      String[] parts = text.split("\\|", -1);
      if (parts.length != 5 || !parts[0].equals("v1") || parts[1].isEmpty() || parts[3].isEmpty()) {
        return Optional.empty();
      }
      int partition = Integer.parseInt(parts[2]);
      long version = Long.parseLong(parts[4]);
      return partition >= 0 && version >= 0
          ? Optional.of(new ConsistencyToken(parts[1], partition, parts[3], version))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
