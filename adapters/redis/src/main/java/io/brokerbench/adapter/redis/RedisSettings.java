package io.brokerbench.adapter.redis;

import io.brokerbench.adapter.redis.provision.ContainerConfig;
import io.brokerbench.adapter.redis.provision.ExternalAddress;
import io.brokerbench.adapter.redis.provision.ProvisionRequest;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.TargetMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of target {@code redis}, typed and checked for combinations that cannot work.
 *
 * @param provision how the server is provided
 * @param url external server {@code redis://[user:password@]host:port[/db]}, or null (see {@link
 *     ExternalAddress})
 * @param appendOnly {@code appendonly} of a server the harness starts
 * @param appendFsync {@code appendfsync} of a server the harness starts
 * @param retention the streams' {@code MAXLEN}, or null when streams are never trimmed
 * @param claimIdle how long an entry stays pending, unacknowledged, before a consumer of its group
 *     claims it and delivers it again
 * @param cleanup whether the run's streams are deleted from an external server when the target closes
 * @param binary the redis-server executable for a local server, or null to search the usual places
 * @param startTimeout bound on a local server or container becoming ready
 * @param stopTimeout bound on a local server's graceful stop before SIGKILL
 * @param keepData whether a local server's data directory is kept after the run
 * @param containerImage the image for testcontainers
 */
public record RedisSettings(
    ProvisionMode provision,
    String url,
    boolean appendOnly,
    AppendFsync appendFsync,
    StreamRetention retention,
    Duration claimIdle,
    boolean cleanup,
    String binary,
    Duration startTimeout,
    Duration stopTimeout,
    boolean keepData,
    String containerImage) {

  public RedisSettings {
    if (claimIdle.toMillis() < 1) {
      throw new SettingsException("consumer.claim-idle", "consumer.claim-idle must be at least 1ms, found " + claimIdle);
    }
  }

  /** Every setting the target accepts. */
  public static List<SettingSpec> specs() {
    return List.of(
        SettingSpec.choice("provision", "auto",
            "how the server is provided: auto (testcontainers, else local, else external), testcontainers, local or external",
            ProvisionMode.yamlNameArray()),
        SettingSpec.text("url", null, ExternalAddress.FORM,
            "external server, redis://[user:password@]host:port[/db] or rediss:// (credentials are never reported); else "
                + ExternalAddress.ENV + ", else " + ExternalAddress.DEFAULT_URL),
        SettingSpec.of("appendonly", SettingType.BOOLEAN, "true",
            "appendonly of a server the harness starts: every append is written to the append-only file before its"
                + " reply (false: memory only; the harness's servers take no RDB snapshots)"),
        SettingSpec.choice("appendfsync", AppendFsync.EVERYSEC.configValue(),
            "appendfsync of a server the harness starts: always (fsync before the reply), everysec (about once a"
                + " second) or no (the OS decides)", AppendFsync.configValues()),
        SettingSpec.integer("stream.max-length", null, 1, Long.MAX_VALUE,
            "entries each stream keeps: every append trims its stream to this length (XADD MAXLEN), and each"
                + " message trimmed before a subscription read it counts as removed (maxLength); unset: never trimmed"),
        SettingSpec.choice("stream.trim", TrimMode.EXACT.yamlName(),
            "how stream.max-length trims: exact (MAXLEN =) or approximate (MAXLEN ~, whole radix-tree nodes only, so a"
                + " stream may hold somewhat more)", TrimMode.yamlNames()),
        SettingSpec.millis("consumer.claim-idle", "30s", Duration.ofMillis(1), SettingSpec.LONGEST_TIMER,
            "an entry pending unacknowledged this long is claimed (XAUTOCLAIM) by a consumer of its group and"
                + " delivered again, flagged redelivered"),
        SettingSpec.of("cleanup", SettingType.BOOLEAN, "true",
            "delete the run's streams (and their consumer groups) from an external server when the target closes"),
        SettingSpec.text("local.binary", null, Form.nonBlank("an executable's path"),
            "redis-server executable for a local server; searched on the PATH and in /usr/bin, /usr/local/bin and"
                + " /usr/sbin when unset"),
        SettingSpec.duration("local.start-timeout", "30s", ProvisionRequest.MIN_START_TIMEOUT, SettingSpec.LONGEST_TIMER,
            "bound on a local server or container becoming ready"),
        SettingSpec.duration("local.stop-timeout", "10s", Duration.ZERO, ProvisionRequest.MAX_STOP_TIMEOUT,
            "bound on a local server's graceful stop (SIGTERM) before SIGKILL"),
        SettingSpec.of("local.keep-data", SettingType.BOOLEAN, "false", "keep a local server's data directory after the run"),
        SettingSpec.text("container.image", ContainerConfig.DEFAULT_IMAGE, ContainerConfig.IMAGE,
            "redis image for testcontainers"));
  }

  /** The persistence a server the harness starts is given. */
  public Persistence persistenceOfServerStartedHere() {
    return Persistence.ofServerStartedHere(appendOnly, appendFsync);
  }

  /**
   * The settings that have no effect on a server reached in {@code mode}, each with the reason, by
   * name: what {@link io.brokerbench.spi.TargetInfo#settings()} shows as not applicable instead of a
   * value.
   */
  public Map<String, String> withoutEffect(TargetMode mode) {
    Map<String, String> out = new TreeMap<>();
    if (mode == TargetMode.EXTERNAL) {
      String why = "an external server keeps its own persistence configuration (see server.persistence)";
      out.put("appendonly", why);
      out.put("appendfsync", why);
    } else if (!appendOnly) {
      out.put("appendfsync", "appendonly is false: there is no append-only file to fsync");
    }
    if (retention == null) out.put("stream.trim", "stream.max-length is unset: streams are never trimmed");
    return out;
  }

  /** Typed view of validated {@code settings}; throws SettingsException for combinations that cannot work. */
  public static RedisSettings from(Settings settings) {
    StreamRetention retention = settings.has("stream.max-length")
        ? new StreamRetention(settings.getLong("stream.max-length"), TrimMode.fromYaml(settings.getString("stream.trim")))
        : null;
    return new RedisSettings(
        ProvisionMode.fromYaml(settings.getString("provision")),
        settings.getString("url"),
        settings.getBoolean("appendonly"),
        AppendFsync.fromConfig(settings.getString("appendfsync")),
        retention,
        settings.getDuration("consumer.claim-idle"),
        settings.getBoolean("cleanup"),
        settings.getString("local.binary"),
        settings.getDuration("local.start-timeout"),
        settings.getDuration("local.stop-timeout"),
        settings.getBoolean("local.keep-data"),
        settings.getString("container.image"));
  }
}
