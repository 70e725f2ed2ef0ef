package io.cairn.avro.serde;

import io.cairn.avro.carts.CartEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro load Cairn's generated record classes by name. Since 1.12.1, Avro refuses to load any
 * class named in a schema unless it is on an allow-list, and a specific reader does exactly that
 * for every record it reads. The allow-list is Avro's own process-wide setting; this extends it
 * (keeping whatever it already trusts) with the generated records of Cairn's schemas, and nothing
 * else: no other class of the package, and no class that is not an Avro record.
 */
final class CairnRecordTrust {
  private static final String PACKAGE = "io.cairn.avro.";

  private CairnRecordTrust() {}

  /** Extends Avro's allow-list once; later calls find it extended and change nothing. */
  static void ensure() {
    ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
    if (current.isTrusted(CartEvent.class)) {
      return;
    }
    ClassSecurityValidator.setGlobal(type -> current.isTrusted(type) || isCairnRecord(type));
  }

  private static boolean isCairnRecord(Class<?> type) {
    return type.getName().startsWith(PACKAGE) && SpecificRecord.class.isAssignableFrom(type);
  }
}
