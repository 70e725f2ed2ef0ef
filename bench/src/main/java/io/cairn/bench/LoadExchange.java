package io.cairn.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** One request of the load client, its bytes ready to write, and the answer's status to come. */
final class LoadExchange {
  private final ByteBuffer request;
  private final CompletableFuture<Integer> answer = new CompletableFuture<>();

  LoadExchange(String request) {
    this.request = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
  }

  ByteBuffer request() {
    return request;
  }

  CompletableFuture<Integer> answer() {
    return answer;
  }

  void answered(int status) {
    answer.complete(status);
  }

  void fail(Throwable cause) {
    answer.completeExceptionally(cause);
  }
}
