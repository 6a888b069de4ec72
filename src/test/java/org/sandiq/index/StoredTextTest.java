package org.sandiq.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.testing.Fixtures;

/** A long text is stored as head and tail; the whole text reads back, a hit reads the head only. */
class StoredTextTest {
  @TempDir Path dir;

  private static List<String> texts(Document d) {
    return Arrays.stream(d.getFields(Fields.TEXT)).map(IndexableField::stringValue).toList();
  }

  @Test
  void aShortTextIsOneValueAndALongOneIsCutNeverInsideASurrogatePair() {
    Document d = new Document();
    StoredText.addLast(d, "short");
    assertEquals(List.of("short"), texts(d));

    // "𝒳" (two chars) starts at the head's last char: the cut moves before it.
    String text = "a".repeat(StoredText.HEAD_CHARS - 1) + "𝒳" + "b".repeat(10);
    Document split = new Document();
    StoredText.addLast(split, text);
    List<String> values = texts(split);
    assertEquals(2, values.size());
    assertEquals(StoredText.HEAD_CHARS - 1, values.get(0).length());
    assertEquals("𝒳" + "b".repeat(10), values.get(1));
    assertEquals(text, StoredText.of(split));

    String even = "c".repeat(StoredText.HEAD_CHARS + 5);
    Document cut = new Document();
    StoredText.addLast(cut, even);
    assertEquals(StoredText.HEAD_CHARS, texts(cut).get(0).length());
    assertEquals(even, StoredText.of(cut));
  }

  @Test
  void theTailIsTheLastStoredValueSoAHitsReaderNeverReachesIt() throws Exception {
    Path corpus = dir.resolve("corpus");
    StringBuilder text = new StringBuilder("Harbour records\n\n");
    for (int i = 0; text.length() < 3 * StoredText.HEAD_CHARS; i++) {
      text.append("Entry ").append(i).append(": a ship came into the harbour.\n");
    }
    Fixtures.write(corpus, "long.txt", text.toString());
    Path index = dir.resolve("index");
    assertTrue(Fixtures.reindex(corpus, index, true).succeeded());

    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredFields stored = reader.storedFields();
      int checked = 0;
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document whole = stored.document(doc);
        if (whole.getFields(Fields.TEXT).length == 0) {
          continue; // the file's own document
        }
        checked++;
        String full = StoredText.of(whole);
        assertTrue(full.length() > 2 * StoredText.HEAD_CHARS, () -> full.length() + " chars");
        assertTrue(full.endsWith("came into the harbour."), full.substring(full.length() - 60));

        List<String> order = new ArrayList<>();
        stored.document(doc, recording(order));
        assertEquals(
            List.of(Fields.TEXT, Fields.TEXT),
            order.subList(order.size() - 2, order.size()),
            "head and tail last: " + order);

        Set<String> fields = Set.of(Fields.ID, Fields.URL, Fields.TITLE, Fields.LANG, Fields.TEXT);
        DocumentStoredFieldVisitor head = StoredText.headReader(fields);
        stored.document(doc, head);
        Document hit = head.getDocument();
        assertEquals(List.of(full.substring(0, StoredText.HEAD_CHARS)), texts(hit));
        for (String field : List.of(Fields.ID, Fields.URL, Fields.TITLE, Fields.LANG)) {
          assertEquals(whole.get(field), hit.get(field), field);
        }
      }
      assertEquals(1, checked);
    }
  }

  /** A visitor reading every value and noting each field's name in order. */
  private static StoredFieldVisitor recording(List<String> order) {
    return new StoredFieldVisitor() {
      @Override
      public Status needsField(FieldInfo fieldInfo) {
        order.add(fieldInfo.name);
        return Status.YES;
      }
    };
  }
}
