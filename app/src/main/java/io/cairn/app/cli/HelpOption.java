package io.cairn.app.cli;

import picocli.CommandLine.Option;

/** The {@code -h, --help} option every command takes, mixed into each. */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;
}
