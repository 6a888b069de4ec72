package org.sandiq.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.sandiq.analysis.Language;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.analysis.PassageLanguages;
import org.sandiq.ingest.BoilerplateLines;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.DocumentCleaner;
import org.sandiq.ingest.DuplicateKeys;
import org.sandiq.ingest.IngestException;
import org.sandiq.ingest.RawDocument;

/**
 * The one step from "raw" to "ready to index": clean, detect the document's language once, find its
 * passages and theirs, blank the folder's boilerplate lines, compute the duplicate keys. Every way
 * into the index (the reindex job, {@code eval}) goes through it, so what is measured is what the
 * product indexes. Thread-safe.
 */
public final class DocumentPreparation {
  private final AnalysisProfile profile;
  private final LanguageDetector detector;
  private final PassageLanguages passages;
  private final DocumentCleaner cleaner;
  private final Function<String, String> collections;

  /** The preparation for {@code profile}, cleaning HTML to its main text. */
  public DocumentPreparation(AnalysisProfile profile, LanguageDetector detector) {
    this(profile, detector, new DocumentCleaner());
  }

  /** A preparation whose collections are the files' top folders. */
  public DocumentPreparation(
      AnalysisProfile profile, LanguageDetector detector, DocumentCleaner cleaner) {
    this(profile, detector, cleaner, DocumentMapper::collectionOf);
  }

  /**
   * @param collections the collection of a corpus-relative file path (a corpus's own names, see
   *     {@code Corpus.collectionOf})
   */
  public DocumentPreparation(
      AnalysisProfile profile,
      LanguageDetector detector,
      DocumentCleaner cleaner,
      Function<String, String> collections) {
    this.profile = profile;
    this.detector = detector;
    if (profile.detectsLanguages()) {
      LanguageDetector.loadModelsInBackground(); // while the first files are read
    }
    this.passages = new PassageLanguages(detector);
    this.cleaner = cleaner;
    this.collections = collections;
  }

  /**
   * Cleans and prepares one raw document of {@code file}.
   *
   * @throws IngestException when it cannot be cleaned (binary content, a bad JSON line)
   */
  public PreparedDocument prepare(RawDocument raw, String file, BoilerplateLines boilerplate)
      throws IngestException {
    return prepare(cleaner.clean(raw), file, boilerplate);
  }

  /** Cleans one raw document: for a job that must learn from clean texts before preparing. */
  public CleanDocument clean(RawDocument raw) throws IngestException {
    return cleaner.clean(raw);
  }

  /** Prepares a clean document whose whole text is searched. */
  public PreparedDocument prepare(CleanDocument doc, String file) {
    return prepare(doc, file, BoilerplateLines.none());
  }

  /** Prepares a clean document of {@code file}, blanking the boilerplate lines of its folder. */
  public PreparedDocument prepare(CleanDocument doc, String file, BoilerplateLines boilerplate) {
    String searchText = boilerplate.searchable(BoilerplateLines.folderOf(file), doc.text());
    DuplicateKeys keys = DuplicateKeys.of(doc);
    if (!profile.detectsLanguages()) {
      return new PreparedDocument(
          doc,
          file,
          Language.UND,
          searchText,
          Map.of(),
          List.of(Language.UND),
          keys,
          collections.apply(file));
    }
    // A record with a title and no text (JSON Lines allows it) is told by its title.
    String sample = doc.text().isBlank() ? doc.title() : doc.text();
    Language primary = detector.detect(sample, doc.langHint()).language();
    Map<Language, List<PassageLanguages.Passage>> others = new EnumMap<>(Language.class);
    Set<Language> present = new LinkedHashSet<>(); // the document's own language first
    if (primary != Language.UND) {
      present.add(primary);
    }
    for (PassageLanguages.Passage passage : passages.detect(searchText)) {
      Language l = passage.detection().language();
      if (l == Language.UND) {
        continue;
      }
      present.add(l);
      if (l != primary) {
        others.computeIfAbsent(l, k -> new ArrayList<>()).add(passage);
      }
    }
    Map<Language, String> otherTexts = new EnumMap<>(Language.class);
    others.forEach((l, list) -> otherTexts.put(l, only(searchText, list)));
    return new PreparedDocument(
        doc,
        file,
        primary,
        searchText,
        otherTexts,
        List.copyOf(present),
        keys,
        collections.apply(file));
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
}
