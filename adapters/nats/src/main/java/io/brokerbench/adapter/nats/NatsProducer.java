package io.brokerbench.adapter.nats;

import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.TargetProducer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A producer on its own connection: every send is a JetStream publish to the message's subject
 * ({@link JetStreamTopology#subject}) whose future completes on the stream's publish ack (the
 * confirm) and fails on an error ack, when the connection closes, and when no ack came within 5 s
 * (the client's fixed timeout for asynchronous publishes, after which it cancels the future; the
 * message may still be stored and delivered). Nothing waits per message; the harness bounds how
 * many sends are unconfirmed ({@code maxInFlight}), and the client's outgoing queue (5000 messages)
 * makes {@code send} wait, and eventually fail, when the socket cannot keep up.
 *
 * <p>The payload array is handed to the client, which writes it later from its writer thread; the
 * harness allocates one per message and never reuses it. Threading: {@link #send} from one harness
 * thread, as the SPI states; futures complete on the client's threads.
 */
final class NatsProducer implements TargetProducer {
  /** How long {@link #close()} waits for the connection's outgoing data to be flushed. */
  static final Duration CLOSE_FLUSH_WAIT = Duration.ofSeconds(10);

  private final Connection connection;
  private final JetStream jetStream;
  private final JetStreamTopology topology;
  private volatile boolean closed;

  NatsProducer(Connection connection, JetStreamTopology topology) throws IOException {
    this.connection = connection;
    this.jetStream = connection.jetStream();
    this.topology = topology;
  }

  @Override
  public CompletableFuture<Void> send(OutgoingMessage message) {
    if (closed) throw new IllegalStateException("producer is closed");
    String subject = topology.subject(message.destination(), message.partition(), message.routingKey());
    return jetStream.publishAsync(subject, message.payload()).thenAccept(ack -> { });
  }

  /** Flushes what is still buffered (at most {@link #CLOSE_FLUSH_WAIT}), then closes the connection. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    NatsTarget.closeQuietly(connection, CLOSE_FLUSH_WAIT);
  }
}
