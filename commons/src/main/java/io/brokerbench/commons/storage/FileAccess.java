package io.brokerbench.commons.storage;

/**
 * How a {@link FileSystemStorage} reads and writes its files. The two differ in what concurrent and
 * interrupted callers do, so each engine picks the one its threading needs.
 */
public enum FileAccess {
  /**
   * Through {@link java.nio.channels.FileChannel}: positional reads run in parallel with each other
   * and with a write; {@link StorageFile#force()} forces the contents and the size ({@code
   * force(false)}, fdatasync). A thread interrupted during a read or write closes the file for every
   * thread, so callers must not be interrupted. The log engine's choice: many consumers read a
   * segment while one thread appends.
   */
  CHANNEL,

  /**
   * Through {@link java.io.RandomAccessFile}: interrupts do not affect the file; reads and writes are
   * serialised on the file; {@link StorageFile#force()} is a full fsync of the descriptor. The queue
   * engine's choice: acknowledgements write through from whatever (possibly interrupted) thread the
   * caller runs on.
   */
  RANDOM_ACCESS_FILE
}
