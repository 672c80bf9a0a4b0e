package io.brokerbench.provision;

/**
 * A broker could not be provisioned: none is available for the requested mode, or one failed to
 * start or to become ready. The message says what is missing or what failed and, where it can, how
 * to get a broker; it is shown to the user as the reason of a failed run.
 */
public class ProvisionException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProvisionException(String message) {
    super(message);
  }

  public ProvisionException(String message, Throwable cause) {
    super(message, cause);
  }
}
