package io.cairn.avro.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Opens the sealed values of an answer before a reader is shown it: every string of a JSON tree
 * that is a sealed value becomes its plain text, or {@link PersonalDataCipher#ERASED}. At rest, in
 * topics, stores and changelogs, the values stay sealed; only answers carry plain text.
 */
public final class SealedValues {
  private SealedValues() {}

  /** The tree with every sealed value opened; the tree itself is changed, and answered. */
  public static JsonNode open(KeyVault vault, JsonNode tree) {
    if (tree instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        JsonNode value = field.getValue();
        if (isSealed(value)) {
          object.set(field.getKey(), opened(vault, value));
        } else {
          open(vault, value);
        }
      }
    } else if (tree instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isSealed(array.get(i))) {
          array.set(i, opened(vault, array.get(i)));
        } else {
          open(vault, array.get(i));
        }
      }
    }
    return tree;
  }

  /**
   * A JSON document with every sealed value opened; one with none is answered as it is, without
   * being parsed.
   *
   * @throws IllegalArgumentException when the document is not JSON
   */
  public static byte[] open(KeyVault vault, ObjectMapper mapper, byte[] json) {
    if (!mayHoldSealed(json)) {
      return json;
    }
    try {
      return mapper.writeValueAsBytes(open(vault, mapper.readTree(json)));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON document", e);
    }
  }

  private static boolean mayHoldSealed(byte[] json) {
    byte[] prefix = PersonalDataCipher.PREFIX.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i <= json.length - prefix.length; i++) {
      for (int j = 0; j < prefix.length; j++) {
        if (json[i + j] != prefix[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isSealed(JsonNode value) {
    return value.isTextual() && PersonalDataCipher.isSealed(value.textValue());
  }

  private static JsonNode opened(KeyVault vault, JsonNode sealed) {
    try {
      return TextNode.valueOf(PersonalDataCipher.open(vault, sealed.textValue()));
    } catch (IllegalArgumentException e) {
      // Not Cairn's, or tampered with: shown as nothing rather than as what it claims.
      return TextNode.valueOf(PersonalDataCipher.ERASED);
    }
  }
}
