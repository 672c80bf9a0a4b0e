package io.brokerbench.engine.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.storage.InMemoryStorage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Model-based test: random sequences of publish, consume, get, ack, requeue, reject, consumer
 * close, clock ticks with TTL expiry, and crash-restart run against the engine and against {@link Model}, a reference written
 * from the specification alone (it shares no code with the engine). After every step the engine's
 * observable behaviour must match the model:
 *
 * <ul>
 *   <li>no confirmed message is lost (a crash keeps every persistent, unacknowledged message);
 *   <li>new deliveries are exactly the oldest ready messages, each consumer's in queue order (FIFO);
 *   <li>the redelivered flag is set exactly on messages handed out before (or recovered);
 *   <li>no consumer ever holds more than its prefetch;
 *   <li>dead letters arrive with the right reason (rejected, expired, maxlen, delivery_limit), in order.
 * </ul>
 *
 * The queue is durable, persistent and transient messages mix, max length {@value #MAX_LENGTH}
 * with drop-head, delivery limit {@value #DELIVERY_LIMIT}, message TTL {@value #TTL_MILLIS} ms on a fake
 * clock the sequence advances, and storage is {@link InMemoryStorage}.
 * Every step waits until deliveries it caused reach their handlers, so the comparison is exact.
 * Tries: {@value #TRIES} sequences of up to {@value #MAX_ACTIONS} steps, kept as they are in CI.
 */
class QueueModelTest {
  static final int TRIES = 150;
  static final int MAX_ACTIONS = 60;
  static final int MAX_LENGTH = 6;
  static final int DELIVERY_LIMIT = 3;
  static final int MAX_CONSUMERS = 2;
  static final long TTL_MILLIS = 50;

  sealed interface Action permits Publish, Get, Settle, OpenConsumer, CloseConsumer, Restart, DrainDead, Tick, ExpireNow {}

  record Publish(boolean persistent) implements Action {}

  record Get(boolean autoAck) implements Action {}

  /** Settle held delivery {@code index} of holder {@code holder} (0 = gets, 1.. = consumer slots). */
  record Settle(int holder, int index, How how) implements Action {}

  enum How { ACK, REQUEUE, REJECT }

  record OpenConsumer(int prefetch) implements Action {}

  record CloseConsumer(int slot) implements Action {}

  record Restart() implements Action {}

  record DrainDead() implements Action {}

  /** Advances the shared fake clock by {@code millis}. */
  record Tick(int millis) implements Action {}

  /** Runs the engine's expiry pass (what its expiry thread does periodically). */
  record ExpireNow() implements Action {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> action = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(true, false).map(Publish::new)),
        Tuple.of(2, Arbitraries.of(true, false).map(Get::new)),
        Tuple.of(6, Combinators.combine(Arbitraries.integers().between(0, MAX_CONSUMERS), Arbitraries.integers().between(0, 7),
            Arbitraries.of(How.class)).as(Settle::new)),
        Tuple.of(2, Arbitraries.integers().between(1, 4).map(OpenConsumer::new)),
        Tuple.of(1, Arbitraries.integers().between(0, MAX_CONSUMERS - 1).map(CloseConsumer::new)),
        Tuple.of(1, Arbitraries.just(new Restart())),
        Tuple.of(1, Arbitraries.just(new DrainDead())),
        Tuple.of(2, Arbitraries.of(10, 25, 60).map(Tick::new)),
        Tuple.of(1, Arbitraries.just(new ExpireNow())));
    return action.list().ofMinSize(1).ofMaxSize(MAX_ACTIONS);
  }

  @Property(tries = TRIES)
  void engineBehavesLikeTheReferenceModel(@ForAll("actions") List<Action> actions) throws Exception {
    Harness h = new Harness();
    try {
      for (Action a : actions) h.apply(a);
      h.finish();
    } finally {
      h.engine.close();
    }
  }

  // ------------------------------------------------------------------ reference model

  /** One message as the model sees it. */
  static final class ModelMessage {
    final long id;
    final boolean persistent;
    /** Clock time from which the message is expired (publish time + queue TTL). */
    final long expiresAt;
    /** Handed to a handler or get before, or recovered: the next delivery must be flagged. */
    boolean deliveredBefore;
    /** Deliveries since publish or since the last restart. */
    int deliveries;

    ModelMessage(long id, boolean persistent, long expiresAt) {
      this.id = id;
      this.persistent = persistent;
      this.expiresAt = expiresAt;
    }
  }

  /** What the specification says the queue holds; knows nothing of the engine's data structures. */
  static final class Model {
    /** Ready messages by position; a message's position is its publish order. */
    final TreeMap<Long, ModelMessage> ready = new TreeMap<>();
    final List<String> deadLetters = new ArrayList<>();
    final Set<Long> confirmed = new HashSet<>();
    final Set<Long> acked = new HashSet<>();
    long nextId;
    /** The fake clock, in milliseconds, as the engine reads it. */
    long now = 1_000;

    /** TTL expires messages at the head only: drop expired heads, dead-lettered as expired. */
    void expireHeads() {
      while (!ready.isEmpty() && ready.firstEntry().getValue().expiresAt <= now) {
        deadLetters.add(ready.pollFirstEntry().getValue().id + ":expired");
      }
    }

    ModelMessage publish(boolean persistent) {
      // After a publish the queue holds at most MAX_LENGTH ready messages: requeues may have
      // taken it past the limit, so drop from the head until the new message fits.
      while (ready.size() >= MAX_LENGTH) {
        ModelMessage head = ready.pollFirstEntry().getValue();
        deadLetters.add(head.id + ":maxlen");
      }
      ModelMessage m = new ModelMessage(nextId++, persistent, now + TTL_MILLIS);
      ready.put(m.id, m);
      confirmed.add(m.id);
      return m;
    }

    void ack(ModelMessage m) {
      acked.add(m.id);
    }

    void reject(ModelMessage m) {
      deadLetters.add(m.id + ":rejected");
    }

    void requeue(ModelMessage m) {
      if (m.deliveries >= DELIVERY_LIMIT) {
        deadLetters.add(m.id + ":delivery_limit");
      } else {
        ready.put(m.id, m);
      }
    }

    void handOut(ModelMessage m) {
      m.deliveredBefore = true;
      m.deliveries++;
    }

    /** A crash keeps persistent unacknowledged messages, all flagged as possibly delivered. */
    void crash(List<ModelMessage> held) {
      for (ModelMessage m : held) ready.put(m.id, m);
      ready.values().removeIf(m -> !m.persistent);
      for (ModelMessage m : ready.values()) {
        m.deliveredBefore = true;
        m.deliveries = 0;
      }
      deadLetters.clear(); // the dead-letter queue is transient
    }
  }

  // ------------------------------------------------------------------ engine side

  private record Held(ModelMessage message, Delivery delivery) {}

  private static final class Slot {
    final int prefetch;
    final Session session;
    final Consumer consumer;
    final LinkedBlockingQueue<Delivery> inbox;
    final List<Held> held = new ArrayList<>();

    Slot(int prefetch, Session session, Consumer consumer, LinkedBlockingQueue<Delivery> inbox) {
      this.prefetch = prefetch;
      this.session = session;
      this.consumer = consumer;
      this.inbox = inbox;
    }
  }

  private static final class Harness {
    final InMemoryStorage storage = new InMemoryStorage();
    final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(1_000);
    final Model model = new Model();
    QueueEngine engine;
    Session getSession;
    final List<Held> gets = new ArrayList<>();
    final Slot[] slots = new Slot[MAX_CONSUMERS];

    Harness() throws Exception {
      start();
    }

    void start() throws Exception {
      engine = QueueEngine.open(EngineConfig.withStorage(storage, MemoryDirectory.DIR, FsyncPolicy.always()).withClock(clock::get, 0));
      engine.declareExchange("dlx", ExchangeType.FANOUT, false);
      engine.declareQueue("dead", QueueOptions.transientQueue());
      engine.bindQueue("dead", "dlx", Binding.key(""));
      engine.declareQueue("q", QueueOptions.durableQueue().withMaxLength(MAX_LENGTH, Overflow.DROP_HEAD)
          .withDeadLetter("dlx", null).withDeliveryLimit(DELIVERY_LIMIT).withMessageTtlMillis(TTL_MILLIS));
      getSession = engine.openSession(0);
    }

    void apply(Action a) throws Exception {
      if (a instanceof Publish p) {
        model.publish(p.persistent());
        long id = model.nextId - 1;
        MessageProperties props = p.persistent() ? MessageProperties.PERSISTENT : MessageProperties.TRANSIENT;
        engine.publish("", "q", props, Long.toString(id).getBytes(StandardCharsets.UTF_8), false).get(5, TimeUnit.SECONDS);
      } else if (a instanceof Get g) {
        Delivery d = getSession.get("q", g.autoAck());
        model.expireHeads();
        Map.Entry<Long, ModelMessage> head = model.ready.pollFirstEntry();
        if (head == null) {
          assertNull(d, "get returned a message the model does not have");
          return;
        }
        assertNotNull(d, "get returned nothing; the model's head is " + head.getKey());
        ModelMessage m = head.getValue();
        checkDelivery(d, m);
        model.handOut(m);
        if (g.autoAck()) model.ack(m); else gets.add(new Held(m, d));
      } else if (a instanceof Settle s) {
        settle(s);
      } else if (a instanceof OpenConsumer o) {
        int free = freeSlot();
        if (free < 0) return;
        LinkedBlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();
        Session session = engine.openSession(0);
        Consumer c = session.consume("q", ConsumerOptions.manualAck(o.prefetch()), inbox::add);
        slots[free] = new Slot(o.prefetch(), session, c, inbox);
      } else if (a instanceof CloseConsumer c) {
        Slot slot = slots[c.slot()];
        if (slot == null) return;
        slot.consumer.close();
        slot.session.close();
        slots[c.slot()] = null;
        for (Held held : slot.held) model.requeue(held.message());
        assertTrue(slot.inbox.isEmpty(), "deliveries arrived that the model did not expect: " + slot.inbox);
      } else if (a instanceof Restart r) {
        List<ModelMessage> held = new ArrayList<>();
        for (Held g : gets) held.add(g.message());
        gets.clear();
        for (int i = 0; i < slots.length; i++) {
          if (slots[i] != null) for (Held g : slots[i].held) held.add(g.message());
          slots[i] = null;
        }
        engine.crash();
        model.crash(held);
        start();
        assertEquals(model.ready.size(), engine.queueStats("q").ready(), "messages after recovery");
      } else if (a instanceof Tick t) {
        clock.addAndGet(t.millis());
        model.now += t.millis();
      } else if (a instanceof ExpireNow x) {
        engine.expireNow();
        model.expireHeads();
      } else if (a instanceof DrainDead d) {
        List<String> got = new ArrayList<>();
        Delivery x;
        while ((x = getSession.get("dead", true)) != null) {
          got.add(new String(x.body(), StandardCharsets.UTF_8) + ":" + x.deadLetterReason().amqpName());
        }
        assertEquals(model.deadLetters, got, "dead letters and their reasons");
        model.deadLetters.clear();
      }
      observeDeliveries();
    }

    private int freeSlot() {
      for (int i = 0; i < slots.length; i++) if (slots[i] == null) return i;
      return -1;
    }

    private void settle(Settle s) {
      List<Held> list = s.holder() == 0 ? gets : slots[s.holder() - 1] == null ? null : slots[s.holder() - 1].held;
      if (list == null || list.isEmpty()) {
        list = !gets.isEmpty() ? gets : null;
        for (Slot slot : slots) if (list == null && slot != null && !slot.held.isEmpty()) list = slot.held;
      }
      if (list == null) return;
      Held h = list.remove(s.index() % list.size());
      switch (s.how()) {
        case ACK -> {
          h.delivery().ack();
          model.ack(h.message());
        }
        case REJECT -> {
          h.delivery().reject(false);
          model.reject(h.message());
        }
        case REQUEUE -> {
          h.delivery().reject(true);
          model.requeue(h.message());
        }
      }
    }

    private void checkDelivery(Delivery d, ModelMessage m) {
      long id = Long.parseLong(new String(d.body(), StandardCharsets.UTF_8));
      assertEquals(m.id, id, "delivered message");
      assertEquals(m.deliveredBefore, d.redelivered(), "redelivered flag of message " + id);
      assertEquals(m.deliveries + 1, d.deliveryCount(), "delivery count of message " + id);
    }

    /**
     * Consumers with credit must receive exactly the oldest ready messages, as many as the credit
     * allows; each consumer's in queue order; flags as the model says; never past prefetch.
     */
    void observeDeliveries() throws InterruptedException {
      int credit = 0;
      for (Slot s : slots) if (s != null) credit += s.prefetch - s.held.size();
      // Assignment takes the head while credit lasts, expiring expired heads on the way.
      Map<Long, ModelMessage> assignable = new java.util.LinkedHashMap<>();
      while (assignable.size() < credit) {
        model.expireHeads();
        Map.Entry<Long, ModelMessage> head = model.ready.pollFirstEntry();
        if (head == null) break;
        assignable.put(head.getKey(), head.getValue());
      }
      int expected = assignable.size();
      List<Long> heads = new ArrayList<>(assignable.keySet());
      int got = 0;
      Map<Slot, Long> lastNew = new java.util.HashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (got < expected && System.nanoTime() < deadline) {
        for (Slot s : slots) {
          if (s == null) continue;
          Delivery d = s.inbox.poll();
          if (d == null) continue;
          long id = Long.parseLong(new String(d.body(), StandardCharsets.UTF_8));
          assertTrue(heads.contains(id), "delivered " + id + " but the oldest ready messages are " + heads);
          ModelMessage m = assignable.remove(id);
          assertNotNull(m, "message " + id + " delivered twice");
          // queue order: the oldest ready message goes first, so each consumer's new deliveries ascend
          Long previous = lastNew.put(s, id);
          assertTrue(previous == null || previous < id, "consumer received " + id + " after " + previous);
          checkDelivery(d, m);
          model.handOut(m);
          s.held.add(new Held(m, d));
          assertTrue(s.held.size() <= s.prefetch, "consumer holds " + s.held.size() + " > prefetch " + s.prefetch);
          got++;
        }
        if (got < expected) Thread.onSpinWait();
      }
      assertEquals(expected, got, "deliveries after the step");
      assertTrue(assignable.isEmpty(), "not delivered: " + assignable.keySet());
    }

    void finish() throws InterruptedException {
      Thread.sleep(20);
      for (Slot s : slots) if (s != null) assertTrue(s.inbox.isEmpty(), "unexpected deliveries: " + s.inbox);
      // every confirmed message is acknowledged, dead-lettered, held, ready or (transient) lost in a crash
      assertTrue(model.confirmed.containsAll(model.acked));
      assertEquals(model.ready.size(), engine.queueStats("q").ready(), "ready messages at the end");
    }
  }
}
