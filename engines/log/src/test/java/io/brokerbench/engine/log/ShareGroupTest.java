package io.brokerbench.engine.log;

import static io.brokerbench.engine.log.TestLogs.DIR;
import static io.brokerbench.engine.log.TestLogs.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShareGroupTest {
  private static final TopicPartition T0 = new TopicPartition("t", 0);
  private final InMemoryStorage storage = new InMemoryStorage();
  private final TestLogs.FakeTime time = new TestLogs.FakeTime();
  private LogEngine engine;

  private LogEngine open() throws Exception {
    engine = LogEngine.open(DIR, TestLogs.smallSegments(64 << 10), storage, time);
    return engine;
  }

  @AfterEach
  void close() {
    if (engine != null) engine.close();
  }

  /** Appends {@code count} records to {@code tp} in batches of up to 4 (so acquisitions start and end inside batches). */
  private void append(TopicPartition tp, int count) throws Exception {
    PartitionLog log = engine.partition(tp);
    List<LogRecord> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(LogRecord.of(null, bytes(tp + "@" + (log.endOffset() + batch.size())), i));
      if (batch.size() == 4 || i == count - 1) {
        log.append(TestLogs.batch(batch));
        batch.clear();
      }
    }
  }

  private static ShareConsumerConfig explicit(String group, OffsetReset reset) {
    return ShareConsumerConfig.defaults(group).withAcknowledgementMode(AcknowledgementMode.EXPLICIT)
        .withGroup(ShareGroupConfig.defaults().withAutoOffsetReset(reset));
  }

  private ShareConsumer member(ShareConsumerConfig config) {
    ShareConsumer c = engine.shareConsumer(config);
    c.subscribe(Set.of("t"));
    return c;
  }

  private static List<ShareConsumerRecord> poll(ShareConsumer c) {
    return c.poll(Duration.ofMillis(5));
  }

  private static List<Long> offsets(List<ShareConsumerRecord> records) {
    return records.stream().map(ShareConsumerRecord::offset).toList();
  }

  @Test
  void twoMembersOnOnePartitionTogetherReceiveEveryRecordExactlyOnceWhenAllAccept() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 100);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST).withMaxPollRecords(7);
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    List<Long> seenByA = new ArrayList<>();
    List<Long> seenByB = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      for (ShareConsumerRecord r : poll(a)) {
        assertEquals(1, r.deliveryCount(), "first delivery of " + r.offset());
        assertEquals(T0 + "@" + r.offset(), new String(r.record().value()), "the payload is the record at that offset");
        seenByA.add(r.offset());
        assertTrue(a.acknowledge(r, AcknowledgeType.ACCEPT));
      }
      for (ShareConsumerRecord r : poll(b)) {
        assertEquals(1, r.deliveryCount());
        seenByB.add(r.offset());
        assertTrue(b.acknowledge(r, AcknowledgeType.ACCEPT));
      }
    }
    List<Long> all = new ArrayList<>(seenByA);
    all.addAll(seenByB);
    Collections.sort(all);
    assertEquals(LongStream.range(0, 100).boxed().toList(), all, "every record exactly once");
    assertFalse(seenByA.isEmpty(), "a took part");
    assertFalse(seenByB.isEmpty(), "b took part");
    assertEquals(new ShareGroupCoordinator.SharePartitionState(100, 100, 0, 0), engine.shareGroups().state("g", T0).orElseThrow());

    // Control: a second share group is independent and receives every record again.
    ShareConsumer other = member(explicit("other", OffsetReset.EARLIEST).withMaxPollRecords(1000));
    assertEquals(100, poll(other).size());
  }

  @Test
  void membersHoldingRecordsDoNotReceiveEachOthersRecords() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 10);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST).withMaxPollRecords(4);
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    assertEquals(List.of(0L, 1L, 2L, 3L), offsets(poll(a)));
    assertEquals(List.of(4L, 5L, 6L, 7L), offsets(poll(b)), "b gets the records after those a holds");
    assertEquals(List.of(8L, 9L), offsets(poll(a)));
    assertEquals(List.of(), offsets(poll(b)), "everything is held");
  }

  @Test
  void acknowledgementsFromAnotherThreadWhileTwoMembersPollDeliverEveryRecordExactlyOnce() throws Exception {
    open();
    engine.createTopic("t", 2);
    TopicPartition t1 = new TopicPartition("t", 1);
    append(T0, 1500);
    append(t1, 1500);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST).withMaxPollRecords(50);
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    record Delivery(ShareConsumer by, TopicPartition tp, long offset, int deliveryCount) {}
    BlockingQueue<Delivery> toAck = new LinkedBlockingQueue<>();
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    Thread acker = new Thread(() -> {
      while (!stop.get() || !toAck.isEmpty()) {
        try {
          Delivery d = toAck.poll(10, TimeUnit.MILLISECONDS);
          if (d == null) continue;
          if (!d.by.acknowledge(d.tp, d.offset, AcknowledgeType.ACCEPT)) duplicates.add("refused " + d);
          if (!accepted.add(d.tp + "@" + d.offset)) duplicates.add("twice " + d);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    acker.start();
    List<Thread> pollers = new ArrayList<>();
    for (ShareConsumer c : List.of(a, b)) {
      Thread t = new Thread(() -> {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (accepted.size() < 3000 && System.nanoTime() < until) {
          c.poll(Duration.ofMillis(5), r -> toAck.add(new Delivery(c, r.partition(), r.offset(), r.deliveryCount())));
        }
      });
      pollers.add(t);
      t.start();
    }
    for (Thread t : pollers) t.join();
    stop.set(true);
    acker.join();
    assertEquals(List.of(), duplicates);
    assertEquals(3000, accepted.size());
    assertEquals(1500, engine.shareGroups().state("g", T0).orElseThrow().startOffset());
    assertEquals(1500, engine.shareGroups().state("g", t1).orElseThrow().startOffset());
  }

  @Test
  void releaseRedeliversWithDeliveryCountTwoToAnotherMember() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 3);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST).withMaxPollRecords(1);
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    ShareConsumerRecord first = poll(a).get(0);
    assertEquals(0, first.offset());
    assertEquals(1, first.deliveryCount());
    assertTrue(a.acknowledge(first, AcknowledgeType.RELEASE));
    ShareConsumerRecord again = poll(b).get(0);
    assertEquals(0, again.offset(), "the released record comes before new ones");
    assertEquals(2, again.deliveryCount());
    assertFalse(a.acknowledge(first, AcknowledgeType.ACCEPT), "a released it; b holds it now");
    assertTrue(b.acknowledge(again, AcknowledgeType.ACCEPT));
    assertEquals(List.of(1L), offsets(poll(a)));
  }

  @Test
  void rejectArchivesTheRecordAndNeverRedeliversIt() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 3);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST);
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    List<ShareConsumerRecord> got = poll(a);
    assertEquals(List.of(0L, 1L, 2L), offsets(got));
    assertTrue(a.acknowledge(got.get(0), AcknowledgeType.REJECT));
    assertTrue(a.acknowledge(got.get(1), AcknowledgeType.RELEASE)); // control: a released record does come back
    assertTrue(a.acknowledge(got.get(2), AcknowledgeType.ACCEPT));
    List<Long> later = new ArrayList<>();
    time.advanceMillis(60_000); // past every lock
    for (int i = 0; i < 5; i++) {
      for (ShareConsumerRecord r : poll(a)) {
        later.add(r.offset());
        a.acknowledge(r, AcknowledgeType.RELEASE);
      }
      for (ShareConsumerRecord r : poll(b)) {
        later.add(r.offset());
        b.acknowledge(r, AcknowledgeType.RELEASE);
      }
    }
    assertFalse(later.contains(0L), "rejected record delivered again: " + later);
    assertTrue(later.contains(1L), "released record came back: " + later);
    assertEquals(List.of(1L, 1L, 1L, 1L), later, "record 1 released every time: deliveries 2 to 5, then archived");
    assertEquals(1, engine.shareGroups().archivedByDeliveryLimit("g"), "only record 1 reached the limit; a rejection is not reported");
  }

  @Test
  void aTimedOutLockMakesTheRecordAvailableAgain() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 2);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST)
        .withGroup(ShareGroupConfig.defaults().withAutoOffsetReset(OffsetReset.EARLIEST).withRecordLockDuration(Duration.ofSeconds(1)));
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    List<ShareConsumerRecord> held = poll(a);
    assertEquals(List.of(0L, 1L), offsets(held));
    time.advanceMillis(999);
    assertEquals(List.of(), offsets(poll(b)), "still locked 999ms later");
    assertTrue(a.acknowledge(held.get(1), AcknowledgeType.ACCEPT), "within the lock an acknowledgement counts");
    time.advanceMillis(1);
    List<ShareConsumerRecord> again = poll(b);
    assertEquals(List.of(0L), offsets(again), "the lock timed out after 1000ms");
    assertEquals(2, again.get(0).deliveryCount());
    assertFalse(a.acknowledge(held.get(0), AcknowledgeType.ACCEPT), "a's lock is gone");
  }

  @Test
  void theSchedulerAppliesLockTimeoutsWhenNobodyPolls() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 1);
    ShareConsumer a = member(explicit("g", OffsetReset.EARLIEST));
    assertEquals(1, poll(a).size());
    assertEquals(1, engine.shareGroups().state("g", T0).orElseThrow().acquired());
    time.advanceMillis(30_000);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (engine.shareGroups().state("g", T0).orElseThrow().acquired() == 1 && System.nanoTime() < until) Thread.sleep(20);
    assertEquals(new ShareGroupCoordinator.SharePartitionState(0, 1, 1, 0), engine.shareGroups().state("g", T0).orElseThrow());
  }

  @Test
  void closingAMemberReleasesItsRecordsToTheOthers() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 5);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST);
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    assertEquals(5, poll(a).size());
    assertEquals(List.of(), offsets(poll(b)), "control: a holds them all");
    a.close();
    List<ShareConsumerRecord> taken = poll(b);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), offsets(taken));
    assertTrue(taken.stream().allMatch(r -> r.deliveryCount() == 2), "the delivery to a counted");
    assertEquals(1, engine.shareGroups().memberCount("g"));
  }

  @Test
  void theDeliveryCountLimitArchivesAndReportsTheRecord() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 2);
    ShareGroupConfig group = ShareGroupConfig.defaults().withAutoOffsetReset(OffsetReset.EARLIEST).withDeliveryCountLimit(3)
        .withRecordLockDuration(Duration.ofSeconds(1));
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST).withGroup(group).withMaxPollRecords(1);
    List<String> reported = Collections.synchronizedList(new ArrayList<>());
    engine.shareGroups().setDeliveryLimitListener((g, tp, offset, count) -> reported.add(g + " " + tp + "@" + offset + " x" + count));
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    // Delivery 1: released. Delivery 2: its lock times out. Delivery 3: its member closes.
    ShareConsumerRecord r = poll(a).get(0);
    assertEquals(1, r.deliveryCount());
    a.acknowledge(r, AcknowledgeType.RELEASE);
    r = poll(b).get(0);
    assertEquals(2, r.deliveryCount());
    time.advanceMillis(1000);
    r = poll(a).get(0);
    assertEquals(0, r.offset());
    assertEquals(3, r.deliveryCount(), "below the limit it was delivered again");
    assertEquals(List.of(), reported);
    a.close();
    assertEquals(List.of("g t-0@0 x3"), reported);
    assertEquals(1, engine.shareGroups().archivedByDeliveryLimit("g"));
    assertEquals(List.of(1L), offsets(poll(b)), "record 0 is never delivered again");
    assertEquals(List.of(), offsets(poll(b)));
    assertEquals(1, engine.shareGroups().state("g", T0).orElseThrow().startOffset(), "the start offset moved past the archived record");
  }

  @Test
  void acquisitionIsBoundedByMaxPollRecordsAndByTheInFlightWindow() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 10);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST).withMaxPollRecords(3)
        .withGroup(ShareGroupConfig.defaults().withAutoOffsetReset(OffsetReset.EARLIEST).withMaxInFlightRecords(5));
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    List<ShareConsumerRecord> first = poll(a);
    assertEquals(List.of(0L, 1L, 2L), offsets(first));
    assertEquals(new ShareGroupCoordinator.SharePartitionState(0, 3, 0, 3), engine.shareGroups().state("g", T0).orElseThrow(),
        "only what the poll handed out was acquired");
    assertEquals(List.of(3L, 4L), offsets(poll(b)), "the window holds 5 records");
    assertEquals(List.of(), offsets(poll(b)));
    assertTrue(a.acknowledge(first.get(1), AcknowledgeType.ACCEPT));
    assertEquals(List.of(), offsets(poll(b)), "the window's head (offset 0) is still held");
    assertTrue(a.acknowledge(first.get(0), AcknowledgeType.ACCEPT));
    assertEquals(List.of(5L, 6L), offsets(poll(b)), "the start offset moved to 2: the window is [2, 7)");
  }

  @Test
  void aNewGroupStartsAtTheLatestOffsetByDefaultOrAtTheEarliest() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 5);
    ShareConsumer latest = engine.shareConsumer(ShareConsumerConfig.defaults("late").withAcknowledgementMode(AcknowledgementMode.EXPLICIT));
    latest.subscribe(Set.of("t"));
    ShareConsumer earliest = member(explicit("early", OffsetReset.EARLIEST));
    assertEquals(List.of(), offsets(poll(latest)), "records before the group existed are skipped");
    append(T0, 2);
    assertEquals(List.of(5L, 6L), offsets(poll(latest)), "records appended after the subscription are read");
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), offsets(poll(earliest)));
  }

  @Test
  void aTopicCreatedAfterTheSubscriptionIsReadFromItsStart() throws Exception {
    open();
    ShareConsumer c = engine.shareConsumer(ShareConsumerConfig.defaults("g").withAcknowledgementMode(AcknowledgementMode.EXPLICIT));
    c.subscribe(Set.of("t"));
    assertEquals(List.of(), offsets(poll(c)));
    engine.createTopic("t", 1);
    append(T0, 2);
    assertEquals(List.of(0L, 1L), offsets(poll(c)), "latest is the log end when the topic was created");
  }

  @Test
  void implicitModeAcceptsTheLastPollsRecordsOnTheNextPoll() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 4);
    ShareConsumerConfig config = ShareConsumerConfig.defaults("g").withMaxPollRecords(2)
        .withGroup(ShareGroupConfig.defaults().withAutoOffsetReset(OffsetReset.EARLIEST));
    ShareConsumer a = member(config);
    List<ShareConsumerRecord> got = poll(a);
    assertEquals(List.of(0L, 1L), offsets(got));
    assertThrows(IllegalStateException.class, () -> a.acknowledge(got.get(0), AcknowledgeType.ACCEPT));
    assertEquals(2, engine.shareGroups().state("g", T0).orElseThrow().acquired(), "held until the next poll");
    assertEquals(List.of(2L, 3L), offsets(poll(a)));
    assertEquals(new ShareGroupCoordinator.SharePartitionState(2, 4, 0, 2), engine.shareGroups().state("g", T0).orElseThrow());
    a.close();
    assertEquals(new ShareGroupCoordinator.SharePartitionState(4, 4, 0, 0), engine.shareGroups().state("g", T0).orElseThrow(),
        "close accepted the last poll's records");
  }

  @Test
  void aThrowingHandlerReleasesItsRecordAndTheRecordsNotYetHandedOut() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 4);
    ShareConsumer a = member(explicit("g", OffsetReset.EARLIEST));
    List<Long> handled = new ArrayList<>();
    RuntimeException boom = new RuntimeException("boom");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> a.poll(Duration.ofMillis(5), r -> {
      handled.add(r.offset());
      if (r.offset() == 1) throw boom;
    }));
    assertEquals(boom, thrown);
    assertEquals(List.of(0L, 1L), handled);
    List<ShareConsumerRecord> again = poll(a);
    assertEquals(List.of(1L, 2L, 3L), offsets(again));
    assertEquals(List.of(2, 1, 1), again.stream().map(ShareConsumerRecord::deliveryCount).toList(),
        "record 1 was delivered once before; 2 and 3 were never handed out");
  }

  @Test
  void aMemberWaitingInALongPollTakesARecordAnotherMemberReleases() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 1);
    ShareConsumerConfig config = explicit("g", OffsetReset.EARLIEST);
    ShareConsumer a = member(config);
    ShareConsumer b = member(config);
    ShareConsumerRecord held = poll(a).get(0);
    BlockingQueue<List<ShareConsumerRecord>> got = new LinkedBlockingQueue<>();
    Thread waiter = new Thread(() -> got.add(b.poll(Duration.ofSeconds(20))));
    waiter.start();
    assertEquals(null, got.poll(200, TimeUnit.MILLISECONDS), "control: nothing to take while a holds the record");
    long released = System.nanoTime();
    assertTrue(a.acknowledge(held, AcknowledgeType.RELEASE));
    List<ShareConsumerRecord> taken = got.poll(10, TimeUnit.SECONDS);
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);
    waiter.join();
    assertEquals(List.of(0L), offsets(taken));
    assertTrue(waitedMillis < 5_000, "woken by the release, not by its 20s timeout: " + waitedMillis + "ms");
  }

  @Test
  void recordsDeletedByRetentionAreSkippedAndTheirLocksForgotten() throws Exception {
    engine = LogEngine.open(DIR, TestLogs.smallSegments(1024), storage, time);
    engine.createTopic("t", 1);
    append(T0, 200);
    PartitionLog log = engine.partition(T0);
    assertTrue(log.segmentCount() > 2, "control: the records span several segments, was " + log.segmentCount());
    ShareConsumer a = member(explicit("g", OffsetReset.EARLIEST).withMaxPollRecords(3));
    List<ShareConsumerRecord> held = poll(a);
    assertEquals(List.of(0L, 1L, 2L), offsets(held));
    log.deleteSegmentsBefore(100);
    long logStart = log.logStartOffset();
    assertTrue(logStart > 2, "retention deleted the held records, log start " + logStart);
    List<ShareConsumerRecord> next = poll(a);
    assertEquals(List.of(logStart, logStart + 1, logStart + 2), offsets(next));
    assertFalse(a.acknowledge(held.get(0), AcknowledgeType.ACCEPT), "a deleted record cannot be acknowledged");
    assertEquals(new ShareGroupCoordinator.SharePartitionState(logStart, logStart + 3, 0, 3), engine.shareGroups().state("g", T0).orElseThrow());
  }

  @Test
  void membersOfOneGroupMustAgreeOnItsSettings() throws Exception {
    open();
    engine.createTopic("t", 1);
    member(explicit("g", OffsetReset.EARLIEST));
    ShareConsumer other = engine.shareConsumer(explicit("g", OffsetReset.LATEST));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.subscribe(Set.of("t")));
    assertTrue(e.getMessage().contains("share group g"), e.getMessage());
  }

  @Test
  void classicGroupsAreUnaffectedByAShareGroupOfTheSameName() throws Exception {
    open();
    engine.createTopic("t", 1);
    append(T0, 6);
    ShareConsumer share = member(explicit("g", OffsetReset.EARLIEST));
    for (ShareConsumerRecord r : poll(share)) share.acknowledge(r, AcknowledgeType.ACCEPT);
    assertEquals(6, engine.shareGroups().state("g", T0).orElseThrow().startOffset());
    LogConsumer classic = engine.consumer(ConsumerConfig.defaults("g").withAutoCommit(false));
    classic.subscribe(Set.of("t"));
    List<Long> read = new ArrayList<>();
    for (int i = 0; i < 5; i++) for (ConsumerRecord r : classic.poll(Duration.ofMillis(5))) read.add(r.offset());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), read, "the classic group reads everything the share group accepted");
    assertEquals(-1, classic.committed(T0), "share acknowledgements commit nothing for the classic group");
    classic.commitSync();
    assertEquals(6, classic.committed(T0));
    assertEquals(1, engine.shareGroups().memberCount("g"));
    assertEquals(new TreeSet<>(Set.of(T0)), new TreeSet<>(classic.assignment()));
  }
}
