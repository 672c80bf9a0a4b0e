package io.brokerbench.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host and a port as settings write them: {@code broker1:9092}, {@code 127.0.0.1:9092}, {@code
 * [::1]:9092}. No name is resolved.
 *
 * @param host a name or an address, IPv6 without brackets
 * @param port 1 to 65535
 */
public record HostPort(String host, int port) {
  /**
   * {@code [scheme://]host:port}: the scheme (as Kafka tolerates {@code PLAINTEXT://}) is ignored,
   * the host is letters, digits and {@code - . _ %}, or an IPv6 address, in brackets or not.
   */
  private static final Pattern ENTRY = Pattern.compile("(?:[A-Za-z_]+://)?(\\[[0-9A-Fa-f:.%]+]|[0-9A-Za-z\\-%._:]+):([0-9]+)");

  public HostPort {
    if (host == null || host.isEmpty()) throw new IllegalArgumentException("host must not be empty");
    if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be from 1 to 65535, was " + port);
  }

  /**
   * Parses {@code host:port[,host:port]}, spaces around entries allowed.
   *
   * @throws IllegalArgumentException naming the first entry that is not {@code host:port}
   */
  public static List<HostPort> parseList(String text) {
    List<HostPort> out = new ArrayList<>();
    String[] entries = text.split(",", -1);
    for (String raw : entries) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        throw new IllegalArgumentException(entries.length == 1 ? "no host:port" : "an empty entry between commas");
      }
      out.add(parse(entry));
    }
    return List.copyOf(out);
  }

  /**
   * Parses one {@code host:port}.
   *
   * @throws IllegalArgumentException saying what is wrong with {@code entry}
   */
  public static HostPort parse(String entry) {
    Matcher m = ENTRY.matcher(entry.strip());
    if (!m.matches()) return failFor(entry);
    String host = m.group(1);
    if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
    int port;
    try {
      port = Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port " + m.group(2) + " in '" + entry.strip() + "' is not from 1 to 65535");
    }
    return new HostPort(host, port);
  }

  private static HostPort failFor(String entry) {
    String e = entry.strip();
    int colon = e.lastIndexOf(':');
    if (colon < 0) throw new IllegalArgumentException("'" + e + "' has no port (host:port)");
    if (colon == 0) throw new IllegalArgumentException("'" + e + "' has no host (host:port)");
    throw new IllegalArgumentException("'" + e + "' is not host:port");
  }

  /** {@code host:port}, an IPv6 host in brackets. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
