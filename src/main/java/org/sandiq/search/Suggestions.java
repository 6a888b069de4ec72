package org.sandiq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.sandiq.analysis.Language;
import org.sandiq.index.Fields;
import org.sandiq.index.StoredText;

/**
 * "Did you mean": a better query made from the index's own vocabulary, word by word.
 *
 * <p>A word that matches only through folding ({@code soyqirimi} typed for {@code soyqırımı}) is
 * replaced by the spelling the documents use. A word that matches nothing is corrected with
 * Lucene's {@link DirectSpellChecker} over the folded field ({@code Khojali} → {@code Khojaly}),
 * and again shown in the documents' spelling. Only plain words are touched; phrases, operators and
 * field syntax are kept as typed. The spelling is read from a document that has the word (in the
 * requested language, when there is one), so suggestions follow the language of the archive.
 */
public final class Suggestions {
  private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}'’-]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
  private static final int MAX_ANALYZED_CHARS = 50_000;

  private final Analyzer analyzer;
  private final DirectSpellChecker spellChecker = new DirectSpellChecker();

  /** Suggestions from the words of an index analysed with {@code analyzers}. */
  public Suggestions(org.sandiq.index.FieldAnalyzers analyzers) {
    this(analyzers.perField());
  }

  /** What suggestions need to know of an index's words: each backend answers from its own index. */
  public interface Vocabulary {
    /** How many documents have {@code term} in {@code field}. */
    long docFreq(String field, String term) throws IOException;

    /** The indexed term of {@code field} closest in spelling to {@code term}, or null. */
    String similar(String field, String term) throws IOException;

    /**
     * The text of a content document with folded term {@code folded} (in language {@code lang} when
     * not null), and how it spells the word when the backend can tell without analysis; null when
     * none has it.
     */
    Sample sample(String folded, String lang) throws IOException;

    /**
     * Told every (field, term) whose count {@link #docFreq} will be asked for this query, before
     * the first: a remote backend counts them in one request instead of one each.
     */
    default void prefetch(List<Term> terms) throws IOException {}
  }

  /**
   * A document's text, the spelling of a word in it (null: find it by analysing the text), and the
   * document's language code (null when unknown), which says how its capitals lower-case: {@code
   * INFO} is {@code info} in English, {@code KISA} is {@code kısa} in Azerbaijani and Turkish.
   */
  public record Sample(String text, String surface, String lang) {}

  Suggestions(Analyzer perFieldAnalyzer) {
    this.analyzer = perFieldAnalyzer;
    spellChecker.setMaxEdits(2);
    spellChecker.setMinPrefix(1);
    spellChecker.setMinQueryLength(4);
    spellChecker.setAccuracy(0.6f);
  }

  /** A word replaced, and whether only its diacritics changed. */
  public record Rewrite(String query, boolean diacriticsOnly) {}

  /**
   * The rewritten query, or null when every word is already spelled as the documents spell it.
   *
   * @param lang the language filter of the request, or null
   */
  Rewrite rewrite(IndexSearcher searcher, String query, String lang) throws IOException {
    return rewrite(new IndexVocabulary(searcher), query, lang);
  }

  /**
   * The rewritten query, or null when every word is already spelled as the documents spell it.
   *
   * @param lang the language filter of the request, or null
   */
  public Rewrite rewrite(Vocabulary vocabulary, String query, String lang) throws IOException {
    String[] tokens = SPACES.split(query.strip());
    // Each word's terms are needed twice (counted ahead, then checked): analysed once.
    Analysed analysed = new Analysed();
    vocabulary.prefetch(countedTerms(analysed, tokens));
    boolean changed = false;
    boolean diacriticsOnly = true;
    List<String> out = new ArrayList<>(tokens.length);
    for (String token : tokens) {
      String replacement = null;
      if (PLAIN_WORD.matcher(token).matches() && !OPERATORS.contains(token)) {
        Fix fix = fix(vocabulary, analysed, token, lang);
        if (fix != null) {
          replacement = fix.word();
          diacriticsOnly &= fix.diacriticsOnly();
        }
      }
      changed |= replacement != null;
      out.add(replacement == null ? token : replacement);
    }
    return changed ? new Rewrite(String.join(" ", out), diacriticsOnly) : null;
  }

  private record Fix(String word, boolean diacriticsOnly) {}

  /** The (field, term) pairs {@link #fix} may count for {@code tokens}. */
  private List<Term> countedTerms(Analysed analysed, String[] tokens) throws IOException {
    List<Term> terms = new ArrayList<>();
    for (String token : tokens) {
      if (!PLAIN_WORD.matcher(token).matches() || OPERATORS.contains(token)) {
        continue;
      }
      String folded = analysed.single(Fields.TEXT_FOLDED, token);
      if (folded == null) {
        continue;
      }
      terms.add(new Term(Fields.TEXT_FOLDED, folded));
      terms.add(new Term(Fields.TITLE_FOLDED, folded));
      Character.UnicodeScript script = QueryFields.script(token);
      for (Language language : Language.values()) {
        if (language == Language.UND || (script != null && !language.writtenIn(script))) {
          continue;
        }
        String term = analysed.single(Fields.text(language), token);
        if (term != null) {
          terms.add(new Term(Fields.text(language), term));
          terms.add(new Term(Fields.title(language), term));
        }
      }
    }
    return terms;
  }

  private Fix fix(Vocabulary vocabulary, Analysed analysed, String word, String lang)
      throws IOException {
    String folded = analysed.single(Fields.TEXT_FOLDED, word);
    if (folded == null) {
      return null;
    }
    // A word of a title only is a word of the archive too ("Example Domain" over "examples").
    boolean known =
        vocabulary.docFreq(Fields.TEXT_FOLDED, folded) > 0
            || vocabulary.docFreq(Fields.TITLE_FOLDED, folded) > 0;
    if (known && matchesExactly(vocabulary, analysed, word)) {
      return null; // the archive has the word as typed
    }
    if (!known && vocabulary.docFreq(Fields.OTHER_FOLDED, folded) > 0) {
      return null; // a word of the archive's pages, seen outside their main text: no typo
    }
    if (!known) {
      folded = vocabulary.similar(Fields.TEXT_FOLDED, folded);
      if (folded == null) {
        return null;
      }
    }
    Sample sample = vocabulary.sample(folded, lang);
    String surface =
        sample == null
            ? null
            : sample.surface() != null ? sample.surface() : fromAnalysis(sample.text(), folded);
    if (surface == null || sameIgnoringCase(surface, word)) {
      return null;
    }
    return new Fix(matchCase(word, surface, sample.lang()), known);
  }

  /**
   * Whether {@code word}, analysed as each language would (stems, but diacritics kept), is in that
   * language's fields: then the archive spells it as typed.
   */
  private boolean matchesExactly(Vocabulary vocabulary, Analysed analysed, String word)
      throws IOException {
    Character.UnicodeScript script = QueryFields.script(word);
    for (Language language : Language.values()) {
      if (language == Language.UND) {
        continue; // the fallback analyzer folds diacritics away
      }
      if (script != null && !language.writtenIn(script)) {
        continue; // no document of this language spells a word in that script
      }
      String term = analysed.single(Fields.text(language), word);
      if (term != null
          && (vocabulary.docFreq(Fields.text(language), term) > 0
              || vocabulary.docFreq(Fields.title(language), term) > 0)) {
        return true;
      }
    }
    return false;
  }

  /** The terms one rewrite has analysed its words to, by field and word. */
  private final class Analysed {
    private final Map<String, Map<String, Optional<String>>> byField = new HashMap<>();

    /** The one term {@code text} analyses to in {@code field}, or null. */
    String single(String field, String text) throws IOException {
      Map<String, Optional<String>> terms = byField.computeIfAbsent(field, f -> new HashMap<>());
      Optional<String> term = terms.get(text);
      if (term == null) {
        term = Optional.ofNullable(Suggestions.this.single(field, text));
        terms.put(text, term);
      }
      return term.orElse(null);
    }
  }

  /** The one term {@code text} analyses to in {@code field}, or null. */
  private String single(String field, String text) throws IOException {
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      String first = stream.incrementToken() ? term.toString() : null;
      boolean more = first != null && stream.incrementToken();
      stream.end();
      return more ? null : first;
    }
  }

  /** The vocabulary of a local index, and spellings read from its offsets. */
  private final class IndexVocabulary implements Vocabulary {
    private final IndexSearcher searcher;

    IndexVocabulary(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    @Override
    public long docFreq(String field, String term) throws IOException {
      return searcher.getIndexReader().docFreq(new Term(field, term));
    }

    @Override
    public String similar(String field, String term) throws IOException {
      SuggestWord[] words =
          spellChecker.suggestSimilar(
              new Term(field, term),
              1,
              searcher.getIndexReader(),
              SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return words.length == 0 ? null : words[0].string;
    }

    @Override
    public Sample sample(String folded, String lang) throws IOException {
      BooleanQuery.Builder query =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.TEXT_FOLDED, folded)), BooleanClause.Occur.MUST)
              .add(QueryBuilder.contentDocuments(), BooleanClause.Occur.FILTER);
      if (lang != null) {
        query.add(new TermQuery(new Term(Fields.LANG, lang)), BooleanClause.Occur.FILTER);
      }
      Query q = query.build();
      TopDocs top = searcher.search(q, 1);
      if (top.scoreDocs.length == 0) {
        return null;
      }
      int doc = top.scoreDocs[0].doc;
      Document stored = searcher.storedFields().document(doc, Set.of(Fields.TEXT, Fields.LANG));
      String text = StoredText.of(stored);
      if (text.isEmpty()) {
        return null;
      }
      return new Sample(
          text,
          fromPostings(searcher.getIndexReader(), doc, folded, text),
          stored.get(Fields.LANG));
    }
  }

  /**
   * Where the folded field's postings say {@code folded} occurs in document {@code doc}: its
   * offsets point into the stored text. Null for an index without offsets (built before they were
   * indexed).
   */
  private static String fromPostings(IndexReader reader, int doc, String folded, String text)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Terms terms = leaf.reader().terms(Fields.TEXT_FOLDED);
    if (terms == null || !terms.hasOffsets()) {
      return null;
    }
    TermsEnum termsEnum = terms.iterator();
    if (!termsEnum.seekExact(new BytesRef(folded))) {
      return null;
    }
    PostingsEnum postings = termsEnum.postings(null, PostingsEnum.OFFSETS);
    if (postings.advance(doc - leaf.docBase) != doc - leaf.docBase) {
      return null;
    }
    postings.nextPosition();
    int start = postings.startOffset();
    int end = postings.endOffset();
    return start >= 0 && end <= text.length() && start < end ? text.substring(start, end) : null;
  }

  /** How {@code text} spells folded term {@code folded}, found by analysing it. */
  private String fromAnalysis(String text, String folded) throws IOException {
    if (text == null) {
      return null;
    }
    String sample =
        text.length() > MAX_ANALYZED_CHARS ? text.substring(0, MAX_ANALYZED_CHARS) : text;
    try (TokenStream stream = analyzer.tokenStream(Fields.TEXT_FOLDED, sample)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      String found = null;
      while (found == null && stream.incrementToken()) {
        if (term.toString().equals(folded)) {
          found = sample.substring(offset.startOffset(), offset.endOffset());
        }
      }
      stream.end();
      return found;
    }
  }

  /**
   * Equal but for case. Not {@link String#equalsIgnoreCase}, which takes dotless {@code ı} for
   * {@code i} (both upper-case to {@code I}): in Azerbaijani and Turkish they are different
   * letters.
   */
  private static boolean sameIgnoringCase(String a, String b) {
    return lower(a).equals(lower(b));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).replace("\u0307", "");
  }

  /**
   * {@code surface} in the case pattern of {@code typed}: lower, Capitalised or UPPER, with the
   * case rules of the language {@code lang} of the document it was read from (Locale.ROOT's when
   * unknown): only Azerbaijani and Turkish lower-case {@code I} to dotless {@code ı}, so a capital
   * {@code I} of an English document stays {@code i}.
   */
  private static String matchCase(String typed, String surface, String lang) {
    Locale locale = lang == null ? Locale.ROOT : Locale.forLanguageTag(lang);
    String lower = surface.toLowerCase(locale);
    if (typed.equals(typed.toUpperCase(locale)) && typed.length() > 1) {
      return surface.toUpperCase(locale);
    }
    if (Character.isUpperCase(typed.codePointAt(0))) {
      int first = Character.charCount(lower.codePointAt(0));
      return lower.substring(0, first).toUpperCase(locale) + lower.substring(first);
    }
    return lower;
  }
}
