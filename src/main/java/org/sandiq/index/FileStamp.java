package org.sandiq.index;

/**
 * What the index remembers of a corpus file, to tell at the next reindex whether it changed.
 *
 * @param file the corpus-relative path
 * @param hash SHA-256 of its bytes, hex; prefixed with {@link #PARTIAL} when reading it failed part
 *     way, so that the next reindex tries it again
 * @param size its size in bytes
 * @param modifiedMillis its modification time
 */
public record FileStamp(String file, String hash, long size, long modifiedMillis) {
  /** Marks the hash of a file that was read only in part. */
  public static final String PARTIAL = "partial:";

  /** Whether {@code other} describes the same bytes, judged by size and modification time. */
  public boolean sameSizeAndTime(long otherSize, long otherModifiedMillis) {
    return size == otherSize && modifiedMillis == otherModifiedMillis && !isPartial();
  }

  public boolean isPartial() {
    return hash.startsWith(PARTIAL);
  }
}
