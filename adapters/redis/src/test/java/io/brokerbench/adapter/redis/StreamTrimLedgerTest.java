package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.adapter.redis.StreamTrimLedger.Removal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entries and trims matched in either order, and classified per group by its last delivered id at the trim. */
class StreamTrimLedgerTest {

  private static StreamEntryId id(long n) {
    return new StreamEntryId(1000, n);
  }

  private static byte[] envelope(long n) {
    return new byte[] {(byte) n};
  }

  /** What {@code removals} removed, as "group:entry" strings. */
  private static List<String> named(List<Removal> removals) {
    List<String> out = new ArrayList<>();
    for (Removal r : removals) out.add(r.group() + ":" + r.envelope()[0]);
    out.sort(null);
    return out;
  }

  @Test
  void aTrimRemovesItsRangeForEachGroupThatHadNotReadItYet() {
    StreamTrimLedger ledger = new StreamTrimLedger();
    for (long n = 1; n <= 5; n++) assertEquals(List.of(), ledger.appended(id(n), envelope(n)));
    // Entries 1..3 trimmed; group fast had read up to 2, slow nothing.
    List<Removal> removed = ledger.trimmed(new TrimEvent(id(1), id(4), 3, Map.of("fast", id(2), "slow", StreamEntryId.ZERO)));
    assertEquals(List.of("fast:3", "slow:1", "slow:2", "slow:3"), named(removed));
    assertEquals(2, ledger.untrimmedEntries());
    assertEquals(0, ledger.incompleteTrims());
  }

  @Test
  void anEntryRecordedAfterTheTrimThatRemovedItIsClassifiedByThatTrim() {
    StreamTrimLedger ledger = new StreamTrimLedger();
    ledger.appended(id(1), envelope(1));
    ledger.appended(id(4), envelope(4));
    // Entries 2 and 3 were appended by producers whose replies come later.
    List<Removal> now = ledger.trimmed(new TrimEvent(id(1), id(4), 3, Map.of("g", id(2))));
    assertEquals(List.of(), now, "entry 1 was read by g before the trim");
    assertEquals(1, ledger.incompleteTrims());
    assertEquals(List.of(), named(ledger.appended(id(2), envelope(2))), "read by g before the trim");
    assertEquals(List.of("g:3"), named(ledger.appended(id(3), envelope(3))));
    assertEquals(0, ledger.incompleteTrims(), "complete once all three are known");
    assertEquals(1, ledger.untrimmedEntries(), "only entry 4 is left");
  }

  @Test
  void laterTrimsDoNotClaimEntriesOfAnEarlierOneEvenWhenTheyArriveFirst() {
    StreamTrimLedger ledger = new StreamTrimLedger();
    // The second trim's reply arrives before the first's, and before any entry is recorded. By the
    // second trim the group had read past entry 2 (it read 3), but entry 2 was removed by the first.
    ledger.trimmed(new TrimEvent(id(3), id(5), 2, Map.of("g", id(3))));
    ledger.trimmed(new TrimEvent(id(1), id(3), 2, Map.of("g", id(1))));
    assertEquals(List.of("g:2"), named(ledger.appended(id(2), envelope(2))), "judged by the first trim, which removed it");
    assertEquals(List.of(), named(ledger.appended(id(1), envelope(1))));
    assertEquals(List.of("g:4"), named(ledger.appended(id(4), envelope(4))));
    assertEquals(List.of(), named(ledger.appended(id(3), envelope(3))));
    assertEquals(0, ledger.incompleteTrims());
    assertEquals(0, ledger.untrimmedEntries());
  }

  @Test
  void entriesAboveEveryTrimStayUntrimmed() {
    StreamTrimLedger ledger = new StreamTrimLedger();
    ledger.trimmed(new TrimEvent(id(1), id(2), 1, Map.of("g", StreamEntryId.ZERO)));
    assertEquals(List.of(), ledger.appended(id(2), envelope(2)));
    assertEquals(1, ledger.untrimmedEntries());
  }
}
