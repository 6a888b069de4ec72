package org.sandiq.index;

import java.util.List;
import java.util.Map;
import org.sandiq.analysis.Language;
import org.sandiq.ingest.CleanDocument;
import org.sandiq.ingest.DuplicateKeys;

/**
 * A document ready to index: everything {@link DocumentMapper} writes, decided once by {@link
 * DocumentPreparation}, so the mapper only maps.
 *
 * @param document the clean document (its title and text are what is stored)
 * @param file the corpus-relative path of its file
 * @param language the language whose title and text fields it goes into ({@link Language#UND} when
 *     undetermined or not detected)
 * @param searchText the text that is searched: the stored text with the lines that are boilerplate
 *     in its folder blanked (same length, so offsets are the stored text's)
 * @param otherLanguages for each other language with a passage of its own, the text of that
 *     language's field: the search text with everything outside those passages blanked
 * @param languages every language the document has text in, its own first ({@link Fields#LANGS})
 * @param keys its duplicate keys
 * @param collection the collection it belongs to ({@link Fields#COLLECTION})
 */
public record PreparedDocument(
    CleanDocument document,
    String file,
    Language language,
    String searchText,
    Map<Language, String> otherLanguages,
    List<Language> languages,
    DuplicateKeys keys,
    String collection) {}
