package io.brokerbench.results;

/** A results folder has no readable results.json of a supported schema version. */
public final class InvalidResultsException extends Exception {
  public InvalidResultsException(String message) {
    super(message);
  }
}
