package io.brokerbench.results;

/**
 * The guarantee a run was measured under, as its target derived it from the applied settings (see
 * {@code io.brokerbench.spi.Guarantee} for the vocabulary).
 *
 * @param confirmedWhen {@code unstated}, {@code not-confirmed}, {@code received}, {@code page-cache},
 *     {@code fsync} or {@code replicated}
 * @param replicas copies holding a message when it is confirmed, counting the leader
 * @param brokerKill which confirmed messages survive a kill of the broker process:
 *     {@code all-confirmed}, {@code some-confirmed}, {@code none} or {@code unstated}
 * @param powerLoss which survive a power loss, same values
 * @param basis the applied settings it was derived from
 * @param summary one line for people
 */
public record GuaranteeRecord(
    String confirmedWhen, int replicas, String brokerKill, String powerLoss, String basis, String summary) {

  /** Whether two runs promise the same thing: every field but {@code basis} and {@code summary} equal. */
  public boolean sameAs(GuaranteeRecord other) {
    return other != null && java.util.Objects.equals(confirmedWhen, other.confirmedWhen) && replicas == other.replicas
        && java.util.Objects.equals(brokerKill, other.brokerKill) && java.util.Objects.equals(powerLoss, other.powerLoss);
  }
}
