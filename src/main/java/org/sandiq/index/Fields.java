package org.sandiq.index;

import java.util.ArrayList;
import java.util.List;
import org.sandiq.analysis.Language;

/**
 * Every field name in the index, and why each field is indexed, stored or doc-valued.
 *
 * <p>There are two kinds of document. A <em>content</em> document is one archived page or text; a
 * <em>file</em> document records one corpus file (its content hash, size and modification time), so
 * an incremental reindex knows what changed without opening stored fields, even for files that
 * yield no content.
 *
 * <p>Every document of either kind carries every analysed title and text field of its analysis,
 * empty where it has no such text: an empty field adds no term (no statistic a score reads changes)
 * but a norm, and norms every document has are read straight by document number, where sparse ones
 * go through a bitset index for each document scored ({@code DocumentMapper}).
 */
public final class Fields {
  private Fields() {}

  /** Which kind a document is: indexed (filters to content documents), not stored. */
  public static final String KIND = "kind";

  /** {@link #KIND} of a content document. */
  public static final String KIND_CONTENT = "doc";

  /** {@link #KIND} of a file document. */
  public static final String KIND_FILE = "file";

  /**
   * Unique key. Indexed as one exact term, so {@code updateDocument} replaces and {@code /doc/{id}}
   * finds a document; stored, because every hit returns it.
   */
  public static final String ID = "id";

  /**
   * The corpus-relative path of the file a document came from. Indexed (one term) on both kinds, so
   * all documents of a changed or removed file are deleted with one term.
   */
  public static final String FILE = "file";

  /**
   * The same path as sorted doc values, on file documents only, so the list of indexed files is
   * read without stored fields. (A separate name, because Lucene wants one field to have the same
   * doc-values type in every document.)
   */
  public static final String FILE_PATH = "file_path";

  /** SHA-256 of a file's bytes (file documents): sorted doc values, read by reindexing only. */
  public static final String FILE_HASH = "file_hash";

  /** A file's size in bytes (file documents): numeric doc values, for the quick unchanged test. */
  public static final String FILE_SIZE = "file_size";

  /**
   * A file's modification time in ms (file documents): numeric doc values, as {@link #FILE_SIZE}.
   */
  public static final String FILE_MODIFIED = "file_modified";

  /**
   * Where a document came from (path, {@code #offset} in a WARC): stored, for the document view.
   */
  public static final String SOURCE = "source";

  /**
   * The names a revisit in another archive file may point at a capture by (record id, URL and date,
   * payload digest; {@code ingest/CaptureNames}): indexed only, one term each, so that a reindex
   * finds the capture a later crawl's revisit repeats. Only archived captures have them.
   */
  public static final String CAPTURE_NAMES = "capture_names";

  /** The document's URL: stored for display; indexed as one term to find captures of a URL. */
  public static final String URL = "url";

  /**
   * The canonical link a page declares, when it has one: stored only, for display. Kept apart from
   * {@link #URL}, which for an archived capture is the URL the archive captured.
   */
  public static final String CANONICAL_URL = "canonical_url";

  /** The title as shown: stored only; it is searched through the per-language title fields. */
  public static final String TITLE = "title";

  /**
   * The clean text as shown: stored only (snippets are cut from it), as a head and, for a long
   * text, a tail, so a hit reads no more than its snippets need ({@link StoredText}); searched per
   * language.
   */
  public static final String TEXT = "text";

  /**
   * Language code: indexed (the {@code lang} filter), stored (shown), and a facet dimension of the
   * same name (counts per language from doc values).
   */
  public static final String LANG = "lang";

  /**
   * Site (host, or collection for loose files): indexed, stored and a facet, like {@link #LANG}.
   */
  public static final String SITE = "site";

  /**
   * The collection a document belongs to: the top folder of the corpus it came from ({@code corpus}
   * for a file at the top), or the name the corpus's {@code collections.properties} gives that
   * folder. Indexed (the {@code collection:} filter), stored (shown on each hit, exported) and a
   * facet dimension of the same name.
   */
  public static final String COLLECTION = "collection";

  /**
   * Publication or capture date, epoch milliseconds: a point (date ranges), numeric doc values
   * (sorting by date) and stored (shown).
   */
  public static final String DATE = "date";

  /** Year of {@link #DATE}: a facet dimension only (counts per year, from doc values). */
  public static final String YEAR = "year";

  /**
   * When the archive captured the document (WARC-Date), epoch milliseconds, kept apart from {@link
   * #DATE} (which prefers the publication date): a point (capture ranges), numeric doc values
   * (ordering captures of one URL) and stored (shown). Absent for loose files.
   */
  public static final String CAPTURE_DATE = "capture_date";

  /**
   * The page's own summary ({@code meta description}): stored only, for display; its words are not
   * searched, since they repeat the text or advertise the site.
   */
  public static final String DESCRIPTION = "description";

