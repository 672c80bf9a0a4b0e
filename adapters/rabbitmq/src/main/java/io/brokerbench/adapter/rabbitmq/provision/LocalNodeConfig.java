package io.brokerbench.adapter.rabbitmq.provision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything that defines a private RabbitMQ node, and the environment and files derived from it
 * (pure functions, unit-tested without starting anything).
 *
 * <h2>Layout under {@link #baseDirectory()}</h2>
 * <pre>
 *   home/.erlang.cookie   the node's cookie (mode 0400); HOME points here for server and CLI
 *   rabbitmq.conf         RABBITMQ_CONFIG_FILE
 *   rabbitmq-env.conf     RABBITMQ_CONF_ENV_FILE, empty: keeps /etc/rabbitmq/rabbitmq-env.conf out
 *   enabled_plugins       RABBITMQ_ENABLED_PLUGINS_FILE, "[]." (management and every plugin off)
 *   mnesia/               RABBITMQ_MNESIA_BASE: data, quorum and stream directories
 *   log/                  RABBITMQ_LOG_BASE: the node's log; log/stdout.log is the console output
 *   rabbitmq.pid          RABBITMQ_PID_FILE: pid of the Erlang VM, written by the node at boot
 * </pre>
 *
 * @param installation where the server scripts are
 * @param baseDirectory a directory owned by this node (created on start)
 * @param nodeName short Erlang node name, {@code name@localhost}
 * @param amqpPort AMQP listener, bound to 127.0.0.1
 * @param distPort Erlang distribution listener, bound to 127.0.0.1
 * @param startTimeout bound on start-up until the node reports it has booted
 * @param stopTimeout how long a stop waits after SIGTERM before SIGKILL
 */
public record LocalNodeConfig(
    RabbitInstallation installation,
    Path baseDirectory,
    String nodeName,
    int amqpPort,
    int distPort,
    Duration startTimeout,
    Duration stopTimeout) {

  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}@localhost");

  public LocalNodeConfig {
    if (installation == null) throw new IllegalArgumentException("installation must be set");
    if (baseDirectory == null) throw new IllegalArgumentException("baseDirectory must be set");
    baseDirectory = baseDirectory.toAbsolutePath();
    if (nodeName == null || !NODE_NAME.matcher(nodeName).matches()) {
      throw new IllegalArgumentException("nodeName must match " + NODE_NAME + ", was '" + nodeName + "'");
    }
    checkPort("amqpPort", amqpPort);
    checkPort("distPort", distPort);
    if (amqpPort == distPort) throw new IllegalArgumentException("amqpPort and distPort must differ, both were " + amqpPort);
    if (startTimeout == null || startTimeout.compareTo(ProvisionRequest.MIN_START_TIMEOUT) < 0) {
      throw new IllegalArgumentException("startTimeout must be at least " + ProvisionRequest.MIN_START_TIMEOUT.toSeconds()
          + "s, was " + startTimeout);
    }
    if (stopTimeout == null || stopTimeout.isNegative()) {
      throw new IllegalArgumentException("stopTimeout must be >= 0, was " + stopTimeout);
    }
  }

  private static void checkPort(String field, int port) {
    if (port < 1 || port > 65535) throw new IllegalArgumentException(field + " must be between 1 and 65535, was " + port);
  }

  /**
   * A node name for run {@code runId}: {@code bb-<run id, letters digits and dashes, at most 24>-<suffix>@localhost}.
   */
  public static String nodeNameFor(String runId, String suffix) {
    String cleaned = runId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (cleaned.length() > 24) cleaned = cleaned.substring(0, 24);
    return "bb-" + cleaned + "-" + suffix + "@localhost";
  }

  public Path homeDirectory() {
    return baseDirectory.resolve("home");
  }

  public Path cookieFile() {
    return homeDirectory().resolve(".erlang.cookie");
  }

  public Path configFile() {
    return baseDirectory.resolve("rabbitmq.conf");
  }

  public Path envConfFile() {
    return baseDirectory.resolve("rabbitmq-env.conf");
  }

  public Path enabledPluginsFile() {
    return baseDirectory.resolve("enabled_plugins");
  }

  public Path mnesiaBase() {
    return baseDirectory.resolve("mnesia");
  }

  public Path logBase() {
    return baseDirectory.resolve("log");
  }

  /** Console output of the server script and the VM. */
  public Path stdoutLog() {
    return logBase().resolve("stdout.log");
  }

  /** The node's own log file. */
  public Path nodeLog() {
    return logBase().resolve(nodeName + ".log");
  }

  public Path pidFile() {
    return baseDirectory.resolve("rabbitmq.pid");
  }

  /** {@code amqp://guest:guest@127.0.0.1:<amqpPort>}: guest may connect over loopback. */
  public String amqpUri() {
    return "amqp://guest:guest@127.0.0.1:" + amqpPort;
  }

  /**
   * Variables for the server and for {@code rabbitmqctl} (added to the harness's environment).
   *
   * @param epmdPort the port of a private epmd, or 0 to use the one on the default port
   */
  public Map<String, String> environment(int epmdPort) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", homeDirectory().toString());
    env.put("RABBITMQ_NODENAME", nodeName);
    env.put("RABBITMQ_USE_LONGNAME", "false");
    env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
    env.put("RABBITMQ_NODE_PORT", Integer.toString(amqpPort));
    env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
    env.put("RABBITMQ_MNESIA_BASE", mnesiaBase().toString());
    env.put("RABBITMQ_LOG_BASE", logBase().toString());
    env.put("RABBITMQ_PID_FILE", pidFile().toString());
    env.put("RABBITMQ_ENABLED_PLUGINS_FILE", enabledPluginsFile().toString());
    env.put("RABBITMQ_CONFIG_FILE", configFile().toString());
    env.put("RABBITMQ_CONF_ENV_FILE", envConfFile().toString());
    env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
    env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
    if (epmdPort > 0) env.put("ERL_EPMD_PORT", Integer.toString(epmdPort));
    else env.put("ERL_EPMD_PORT", null);
    // Variables a user may have set for the system node must not leak into the private one.
    for (String inherited : new String[] {"RABBITMQ_ERLANG_COOKIE", "RABBITMQ_ADVANCED_CONFIG_FILE",
        "RABBITMQ_CONFIG_FILES", "RABBITMQ_BASE", "RABBITMQ_SERVER_START_ARGS", "RABBITMQ_ALLOW_INPUT", "NOTIFY_SOCKET"}) {
      env.put(inherited, null);
    }
    env.put("RABBITMQ_ADVANCED_CONFIG_FILE", baseDirectory.resolve("advanced.config").toString());
    return env;
  }

  /** Contents of {@link #configFile()}: file logging at info, console logging off. */
  public String configText() {
    return String.join("\n",
        "# Private node of a brokerbench run; listeners come from RABBITMQ_NODE_IP_ADDRESS/RABBITMQ_NODE_PORT.",
        "log.file.level = info",
        "log.console = false",
        "");
  }

  /** Contents of {@link #enabledPluginsFile()}: no plugins. */
  public String enabledPluginsText() {
    return "[].\n";
  }
}
