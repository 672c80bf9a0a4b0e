package io.brokerbench.engine.queue.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One open file of a {@link Storage}. Thread-safety: {@link #write}, {@link #read} and {@link
 * #force} may run concurrently; the journal serialises writes itself.
 */
public interface StorageFile extends Closeable {

  /** Current size in bytes, including bytes written but not forced. */
  long size() throws IOException;

  /** Reads up to {@code dst.remaining()} bytes at {@code position}; returns the count, -1 at end of file. */
  int read(ByteBuffer dst, long position) throws IOException;

  /** Writes all of {@code src} at {@code position}. The bytes survive a process crash once this returns. */
  void write(ByteBuffer src, long position) throws IOException;

  /** Forces every byte written so far to the device: they survive a power loss once this returns. */
  void force() throws IOException;

  /** Cuts the file to {@code size} bytes (durably: the cut is forced). */
  void truncate(long size) throws IOException;

  /** Releases the handle without forcing anything. Idempotent. */
  @Override
  void close() throws IOException;
}
