package io.brokerbench.adapter.redis;

/**
 * The id of a stream entry, {@code <milliseconds>-<sequence>}, ordered as Redis orders entries
 * (both parts unsigned 64-bit; Redis assigns them in increasing order per stream).
 *
 * @param millis the first part
 * @param sequence the second part
 */
public record StreamEntryId(long millis, long sequence) implements Comparable<StreamEntryId> {
  /** {@code 0-0}: below every entry; a new consumer group's last delivered id when it reads from the start. */
  public static final StreamEntryId ZERO = new StreamEntryId(0, 0);

  /**
   * The id written as Redis writes it.
   *
   * @throws IllegalArgumentException for anything but two unsigned decimal numbers joined by a dash
   */
  public static StreamEntryId parse(String text) {
    int dash = text == null ? -1 : text.indexOf('-');
    if (dash <= 0 || dash == text.length() - 1) throw new IllegalArgumentException("not a stream entry id: '" + text + "'");
    try {
      return new StreamEntryId(Long.parseUnsignedLong(text.substring(0, dash)),
          Long.parseUnsignedLong(text.substring(dash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a stream entry id: '" + text + "'");
    }
  }

  @Override
  public int compareTo(StreamEntryId other) {
    int byMillis = Long.compareUnsigned(millis, other.millis);
    return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
  }
}
