package io.cairn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How busy the machine was while a benchmark measured: every process's CPU together, read from the
 * kernel's counters, and this load generator's own. The app and its broker share the cores with the
 * load generator, so a figure is read with how much of the machine was left: a run whose cores were
 * all busy measured the machine, not only the app.
 *
 * <p>Machine-wide counters come from {@code /proc/stat}; where there is none, only the load
 * generator's share is told.
 */
final class MachineLoad {
  private static final Path PROC_STAT = Path.of("/proc/stat");
  private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
  // The kernel counts /proc/stat in clock ticks of 1/100 s on every architecture Linux runs on.
  private static final double TICKS_PER_SECOND = 100;

  private final long startNanos;
  private final Optional<Long> startBusyTicks;
  private final long startOwnCpuNanos;

  private MachineLoad(long startNanos, Optional<Long> busyTicks, long ownCpuNanos) {
    this.startNanos = startNanos;
    this.startBusyTicks = busyTicks;
    this.startOwnCpuNanos = ownCpuNanos;
  }

  /** Starts counting from now. */
  static MachineLoad start() {
    return new MachineLoad(System.nanoTime(), busyTicks(), ownCpuNanos());
  }

  /**
   * Cores busy since {@link #start()}, on average.
   *
   * @param machine every process together, where the kernel says
   * @param own the load generator's
   */
  record Usage(Optional<Double> machine, double own) {
    /** Every process but the load generator, such as the app and its broker. */
    Optional<Double> others() {
      return machine.map(all -> Math.max(0, all - own));
    }
  }

  /** The cores busy since {@link #start()}. */
  Usage usage() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double own = (ownCpuNanos() - startOwnCpuNanos) / 1e9 / seconds;
    Optional<Long> busy = busyTicks();
    if (startBusyTicks.isEmpty() || busy.isEmpty()) {
      return new Usage(Optional.empty(), own);
    }
    return new Usage(
        Optional.of((busy.get() - startBusyTicks.get()) / TICKS_PER_SECOND / seconds), own);
  }

  /** What the machine did since {@link #start()}, as one line of a report. */
  String report() {
    Usage usage = usage();
    int cores = Runtime.getRuntime().availableProcessors();
    return usage
        .machine()
        .map(
            machine ->
                "CPU while measured: %.2f of %d cores busy, %.2f of them the load generator's"
                    .formatted(machine, cores, usage.own()))
        .orElse(
            "CPU while measured: the load generator %.2f cores of %d"
                .formatted(usage.own(), cores));
  }

  /** The processor's model as the kernel names it, or the architecture where it does not. */
  static String processor() {
    try {
      return cpuModel(Files.readAllLines(CPU_INFO)).orElse(System.getProperty("os.arch"));
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }

  /** The first {@code model name} of a {@code /proc/cpuinfo}. */
  static Optional<String> cpuModel(List<String> cpuinfo) {
    return cpuinfo.stream()
        .filter(line -> line.startsWith("model name") && line.contains(":"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip())
        .findFirst();
  }

  /**
   * The ticks every core spent on anything but idling and waiting for I/O, from the {@code cpu}
   * line of a {@code /proc/stat}: user, nice, system, irq, softirq and steal.
   */
  static Optional<Long> busyTicks(List<String> stat) {
    return stat.stream()
        .filter(line -> line.startsWith("cpu "))
        .findFirst()
        .map(
            line -> {
              String[] fields = line.trim().split("\\s+");
              long busy = 0;
              for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += field < fields.length ? Long.parseLong(fields[field]) : 0;
              }
              return busy;
            });
  }

  private static Optional<Long> busyTicks() {
    try {
      return busyTicks(Files.readAllLines(PROC_STAT));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long ownCpuNanos() {
    return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
        .getProcessCpuTime();
  }
}
