package org.sandiq.index;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;

/**
 * How a document's clean text is stored: as a <em>head</em>, its first {@value #HEAD_CHARS}
 * characters, and, for a longer text only, a <em>tail</em> with the rest, both values of {@link
 * Fields#TEXT} and the last stored values of the document.
 *
 * <p>Why split. A hit's snippets come from the head only (nothing past it is highlighted). Lucene
 * decompresses a document larger than its stored-fields block piece by piece as the values are
 * read, and ends the document when a visitor declines its last value, so a reader that declines the
 * tail ({@link #headReader}) never decompresses it. One 2.4 million character text among 200,000
 * harness documents made its query the slowest of all (17 ms at c=1, the next 12 ms): every page
 * showing it decompressed 2.5 MB and built a string of several MB, which the garbage collector
 * treats as a humongous object and answers with a concurrent cycle. The split costs no index bytes
 * beyond one field header.
 *
 * <p>Readers that show the whole text (the document view, export, similar documents) join the
 * values with {@link #of}; an index written before the split has one value, which both readers
 * accept.
 */
public final class StoredText {
  private StoredText() {}

  /** How many characters the head holds: all the snippets and the page's marks look at. */
  public static final int HEAD_CHARS = 100_000;

  /**
   * Adds {@code text}'s stored values to {@code d}; call it after every other stored field, so the
   * tail is the document's last value and a head reader stops before it.
   */
  static void addLast(Document d, String text) {
    if (text.length() <= HEAD_CHARS) {
      d.add(new StoredField(Fields.TEXT, text));
      return;
    }
    // Never between the two halves of a surrogate pair: each value is encoded as UTF-8 on its own.
    int cut = Character.isHighSurrogate(text.charAt(HEAD_CHARS - 1)) ? HEAD_CHARS - 1 : HEAD_CHARS;
    d.add(new StoredField(Fields.TEXT, text.substring(0, cut)));
    d.add(new StoredField(Fields.TEXT, text.substring(cut)));
  }

  /** The whole stored text of a document read with {@link Fields#TEXT}; "" when it has none. */
  public static String of(Document d) {
    IndexableField[] values = d.getFields(Fields.TEXT);
    if (values.length == 1) {
      return values[0].stringValue();
    }
    StringBuilder text = new StringBuilder();
    for (IndexableField value : values) {
      text.append(value.stringValue());
    }
    return text.toString();
  }

  /**
   * A visitor reading {@code fields} of a document, of {@link Fields#TEXT} its head only: {@code
   * getDocument().get(Fields.TEXT)} is at most {@link #HEAD_CHARS} characters.
   */
  public static DocumentStoredFieldVisitor headReader(Set<String> fields) {
    return new DocumentStoredFieldVisitor(fields) {
      private boolean headRead;

      @Override
      public Status needsField(FieldInfo fieldInfo) throws IOException {
        if (fieldInfo.name.equals(Fields.TEXT)) {
          if (headRead) {
            // The tail is the document's last value: Lucene stops reading here (a "no" for the
            // last value ends the document), so the tail is never decompressed.
            return Status.NO;
          }
          headRead = fields.contains(Fields.TEXT);
        }
        return super.needsField(fieldInfo);
      }
    };
  }
}
