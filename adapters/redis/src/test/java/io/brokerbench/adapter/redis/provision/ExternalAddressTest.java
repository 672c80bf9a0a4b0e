package io.brokerbench.adapter.redis.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokerbench.provision.UserInfoUrl;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalAddressTest {

  @Test
  void theSettingWinsOverTheEnvironmentWhichWinsOverTheDefault() {
    Map<String, String> env = Map.of(ExternalAddress.ENV, "redis://10.1.2.3:6380/2");
    assertEquals(new ExternalAddress("redis://h:1", "the url setting"), ExternalAddress.resolve("redis://h:1", env));
    assertEquals(new ExternalAddress("redis://10.1.2.3:6380/2", ExternalAddress.ENV), ExternalAddress.resolve(null, env));
    ExternalAddress fallback = ExternalAddress.resolve(" ", Map.of());
    assertEquals("redis://127.0.0.1:6379", fallback.url());
    assertEquals("127.0.0.1", fallback.host());
    assertEquals(6379, fallback.port());
    assertEquals(6379, new ExternalAddress("rediss://example.org", "test").port());
  }

  @Test
  void credentialsNeverShow() {
    ExternalAddress a = new ExternalAddress("redis://user:secret@h:6379/0", "test");
    assertEquals("redis://***@h:6379/0", a.redacted());
    assertEquals("redis://***@h:6379/0 (from test)", a.toString());
    assertEquals("redis://***@h:6379", UserInfoUrl.redact("redis://:secret@h:6379"));
  }

  @Test
  void otherSchemesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ExternalAddress("nats://h:4222", "the url setting"));
    assertEquals("Redis URL from the url setting must be a URI starting redis:// or rediss://, found 'nats://h:4222':"
        + " scheme nats", e.getMessage());
  }
}
