package io.brokerbench.adapter.redis;

import io.brokerbench.adapter.redis.provision.LocalRedisServer;
import io.brokerbench.adapter.redis.provision.LocalServerConfig;
import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.KafkaPartitioner;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.provision.FreePorts;
import io.brokerbench.provision.LocalServer;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Creates targets, servers and messages the way the harness does, for tests against a real redis-server. */
final class TargetFixture {
  final List<String> log = new ArrayList<>();
  final String runId = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  final long runTag = Envelope.runTag(runId);
  private final Path workDirectory;

  TargetFixture(Path workDirectory) {
    this.workDirectory = workDirectory;
  }

  /** A private server under {@code dir}, on a free port; skipped when redis-server is not installed. */
  static LocalServer startServer(Path dir, Persistence persistence) throws Exception {
    LocalServerConfig config = new LocalServerConfig(Servers.installationOrSkip(), dir, FreePorts.allocate(), persistence,
        Duration.ofSeconds(30), Duration.ofSeconds(10));
    return LocalRedisServer.start(config, false, line -> { });
  }

  RedisTarget create(Map<String, Object> settings) {
    RedisTargetProvider provider = new RedisTargetProvider();
    TargetContext context = new TargetContext(runId, workDirectory, System::nanoTime, line -> {
      synchronized (log) {
        log.add(line);
      }
    });
    return (RedisTarget) provider.create(context, Settings.of(provider.settings(), settings));
  }

  /** Settings for the server at {@code url} plus {@code extra} name/value pairs. */
  static Map<String, Object> external(String url, Object... extra) {
    Map<String, Object> out = new HashMap<>();
    out.put("provision", "external");
    out.put("url", url);
    for (int i = 0; i < extra.length; i += 2) out.put((String) extra[i], extra[i + 1]);
    return out;
  }

  /** Message {@code messageId} of producer 0 with key 0, carrying the plan's variant for its id. */
  OutgoingMessage message(TopologyPlan plan, long messageId) {
    byte[] payload = new byte[100];
    long now = System.nanoTime();
    Envelope.write(payload, runTag, 0, 0, 0, messageId, messageId, now, now);
    MessageVariant variant = plan.variantOf(messageId);
    return new OutgoingMessage(0, plan.partitionOfKey(0), KafkaPartitioner.keyBytes(0), variant.routingKey(),
        variant.headers(), payload);
  }

  /** Sends messages {@code 0..count-1} and waits for every confirm. */
  void sendConfirmed(Target target, TopologyPlan plan, int count) throws Exception {
    try (TargetProducer producer = target.createProducer(0)) {
      List<CompletableFuture<Void>> confirms = new ArrayList<>();
      for (long id = 0; id < count; id++) confirms.add(producer.send(message(plan, id)));
      for (CompletableFuture<Void> c : confirms) c.get(10, TimeUnit.SECONDS);
    }
  }

  /** The id of a delivered message. */
  static long id(Delivery d) {
    return Envelope.messageId(Arrays.copyOf(d.payload(), d.payloadLength()));
  }

  /** The id of a removed message, from the bytes a removal listener got. */
  static long id(byte[] payload, int length) {
    return Envelope.messageId(Arrays.copyOf(payload, length));
  }

  /** Waits up to {@code timeout} for {@code condition}. */
  static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(5);
    }
    return true;
  }
}
