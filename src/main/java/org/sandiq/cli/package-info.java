/**
 * The command line, and the one place where the parts are wired together by hand: corpus, cleaner,
 * language detector, analyzers, index, search service and web application. Commands: {@code
 * reindex}, {@code serve}, {@code search}, {@code extract}.
 */
package org.sandiq.cli;
