package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.LogProducer;
import io.brokerbench.engine.log.Time;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.TargetProducer;
import java.util.concurrent.CompletableFuture;

/**
 * A harness producer over one {@link LogProducer}. The message goes to the topic of its destination
 * (and routing key) and to the partition the plan chose; the future completes on the engine's
 * sender or flusher thread, per the {@code acks} setting.
 */
final class LogEngineProducer implements TargetProducer {
  private final LogProducer producer;
  private final TopicLayout layout;
  private final Time time;

  LogEngineProducer(LogProducer producer, TopicLayout layout, Time time) {
    this.producer = producer;
    this.layout = layout;
    this.time = time;
  }

  @Override
  public CompletableFuture<Void> send(OutgoingMessage message) throws Exception {
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    String topic = layout.topicFor(message.destination(), message.routingKey());
    byte[] payload = message.payload();
    producer.send(topic, message.partition(), message.key(), payload, 0, payload.length, time.millis(), (tp, offset, error) -> {
      if (error == null) confirmed.complete(null);
      else confirmed.completeExceptionally(error);
    });
    return confirmed;
  }

  @Override
  public void close() {
    producer.close();
  }
}
