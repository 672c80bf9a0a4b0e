package io.brokerbench.adapter.rabbitmq.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalAddressTest {
  @TempDir Path home;

  @Test
  void settingWinsOverEnvironmentOverStateFileOverDefault() throws Exception {
    Path state = ExternalAddress.stateFile(Map.of(), home);
    Files.createDirectories(state.getParent());
    Files.writeString(state, "amqp://guest:guest@127.0.0.1:41111\n");
    Map<String, String> env = Map.of(ExternalAddress.ENV, "amqp://u:p@envhost:5673");

    assertEquals("the uri setting", ExternalAddress.resolve("amqp://a:b@sethost", env, home).source());
    assertEquals(ExternalAddress.ENV, ExternalAddress.resolve(null, env, home).source());
    ExternalAddress fromFile = ExternalAddress.resolve(" ", Map.of(), home);
    assertEquals("amqp://guest:guest@127.0.0.1:41111", fromFile.uri());
    assertEquals(41111, fromFile.port());
    Files.delete(state);
    ExternalAddress fallback = ExternalAddress.resolve(null, Map.of(), home);
    assertEquals(ExternalAddress.DEFAULT_URI, fallback.uri());
    assertEquals("127.0.0.1", fallback.host());
    assertEquals(5672, fallback.port());
  }

  @Test
  void brokersDirectoryVariableMovesTheStateFile() throws Exception {
    Path elsewhere = home.resolve("elsewhere");
    Map<String, String> env = Map.of(ExternalAddress.BROKERS_DIR_ENV, elsewhere.toString());
    Path state = ExternalAddress.stateFile(env, home);
    assertEquals(elsewhere.resolve("rabbitmq/uri"), state);
    Files.createDirectories(state.getParent());
    Files.writeString(state, "amqp://guest:guest@127.0.0.1:41112");
    assertEquals(41112, ExternalAddress.resolve(null, env, home).port());
  }

  @Test
  void portDefaultsBySchemeAndPasswordsAreRedacted() {
    assertEquals(5671, new ExternalAddress("amqps://u:secret@h/vh", "x").port());
    assertEquals("amqps://u:***@h/vh", new ExternalAddress("amqps://u:secret@h/vh", "x").redacted());
    assertEquals("amqp://h:5672", ExternalAddress.redact("amqp://h:5672"));
  }

  @Test
  void nonAmqpUriIsRefusedNamingItsSource() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExternalAddress.resolve(null, Map.of(ExternalAddress.ENV, "http://u:pw@h:15672"), home));
    assertEquals("RabbitMQ URI from BROKERBENCH_RABBITMQ_URI must be a URI starting amqp:// or amqps://,"
        + " found 'http://u:***@h:15672': scheme http",
        e.getMessage());
  }
}
