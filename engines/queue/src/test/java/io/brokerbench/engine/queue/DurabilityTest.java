package io.brokerbench.engine.queue;

import static io.brokerbench.engine.queue.Collector.bytes;
import static io.brokerbench.engine.queue.Collector.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

  private static QueueEngine open(InMemoryStorage storage, FsyncPolicy fsync) throws IOException {
    return QueueEngine.open(EngineConfig.withStorage(storage, MemoryDirectory.DIR, fsync).withClock(System::currentTimeMillis, 0));
  }

  private static QueueEngine openOnDisk(Path dir, FsyncPolicy fsync) throws IOException {
    return QueueEngine.open(EngineConfig.onDisk(dir, fsync).withClock(System::currentTimeMillis, 0));
  }

  private static void declare(QueueEngine e) {
    e.declareExchange("x", ExchangeType.DIRECT, true);
    e.declareQueue("q", QueueOptions.durableQueue());
    e.bindQueue("q", "x", Binding.key("k"));
  }

  private static List<String> drain(QueueEngine e, String queue) {
    Session s = e.openSession(0);
    List<String> out = new ArrayList<>();
    Delivery d;
    while ((d = s.get(queue, true)) != null) out.add(text(d));
    return out;
  }

  @Test
  void durableQueueKeepsPersistentMessagesAcrossARestartButNotTransientOnes() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      declare(e);
      e.declareQueue("t", QueueOptions.transientQueue());
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("p1"), false).join();
      e.publish("x", "k", MessageProperties.TRANSIENT, bytes("t1"), false).join();
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("p2"), false).join();
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("p3"), false).join();
      Session s = e.openSession(0);
      assertEquals("p1", text(s.get("q", false)));
      s.get("q", false).ack(); // t1
      Delivery p2 = s.get("q", false);
      p2.ack();
    }
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      assertEquals(List.of("q"), e.queueNames());
      assertEquals(2, e.recoveryReport().messagesRecovered());
      Session s = e.openSession(0);
      Delivery p1 = s.get("q", false);
      assertEquals("p1", text(p1));
      assertTrue(p1.redelivered(), "a recovered message may have been delivered before");
      assertEquals("p3", text(s.get("q", true)));
      // the topology came back: publishing through the durable binding works
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("p4"), false).join();
      assertEquals("p4", text(s.get("q", true)));
    }
  }

  @Test
  void confirmedMessagesSurviveACrashAndAcknowledgedOnesStayGone() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    QueueEngine e = open(storage, FsyncPolicy.always());
    declare(e);
    for (int i = 0; i < 50; i++) e.publish("x", "k", MessageProperties.PERSISTENT, bytes("m" + i), false).join();
    Session s = e.openSession(0);
    for (int i = 0; i < 20; i++) s.get("q", false).ack();
    e.crash();
    assertThrows(EngineClosedException.class, () -> e.publish("x", "k", MessageProperties.PERSISTENT, bytes("late"), false));
    try (QueueEngine again = open(storage, FsyncPolicy.always())) {
      List<String> left = drain(again, "q");
      assertEquals(30, left.size());
      assertEquals("m20", left.get(0));
      assertEquals("m49", left.get(29));
    }
  }

  @Test
  void settlingAfterCloseChangesNothing() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    QueueEngine e = open(storage, FsyncPolicy.always());
    declare(e);
    e.publish("x", "k", MessageProperties.PERSISTENT, bytes("a"), false).join();
    Delivery d = e.openSession(0).get("q", false);
    e.close();
    d.ack();
    try (QueueEngine again = open(storage, FsyncPolicy.always())) {
      assertEquals(List.of("a"), drain(again, "q"));
    }
  }

  @Test
  void alwaysLosesNothingConfirmedInAPowerLoss() throws Exception {
    assertEquals(0, lostAfterPowerLoss(FsyncPolicy.always()));
  }

  @Test
  void intervalLosesNothingConfirmedInAPowerLoss() throws Exception {
    assertEquals(0, lostAfterPowerLoss(FsyncPolicy.interval(5)));
  }

  /** Negative control: with never, confirms do not wait for the device, so a power loss loses confirmed messages. */
  @Test
  void neverLosesConfirmedMessagesInAPowerLoss() throws Exception {
    assertTrue(lostAfterPowerLoss(FsyncPolicy.never()) > 0);
  }

  private static int lostAfterPowerLoss(FsyncPolicy policy) throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    QueueEngine e = open(storage, policy);
    declare(e);
    Set<String> confirmed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String id = "m" + i;
      all.add(e.publish("x", "k", MessageProperties.PERSISTENT, bytes(id), false).thenRun(() -> confirmed.add(id)));
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
    e.crash();
    storage.powerLoss();
    try (QueueEngine again = open(storage, policy)) {
      Set<String> recovered = new TreeSet<>(drain(again, "q"));
      int lost = 0;
      for (String id : confirmed) if (!recovered.contains(id)) lost++;
      return lost;
    }
  }

  @Test
  void aTruncatedTailRecoversToTheLastWholeRecord() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      declare(e);
      for (int i = 0; i < 10; i++) e.publish("x", "k", MessageProperties.PERSISTENT, bytes("m" + i), false).join();
    }
    String segment = JournalFormat.segmentName(0);
    long size = storage.sizeOf(MemoryDirectory.file(segment));
    try (var f = storage.open(MemoryDirectory.file(segment), false)) {
      f.truncate(size - 3);
    }
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      assertEquals(1, e.recoveryReport().truncations().size(), e.recoveryReport().toString());
      List<String> left = drain(e, "q");
      assertEquals(9, left.size());
      assertEquals("m8", left.get(8));
    }
  }

  @Test
  void aBitFlipInTheLastRecordCutsItOff() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      declare(e);
      for (int i = 0; i < 10; i++) e.publish("x", "k", MessageProperties.PERSISTENT, bytes("m" + i), false).join();
    }
    String segment = JournalFormat.segmentName(0);
    storage.flipBit(MemoryDirectory.file(segment), storage.sizeOf(MemoryDirectory.file(segment)) - 1, 3);
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      assertTrue(e.recoveryReport().truncations().get(0).contains("CRC mismatch"), e.recoveryReport().toString());
      assertEquals(9, drain(e, "q").size());
    }
    // the cut is permanent: a second recovery finds a clean journal
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      assertEquals(List.of(), e.recoveryReport().truncations());
    }
  }

  @Test
  void fullyAcknowledgedSegmentsAreReclaimed() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    byte[] body = new byte[4000];
    try (QueueEngine e = QueueEngine.open(EngineConfig.withStorage(storage, MemoryDirectory.DIR, FsyncPolicy.never()).withSegmentBytes(64 << 10))) {
      declare(e);
      Session s = e.openSession(0);
      for (int i = 0; i < 200; i++) {
        e.publish("x", "k", MessageProperties.PERSISTENT, body, false).join();
        s.get("q", false).ack();
      }
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("last"), false).join();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (e.journalStats().segmentsDeleted() < 10 && System.nanoTime() < deadline) Thread.sleep(10);
      assertTrue(e.journalStats().segmentsDeleted() >= 10, e.journalStats().toString());
    }
    long segments = storage.list(MemoryDirectory.DIR).stream().filter(p -> p.getFileName().toString().endsWith(".journal")).count();
    assertTrue(segments <= 2, "segments left: " + storage.list(MemoryDirectory.DIR));
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      assertEquals(List.of("last"), drain(e, "q"));
    }
  }

  @Test
  void groupCommitSharesOneForceAmongWaitingPublishers() throws Exception {
    try (QueueEngine e = open(new InMemoryStorage(), FsyncPolicy.always())) {
      declare(e);
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (int i = 0; i < 2000; i++) all.add(e.publish("x", "k", MessageProperties.PERSISTENT, bytes("m" + i), false));
      CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
      JournalStats st = e.journalStats();
      assertEquals(2000, st.recordsAppended());
      assertTrue(st.fsyncs() < 2000, st.toString());
    }
  }

  @Test
  void deletedDurableQueueDoesNotComeBack() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      declare(e);
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("a"), false).join();
      e.deleteQueue("q");
      e.declareQueue("q", QueueOptions.durableQueue());
      e.publish("", "q", MessageProperties.PERSISTENT, bytes("b"), false).join();
    }
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      assertEquals(List.of("b"), drain(e, "q"));
    }
  }

  @Test
  void aSecondEngineCannotOpenALockedDirectoryUntilTheFirstCrashes(@TempDir Path dir) throws Exception {
    QueueEngine first = openOnDisk(dir, FsyncPolicy.always());
    declare(first);
    first.publish("x", "k", MessageProperties.PERSISTENT, bytes("a"), false).join();
    assertThrows(IOException.class, () -> openOnDisk(dir, FsyncPolicy.always()));
    first.crash();
    try (QueueEngine second = openOnDisk(dir, FsyncPolicy.always())) {
      assertEquals(List.of("a"), drain(second, "q"));
    }
    assertTrue(Files.exists(dir.resolve(TopologyStore.FILE)));
  }

  @Test
  void anAckFromAnInterruptedThreadDoesNotBreakTheJournal(@TempDir Path dir) throws Exception {
    try (QueueEngine e = openOnDisk(dir, FsyncPolicy.always())) {
      declare(e);
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("a"), false).join();
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("b"), false).join();
      Delivery a = e.openSession(0).get("q", false);
      Thread.currentThread().interrupt();
      try {
        a.ack();
      } finally {
        assertTrue(Thread.interrupted(), "the engine must leave the interrupt status alone");
      }
      e.publish("x", "k", MessageProperties.PERSISTENT, bytes("c"), false).get(5, TimeUnit.SECONDS);
    }
    try (QueueEngine e = openOnDisk(dir, FsyncPolicy.always())) {
      assertEquals(List.of("b", "c"), drain(e, "q"));
    }
  }

  @Test
  void durableTopologyWithAwkwardNamesAndEveryBindingKindSurvivesARestart() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    String q = "qué queue #1 = ok";
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      e.declareExchange("front door", ExchangeType.TOPIC, true);
      e.declareExchange("h x", ExchangeType.HEADERS, true);
      e.declareExchange("dl x", ExchangeType.FANOUT, true);
      e.declareQueue(q, QueueOptions.durableQueue().withDeadLetter("dl x", "r k").withDeliveryLimit(4)
          .withMaxLength(9, Overflow.REJECT_PUBLISH).withMessageTtlMillis(60_000).withSingleActiveConsumer(true));
      e.declareQueue("empty key", QueueOptions.durableQueue());
      e.bindExchange("h x", "front door", Binding.key("a.#"));
      e.bindQueue(q, "h x", Binding.headers(java.util.Map.of("k y", "v=1,2", "z", ""), HeaderMatch.ANY));
      e.bindQueue("empty key", "front door", Binding.key(""));
      e.declareQueue("transient one", QueueOptions.transientQueue());
    }
    try (QueueEngine e = open(storage, FsyncPolicy.always())) {
      assertEquals(Set.of(q, "empty key"), Set.copyOf(e.queueNames()));
      // the redeclaration with the same options is accepted: the options came back intact
      e.declareQueue(q, QueueOptions.durableQueue().withDeadLetter("dl x", "r k").withDeliveryLimit(4)
          .withMaxLength(9, Overflow.REJECT_PUBLISH).withMessageTtlMillis(60_000).withSingleActiveConsumer(true));
      e.publish("front door", "a.b", MessageProperties.PERSISTENT.withHeaders(java.util.Map.of("k y", "v=1,2")), bytes("m"), true).join();
      e.publish("front door", "", MessageProperties.PERSISTENT, bytes("n"), true).join();
      assertEquals(1, e.queueStats(q).ready());
      assertEquals(1, e.queueStats("empty key").ready());
    }
  }

  @Test
  void expiryDeadlinesHoldAcrossARestart() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    long[] now = {1_000_000};
    EngineConfig cfg = EngineConfig.withStorage(storage, MemoryDirectory.DIR, FsyncPolicy.always()).withClock(() -> now[0], 0);
    try (QueueEngine e = QueueEngine.open(cfg)) {
      e.declareQueue("q", QueueOptions.durableQueue().withMessageTtlMillis(100));
      e.publish("", "q", MessageProperties.PERSISTENT, bytes("a"), false).join();
    }
    now[0] += 150;
    try (QueueEngine e = QueueEngine.open(cfg)) {
      assertNull(e.openSession(0).get("q", true));
      assertFalse(e.queueStats("q").ready() > 0);
    }
  }
}
