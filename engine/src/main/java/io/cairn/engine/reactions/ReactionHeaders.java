package io.cairn.engine.reactions;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers on a command a reaction sent: which reaction sent it, and for a process manager's
 * command, which process and step its outcome goes back to. They are part of the public contract of
 * the command topics.
 */
public final class ReactionHeaders {
  /** The reaction that sent the command: {@code policy:<name>}, {@code process:<name>}, ... */
  public static final String SENT_BY = "cairn-sent-by";

  /** The process manager the command's outcome goes back to. */
  public static final String PROCESS = "cairn-process";

  /** The process, by id, the command's outcome goes back to. */
  public static final String PROCESS_ID = "cairn-process-id";

  /** The step of the process the command was sent as. */
  public static final String STEP = "cairn-process-step";

  private ReactionHeaders() {}

  /** The headers of a command a reaction sent, with no process to answer. */
  public static Headers sentBy(String reaction) {
    RecordHeaders headers = new RecordHeaders();
    put(headers, SENT_BY, reaction);
    return headers;
  }

  /** The headers of a command a process sent. */
  static Headers fromProcess(String manager, String processId, String step) {
    Headers headers = sentBy("process:" + manager);
    put(headers, PROCESS, manager);
    put(headers, PROCESS_ID, processId);
    put(headers, STEP, step);
    return headers;
  }

  /** The process a command's outcome goes back to, if a process sent it. */
  public static Optional<ReturnAddress> returnAddress(Headers headers) {
    String manager = text(headers, PROCESS);
    String processId = text(headers, PROCESS_ID);
    String step = text(headers, STEP);
    return manager == null || processId == null || step == null
        ? Optional.empty()
        : Optional.of(new ReturnAddress(manager, processId, step));
  }

  /** The reaction that sent a command, if one did. */
  public static Optional<String> sender(Headers headers) {
    return Optional.ofNullable(text(headers, SENT_BY));
  }

  /**
   * Where the outcome of a command a process sent goes.
   *
   * @param manager the process manager
   * @param processId the process
   * @param step the step the command was sent as
   */
  public record ReturnAddress(String manager, String processId, String step) {}

  private static String text(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
