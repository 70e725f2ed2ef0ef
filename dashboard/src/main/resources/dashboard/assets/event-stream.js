// Server-Sent Events over fetch: EventSource cannot send an Authorization header, so the dashboard
// reads the stream itself. Like EventSource it reconnects after a drop, sending Last-Event-ID so
// that the server first replays what was missed, and honours the server's retry: field.
"use strict";

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30000;

/**
 * Opens a stream; handlers are called with (eventName, data) for events, and open() / error(message)
 * as the connection comes and goes. Returns an object whose close() ends it for good.
 */
function openEventStream(url, headers, handlers) {
  const stream = { closed: false, controller: null, lastEventId: null, retryMs: FIRST_RETRY_MS };

  async function connect() {
    stream.controller = new AbortController();
    const sent = { ...headers(), Accept: "text/event-stream" };
    if (stream.lastEventId !== null) {
      sent["Last-Event-ID"] = stream.lastEventId;
    }
    try {
      const answer = await fetch(url, { headers: sent, signal: stream.controller.signal });
      if (!answer.ok) {
        throw Object.assign(new Error(`${url} answered ${answer.status}`), { status: answer.status });
      }
      stream.retryMs = FIRST_RETRY_MS;
      handlers.open();
      await read(answer.body.getReader());
      handlers.error("the stream ended");
    } catch (failure) {
      if (stream.closed) {
        return;
      }
      handlers.error(failure.message, failure.status);
      if (failure.status === 401 || failure.status === 403) {
        return; // a new token opens a new stream
      }
    }
    if (!stream.closed) {
      setTimeout(connect, stream.retryMs);
      stream.retryMs = Math.min(stream.retryMs * 2, LONGEST_RETRY_MS);
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = "";
    let event = { name: "message", data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith("\r\n", end) ? 2 : 1));
        event = take(line, event);
      }
    }
  }

  /** One line of the stream, as the SSE specification reads it; a blank line dispatches. */
  function take(line, event) {
    if (line === "") {
      if (event.data.length > 0) {
        handlers.event(event.name, event.data.join("\n"));
      }
      return { name: "message", data: [] };
    }
    if (line.startsWith(":")) {
      return event;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") {
      event.name = value;
    } else if (field === "data") {
      event.data.push(value);
    } else if (field === "id") {
      stream.lastEventId = value;
    } else if (field === "retry" && /^\d+$/.test(value)) {
      stream.retryMs = Number(value);
    }
    return event;
  }

  connect();
  return {
    close() {
      stream.closed = true;
      stream.controller?.abort();
    },
  };
}
