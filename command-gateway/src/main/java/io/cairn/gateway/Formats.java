package io.cairn.gateway;

import io.cairn.web.Ids;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.regex.Pattern;

/** The string formats a command field may demand with the {@code cairn.format} property. */
final class Formats {

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private Formats() {}

  /** Whether a value has the format, and if not, what the format is, as a phrase. */
  static String violated(String format, String value) {
    return switch (format) {
      case "id" -> Ids.valid(value) ? null : Ids.RULE;
      case "email" ->
          value.length() <= 254 && EMAIL.matcher(value).matches() ? null : "an email address";
      case "currency" -> isCurrency(value) ? null : "an ISO 4217 currency code such as EUR";
      case "duration" ->
          isPositiveDuration(value) ? null : "a positive ISO-8601 duration such as P7D or PT12H";
      default -> throw new IllegalStateException("the contract names an unknown format " + format);
    };
  }

  private static boolean isPositiveDuration(String value) {
    try {
      return value.length() <= 40 && Duration.parse(value).isPositive();
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isCurrency(String code) {
    try {
      return code.length() == 3 && Currency.getInstance(code).getCurrencyCode().equals(code);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
