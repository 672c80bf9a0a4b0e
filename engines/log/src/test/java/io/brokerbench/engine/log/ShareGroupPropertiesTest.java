package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static io.brokerbench.engine.log.TestLogs.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ShareGroupPropertiesTest {
  private static final TopicPartition T0 = new TopicPartition("t", 0);
  private static final long LOCK_MS = 1000;
  private static final int LIMIT = 3;
  private static final int RECORDS = 30;

  @Provide
  Arbitrary<List<Integer>> operations() {
    // 0..2: member op polls. 10..18: member op % 3 acknowledges the oldest record it was handed
    // (perhaps held by another member by now) with ACCEPT, RELEASE or REJECT by (op / 3) % 3.
    // 20: the clock moves by step ms, or by 0 every third time. 30..32: member op % 3 closes and a
    // new one takes its place.
    return Arbitraries.of(0, 1, 2, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 20, 30, 31, 32).list().ofMinSize(40).ofMaxSize(120);
  }

  /** What the test knows of one member: the records it was handed and has not acknowledged (some may be held by others by now). */
  private static final class Held {
    ShareConsumer consumer;
    final List<Long> offsets = new ArrayList<>();
  }

  @Property(tries = 100)
  void everyRecordEndsAcceptedRejectedOrReportedExactlyOnceAndNoLockIsShared(@ForAll("operations") List<Integer> ops,
      @ForAll @IntRange(min = 1, max = 5) int maxPollRecords, @ForAll @IntRange(min = 1, max = 40) int maxInFlight,
      @ForAll @IntRange(min = 250, max = 700) int step) throws Exception {
    TestLogs.FakeTime time = new TestLogs.FakeTime();
    try (LogEngine engine = LogEngine.open(DIR, TestLogs.smallSegments(64 << 10), new InMemoryStorage(), time)) {
      engine.createTopic("t", 1);
      for (int i = 0; i < RECORDS; i += 4) {
        List<LogRecord> batch = new ArrayList<>();
        for (int k = i; k < Math.min(RECORDS, i + 4); k++) batch.add(LogRecord.of(null, bytes("r" + k), k));
        engine.partition(T0).append(TestLogs.batch(batch));
      }
      Set<Long> reported = new TreeSet<>();
      List<String> violations = new ArrayList<>();
      engine.shareGroups().setDeliveryLimitListener((g, tp, offset, count) -> {
        if (count != LIMIT) violations.add(offset + " archived after " + count + " deliveries");
        if (!reported.add(offset)) violations.add(offset + " reported twice");
      });
      ShareConsumerConfig config = ShareConsumerConfig.defaults("g").withAcknowledgementMode(AcknowledgementMode.EXPLICIT)
          .withMaxPollRecords(maxPollRecords).withGroup(new ShareGroupConfig(OffsetReset.EARLIEST, Duration.ofMillis(LOCK_MS), LIMIT, maxInFlight));
      Held[] members = new Held[3];
      for (int i = 0; i < 3; i++) {
        members[i] = new Held();
        members[i].consumer = engine.shareConsumer(config);
        members[i].consumer.subscribe(Set.of("t"));
      }
      Set<Long> accepted = new HashSet<>();
      Set<Long> rejected = new HashSet<>();
      Map<Long, Integer> deliveries = new HashMap<>();
      Map<Long, Held> holder = new HashMap<>();
      Map<Long, Long> lockedAtMs = new HashMap<>();
      int stepCount = 0;
      for (int op : ops) {
        long now = time.millis();
        if (op < 3) {
          Held m = members[op];
          for (ShareConsumerRecord r : m.consumer.poll(Duration.ZERO)) {
            long o = r.offset();
            assertFalse(accepted.contains(o) || rejected.contains(o) || reported.contains(o), o + " delivered after it was done");
            Held previous = holder.get(o);
            if (previous != null) {
              assertTrue(now - lockedAtMs.get(o) >= LOCK_MS, o + " handed to a second member while the first one's lock held");
            }
            int expected = deliveries.merge(o, 1, Integer::sum);
            assertEquals(expected, r.deliveryCount(), "delivery count of " + o);
            assertTrue(r.deliveryCount() <= LIMIT, o + " delivered beyond the limit");
            holder.put(o, m);
            lockedAtMs.put(o, now);
            m.offsets.add(o);
          }
        } else if (op < 20) {
          Held m = members[op % 3];
          if (m.offsets.isEmpty()) continue;
          long o = m.offsets.remove(0);
          AcknowledgeType type = AcknowledgeType.values()[(op / 3) % 3];
          boolean applied = m.consumer.acknowledge(T0, o, type);
          boolean holds = holder.get(o) == m && now - lockedAtMs.get(o) < LOCK_MS;
          assertEquals(holds, applied, type + " of " + o + " by member " + op % 3 + ", held by " + (holder.get(o) == m ? "it" : "another or none")
              + ", " + (now - lockedAtMs.get(o)) + "ms after it was last locked");
          if (applied) {
            holder.remove(o);
            if (type == AcknowledgeType.ACCEPT) assertTrue(accepted.add(o));
            if (type == AcknowledgeType.REJECT) assertTrue(rejected.add(o));
          }
        } else if (op == 20) {
          time.advanceMillis(stepCount++ % 3 == 2 ? 0 : step);
        } else {
          Held m = members[op % 3];
          m.consumer.close();
          for (long o : m.offsets) holder.remove(o, m);
          m.offsets.clear();
          m.consumer = engine.shareConsumer(config);
          m.consumer.subscribe(Set.of("t"));
        }
      }
      // Drain: every lock times out, then everyone accepts what it gets.
      time.advanceMillis(LOCK_MS);
      for (int round = 0; round < 100; round++) {
        int got = 0;
        for (Held m : members) {
          for (ShareConsumerRecord r : m.consumer.poll(Duration.ZERO)) {
            got++;
            assertFalse(accepted.contains(r.offset()) || rejected.contains(r.offset()) || reported.contains(r.offset()));
            assertTrue(m.consumer.acknowledge(r, AcknowledgeType.ACCEPT));
            accepted.add(r.offset());
          }
        }
        if (got == 0) break;
      }
      assertEquals(List.of(), violations);
      Set<Long> done = new TreeSet<>(accepted);
      done.addAll(rejected);
      done.addAll(reported);
      assertEquals(accepted.size() + rejected.size() + reported.size(), done.size(), "an outcome per record, no record with two");
      assertEquals(LongStream.range(0, RECORDS).boxed().toList(), new ArrayList<>(done), "every record has an outcome");
      assertEquals(reported.size(), engine.shareGroups().archivedByDeliveryLimit("g"));
      assertEquals(new ShareGroupCoordinator.SharePartitionState(RECORDS, RECORDS, 0, 0), engine.shareGroups().state("g", T0).orElseThrow());
    }
  }
}
