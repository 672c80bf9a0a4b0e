package io.brokerbench.conformance;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.KafkaPartitioner;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.run.Plans;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.SystemRunClock;
import io.brokerbench.run.WorkloadRun;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Rejects;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.Feature;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.spi.TargetProvider;
import io.brokerbench.testing.TestWorkloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance kit: the same tests for every target. A target's test class extends this and
 * names its provider (and settings); every test creates, opens and closes its own target, with
 * names carrying a fresh run id, so tests never share queues or topics.
 *
 * <p>What a target declares unsupported (routings in {@link io.brokerbench.spi.Capabilities},
 * missing {@link Feature}s) is skipped, and the skip message says so.
 */
public abstract class TargetConformanceKit {
  @TempDir protected Path workDir;

  /** The provider under test. */
  protected abstract TargetProvider provider();

  /** Settings as a scenario would give them (nested maps allowed). */
  protected Map<String, Object> settings() {
    return Map.of();
  }

  /** Messages per routing and ordering test. */
  protected int messages() {
    return 2000;
  }

  /** Longest wait for confirms and deliveries. */
  protected Duration patience() {
    return Duration.ofSeconds(30);
  }

  /** A fresh, not yet opened target; each test closes it. */
  protected Target newTarget(String runId) {
    TargetProvider p = provider();
    TargetContext context = new TargetContext(runId, workDir.resolve(runId), System::nanoTime,
        line -> System.out.println(p.name() + ": " + line));
    return p.create(context, Settings.of(p.name(), p.settings(), settings()));
  }

  private static String freshRunId(String test) {
    return "ck-" + test + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
  }

  private RunResult runThroughHarness(Workload workload) {
    Workload w = TestWorkloads.withDrainTimeout(workload, patience());
    String runId = freshRunId(w.name());
    Target target = newTarget(runId);
    return new WorkloadRun(SystemRunClock.INSTANCE, ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec(provider().name(), target, w, 1, runId, workDir.resolve(runId), null));
  }

  private void skipIfUnsupported(RunResult r) {
    Assumptions.assumeFalse(r.status() == RunStatus.UNSUPPORTED,
        () -> provider().name() + " declares this unsupported: " + r.error());
  }

