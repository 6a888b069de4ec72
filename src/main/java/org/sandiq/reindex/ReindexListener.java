package org.sandiq.reindex;

/** Hears how a reindex is going; the command line turns this into a progress bar or log lines. */
public interface ReindexListener {
  /** The corpus was listed: {@code toRead} files must be read, {@code total} exist. */
  default void started(int toRead, int total) {}

  /** One more file was read (or failed); {@code documents} have been written so far. */
  default void progress(int filesDone, int toRead, long documents) {}

  /** A file could not be read; the run goes on. */
  default void failed(ReindexReport.Failure failure) {}

  /** Every file is read; a full rebuild's index is being merged before its commit. */
  default void compacting() {}

  /** Hears nothing. */
  ReindexListener NONE = new ReindexListener() {};
}
