package io.brokerbench.engine.queue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * The child process of {@link SigkillCrashTest}: publishes persistent messages from 8 threads (128
 * in flight each) to a durable queue while a consumer acknowledges, printing {@code C <id>} once a
 * confirm arrives, {@code D <id>} when a delivery arrives (before its ack) and {@code A <id>} once
 * its ack returns, until it is killed.
 *
 * <p>Arguments: data directory, fsync policy, {@code persistent} or {@code transient}.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    exitWhenOrphaned();
    Path dir = Path.of(args[0]);
    FsyncPolicy fsync = FsyncPolicy.parse(args[1]);
    boolean persistent = args[2].equals("persistent");
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
    QueueEngine engine = QueueEngine.open(EngineConfig.onDisk(dir, fsync));
    engine.declareQueue("q", QueueOptions.durableQueue());
    Session session = engine.openSession(0);
    session.consume("q", ConsumerOptions.manualAck(64), d -> {
      String id = new String(d.body(), StandardCharsets.UTF_8);
      synchronized (out) {
        out.println("D " + id);
        out.flush();
      }
      d.ack();
      synchronized (out) {
        out.println("A " + id);
        out.flush();
      }
    });
    MessageProperties props = persistent ? MessageProperties.PERSISTENT : MessageProperties.TRANSIENT;
    for (int t = 0; t < 8; t++) {
      int thread = t;
      Thread p = new Thread(() -> {
        Semaphore inFlight = new Semaphore(128);
        for (long n = 0; ; n++) {
          inFlight.acquireUninterruptibly();
          String id = "p" + thread + "-" + n;
          engine.publish("", "q", props, id.getBytes(StandardCharsets.UTF_8), false).whenComplete((v, e) -> {
            inFlight.release();
            if (e == null) {
              synchronized (out) {
                out.println("C " + id);
                out.flush();
              }
            }
          });
        }
      }, "publisher-" + t);
      p.start();
    }
    synchronized (out) {
      out.println("READY");
      out.flush();
    }
    Thread.sleep(Long.MAX_VALUE);
  }

  /**
   * The parent holds our stdin open; when it dies the pipe closes and we exit. A two-minute cap
   * backs that up, so no child outlives a broken test run for long.
   */
  private static void exitWhenOrphaned() {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // the parent never writes; any byte is ignored
        }
      } catch (java.io.IOException ignored) {
        // a broken pipe means the same as end of input
      }
      Runtime.getRuntime().halt(3);
    }, "orphan-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Thread cap = new Thread(() -> {
      try {
        Thread.sleep(120_000);
      } catch (InterruptedException ignored) {
        return;
      }
      Runtime.getRuntime().halt(4);
    }, "lifetime-cap");
    cap.setDaemon(true);
    cap.start();
  }
}
