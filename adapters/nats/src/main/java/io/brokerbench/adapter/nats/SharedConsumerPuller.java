package io.brokerbench.adapter.nats;

import io.brokerbench.adapter.nats.JetStreamTopology.ConsumerRef;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One harness consumer's reader of one durable JetStream pull consumer that the other harness
 * consumers of its subscription read too (competing consumers): the server hands each message to
 * one of the pull requests waiting on the durable consumer, so to one reader.
 *
 * <h2>Bound</h2>
 * The durable consumer's max ack pending is sized for all its readers together, so it cannot bound
 * one of them; this reader bounds itself with {@code share} credits. A credit is taken for each
 * message asked for, and comes back when a pull request ends short of its batch (for the messages
 * not delivered) or when a delivered message is settled ({@link #settled}). A pull request asks for
 * every free credit, so messages asked for plus messages held unsettled never exceed {@code share}.
 * Each pull request is a fetch of at most {@link #EXPIRES} that ends on the server's end-of-request
 * status or when its batch is complete, so no message of it arrives after it ended.
 *
 * <h2>Threading</h2>
 * One daemon thread per reader runs the pull loop and calls {@code handler} for each message; the
 * handler serialises listener calls across a harness consumer's readers. {@link #settled} may be
 * called from any thread. {@link #stop()} lets the fetch in progress finish (at most {@link
 * #EXPIRES} and the client's grace) so that every message the server sent here reaches the handler,
 * which keeps it to hand back at close; no new fetch starts.
 */
final class SharedConsumerPuller {
  /** How long a pull request waits on the server for messages; the client's minimum. */
  static final Duration EXPIRES = Duration.ofMillis(FetchConsumeOptions.MIN_EXPIRES_MILLS);

  private final ConsumerRef ref;
  private final ConsumerContext context;
  private final Semaphore credits;
  private final Consumer<Message> handler;
  private final Consumer<String> log;
  private final Thread thread;
  private volatile boolean stopped;

  /**
   * A reader that pulls once {@link #start()}ed.
   *
   * @param share most messages asked for or held unsettled at any time, at least 1
   * @param handler called with each message on this reader's thread
   */
  SharedConsumerPuller(ConsumerRef ref, ConsumerContext context, int share, Consumer<Message> handler,
      String threadName, Consumer<String> log) {
    this.ref = ref;
    this.context = context;
    this.credits = new Semaphore(share);
    this.handler = handler;
    this.log = log;
    this.thread = new Thread(this::pullLoop, threadName);
    thread.setDaemon(true);
  }

  /** Starts the pull loop; once only, after whoever settles deliveries can find this reader. */
  void start() {
    thread.start();
  }

  /** The durable consumer read. */
  ConsumerRef ref() {
    return ref;
  }

  /** A message this reader delivered was acknowledged, rejected or (auto acks) handled: one credit back. */
  void settled() {
    credits.release();
  }

  private void pullLoop() {
    while (!stopped) {
      int asked = 0;
      int received = 0;
      try {
        if (!credits.tryAcquire(100, TimeUnit.MILLISECONDS)) continue;
        asked = 1 + credits.drainPermits();
        FetchConsumeOptions options = FetchConsumeOptions.builder()
            .maxMessages(asked).expiresIn(EXPIRES.toMillis()).build();
        try (FetchConsumer fetch = context.fetch(options)) {
          for (Message m = fetch.nextMessage(); m != null; m = fetch.nextMessage()) {
            received++;
            handler.accept(m);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (stopped) return;
        log.accept("pulling from " + ref.stream() + " > " + ref.name() + " failed (" + e + "); trying again");
        sleepQuietly();
      } finally {
        credits.release(asked - received);
      }
    }
  }

  /** Starts no new pull request; see {@link #awaitStopped}. */
  void stop() {
    stopped = true;
  }

  /** Waits at most {@code bound} for the pull request in progress to end; true when it did (or never started). */
  boolean awaitStopped(Duration bound) throws InterruptedException {
    if (thread.getState() == Thread.State.NEW) return true;
    thread.join(Math.max(1, bound.toMillis()));
    return !thread.isAlive();
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
