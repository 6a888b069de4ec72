package org.sandiq.index;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.sandiq.analysis.Language;
import org.sandiq.ingest.CleanDocument;

/**
 * The one mapping from Sandiq's documents to Lucene documents (see {@link Fields} for why each
 * field is what it is).
 */
public final class DocumentMapper {
  private final FacetsConfig facets;

  public DocumentMapper(FacetsConfig facets) {
    this.facets = facets;
  }

  /**
   * The facet configuration shared with the search side (dimensions {@code lang}, {@code site}).
   */
  public static FacetsConfig facetsConfig() {
    return new FacetsConfig();
  }

  /** The Lucene document for one content document. */
  public Document toLucene(IndexedDocument indexed) throws IOException {
    CleanDocument doc = indexed.document();
    Language language = indexed.detection().language();
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_CONTENT, Field.Store.NO));
    d.add(new StringField(Fields.ID, doc.id(), Field.Store.YES));
    d.add(new StringField(Fields.FILE, indexed.file(), Field.Store.NO));
    d.add(new StoredField(Fields.SOURCE, doc.source()));
    d.add(new StringField(Fields.URL, doc.url(), Field.Store.YES));
    d.add(new StoredField(Fields.TITLE, doc.title()));
    d.add(new StoredField(Fields.TEXT, doc.text()));
    d.add(new StringField(Fields.LANG, language.code(), Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(Fields.LANG, language.code()));
    if (doc.site() != null) {
      d.add(new StringField(Fields.SITE, doc.site(), Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(Fields.SITE, doc.site()));
    }
    if (doc.date() != null) {
      long millis = doc.date().toEpochMilli();
      d.add(new LongPoint(Fields.DATE, millis));
      d.add(new NumericDocValuesField(Fields.DATE, millis));
      d.add(new StoredField(Fields.DATE, millis));
    }
    d.add(new TextField(Fields.title(language), doc.title(), Field.Store.NO));
    d.add(new TextField(Fields.text(language), doc.text(), Field.Store.NO));
    d.add(new TextField(Fields.TITLE_FOLDED, doc.title(), Field.Store.NO));
    d.add(new TextField(Fields.TEXT_FOLDED, doc.text(), Field.Store.NO));
    d.add(new TextField(Fields.TITLE_XSCRIPT, doc.title(), Field.Store.NO));
    d.add(new TextField(Fields.TEXT_XSCRIPT, doc.text(), Field.Store.NO));
    return facets.build(d);
  }

  /** The file document that records {@code stamp}. */
  public Document fileRecord(FileStamp stamp) {
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_FILE, Field.Store.NO));
    d.add(new StringField(Fields.ID, "file:" + stamp.file(), Field.Store.NO));
    d.add(new StringField(Fields.FILE, stamp.file(), Field.Store.NO));
    d.add(new SortedDocValuesField(Fields.FILE_PATH, new BytesRef(stamp.file())));
    d.add(new SortedDocValuesField(Fields.FILE_HASH, new BytesRef(stamp.hash())));
    d.add(new NumericDocValuesField(Fields.FILE_SIZE, stamp.size()));
    d.add(new NumericDocValuesField(Fields.FILE_MODIFIED, stamp.modifiedMillis()));
    return d;
  }
}
