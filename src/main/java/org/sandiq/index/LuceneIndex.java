package org.sandiq.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.sandiq.analysis.Language;

/**
 * {@link DocumentIndex} over a Lucene index in a folder.
 *
 * <p>Opened in {@link Mode#REBUILD}, the writer starts an empty index in the same folder, beside
 * the live one: readers keep seeing the old commit until {@link #commit()} replaces it in one
 * atomic step, and a crash before that leaves the old index as it was. That is Lucene's own commit
 * protocol, so {@code reindex --full} needs no second folder and no rename.
 */
public final class LuceneIndex implements DocumentIndex {
  /** How to open the index. */
  public enum Mode {
    /** Keep what is there and update it. */
    UPDATE,
    /** Build a new index that replaces the old one at commit. */
    REBUILD
  }

  /** The commit user-data key that records the index's {@link AnalysisProfile}. */
  static final String ANALYSIS_KEY = "sandiq.analysis";

  private final IndexWriter writer;
  private final DocumentMapper mapper;
  private final AnalysisProfile profile;

  private LuceneIndex(IndexWriter writer, DocumentMapper mapper, AnalysisProfile profile) {
    this.writer = writer;
    this.mapper = mapper;
    this.profile = profile;
  }

  /**
   * Opens (creating if needed) the index in {@code dir} for writing.
   *
   * @throws IOException when the folder cannot be written, or another process is writing it
   */
  public static LuceneIndex open(Path dir, FieldAnalyzers analyzers, Mode mode) throws IOException {
    try {
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        throw new IOException("the folder is not writable");
      }
    } catch (IOException e) {
      throw new IOException(
          "cannot write the index at " + dir + ": " + reason(e) + "; the live index is untouched",
          e);
    }
    return open(FSDirectory.open(dir), dir.toString(), analyzers, mode);
  }

  /**
   * Opens the index in {@code directory} (which the returned index closes). For tests that put a
   * failing directory under the writer, and for other storage.
   */
  static LuceneIndex open(Directory directory, String name, FieldAnalyzers analyzers, Mode mode)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzers.indexing());
    config.setOpenMode(
        mode == Mode.REBUILD
            ? IndexWriterConfig.OpenMode.CREATE
            : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(ramBufferMb(Runtime.getRuntime().maxMemory()));
    config.setSimilarity(Ranking.similarity());
    config.setCodec(new SandiqCodec());
    config.setCommitOnClose(false);
    AnalysisProfile profile = analyzers.profile();
    try {
      boolean languageTextOffsets = false;
      if (mode == Mode.UPDATE && DirectoryReader.indexExists(directory)) {
        languageTextOffsets = languageTextOffsets(directory, profile);
        AnalysisProfile recorded = recordedProfile(directory);
        if (recorded != profile) {
          throw new IOException(
              "the index at "
                  + name
                  + " was built with the "
                  + recorded.code()
                  + " analysis, not "
                  + profile.code()
                  + ": rebuild it with reindex --full --analyzer "
                  + profile.code()
                  + ", or leave --analyzer out");
        }
      }
      return new LuceneIndex(
          new IndexWriter(directory, config),
          new DocumentMapper(DocumentMapper.facetsConfig(), profile, languageTextOffsets),
          profile);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IOException(
          "the index at "
              + name
              + " is being written by another process (a running reindex or"
              + " serve); wait for it to finish",
          e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Whether the index in {@code directory} has its language text fields with positions and offsets
   * (built before they were indexed with frequencies only): an update must write them the same way,
   * since Lucene refuses a field whose index options change.
   */
  private static boolean languageTextOffsets(Directory directory, AnalysisProfile profile)
      throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
      for (Language language : profile.languages()) {
        FieldInfo info = infos.fieldInfo(Fields.text(language));
        if (info != null
            && info.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The indexing buffer for a heap of {@code maxHeapBytes}: an eighth of the heap, between 32 and
   * 256 MB. A larger buffer flushes fewer, larger segments (less merging later); an eighth leaves
   * room for the analysis and the reading threads at {@code -Xmx1g}.
   */
  static double ramBufferMb(long maxHeapBytes) {
    return Math.max(32, Math.min(256, (maxHeapBytes >> 20) / 8));
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file (not a folder) is in the way";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * The analysis the index in {@code dir} was built with, or empty when there is no index there
   * yet. Indexes from before the profile was recorded are multilingual.
   */
  public static Optional<AnalysisProfile> recordedProfile(Path dir) throws IOException {
    if (!exists(dir)) {
      return Optional.empty();
    }
    try (FSDirectory directory = FSDirectory.open(dir)) {
      return Optional.of(recordedProfile(directory));
    }
  }

  private static AnalysisProfile recordedProfile(Directory directory) throws IOException {
    String code = SegmentInfos.readLatestCommit(directory).getUserData().get(ANALYSIS_KEY);
    return code == null
        ? AnalysisProfile.MULTILINGUAL
        : AnalysisProfile.fromCode(code)
            .orElseThrow(() -> new IOException("the index records an unknown analysis: " + code));
  }

  /** Whether {@code dir} holds a committed index. */
  public static boolean exists(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (FSDirectory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }

  @Override
  public Map<String, FileStamp> files() throws IOException {
    Map<String, FileStamp> files = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Weight weight =
          searcher.createWeight(
              searcher.rewrite(new TermQuery(new Term(Fields.KIND, Fields.KIND_FILE))),
              ScoreMode.COMPLETE_NO_SCORES,
              1);
      for (LeafReaderContext leaf : reader.leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        SortedDocValues file = leaf.reader().getSortedDocValues(Fields.FILE_PATH);
        SortedDocValues hash = leaf.reader().getSortedDocValues(Fields.FILE_HASH);
        NumericDocValues size = leaf.reader().getNumericDocValues(Fields.FILE_SIZE);
        NumericDocValues modified = leaf.reader().getNumericDocValues(Fields.FILE_MODIFIED);
        var live = leaf.reader().getLiveDocs();
        DocIdSetIterator it = scorer.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          if (file.advanceExact(doc)
              && hash.advanceExact(doc)
              && size.advanceExact(doc)
              && modified.advanceExact(doc)) {
            String name = file.lookupOrd(file.ordValue()).utf8ToString();
            files.put(
                name,
                new FileStamp(
                    name,
                    hash.lookupOrd(hash.ordValue()).utf8ToString(),
                    size.longValue(),
                    modified.longValue()));
          }
        }
      }
    }
    return files;
  }

  @Override
  public Map<String, String> capturesNamed(Collection<String> names) throws IOException {
    return CaptureLookup.sources(writer, names);
  }

  @Override
  public void deleteFile(String file) throws IOException {
    writer.deleteDocuments(new Term(Fields.FILE, file));
  }

  @Override
  public void add(PreparedDocument document) throws IOException {
    writer.updateDocument(new Term(Fields.ID, document.document().id()), mapper.toLucene(document));
  }

  @Override
  public void recordFile(FileStamp stamp) throws IOException {
    writer.addDocument(mapper.fileRecord(stamp));
  }

  /**
   * The largest segment a compaction makes: Lucene's merge policy's own ceiling (5 GB), so a
   * compacted archive's segments can still be merged when deletions pile up.
   */
  static final long MAX_SEGMENT_BYTES = 5L << 30;

  /**
   * Segments of one size that pile up before a rebuild that will be compacted merges them: so many
   * that an archive of a few million documents is never merged before the compaction (each merge
   * would be rewritten by it: 7 % of the CPU of a standard rebuild of 60,000 documents), and a
   * larger one is merged in steps of this many segments, so the compaction never opens thousands of
   * files at once.
   */
  static final int SEGMENTS_BEFORE_COMPACTION = 100;

  @Override
  public void willCompact() {
    TieredMergePolicy rare = new TieredMergePolicy();
    rare.setSegmentsPerTier(SEGMENTS_BEFORE_COMPACTION);
    rare.setMaxMergeAtOnce(SEGMENTS_BEFORE_COMPACTION);
    writer.getConfig().setMergePolicy(rare);
  }

  @Override
  public void compact() throws IOException {
    long bytes = 0;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        bytes += ((SegmentReader) leaf.reader()).getSegmentInfo().sizeInBytes();
      }
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    Compaction.run(writer, Compaction.parts(bytes, cpus), Compaction.segments(bytes));
  }

  @Override
  public void commit() throws IOException {
    // Recorded with every commit; not itself a change, so a reindex that found nothing to do
    // still writes no new commit.
    writer.setLiveCommitData(Map.of(ANALYSIS_KEY, profile.code()).entrySet(), false);
    writer.commit();
  }

  /** Closes without committing: uncommitted changes are dropped, the last commit stays. */
  @Override
  public void close() throws IOException {
    try {
      writer.rollback();
    } catch (org.apache.lucene.store.AlreadyClosedException e) {
      // the writer already closed itself after a failure (disk full); nothing to roll back
    } finally {
      writer.getDirectory().close();
    }
  }
}
