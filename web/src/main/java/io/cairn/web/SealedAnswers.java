package io.cairn.web;

/**
 * What a JSON answer passes through before a client sees it: the opening of the sealed personal
 * values it holds, which stay sealed everywhere at rest. {@link #NONE} where nothing is sealed.
 */
@FunctionalInterface
public interface SealedAnswers {
  /** Answers in which nothing is sealed. */
  SealedAnswers NONE = json -> json;

  /** The JSON answer with its sealed values opened (or shown erased). */
  byte[] opened(byte[] json);
}
