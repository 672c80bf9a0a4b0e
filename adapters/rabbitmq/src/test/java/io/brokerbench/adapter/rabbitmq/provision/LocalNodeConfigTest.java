package io.brokerbench.adapter.rabbitmq.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalNodeConfigTest {
  private final RabbitInstallation installation = new RabbitInstallation(Path.of("/opt/rabbitmq_server-3.10.8"), "3.10.8");

  private LocalNodeConfig config(String node, int amqp, int dist) {
    return new LocalNodeConfig(installation, Path.of("/work/run1/rabbitmq-node"), node, amqp, dist,
        Duration.ofSeconds(60), Duration.ofSeconds(10));
  }

  @Test
  void environmentPutsEveryFileUnderTheBaseDirectoryAndBindsToLoopback() {
    Map<String, String> env = config("bb-run1-ab12@localhost", 41001, 41002).environment(0);
    assertEquals("bb-run1-ab12@localhost", env.get("RABBITMQ_NODENAME"));
    assertEquals("127.0.0.1", env.get("RABBITMQ_NODE_IP_ADDRESS"));
    assertEquals("41001", env.get("RABBITMQ_NODE_PORT"));
    assertEquals("41002", env.get("RABBITMQ_DIST_PORT"));
    assertEquals("/work/run1/rabbitmq-node/home", env.get("HOME"));
    assertEquals("/work/run1/rabbitmq-node/mnesia", env.get("RABBITMQ_MNESIA_BASE"));
    assertEquals("/work/run1/rabbitmq-node/log", env.get("RABBITMQ_LOG_BASE"));
    assertEquals("/work/run1/rabbitmq-node/rabbitmq.pid", env.get("RABBITMQ_PID_FILE"));
    assertEquals("/work/run1/rabbitmq-node/enabled_plugins", env.get("RABBITMQ_ENABLED_PLUGINS_FILE"));
    assertEquals("/work/run1/rabbitmq-node/rabbitmq.conf", env.get("RABBITMQ_CONFIG_FILE"));
    assertEquals("/work/run1/rabbitmq-node/rabbitmq-env.conf", env.get("RABBITMQ_CONF_ENV_FILE"));
    assertTrue(env.get("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS").contains("inet_dist_use_interface {127,0,0,1}"));
    assertTrue(env.containsKey("RABBITMQ_ERLANG_COOKIE") && env.get("RABBITMQ_ERLANG_COOKIE") == null,
        "an inherited cookie variable is removed so HOME/.erlang.cookie is used");
    assertTrue(env.containsKey("ERL_EPMD_PORT") && env.get("ERL_EPMD_PORT") == null, "shared epmd: default port");
  }

  @Test
  void privateEpmdPortIsPassedToNodeAndCli() {
    assertEquals("43210", config("bb-x-1@localhost", 41001, 41002).environment(43210).get("ERL_EPMD_PORT"));
  }

  @Test
  void managementAndEveryOtherPluginIsOff() {
    assertEquals("[].\n", config("bb-x-1@localhost", 41001, 41002).enabledPluginsText());
    assertFalse(config("bb-x-1@localhost", 41001, 41002).configText().contains("management"));
  }

  @Test
  void nodeNameIsDerivedFromTheRunIdAndKeptShort() {
    assertEquals("bb-run-2026-11-27t01-02-ab12@localhost", LocalNodeConfig.nodeNameFor("Run_2026-11-27T01:02", "ab12"));
    String longName = LocalNodeConfig.nodeNameFor("x".repeat(100), "ab12");
    assertEquals("bb-" + "x".repeat(24) + "-ab12@localhost", longName);
    config(longName, 1, 2); // valid
  }

  @Test
  void invalidValuesAreRefusedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config("rabbit@otherhost", 1, 2));
    assertTrue(e.getMessage().startsWith("nodeName must match"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> config("bb@localhost", 5000, 5000));
    assertEquals("amqpPort and distPort must differ, both were 5000", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> config("bb@localhost", 0, 5000));
    assertEquals("amqpPort must be between 1 and 65535, was 0", e.getMessage());
  }

  @Test
  void amqpUriUsesGuestOnLoopback() {
    assertEquals("amqp://guest:guest@127.0.0.1:41001", config("bb-x-1@localhost", 41001, 41002).amqpUri());
  }
}
