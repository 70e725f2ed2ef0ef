package io.cairn.commerce.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.commerce.subscriptions.Subscriptions.Cancel;
import io.cairn.commerce.subscriptions.Subscriptions.ChangeLines;
import io.cairn.commerce.subscriptions.Subscriptions.FailPeriod;
import io.cairn.commerce.subscriptions.Subscriptions.LinesChanged;
import io.cairn.commerce.subscriptions.Subscriptions.Pause;
import io.cairn.commerce.subscriptions.Subscriptions.PeriodFailed;
import io.cairn.commerce.subscriptions.Subscriptions.PeriodSkipped;
import io.cairn.commerce.subscriptions.Subscriptions.PeriodStarted;
import io.cairn.commerce.subscriptions.Subscriptions.Resume;
import io.cairn.commerce.subscriptions.Subscriptions.StartPeriod;
import io.cairn.commerce.subscriptions.Subscriptions.Subscribe;
import io.cairn.commerce.subscriptions.Subscriptions.Subscribed;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionCancelled;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionLine;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionPaused;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionResumed;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionState;
import io.cairn.commerce.subscriptions.Subscriptions.SubscriptionStatus;
import io.cairn.core.testing.DeciderSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {
  private static final Instant MONDAY = Instant.parse("2026-12-07T08:00:00Z");
  private static final List<SubscriptionLine> LINES = List.of(new SubscriptionLine("soup", 2));
  private static final Subscribed SUBSCRIBED = new Subscribed("ann", LINES, "P7D", "tok_ok");
  private final DeciderSpec<Subscriptions.Command, Subscriptions.Event, SubscriptionState>
      subscription = DeciderSpec.of(Subscriptions.TYPE.decider());

  @Test
  void aCustomerSubscribesWithAPeriodOfAtLeastTheMinimum() {
    subscription.when(new Subscribe("ann", LINES, "P7D", "tok_ok")).thenEvents(SUBSCRIBED);
    subscription
        .when(new Subscribe("ann", LINES, "PT30M", null))
        .thenRejected("interval_too_short");
    subscription.when(new Subscribe("ann", LINES, "weekly", null)).thenRejected("invalid_interval");
    DeciderSpec.of(Subscriptions.type(Duration.ofSeconds(1)).decider())
        .when(new Subscribe("ann", LINES, "PT2S", null))
        .thenEvents(new Subscribed("ann", LINES, "PT2S", null));
    subscription
        .given(SUBSCRIBED)
        .when(new Subscribe("ann", LINES, "P7D", null))
        .thenRejected("already_subscribed");
  }

  @Test
  void linesAreOneOrMoreOfDifferentProducts() {
    subscription.when(new Subscribe("ann", List.of(), "P7D", null)).thenRejected("invalid_lines");
    subscription
        .when(new Subscribe("ann", List.of(new SubscriptionLine("soup", 0)), "P7D", null))
        .thenRejected("invalid_quantity");
    List<SubscriptionLine> twice = List.of(LINES.getFirst(), new SubscriptionLine("soup", 1));
    subscription.given(SUBSCRIBED).when(new ChangeLines(twice)).thenRejected("duplicate_product");
    subscription.given(SUBSCRIBED).when(new ChangeLines(LINES)).thenUnchanged();
    List<SubscriptionLine> bread = List.of(new SubscriptionLine("bread", 1));
    subscription.given(SUBSCRIBED).when(new ChangeLines(bread)).thenEvents(new LinesChanged(bread));
  }

  @Test
  void eachPeriodStartsOnceAndIsSkippedWhilePaused() {
    subscription
        .given(SUBSCRIBED)
        .when(new StartPeriod(MONDAY))
        .thenEvents(new PeriodStarted(1, MONDAY));
    PeriodStarted first = new PeriodStarted(1, MONDAY);
    subscription
        .given(SUBSCRIBED, first)
        .when(new StartPeriod(MONDAY))
        .thenRejected("period_already_started");
    Instant nextMonday = MONDAY.plus(Duration.ofDays(7));
    subscription
        .given(SUBSCRIBED, first, new SubscriptionPaused())
        .when(new StartPeriod(nextMonday))
        .thenEvents(new PeriodSkipped(2, nextMonday));
    subscription
        .given(SUBSCRIBED, first, new SubscriptionPaused(), new SubscriptionResumed())
        .when(new StartPeriod(nextMonday))
        .thenEvents(new PeriodStarted(2, nextMonday));
    assertThat(subscription.given(SUBSCRIBED, first, new PeriodSkipped(2, nextMonday)).state())
        .extracting(SubscriptionState::periods, SubscriptionState::lastDueAt)
        .containsExactly(2, nextMonday);
  }

  @Test
  void aCancelledSubscriptionStartsNoPeriodAndTakesNoChange() {
    subscription.given(SUBSCRIBED).when(new Cancel()).thenEvents(new SubscriptionCancelled());
    subscription.given(SUBSCRIBED, new SubscriptionCancelled()).when(new Cancel()).thenUnchanged();
    for (Subscriptions.Command command :
        List.<Subscriptions.Command>of(
            new StartPeriod(MONDAY), new Pause(), new Resume(), new ChangeLines(LINES))) {
      subscription
          .given(SUBSCRIBED, new SubscriptionCancelled())
          .when(command)
          .thenRejected("subscription_cancelled");
    }
    assertThat(subscription.given(SUBSCRIBED, new SubscriptionCancelled()).state().status())
        .isEqualTo(SubscriptionStatus.CANCELLED);
  }

  @Test
  void pauseAndResumeChangeOnlyWhatDiffers() {
    subscription.given(SUBSCRIBED).when(new Pause()).thenEvents(new SubscriptionPaused());
    subscription.given(SUBSCRIBED, new SubscriptionPaused()).when(new Pause()).thenUnchanged();
    subscription.given(SUBSCRIBED).when(new Resume()).thenUnchanged();
  }

  @Test
  void onlyAStartedPeriodCanFail() {
    subscription
        .given(SUBSCRIBED)
        .when(new FailPeriod(1, "cart_checked_out"))
        .thenRejected("period_not_started");
    subscription
        .given(SUBSCRIBED, new PeriodStarted(1, MONDAY))
        .when(new FailPeriod(1, "cart_checked_out"))
        .thenEvents(new PeriodFailed(1, "cart_checked_out"));
  }

  @Test
  void everyCommandButSubscribeNeedsASubscription() {
    subscription.when(new Pause()).thenRejected("subscription_not_found");
    subscription.when(new StartPeriod(MONDAY)).thenRejected("subscription_not_found");
  }
}
