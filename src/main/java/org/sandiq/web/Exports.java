package org.sandiq.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.sandiq.search.ExportedDocument;
import org.sandiq.search.InvalidRequestException;
import org.sandiq.search.SearchRequest;
import org.sandiq.search.SearchService;

/**
 * A search's every match, written as CSV, JSON Lines or WARC while the index is read: the same
 * writer serves {@code GET /api/export} and {@code sandiq export}. Nothing is gathered first, so
 * memory stays constant whatever the number of matches; the limit is checked before the first byte,
 * so a refused export is a plain 400.
 */
public final class Exports {
  /** CSV columns, in order. */
  static final String CSV_HEADER = "id,url,title,date,capture_date,lang,site,collection,score\r\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Exports() {}

  /** An export format: its name in the API, its media type and its file extension. */
  public enum Format {
    CSV("text/csv; charset=utf-8", "csv"),
    JSONL("application/x-ndjson; charset=utf-8", "jsonl"),
    WARC("application/warc", "warc.gz");

    private final String mediaType;
    private final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public String mediaType() {
      return mediaType;
    }

    public String extension() {
      return extension;
    }

    /** The format named {@code name} (case-insensitive). */
    public static Format parse(String name) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(name.strip())) {
          return f;
        }
      }
      throw new InvalidRequestException(
          "unknown format '" + RequestParams.abbreviate(name) + "': use csv, jsonl or warc");
    }
  }

  /**
   * Writes every match of {@code request} to {@code out} (left open).
   *
   * @param max the most documents one export may hold; past it, a 400 before anything is written
   * @return how many documents were written
   */
  public static long write(
      SearchService search,
      SearchRequest request,
      Format format,
      long max,
      ArchiveExport archive,
      OutputStream out)
      throws IOException {
    OutputStream kept = new BufferedOutputStream(new KeptOpen(out), 64 * 1024);
    long written;
    switch (format) {
      case CSV -> {
        Writer w = new OutputStreamWriter(kept, StandardCharsets.UTF_8);
        boolean[] started = {false};
        written =
            search.export(
                request,
                max,
                false,
                doc -> {
                  if (!started[0]) {
                    w.write(CSV_HEADER);
                    started[0] = true;
                  }
                  csvRow(w, doc);
                });
        if (!started[0]) {
          w.write(CSV_HEADER);
        }
        w.flush();
      }
      case JSONL ->
          written =
              search.export(
                  request,
                  max,
                  true,
                  doc -> {
                    kept.write(JSON.writeValueAsBytes(doc));
                    kept.write('\n');
                  });
      case WARC -> {
        ArchiveExport.Writer[] warc = {null};
        try {
          written =
              search.export(
                  request,
                  max,
                  true,
                  doc -> {
                    if (warc[0] == null) {
                      warc[0] = archive.open(kept);
                    }
                    warc[0].write(doc);
                  });
          if (warc[0] == null) {
            warc[0] = archive.open(kept); // an empty result is a WARC with its warcinfo only
          }
        } finally {
          if (warc[0] != null) {
            warc[0].close();
          }
        }
      }
      default -> throw new IllegalStateException("unknown format " + format);
    }
    kept.flush();
    return written;
  }

  private static void csvRow(Writer w, ExportedDocument d) throws IOException {
    String[] cells = {
      d.id(),
      d.url(),
      d.title(),
      d.date(),
      d.captureDate(),
      d.lang(),
      d.site(),
      d.collection(),
      String.format(Locale.ROOT, "%.4f", d.score())
    };
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(csvCell(cells[i]));
    }
    w.write("\r\n");
  }

  /**
   * A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet
   * would run as a formula ({@code =}, {@code +}, {@code @} first) gets a leading {@code '}, as
   * OWASP advises: archived titles are hostile input.
   */
  static String csvCell(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  /** Passes writes on, but leaves the stream open: the caller owns it. */
  private static final class KeptOpen extends FilterOutputStream {
    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
