package io.brokerbench.measure;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A growable array of 8-bit state flags indexed by message id (dense, from 0), updated atomically
 * from any thread without locks and without allocation per message.
 *
 * <p>Storage is allocated in chunks of {@value #CHUNK_SIZE} ids on first touch, so memory follows
 * the highest id used: one byte per message. Ids up to {@code 2^31 × CHUNK_SIZE} are supported.
 *
 * <p>Thread-safety: {@link #set} is an atomic read-modify-write (compare-and-set on the byte) and
 * returns the previous flags, so two threads setting different bits of one id both see a
 * consistent order. {@link #get} is a volatile read.
 */
final class MessageStates {
  static final int CHUNK_BITS = 20;
  static final int CHUNK_SIZE = 1 << CHUNK_BITS;
  private static final VarHandle BYTES = MethodHandles.arrayElementVarHandle(byte[].class);

  private volatile AtomicReferenceArray<byte[]> chunks = new AtomicReferenceArray<>(16);
  private final Object growLock = new Object();

  /** Sets {@code flags} on message {@code id}; returns the flags it had before. */
  int set(long id, int flags) {
    byte[] chunk = chunkFor(id, true);
    int index = (int) (id & (CHUNK_SIZE - 1));
    while (true) {
      byte old = (byte) BYTES.getVolatile(chunk, index);
      if ((old & flags) == flags) return old & 0xff;
      if (BYTES.compareAndSet(chunk, index, old, (byte) (old | flags))) return old & 0xff;
    }
  }

  /** The flags of message {@code id}; 0 for an id never touched. */
  int get(long id) {
    byte[] chunk = chunkFor(id, false);
    return chunk == null ? 0 : ((byte) BYTES.getVolatile(chunk, (int) (id & (CHUNK_SIZE - 1)))) & 0xff;
  }

  private byte[] chunkFor(long id, boolean create) {
    if (id < 0) throw new IllegalArgumentException("message id must be >= 0, was " + id);
    long c = id >>> CHUNK_BITS;
    if (c > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("message id too large: " + id);
    int ci = (int) c;
    AtomicReferenceArray<byte[]> array = chunks;
    if (ci < array.length()) {
      byte[] chunk = array.get(ci);
      if (chunk != null || !create) return chunk;
    } else if (!create) {
      return null;
    }
    synchronized (growLock) {
      array = chunks;
      if (ci >= array.length()) {
        AtomicReferenceArray<byte[]> bigger = new AtomicReferenceArray<>(Math.max(ci + 1, array.length() * 2));
        for (int i = 0; i < array.length(); i++) bigger.set(i, array.get(i));
        chunks = bigger;
        array = bigger;
      }
      byte[] chunk = array.get(ci);
      if (chunk == null) {
        chunk = new byte[CHUNK_SIZE];
        array.set(ci, chunk);
      }
      return chunk;
    }
  }
}
