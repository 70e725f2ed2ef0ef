package io.cairn.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The web server's own error page, for requests that fail before the framework sees them (a
 * malformed URI, oversized headers): the same JSON shape as every other error, and never a stack
 * trace.
 */
final class JsonErrorPage extends ErrorHandler {
  private static final HttpField JSON =
      new HttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");

  private static final String RETRY_AFTER_SECONDS = "1";

  private final ObjectMapper mapper;

  JsonErrorPage(ObjectMapper mapper) {
    this.mapper = mapper;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(JSON);
    if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
      // Refused while the server stops: another instance, or this one restarted, will take it.
      response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    response.write(true, ByteBuffer.wrap(body(status, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(JSON);
    return ByteBuffer.wrap(body(status, reason));
  }

  private byte[] body(int status, String message) {
    // The server's own message for a failure of its own names its exception's class, no help to a
    // client; what it says of a client's mistake (a bad header, a malformed URI) is.
    String said =
        status == HttpStatus.SERVICE_UNAVAILABLE_503
            ? "The server cannot take this request now, as while it stops; nothing was done. Retry"
                + " shortly."
            : status >= HttpStatus.INTERNAL_SERVER_ERROR_500 ? null : message;
    try {
      return mapper.writeValueAsBytes(ErrorResponses.frameworkError(status, said));
    } catch (JsonProcessingException e) {
      return "{\"error\":\"internal_error\",\"message\":\"The request failed.\",\"details\":{}}"
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
