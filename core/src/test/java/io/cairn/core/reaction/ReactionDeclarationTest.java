package io.cairn.core.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Policies and process managers check what they are declared with, and route by type. */
class ReactionDeclarationTest {
  sealed interface Command permits Ring {}

  record Ring(int times) implements Command {}

  sealed interface Event permits Rang {
    int times();
  }

  record Rang(int times) implements Event {}

  record Bell(int rung) {}

  static final class Bells implements Decider<Command, Event, Bell> {
    @Override
    public Bell initialState() {
      return new Bell(0);
    }

    @Override
    public Decision<Event> decide(Command command, Bell bell) {
      return switch (command) {
        case Ring ring -> Decision.accept(new Rang(ring.times()));
      };
    }

    @Override
    public Bell evolve(Bell bell, Event event) {
      return switch (event) {
        case Rang rang -> new Bell(bell.rung() + rang.times());
      };
    }
  }

  static final AggregateType<Command, Event, Bell> BELLS =
      new AggregateType<>("bells", new Bells(), Command.class, Event.class, Bell.class);

  sealed interface Heard permits Echo {}

  record Echo(int times) implements Heard {}

  record Count(int heard) {}

  static final Reactor<Count, Heard> COUNTER =
      new Reactor<>() {
        @Override
        public Count initialState() {
          return new Count(0);
        }

        @Override
        public Step<Count> react(Count count, Input<Heard> input) {
          return Step.to(new Count(count.heard() + 1));
        }
      };

  private static final Aggregate<Bell> RUNG =
      new Aggregate<>("b1", 1, Instant.EPOCH, Instant.EPOCH, new Bell(2));

  @Test
  void aPolicyAnswersOnlyTheTypesItDeclares() {
    Policy echo =
        Policy.named("echo")
            .on(BELLS, rang -> List.of(Send.to(BELLS, "b2", new Ring(rang.event().times()))))
            .build();
    assertThat(echo.react("bells", new Rang(2), RUNG))
        .containsExactly(new Send(BELLS, "b2", new Ring(2), "Ring"));
    assertThat(echo.react("doors", new Rang(2), RUNG)).isEmpty();
    assertThat(echo.sources()).containsExactly(BELLS);
  }

  @Test
  void aPolicyAnswersSomethingAndEachTypeOnce() {
    assertThatThrownBy(() -> Policy.named("idle").build())
        .hasMessageContaining("answers no aggregate type");
    assertThatThrownBy(
            () -> Policy.named("twice").on(BELLS, e -> List.of()).on(BELLS, e -> List.of()))
        .hasMessageContaining("answers bells twice");
    assertThatThrownBy(() -> Policy.named("Not A Name"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCommandIsSentOnlyToATypeThatHasIt() {
    assertThatThrownBy(() -> new Send(BELLS, "b1", new Object(), "step"))
        .hasMessageContaining("not one of the commands of bells");
    assertThatThrownBy(() -> Send.to(BELLS, " ", new Ring(1))).hasMessageContaining("not a blank");
    assertThatThrownBy(() -> Send.to(BELLS, "b1", new Ring(1)).as("a step with spaces"))
        .hasMessageContaining("a step is");
  }

  @Test
  void aProcessManagerRoutesEventsOfItsSourcesToOneProcess() {
    ProcessManager<Count, Heard> counter =
        ProcessManager.named("counter", COUNTER, Count.class, Heard.class)
            .on(
                BELLS,
                rang ->
                    Optional.of(
                        new ProcessManager.Routed<>(
                            rang.state().rung() > 1 ? "loud" : "quiet",
                            new Echo(rang.event().times()))))
            .build();
    assertThat(counter.route("bells", new Rang(2), RUNG))
        .contains(new ProcessManager.Routed<>("loud", new Echo(2)));
    assertThat(counter.route("doors", new Rang(2), RUNG)).isEmpty();
    assertThat(counter.react(counter.initialState(), Input.message(new Echo(1), Instant.EPOCH)))
        .isEqualTo(Step.to(new Count(1)));
  }

  @Test
  void aProcessManagerKeepsARecordAndHearsSealedMessages() {
    assertThatThrownBy(
            () -> ProcessManager.named("counter", COUNTER, Count.class, Heard.class).build())
        .hasMessageContaining("hears no aggregate type");
    assertThatThrownBy(() -> ProcessManager.named("bad", null, String.class, Heard.class))
        .hasMessageContaining("the state must be a record");
  }

  @Test
  void aStepGathersItsCommandsDeadlinesAndEnding() {
    Instant at = Instant.parse("2026-12-02T10:00:00Z");
    Step<Count> step =
        Step.to(new Count(1))
            .send(Send.to(BELLS, "b1", new Ring(1)))
            .schedule("retry", at)
            .cancel("give-up")
            .compensated();
    assertThat(step.commands()).hasSize(1);
    assertThat(step.scheduled()).containsExactly(new Deadline("retry", at));
    assertThat(step.cancelled()).containsExactly("give-up");
    assertThat(step.status()).isEqualTo(ProcessStatus.COMPENSATED);
    assertThat(step.status().ended()).isTrue();
  }
}
