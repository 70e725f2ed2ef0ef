package io.cairn.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM that a test starts on its own class path, to test a program as its users run it: signals,
 * exit codes, what it prints. The test ends it with {@link #close()}, in a try-with-resources so
 * that it is ended also when the test fails.
 */
public final class JavaProcess implements AutoCloseable {
  private final Process process;
  private final Path output;

  private JavaProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code mainClass} with the given arguments.
   *
   * @param output the file that receives the process's stdout and stderr
   * @param env variables to set in the child, over a copy of this JVM's environment from which
   *     every CAIRN_ variable and KAFKA_BOOTSTRAP_SERVERS are removed, so that the developer's own
   *     settings cannot leak into a test
   */
  public static JavaProcess start(
      String mainClass, List<String> args, Map<String, String> env, Path output) {
    return start(mainClass, List.of(), args, env, output);
  }

  /**
   * Starts {@code mainClass} as {@link #start(String, List, Map, Path)} does, with these options
   * for its JVM besides, such as a system property.
   */
  public static JavaProcess start(
      String mainClass,
      List<String> jvmOptions,
      List<String> args,
      Map<String, String> env,
      Path output) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("CAIRN_"));
    builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
    builder.environment().putAll(env);
    try {
      return new JavaProcess(builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + mainClass, e);
    }
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the process has printed so far. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends SIGTERM and waits for the exit. */
  public int terminate(Duration timeout) {
    process.destroy();
    return awaitExit(timeout);
  }

  /** Sends SIGKILL, as a crash would, and waits for the exit. */
  public int kill(Duration timeout) {
    process.destroyForcibly();
    return awaitExit(timeout);
  }

  /** Waits for the process to end by itself, and returns its exit status. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            "process " + pid() + " did not exit within " + timeout + "; it printed:\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for process " + pid(), e);
    }
  }

  /** Kills the process if it is still running. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(30));
    }
  }
}
