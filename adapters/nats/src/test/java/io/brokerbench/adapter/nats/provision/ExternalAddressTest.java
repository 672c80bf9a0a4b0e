package io.brokerbench.adapter.nats.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.provision.UserInfoUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalAddressTest {

  @Test
  void theSettingWinsOverTheEnvironmentWhichWinsOverTheDefault() {
    Map<String, String> env = Map.of(ExternalAddress.ENV, "nats://10.1.2.3:4333");
    assertEquals(new ExternalAddress("nats://h:1", "the url setting"), ExternalAddress.resolve("nats://h:1", env));
    assertEquals(new ExternalAddress("nats://10.1.2.3:4333", ExternalAddress.ENV), ExternalAddress.resolve(null, env));
    ExternalAddress fallback = ExternalAddress.resolve(" ", Map.of());
    assertEquals("nats://127.0.0.1:4222", fallback.url());
    assertEquals("127.0.0.1", fallback.host());
    assertEquals(4222, fallback.port());
    assertEquals(4222, new ExternalAddress("nats://example.org", "test").port());
  }

  @Test
  void credentialsNeverShow() {
    ExternalAddress a = new ExternalAddress("nats://user:secret@h:4222", "test");
    assertEquals("nats://***@h:4222", a.redacted());
    assertEquals("nats://***@h:4222 (from test)", a.toString());
    assertEquals("nats://***@h:4222", UserInfoUrl.redact("nats://token@h:4222"));
  }

  @Test
  void otherSchemesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ExternalAddress("amqp://h:5672", "the url setting"));
    assertEquals("NATS URL from the url setting must start with nats:// or tls://, found 'amqp://h:5672'", e.getMessage());
  }
}
