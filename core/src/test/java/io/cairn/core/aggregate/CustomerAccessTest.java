package io.cairn.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A customer reads and commands only what is its own, whoever else the command names. */
class CustomerAccessTest {
  sealed interface Command permits Open, Rename, Audit {}

  record Open(String customerId) implements Command {}

  record Rename(String name) implements Command {}

  record Audit() implements Command {}

  record Account(String customerId) {}

  private static final CustomerAccess<Command, Account> ACCOUNTS =
      new CustomerAccess<>(
          command ->
              switch (command) {
                case Open open -> true;
                case Rename rename -> true;
                case Audit audit -> false;
              },
          command ->
              switch (command) {
                case Open open -> Optional.of(open.customerId());
                case Rename rename -> Optional.empty();
                case Audit audit -> Optional.empty();
              },
          (id, account) -> Optional.ofNullable(account.customerId()));

  private static final Account NOBODYS = new Account(null);
  private static final Account ALICES = new Account("alice");

  @Test
  void shouldLetACustomerOpenWhatItNamesItselfTheOwnerOf() {
    assertThat(ACCOUNTS.maySend("alice", "a-1", new Open("alice"), NOBODYS)).isTrue();
    assertThat(ACCOUNTS.maySend("alice", "a-1", new Open("bob"), NOBODYS)).isFalse();
  }

  @Test
  void shouldRefuseACommandToAnotherCustomersAggregateEvenWhenItNamesTheSender() {
    assertThat(ACCOUNTS.maySend("bob", "a-1", new Rename("x"), ALICES)).isFalse();
    assertThat(ACCOUNTS.maySend("bob", "a-1", new Open("bob"), ALICES)).isFalse();
    assertThat(ACCOUNTS.maySend("alice", "a-1", new Rename("x"), ALICES)).isTrue();
  }

  @Test
  void shouldRefuseACommandThatNamesNobodyToAnAggregateNobodyOwns() {
    assertThat(ACCOUNTS.maySend("alice", "a-1", new Rename("x"), NOBODYS)).isFalse();
  }

  @Test
  void shouldRefuseWhatOnlyServicesSendEvenToTheCustomersOwn() {
    assertThat(ACCOUNTS.maySend("alice", "a-1", new Audit(), ALICES)).isFalse();
  }

  @Test
  void shouldLetOnlyTheOwnerRead() {
    assertThat(ACCOUNTS.mayRead("alice", "a-1", ALICES)).isTrue();
    assertThat(ACCOUNTS.mayRead("bob", "a-1", ALICES)).isFalse();
    assertThat(ACCOUNTS.mayRead("alice", "a-1", NOBODYS)).isFalse();
  }

  @Test
  void shouldTakeTheIdAsTheOwnerOfAggregatesOwnedById() {
    CustomerAccess<Command, Account> profiles = CustomerAccess.ownedById(command -> true);

    assertThat(profiles.maySend("alice", "alice", new Rename("x"), NOBODYS)).isTrue();
    assertThat(profiles.maySend("bob", "alice", new Rename("x"), NOBODYS)).isFalse();
    assertThat(profiles.mayRead("alice", "alice", NOBODYS)).isTrue();
  }
}
