package io.cairn.commerce.customers;

import io.cairn.core.reaction.Input;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.Reactor;
import io.cairn.core.reaction.Send;
import io.cairn.core.reaction.Step;
import io.cairn.core.view.SourcedEvent;
import java.util.Optional;

/**
 * The donation process: points a donor gave (taken from them at once by {@code DonatePoints}) are
 * given to the recipient; a recipient who does not exist, or refuses them, gives them back to the
 * donor. One process per donation, known as {@code <donorId>-<version of PointsDonated>}.
 */
public final class Donation implements Reactor<Donation.Transfer, Donation.Message> {
  /** The process manager's name, in its URL. */
  public static final String NAME = "donation";

  /** What the process hears of. */
  public sealed interface Message permits Donated {}

  /**
   * Points were taken from the donor.
   *
   * @param donationId the donation
   * @param donorId who gave them
   * @param recipientId who is to get them
   * @param points how many
   */
  public record Donated(String donationId, String donorId, String recipientId, long points)
      implements Message {}

  /**
   * A donation under way.
   *
   * @param donationId the donation
   * @param donorId who gave the points
   * @param recipientId who is to get them
   * @param points how many
   * @param refunding whether the points are on their way back to the donor
   */
  public record Transfer(
      String donationId, String donorId, String recipientId, long points, boolean refunding) {}

  /** The process manager. */
  public static final ProcessManager<Transfer, Message> MANAGER =
      ProcessManager.named(NAME, new Donation(), Transfer.class, Message.class)
          .on(Customers.TYPE, Donation::route)
          .actingFor(transfer -> Optional.ofNullable(transfer).map(Transfer::donorId))
          .build();

  private Donation() {}

  private static Optional<ProcessManager.Routed<Message>> route(
      SourcedEvent<Customers.Event, Customers.CustomerState> event) {
    String donationId = id(event.aggregateId(), event.aggregate().version());
    return switch (event.event()) {
      case Customers.PointsDonated donated ->
          Optional.of(
              new ProcessManager.Routed<>(
                  donationId,
                  new Donated(
                      donationId, event.aggregateId(), donated.toCustomerId(), donated.points())));
      case Customers.CustomerRegistered other -> Optional.empty();
      case Customers.ProfileChanged other -> Optional.empty();
      case Customers.PointsAwarded other -> Optional.empty();
      case Customers.PointsRedeemed other -> Optional.empty();
      case Customers.CustomerNotified other -> Optional.empty();
      case Customers.ConnectionRecorded other -> Optional.empty();
      case Customers.DonationReceived other -> Optional.empty();
      case Customers.DonationRefunded other -> Optional.empty();
      case Customers.CustomerErased other -> Optional.empty();
    };
  }

  /** A donation's id: the donor's id and the version of its {@code PointsDonated}. */
  public static String id(String donorId, long version) {
    return donorId + "-" + version;
  }

  @Override
  public Transfer initialState() {
    return null;
  }

  @Override
  public Step<Transfer> react(Transfer transfer, Input<Message> input) {
    return switch (input) {
      case Input.Message<Message> heard -> started(transfer, heard.message());
      case Input.Accepted<Message> done ->
          transfer.refunding() ? Step.to(transfer).compensated() : Step.to(transfer).completed();
      case Input.Rejected<Message> refused ->
          transfer.refunding() ? Step.to(transfer).failed() : refund(transfer);
      case Input.DeadlinePassed<Message> passed -> Step.to(transfer);
    };
  }

  private static Step<Transfer> started(Transfer transfer, Message message) {
    if (transfer != null) {
      return Step.to(transfer);
    }
    return switch (message) {
      case Donated donated ->
          Step.to(
                  new Transfer(
                      donated.donationId(),
                      donated.donorId(),
                      donated.recipientId(),
                      donated.points(),
                      false))
              .send(
                  Send.to(
                          Customers.TYPE,
                          donated.recipientId(),
                          new Customers.ReceiveDonation(
                              donated.donorId(), donated.points(), donated.donationId()))
                      .as("give"));
    };
  }

  private static Step<Transfer> refund(Transfer transfer) {
    return Step.to(
            new Transfer(
                transfer.donationId(),
                transfer.donorId(),
                transfer.recipientId(),
                transfer.points(),
                true))
        .send(
            Send.to(
                    Customers.TYPE,
                    transfer.donorId(),
                    new Customers.RefundDonation(transfer.points(), transfer.donationId()))
                .as("refund"));
  }
}
