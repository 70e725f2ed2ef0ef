package io.cairn.core.reaction;

import java.util.regex.Pattern;

/** The names reactions are declared under: they appear in topic, store and URL names. */
final class Names {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  private Names() {}

  static String check(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a " + what + "'s name is lower-case letters, digits and dashes, not '" + name + "'");
    }
    return name;
  }
}
