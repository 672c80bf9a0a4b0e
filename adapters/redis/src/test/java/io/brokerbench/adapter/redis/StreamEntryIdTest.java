package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamEntryIdTest {

  @Test
  void idsOrderByMillisecondsThenSequenceAsNumbersNotText() {
    assertTrue(StreamEntryId.parse("9-5").compareTo(StreamEntryId.parse("10-0")) < 0);
    assertTrue(StreamEntryId.parse("10-9").compareTo(StreamEntryId.parse("10-10")) < 0);
    assertEquals(0, StreamEntryId.parse("1796322704904-0").compareTo(new StreamEntryId(1796322704904L, 0)));
    assertTrue(StreamEntryId.ZERO.compareTo(StreamEntryId.parse("0-1")) < 0);
  }

  @Test
  void theFullUnsignedRangeParsesAndPrintsBack() {
    String max = "18446744073709551615-18446744073709551615";
    assertEquals(max, StreamEntryId.parse(max).toString());
    assertTrue(StreamEntryId.parse("1-0").compareTo(StreamEntryId.parse(max)) < 0, "unsigned, not negative");
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad : new String[] {"", "12", "-1", "1-", "a-1", "1-2-3", "$", ">"}) {
      assertThrows(IllegalArgumentException.class, () -> StreamEntryId.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> StreamEntryId.parse(null));
  }
}
