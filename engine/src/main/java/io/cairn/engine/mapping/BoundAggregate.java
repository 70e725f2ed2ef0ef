package io.cairn.engine.mapping;

import io.cairn.avro.contract.Contract;
import io.cairn.avro.contract.Envelopes;
import io.cairn.core.aggregate.AggregateType;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate type bound to the contract: its declaration and the envelopes its records travel in,
 * checked to fit field by field when it is bound, so a mismatch stops start-up with every place it
 * does not fit.
 *
 * @param type the aggregate type as the domain declares it
 * @param envelopes its envelopes in the contract, found by the type's name
 * @param <C> the commands
 * @param <E> the events
 * @param <S> the state
 */
public record BoundAggregate<C, E, S>(AggregateType<C, E, S> type, Envelopes envelopes) {

  /** Checks that the domain's commands, events and state fit the envelopes' records. */
  public BoundAggregate {
    List<String> problems = problems(type, envelopes);
    if (!problems.isEmpty()) {
      throw new MappingException(mismatch(type.name(), problems));
    }
  }

  /**
   * Binds every aggregate type to its envelopes in the contract.
   *
   * @throws MappingException naming every type the contract lacks and every place a type does not
   *     fit its envelopes
   */
  public static List<BoundAggregate<?, ?, ?>> all(
      List<AggregateType<?, ?, ?>> types, Contract contract) {
    List<String> problems = new ArrayList<>();
    List<BoundAggregate<?, ?, ?>> bound = new ArrayList<>();
    for (AggregateType<?, ?, ?> type : types) {
      if (!contract.aggregateTypes().contains(type.name())) {
        problems.add(
            "the contract declares no aggregate type %s; it declares %s"
                .formatted(type.name(), contract.aggregateTypes()));
        continue;
      }
      Envelopes envelopes = contract.envelopes(type.name());
      List<String> typeProblems = problems(type, envelopes);
      if (typeProblems.isEmpty()) {
        bound.add(new BoundAggregate<>(type, envelopes));
      } else {
        problems.add(mismatch(type.name(), typeProblems));
      }
    }
    if (!problems.isEmpty()) {
      throw new MappingException(
          "the domain does not fit the contract:\n- " + String.join("\n- ", problems));
    }
    return List.copyOf(bound);
  }

  /** The type's name, in topic names, store names and URLs. */
  public String name() {
    return type.name();
  }

  private static List<String> problems(AggregateType<?, ?, ?> type, Envelopes envelopes) {
    List<String> problems = new ArrayList<>();
    problems.addAll(TypeCheck.problems(type.commands(), envelopes.commands()));
    problems.addAll(TypeCheck.problems(type.loggedEvents(), envelopes.events()));
    problems.addAll(TypeCheck.problems(type.state(), envelopes.state()));
    return problems;
  }

  private static String mismatch(String name, List<String> problems) {
    return "aggregate type "
        + name
        + " does not fit its envelopes:\n  - "
        + String.join("\n  - ", problems);
  }
}