  private void requireFeature(Feature feature) {
    try (Target t = newTarget(freshRunId("caps"))) {
      Assumptions.assumeTrue(t.capabilities().has(feature),
          () -> provider().name() + " declares " + feature + " unsupported");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Routing.class)
  void routesEveryMessageAsTheReferenceRouterDoes(Routing routing) {
    Workload w = TestWorkloads.routed(routing, messages(), 2, 2);
    RunResult r = runThroughHarness(w);
    skipIfUnsupported(r);
    assertEquals(RunStatus.OK, r.status(), r.error());
    TopologyPlan plan = Plans.of("x", w);
    for (SubscriptionLedger s : r.delivery().bySubscription()) {
      long expected = 0;
      for (long id = 0; id < messages(); id++) if (plan.routes(s.subscription(), plan.variantOf(id))) expected++;
      assertEquals(expected, s.expected(), "subscription " + s.subscription() + " expected");
      assertEquals(expected, s.delivered(), "subscription " + s.subscription() + " delivered");
      assertEquals(0, s.lost(), "lost");
      assertEquals(0, s.unexpected(), "unexpected");
    }
  }

  @Test
  void deliversEveryMessageToEveryFanoutSubscription() {
    Workload w = TestWorkloads.routed(Routing.FANOUT, messages(), 1, 1);
    RunResult r = runThroughHarness(w);
    skipIfUnsupported(r);
    assertEquals(RunStatus.OK, r.status(), r.error());
    assertEquals(2, r.delivery().bySubscription().size());
    for (SubscriptionLedger s : r.delivery().bySubscription()) assertEquals(messages(), s.delivered());
  }

  @Test
  void keepsPerKeyOrderWithinAPartition() {
    requireFeature(Feature.PER_KEY_ORDER);
    RunResult r = runThroughHarness(TestWorkloads.keyed(messages(), 4, 2, 16, 2));
    skipIfUnsupported(r);
    assertEquals(RunStatus.OK, r.status(), r.error());
    assertEquals(0, r.delivery().lost());
    assertEquals(r.delivery().delivered(), r.ordering().checked());
    assertEquals(0, r.ordering().violations());
  }

  @Test
  void ledgerShowsNothingLostAtAFixedRate() {
    Workload keyed = TestWorkloads.keyed(1, 2, 2, 8, 1);
    Workload w = new Workload("fixed-rate", keyed.topology(), new Workload.Producers(1, new Rate(1000), 100), keyed.messages(),
        keyed.consumers(), Timing.ofDuration(Duration.ofMillis(500), Duration.ofSeconds(2), patience()), "");
    RunResult r = runThroughHarness(w);
    skipIfUnsupported(r);
    assertEquals(RunStatus.OK, r.status(), r.error());
    assertTrue(r.delivery().sent() >= 2400, "sent " + r.delivery().sent());
    assertEquals(r.delivery().sent(), r.delivery().confirmed());
    assertEquals(0, r.delivery().lost());
    assertEquals(0, r.delivery().unexpected());
    assertEquals(r.delivery().expected(), r.delivery().delivered());
  }

  /**
   * Rejects through the harness ({@code consumers.reject}, every 10th delivery of each consumer):
   * with requeue nothing is lost, every message is delivered once a copy is acknowledged, and the
   * rejected deliveries come back flagged redelivered (a log rewinds, so at least as many); without
   * requeue the rejected messages count as removed ({@code rejected}), apart from delivered and lost.
   */
  @ParameterizedTest(name = "requeue: {0}")
  @ValueSource(booleans = {true, false})
  void harnessRejectsComeBackFlaggedWithRequeueAndCountAsRemovedWithout(boolean requeue) {
    Workload keyed = TestWorkloads.keyed(messages(), 2, 2, 8, 1);
    Workload.Consumers c = keyed.consumers();
    Workload w = new Workload("rejects", keyed.topology(), keyed.producers(), keyed.messages(),
        new Workload.Consumers(c.subscriptions(), c.perSubscription(), c.prefetch(), c.ack(), c.processing(), c.sharing(),
            c.mode(), Rejects.every(10, requeue)),
        keyed.timing(), "");
    RunResult r = runThroughHarness(w);
    skipIfUnsupported(r);
    assertEquals(RunStatus.OK, r.status(), r.error());
    long rejected = r.consumers().stream().mapToLong(ConsumerRecord::rejected).sum();
    assertTrue(rejected >= messages() / 10 - 2, "each consumer rejects its every 10th delivery: " + rejected);
    assertEquals(0, r.delivery().lost(), "lost");
    assertEquals(0, r.delivery().unexpected(), "unexpected");
    if (requeue) {
      assertEquals(r.delivery().expected(), r.delivery().delivered(), "every message delivered once a copy is acked");
      assertTrue(r.delivery().redelivered() >= rejected,
          "each requeued delivery comes back flagged: " + r.delivery().redelivered() + " flagged, " + rejected + " rejected");
    } else {
      assertEquals(rejected, r.delivery().removed().rejected(), "removed as rejected");
      assertEquals(r.delivery().expected() - rejected, r.delivery().delivered(), "delivered");
    }
  }

  /** A single-subscription, single-queue plan driven directly through the SPI. */
  private final class Direct implements AutoCloseable {
    final String runId = freshRunId("direct");
    final Target target = newTarget(runId);
    final TopologyPlan plan;
    final long runTag = Envelope.runTag(runId);
    TargetProducer producer;
    long nextId;

    Direct(int prefetch) throws Exception {
      this(ConsumerPlan.partitioned(1, prefetch, AckMode.MANUAL));
    }

    Direct(ConsumerPlan consumers) throws Exception {
      plan = new TopologyPlan(runId, Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of(""))), consumers, 1,
          List.of(new MessageVariant("", Map.of())));
      target.open();
      Optional<String> why = target.supports(plan);
      Assumptions.assumeTrue(why.isEmpty(), () -> provider().name() + " declares this unsupported: " + why.orElse(""));
      target.declare(plan);
    }

    TargetConsumer consume(List<Delivery> into, boolean ack) throws Exception {
      return target.createConsumer(new ConsumerSpec(0, 0, plan.prefetch(), AckMode.MANUAL, plan.mode()), d -> {
        byte[] copy = java.util.Arrays.copyOf(d.payload(), d.payloadLength());
        into.add(new Received(copy, d));
        if (ack) d.ack();
      });
    }

