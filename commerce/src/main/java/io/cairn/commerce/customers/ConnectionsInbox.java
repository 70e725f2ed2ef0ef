package io.cairn.commerce.customers;

import io.cairn.core.reaction.Inbox;
import io.cairn.core.reaction.Send;
import java.util.List;

/**
 * The Connections service's events, through its inbox ({@code cairn.inbox.connections}): a
 * connection it logged between an officer and a citizen is recorded on both profiles, each naming
 * the other person and their role.
 */
public final class ConnectionsInbox {
  /** A connection was logged: data {@code {officerId, citizenId, occurredAt}}. */
  public static final String CONNECTION_LOGGED = "connections.ConnectionLogged";

  /** The inbox. */
  public static final Inbox INBOX =
      Inbox.named("connections")
          .on(
              CONNECTION_LOGGED,
              event -> {
                String officer = event.text("officerId");
                String citizen = event.text("citizenId");
                var at = event.instant("occurredAt");
                return List.of(
                    Send.to(
                        Customers.TYPE,
                        officer,
                        new Customers.RecordConnection(citizen, Customers.CITIZEN, at)),
                    Send.to(
                        Customers.TYPE,
                        citizen,
                        new Customers.RecordConnection(officer, Customers.OFFICER, at)));
              })
          .build();

  private ConnectionsInbox() {}
}
