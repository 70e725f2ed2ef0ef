package io.cairn.avro.testing;

import io.cairn.avro.personal.KeyVault;
import io.cairn.avro.personal.SubjectKey;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/** Subjects' keys in memory, for tests of what is sealed and opened with them. */
public final class InMemoryKeyVault implements KeyVault {
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SubjectKey> keys = new ConcurrentHashMap<>();

  @Override
  public SubjectKey keyFor(String subject) {
    return keys.computeIfAbsent(
        subject,
        s -> {
          byte[] key = new byte[32];
          random.nextBytes(key);
          return new SubjectKey(s, UUID.randomUUID().toString(), new SecretKeySpec(key, "AES"));
        });
  }

  @Override
  public Optional<SubjectKey> find(String subject, String keyId) {
    return Optional.ofNullable(keys.get(subject)).filter(key -> key.id().equals(keyId));
  }

  @Override
  public void erase(String subject) {
    keys.remove(subject);
  }
}
