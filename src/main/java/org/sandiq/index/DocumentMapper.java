package org.sandiq.index;

import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.miscellaneous.EmptyTokenStream;
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
import org.sandiq.analysis.Language;
import org.sandiq.analysis.StemForms;
import org.sandiq.analysis.VariantStreams;
import org.sandiq.ingest.BoundedKeys;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.DuplicateKeys;

/**
 * The one mapping from prepared documents to Lucene documents (see {@link Fields} for why each
 * field is what it is). Everything that needs deciding (language, passages, blanked text, keys) was
 * decided by {@link DocumentPreparation}; this class only maps.
 */
public final class DocumentMapper {
  /**
   * Every analysed title and text field but the language text fields beside the folded ones ({@link
   * #LANGUAGE_TEXT}): not stored (the stored copies are {@link Fields#TITLE} and {@link
   * Fields#TEXT}), with positions and offsets in the postings. Each field's value has the stored
   * value's length (blanked where a part is not searched in it), so its offsets point into the
   * stored text and the highlighter never analyses a hit again.
   */
  static final FieldType ANALYSED = analysed();

  /**
   * A language text field beside the folded fields: frequencies only. BM25 reads frequencies and
   * norms, phrases run on the folded field, and marks come through {@link Fields#TEXT_FORMS}; the
   * positions and offsets were a quarter of the index.
   */
  static final FieldType LANGUAGE_TEXT = languageText();

  /** {@link Fields#OTHER_FOLDED}: frequencies and norms for its low-weighted score, no more. */
  static final FieldType OTHER_TEXT = languageText();

  /** {@link Fields#TEXT_FORMS}: one term per pair, which documents have it and nothing else. */
  static final FieldType PAIRS = pairs();

  private final FacetsConfig facets;
  private final AnalysisProfile profile;

  /**
   * The folded and cross-script fields of a title or text from one tokenisation (null when the
   * profile has no such fields).
   */
  private final VariantStreams variants;

  /**
   * The stem-to-word pairs of the language text fields, when those are indexed without offsets
   * (null otherwise: the standard analysis, or an index built before they were).
   */
  private final StemForms stemForms;

  /**
   * Every analysed field of the profile that has norms, with its type. Every document, content or
   * file, carries each of them, empty where it has no such text ({@link #withEveryScoredField}).
   */
  private final Map<String, FieldType> scoredFields = new LinkedHashMap<>();

  /** The mapping of the multilingual analysis. */
  public DocumentMapper(FacetsConfig facets) {
    this(facets, AnalysisProfile.MULTILINGUAL);
  }

  /** The mapping of {@code profile}: which fields exist is the profile's. */
  public DocumentMapper(FacetsConfig facets, AnalysisProfile profile) {
    this(facets, profile, false);
  }

  /**
   * The mapping of {@code profile}, with {@code languageTextOffsets} set for an index whose
   * language text fields were built with positions and offsets (before {@link Fields#TEXT_FORMS}):
   * Lucene keeps a field's index options for the life of the index, so updates write them the same
   * way.
   */
  public DocumentMapper(FacetsConfig facets, AnalysisProfile profile, boolean languageTextOffsets) {
    this.facets = facets;
    this.profile = profile;
    this.variants = profile.hasVariantFields() ? new VariantStreams() : null;
    this.stemForms = variants != null && !languageTextOffsets ? new StemForms() : null;
    for (Language language : profile.languages()) {
      scoredFields.put(Fields.title(language), ANALYSED);
      scoredFields.put(Fields.text(language), stemForms != null ? LANGUAGE_TEXT : ANALYSED);
    }
    if (variants != null) {
      for (String field :
          new String[] {
            Fields.TITLE_FOLDED, Fields.TEXT_FOLDED, Fields.TITLE_XSCRIPT, Fields.TEXT_XSCRIPT
          }) {
        scoredFields.put(field, ANALYSED);
      }
      scoredFields.put(Fields.OTHER_FOLDED, OTHER_TEXT);
    }
  }

  /**
   * The facet configuration shared with the search side (dimensions {@code lang}, {@code site}).
   */
  public static FacetsConfig facetsConfig() {
    return new FacetsConfig();
  }

