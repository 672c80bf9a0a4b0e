package io.brokerbench.benchmarks.queue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Baseline beside {@link DurableConfirmBenchmark}: one thread appending a 125-byte record (a
 * 100-byte message's journal record) and forcing it, as a journal without group commit would for
 * every confirm. The score is forces per second on this disk, i.e. the confirm rate one message
 * per force can reach; the durable benchmark's rate divided by this one is what group commit buys.
 * Same directory as the durable benchmark (the default temporary directory).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FsyncBaseline -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class FsyncBaselineBenchmark {
  private Path file;
  private RandomAccessFile out;
  private final byte[] record = new byte[125];

  @Setup(Level.Trial)
  public void open() throws IOException {
    file = Files.createTempFile("fsync-baseline", ".journal");
    out = new RandomAccessFile(file.toFile(), "rw");
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    out.close();
    Files.deleteIfExists(file);
  }

  @Benchmark
  public void appendAndForce() throws IOException {
    if (out.getFilePointer() > (64L << 20)) out.seek(0);
    out.write(record);
    out.getFD().sync();
  }
}
