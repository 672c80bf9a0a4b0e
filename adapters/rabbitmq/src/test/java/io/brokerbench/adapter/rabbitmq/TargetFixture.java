package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.Target;
import io.brokerbench.testing.TargetRun;
import java.nio.file.Path;
import java.util.Map;

/** The RabbitMQ pieces of a test against a real broker; the run itself is a {@link TargetRun}. */
final class TargetFixture {
  private final TargetRun run;
  final String runId;

  TargetFixture(Path workDirectory) {
    this.run = new TargetRun(workDirectory);
    this.runId = run.runId;
  }

  Target create(Map<String, Object> settings) {
    return run.create(new RabbitMqTargetProvider(), settings);
  }

  /** Settings for a server at {@code uri} plus {@code extra}. */
  static Map<String, Object> external(String uri, Object... extra) {
    return TargetRun.external("uri", uri, extra);
  }

  /**
   * Message {@code messageId} of producer 0 with key {@code key} and sequence {@code sequence}, on
   * destination {@code destination}, carrying the plan's variant for its id.
   */
  OutgoingMessage message(TopologyPlan plan, int destination, int key, long sequence, long messageId, int size) {
    byte[] payload = new byte[size];
    long now = System.nanoTime();
    Envelope.write(payload, run.runTag, 1, 0, key, sequence, messageId, now, now);
    MessageVariant variant = plan.variantOf(messageId);
    int partition = plan.partitionOfKey(key);
    return new OutgoingMessage(destination, partition, io.brokerbench.plan.KafkaPartitioner.keyBytes(key),
        variant.routingKey(), variant.headers(), payload);
  }
}