  /**
   * The Lucene document for one content document. Its folded and cross-script fields are token
   * streams of this thread's reusable chains ({@link VariantStreams}): index the document on this
   * thread before mapping the next one (the index does both in one call).
   */
  public Document toLucene(PreparedDocument prepared) throws java.io.IOException {
    CleanDocument doc = prepared.document();
    Language language = prepared.language();
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.KIND_CONTENT, Field.Store.NO));
    d.add(new StringField(Fields.ID, doc.id(), Field.Store.YES));
    d.add(new StringField(Fields.FILE, prepared.file(), Field.Store.NO));
    d.add(new StoredField(Fields.SOURCE, doc.source()));
    for (String name : doc.captureNames()) {
      d.add(new StringField(Fields.CAPTURE_NAMES, name, Field.Store.NO));
    }
    d.add(new StoredField(Fields.URL, doc.url()));
    d.add(new StringField(Fields.URL, BoundedKeys.of(doc.url()), Field.Store.NO));
    if (doc.canonicalUrl() != null) {
      d.add(new StoredField(Fields.CANONICAL_URL, doc.canonicalUrl()));
    }
    d.add(new StoredField(Fields.TITLE, doc.title()));
    d.add(new StringField(Fields.LANG, language.code(), Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(Fields.LANG, language.code()));
    if (doc.site() != null) {
      d.add(new StringField(Fields.SITE, doc.site(), Field.Store.YES));
      d.add(new SortedSetDocValuesFacetField(Fields.SITE, doc.site()));
    }
    String collection = prepared.collection();
    d.add(new StringField(Fields.COLLECTION, collection, Field.Store.YES));
    d.add(new SortedSetDocValuesFacetField(Fields.COLLECTION, collection));
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
    for (Language l : prepared.languages()) {
      d.add(new StringField(Fields.LANGS, l.code(), Field.Store.YES));
    }
    DuplicateKeys keys = prepared.keys();
    addKey(d, Fields.TEXT_HASH, keys.exact());
    addKey(d, Fields.NEAR_HASH, keys.near());
    addKey(d, Fields.URL_KEY, keys.url());
    if (doc.description() != null) {
      d.add(new StoredField(Fields.DESCRIPTION, doc.description()));
    }
    StoredText.addLast(d, doc.text());
    // A language without fields of its own (text in a language Sandiq has no rules for, in the
    // multilingual analysis) is searched through the folded and cross-script fields only.
    boolean ownFields = profile.hasFieldsFor(language);
    if (ownFields) {
      d.add(analysed(Fields.title(language), doc.title()));
    }
    if (stemForms == null) {
      if (ownFields) {
        d.add(analysed(Fields.text(language), prepared.searchText()));
      }
      prepared.otherLanguages().forEach((l, text) -> d.add(analysed(Fields.text(l), text)));
    } else {
      // The pairs are recorded while the writer inverts the texts, so their field comes after.
      StemForms.Recorder recorder = stemForms.begin();
      if (ownFields) {
        d.add(languageText(recorder, language, prepared.searchText()));
      }
      prepared.otherLanguages().forEach((l, text) -> d.add(languageText(recorder, l, text)));
      d.add(new Field(Fields.TEXT_FORMS, recorder.pairs(), PAIRS));
    }
    if (variants != null) {
      // Each folded field drives the tokenizer its cross-script field replays, so it comes first:
      // the writer inverts a document's fields in the order they were added.
      VariantStreams.Streams title = variants.title(doc.title());
      VariantStreams.Streams text = variants.text(prepared.searchText());
      d.add(new Field(Fields.TITLE_FOLDED, title.folded(), ANALYSED));
      d.add(new Field(Fields.TEXT_FOLDED, text.folded(), ANALYSED));
      d.add(new Field(Fields.TITLE_XSCRIPT, title.names(), ANALYSED));
      d.add(new Field(Fields.TEXT_XSCRIPT, text.names(), ANALYSED));
      if (!doc.otherText().isEmpty()) {
        d.add(new Field(Fields.OTHER_FOLDED, doc.otherText(), OTHER_TEXT));
      }
    }
    return facets.build(withEveryScoredField(d));
  }

  /**
   * {@code d} with an empty value of each scored field it lacks. An empty field adds no term (so no
   * statistic a score uses, and no score, changes) but a norm of 0, and a field every document of a
   * segment has a norm for keeps its norms dense: read straight by document number, where sparse
   * norms go through a bitset index for every document scored (6 % of a search's samples, since the
   * file documents have no text and most language fields are in a few documents only).
   */
  private Document withEveryScoredField(Document d) {
    Set<String> present = new HashSet<>();
    d.getFields().forEach(field -> present.add(field.name()));
    scoredFields.forEach(
        (name, type) -> {
          if (!present.contains(name)) {
            d.add(new Field(name, new EmptyTokenStream(), type));
          }
        });
    return d;
  }

  /**
   * The collection of a corpus file: the first folder of its corpus-relative path, or {@code
   * corpus} for a file at the top. A folder is what an archivist hands over as one collection (one
   * crawl, one donation), so it is the unit a researcher filters and exports by.
   */
  public static String collectionOf(String relativePath) {
    String path = relativePath.replace('\\', '/');
    int slash = path.indexOf('/');
    return slash > 0 ? path.substring(0, slash) : "corpus";
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

  private static FieldType languageText() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    return type;
  }

  private static FieldType pairs() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static Field languageText(StemForms.Recorder recorder, Language language, String text) {
    String field = Fields.text(language);
    return new Field(field, recorder.text(language, field, text), LANGUAGE_TEXT);
  }

  private static Field analysed(String field, String value) {
    return new Field(field, value, ANALYSED);
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
    return withEveryScoredField(d);
  }
}
