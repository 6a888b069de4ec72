package org.sandiq.analysis;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * One tokenisation of a title or text for two of its fields: the folded field's tokens (exactly
 * {@link FoldingAnalyzer#neutral()}'s) and the cross-script field's name keys (exactly {@link
 * CrossScriptAnalyzer#forIndexing()}'s for a text, {@link CrossScriptAnalyzer#forQueries()}'s for a
 * title), both from one pass of the word tokenizer ({@link WordTokenizer}).
 *
 * <p>Both analyses start with the same word breaks (the folded field's {@code ı → i} character map
 * moves no break and no key: the key spells {@code ı} and {@code i} alike), so the word boundaries,
 * the slowest step of either, are found once: a tap right after the tokenizer records each keyed
 * word's key, offsets and position while the folded chain runs, and the cross-script field replays
 * them. The index writer inverts a document's fields in the order they were added, so the folded
 * field (which drives the tokenizer) must come before the cross-script field; {@code
 * VariantStreamsTest} checks both token streams against the two analyzers term by term.
 *
 * <p>OpenSearch analyses each field on its own with the two analyzers, which give the same tokens
 * ({@code TokenParityIT}). Thread-safe: each indexing thread gets its own reusable chains.
 */
public final class VariantStreams implements Closeable {
  private final CloseableThreadLocal<Chains> perThread =
      new CloseableThreadLocal<>() {
        @Override
        protected Chains initialValue() {
          return new Chains();
        }
      };

  /** The folded and cross-script token streams of one value; consume {@code folded} first. */
  public record Streams(TokenStream folded, TokenStream names) {}

  /** The streams of a title: every word keyed, as titles are indexed. */
  public Streams title(String title) {
    return perThread.get().title.open(title);
  }

  /** The streams of a text: only its name-like words keyed. */
  public Streams text(String text) {
    return perThread.get().text.open(text);
  }

  @Override
  public void close() {
    perThread.close();
  }

  /**
   * One thread's chains: one for titles, one for texts, since a document's four are live at once.
   */
  private static final class Chains {
    final Chain title = new Chain(false);
    final Chain text = new Chain(true);
  }

  /** Tokenizer → tap → the folded chain; the tap's replay is the cross-script stream. */
  private static final class Chain {
    private final WordTokenizer tokenizer = new WordTokenizer();
    private final NameTap tap;
    private final TokenStream folded;
    private final NameReplay names;

    Chain(boolean namesOnly) {
      tap = new NameTap(tokenizer, namesOnly);
      folded = FoldingAnalyzer.neutralChain(tap);
      names = new NameReplay(tap);
    }

    Streams open(String value) {
      try {
        // A stream the writer never consumed (a document that failed before inversion) is closed
        // here, so the tokenizer takes the next value; closing twice is harmless.
        folded.close();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      tokenizer.setReader(new StringReader(FoldingAnalyzer.neutral(value)));
      return new Streams(folded, names);
    }
  }

  /**
   * Passes every token on unchanged and records the key, offsets and position of each word the
   * cross-script field keeps.
   */
  private static final class NameTap extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final CrossScriptAnalyzer.Keys keys = new CrossScriptAnalyzer.Keys();
    private final boolean namesOnly;
    private int position;
    int count;
    int finalOffset;
    String[] words = new String[64];
    int[] starts = new int[64];
    int[] ends = new int[64];
    int[] positions = new int[64];

    NameTap(TokenStream input, boolean namesOnly) {
      super(input);
      this.namesOnly = namesOnly;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      position += increment.getPositionIncrement();
      if (!namesOnly || CrossScriptAnalyzer.NameLikeFilter.isNameLike(term)) {
        String word = term.toString();
        String key = keys.of(word);
        record(key == null ? word : key, offset.startOffset(), offset.endOffset());
      }
      return true;
    }

    private void record(String word, int start, int end) {
      if (count == words.length) {
        int grown = count * 2;
        words = Arrays.copyOf(words, grown);
        starts = Arrays.copyOf(starts, grown);
        ends = Arrays.copyOf(ends, grown);
        positions = Arrays.copyOf(positions, grown);
      }
      words[count] = word;
      starts[count] = start;
      ends[count] = end;
      positions[count] = position;
      count++;
    }

    @Override
    public void end() throws IOException {
      super.end();
      finalOffset = offset.endOffset();
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      Arrays.fill(words, 0, count, null);
      count = 0;
      position = -1;
      finalOffset = 0;
    }
  }

  /** The recorded keys as a token stream, at their positions and offsets. */
  private static final class NameReplay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final NameTap tap;
    private int next;
    private int lastPosition;

    NameReplay(NameTap tap) {
      this.tap = tap;
    }

    @Override
    public boolean incrementToken() {
      if (next >= tap.count) {
        return false;
      }
      clearAttributes();
      term.setEmpty().append(tap.words[next]);
      offset.setOffset(tap.starts[next], tap.ends[next]);
      increment.setPositionIncrement(tap.positions[next] - lastPosition);
      lastPosition = tap.positions[next];
      next++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
      lastPosition = -1;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(tap.finalOffset, tap.finalOffset);
    }
  }
}
