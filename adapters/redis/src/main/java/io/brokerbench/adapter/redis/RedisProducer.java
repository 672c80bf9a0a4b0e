package io.brokerbench.adapter.redis;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.spi.OutgoingMessage;
import io.brokerbench.spi.TargetProducer;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * A producer on its own connection: every send appends the payload as the one field {@link
 * #PAYLOAD_FIELD} of a new entry of the message's stream ({@link StreamTopology#streamOf}), and its
 * future completes on the server's reply, the entry's id: the confirm. Without {@code stream.max-length}
 * that is a plain {@code XADD stream * p <payload>}; with it, the capped append of {@link
 * CappedAppend}, whose reply the target's {@link TrimAccounting} turns into removals.
 *
 * <p>The future fails when the server answers with an error, when the connection closes, and when
 * no reply came within the client's command timeout ({@link RedisConnections#COMMAND_TIMEOUT}; the
 * entry may still have been appended). Nothing waits per message: the client pipelines commands on
 * the connection, and the harness bounds how many sends are unconfirmed ({@code maxInFlight}).
 *
 * <p>The payload array is handed to the client, which writes it later from its I/O thread; the
 * harness allocates one per message and never reuses it. Threading: {@link #send} from one harness
 * thread, as the SPI states; futures complete on the client's I/O threads.
 */
final class RedisProducer implements TargetProducer {
  /** The entry field that holds a message's payload. */
  static final String PAYLOAD_FIELD = "p";

  private final StatefulRedisConnection<String, byte[]> connection;
  private final RedisAsyncCommands<String, byte[]> redis;
  private final StreamTopology topology;
  private final CappedAppend cappedAppend;
  private final TrimAccounting trims;
  private volatile boolean closed;

  /**
   * @param connection the producer's own connection, closed with it
   * @param cappedAppend how to append with {@code MAXLEN}, or null when streams are not trimmed
   * @param trims where capped appends' replies go; null exactly when {@code cappedAppend} is
   */
  RedisProducer(StatefulRedisConnection<String, byte[]> connection, StreamTopology topology, CappedAppend cappedAppend,
      TrimAccounting trims) {
    if ((cappedAppend == null) != (trims == null)) {
      throw new IllegalArgumentException("a capped append needs its trim accounting, and only it");
    }
    this.connection = connection;
    this.redis = connection.async();
    this.topology = topology;
    this.cappedAppend = cappedAppend;
    this.trims = trims;
  }

  @Override
  public CompletableFuture<Void> send(OutgoingMessage message) {
    if (closed) throw new IllegalStateException("producer is closed");
    String stream = topology.streamOf(message.destination(), message.partition(), message.routingKey());
    byte[] payload = message.payload();
    if (cappedAppend == null) {
      return redis.xadd(stream, PAYLOAD_FIELD, payload).toCompletableFuture().thenAccept(id -> { });
    }
    return cappedAppend.append(redis, stream, payload)
        .thenAccept(reply -> trims.appended(stream, reply, Arrays.copyOf(payload, Math.min(payload.length, Envelope.SIZE))));
  }

  /** Closes the connection; replies still outstanding fail their futures. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    RedisConnections.closeQuietly(connection);
  }
}
