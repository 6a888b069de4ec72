/**
 * The crawler: fetch → WARC. Starting from seed URLs it fetches pages politely (robots.txt, one
 * request at a time per host, delays, back-off), within bounds (pages, depth, per host, size, time,
 * scope, trap guards), and archives every exchange as WARC 1.1 records that the ingest package
 * reads like any other WARC file. Its frontier and seen-set live in an append-only journal beside
 * the WARC files, so a killed crawl resumes where it stopped.
 *
 * <p>Uses the JDK's {@code java.net.http} client, jwarc and crawler-commons; from Sandiq only
 * {@code ingest.PageLinks} (Jsoup stays in ingest). No Javalin, no Lucene.
 */
package org.sandiq.crawl;
