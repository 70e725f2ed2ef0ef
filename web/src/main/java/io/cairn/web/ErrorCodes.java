package io.cairn.web;

import java.util.Map;

/** The stable error code for each HTTP status that the framework itself may answer with. */
final class ErrorCodes {
  private static final Map<Integer, String> BY_STATUS =
      Map.ofEntries(
          Map.entry(400, "bad_request"),
          Map.entry(401, "unauthorized"),
          Map.entry(403, "forbidden"),
          Map.entry(404, "not_found"),
          Map.entry(405, "method_not_allowed"),
          Map.entry(406, "not_acceptable"),
          Map.entry(408, "request_timeout"),
          Map.entry(409, "conflict"),
          Map.entry(413, "payload_too_large"),
          Map.entry(414, "uri_too_long"),
          Map.entry(415, "unsupported_media_type"),
          Map.entry(429, "too_many_requests"),
          Map.entry(431, "request_header_fields_too_large"),
          Map.entry(500, "internal_error"),
          Map.entry(501, "not_implemented"),
          Map.entry(503, "service_unavailable"),
          Map.entry(504, "gateway_timeout"));

  private ErrorCodes() {}

  static String forStatus(int status) {
    return BY_STATUS.getOrDefault(status, status < 500 ? "bad_request" : "internal_error");
  }
}
