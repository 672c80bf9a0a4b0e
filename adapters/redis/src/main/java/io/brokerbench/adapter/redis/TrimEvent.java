package io.brokerbench.adapter.redis;

import java.util.Map;

/**
 * One trim of one stream by an append with {@code MAXLEN}, as the server saw it in the same atomic
 * step ({@link CappedAppend}): the entries it removed are exactly those with ids in {@code [first,
 * next)}, {@code count} of them (trimming removes the oldest entries, and nothing else deletes
 * entries of the run's streams), and a consumer group had read an entry before it went exactly when
 * the entry's id is at or below the group's last delivered id at that moment.
 *
 * @param first the stream's first entry before the trim: the lowest id removed
 * @param next the stream's first entry after the trim: the lowest id kept
 * @param count how many entries the trim removed, at least 1
 * @param lastDeliveredByGroup every consumer group of the stream, by name, with its last delivered id
 *     at the moment of the trim
 */
record TrimEvent(StreamEntryId first, StreamEntryId next, long count, Map<String, StreamEntryId> lastDeliveredByGroup) {
  TrimEvent {
    if (count < 1) throw new IllegalArgumentException("a trim removes at least one entry, found " + count);
    if (first.compareTo(next) >= 0) {
      throw new IllegalArgumentException("a trim removes [" + first + ", " + next + "), which is empty");
    }
    lastDeliveredByGroup = Map.copyOf(lastDeliveredByGroup);
  }

  /** Whether this trim removed the entry {@code id}. */
  boolean removed(StreamEntryId id) {
    return id.compareTo(first) >= 0 && id.compareTo(next) < 0;
  }
}
