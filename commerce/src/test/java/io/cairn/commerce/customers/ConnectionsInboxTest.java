package io.cairn.commerce.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.reaction.InboundEvent;
import io.cairn.core.reaction.Send;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionsInboxTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aLoggedConnectionIsRecordedOnBothProfilesNamingTheOther() {
    assertThat(ConnectionsInbox.INBOX.map(event(Map.of("occurredAt", AT.toString()))))
        .contains(
            List.of(
                Send.to(
                    Customers.TYPE,
                    "off-1",
                    new Customers.RecordConnection("cit-1", "citizen", AT)),
                Send.to(
                    Customers.TYPE,
                    "cit-1",
                    new Customers.RecordConnection("off-1", "officer", AT))));
  }

  @Test
  void aConnectionWithoutATimeSaysSo() {
    assertThatThrownBy(() -> ConnectionsInbox.INBOX.map(event(Map.of())))
        .hasMessageContaining("occurredAt");
  }

  private static InboundEvent event(Map<String, Object> more) {
    Map<String, Object> data = new java.util.HashMap<>(more);
    data.put("officerId", "off-1");
    data.put("citizenId", "cit-1");
    return new InboundEvent(
        "e1", "/connections", ConnectionsInbox.CONNECTION_LOGGED, null, null, data);
  }
}
