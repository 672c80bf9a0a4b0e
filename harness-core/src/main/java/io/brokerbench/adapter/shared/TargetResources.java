package io.brokerbench.adapter.shared;

import io.brokerbench.provision.ProvisionedBroker;
import io.brokerbench.spi.TargetMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a target on a {@link ProvisionedBroker} holds during a run, and the one order it gives it
 * back in when the target closes: first every client it handed out (producers, consumers, removal
 * watches), each closed quietly; then, on an external broker with the target's {@code cleanup}
 * setting on, the objects the run declared (queues, streams), deleted through the target's own
 * connection; then that connection; last the broker, which stops what provisioning started.
 *
 * <p>States: not open until {@link #provisioned}, declared after the first {@link #declared},
 * closed after {@link #close} (once; later calls do nothing).
 *
 * <p>Threading: not thread-safe; used by the thread that runs the target, as {@link
 * io.brokerbench.spi.Target} says.
 *
 * @param <D> what one declare leaves on the broker, e.g. the plan or its mapping; {@code equals}
 *     says whether two declares left the same objects
 */
public final class TargetResources<D> {

  /** Deletes the objects of {@code declared} (1 or more, in declare order) from the broker. */
  @FunctionalInterface
  public interface Cleanup<D> {
    void delete(List<D> declared) throws Exception;
  }

  private final boolean cleanup;
  private final String declaredObjects;
  private final Consumer<String> log;
  private final List<AutoCloseable> clients = new ArrayList<>();
  private final List<D> declared = new ArrayList<>();
  private ProvisionedBroker broker;
  private boolean closed;

  /**
   * @param cleanup the target's {@code cleanup} setting: delete what the run declared on an
   *     external broker when closing
   * @param declaredObjects what a cleanup deletes, for the line logged when it fails, e.g. {@code
   *     streams}
   * @param log the run log
   */
  public TargetResources(boolean cleanup, String declaredObjects, Consumer<String> log) {
    this.cleanup = cleanup;
    this.declaredObjects = declaredObjects;
    this.log = log;
  }

  /** Records the broker provisioned for the run, which {@link #close} stops last; returns it. */
  public ProvisionedBroker provisioned(ProvisionedBroker provisioned) {
    broker = provisioned;
    return provisioned;
  }

  /** The provisioned broker, for tests and fault scenarios; null before {@link #provisioned}. */
  public ProvisionedBroker broker() {
    return broker;
  }

  /** The OS pids of the provisioned broker; empty before {@link #provisioned}. */
  public List<Long> processIds() {
    return broker == null ? List.of() : broker.processIds();
  }

  /** Remembers a declare for the cleanup (once per distinct {@code declaration}) and makes it current. */
  public void declared(D declaration) {
    declared.remove(declaration);
    declared.add(declaration);
  }

  /**
   * The declaration the run's clients use: the latest.
   *
   * @throws IllegalStateException when the target is closed, not open or has declared nothing
   */
  public D current() {
    requireOpen();
    if (declared.isEmpty()) throw new IllegalStateException("no topology declared: call declare(plan) first");
    return declared.get(declared.size() - 1);
  }

  /** @throws IllegalStateException when the target is closed or not open yet */
  public void requireOpen() {
    if (closed) throw new IllegalStateException("target is closed");
    if (broker == null) throw new IllegalStateException("target is not open: call open() first");
  }

  /** Keeps {@code client} to be closed with the target; returns it. */
  public <C extends AutoCloseable> C track(C client) {
    clients.add(client);
    return client;
  }

  /**
   * Gives everything back in the order the class describes; never throws. A client or connection
   * that fails to close is passed over (after a broker failure it is gone either way); a failed
   * cleanup is logged.
   *
   * @param deleteDeclared how the run's objects are deleted; called only with something declared
   * @param targetConnections the target's own connections, or null when none were opened
   */
  public void close(Cleanup<D> deleteDeclared, AutoCloseable targetConnections) {
    if (closed) return;
    closed = true;
    try {
      for (AutoCloseable client : clients) closeQuietly(client);
      clients.clear();
      if (cleanup && !declared.isEmpty() && broker.mode() == TargetMode.EXTERNAL) {
        try {
          deleteDeclared.delete(List.copyOf(declared));
        } catch (Exception e) {
          log.accept("could not delete the run's " + declaredObjects + ": " + e.getMessage());
        }
      }
    } finally {
      closeQuietly(targetConnections);
      if (broker != null) broker.close();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) return;
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing after a broker failure: the resource is gone either way.
    }
  }
}