  /**
   * Every language the document has a passage in (besides {@link #LANG}, its primary one): indexed
   * (filter documents that contain some Russian) and stored (shown). Each such passage is also
   * indexed into that language's text field ({@link #text(Language)}).
   */
  public static final String LANGS = "langs";

  /**
   * Exact-duplicate key: a hash of the normalised clean text ({@code DuplicateKeys.exact}). Indexed
   * (one term: find the copies of a document) and sorted doc values (collapse copies in results,
   * count them after a reindex); not stored.
   */
  public static final String TEXT_HASH = "text_hash";

  /**
   * Near-duplicate cluster key: a MinHash sketch of the clean text's shingles ({@code
   * DuplicateKeys.near}), indexed and doc-valued like {@link #TEXT_HASH}. Absent for very short
   * texts.
   */
  public static final String NEAR_HASH = "near_hash";

  /**
   * Capture key: the normalised URL ({@code DuplicateKeys.url}) shared by every capture of one
   * page, indexed and doc-valued like {@link #TEXT_HASH}. Absent for loose files.
   */
  public static final String URL_KEY = "url_key";

  /**
   * A page's visible text outside its main text (menus, link lists, sidebars, comments), analysed
   * as the folded field is: indexed with frequencies and norms only (no positions, no offsets: no
   * phrase and no mark comes from it), not stored, never shown. Every query word probes it at a low
   * weight ({@code search.FieldWeights#OTHER}), so a word a reader saw anywhere on a page finds
   * that page, below the pages whose main text has it. Pages only: a text file has none.
   */
  public static final String OTHER_FOLDED = "other_folded";

  /** Title words folded (no case, no diacritics, ə as e): indexed, not stored. */
  public static final String TITLE_FOLDED = "title_folded";

  /** Text words folded like {@link #TITLE_FOLDED}: indexed, not stored. */
  public static final String TEXT_FOLDED = "text_folded";

  /**
   * Title words as cross-script name keys: Cyrillic romanised (BGN), spelling variants merged
   * ({@code Ходжалы}, {@code Khojaly}, {@code Xocalı} → {@code hocali}). Indexed, not stored. A
   * separate field, searched with a low weight, because the key also merges unrelated words: it can
   * find a name in another script without moving the top results of ordinary queries.
   */
  public static final String TITLE_XSCRIPT = "title_xscript";

  /**
   * The text's name-like words (a capital first letter) as cross-script name keys, like {@link
   * #TITLE_XSCRIPT}: indexed, not stored. Ordinary words are left out: they are found through the
   * language and folded fields, and keying them too made every token of a text go through the
   * inversion a third time. A query keys every word, so {@code khojaly} still meets {@code
   * Ходжалы}.
   */
  public static final String TEXT_XSCRIPT = "text_xscript";

  /**
   * Which folded words each stem of a text's language fields stands for: one term per pair of
   * language, stem and folded word ({@code StemForms}), for the words whose folded spelling is not
   * the stem itself ({@code forces} for {@code forc}). Indexed without frequencies, positions or
   * norms, not stored. The language text fields carry no offsets, so the highlighter marks a stem's
   * matches through these words in {@link #TEXT_FOLDED}, which has offsets.
   */
  public static final String TEXT_FORMS = "text_forms";

  /**
   * The title in its language's analysis ({@code title_az}, {@code title_en} …): indexed with that
   * language's analyzer, not stored (the stored copy is {@link #TITLE}). Only the languages of the
   * profile have these ({@code AnalysisProfile.hasFieldsFor}): under the multilingual analysis a
   * text in another language is in the folded and cross-script fields only, which hold its words.
   */
  public static String title(Language language) {
    return "title_" + language.code();
  }

  /**
   * The text in its language's analysis ({@code text_az} …): indexed, not stored. With the folded
   * fields (the multilingual analysis) it holds frequencies only: its scores need no more, phrases
   * run on the folded field, and its matches are marked through {@link #TEXT_FORMS}. Without them
   * (the {@code standard} analysis) it has positions and offsets, as the folded field has.
   */
  public static String text(Language language) {
    return "text_" + language.code();
  }

  /**
   * Every title field some analysis has: one per language ({@code title_und} in the standard
   * analysis only), then the folded one. {@link AnalysisProfile#titleFields} names one profile's.
   */
  public static List<String> titleFields() {
    List<String> fields = new ArrayList<>();
    for (Language language : Language.values()) {
      fields.add(title(language));
    }
    fields.add(TITLE_FOLDED);
    return fields;
  }

  /**
   * Every text field some analysis has: one per language ({@code text_und} in the standard analysis
   * only), then the folded one. {@link AnalysisProfile#textFields} names one profile's.
   */
  public static List<String> textFields() {
    List<String> fields = new ArrayList<>();
    for (Language language : Language.values()) {
      fields.add(text(language));
    }
    fields.add(TEXT_FOLDED);
    return fields;
  }
}
