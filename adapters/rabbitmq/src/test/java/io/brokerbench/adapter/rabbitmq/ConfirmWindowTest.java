package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConfirmWindowTest {

  private static List<CompletableFuture<Void>> publish(ConfirmWindow window, long from, long to) throws InterruptedException {
    List<CompletableFuture<Void>> out = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      window.acquire();
      out.add(window.register(seq));
    }
    return out;
  }

  @Test
  void multipleAckCompletesEveryEarlierPublishAndNoLaterOne() throws Exception {
    ConfirmWindow window = new ConfirmWindow(10);
    List<CompletableFuture<Void>> futures = publish(window, 1, 5);
    window.ack(3, true);
    for (int i = 0; i < 3; i++) assertTrue(futures.get(i).isDone() && !futures.get(i).isCompletedExceptionally());
    assertFalse(futures.get(3).isDone());
    assertFalse(futures.get(4).isDone());
    assertEquals(2, window.inFlight());
    window.ack(5, false);
    assertTrue(futures.get(4).isDone());
    assertFalse(futures.get(3).isDone(), "a single ack settles only its own tag");
  }

  @Test
  void nackFailsTheSendWithARefusal() throws Exception {
    ConfirmWindow window = new ConfirmWindow(10);
    List<CompletableFuture<Void>> futures = publish(window, 1, 3);
    window.nack(2, true);
    for (int i = 0; i < 2; i++) {
      ExecutionException e = assertThrows(ExecutionException.class, futures.get(i)::get);
      assertInstanceOf(PublishRefusedException.class, e.getCause());
    }
    assertFalse(futures.get(2).isDone());
    assertEquals(1, window.inFlight());
  }

  @Test
  void returnFailsTheSendAtOnceAndTheLaterAckFreesItsSlot() throws Exception {
    ConfirmWindow window = new ConfirmWindow(1);
    CompletableFuture<Void> future = publish(window, 7, 7).get(0);
    window.returned(7, "NO_ROUTE");
    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    assertInstanceOf(MessageReturnedException.class, e.getCause());
    assertEquals(1, window.inFlight(), "the slot is held until the confirm");
    window.ack(7, false);
    assertEquals(0, window.inFlight());
    assertTrue(future.isCompletedExceptionally(), "the ack after a return does not turn it into a success");
  }

  @Test
  void acquireBlocksWhileTheWindowIsFullAndResumesOnConfirm() throws Exception {
    ConfirmWindow window = new ConfirmWindow(2);
    publish(window, 1, 2);
    CountDownLatch acquired = new CountDownLatch(1);
    Thread publisher = new Thread(() -> {
      try {
        window.acquire();
        acquired.countDown();
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    });
    publisher.start();
    assertFalse(acquired.await(300, TimeUnit.MILLISECONDS), "a third publish must wait while two are unconfirmed");
    window.ack(1, false);
    assertTrue(acquired.await(5, TimeUnit.SECONDS));
    publisher.join();
  }

  @Test
  void channelFailureFailsEveryPendingSendAndLaterAcquires() throws Exception {
    ConfirmWindow window = new ConfirmWindow(5);
    List<CompletableFuture<Void>> futures = publish(window, 1, 3);
    IOException cause = new IOException("connection reset");
    window.failAll(cause);
    for (CompletableFuture<Void> f : futures) {
      ExecutionException e = assertThrows(ExecutionException.class, f::get);
      assertEquals(cause, e.getCause());
    }
    assertEquals(0, window.inFlight());
    IllegalStateException e = assertThrows(IllegalStateException.class, window::acquire);
    assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
  }

  @Test
  void abandonedPublishFreesItsSlot() throws Exception {
    ConfirmWindow window = new ConfirmWindow(1);
    CompletableFuture<Void> future = publish(window, 1, 1).get(0);
    window.abandon(1, new IOException("write failed"));
    assertTrue(future.isCompletedExceptionally());
    assertEquals(0, window.inFlight());
    publish(window, 2, 2); // would block forever if the slot were lost
  }
}
