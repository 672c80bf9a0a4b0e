package io.brokerbench.commons.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A {@link StorageFile} over one {@link FileChannel} ({@link FileAccess#CHANNEL}): reads run in
 * parallel; an interrupted caller closes the channel for everyone.
 */
final class ChannelStorageFile implements StorageFile {
  private final Path path;
  private final FileChannel channel;

  ChannelStorageFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  @Override
  public void write(ByteBuffer source, long position) throws IOException {
    long at = position;
    while (source.hasRemaining()) {
      at += channel.write(source, at);
    }
  }

  @Override
  public int read(ByteBuffer target, long position) throws IOException {
    int total = 0;
    long at = position;
    while (target.hasRemaining()) {
      int n = channel.read(target, at);
      if (n < 0) return total == 0 ? -1 : total;
      total += n;
      at += n;
    }
    return total;
  }

  @Override
  public long size() throws IOException {
    return channel.size();
  }

  @Override
  public void truncate(long size) throws IOException {
    if (channel.size() > size) channel.truncate(size);
  }

  @Override
  public void force() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
