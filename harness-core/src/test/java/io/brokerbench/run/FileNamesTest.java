package io.brokerbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void aNameNeverLeavesItsFolderAndIsNeverEmpty() {
    assertEquals(".._x", FileNames.safe("../x"));
    assertEquals("_..", FileNames.safe(".."));
    assertEquals("_", FileNames.safe(""));
    assertEquals("a_b_c", FileNames.safe("a/b\\c"));
  }

  @Test
  void aLongNameIsCutToTheLimit() {
    assertEquals(FileNames.MAX_LENGTH, FileNames.safe("n".repeat(5000)).length());
  }

  @Test
  void namesThatOnlyDifferInUnsafeCharactersOrCaseGetTheirOwnFiles() {
    FileNames names = new FileNames(List.of("a/b", "a_b", "A_B", "a/b"));
    assertEquals(List.of("a_b", "a_b-2", "A_B-3"), List.of(names.of("a/b"), names.of("a_b"), names.of("A_B")));
  }
}
