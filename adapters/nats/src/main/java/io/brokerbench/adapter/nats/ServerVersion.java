package io.brokerbench.adapter.nats;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A nats-server release number, {@code major.minor.patch}, as the server reports it in its INFO
 * ({@code 2.9.10}) or prints with {@code --version} ({@code nats-server: v2.9.10}). A pre-release
 * suffix ({@code 2.10.0-RC.1}) is kept in {@link #text()} and ignored when comparing.
 *
 * @param major first number
 * @param minor second number
 * @param patch third number
 * @param text the version as found, without the leading {@code v}
 */
public record ServerVersion(int major, int minor, int patch, String text) implements Comparable<ServerVersion> {
  /** The first release with a configurable JetStream sync interval ({@code jetstream.sync_interval}). */
  public static final ServerVersion SYNC_INTERVAL_SINCE = new ServerVersion(2, 10, 0, "2.10.0");

  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)([-+][0-9A-Za-z.+-]*)?");

  /**
   * The first version number in {@code text}, e.g. in {@code nats-server: v2.9.10}.
   *
   * @throws IllegalArgumentException when {@code text} holds no {@code major.minor.patch}
   */
  public static ServerVersion parse(String text) {
    Matcher m = VERSION.matcher(text == null ? "" : text);
    if (!m.find()) throw new IllegalArgumentException("no nats-server version (major.minor.patch) in '" + text + "'");
    String found = m.group().startsWith("v") ? m.group().substring(1) : m.group();
    return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
        found);
  }

  /** Whether this release is {@code other} or later. */
  public boolean atLeast(ServerVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ServerVersion other) {
    if (major != other.major) return Integer.compare(major, other.major);
    if (minor != other.minor) return Integer.compare(minor, other.minor);
    return Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return text;
  }
}
