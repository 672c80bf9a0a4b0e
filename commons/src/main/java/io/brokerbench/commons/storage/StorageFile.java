package io.brokerbench.commons.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open file of a {@link Storage}, with positional reads and writes.
 *
 * <p>Thread-safety: {@link #read} calls may run concurrently with each other and with one writer;
 * {@link #write} and {@link #truncate} are issued by one thread at a time (the engine serialises
 * them); {@link #force} may run beside a write. Whether concurrent reads actually overlap, and what
 * an interrupted caller does to the file, depends on the {@link FileAccess} of a {@link
 * FileSystemStorage}.
 *
 * <p>Durability: bytes written are visible to readers at once and survive a crash of the process,
 * but survive a power loss only after {@link #force()} returns. {@link #truncate} and {@link
 * #close()} do not force.
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

  /**
   * Cuts the file to {@code size} bytes; does nothing when it is already that small. The cut is
   * durable only after {@link #force()}.
   */
  void truncate(long size) throws IOException;

  /** Makes every byte written so far, and the size, durable. */
  void force() throws IOException;

  /** Releases the handle without forcing; idempotent. */
  @Override
  void close() throws IOException;
}
