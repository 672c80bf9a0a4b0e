package io.brokerbench.testing;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.KafkaPartitioner;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProducer;
import io.brokerbench.spi.TargetProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One run as the harness makes it for a target under test: a fresh run id and its tag, a context
 * whose log lines are kept in {@link #log}, targets created from settings as a scenario gives them,
 * and messages with a valid envelope. For tests against a real broker.
 *
 * <p>Threading: {@link #log} is written by the target's threads; read it under its own lock.
 */
public final class TargetRun {
  /** The lines the targets logged, in order; lock it to read. */
  public final List<String> log = new ArrayList<>();
  public final String runId = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  public final long runTag = Envelope.runTag(runId);
  private final Path workDirectory;

  /** @param workDirectory the run's work directory, where a target keeps what it starts */
  public TargetRun(Path workDirectory) {
    this.workDirectory = workDirectory;
  }

  /** A target of {@code provider} for this run, with {@code settings} validated and defaulted as a scenario's. */
  public Target create(TargetProvider provider, Map<String, Object> settings) {
    TargetContext context = new TargetContext(runId, workDirectory, System::nanoTime, line -> {
      synchronized (log) {
        log.add(line);
      }
    });
    return provider.create(context, Settings.of(provider.settings(), settings));
  }

  /**
   * Settings for an external server at {@code address} plus {@code extra} name/value pairs.
   *
   * @param addressSetting the target's address setting, e.g. {@code url}
   */
  public static Map<String, Object> external(String addressSetting, String address, Object... extra) {
    Map<String, Object> out = new HashMap<>();
    out.put("provision", "external");
    out.put(addressSetting, address);
    for (int i = 0; i < extra.length; i += 2) out.put((String) extra[i], extra[i + 1]);
    return out;
  }

  /** Message {@code messageId} of producer 0 with key 0, 100 bytes, carrying the plan's variant for its id. */
  public OutgoingMessage message(TopologyPlan plan, long messageId) {
    byte[] payload = new byte[100];
    long now = System.nanoTime();
    Envelope.write(payload, runTag, 0, 0, 0, messageId, messageId, now, now);
    MessageVariant variant = plan.variantOf(messageId);
    return new OutgoingMessage(0, plan.partitionOfKey(0), KafkaPartitioner.keyBytes(0), variant.routingKey(),
        variant.headers(), payload);
  }

  /** Sends messages {@code 0..count-1} ({@link #message}) and waits up to 10 s for each confirm. */
  public void sendConfirmed(Target target, TopologyPlan plan, int count) throws Exception {
    try (TargetProducer producer = target.createProducer(0)) {
      List<CompletableFuture<Void>> confirms = new ArrayList<>();
      for (long id = 0; id < count; id++) confirms.add(producer.send(message(plan, id)));
      for (CompletableFuture<Void> c : confirms) c.get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Sends messages {@code 0..sent-1} ({@link #sendConfirmed}) to a declared {@code target} and
   * returns the ids subscription 0 receives, acking each: once {@code expected} arrived (within
   * 10 s), plus 300 ms for any that should not.
   */
  public Set<Long> idsReceived(Target target, TopologyPlan plan, int sent, int expected) throws Exception {
    Set<Long> ids = new ConcurrentSkipListSet<>();
    TargetConsumer consumer = target.createConsumer(new ConsumerSpec(0, 0, 50, AckMode.MANUAL), d -> {
      ids.add(id(d));
      d.ack();
    });
    try {
      sendConfirmed(target, plan, sent);
      await(() -> ids.size() >= expected, Duration.ofSeconds(10));
      Thread.sleep(300);
    } finally {
      consumer.close();
    }
    return Set.copyOf(ids);
  }

  /** The id of a delivered message. */
  public static long id(Delivery d) {
    return id(d.payload(), d.payloadLength());
  }

  /** The id of a message from its first {@code length} bytes, e.g. as a removal listener got them. */
  public static long id(byte[] payload, int length) {
    return Envelope.messageId(Arrays.copyOf(payload, length));
  }

  /** Waits up to {@code timeout} for {@code condition}, checking every 5 ms; whether it held. */
  public static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(5);
    }
    return true;
  }
}
