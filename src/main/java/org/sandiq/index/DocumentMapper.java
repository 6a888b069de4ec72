package org.sandiq.index;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.sandiq.analysis.AnalysisProfile;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.analysis.PassageLanguages;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.DuplicateKeys;

/**
 * The one mapping from Sandiq's documents to Lucene documents (see {@link Fields} for why each
 * field is what it is).
 */
public final class DocumentMapper {
  /**
   * Every analysed title and text field: not stored (the stored copies are {@link Fields#TITLE} and
   * {@link Fields#TEXT}), with positions and offsets in the postings. Each field's value has the
   * stored value's length (blanked where a part is not searched in it), so its offsets point into
   * the stored text and the highlighter never analyses a hit again.
   */
  static final FieldType ANALYSED = analysed();

  private final FacetsConfig facets;
  private final AnalysisProfile profile;

  /** Languages per passage; its detector shares Lingua's models with every other instance. */
  private final PassageLanguages passageLanguages = new PassageLanguages(new LanguageDetector());

  /** The mapping of the multilingual analysis. */
  public DocumentMapper(FacetsConfig facets) {
    this(facets, AnalysisProfile.MULTILINGUAL);
  }

  /**
   * The mapping of {@code profile}: with {@link AnalysisProfile#STANDARD} the title and text are
   * indexed once each, into the {@code und} fields, with no passage languages, folded or
   * cross-script fields.
   */
  public DocumentMapper(FacetsConfig facets, AnalysisProfile profile) {
    this.facets = facets;
    this.profile = profile;
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
    Language language =
        profile == AnalysisProfile.STANDARD ? Language.UND : indexed.detection().language();
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
      int year = doc.date().atOffset(ZoneOffset.UTC).getYear();
      d.add(new SortedSetDocValuesFacetField(Fields.YEAR, Integer.toString(year)));
    }
    if (doc.captureDate() != null) {
      long millis = doc.captureDate().toEpochMilli();
      d.add(new LongPoint(Fields.CAPTURE_DATE, millis));
      d.add(new NumericDocValuesField(Fields.CAPTURE_DATE, millis));
      d.add(new StoredField(Fields.CAPTURE_DATE, millis));
    }
    if (profile == AnalysisProfile.STANDARD) {
      d.add(new StringField(Fields.LANGS, language.code(), Field.Store.YES));
    } else {
      addPassageLanguages(d, language, indexed.searchText());
    }
    DuplicateKeys keys = DuplicateKeys.of(doc);
    addKey(d, Fields.TEXT_HASH, keys.exact());
    addKey(d, Fields.NEAR_HASH, keys.near());
    addKey(d, Fields.URL_KEY, keys.url());
    if (doc.description() != null) {
      d.add(new StoredField(Fields.DESCRIPTION, doc.description()));
    }
    d.add(analysed(Fields.title(language), doc.title()));
    d.add(analysed(Fields.text(language), indexed.searchText()));
    if (profile == AnalysisProfile.STANDARD) {
      return facets.build(d);
    }
    d.add(analysed(Fields.TITLE_FOLDED, doc.title()));
    d.add(analysed(Fields.TEXT_FOLDED, indexed.searchText()));
    d.add(analysed(Fields.TITLE_XSCRIPT, doc.title()));
    d.add(analysed(Fields.TEXT_XSCRIPT, indexed.searchText()));
    return facets.build(d);
  }

  /**
   * Passages in another language than the document's go into that language's text field too (the
   * whole text with everything else blanked, so offsets stay the stored text's), and every language
   * with a passage is listed in {@link Fields#LANGS}. The whole text stays in the document
   * language's field and the folded one, so nothing is searched less than before.
   */
  private void addPassageLanguages(Document d, Language primary, String text) {
    Map<Language, List<PassageLanguages.Passage>> others = new EnumMap<>(Language.class);
    Set<Language> present = new LinkedHashSet<>(); // the primary language first
    if (primary != Language.UND) {
      present.add(primary);
    }
    for (PassageLanguages.Passage passage : passageLanguages.detect(text)) {
      Language l = passage.detection().language();
      if (l == Language.UND) {
        continue;
      }
      present.add(l);
      if (l != primary) {
        others.computeIfAbsent(l, k -> new ArrayList<>()).add(passage);
      }
    }
    others.forEach((l, passages) -> d.add(analysed(Fields.text(l), only(text, passages))));
    for (Language l : present) {
      d.add(new StringField(Fields.LANGS, l.code(), Field.Store.YES));
    }
  }

  private static void addKey(Document d, String field, String key) {
    if (key != null) {
      d.add(new StringField(field, key, Field.Store.NO));
      d.add(new SortedDocValuesField(field, new BytesRef(key)));
    }
  }

  private static FieldType analysed() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static Field analysed(String field, String value) {
    return new Field(field, value, ANALYSED);
  }

  /**
   * {@code text} with every character outside {@code passages} made a space: as long as the text,
   * so offsets into it are offsets into the text.
   */
  static String only(String text, List<PassageLanguages.Passage> passages) {
    char[] out = new char[text.length()];
    Arrays.fill(out, ' ');
    for (PassageLanguages.Passage p : passages) {
      text.getChars(p.start(), p.end(), out, p.start());
    }
    return new String(out);
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
