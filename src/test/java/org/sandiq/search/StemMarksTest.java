package org.sandiq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sandiq.analysis.LanguageAnalyzers;
import org.sandiq.analysis.LanguageDetector;
import org.sandiq.index.AnalysisProfile;
import org.sandiq.index.DocumentMapper;
import org.sandiq.index.DocumentPreparation;
import org.sandiq.index.FieldAnalyzers;
import org.sandiq.index.Fields;
import org.sandiq.ingest.DocumentCleaner;
import org.sandiq.ingest.RawDocument;
import org.sandiq.ingest.SourceFormat;
import org.sandiq.testing.Fixtures;

/**
 * A match of another form of a word is marked in the word itself, in each language, whether the
 * language text fields are indexed with frequencies only (marked through the folded words recorded
 * for their stems) or, in an index built before, with offsets of their own.
 */
class StemMarksTest {
  @TempDir Path dir;

  private static final String TURKISH =
      "Kitapçı\n\nIĞDIR'dan gelen çocuklar kitaplarını okudu ve yeni kitabı çok sevdi.";
  private static final String RUSSIAN =
      "Газеты\n\nХоджалинская трагедия произошла в феврале. О трагедии писали все газеты.";
  private static final String ENGLISH =
      "Records\n\nThe archivists searched the archived documents of the old port.";
  private static final String AZERBAIJANI =
      "Uşaqlar\n\nUşaqlar hər gün kitabxanalarda oxuyurlar və müəllimlərə sual verirlər.";

  @Test
  void otherFormsAreMarkedInEachLanguageWithoutOffsetsInTheLanguageFields() throws Exception {
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "tr/kitap.txt", TURKISH);
    Fixtures.write(corpus, "ru/gazety.txt", RUSSIAN);
    Fixtures.write(corpus, "en/records.txt", ENGLISH);
    Fixtures.write(corpus, "az/usaqlar.txt", AZERBAIJANI);
    Path index = dir.resolve("index");
    assertTrue(Fixtures.reindex(corpus, index, true).succeeded());
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
      for (String field : new String[] {"text_tr", "text_ru", "text_en", "text_az"}) {
        assertEquals(IndexOptions.DOCS_AND_FREQS, infos.fieldInfo(field).getIndexOptions(), field);
      }
      assertEquals(IndexOptions.DOCS, infos.fieldInfo(Fields.TEXT_FORMS).getIndexOptions());
    }
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      // Each query word is another form than the text's: only its stem matches.
      assertMarked(search, "kitap", "<mark>kitaplarını</mark>");
      assertMarked(search, "трагедией", "<mark>трагедия</mark>");
      assertMarked(search, "трагедией", "<mark>трагедии</mark>");
      assertMarked(search, "archive", "<mark>archived</mark>");
      assertMarked(search, "kitabxana", "<mark>kitabxanalarda</mark>");
      // A word that is its own stem's folded spelling is marked too, and so is the exact word.
      assertMarked(search, "documents", "<mark>documents</mark>");
      assertMarked(search, "document", "<mark>documents</mark>");
    }
  }

  @Test
  void anIndexWithOffsetsInItsLanguageFieldsKeepsThemAndItsMarksOnUpdate() throws Exception {
    Path index = dir.resolve("index");
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        FSDirectory directory = FSDirectory.open(index);
        IndexWriter writer =
            new IndexWriter(
                directory, new IndexWriterConfig(new FieldAnalyzers(analyzers).indexing()))) {
      DocumentMapper before =
          new DocumentMapper(DocumentMapper.facetsConfig(), AnalysisProfile.MULTILINGUAL, true);
      RawDocument raw =
          new RawDocument(
              "old/records.txt",
              null,
              null,
              SourceFormat.TEXT,
              ENGLISH.getBytes(StandardCharsets.UTF_8),
              null);
      writer.addDocument(
          before.toLucene(
              new DocumentPreparation(AnalysisProfile.MULTILINGUAL, new LanguageDetector())
                  .prepare(new DocumentCleaner().clean(raw), "old/records.txt")));
      writer.commit();
    }
    Path corpus = dir.resolve("corpus");
    Fixtures.write(corpus, "tr/kitap.txt", TURKISH);
    Fixtures.write(corpus, "en/more.txt", "Harbour\n\nShips were loading the archived grain.");
    assertTrue(Fixtures.reindex(corpus, index, false).succeeded());
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
      assertEquals(
          IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
          infos.fieldInfo("text_en").getIndexOptions());
      assertEquals(null, infos.fieldInfo(Fields.TEXT_FORMS), "no pairs in the older layout");
    }
    try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
        LuceneSearchService search =
            new LuceneSearchService(index, new FieldAnalyzers(analyzers))) {
      SearchResponse response = search.search(SearchRequest.of("archive"));
      assertEquals(2, response.hits().size(), "the old document and the new one");
      response.hits().forEach(h -> assertTrue(h.snippet().contains("<mark>archived</mark>")));
      assertMarked(search, "kitap", "<mark>kitaplarını</mark>");
    }
  }

  private static void assertMarked(LuceneSearchService search, String query, String marked) {
    SearchResponse response = search.search(SearchRequest.of(query));
    assertTrue(
        response.hits().stream().anyMatch(h -> h.snippet().contains(marked)),
        query + " should mark " + marked + ": " + response.hits());
  }
}
