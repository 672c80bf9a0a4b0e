package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Creates targets and messages the way the harness does, for tests against a real broker. */
final class TargetFixture {
  final List<String> log = new ArrayList<>();
  final String runId = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  final long runTag = Envelope.runTag(runId);
  private final Path workDirectory;

  TargetFixture(Path workDirectory) {
    this.workDirectory = workDirectory;
  }

  Target create(Map<String, Object> settings) {
    RabbitMqTargetProvider provider = new RabbitMqTargetProvider();
    TargetContext context = new TargetContext(runId, workDirectory, System::nanoTime, line -> {
      synchronized (log) {
        log.add(line);
      }
    });
    return provider.create(context, Settings.of(provider.settings(), settings));
  }

  /** Settings for a server at {@code uri} plus {@code extra}. */
  static Map<String, Object> external(String uri, Object... extra) {
    Map<String, Object> out = new HashMap<>();
    out.put("provision", "external");
    out.put("uri", uri);
    for (int i = 0; i < extra.length; i += 2) out.put((String) extra[i], extra[i + 1]);
    return out;
  }

  /**
   * Message {@code messageId} of producer 0 with key {@code key} and sequence {@code sequence}, on
   * destination {@code destination}, carrying the plan's variant for its id.
   */
  OutgoingMessage message(TopologyPlan plan, int destination, int key, long sequence, long messageId, int size) {
    byte[] payload = new byte[size];
    long now = System.nanoTime();
    Envelope.write(payload, runTag, 1, 0, key, sequence, messageId, now, now);
    MessageVariant variant = plan.variantOf(messageId);
    int partition = plan.partitionOfKey(key);
    return new OutgoingMessage(destination, partition, io.brokerbench.plan.KafkaPartitioner.keyBytes(key),
        variant.routingKey(), variant.headers(), payload);
  }
}
