package io.brokerbench.commons.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A {@link StorageFile} through {@link RandomAccessFile} ({@link FileAccess#RANDOM_ACCESS_FILE}),
 * not {@link java.nio.channels.FileChannel}: an interrupted thread that writes to a FileChannel
 * closes the channel for every other thread, and the queue engine's acknowledgements write through
 * from whatever thread the caller runs on. Positioned reads and writes are serialised on the file;
 * {@link #force()} runs beside them.
 */
final class RandomAccessStorageFile implements StorageFile {
  private final Path path;
  private final RandomAccessFile file;
  /** The file pointer, guarded by {@code file}: appends at the pointer need no seek call. */
  private long pointer;

  RandomAccessStorageFile(Path path, RandomAccessFile file) {
    this.path = path;
    this.file = file;
  }

  @Override
  public long size() throws IOException {
    return file.length();
  }

  @Override
  public int read(ByteBuffer target, long position) throws IOException {
    synchronized (file) {
      if (position >= file.length()) return -1;
      seek(position);
      int total = 0;
      while (target.hasRemaining()) {
        int n = readOnce(target);
        if (n < 0) break;
        total += n;
        pointer += n;
      }
      return total;
    }
  }

  private int readOnce(ByteBuffer target) throws IOException {
    int n;
    if (target.hasArray()) {
      n = file.read(target.array(), target.arrayOffset() + target.position(), target.remaining());
      if (n > 0) target.position(target.position() + n);
    } else {
      byte[] tmp = new byte[target.remaining()];
      n = file.read(tmp);
      if (n > 0) target.put(tmp, 0, n);
    }
    return n;
  }

  @Override
  public void write(ByteBuffer source, long position) throws IOException {
    byte[] data;
    int off;
    int len = source.remaining();
    if (source.hasArray()) {
      data = source.array();
      off = source.arrayOffset() + source.position();
    } else {
      data = new byte[len];
      source.duplicate().get(data);
      off = 0;
    }
    synchronized (file) {
      seek(position);
      file.write(data, off, len);
      pointer += len;
    }
    source.position(source.position() + len);
  }

  private void seek(long position) throws IOException {
    if (pointer != position) {
      file.seek(position);
      pointer = position;
    }
  }

  @Override
  public void force() throws IOException {
    file.getFD().sync();
  }

  @Override
  public void truncate(long size) throws IOException {
    synchronized (file) {
      if (file.length() > size) {
        file.setLength(size);
        pointer = file.getFilePointer();
      }
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
