package org.sandiq.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before a request reaches the application: a path it refuses to
 * decode ({@code /api/doc/%00}, an ambiguous {@code %2F} segment), a malformed request line. Under
 * {@code /api/}, and for a client that does not ask for HTML, they get the application's one JSON
 * shape ({@link ErrorBody}), so a client of the API parses every error the same way; a browser
 * keeps Jetty's small HTML page. A server error's message is the generic one {@link ErrorMapping}
 * gives, never Jetty's detail.
 */
final class ContainerErrors extends ErrorHandler {
  /** What a 400 without Jetty's reason says: nearly always a path that does not decode. */
  static final String UNREADABLE =
      "bad request: the path or request line could not be decoded (check its percent-encoding)";

  private final ObjectMapper json;

  ContainerErrors(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    if (!isApi(request) && acceptsHtml(request)) {
      super.generateResponse(request, response, code, message, cause, callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  private byte[] body(int code, String message) throws JsonProcessingException {
    String text;
    if (code >= 500) {
      text = "internal error: the request could not be answered";
    } else if (isBare(code, message)) {
      text = code == 400 ? UNREADABLE : HttpStatus.getMessage(code);
    } else {
      text = message;
    }
    return json.writeValueAsBytes(ErrorBody.of(code, text));
  }

  /** Whether Jetty gave no reason beyond the status line's own phrase ("Bad Request"). */
  private static boolean isBare(int code, String message) {
    return message == null || message.isBlank() || message.equals(HttpStatus.getMessage(code));
  }

  /**
   * Whether the client asked for HTML, as a browser does. A request Jetty could not parse at all
   * reaches here without its path or headers, so it is answered in JSON: such requests come from
   * programs, not from the search page.
   */
  private static boolean acceptsHtml(Request request) {
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    return accept != null && accept.contains("text/html");
  }

  /** Whether the request was for the API, judged from the raw path (it may not decode). */
  private static boolean isApi(Request request) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    return path != null && path.startsWith("/api/");
  }
}
