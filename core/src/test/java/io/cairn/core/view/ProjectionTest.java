package io.cairn.core.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.aggregate.Decider;
import io.cairn.core.aggregate.Decision;
import io.cairn.core.testing.AggregateHistory;
import io.cairn.core.testing.ProjectionSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A projection folds each source's events with that source's fold, from its initial view, filed
 * under the source's key: a tally of the points given to each team, and the team's members.
 */
class ProjectionTest {
  sealed interface Command permits Give {}

  record Give(int points) implements Command {}

  sealed interface Event permits Given {}

  record Given(int points) implements Event {}

  record Player(String team, int points) {}

  static final class Players implements Decider<Command, Event, Player> {
    @Override
    public Player initialState() {
      return new Player("blue", 0);
    }

    @Override
    public Decision<Event> decide(Command command, Player player) {
      return switch (command) {
        case Give give -> Decision.accept(new Given(give.points()));
      };
    }

    @Override
    public Player evolve(Player player, Event event) {
      return switch (event) {
        case Given given -> new Player(player.team(), player.points() + given.points());
      };
    }
  }

  static final AggregateType<Command, Event, Player> PLAYERS =
      new AggregateType<>("players", new Players(), Command.class, Event.class, Player.class);

  record Tally(String team, int points, int gifts) {}

  static final ViewKey<Player> BY_TEAM = new ViewKey<>("team", player -> player.state().team());

  static final class Tallies implements Projection<Tally> {
    @Override
    public String name() {
      return "tallies";
    }

    @Override
    public Class<Tally> viewType() {
      return Tally.class;
    }

    @Override
    public List<Source<Tally, ?, ?>> sources() {
      return List.of(Source.keyedBy(PLAYERS, BY_TEAM, Tallies::given));
    }

    @Override
    public Tally initial(String team) {
      return new Tally(team, 0, 0);
    }

    private static Tally given(Tally tally, SourcedEvent<Event, Player> event) {
      return switch (event.event()) {
        case Given given ->
            new Tally(tally.team(), tally.points() + given.points(), tally.gifts() + 1);
      };
    }
  }

  @Test
  void shouldFoldEverySourcesEventsUnderItsKeyFromTheInitialView() {
    AggregateHistory<Event, Player> ada = new AggregateHistory<>(PLAYERS, "ada");
    AggregateHistory<Event, Player> bob = new AggregateHistory<>(PLAYERS, "bob");

    Tally blue =
        ProjectionSpec.of(new Tallies())
            .given(ada.then(new Given(3)), bob.then(new Given(4)), ada.then(new Given(1)))
            .view("blue");

    assertThat(blue).isEqualTo(new Tally("blue", 8, 3));
  }

  @Test
  void shouldRefuseAnEventOfATypeTheViewDoesNotRead() {
    Aggregate<Player> player =
        new Aggregate<>("ada", 1, Instant.EPOCH, Instant.EPOCH, new Player("blue", 1));

    assertThatThrownBy(() -> new Tallies().evolve("blue", null, "teams", new Given(1), player))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tallies reads no teams");
  }

  @Test
  void shouldRefuseAnEventThatIsNotOneOfItsSourcesEvents() {
    Aggregate<Player> player =
        new Aggregate<>("ada", 1, Instant.EPOCH, Instant.EPOCH, new Player("blue", 1));

    assertThatThrownBy(() -> new Tallies().evolve("blue", null, "players", "not an event", player))
        .isInstanceOf(ClassCastException.class);
  }

  @Test
  void shouldTellTheKeyOfAnAggregateFromItsSource() {
    Aggregate<Player> player =
        new Aggregate<>("ada", 1, Instant.EPOCH, Instant.EPOCH, new Player("red", 1));

    assertThat(new Tallies().source("players").orElseThrow().keyOf(player)).isEqualTo("red");
  }
}
