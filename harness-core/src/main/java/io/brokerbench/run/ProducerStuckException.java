package io.brokerbench.run;

/** A producer waited longer than the confirm timeout for a free in-flight slot. */
final class ProducerStuckException extends Exception {
  ProducerStuckException(String message) {
    super(message);
  }
}
