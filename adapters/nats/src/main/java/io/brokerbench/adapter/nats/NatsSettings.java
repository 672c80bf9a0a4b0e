package io.brokerbench.adapter.nats;

import io.brokerbench.adapter.nats.provision.ContainerConfig;
import io.brokerbench.adapter.nats.provision.ExternalAddress;
import io.brokerbench.provision.ProvisionMode;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of target {@code nats}, typed and checked for combinations that cannot work.
 *
 * @param provision how the server is provided
 * @param url external server {@code nats://host:port}, or null (see {@link ExternalAddress})
 * @param storage where every stream keeps its messages
 * @param sync setting {@code fsync}: the server's JetStream fsync policy, or null for the server's own (2.9: every 2
 *     minutes, not configurable); only for a server the harness starts, 2.10 or later
 * @param consumerMode push or pull consumers
 * @param ackWait how long the server waits for an acknowledgement before it delivers a message again
 * @param nakOnClose whether a closing consumer negatively acknowledges what it holds unacknowledged,
 *     so the server delivers it again at once instead of after {@code ackWait}
 * @param cleanup whether the run's streams are deleted from an external server when the target closes
 * @param binary the nats-server executable for a local server, or null to search the usual places
 * @param startTimeout bound on a local server or container becoming ready
 * @param stopTimeout bound on a local server's graceful stop before SIGKILL
 * @param keepData whether a local server's store directory is kept after the run
 * @param containerImage the image for testcontainers
 */
public record NatsSettings(
    ProvisionMode provision,
    String url,
    StreamStorage storage,
    SyncPolicy sync,
    ConsumerMode consumerMode,
    Duration ackWait,
    boolean nakOnClose,
    boolean cleanup,
    String binary,
    Duration startTimeout,
    Duration stopTimeout,
    boolean keepData,
    String containerImage) {

  static final String FSYNC = "fsync";
  static final String ACK_WAIT = "consumer.ack-wait";

  private static final Pattern INTERVAL = Pattern.compile("interval\\((.*)\\)");

  /** {@code always} or {@code interval(d)}, {@code d} a positive duration: {@link #fsync}'s forms. */
  private static final Form FSYNC_FORM = Form.of("always or interval(d) with d a positive duration such as 1s", text -> {
    try {
      fsync(text);
      return null;
    } catch (IllegalArgumentException e) {
      return "not one of these";
    }
  });

  public NatsSettings {
    if (ackWait.toMillis() < 1) {
      throw new SettingsException(ACK_WAIT, ACK_WAIT + " must be at least 1ms, found " + ackWait);
    }
    if (sync != null && provision == ProvisionMode.EXTERNAL) {
      throw new SettingsException(FSYNC, FSYNC + " sets the server's jetstream.sync_interval, which only a server the"
          + " harness starts (provision local or testcontainers) can be given; an external server keeps its own");
    }
  }

  /** Every setting the target accepts. */
  public static List<SettingSpec> specs() {
    return List.of(
        SettingSpec.choice("provision", "auto",
            "how the server is provided: auto (testcontainers, else local, else external), testcontainers, local or external",
            ProvisionMode.yamlNameArray()),
        SettingSpec.of("url", SettingType.STRING, null,
            "external server, nats://host:port (credentials in the URL are never reported); else "
                + ExternalAddress.ENV + ", else " + ExternalAddress.DEFAULT_URL),
        SettingSpec.choice("stream.storage", StreamStorage.FILE.yamlName(),
            "where every stream keeps its messages: file (written to the OS page cache before the publish ack) or "
                + "memory", StreamStorage.yamlNames()),
        SettingSpec.text(FSYNC, null, FSYNC_FORM,
            "jetstream.sync_interval of a server the harness starts: always (fsync before every publish ack) or "
                + "interval(d) (a background fsync every d); needs nats-server 2.10 or later (2.9 fsyncs every 2 minutes "
                + "on its own timer); unset: the server's default"),
        SettingSpec.choice("consumer.mode", ConsumerMode.PULL.yamlName(),
            "durable consumers that pull batches of at most the prefetch, or that the server pushes to (with flow "
                + "control)", ConsumerMode.yamlNames()),
        SettingSpec.of(ACK_WAIT, SettingType.DURATION, "30s",
            "ack_wait: an unacknowledged delivery older than this is delivered again, flagged redelivered"),
        SettingSpec.of("consumer.nak-on-close", SettingType.BOOLEAN, "true",
            "a closing consumer negatively acknowledges what it holds unacknowledged, so it is delivered again at "
                + "once (false: after consumer.ack-wait)"),
        SettingSpec.of("cleanup", SettingType.BOOLEAN, "true",
            "delete the run's streams (and their consumers) from an external server when the target closes"),
        SettingSpec.of("local.binary", SettingType.STRING, null,
            "nats-server executable for a local server; searched on the PATH and in /usr/sbin, /usr/bin and "
                + "/usr/local/bin when unset"),
        SettingSpec.of("local.start-timeout", SettingType.DURATION, "30s",
            "bound on a local server or container becoming ready"),
        SettingSpec.duration("local.stop-timeout", "10s", java.time.Duration.ZERO,
            io.brokerbench.provision.ChildProcessSpec.MAX_STOP_TIMEOUT, "bound on a local server's graceful stop (SIGTERM) before SIGKILL"),
        SettingSpec.of("local.keep-data", SettingType.BOOLEAN, "false", "keep a local server's store directory after the run"),
        SettingSpec.of("container.image", SettingType.STRING, ContainerConfig.DEFAULT_IMAGE, "nats image for testcontainers"));
  }

  /**
   * The settings that have no effect with these values, each with the reason, by name: what {@link
   * io.brokerbench.spi.TargetInfo#settings()} shows as not applicable instead of a value.
   */
  public Map<String, String> withoutEffect() {
    Map<String, String> out = new TreeMap<>();
    if (sync != null && storage == StreamStorage.MEMORY) out.put(FSYNC, "memory storage is never written to disk");
    return out;
  }

  /**
   * The policy written as {@code text}: {@code always} or {@code interval(d)}.
   *
   * @throws IllegalArgumentException for anything else, or an interval that is not a positive duration
   */
  static SyncPolicy fsync(String text) {
    String t = text.strip();
    if (t.equals("always")) return SyncPolicy.parse(t);
    Matcher m = INTERVAL.matcher(t);
    if (!m.matches()) throw new IllegalArgumentException(FSYNC + " expects always or interval(d), found '" + text + "'");
    return SyncPolicy.parse(m.group(1).strip());
  }

  /** Typed view of validated {@code settings}; throws SettingsException for combinations that cannot work. */
  public static NatsSettings from(Settings settings) {
    return new NatsSettings(
        ProvisionMode.fromYaml(settings.getString("provision")),
        settings.getString("url"),
        StreamStorage.fromYaml(settings.getString("stream.storage")),
        settings.has(FSYNC) ? fsync(settings.getString(FSYNC)) : null,
        ConsumerMode.fromYaml(settings.getString("consumer.mode")),
        settings.getDuration(ACK_WAIT),
        settings.getBoolean("consumer.nak-on-close"),
        settings.getBoolean("cleanup"),
        settings.getString("local.binary"),
        settings.getDuration("local.start-timeout"),
        settings.getDuration("local.stop-timeout"),
        settings.getBoolean("local.keep-data"),
        settings.getString("container.image"));
  }
}
