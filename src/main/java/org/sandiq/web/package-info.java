/**
 * Step 5 of the flow: HTTP. Javalin routes, JSON by Jackson, the search page and the document view.
 * Only this package knows Javalin, and it knows nothing of Lucene: it talks to a {@link
 * org.sandiq.search.SearchService}.
 *
 * <p>{@link org.sandiq.web.WebApp#create} builds the application without starting it, so the
 * command line starts it on the configured port and tests on a random one. Errors are mapped in one
 * place ({@link org.sandiq.web.ErrorMapping}): bad input is a 400, an unknown document a 404,
 * anything else a 500 with a generic message (the stack trace goes to the log only), always in the
 * shape {@code {"error":{"status":N,"message":"…"}}}.
 */
package org.sandiq.web;
