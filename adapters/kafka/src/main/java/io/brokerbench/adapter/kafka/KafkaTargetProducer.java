package io.brokerbench.adapter.kafka;

import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.TargetProducer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends each message to its topic ({@link KafkaTopology#topicOf}) with the plan's partition and the
 * key bytes, so Kafka's own partitioner would agree. The send callback is the confirm: it completes
 * the future on the producer's I/O thread, normally once the broker acknowledged as {@code acks}
 * says (with {@code acks=0}, once the request is written). {@code send} blocks up to {@code
 * max.block.ms} while the producer's buffer is full: that is back-pressure.
 */
final class KafkaTargetProducer implements TargetProducer {
  /** How long closing waits for buffered records to be sent. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<byte[], byte[]> client;
  private final KafkaTopology topology;
  private boolean closed;

  /** {@code client} is owned and closed by this object. */
  KafkaTargetProducer(Producer<byte[], byte[]> client, KafkaTopology topology) {
    this.client = client;
    this.topology = topology;
  }

  @Override
  public CompletableFuture<Void> send(OutgoingMessage message) {
    CompletableFuture<Void> confirm = new CompletableFuture<>();
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topology.topicOf(message), message.partition(), message.key(), message.payload());
    client.send(record, (metadata, error) -> {
      if (error == null) {
        confirm.complete(null);
      } else {
        confirm.completeExceptionally(error);
      }
    });
    return confirm;
  }

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    client.close(CLOSE_TIMEOUT);
  }
}