    /** Sends {@code n} messages and waits for every confirm; returns their ids. */
    List<Long> sendConfirmed(int n) throws Exception {
      if (producer == null) producer = target.createProducer(0);
      List<Long> ids = new ArrayList<>();
      List<java.util.concurrent.CompletableFuture<Void>> confirms = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long id = nextId++;
        byte[] payload = new byte[100];
        long now = System.nanoTime();
        Envelope.write(payload, runTag, 0, 0, 0, id, id, now, now);
        confirms.add(producer.send(new OutgoingMessage(0, plan.partitionOfKey(0), KafkaPartitioner.keyBytes(0), "", Map.of(), payload)));
        ids.add(id);
      }
      for (var c : confirms) c.get(patience().toMillis(), TimeUnit.MILLISECONDS);
      return ids;
    }

    @Override
    public void close() {
      if (producer != null) producer.close();
      target.close();
    }
  }

  /** A delivery with its payload copied out (a target may reuse the buffer). */
  private record Received(byte[] bytes, Delivery delivery) implements Delivery {
    public byte[] payload() { return bytes; }
    public byte[] key() { return delivery.key(); }
    public int destination() { return delivery.destination(); }
    public int partition() { return delivery.partition(); }
    public boolean redelivered() { return delivery.redelivered(); }
    public void ack() { delivery.ack(); }
    public void reject(boolean requeue) { delivery.reject(requeue); }
    long id() { return Envelope.messageId(bytes); }
  }

  private boolean await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + patience().toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(10);
    }
    return true;
  }

  @Test
  void deliversAConfirmedMessage() throws Exception {
    try (Direct d = new Direct(10)) {
      List<Delivery> received = new CopyOnWriteArrayList<>();
      TargetConsumer c = d.consume(received, true);
      List<Long> ids = d.sendConfirmed(1);
      assertTrue(await(() -> !received.isEmpty()), "a confirmed message was not delivered within " + patience());
      Received r = (Received) received.get(0);
      assertEquals(ids.get(0), r.id());
      assertFalse(r.redelivered(), "a first delivery must not be flagged redelivered");
      c.close();
    }
  }

  @Test
  void redeliversUnackedMessagesWhenConsumerCloses() throws Exception {
    requireFeature(Feature.REDELIVERY_ON_CONSUMER_CLOSE);
    try (Direct d = new Direct(20)) {
      List<Delivery> first = new CopyOnWriteArrayList<>();
      TargetConsumer a = d.consume(first, false);
      List<Long> ids = d.sendConfirmed(5);
      assertTrue(await(() -> first.size() >= 5), "only " + first.size() + " of 5 delivered to the first consumer");
      a.close();
      List<Delivery> second = new CopyOnWriteArrayList<>();
      TargetConsumer b = d.consume(second, true);
      assertTrue(await(() -> second.size() >= 5), "only " + second.size() + " of 5 unacked messages came back");
      Set<Long> again = ConcurrentHashMap.newKeySet();
      for (Delivery r : second) {
        again.add(((Received) r).id());
        assertTrue(r.redelivered(), "a message delivered again after its consumer closed must be flagged redelivered");
      }
      assertEquals(Set.copyOf(ids), again);
      b.close();
    }
  }

  @Test
  void requeuesARejectedDeliveryFlaggedRedelivered() throws Exception {
    requireFeature(Feature.REQUEUE_ON_REJECT);
    try (Direct d = new Direct(10)) {
      // Read during the listener call: a target may reuse its delivery object afterwards.
      List<Long> ids = new CopyOnWriteArrayList<>();
      List<Boolean> redelivered = new CopyOnWriteArrayList<>();
      TargetConsumer c = d.target.createConsumer(new ConsumerSpec(0, 0, 10, AckMode.MANUAL), delivery -> {
        ids.add(Envelope.messageId(java.util.Arrays.copyOf(delivery.payload(), delivery.payloadLength())));
        redelivered.add(delivery.redelivered());
        if (ids.size() == 1) delivery.reject(true);
        else delivery.ack();
      });
      List<Long> sent = d.sendConfirmed(1);
      assertTrue(await(() -> ids.size() >= 2), "a message rejected with requeue did not come back within " + patience());
      c.close();
      assertEquals(List.of(false, true), redelivered.subList(0, 2),
          "a first delivery is not flagged redelivered; one requeued by a reject is");
      assertEquals(List.of(sent.get(0), sent.get(0)), ids.subList(0, 2));
    }
  }

  @Test
  void neverExceedsPrefetch() throws Exception {
    requireFeature(Feature.PREFETCH_BOUND);
    int prefetch = 5;
    try (Direct d = new Direct(prefetch)) {
      List<Delivery> held = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger outstanding = new AtomicInteger();
      AtomicInteger maxOutstanding = new AtomicInteger();
      AtomicInteger total = new AtomicInteger();
      TargetConsumer c = d.target.createConsumer(new ConsumerSpec(0, 0, prefetch, AckMode.MANUAL), delivery -> {
        maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
        total.incrementAndGet();
        held.add(delivery);
      });
      d.sendConfirmed(40);
      assertTrue(await(() -> total.get() >= prefetch), "fewer than prefetch deliveries arrived");
      Thread.sleep(300); // a target ignoring prefetch would hand out more by now
      assertEquals(prefetch, total.get(), "deliveries beyond prefetch while nothing was acked");
      while (total.get() < 40) {
        Delivery next;
        synchronized (held) {
          next = held.isEmpty() ? null : held.remove(0);
        }
        if (next == null) {
          assertTrue(await(() -> !held.isEmpty()), "delivery stalled after acks; got " + total.get() + " of 40");
          continue;
        }
        outstanding.decrementAndGet();
        next.ack();
      }
      assertTrue(maxOutstanding.get() <= prefetch, "held " + maxOutstanding.get() + " unacked with prefetch " + prefetch);
      c.close();
    }
  }

  /**
   * Two competing consumers of one queue with prefetch 5 and nothing acked: each is handed at most 5
   * (so up to 10 in all, not 5); once they ack, every message is delivered once and both took a
   * share. Negative control: the same two consumers partitioned over the single queue leave the
   * second idle, which the "both took a share" check would catch.
   */
  @Test
  void competingConsumersShareOneQueueWithinTheirPrefetch() throws Exception {
    requireFeature(Feature.COMPETING_CONSUMERS);
    int prefetch = 5;
    int messages = 40;
    Map<Integer, List<Long>> partitioned = deliveredPerConsumer(ConsumerPlan.partitioned(2, prefetch, AckMode.MANUAL),
        messages, prefetch);
    assertEquals(0, partitioned.get(1).size(), "partitioned: the second consumer owns no queue");
    Map<Integer, List<Long>> competing = deliveredPerConsumer(
        new ConsumerPlan(2, prefetch, AckMode.MANUAL, ConsumerSharing.COMPETING), messages, prefetch);
    assertTrue(competing.get(0).size() > 0 && competing.get(1).size() > 0, "both competing consumers take a share: "
        + competing.get(0).size() + " and " + competing.get(1).size());
  }

  /**
   * Two manual-ack consumers (0 and 1) of subscription 0 of a {@link Direct} plan that hold every
   * delivery unsettled, keeping each one's deliveries and message ids, until the test settles them.
   */
  private static final class Holding {
    final Map<Integer, List<Delivery>> held = new ConcurrentHashMap<>();
    final Map<Integer, List<Long>> ids = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();
    final List<TargetConsumer> opened = new ArrayList<>();

    Holding(Direct d, int prefetch, ConsumerMode mode) throws Exception {
      for (int c = 0; c < 2; c++) {
        int index = c;
        held.put(c, Collections.synchronizedList(new ArrayList<>()));
        ids.put(c, new CopyOnWriteArrayList<>());
        opened.add(d.target.createConsumer(new ConsumerSpec(0, c, prefetch, AckMode.MANUAL, mode), delivery -> {
          ids.get(index).add(Envelope.messageId(java.util.Arrays.copyOf(delivery.payload(), delivery.payloadLength())));
          held.get(index).add(delivery);
          total.incrementAndGet();
        }));
      }
    }
  }

  /**
   * Runs two consumers of {@code consumers}' plan holding their deliveries unacked, checks the
   * prefetch bound of each, then acks until all {@code messages} are in; returns each consumer's ids.
   */
  private Map<Integer, List<Long>> deliveredPerConsumer(ConsumerPlan consumers, int messages, int prefetch)
      throws Exception {
    try (Direct d = new Direct(consumers)) {
      Holding two = new Holding(d, prefetch, ConsumerMode.PUSH);
      Map<Integer, List<Delivery>> held = two.held;
      Map<Integer, List<Long>> ids = two.ids;
      AtomicInteger total = two.total;
      List<Long> sent = d.sendConfirmed(messages);
      int owners = consumers.sharing() == ConsumerSharing.COMPETING ? 2 : 1;
      assertTrue(await(() -> total.get() >= owners * prefetch), "fewer than prefetch deliveries per consumer arrived");
      Thread.sleep(300); // a consumer beyond its prefetch would have more by now
      for (int c = 0; c < 2; c++) {
        assertTrue(ids.get(c).size() <= prefetch, "consumer " + c + " holds " + ids.get(c).size()
            + " unacked deliveries with prefetch " + prefetch);
      }
      while (total.get() < messages) {
        boolean acked = ackAll(held);
        if (!acked) {
          assertTrue(await(() -> total.get() >= messages || held.values().stream().anyMatch(h -> !h.isEmpty())),
              "delivery stalled after acks; got " + total.get() + " of " + messages);
        }
      }
      ackAll(held);
      List<Long> all = new ArrayList<>(ids.get(0));
      all.addAll(ids.get(1));
      assertEquals(Set.copyOf(sent), Set.copyOf(all), "every message delivered");
      assertEquals(sent.size(), all.size(), "each message delivered once");
      for (TargetConsumer c : two.opened) c.close();
      return ids;
    }
  }

  /**
   * Pulled consumers ({@link ConsumerMode#PULL}), two of one queue (competing where the target has
   * competing consumers, else partitioned, the second idle) with prefetch 5 and nothing acked: each
   * holds at most 5, and still at most 5 a while later, as a pulled consumer asks again only once a
   * held delivery is settled; its {@link TargetConsumer#mostUnacknowledged()}, where the target
   * reports one, says the same. Once they ack, the rest arrives: every message at least once,
   * nothing lost.
   */
  @Test
  void pulledConsumersHoldAtMostTheirPrefetch() throws Exception {
    requireFeature(Feature.PULL_CONSUMERS);
    int prefetch = 5;
    int messages = 40;
    ConsumerSharing sharing;
    try (Target t = newTarget(freshRunId("caps"))) {
      sharing = t.capabilities().has(Feature.COMPETING_CONSUMERS) ? ConsumerSharing.COMPETING : ConsumerSharing.PARTITIONED;
    }
    try (Direct d = new Direct(new ConsumerPlan(2, prefetch, AckMode.MANUAL, sharing, ConsumerMode.PULL))) {
      Holding two = new Holding(d, prefetch, ConsumerMode.PULL);
      Map<Integer, List<Delivery>> held = two.held;
      Map<Integer, List<Long>> ids = two.ids;
      AtomicInteger total = two.total;
      List<TargetConsumer> opened = two.opened;
      List<Long> sent = d.sendConfirmed(messages);
      assertTrue(await(() -> total.get() >= prefetch), "fewer than prefetch deliveries arrived");
      Thread.sleep(500); // a pulled consumer asking beyond its prefetch would have more by now
      int[] heldAtOnce = new int[2];
      for (int c = 0; c < 2; c++) {
        heldAtOnce[c] = ids.get(c).size();
        assertTrue(heldAtOnce[c] <= prefetch, "pulled consumer " + c + " holds " + heldAtOnce[c]
            + " unacked deliveries with prefetch " + prefetch);
      }
      int before = total.get();
      Thread.sleep(300);
      assertEquals(before, total.get(), "deliveries kept arriving while every consumer held its prefetch unacked");
      while (!Set.copyOf(allOf(ids)).containsAll(sent)) {
        boolean acked = ackAll(held);
        if (!acked) {
          assertTrue(await(() -> Set.copyOf(allOf(ids)).containsAll(sent) || held.values().stream().anyMatch(h -> !h.isEmpty())),
              "delivery stalled after acks; got " + Set.copyOf(allOf(ids)).size() + " of " + messages);
        }
      }
      ackAll(held);
      for (TargetConsumer c : opened) c.close();
      assertTrue(allOf(ids).size() >= messages, "every message delivered at least once");
      for (int c = 0; c < 2; c++) {
        int index = c;
        opened.get(c).mostUnacknowledged().ifPresent(most -> assertTrue(most <= prefetch && most >= heldAtOnce[index],
            "pulled consumer " + index + " reports holding at most " + most + " unacked at once; it held "
                + heldAtOnce[index] + ", prefetch " + prefetch));
      }
    }
  }

  private static List<Long> allOf(Map<Integer, List<Long>> ids) {
    List<Long> all = new ArrayList<>();
    for (List<Long> each : ids.values()) all.addAll(each);
    return all;
  }

  /** Acks every delivery held; whether there was any. */
  private static boolean ackAll(Map<Integer, List<Delivery>> held) {
    boolean any = false;
    for (List<Delivery> h : held.values()) {
      List<Delivery> taken;
      synchronized (h) {
        taken = new ArrayList<>(h);
        h.clear();
      }
      taken.forEach(Delivery::ack);
      any |= !taken.isEmpty();
    }
    return any;
  }
}
