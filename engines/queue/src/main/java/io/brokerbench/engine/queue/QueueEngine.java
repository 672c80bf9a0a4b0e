package io.brokerbench.engine.queue;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A message broker in the RabbitMQ model, as a library: exchanges (direct, fanout, topic, headers,
 * exchange-to-exchange bindings, the default exchange routing by queue name), FIFO queues with
 * acknowledgements, prefetch, requeue, TTL, dead-lettering, length limits and single active
 * consumer, publisher confirms, and a journal that keeps durable queues across restarts.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * try (QueueEngine engine = QueueEngine.open(EngineConfig.inMemory())) {
 *   engine.declareExchange("orders", ExchangeType.TOPIC, false);
 *   engine.declareQueue("eu", QueueOptions.transientQueue());
 *   engine.bindQueue("eu", "orders", Binding.key("eu.#"));
 *   Session s = engine.openSession(0);
 *   s.consume("eu", ConsumerOptions.manualAck(100), d -> d.ack());
 *   engine.publish("orders", "eu.fr", MessageProperties.TRANSIENT, body, false).join();
 * }
 * }</pre>
 *
 * <h2>Threading: assumptions and guarantees</h2>
 * <ul>
 *   <li>Every public method is thread-safe. Publishing takes no engine-wide lock: routing reads
 *       immutable binding snapshots, and each queue has its own lock. Persistent messages on
 *       durable queues also take the journal's short append lock.
 *   <li>Declarations, bindings and deletions are serialised by one topology lock (they are rare).
 *   <li>Threads: one per {@link Session} with consumers (calls handlers), one journal thread
 *       (writes, forces, completes durable confirms), one expiry thread when {@code
 *       expiryCheckMillis > 0}. All are daemon threads, stopped by {@link #close()} and {@link #crash()}.
 *   <li>A confirm future completes on the publishing thread (transient messages, or messages that
 *       reached no durable queue; the returned future may be a shared completed instance: do not
 *       complete it yourself) or on the journal thread.
 * </ul>
 *
 * <h2>Failure</h2>
 * A confirm future fails with {@link UnroutableMessageException} (mandatory, no queue), {@link
 * PublishRejectedException} (reject-publish overflow, journal failure, engine stopped first).
 * Calls on a closed or crashed engine throw {@link EngineClosedException}.
 */
public final class QueueEngine implements AutoCloseable {
  /** Largest message body accepted, in bytes: 128 MiB (a journal record must stay below 256 MiB). */
  public static final int MAX_BODY_BYTES = 128 << 20;
  private static final CompletableFuture<Void> CONFIRMED = CompletableFuture.completedFuture(null);
  private static final ThreadLocal<PublishScratch> SCRATCH = ThreadLocal.withInitial(PublishScratch::new);

  private enum State { OPEN, CLOSED, CRASHED }

  /**
   * Per-thread scratch space of a publish. A publish can nest (dead-lettering republishes from
   * inside an enqueue on the same thread); a nested publish gets fresh scratch space.
   */
  private static final class PublishScratch {
    final RouteCollector route = new RouteCollector();
    final long[] journalEnd = new long[1];
    boolean inUse;
  }

  private final EngineConfig config;
  private final ConcurrentHashMap<String, Exchange> exchanges = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, MessageQueue> queues = new ConcurrentHashMap<>();
  private final java.util.Set<Session> sessions = ConcurrentHashMap.newKeySet();
  private final Object topologyLock = new Object();
  private final TopologyStore topologyStore;
  private final Journal journal;
  private final Closeable directoryLock;
  private final RecoveryReport recoveryReport;
  private final Thread expiryThread;
  private long nextQueueId = 1;
  private volatile State state = State.OPEN;

  private QueueEngine(EngineConfig config) throws IOException {
    this.config = config;
    if (config.storage() == null) {
      topologyStore = null;
      journal = null;
      directoryLock = null;
      recoveryReport = RecoveryReport.empty();
    } else {
      QueueDirectory directory = new QueueDirectory(config.storage(), config.directory());
      directoryLock = directory.lock();
      try {
        topologyStore = new TopologyStore(directory);
        restoreTopology(topologyStore.load());
        Recovery r = recoverMessages(directory);
        recoveryReport = r.report;
        journal = new Journal(directory, config.fsync(), config.segmentBytes(), r.tail.segmentBase(), r.tail.position(), r.live,
            config.clockMillis());
      } catch (IOException | RuntimeException e) {
        directoryLock.close();
        throw e;
      }
    }
    if (config.expiryCheckMillis() > 0) {
      expiryThread = new Thread(this::expiryLoop, "queue-engine-expiry");
      expiryThread.setDaemon(true);
      expiryThread.start();
    } else {
      expiryThread = null;
    }
  }

  /**
   * Opens an engine; with storage, takes the directory lock and recovers durable topology and
   * messages first (see {@link #recoveryReport()}).
   *
   * @throws IOException when the storage cannot be read or is locked by another engine
   * @throws CorruptJournalException when the topology file is damaged
   */
  public static QueueEngine open(EngineConfig config) throws IOException {
    return new QueueEngine(config);
  }

  // ---------------------------------------------------------------- topology

  /**
   * Declares an exchange, or checks that an existing one has the same type and durability.
   *
   * @throws TopologyException on a mismatch, a reserved or overlong name, or a durable exchange
   *     without storage
   */
  public void declareExchange(String name, ExchangeType type, boolean durable) {
    checkOpen();
    checkName(name, "exchange");
    if (name.isEmpty()) throw new TopologyException("the default exchange \"\" cannot be declared");
    if (durable && journal == null) throw new TopologyException("durable exchange '" + name + "' needs an engine with storage");
    synchronized (topologyLock) {
      Exchange existing = exchanges.get(name);
      if (existing != null) {
        if (existing.type != type || existing.durable != durable) {
          throw new TopologyException("exchange '" + name + "' exists as " + existing.type + (existing.durable ? " durable" : " transient")
              + ", redeclared as " + type + (durable ? " durable" : " transient"));
        }
        return;
      }
      exchanges.put(name, new Exchange(name, Objects.requireNonNull(type, "type"), durable));
      if (durable) saveTopology();
    }
  }

  /** Deletes an exchange and every binding from or to it. Unknown names are ignored. */
  public void deleteExchange(String name) {
    checkOpen();
    synchronized (topologyLock) {
      Exchange e = exchanges.remove(name);
      if (e == null) return;
      for (Exchange other : exchanges.values()) other.unbindAll(e);
      if (e.durable) saveTopology();
    }
  }

  /** Declares a queue with no owner; see {@link #declareQueue(String, QueueOptions, Session)}. */
  public void declareQueue(String name, QueueOptions options) {
    declareQueue(name, options, null);
  }

  /**
   * Declares a queue, or checks that an existing one has the same options.
   *
   * @param owner the session an exclusive queue belongs to (required when exclusive, ignored otherwise)
   * @throws TopologyException on a mismatch, a bad name, a durable queue without storage, or an
   *     exclusive queue without owner
   */
  public void declareQueue(String name, QueueOptions options, Session owner) {
    checkOpen();
    checkName(name, "queue");
    if (name.isEmpty()) throw new TopologyException("queue name must not be empty");
    if (options.durable() && journal == null) throw new TopologyException("durable queue '" + name + "' needs an engine with storage");
    if (options.exclusive() && owner == null) throw new TopologyException("exclusive queue '" + name + "' needs an owner session");
    synchronized (topologyLock) {
      MessageQueue existing = queues.get(name);
      if (existing != null) {
        if (!existing.options.equals(options) || (options.exclusive() && existing.owner != owner)) {
          throw new TopologyException("queue '" + name + "' exists with " + existing.options + ", redeclared with " + options);
        }
        return;
      }
      MessageQueue q = new MessageQueue(this, name, nextQueueId++, options, options.exclusive() ? owner : null);
      queues.put(name, q);
      if (options.exclusive()) owner.addExclusive(q);
      if (options.durable()) saveTopology();
    }
  }

  /**
   * Deletes a queue: its consumers are cancelled (their handlers are not called again), its
   * messages dropped. Unknown names are ignored.
   */
  public void deleteQueue(String name) {
    checkOpen();
    deleteQueueQuietly(name);
  }

  void deleteQueueQuietly(String name) {
    MessageQueue q;
    synchronized (topologyLock) {
      q = queues.remove(name);
      if (q == null) return;
      for (Exchange e : exchanges.values()) e.unbindAll(q);
      if (q.options.durable()) saveTopology();
    }
    q.markDeleted();
  }

  void autoDelete(MessageQueue q) {
    synchronized (topologyLock) {
      if (queues.get(q.name) != q) return;
    }
    if (q.stats().consumers() == 0) deleteQueueQuietly(q.name);
  }

  /** Drops the ready messages of a queue; returns how many. */
  public int purgeQueue(String name) {
    checkOpen();
    return queue(name).purge();
  }

  /**
   * Binds queue {@code queue} to exchange {@code exchange}. Binding twice with equal arguments
   * has no further effect.
   *
   * @throws TopologyException when either is unknown or the exchange is the default one
   */
  public void bindQueue(String queue, String exchange, Binding binding) {
    checkOpen();
    synchronized (topologyLock) {
      MessageQueue q = queue(queue);
      Exchange e = exchange(exchange);
      if (e.bind(binding, q) && e.durable && q.options.durable()) saveTopology();
    }
  }

  public void unbindQueue(String queue, String exchange, Binding binding) {
    checkOpen();
    synchronized (topologyLock) {
      MessageQueue q = queue(queue);
      Exchange e = exchange(exchange);
      if (e.unbind(binding, q) && e.durable && q.options.durable()) saveTopology();
    }
  }

  /**
   * Binds exchange {@code destination} to exchange {@code source}: messages {@code source} routes
   * through this binding are routed again by {@code destination}. Cycles are allowed; a message
   * reaches each queue at most once.
   */
  public void bindExchange(String destination, String source, Binding binding) {
    checkOpen();
    synchronized (topologyLock) {
      Exchange d = exchange(destination);
      Exchange s = exchange(source);
      if (s.bind(binding, d) && s.durable && d.durable) saveTopology();
    }
  }

  public void unbindExchange(String destination, String source, Binding binding) {
    checkOpen();
    synchronized (topologyLock) {
      Exchange d = exchange(destination);
      Exchange s = exchange(source);
      if (s.unbind(binding, d) && s.durable && d.durable) saveTopology();
    }
  }

  /** Names of the existing queues. */
  public List<String> queueNames() {
    return new ArrayList<>(queues.keySet());
  }

  /** Counts of queue {@code name}. */
  public QueueStats queueStats(String name) {
    return queue(name).stats();
  }

  MessageQueue queue(String name) {
    MessageQueue q = queues.get(name);
    if (q == null) throw new TopologyException("no queue '" + name + "'");
    return q;
  }

  private Exchange exchange(String name) {
    if (name.isEmpty()) throw new TopologyException("the default exchange cannot be bound");
    Exchange e = exchanges.get(name);
    if (e == null) throw new TopologyException("no exchange '" + name + "'");
    return e;
  }

  private static void checkName(String name, String what) {
    if (name == null) throw new TopologyException(what + " name must not be null");
    if (name.length() > 255) throw new TopologyException(what + " name must be at most 255 characters, was " + name.length());
  }

  // ---------------------------------------------------------------- publishing

  /**
   * Publishes a message. The body is copied; the caller may reuse its array when this returns.
   *
   * <p>The future completes when every queue the message reached has accepted it: at once for
   * transient messages and transient queues, after the covering journal write or force (per
   * {@link FsyncPolicy}) when it reached a durable queue as a persistent message. A message that
   * reached no queue is confirmed at once, or fails with {@link UnroutableMessageException} when
   * {@code mandatory}. A queue at its limit with reject-publish fails it with {@link
   * PublishRejectedException} (the other queues keep their copy, as RabbitMQ does).
   *
   * @param exchange exchange name, {@code ""} for the default exchange (routes to the queue named
   *     by {@code routingKey})
   * @param routingKey at most 255 characters
   * <p>Blocks while a queue the message is routed to holds {@link EngineConfig#queueFlowBytes()}
   * of messages (flow control), until consumers take it below.
   *
   * @param body at most {@link #MAX_BODY_BYTES} bytes
   * @throws TopologyException when the exchange does not exist
   * @throws EngineClosedException when the engine is closed or crashed
   */
  public CompletableFuture<Void> publish(String exchange, String routingKey, MessageProperties properties, byte[] body, boolean mandatory) {
    return publish(exchange, routingKey, properties, body, mandatory, true);
  }

  /** {@code flowControl}: wait while a target queue is at its flow limit (not for dead-lettering). */
  private CompletableFuture<Void> publish(String exchange, String routingKey, MessageProperties properties, byte[] body,
      boolean mandatory, boolean flowControl) {
    checkOpen();
    if (routingKey.length() > 255) throw new IllegalArgumentException("routingKey must be at most 255 characters, was " + routingKey.length());
    if (body.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("body must be at most " + MAX_BODY_BYTES + " bytes, was " + body.length);
    }
    PublishScratch scratch = SCRATCH.get();
    if (scratch.inUse) scratch = new PublishScratch();
    scratch.inUse = true;
    RouteCollector route = scratch.route; // empty: every publish resets it when done
    try {
      if (exchange.isEmpty()) {
        MessageQueue q = queues.get(routingKey);
        if (q != null && !q.isDeleted()) route.addQueue(q);
      } else {
        Exchange e = exchanges.get(exchange);
        if (e == null) throw new TopologyException("no exchange '" + exchange + "'");
        e.route(routingKey, properties.headers(), route);
      }
      if (route.queueCount == 0) {
        return mandatory ? CompletableFuture.failedFuture(new UnroutableMessageException(exchange, routingKey, body)) : CONFIRMED;
      }
      if (flowControl && config.queueFlowBytes() > 0) {
        for (int i = 0; i < route.queueCount; i++) route.queues[i].awaitFlow();
      }
      if (properties.persistent() && journal != null) journal.awaitSpace();
      Message m = new Message(exchange, routingKey, properties.headers(), properties.persistent(), properties.expirationMillis(),
          Arrays.copyOf(body, body.length));
      long[] journalEnd = scratch.journalEnd;
      journalEnd[0] = -1;
      long now = properties.expirationMillis() >= 0 || anyTtl(route) ? nowMillis() : 0;
      String rejectedBy = null;
      for (int i = 0; i < route.queueCount; i++) {
        MessageQueue q = route.queues[i];
        if (q.enqueue(m, now, journalEnd) == MessageQueue.REJECTED) rejectedBy = q.name;
      }
      if (rejectedBy != null) {
        return CompletableFuture.failedFuture(new PublishRejectedException("queue '" + rejectedBy + "' is full (reject-publish)"));
      }
      return journalEnd[0] < 0 ? CONFIRMED : journal.whenConfirmed(journalEnd[0]);
    } finally {
      route.reset();
      scratch.inUse = false;
    }
  }

  private static boolean anyTtl(RouteCollector route) {
    for (int i = 0; i < route.queueCount; i++) if (route.queues[i].options.messageTtlMillis() >= 0) return true;
    return false;
  }

  /** Republishes a message that left {@code from} for its dead-letter exchange. Runs with no queue lock held. */
  void deadLetter(MessageQueue from, QueuedMessage qm, DeadLetterReason reason) {
    if (state != State.OPEN) return;
    String dlx = from.options.deadLetterExchange();
    Message m = qm.message;
    // A message that cycles back to the queue it died in without a rejection is dropped, as in RabbitMQ.
    if (reason != DeadLetterReason.REJECTED && from.name.equals(m.headers.get(DeadLetterReason.QUEUE_HEADER))) return;
    String key = from.options.deadLetterRoutingKey() != null ? from.options.deadLetterRoutingKey() : m.routingKey;
    Map<String, String> headers = new HashMap<>(m.headers);
    headers.put(DeadLetterReason.HEADER, reason.amqpName());
    headers.put(DeadLetterReason.QUEUE_HEADER, from.name);
    try {
      publish(dlx, key, new MessageProperties(m.persistent, -1, headers), m.body, false, false);
    } catch (TopologyException | EngineClosedException e) {
      // The dead-letter exchange is gone: the message is dropped, as RabbitMQ does.
    }
  }

  // ---------------------------------------------------------------- sessions

  /**
   * Opens a session (an AMQP channel).
   *
   * @param prefetch bound on unsettled deliveries across all the session's consumers, 1 to 65,535,
   *     or 0 for none (each consumer's own prefetch still applies)
   */
  public Session openSession(int prefetch) {
    checkOpen();
    Session s = new Session(this, prefetch);
    sessions.add(s);
    return s;
  }

  void sessionClosed(Session s) {
    sessions.remove(s);
  }

  // ---------------------------------------------------------------- maintenance

  /** Expires every message whose deadline passed at a queue head, now (tests on a fake clock). */
  public void expireNow() {
    checkOpen();
    for (MessageQueue q : queues.values()) q.expire();
  }

  private void expiryLoop() {
    while (state == State.OPEN) {
      try {
        Thread.sleep(config.expiryCheckMillis());
        for (MessageQueue q : queues.values()) q.expire();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (state != State.OPEN) return;
      }
    }
  }

  long queueFlowBytes() {
    return config.queueFlowBytes();
  }

  long nowMillis() {
    return config.clockMillis().getAsLong();
  }

  Journal journal() {
    return journal;
  }

  /** Journal counters, or all zero without storage. */
  public JournalStats journalStats() {
    return journal == null ? new JournalStats(0, 0, 0, 0, 0, 0, 0) : journal.stats();
  }

  /** What recovery found when this engine opened. */
  public RecoveryReport recoveryReport() {
    return recoveryReport;
  }

  void checkOpen() {
    if (state != State.OPEN) throw new EngineClosedException("queue engine is " + state.name().toLowerCase());
  }

  boolean isStopped() {
    return state != State.OPEN;
  }

  /**
   * Simulates a process crash for tests and fault scenarios: stops every engine thread and drops
   * file handles and the directory lock without writing or forcing anything more. Appended records
   * not yet written are lost; written ones stay (as in the OS page cache). Pending confirms fail
   * with {@link PublishRejectedException}. Another engine may then open the same storage in this
   * JVM. Idempotent; does nothing after {@link #close()}.
   */
  public void crash() {
    synchronized (topologyLock) {
      if (state != State.OPEN) return;
      state = State.CRASHED;
    }
    stopThreads();
    if (journal != null) journal.crash();
    releaseLock();
  }

  /**
   * Orderly shutdown: stops sessions (unsettled deliveries stay in the journal for durable
   * queues), writes and forces the journal, fails confirms still pending, releases the storage.
   * Idempotent.
   */
  @Override
  public void close() {
    synchronized (topologyLock) {
      if (state != State.OPEN) return;
      state = State.CLOSED;
    }
    stopThreads();
    if (journal != null) journal.close();
    releaseLock();
  }

  private void stopThreads() {
    if (expiryThread != null) {
      expiryThread.interrupt();
      try {
        expiryThread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Session s : sessions) s.stopThread();
    sessions.clear();
  }

  private void releaseLock() {
    if (directoryLock == null) return;
    try {
      directoryLock.close();
    } catch (IOException ignored) {
      // the lock dies with the handle anyway
    }
  }

  // ---------------------------------------------------------------- persistence

  private void saveTopology() {
    List<TopologyStore.ExchangeDef> ex = new ArrayList<>();
    List<TopologyStore.QueueDef> qs = new ArrayList<>();
    List<TopologyStore.BindingDef> bs = new ArrayList<>();
    for (Exchange e : exchanges.values()) {
      if (!e.durable) continue;
      ex.add(new TopologyStore.ExchangeDef(e.name, e.type));
      for (Exchange.Bound b : e.bindings()) {
        if (b.destination() instanceof MessageQueue q) {
          if (q.options.durable()) bs.add(new TopologyStore.BindingDef(e.name, true, q.name, b.binding()));
        } else {
          Exchange d = (Exchange) b.destination();
          if (d.durable) bs.add(new TopologyStore.BindingDef(e.name, false, d.name, b.binding()));
        }
      }
    }
    for (MessageQueue q : queues.values()) {
      if (q.options.durable()) qs.add(new TopologyStore.QueueDef(q.id, q.name, q.options));
    }
    try {
      topologyStore.save(new TopologyStore.Snapshot(nextQueueId, ex, qs, bs));
    } catch (IOException e) {
      throw new TopologyException("cannot save the topology in " + config.directory() + ": " + e.getMessage(), e);
    }
  }

  private void restoreTopology(TopologyStore.Snapshot s) {
    nextQueueId = s.nextQueueId();
    for (TopologyStore.ExchangeDef e : s.exchanges()) exchanges.put(e.name(), new Exchange(e.name(), e.type(), true));
    for (TopologyStore.QueueDef q : s.queues()) {
      queues.put(q.name(), new MessageQueue(this, q.name(), q.id(), q.options(), null));
      nextQueueId = Math.max(nextQueueId, q.id() + 1);
    }
    for (TopologyStore.BindingDef b : s.bindings()) {
      Exchange src = exchanges.get(b.source());
      Object dest = b.destinationIsQueue() ? queues.get(b.destination()) : exchanges.get(b.destination());
      if (src != null && dest != null) src.bind(b.binding(), dest);
    }
  }

  private record Recovery(JournalRecovery.Tail tail, Map<Long, Long> live, RecoveryReport report) {}

  private Recovery recoverMessages(QueueDirectory directory) throws IOException {
    Map<Long, MessageQueue> byId = new HashMap<>();
    for (MessageQueue q : queues.values()) byId.put(q.id, q);
    Map<Long, TreeMap<Long, QueuedMessage>> live = new HashMap<>();
    Map<Long, Long> maxSeq = new HashMap<>();
    JournalRecovery.Tail tail = JournalRecovery.recover(directory, new JournalRecovery.Visitor() {
      @Override
      public void enqueue(long segment, long queueId, long seq, long expiresAtMillis, boolean persistent, String exchange,
          String routingKey, Map<String, String> headers, byte[] body) {
        if (!byId.containsKey(queueId)) return;
        QueuedMessage qm = new QueuedMessage(new Message(exchange, routingKey, headers, persistent, -1, body), seq, expiresAtMillis);
        qm.segment = segment;
        live.computeIfAbsent(queueId, k -> new TreeMap<>()).put(seq, qm);
        maxSeq.merge(queueId, seq, Math::max);
      }

      @Override
      public void remove(long queueId, long seq) {
        TreeMap<Long, QueuedMessage> m = live.get(queueId);
        if (m != null) m.remove(seq);
      }
    });
    Map<Long, Long> liveBySegment = new HashMap<>();
    long recovered = 0;
    for (Map.Entry<Long, TreeMap<Long, QueuedMessage>> e : live.entrySet()) {
      MessageQueue q = byId.get(e.getKey());
      for (QueuedMessage qm : e.getValue().values()) {
        q.restore(qm);
        liveBySegment.merge(qm.segment, 1L, Long::sum);
        recovered++;
      }
    }
    maxSeq.forEach((id, seq) -> byId.get(id).restoreNextSeq(seq + 1));
    RecoveryReport report = new RecoveryReport(tail.segments(), tail.records(), recovered, tail.truncations());
    return new Recovery(tail, liveBySegment, report);
  }
}
