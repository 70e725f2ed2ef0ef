package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineLoadTest {
  @Test
  void shouldCountEveryBusyStateButIdleAndIoWait() {
    List<String> stat =
        List.of(
            "cpu  261876 5 49827 196891 4583 11 7466 2915 0 0",
            "cpu0 128999 0 24191 102011 1472 0 3665 1451 0 0",
            "intr 1234");

    // user + nice + system + irq + softirq + steal
    assertThat(MachineLoad.busyTicks(stat)).contains(261876L + 5 + 49827 + 11 + 7466 + 2915);
  }

  @Test
  void shouldCountOnlyTheFieldsAnOlderKernelHas() {
    assertThat(MachineLoad.busyTicks(List.of("cpu 100 2 30 400"))).contains(132L);
  }

  @Test
  void shouldFindNoCountWithoutTheMachineWideLine() {
    assertThat(MachineLoad.busyTicks(List.of("cpu0 1 2 3 4 5 6 7 8"))).isEmpty();
  }

  @Test
  void shouldNameTheFirstProcessorModel() {
    List<String> cpuinfo =
        List.of(
            "processor\t: 0",
            "vendor_id\t: AuthenticAMD",
            "model name\t: AMD EPYC 7B13",
            "processor\t: 1",
            "model name\t: AMD EPYC 7B13");

    assertThat(MachineLoad.cpuModel(cpuinfo)).contains("AMD EPYC 7B13");
  }

  @Test
  void shouldReportTheLoadGeneratorsShareOfTheMachine() {
    MachineLoad load = MachineLoad.start();

    assertThat(load.report()).startsWith("CPU while measured: ").contains("load generator");
  }
}
