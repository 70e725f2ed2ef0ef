package io.cairn.queries.routing;

import java.net.http.HttpResponse;

/** An answer to a query: from this instance's stores, or another instance's as it came. */
public sealed interface Reply {

  /**
   * An answer from this instance's stores.
   *
   * @param body what to answer, as JSON
   * @param stale whether it came from a standby's copy, which may trail the active
   * @param lagRecords how many records that copy trails its changelog by, when known
   */
  record Local(Object body, boolean stale, Long lagRecords) implements Reply {
    /** An answer from the active copy. */
    public static Local fresh(Object body) {
      return new Local(body, false, null);
    }
  }

  /** Another instance's answer, passed on with its status and Cairn's headers. */
  record Remote(HttpResponse<String> response) implements Reply {}
}
