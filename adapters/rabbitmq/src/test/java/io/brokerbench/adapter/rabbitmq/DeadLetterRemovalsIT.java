package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.RemovedRecord;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.SystemRunClock;
import io.brokerbench.run.WorkloadRun;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.RemovalReason;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetProducer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages RabbitMQ removes by the queue settings (TTL, maximum length, delivery limit, rejection)
 * reach the ledger as removed with their reason, not as lost, on the server on 127.0.0.1:5672.
 * Workloads run through the harness's own {@link WorkloadRun}, as {@code scripts/bench} would run
 * them; consumers are kept slow (prefetch 1, 10 ms per message, so about 100 messages/s each)
 * against a publish rate of 1,000/s, so queues fill up.
 */
class DeadLetterRemovalsIT {
  private static final Duration PROCESSING = Duration.ofMillis(10);

  @TempDir Path work;
  private final List<Target> targets = new ArrayList<>();

  @BeforeAll
  static void requireServer() {
    Brokers.assumeExternal();
  }

  @AfterEach
  void closeTargets() {
    targets.forEach(Target::close);
  }

  /** {@code count} messages at 1,000/s to {@code subscriptions} fanout subscriptions of one slow consumer each. */
  private static Workload slowConsumers(String name, int subscriptions, long count) {
    List<Binding> bindings = Collections.nCopies(subscriptions, Binding.ofKeys(List.of()));
    return new Workload(name, new Workload.Topology(1, 1, Routing.FANOUT, bindings),
        new Workload.Producers(1, new Rate(1000), 1000),
        new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(subscriptions, 1, 1, AckMode.MANUAL, PROCESSING),
        Timing.ofCount(Duration.ZERO, count, Duration.ofSeconds(30)), "");
  }

  private RunResult run(Workload workload, Object... settings) {
    TargetFixture fixture = new TargetFixture(work);
    Target target = fixture.create(TargetFixture.external(Brokers.EXTERNAL_URI, settings));
    targets.add(target);
    RunResult result = new WorkloadRun(SystemRunClock.INSTANCE, ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec("rabbitmq", target, workload, 1, fixture.runId, work.resolve(fixture.runId), null));
    DeliveryRecord d = result.delivery();
    System.out.printf("%s: sent %d, confirmed %d, failed %d%n", workload.name(), d.sent(), d.confirmed(), d.failed());
    for (SubscriptionLedger s : d.bySubscription()) {
      System.out.printf("  subscription %d: expected %d = delivered %d + lost %d + removed %s%n", s.subscription(),
          s.expected(), s.delivered(), s.lost(), s.removed());
    }
    return result;
  }

  /** Per subscription, every expected message is delivered, lost or removed, exactly once. */
  private static void assertEveryExpectedMessageAccountedFor(DeliveryRecord d) {
    for (SubscriptionLedger s : d.bySubscription()) {
      assertEquals(s.expected(), s.delivered() - s.recovered() + s.lost() + s.removed().total(),
          "subscription " + s.subscription() + ": delivered + lost + removed = expected (" + s + ")");
      assertEquals(0, s.unexpected(), "subscription " + s.subscription() + " unexpected");
    }
  }

  @Test
  void expiredMessagesAreCountedAsRemovedExpiredNotLost() {
    RunResult r = run(slowConsumers("ttl", 2, 2000), "queue.message-ttl", "100ms");
    assertEquals(RunStatus.OK, r.status(), r.error());
    DeliveryRecord d = r.delivery();
    assertEquals(2000, d.confirmed());
    assertEquals(0, d.lost(), "nothing lost: every expected message was delivered or expired");
    assertEveryExpectedMessageAccountedFor(d);
    for (SubscriptionLedger s : d.bySubscription()) {
      assertEquals(2000, s.expected());
      assertTrue(s.removed().expired() > 1000, "a consumer of ~100/s behind 1,000/s lets most expire: " + s);
      assertTrue(s.delivered() > 0, "the consumer still received some: " + s);
      assertEquals(new RemovedRecord(s.removed().expired(), 0, 0, 0), s.removed(), "only expiry removes here");
    }
  }

  @Test
  void dropHeadOverflowIsCountedAsRemovedMaxLength() {
    RunResult r = run(slowConsumers("drop-head", 1, 1000), "queue.max-length", 20, "queue.overflow", "drop-head");
    assertEquals(RunStatus.OK, r.status(), r.error());
    DeliveryRecord d = r.delivery();
    assertEquals(1000, d.confirmed());
    assertEquals(0, d.lost());
    assertEveryExpectedMessageAccountedFor(d);
    SubscriptionLedger s = d.bySubscription().get(0);
    assertTrue(s.removed().maxLength() > 500, "a queue of 20 in front of ~100/s drops most of 1,000/s: " + s);
    assertEquals(new RemovedRecord(0, s.removed().maxLength(), 0, 0), s.removed());
  }

