package io.cairn.app.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known key a mistyped one was most likely meant to be. */
final class Suggestions {
  private static final int MAX_DISTANCE = 3;

  private Suggestions() {}

  static Optional<String> closest(String key, Collection<String> known) {
    return known.stream()
        .filter(candidate -> !candidate.endsWith("*"))
        .filter(candidate -> distance(key, candidate) <= MAX_DISTANCE)
        .min(Comparator.comparingInt(candidate -> distance(key, candidate)));
  }

  /** Levenshtein distance: the fewest single-character edits from one string to the other. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
