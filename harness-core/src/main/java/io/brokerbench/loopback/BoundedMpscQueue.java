package io.brokerbench.loopback;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded lock-free queue for many producers and one consumer (D. Vyukov's bounded queue: every
 * slot carries a sequence number telling whose turn it is).
 *
 * <p>{@link #offer} may be called from any thread and returns false when full (back-pressure is a
 * return value); {@link #poll} from one consumer thread only. No allocation per element.
 */
final class BoundedMpscQueue<E> {
  private final int mask;
  private final AtomicReferenceArray<E> slots;
  private final AtomicLongArray sequences;
  private final AtomicLong tail = new AtomicLong();
  private long head;

  /** @param capacity rounded up to a power of two, at least 2 */
  BoundedMpscQueue(int capacity) {
    int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
    mask = size - 1;
    slots = new AtomicReferenceArray<>(size);
    sequences = new AtomicLongArray(size);
    for (int i = 0; i < size; i++) sequences.set(i, i);
  }

  int capacity() {
    return mask + 1;
  }

  /** Appends {@code e}; false when the queue is full. Any thread. */
  boolean offer(E e) {
    long pos = tail.get();
    while (true) {
      int index = (int) (pos & mask);
      long seq = sequences.get(index);
      long dif = seq - pos;
      if (dif == 0) {
        if (tail.compareAndSet(pos, pos + 1)) {
          slots.lazySet(index, e);
          sequences.set(index, pos + 1);
          return true;
        }
        pos = tail.get();
      } else if (dif < 0) {
        return false;
      } else {
        pos = tail.get();
      }
    }
  }

  /** Removes the oldest element, or returns null when empty. Consumer thread only. */
  E poll() {
    int index = (int) (head & mask);
    if (sequences.get(index) != head + 1) return null;
    E e = slots.get(index);
    slots.lazySet(index, null);
    sequences.set(index, head + mask + 1);
    head++;
    return e;
  }

  boolean isEmpty() {
    return sequences.get((int) (head & mask)) != head + 1;
  }
}
