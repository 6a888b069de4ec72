/**
 * Step 1 of the flow: raw input to clean documents.
 *
 * <p>A file in the corpus (plain text, HTML, or a WARC web archive) is read as one or more {@link
 * org.sandiq.ingest.RawDocument}s, each with its bytes and whatever the archive said about it (URL,
 * capture date, declared charset). {@link org.sandiq.ingest.DocumentCleaner} turns a raw document
 * into a {@link org.sandiq.ingest.CleanDocument}: decoded text without markup, title, date, URL and
 * site. Jsoup is used here and nowhere else.
 */
package org.sandiq.ingest;
