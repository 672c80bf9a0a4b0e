package io.brokerbench.adapter.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * For one stream with {@code MAXLEN}: which of the run's messages a trim removed before which
 * consumer groups had read them.
 *
 * <p>Two kinds of facts arrive, each from the reply of one append ({@link CappedAppend}): an entry
 * was appended with an id (the reply of its own append), and a trim removed the entries in an id
 * range ({@link TrimEvent}, in the reply of the append that caused it). Replies of different
 * producers' connections arrive in no defined order, so an entry may become known after the trim
 * that removed it. The ledger matches them either way round: a trim's range and count say exactly
 * which entries it removed, however late they are recorded. A removed entry counts as removed for
 * every group whose last delivered id at the trim was below it: that group can never read it.
 *
 * <p>Memory: the envelope of every recorded entry no trim has removed yet (at most about {@code
 * MAXLEN} entries, plus those whose trim has not been reported yet), and every trim still missing
 * some of its entries. Thread-safe: all methods synchronize on the ledger.
 */
final class StreamTrimLedger {
  /**
   * A message a trim removed before consumer group {@code group} read it.
   *
   * @param group the consumer group's name
   * @param envelope the message's first bytes, its envelope
   */
  record Removal(String group, byte[] envelope) {}

  /** A trim some of whose entries are not recorded yet. */
  private static final class AwaitedTrim {
    final TrimEvent event;
    long missing;

    AwaitedTrim(TrimEvent event, long missing) {
      this.event = event;
      this.missing = missing;
    }
  }

  private final NavigableMap<StreamEntryId, byte[]> untrimmed = new TreeMap<>();
  /** Trims still missing entries, by the first id of their range (ranges never overlap). */
  private final NavigableMap<StreamEntryId, AwaitedTrim> awaited = new TreeMap<>();

  /**
   * Records that the run's message with {@code envelope} became entry {@code id}.
   *
   * @return what it means for the groups when a recorded trim already removed the entry; else empty
   */
  synchronized List<Removal> appended(StreamEntryId id, byte[] envelope) {
    Map.Entry<StreamEntryId, AwaitedTrim> candidate = awaited.floorEntry(id);
    if (candidate == null || !candidate.getValue().event.removed(id)) {
      untrimmed.put(id, envelope);
      return List.of();
    }
    AwaitedTrim trim = candidate.getValue();
    List<Removal> out = new ArrayList<>();
    classify(id, envelope, trim.event, out);
    if (--trim.missing == 0) awaited.remove(candidate.getKey());
    return out;
  }

  /**
   * Records {@code trim}.
   *
   * @return a removal per recorded entry it removed and group that had not read it
   */
  synchronized List<Removal> trimmed(TrimEvent trim) {
    NavigableMap<StreamEntryId, byte[]> gone = untrimmed.subMap(trim.first(), true, trim.next(), false);
    List<Removal> out = new ArrayList<>();
    gone.forEach((id, envelope) -> classify(id, envelope, trim, out));
    long missing = trim.count() - gone.size();
    gone.clear();
    if (missing > 0) awaited.put(trim.first(), new AwaitedTrim(trim, missing));
    return out;
  }

  private static void classify(StreamEntryId id, byte[] envelope, TrimEvent trim, List<Removal> out) {
    trim.lastDeliveredByGroup().forEach((group, lastDelivered) -> {
      if (id.compareTo(lastDelivered) > 0) out.add(new Removal(group, envelope));
    });
  }

  /** Recorded entries no recorded trim has removed. */
  synchronized int untrimmedEntries() {
    return untrimmed.size();
  }

  /** Recorded trims still missing some of their entries. */
  synchronized int incompleteTrims() {
    return awaited.size();
  }
}
