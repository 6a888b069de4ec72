package org.sandiq.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards admin actions: they are off unless a token is configured, and then need {@code
 * Authorization: Bearer <token>}. The comparison is constant-time over SHA-256 digests, so the
 * response time tells nothing about how much of a guess was right.
 */
final class AdminAccess {
  private final byte[] tokenDigest;

  AdminAccess(String token) {
    this.tokenDigest = token == null ? null : sha256(token);
  }

  /** Throws 403 when admin actions are off, 401 when the token is missing or wrong. */
  void check(Context ctx) {
    if (tokenDigest == null) {
      throw new ForbiddenResponse(
          "admin actions are off: start serve with an admin token (SANDIQ_ADMIN_TOKEN or"
              + " --admin-token-file)");
    }
    String header = ctx.header("Authorization");
    String given =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).strip()
            : "";
    if (!MessageDigest.isEqual(tokenDigest, sha256(given))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"sandiq\"");
      throw new UnauthorizedResponse("a valid admin token is required (Authorization: Bearer …)");
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
