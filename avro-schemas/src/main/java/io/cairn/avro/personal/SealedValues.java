package io.cairn.avro.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
