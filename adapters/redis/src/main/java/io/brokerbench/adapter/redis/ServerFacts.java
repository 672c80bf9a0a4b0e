package io.brokerbench.adapter.redis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code INFO server} says about a Redis server that decides whether the target can use it.
 *
 * @param version {@code redis_version}, e.g. {@code 7.0.15}
 * @param mode {@code redis_mode}: {@code standalone}, {@code cluster} or {@code sentinel}
 */
record ServerFacts(String version, String mode) {
  private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");

  /**
   * Parses the text of {@code INFO server} ({@code name:value} lines).
   *
   * @throws IllegalArgumentException when it has no {@code redis_version}
   */
  static ServerFacts parse(String info) {
    Map<String, String> fields = new HashMap<>();
    for (String line : info.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    String version = fields.get("redis_version");
    if (version == null) throw new IllegalArgumentException("INFO server has no redis_version: " + info.strip());
    return new ServerFacts(version, fields.getOrDefault("redis_mode", "standalone"));
  }

  /**
   * Why the target cannot use this server, or empty when it can: it needs {@code XAUTOCLAIM}
   * (Redis 6.2) and one server that holds every stream (a consumer reads all its streams in one
   * {@code XREADGROUP}, which Redis Cluster allows only within one hash slot).
   */
  Optional<String> unusableReason() {
    Matcher m = MAJOR_MINOR.matcher(version);
    if (!m.lookingAt()) return Optional.of("Redis reports version '" + version + "', which is not major.minor.patch");
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major < 6 || (major == 6 && minor < 2)) {
      return Optional.of("Redis " + version + " has no XAUTOCLAIM, which redelivery needs: use Redis 6.2 or later");
    }
    if (!mode.equals("standalone")) {
      return Optional.of("Redis in " + mode + " mode is not supported: a consumer reads all its streams in one"
          + " XREADGROUP, so they must live on one standalone server");
    }
    return Optional.empty();
  }
}
