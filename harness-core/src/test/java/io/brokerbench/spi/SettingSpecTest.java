package io.brokerbench.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.spi.SettingSpec.Form;
import io.brokerbench.spi.SettingSpec.Range;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingSpecTest {
  static final SettingSpec INTERVAL = SettingSpec.integer("flush.interval-ms", "200", 1, 60_000, "ms between forces");
  static final SettingSpec SEGMENT = SettingSpec.size("segment.size", "64MiB", 1 << 10, 1 << 30, "segment size");
  static final SettingSpec LINGER = SettingSpec.millis("linger", "5ms", Duration.ZERO, Duration.ofMillis(Integer.MAX_VALUE), "linger");
  static final SettingSpec MAX_LENGTH = SettingSpec.integer("queue.max-length", "-1", Range.atLeast(0).or(-1, "no limit"), "most ready");
  static final SettingSpec URI = SettingSpec.text("uri", null, Form.uri("amqp", "amqps"), "server");
  static final SettingSpec SERVERS = SettingSpec.text("bootstrap-servers", null, Form.hostPorts(), "brokers");

  static String problem(SettingSpec spec, String value) {
    return spec.problem(value);
  }

  @Test
  void integerRangeAcceptsBothEndsAndRefusesBeyond() {
    assertNull(problem(INTERVAL, "1"));
    assertNull(problem(INTERVAL, "60000"));
    assertEquals("expects a whole number from 1 to 60000, found '0'", problem(INTERVAL, "0"));
    assertEquals("expects a whole number from 1 to 60000, found '60001'", problem(INTERVAL, "60001"));
    assertEquals("expects a whole number from 1 to 60000, found 'often'", problem(INTERVAL, "often"),
        "a value that is not a number names the range too");
  }

  @Test
  void sizeRangeIsWrittenInTheUnitsScenariosUse() {
    assertNull(problem(SEGMENT, "1KiB"));
    assertNull(problem(SEGMENT, "1GiB"));
    assertEquals("expects a size from 1KiB to 1GiB, found '1023B'", problem(SEGMENT, "1023B"));
    assertEquals("expects a size from 1KiB to 1GiB, found '1025MiB'", problem(SEGMENT, "1025MiB"));
    assertEquals("a size from 1KiB to 1GiB", SEGMENT.accepts());
  }

  @Test
  void millisecondDurationsRefuseFractionsOfAMillisecond() {
    assertNull(problem(LINGER, "0ms"));
    assertNull(problem(LINGER, "2147483647ms"));
    assertEquals("expects a duration from 0ms to 2147483647ms in whole milliseconds, found '1.5ms'", problem(LINGER, "1.5ms"));
    assertTrue(problem(LINGER, "2147483648ms").startsWith("expects a duration from 0ms to 2147483647ms"));
  }

  @Test
  void durationBoundsReadInHoursAndMinutes() {
    SettingSpec timer = SettingSpec.duration("t", "1s", Duration.ofMillis(1), SettingSpec.LONGEST_TIMER, "t");
    assertEquals("a duration from 1ms to 168h", timer.accepts());
    assertEquals("a duration from 1s to 10m",
        SettingSpec.duration("u", "1s", Duration.ofSeconds(1), Duration.ofMinutes(10), "u").accepts());
    assertEquals("a duration from 0s to 168h",
        SettingSpec.duration("v", "1s", Duration.ZERO, SettingSpec.LONGEST_TIMER, "v").accepts());
    assertEquals("a size from 0B to 1GiB", SettingSpec.size("w", "1KiB", 0, 1 << 30, "w").accepts());
  }

  @Test
  void aSpecialValueOutsideTheRangeIsAcceptedAndNamed() {
    assertNull(problem(MAX_LENGTH, "-1"));
    assertNull(problem(MAX_LENGTH, "0"));
    assertEquals("expects a whole number of at least 0, or -1 for no limit, found '-2'", problem(MAX_LENGTH, "-2"));
  }

  @Test
  void uriFormSaysWhatIsWrongAndHidesThePassword() {
    assertNull(problem(URI, "amqp://guest:guest@127.0.0.1:5672/vh"));
    assertNull(problem(URI, "amqps://host"));
    assertEquals("expects a URI starting amqp:// or amqps://, found 'http://u:***@h:15672': scheme http",
        problem(URI, "http://u:secret@h:15672"));
    assertEquals("expects a URI starting amqp:// or amqps://, found 'amqp:///vh': no host", problem(URI, "amqp:///vh"));
    assertTrue(problem(URI, "amqp://h o st").contains("not a URI"), problem(URI, "amqp://h o st"));
    assertFalse(problem(URI, "ftp://u:p4ss@h").contains("p4ss"));
    assertTrue(problem(URI, "amqp://h:70000").endsWith("port 70000 is not from 1 to 65535"), problem(URI, "amqp://h:70000"));
  }

  @Test
  void hostPortListsNeedAPortOnEveryEntry() {
    assertNull(problem(SERVERS, "127.0.0.1:9092"));
    assertNull(problem(SERVERS, "b1:9092, b2:9093,[::1]:9094"));
    assertEquals("expects host:port[,host:port], found 'b1:9092,b2': 'b2' has no port (host:port)", problem(SERVERS, "b1:9092,b2"));
    assertTrue(problem(SERVERS, "b1:0").contains("port 0 in 'b1:0' is not from 1 to 65535"));
    assertTrue(problem(SERVERS, "b1:9092,").contains("an empty entry between commas"));
    assertTrue(problem(SERVERS, ":9092").contains("no host"));
  }

  @Test
  void hostPortParsesIpv6AndToleratesAProtocolPrefixAsKafkaDoes() {
    assertEquals(List.of(new HostPort("::1", 9092), new HostPort("broker", 19092)),
        HostPort.parseList("[::1]:9092,PLAINTEXT://broker:19092"));
    assertEquals("[::1]:9092", new HostPort("::1", 9092).toString());
  }

  @Test
  void aDefaultOutsideItsOwnRangeIsADeclarationError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SettingSpec.integer("capacity", "1", 2, 100, "capacity"));
    assertTrue(e.getMessage().contains("setting capacity: its default does not pass its own check"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SettingSpec.text("uri", "http://x", Form.uri("amqp"), "u"));
  }

  @Test
  void aRangeNeedsANumberType() {
    assertThrows(IllegalArgumentException.class,
        () -> new SettingSpec("x", SettingType.STRING, null, "x", List.of(), Range.of(0, 1), null));
  }

  @Test
  void settingsReportTheSettingAndWhatItAccepts() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> Settings.of(List.of(INTERVAL, SEGMENT), Map.of("segment", Map.of("size", "2GiB"))));
    assertEquals("segment.size", e.setting());
    assertEquals("setting 'segment.size' expects a size from 1KiB to 1GiB, found '2GiB'", e.getMessage());
    assertEquals(1 << 10, Settings.of(List.of(SEGMENT), Map.of("segment.size", "1KiB")).getBytes("segment.size"),
        "the boundary passes");
  }

  @Test
  void checkedKeepsItsExpectationWording() {
    SettingSpec even = SettingSpec.checked("n", SettingType.INTEGER, null, "n",
        text -> Long.parseLong(text) % 2 == 0 ? null : "an even number");
    assertNull(even.problem("4"));
    assertEquals("expects an even number, found '3'", even.problem("3"));
    assertEquals("expects a whole number, found 'x'", even.problem("x"));
  }

  @Test
  void everyTypeWithoutARangeDescribesItself() {
    assertEquals("true or false", SettingSpec.of("b", SettingType.BOOLEAN, null, "b").accepts());
    assertEquals("a duration such as 250ms or 10s", SettingSpec.of("d", SettingType.DURATION, null, "d").accepts());
    assertEquals("one of a, b", SettingSpec.choice("c", "a", "c", "a", "b").accepts());
    assertEquals("a URI starting amqp:// or amqps://", URI.accepts());
  }
}
