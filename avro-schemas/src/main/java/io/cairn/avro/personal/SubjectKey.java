package io.cairn.avro.personal;

import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * One data subject's key (a customer's): what its personal fields are sealed with. A subject may
 * have more than one, if two instances made one at once; each sealed value names its own.
 *
 * @param subject whose data it seals, such as a customer id
 * @param id the key's id, named in every value it sealed
 * @param key the AES key
 */
public record SubjectKey(String subject, String id, SecretKey key) {
  /** Checks that every part is there. */
  public SubjectKey {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
  }
}
