package io.brokerbench.loopback;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.ReferenceRouter;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.Capabilities;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetInfo;
import io.brokerbench.spi.TargetMode;
import io.brokerbench.spi.TargetProducer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The loopback target: producers hand messages straight to per-consumer mailboxes. A send is
 * confirmed once the message sits in every mailbox its routing selects (synchronously: the future
 * returned is already complete). Thread-safe as the SPI requires.
 */
final class LoopbackTarget implements Target {
  private static final CompletableFuture<Void> CONFIRMED = CompletableFuture.completedFuture(null);

  private final Settings settings;
  private final int capacity;
  private final List<LoopbackConsumer> consumers = new ArrayList<>();
  private final Map<MessageVariant, boolean[]> routeCache = new ConcurrentHashMap<>();
  private volatile TopologyPlan plan;
  /** [subscription][consumer index] */
  private volatile Mailbox[][] mailboxes;
  private volatile boolean closed;

  LoopbackTarget(Settings settings, int capacity) {
    this.settings = settings;
    this.capacity = capacity;
  }

  @Override
  public TargetInfo open() {
    return new TargetInfo("loopback", "builtin", TargetMode.EMBEDDED, settings.asMap(),
        Guarantee.inMemory("in-memory hand-off, no broker"));
  }

  @Override
  public Capabilities capabilities() {
    // Every feature, PULL_CONSUMERS deliberately among them: a consumer's dispatcher takes one
    // message at a time from its mailbox and takes none while it holds its prefetch unacknowledged,
    // so push and pull are the same loop (LoopbackConsumer).
    return Capabilities.all();
  }

  @Override
  public synchronized void declare(TopologyPlan plan) {
    if (this.plan != null) return;
    Mailbox[][] boxes = new Mailbox[plan.subscriptionCount()][plan.consumersPerSubscription()];
    for (Mailbox[] row : boxes) {
      for (int c = 0; c < row.length; c++) row[c] = new Mailbox(capacity);
    }
    mailboxes = boxes;
    this.plan = plan;
  }

  @Override
  public TargetProducer createProducer(int producerIndex) {
    requireDeclared();
    return new TargetProducer() {
      @Override
      public CompletableFuture<Void> send(OutgoingMessage message) {
        return LoopbackTarget.this.send(message);
      }

      @Override
      public void close() {}
    };
  }

  /** The last routing decision, reused while messages carry the very same key and headers objects. */
  private record LastRoute(String routingKey, Map<String, String> headers, boolean[] routed) {}

  private volatile LastRoute lastRoute = new LastRoute(null, null, null);

  private boolean[] routeOf(OutgoingMessage message) {
    LastRoute last = lastRoute;
    if (last.routingKey == message.routingKey() && last.headers == message.headers()) return last.routed;
    TopologyPlan p = plan;
    boolean[] routed = routeCache.computeIfAbsent(new MessageVariant(message.routingKey(), message.headers()), v -> {
      boolean[] r = new boolean[p.subscriptionCount()];
      for (int s = 0; s < r.length; s++) {
        r[s] = ReferenceRouter.matches(p.routing(), p.subscriptions().get(s), v.routingKey(), v.headers());
      }
      return r;
    });
    lastRoute = new LastRoute(message.routingKey(), message.headers(), routed);
    return routed;
  }

  private CompletableFuture<Void> send(OutgoingMessage message) {
    TopologyPlan p = plan;
    boolean[] routed = routeOf(message);
    // The message id is read only where it decides (competing consumers): this is the ceiling's hot path.
    int consumer = p.sharing() == ConsumerSharing.COMPETING
        ? p.consumerOfMessage(Envelope.messageId(message.payload()), message.destination(), message.partition())
        : p.consumerOf(message.destination(), message.partition());
    Mailbox[][] boxes = mailboxes;
    for (int s = 0; s < routed.length; s++) {
      if (!routed[s]) continue;
      Mailbox box = boxes[s][consumer];
      LoopbackDelivery d = new LoopbackDelivery(message.payload(), message.key(), message.destination(), message.partition(), box);
      int spins = 0;
      while (!box.offer(d)) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("loopback target closed"));
        if (++spins < 100) Thread.onSpinWait();
        else LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
      }
    }
    return CONFIRMED;
  }

  @Override
  public TargetConsumer createConsumer(ConsumerSpec spec, DeliveryListener listener) {
    requireDeclared();
    Mailbox box = mailboxes[spec.subscription()][spec.consumerIndex()];
    LoopbackConsumer c = new LoopbackConsumer(box, listener, spec.prefetch(), spec.ackMode(),
        "bb-loopback-s" + spec.subscription() + "-c" + spec.consumerIndex());
    synchronized (this) {
      consumers.add(c);
    }
    return c;
  }

  private void requireDeclared() {
    if (plan == null) throw new IllegalStateException("declare(plan) must come first");
  }

  @Override
  public void close() {
    closed = true;
    List<LoopbackConsumer> all;
    synchronized (this) {
      all = new ArrayList<>(consumers);
      consumers.clear();
    }
    all.forEach(LoopbackConsumer::close);
  }
}
