package io.cairn.avro.personal;

import java.util.Optional;

/**
 * Where the data subjects' keys are kept. Erasing a subject deletes its keys, so that what was
 * sealed with them can never be opened again, wherever it was copied.
 */
public interface KeyVault {
  /** The key the subject's personal data is sealed with now, made if it has none. */
  SubjectKey keyFor(String subject);

  /** A key of the subject, unless the subject was erased (or the key never existed). */
  Optional<SubjectKey> find(String subject, String keyId);

  /** Deletes every key of the subject, for good. */
  void erase(String subject);
}
