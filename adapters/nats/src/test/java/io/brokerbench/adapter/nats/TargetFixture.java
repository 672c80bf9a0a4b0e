package io.brokerbench.adapter.nats;

import io.brokerbench.adapter.nats.provision.LocalNatsServer;
import io.brokerbench.adapter.nats.provision.LocalServerConfig;
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

/** Creates targets, servers and messages the way the harness does, for tests against a real nats-server. */
final class TargetFixture {
  final List<String> log = new ArrayList<>();
  final String runId = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  final long runTag = Envelope.runTag(runId);
  private final Path workDirectory;

  TargetFixture(Path workDirectory) {
    this.workDirectory = workDirectory;
  }

  /** A private server's configuration under {@code dir}, on a free port; skipped when nats-server is not installed. */
  static LocalServerConfig serverConfig(Path dir) {
    return new LocalServerConfig(Servers.installationOrSkip(), dir, "bb-it-" + FreePorts.allocate(), FreePorts.allocate(),
        null, Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  /** Starts the private server {@code config} describes. */
  static LocalServer startServer(LocalServerConfig config) throws Exception {
    return LocalNatsServer.start(config, false, line -> { });
  }

  NatsTarget create(Map<String, Object> settings) {
    NatsTargetProvider provider = new NatsTargetProvider();
    TargetContext context = new TargetContext(runId, workDirectory, System::nanoTime, line -> {
      synchronized (log) {
        log.add(line);
      }
    });
    return (NatsTarget) provider.create(context, Settings.of(provider.settings(), settings));
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
