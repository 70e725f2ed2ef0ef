package io.cairn.avro.personal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a personal value with its subject's key, and opens it while the key exists. AES-256-GCM,
 * bound to the subject (as associated data), with the nonce derived from the value (HMAC-SHA256),
 * so that one value sealed twice for one subject reads the same: a decider may still tell whether a
 * name changed. The cipher's and the nonce's keys are each derived from the subject's key, never
 * the key itself. A sealed value reads {@code enc1.<subject, base64url>.<key id>.<base64url>}: it
 * names its subject, so any reader with the vault can open it without knowing where it came from.
 */
public final class PersonalDataCipher {
  /** What a reader is shown in place of a value whose subject was erased. */
  public static final String ERASED = "[erased]";

  /** How every sealed value begins. */
  public static final String PREFIX = "enc1.";

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String HMAC = "HmacSHA256";
  private static final String AES_LABEL = "cairn personal data: AES-GCM key";
  private static final String NONCE_LABEL = "cairn personal data: nonce key";

  private PersonalDataCipher() {}

  /** Whether a value is sealed, as opposed to plain text. */
  public static boolean isSealed(String value) {
    return value.startsWith(PREFIX);
  }

  /** The value sealed with the key; a sealed value is left as it is. */
  public static String seal(SubjectKey key, String plain) {
    if (isSealed(plain)) {
      return plain;
    }
    try {
      byte[] text = plain.getBytes(StandardCharsets.UTF_8);
      byte[] nonce = nonce(key, text);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          derived(key, AES_LABEL, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(key.subject().getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(text);
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX
          + BASE64.encodeToString(key.subject().getBytes(StandardCharsets.UTF_8))
          + "."
          + key.id()
          + "."
          + BASE64.encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * The plain value of a sealed one, with its subject's keys in the vault: {@link #ERASED} when the
   * key is gone; a value that is not sealed is its own plain value.
   *
   * @throws IllegalArgumentException when the value is malformed or was tampered with
   */
  public static String open(KeyVault vault, String value) {
    if (!isSealed(value)) {
      return value;
    }
    String[] parts = value.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a sealed value");
    }
    String subject;
    try {
      subject = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a sealed value", e);
    }
    Optional<SubjectKey> key = vault.find(subject, parts[1]);
    return key.map(found -> opened(found, parts[2])).orElse(ERASED);
  }

  private static String opened(SubjectKey key, String encoded) {
    try {
      byte[] sealed = Base64.getUrlDecoder().decode(encoded);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          derived(key, AES_LABEL, "AES"),
          new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE_BYTES)));
      cipher.updateAAD(key.subject().getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException | IllegalArgumentException e) {
      throw new IllegalArgumentException("a sealed value that does not open with its key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  private static byte[] nonce(SubjectKey key, byte[] text) throws GeneralSecurityException {
    Mac mac = Mac.getInstance(HMAC);
    mac.init(derived(key, NONCE_LABEL, HMAC));
    mac.update(key.subject().getBytes(StandardCharsets.UTF_8));
    return Arrays.copyOf(mac.doFinal(text), NONCE_BYTES);
  }

  /** A key for one use, derived from the subject's key: HMAC-SHA256 of the use's label. */
  private static SecretKey derived(SubjectKey key, String label, String algorithm)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance(HMAC);
    mac.init(key.key());
    return new SecretKeySpec(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)), algorithm);
  }
}
