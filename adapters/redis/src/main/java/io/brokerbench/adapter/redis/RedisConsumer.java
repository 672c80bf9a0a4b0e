package io.brokerbench.adapter.redis;

import io.brokerbench.adapter.redis.StreamTopology.StreamRef;
import io.brokerbench.adapter.shared.KeylessDelivery;
import io.brokerbench.adapter.shared.ListenerFailureLog;
import io.brokerbench.adapter.shared.UnsettledDeliveries;
import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.DeliveryListener;
import io.brokerbench.spi.RemovalReason;
import io.brokerbench.spi.TargetConsumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Consumer {@code i} of a subscription: a member of the subscription's consumer group, with a name
 * of its own, reading the streams {@link StreamTopology#streamsReadBy} gives it (possibly none) on
 * one thread and one connection, and settling on a second connection.
 *
 * <h2>Delivery</h2>
 * The thread loops, in this order of priority:
 * <ol>
 *   <li>entries it was asked to requeue ({@link Delivery#reject reject(true)}): claimed back with
 *       {@code XCLAIM ... 0} and delivered again;
 *   <li>pending entries of the group's other consumers, claimed with {@code XAUTOCLAIM}: when it
 *       starts, every pending entry of its streams (minimum idle time 0; the plan gives each stream
 *       of a group to one consumer, so these are what a closed predecessor left unacknowledged), and
 *       then every half {@code consumer.claim-idle} the entries pending at least that long, its own
 *       included (an acknowledgement timeout);
 *   <li>new entries: {@code XREADGROUP ... COUNT n BLOCK 100 STREAMS ... >} over all its streams.
 * </ol>
 * Entries from {@code >} are first deliveries (Redis counts a delivery count of 1); claimed entries
 * have been delivered before and Redis has counted another delivery, so they are flagged
 * redelivered.
 *
 * <h2>Prefetch</h2>
 * Redis has none: {@code COUNT} bounds one read, not what a consumer holds. With manual
 * acknowledgement this consumer asks for at most {@code prefetch} minus its unsettled deliveries
 * ({@code COUNT}, also for claims) and reads nothing while it holds {@code prefetch} unsettled, so
 * it never holds more (as the kafka target does). Under {@code ack: auto} reads use {@code NOACK}
 * (nothing becomes pending, nothing is redelivered) and {@code COUNT prefetch}. Every read asks,
 * and asks only for the room left, so this one loop serves {@code consumers.mode: push} and {@code
 * pull} alike; with manual acknowledgement {@link #mostUnacknowledged()} is exact.
 *
 * <h2>Settling</h2>
 * {@link Delivery#ack()} is {@code XACK}; {@code reject(true)} keeps the entry pending and queues
 * it to be claimed back; {@code reject(false)} is {@code XACK} plus a removal reported as {@link
 * RemovalReason#REJECTED}. Settling happens on the settling connection, asynchronously, from any
 * thread; a failed {@code XACK} leaves the entry pending, to be claimed again.
 *
 * <h2>Closing and threading</h2>
 * The listener is called only from the consumer's thread, {@code bb-redis-<group>-c<i>}, also for
 * entries a read returned while {@link #close()} was waiting. Close stops the loop (within the 100
 * ms a read blocks), waits for the thread (at most {@link #CLOSE_WAIT} more), then for the replies
 * to every acknowledgement sent, and closes both connections. Unsettled entries stay pending in the
 * group, where the next consumer claims them. A failure of the server or connection ends the loop;
 * it is logged once and the consumer's streams are then not read any more (the ledger shows their
 * messages as lost).
 */
final class RedisConsumer implements TargetConsumer {
  /** How long one {@code XREADGROUP} blocks when nothing is new; bounds how late close and requeue are noticed. */
  static final Duration READ_BLOCK = Duration.ofMillis(100);
  /** Bound on the thread's end and the acknowledgements' replies at close. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final StatefulRedisConnection<String, byte[]> reader;
  private final StatefulRedisConnection<String, byte[]> settler;
  private final RedisCommands<String, byte[]> read;
  private final Map<String, StreamRef> streams = new LinkedHashMap<>();
  private final StreamOffset<String>[] newEntries;
  private final io.lettuce.core.Consumer<String> member;
  private final String group;
  private final int subscription;
  private final DeliveryListener listener;
  private final boolean manualAck;
  private final int prefetch;
  /** Manual acknowledgement: one permit per delivery this consumer may still hold unsettled. */
  private final Semaphore room;
  /** Manual acknowledgement: deliveries handed to the listener and not yet settled, and the most at once. */
  private final UnsettledDeliveries unsettled = new UnsettledDeliveries();
  private final Duration claimIdle;
  private final RemovalSink removals;
  private final Consumer<String> log;
  private final Queue<RedisDelivery> requeued = new ConcurrentLinkedQueue<>();
  /** Per stream, where the claim sweep in progress continues; empty when no sweep runs. */
  private final Map<String, String> sweepCursors = new LinkedHashMap<>();
  private Duration sweepMinIdle = Duration.ZERO;
  private long nextSweepNanos;
  private final Thread thread;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean stopping;
  private volatile boolean listenerCut;
  private final ListenerFailureLog listenerFailures;
  private final AtomicBoolean settleFailureLogged = new AtomicBoolean();

  /**
   * Starts consuming; the consumer owns both connections from now on (closed with it).
   *
   * @param name the consumer's name in its group, unique among the run's consumers
   */
  @SuppressWarnings("unchecked")
  RedisConsumer(StatefulRedisConnection<String, byte[]> reader, StatefulRedisConnection<String, byte[]> settler,
      StreamTopology topology, ConsumerSpec spec, String name, DeliveryListener listener, Duration claimIdle,
      RemovalSink removals, Consumer<String> log) {
    this.reader = reader;
    this.settler = settler;
    this.read = reader.sync();
    for (StreamRef ref : topology.streamsReadBy(spec.subscription(), spec.consumerIndex())) streams.put(ref.key(), ref);
    this.newEntries = streams.keySet().stream().map(StreamOffset::lastConsumed).toArray(StreamOffset[]::new);
    this.group = topology.group(spec.subscription());
    this.member = io.lettuce.core.Consumer.from(group, name);
    this.subscription = spec.subscription();
    this.listener = listener;
    this.manualAck = spec.ackMode() == AckMode.MANUAL;
    this.prefetch = spec.prefetch();
    this.room = new Semaphore(prefetch);
    this.claimIdle = claimIdle;
    this.removals = removals;
    this.log = log;
    this.listenerFailures = new ListenerFailureLog(log, "a delivery listener of " + group, "");
    if (manualAck) streams.keySet().forEach(key -> sweepCursors.put(key, "0-0"));
    this.thread = new Thread(this::loop, "bb-redis-" + group + "-c" + spec.consumerIndex());
    thread.setDaemon(true);
    if (!streams.isEmpty()) thread.start();
  }

  private void loop() {
    try {
      while (!stopping) {
        int capacity = manualAck ? room.availablePermits() : prefetch;
        if (capacity == 0) {
          awaitRoom();
        } else if (!claimRequeued(capacity) && !sweepPending(capacity)) {
          readNew(capacity);
        }
      }
    } catch (RuntimeException e) {
      if (!stopping) log.accept("consumer " + member.getName() + " of " + group + " stopped reading: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitRoom() throws InterruptedException {
    if (room.tryAcquire(READ_BLOCK.toMillis(), TimeUnit.MILLISECONDS)) room.release();
  }

  /** Claims back and delivers again what was rejected with requeue; whether there was any. */
  private boolean claimRequeued(int capacity) {
    if (requeued.isEmpty()) return false;
    Map<String, List<String>> idsByStream = new LinkedHashMap<>();
    for (int n = 0; n < capacity; n++) {
      RedisDelivery d = requeued.poll();
      if (d == null) break;
      idsByStream.computeIfAbsent(d.stream.key(), k -> new ArrayList<>()).add(d.id);
    }
    idsByStream.forEach((stream, ids) -> deliver(read.xclaim(stream, member, 0, ids.toArray(String[]::new)), true));
    return true;
  }

  /**
   * Advances the claim sweep by one {@code XAUTOCLAIM} when one runs or is due, starting a new one
   * every half {@code claim-idle}; whether it did.
   */
  private boolean sweepPending(int capacity) {
    if (!manualAck) return false;
    if (sweepCursors.isEmpty()) {
      if (System.nanoTime() - nextSweepNanos < 0) return false;
      sweepMinIdle = claimIdle;
      streams.keySet().forEach(key -> sweepCursors.put(key, "0-0"));
    }
    Map.Entry<String, String> next = sweepCursors.entrySet().iterator().next();
    ClaimedMessages<String, byte[]> claimed = read.xautoclaim(next.getKey(), new XAutoClaimArgs<String>()
        .consumer(member).minIdleTime(sweepMinIdle).startId(next.getValue()).count(capacity));
    deliver(claimed.getMessages(), true);
    if (claimed.getId() == null || claimed.getId().equals("0-0")) {
      sweepCursors.remove(next.getKey());
      if (sweepCursors.isEmpty()) nextSweepNanos = System.nanoTime() + sweepInterval().toNanos();
    } else {
      next.setValue(claimed.getId());
    }
    return true;
  }

  /** Half {@code claim-idle}, at least {@link #READ_BLOCK}. */
  private Duration sweepInterval() {
    Duration half = claimIdle.dividedBy(2);
    return half.compareTo(READ_BLOCK) < 0 ? READ_BLOCK : half;
  }

  private void readNew(int capacity) {
    XReadArgs args = XReadArgs.Builder.count(capacity).block(READ_BLOCK);
    if (!manualAck) args.noack(true);
    deliver(read.xreadgroup(member, args, newEntries), false);
  }

  private void deliver(List<StreamMessage<String, byte[]>> messages, boolean redelivered) {
    if (messages == null) return;
    for (StreamMessage<String, byte[]> m : messages) {
      StreamRef stream = streams.get(m.getStream());
      if (stream == null || m.getId() == null || m.getBody() == null) continue; // an entry deleted while pending
      byte[] payload = m.getBody().getOrDefault(RedisProducer.PAYLOAD_FIELD, new byte[0]);
      if (manualAck) room.acquireUninterruptibly();
      if (listenerCut) return;
      if (manualAck) unsettled.handedOut();
      try {
        listener.onDelivery(new RedisDelivery(stream, m.getId(), payload, redelivered));
      } catch (RuntimeException e) {
        listenerFailures.report(e);
      }
    }
  }

  /** One delivery; settles through the consumer's settling connection, at most once. */
  private final class RedisDelivery extends KeylessDelivery {
    final StreamRef stream;
    final String id;
    final AtomicBoolean settled = new AtomicBoolean();

    RedisDelivery(StreamRef stream, String id, byte[] payload, boolean redelivered) {
      super(payload, stream.destination(), stream.partition(), redelivered);
      this.stream = stream;
      this.id = id;
    }

    /** {@code XACK}; nothing under {@code ack: auto} or when already settled. */
    @Override
    public void ack() {
      if (settle()) acknowledge();
    }

    /**
     * With requeue: claimed back and delivered again by the consumer's thread. Without: {@code XACK}
     * and reported removed (rejected).
     */
    @Override
    public void reject(boolean requeue) {
      if (!settle()) return;
      if (requeue) {
        requeued.add(this);
      } else {
        acknowledge();
        removals.removed(subscription, Arrays.copyOf(payload(), Math.min(payload().length, Envelope.SIZE)),
            RemovalReason.REJECTED);
      }
    }

    private boolean settle() {
      if (!manualAck || !settled.compareAndSet(false, true)) return false;
      unsettled.settled();
      room.release();
      return true;
    }

    private void acknowledge() {
      try {
        settler.async().xack(stream.key(), group, id).whenComplete((n, e) -> {
          if (e != null) settleFailed(e);
        });
      } catch (RuntimeException e) {
        settleFailed(e);
      }
    }
  }

  private void settleFailed(Throwable e) {
    if (!closed.get() && settleFailureLogged.compareAndSet(false, true)) {
      log.accept("consumer " + member.getName() + " of " + group + " could not acknowledge (" + e
          + "); unacknowledged entries stay pending and are claimed again");
    }
  }

  /**
   * With manual acknowledgement, the most deliveries held unsettled at once, exact and at most the
   * prefetch; empty under {@code ack: auto}, where reads use {@code NOACK}.
   */
  @Override
  public OptionalInt mostUnacknowledged() {
    return manualAck ? OptionalInt.of(unsettled.most()) : OptionalInt.empty();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    stopping = true;
    try {
      thread.join(READ_BLOCK.plus(CLOSE_WAIT).toMillis());
      if (thread.isAlive()) {
        listenerCut = true;
        log.accept("consumer " + member.getName() + " of " + group + " did not stop within " + CLOSE_WAIT
            + "; it delivers nothing more");
      }
      settler.async().ping().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS); // replies come in order: every XACK is answered
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.accept("consumer " + member.getName() + " of " + group + " could not confirm its acknowledgements: " + e);
    } finally {
      RedisConnections.closeQuietly(reader);
      RedisConnections.closeQuietly(settler);
    }
  }
}
