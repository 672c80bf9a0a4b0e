package io.brokerbench.adapter.redis;

import java.util.Map;

/**
 * How a Redis server keeps data beyond its memory, as far as it decides what a confirmed append
 * survives: the append-only file and its fsync policy, whether fsync pauses during background
 * rewrites, and the RDB snapshot schedule.
 *
 * @param appendOnly {@code appendonly}: every write is appended to the append-only file before its
 *     reply goes out
 * @param appendFsync {@code appendfsync}: when that file is fsynced
 * @param noFsyncOnRewrite {@code no-appendfsync-on-rewrite}: no fsync while a child process
 *     rewrites the file or saves a snapshot
 * @param save {@code save}: the RDB snapshot schedule ({@code "<seconds> <changes> ..."}), empty
 *     for none
 */
public record Persistence(boolean appendOnly, AppendFsync appendFsync, boolean noFsyncOnRewrite, String save) {
  /** The parameters {@link #fromConfig} needs, for {@code CONFIG GET}. */
  static final String[] CONFIG_PARAMETERS = {"appendonly", "appendfsync", "no-appendfsync-on-rewrite", "save"};

  public Persistence {
    if (appendFsync == null) throw new IllegalArgumentException("appendFsync must be set");
    save = save == null ? "" : save.strip();
  }

  /**
   * What a server the harness starts runs with: the given append-only settings, fsync also during
   * rewrites, and no RDB snapshots.
   */
  public static Persistence ofServerStartedHere(boolean appendOnly, AppendFsync appendFsync) {
    return new Persistence(appendOnly, appendFsync, false, "");
  }

  /**
   * The persistence of a running server from its {@code CONFIG GET} reply (names to values).
   *
   * @throws IllegalArgumentException when a parameter is missing or has a value Redis does not use
   */
  public static Persistence fromConfig(Map<String, String> config) {
    return new Persistence(yesNo(config, "appendonly"), AppendFsync.fromConfig(required(config, "appendfsync")),
        yesNo(config, "no-appendfsync-on-rewrite"), required(config, "save"));
  }

  private static String required(Map<String, String> config, String name) {
    String value = config.get(name);
    if (value == null) throw new IllegalArgumentException("CONFIG GET returned no " + name);
    return value;
  }

  private static boolean yesNo(Map<String, String> config, String name) {
    String value = required(config, name);
    return switch (value) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw new IllegalArgumentException(name + " must be yes or no, found '" + value + "'");
    };
  }

  /** Whether RDB snapshots are taken on a schedule. */
  public boolean snapshots() {
    return !save.isEmpty();
  }

  /** The configuration as Redis writes it, e.g. {@code appendonly=yes, appendfsync=always, ...}. */
  public String describe() {
    return "appendonly=" + (appendOnly ? "yes" : "no") + ", appendfsync=" + appendFsync.configValue()
        + ", no-appendfsync-on-rewrite=" + (noFsyncOnRewrite ? "yes" : "no") + ", save=\"" + save + "\"";
  }
}
