package io.cairn.queries.consistency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A command's place in the event log, as its reply's {@code consistencyToken} names it (base64url
 * of {@code v1|<type>|<partition>|<id>|<version>}): the aggregate and the version the command left
 * it at. The command gateway writes it; the query server reads it.
 *
 * @param type the aggregate type
 * @param partition the partition of the aggregate's topics
 * @param aggregateId the aggregate
 * @param version the aggregate's version after the command
 */
public record ConsistencyToken(String type, int partition, String aggregateId, long version) {

  /** The token's fields, or empty when the text is not a token Cairn gave out. */
  public static Optional<ConsistencyToken> parse(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
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
