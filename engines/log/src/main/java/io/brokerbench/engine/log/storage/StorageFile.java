package io.brokerbench.engine.log.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open file with positional reads and writes.
 *
 * <p>Thread-safety: positional {@link #read} calls may run concurrently with each other and with one
 * writer; writes, {@link #truncate} and {@link #force} are issued by one thread at a time (the log
 * engine holds the partition's lock).
 *
 * <p>Durability: bytes written are visible to readers at once but survive a power loss only after
 * {@link #force()} returns. {@link #close()} does not force.
 */
public interface StorageFile extends Closeable {

  /**
   * Writes every remaining byte of {@code source} at {@code position} (bytes, from 0), advancing the
   * buffer's position to its limit.
   */
  void write(ByteBuffer source, long position) throws IOException;

  /**
   * Reads up to {@code target.remaining()} bytes from {@code position}, stopping early only at end of
   * file.
   *
   * @return bytes read, 0 or more; -1 when {@code position} is at or past the end
   */
  int read(ByteBuffer target, long position) throws IOException;

  /** Current size in bytes, including bytes not yet forced. */
  long size() throws IOException;

  /** Cuts the file to {@code size} bytes; does nothing when it is already that small. */
  void truncate(long size) throws IOException;

  /** Makes every byte written so far durable (fsync/fdatasync of contents and size). */
  void force() throws IOException;

  /** Releases the handle without forcing; idempotent. */
  @Override
  void close() throws IOException;
}
