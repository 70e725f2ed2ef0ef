package io.cairn.avro.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.avro.contract.Contract;
import io.cairn.avro.customers.CustomerEvent;
import io.cairn.avro.customers.CustomerRegistered;
import io.cairn.avro.customers.PointsAwarded;
import io.cairn.avro.testing.InMemoryKeyVault;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Personal fields, declared in the contract, sealed with their subject's key: unreadable without
 * it, readable with it, and for good unreadable once the subject is erased; the rest untouched.
 */
class PersonalDataTest {
  private final InMemoryKeyVault vault = new InMemoryKeyVault();

  @Test
  void shouldSealAValueSoThatOnlyItsSubjectsKeyOpensIt() {
    String sealed = PersonalDataCipher.seal(vault.keyFor("ann"), "Ann Smith");

    assertThat(sealed).startsWith("enc1.").doesNotContain("Ann");
    assertThat(PersonalDataCipher.open(vault, sealed)).isEqualTo("Ann Smith");
    assertThat(PersonalDataCipher.seal(vault.keyFor("ann"), "Ann Smith")).isEqualTo(sealed);
    assertThat(PersonalDataCipher.seal(vault.keyFor("bob"), "Ann Smith")).isNotEqualTo(sealed);
    assertThat(PersonalDataCipher.seal(vault.keyFor("ann"), sealed)).isEqualTo(sealed);
  }

  @Test
  void shouldShowErasedOnceTheSubjectsKeyIsGone() {
    String sealed = PersonalDataCipher.seal(vault.keyFor("ann"), "ann@example.com");

    vault.erase("ann");

    assertThat(PersonalDataCipher.open(vault, sealed)).isEqualTo(PersonalDataCipher.ERASED);
  }

  @Test
  void shouldRefuseAValueTamperedWithAndOpenNoneMovedToAnotherSubject() {
    String sealed = PersonalDataCipher.seal(vault.keyFor("ann"), "Ann Smith");
    String tampered = sealed.substring(0, sealed.length() - 2) + "AA";

    assertThatThrownBy(() -> PersonalDataCipher.open(vault, tampered))
        .isInstanceOf(IllegalArgumentException.class);
    vault.keyFor("bob");
    String[] parts = sealed.split("\\.");
    String moved =
        "enc1."
            + Base64.getUrlEncoder().withoutPadding().encodeToString("bob".getBytes())
            + "."
            + parts[2]
            + "."
            + parts[3];
    assertThat(PersonalDataCipher.open(vault, moved)).isEqualTo(PersonalDataCipher.ERASED);
  }

  @Test
  void shouldFindThePersonalFieldsTheContractDeclaresAndOnlyThose() {
    CustomerEvent registered = event(new CustomerRegistered("Ann Smith", "ann@example.com"));
    CustomerEvent awarded = event(new PointsAwarded(100L, "welcome"));

    PersonalFields.rewrite(registered, text -> PersonalDataCipher.seal(vault.keyFor("ann"), text));
    PersonalFields.rewrite(awarded, text -> "changed");

    CustomerRegistered payload = (CustomerRegistered) registered.getPayload();
    assertThat(payload.getName()).startsWith("enc1.");
    assertThat(payload.getEmail()).startsWith("enc1.");
    assertThat(((PointsAwarded) awarded.getPayload()).getReason()).isEqualTo("welcome");
    assertThat(PersonalFields.holdsAny(Contract.load().envelopes("customers").event())).isTrue();
    assertThat(PersonalFields.holdsAny(Contract.load().envelopes("orders").event())).isFalse();
  }

  private static CustomerEvent event(Object payload) {
    return CustomerEvent.newBuilder()
        .setEventId("e-1")
        .setAggregateId("ann")
        .setAggregateVersion(1)
        .setOccurredAt(java.time.Instant.parse("2026-12-02T10:00:00Z"))
        .setCommandId("c-1")
        .setCorrelationId("c-1")
        .setCausationId("c-1")
        .setPayload(payload)
        .build();
  }
}
