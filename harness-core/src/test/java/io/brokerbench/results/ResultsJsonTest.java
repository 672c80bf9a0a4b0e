package io.brokerbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultsJsonTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"schemaVersion\": 2} | no \"runs\" list",
      "{\"schemaVersion\": 2, \"runs\": {}} | no \"runs\" list",
      "{\"schemaVersion\": 2, \"runs\": [3]} | runs[0] is not an object",
      "{\"schemaVersion\": 2, \"runs\": [{\"workload\": \"w\", \"status\": \"ok\", \"repetition\": 1}]} | runs[0] has no \"target\" text",
      "{\"schemaVersion\": 2, \"runs\": [{\"target\": \"t\", \"workload\": \"w\", \"status\": \"fine\", \"repetition\": 1}]} | runs[0].status \"fine\" is not one of",
      "{\"schemaVersion\": 2, \"runs\": [{\"target\": \"t\", \"workload\": \"w\", \"status\": \"ok\"}]} | runs[0] has no \"repetition\" number",
      "{\"schemaVersion\": 2, \"runs\": [{\"target\": \"t\", \"workload\": \"w\", \"status\": \"ok\", \"repetition\": 1, \"throughput\": 5}]} | at runs[0].throughput: Cannot construct instance of ThroughputRecord"})
  void anIncompleteResultsFileIsRefusedSayingWhatIsMissing(String json, String expected) throws Exception {
    Files.writeString(dir.resolve(ResultsJson.FILE_NAME), json);
    InvalidResultsException e = assertThrows(InvalidResultsException.class, () -> ResultsJson.read(dir));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(!e.getMessage().contains("line -1") && !e.getMessage().contains("com.fasterxml"), e.getMessage());
  }

  @Test
  void aWrittenDocumentReadsBackWithItsPlan() throws Exception {
    ResultsDocument doc = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, "r", null, null, List.of(),
        List.of(new PlannedRun("loopback", "w", 1)));
    ResultsJson.write(dir, doc);
    assertEquals(doc.planned(), ResultsJson.read(dir).planned());
    assertEquals(doc.planned(), ResultsJson.read(dir).notRun());
  }
}
