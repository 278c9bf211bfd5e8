package org.proflog.watch;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.proflog.model.Era;
import org.proflog.model.Snapshot;
import org.proflog.parse.ParseOptions;
import org.proflog.parse.ProfLogReader;

/**
 * One file being parsed on its own thread into a queue of snapshots. The reader emits a snapshot
 * only when the next one starts (or the file ends), which is exactly when a live snapshot is known
 * to be complete (the 2.6+ Comm line has no newline of its own).
 */
final class FileParse {
  final String name;
  final ConcurrentLinkedQueue<Snapshot> out = new ConcurrentLinkedQueue<>();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Era era = Era.UNKNOWN;
  private volatile long problems;
  private volatile String error;
  boolean started;

  private final PushStream live;

  FileParse(String name, InputStream in, ParseOptions options) {
    this.name = name;
    this.live = in instanceof PushStream p ? p : null;
    Thread t = new Thread(() -> run(in, options), "proflog-watch-parse");
    t.setDaemon(true);
    t.start();
  }

  private void run(InputStream in, ParseOptions options) {
    try (ProfLogReader r = new ProfLogReader(in, name, options)) {
      while (r.hasNext()) {
        out.add(r.next());
        era = r.era();
        problems = r.problemCount();
      }
      era = r.era();
      problems = r.problemCount();
    } catch (IOException | RuntimeException e) {
      error = name + ": " + e.getMessage();
    } catch (OutOfMemoryError e) {
      error = name + ": out of memory while parsing (raise -Xmx with PROFLOG_JAVA_OPTS or lower --max-points)";
    } finally {
      done.countDown();
    }
  }

  boolean isDone() {
    return done.getCount() == 0;
  }

  /** Whether everything given so far has been parsed (what is left waits for more lines). */
  boolean idle() {
    return isDone() || (live != null && live.idle());
  }

  void await() throws InterruptedException {
    done.await();
  }

  Era era() {
    return era;
  }

  long problems() {
    return problems;
  }

  String error() {
    return error;
  }
}
