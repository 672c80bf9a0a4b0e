package io.brokerbench.spi;

/** How a target is reached; the report labels every run with it. */
public enum TargetMode {
  /** In the harness JVM: no network, shares the harness's CPU and GC. */
  EMBEDDED,
  /** A child process the harness started and owns. */
  LOCAL,
  /** A container started through Testcontainers. */
  CONTAINER,
  /** A server someone else runs. */
  EXTERNAL
}
