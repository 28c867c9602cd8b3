package io.gil4j.realcode.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Full-text search with Lucene: generated documents analysed by {@link StandardAnalyzer} into an in-memory
 * index, then term, boolean, phrase and range queries ranked by BM25.
 *
 * <p>Everything runs on the calling thread, as the benchmark's thread counts assume: merges use a {@link
 * SerialMergeScheduler} (the default one starts its own threads), the searcher has no executor, and its
 * query cache is off so that calls share no state through Lucene's static default cache.
 */
public final class LuceneIndex {

    private static final int DOCUMENTS = 1000;
    private static final int WORDS_PER_DOCUMENT = 120;
    private static final int QUERIES = 100;
    private static final int TOP = 10;

    private LuceneIndex() {}

    /**
     * Indexes the documents generated from {@code seed} and runs the queries generated from it.
     *
     * @return every query's hit count, top documents and their scores, folded together
     */
    public static long run(int seed) {
        Random random = new Random(seed);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                StandardAnalyzer analyzer = new StandardAnalyzer()) {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setMergeScheduler(new SerialMergeScheduler());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int id = 0; id < DOCUMENTS; id++) {
                    Document document = new Document();
                    document.add(new StringField("id", Integer.toString(id), Field.Store.YES));
                    document.add(new IntPoint("year", 1990 + random.nextInt(35)));
                    document.add(new TextField("body", Words.sentence(random, WORDS_PER_DOCUMENT), Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                long checksum = 0;
                for (int q = 0; q < QUERIES; q++) {
                    TopDocs top = searcher.search(query(random, q), TOP);
                    checksum = checksum * 31 + top.totalHits.value;
                    for (ScoreDoc hit : top.scoreDocs) {
                        checksum = checksum * 31 + hit.doc * 7919L + Float.floatToIntBits(hit.score);
                    }
                }
                return checksum;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code n}th query: term, boolean, phrase and a range filter in turn. */
    private static Query query(Random random, int n) {
        Term first = new Term("body", Words.word(random));
        Term second = new Term("body", Words.word(random));
        switch (n % 4) {
            case 0:
                return new TermQuery(first);
            case 1:
                return new BooleanQuery.Builder()
                        .add(new TermQuery(first), Occur.SHOULD)
                        .add(new TermQuery(second), Occur.SHOULD)
                        .build();
            case 2:
                return new PhraseQuery(1, "body", first.bytes(), second.bytes());
            default:
                return new BooleanQuery.Builder()
                        .add(new TermQuery(first), Occur.MUST)
                        .add(IntPoint.newRangeQuery("year", 2000, 2010), Occur.FILTER)
                        .build();
        }
    }
}