  @Test
  void rejectPublishOverflowFailsTheSendsAndRemovesNothing() {
    RunResult r = run(slowConsumers("reject-publish", 1, 1000), "queue.max-length", 20, "queue.overflow", "reject-publish");
    DeliveryRecord d = r.delivery();
    assertTrue(d.failed() > 500, "most publishes are refused with a negative confirm: " + d);
    assertEquals(1000, d.confirmed() + d.failed());
    assertEquals(RemovedRecord.NONE, d.removed(), "a refused message never entered the queue");
    assertEquals(0, d.lost());
    assertEveryExpectedMessageAccountedFor(d);
  }

  /** A removal as the target reported it. */
  private record Reported(int subscription, long messageId, RemovalReason reason) {}

  private static final class RemovalCollector implements RemovalListener {
    private final List<Reported> reported = new ArrayList<>();

    @Override
    public synchronized void onRemoved(int subscription, byte[] payload, int length, RemovalReason reason) {
      reported.add(new Reported(subscription, Envelope.messageId(payload), reason));
      notifyAll();
    }

    /** Waits until {@code n} were reported or {@code seconds} passed; what was reported, by message id. */
    synchronized List<Reported> await(int n, long seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (reported.size() < n && System.nanoTime() < deadline) wait(100);
      return reported.stream().sorted(Comparator.comparingLong(Reported::messageId)).toList();
    }
  }

  private static TopologyPlan directPlan(String runId) {
    return new TopologyPlan(runId, Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of("a"))),
        ConsumerPlan.partitioned(1, 1, AckMode.MANUAL), 1,
        List.of(new MessageVariant("a", Map.of())));
  }

  private static void sendAll(TargetFixture fixture, TargetProducer producer, TopologyPlan plan, int count) throws Exception {
    for (long id = 0; id < count; id++) producer.send(fixture.message(plan, 0, 0, id, id, 100)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void messagesPastTheQuorumDeliveryLimitAreReportedRemovedDeliveryLimit() throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = fixture.create(TargetFixture.external(Brokers.EXTERNAL_URI, "queue.type", "quorum",
        "queue.delivery-limit", 1));
    targets.add(target);
    target.open();
    TopologyPlan plan = directPlan(fixture.runId);
    target.declare(plan);
    RemovalCollector removals = new RemovalCollector();
    AutoCloseable watch = target.watchRemovals(removals);
    Recorder alwaysRequeue = Recorder.settling(delivery -> delivery.reject(true));
    target.createConsumer(new ConsumerSpec(0, 0, 1, AckMode.MANUAL), alwaysRequeue);
    sendAll(fixture, target.createProducer(0), plan, 3);

    List<Reported> reported = removals.await(3, 20);
    assertEquals(List.of(new Reported(0, 0, RemovalReason.DELIVERY_LIMIT), new Reported(0, 1, RemovalReason.DELIVERY_LIMIT),
        new Reported(0, 2, RemovalReason.DELIVERY_LIMIT)), reported);
    assertTrue(alwaysRequeue.count() >= 3 * 2, "each message delivered at least twice before its removal: "
        + alwaysRequeue.count());
    assertEquals(0, assertInstanceOf(DeadLetterWatch.class, watch).unattributed());
  }

  @Test
  void messagesRejectedWithoutRequeueAreReportedRemovedRejectedAndTheDeadLetterQueueIsDeletedAtClose()
      throws Exception {
    TargetFixture fixture = new TargetFixture(work);
    Target target = fixture.create(TargetFixture.external(Brokers.EXTERNAL_URI, "queue.dead-letter", true));
    targets.add(target);
    target.open();
    TopologyPlan plan = directPlan(fixture.runId);
    target.declare(plan);
    RemovalCollector removals = new RemovalCollector();
    target.watchRemovals(removals);
    target.createConsumer(new ConsumerSpec(0, 0, 1, AckMode.MANUAL), Recorder.settling(delivery -> delivery.reject(false)));
    sendAll(fixture, target.createProducer(0), plan, 2);
    assertEquals(List.of(new Reported(0, 0, RemovalReason.REJECTED), new Reported(0, 1, RemovalReason.REJECTED)),
        removals.await(2, 20));

    target.close();
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(Brokers.EXTERNAL_URI);
    String deadLetters = RabbitMqTopology.deadLetterName(plan);
    try (Connection connection = factory.newConnection()) {
      // A passive declaration of something missing closes its channel: one channel per check.
      Channel forQueue = connection.createChannel();
      assertThrows(IOException.class, () -> forQueue.queueDeclarePassive(deadLetters), "queue " + deadLetters + " deleted");
      Channel forExchange = connection.createChannel();
      assertThrows(IOException.class, () -> forExchange.exchangeDeclarePassive(deadLetters),
          "exchange " + deadLetters + " deleted");
    }
  }
}
