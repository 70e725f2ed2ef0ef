package io.cairn.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An aggregate type's declaration is checked when it is made, not when it first meets Kafka. */
class AggregateTypeTest {
  sealed interface Command permits Count {}

  record Count(int by) implements Command {}

  sealed interface Event permits Counted {}

  record Counted(int by) implements Event {}

  record Counter(int total) {}

  sealed interface Legacy permits Incremented {}

  record Incremented() implements Legacy {}

  interface NotSealed {}

  static final class Counting implements Decider<Command, Event, Counter> {
    @Override
    public Counter initialState() {
      return new Counter(0);
    }

    @Override
    public Decision<Event> decide(Command command, Counter state) {
      return switch (command) {
        case Count count -> Decision.accept(new Counted(count.by()));
      };
    }

    @Override
    public Counter evolve(Counter state, Event event) {
      return switch (event) {
        case Counted counted -> new Counter(state.total() + counted.by());
      };
    }
  }

  @Test
  void shouldDeclareATypeOfSealedCommandsAndEventsAndARecordState() {
    var type =
        new AggregateType<>("counters", new Counting(), Command.class, Event.class, Counter.class);

    assertThat(type.name()).isEqualTo("counters");
  }

  @Test
  void shouldRefuseANameThatCannotBeATopicOrAPath() {
    assertThatThrownBy(
            () ->
                new AggregateType<>(
                    "Counters!", new Counting(), Command.class, Event.class, Counter.class))
        .hasMessageContaining("not 'Counters!'");
  }

  @Test
  void shouldRefuseEventsThatAreNotASealedInterface() {
    assertThatThrownBy(
            () ->
                new AggregateType<>(
                    "counters",
                    new Decider<Command, NotSealed, Counter>() {
                      @Override
                      public Counter initialState() {
                        return null;
                      }

                      @Override
                      public Decision<NotSealed> decide(Command command, Counter state) {
                        return Decision.unchanged();
                      }

                      @Override
                      public Counter evolve(Counter state, NotSealed event) {
                        return state;
                      }
                    },
                    Command.class,
                    NotSealed.class,
                    Counter.class))
        .hasMessageContaining("events must be a sealed interface");
  }

  @Test
  void shouldReadALegacyRecordAsTheEventItMeansNow() {
    var type =
        new AggregateType<>("counters", new Counting(), Command.class, Event.class, Counter.class)
            .withUpcaster(Legacy.class, legacy -> new Counted(1));

    assertThat(type.current(new Incremented())).isEqualTo(new Counted(1));
    assertThat(type.current(new Counted(3))).isEqualTo(new Counted(3));
    assertThat(type.loggedEvents()).containsExactly(Event.class, Legacy.class);
    assertThatThrownBy(() -> type.current("not logged"))
        .hasMessageContaining("counters logs no java.lang.String");
  }

  @Test
  void shouldRefuseLegacyRecordsNamedLikeEvents() {
    assertThatThrownBy(
            () ->
                new AggregateType<>(
                        "counters", new Counting(), Command.class, Event.class, Counter.class)
                    .withUpcaster(Other.class, other -> new Counted(0)))
        .hasMessageContaining("share names with its events")
        .hasMessageContaining("Counted");
  }

  sealed interface Other permits Other.Counted {
    /** Named like an event: the log could not tell them apart. */
    record Counted(int by) implements Other {}
  }
}
