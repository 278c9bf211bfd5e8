package org.proflog.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.proflog.model.Era;
import org.proflog.model.ParseProblem;
import org.proflog.model.Snapshot;
import org.proflog.model.SnapshotData;

/**
 * Reads a Zeek/Bro {@code prof.log} as a stream of {@link Snapshot}s, one at a time, never holding
 * more than one snapshot and one buffer of the file.
 *
 * <pre>{@code
 * try (ProfLogReader r = new ProfLogReader(in, "spool/worker-1/prof.log", ParseOptions.defaults())) {
 *   while (r.hasNext()) {
 *     Snapshot s = r.next();
 *     ...
 *   }
 *   r.problems().forEach(p -> err.println(p));   // path:line: message
 * }
 * }</pre>
 *
 * <p>{@link #drainTo} is the push form of the same reading (views instead of Snapshot objects), and
 * {@link #fed} makes a reader that is handed bytes instead of reading a stream (a live file).
 *
 * <p><b>Lines.</b> Every line kind of every era (G1 Bro 2.0 to G9 Zeek 6.1+) is recognised from
 * the bytes after its timestamp; numbers are read straight from the buffer. The {@code Comm:} line
 * of 2.6+ has no newline, so the text after {@code ids_out=<n> } is read as the next line (the next
 * separator, the first expensive line, a companion line...). {@code segment-} lines are skipped
 * and counted. A line that fits no pattern becomes a {@link ParseProblem} and is skipped.
 *
 * <p><b>Snapshots.</b> A separator starts a snapshot, except the one that closes the
 * {@code Command line:} block; the next separator or the end of the input ends it. A snapshot is
 * <em>partial</em> when it lacks a line it must have: no {@code Triggers:} line, no
 * {@code Threads:} / {@code Comm:} line although the era (or an earlier snapshot of the file) has
 * them, an expensive snapshot without its {@code Total number of table entries:} line, or no
 * separator at all (the input began mid-snapshot). This is judged for every snapshot, so a crashed
 * process followed by a restart in a concatenated file is flagged too.
 *
 * <p><b>Pasted text.</b> When a line fails, and only then, the reader tries the repairs of
 * PROFLOG-FORMAT.md §11.1 step 6: blanks around the line, non-breaking spaces and Markdown escapes
 * are removed; bare timestamps and {@code ...} lines are skipped; a line without a timestamp that
 * does not parse alone is joined to the failed line before it (hard wraps, up to four pieces); a
 * line that parses without its timestamp is attached to the current snapshot and counted in
 * {@link Snapshot#untimedLines()}. With no snapshot to attach to (an excerpt such as a lone
 * {@code Memory:} line), an excerpt snapshot is started: its {@code timeMicros} is 0, its
 * {@code untimedLines} is above 0 and it is marked partial; {@code ...} ends it. Repaired lines are
 * counted in {@link #repairedLines()}. Strict mode does none of this.
 *
 * <p><b>Era.</b> Each line kind narrows the range of Zeek generations it is compatible with
 * (PROFLOG-FORMAT.md §5.2: {@code ConnCompressor} → G1, {@code ext=} → ≤ G5, slim {@code Conns} →
 * ≥ G8, {@code successful} → G9, {@code avg=-nan} with no sessions → ≤ G6, timer names, and what a
 * complete snapshot lacks). {@link #eraMin()}/{@link #eraMax()} give the range; {@link #era()} the
 * oldest era in it, {@link Era#UNKNOWN} until anything discriminating was seen.
 *
 * <p><b>Errors.</b> Only I/O fails ({@link UncheckedIOException}); in strict mode the first
 * problem throws {@link ParseException}. Not thread-safe.
 */
public final class ProfLogReader implements Iterator<Snapshot>, Closeable {

  private static final int MAX_JOINED_PIECES = 4;

  private final String path;
  private final ParseOptions options;
  private final InputStream in;
  private final LineSource src;
  private final LineDecoder decoder;
  private final EraEvidence era = new EraEvidence();
  private final ArrayDeque<Snapshot> ready = new ArrayDeque<>(4);
  private final List<ParseProblem> problems = new ArrayList<>();
  private final SnapshotBuilder builder = new SnapshotBuilder();

  /** Where snapshots go during {@link #drainTo}; null while pulling. */
  private Consumer<? super SnapshotData> viewSink;
  private boolean open;
  private boolean inCommandLine;
  private boolean finished;
  private long problemCount;
  private long repaired;
  private long segmentLines;
  private boolean sawThreads;
  private boolean sawComm;
  private long currentLine;

  private byte[] scratch = new byte[256];
  private byte[] pending;
  private int pendingLength;
  private int pendingPieces;
  private long pendingLine;
  private String pendingMessage;

  /**
   * @param in the bytes of one prof.log (decompress first); closed by {@link #close()}
   * @param path the name used in problems
   * @param options strictness and limits
   */
  public ProfLogReader(InputStream in, String path, ParseOptions options) {
    this.path = path;
    this.options = options;
    this.in = in;
    this.src = new LineSource(in, options.maxLineBytes(), this::longLine);
    this.decoder = new LineDecoder(new NameCache(), era, new Assembly());
  }

  /** A sequential stream of the snapshots; closing the stream closes the reader. */
  public static Stream<Snapshot> stream(InputStream in, String path, ParseOptions options) {
    ProfLogReader r = new ProfLogReader(in, path, options);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(r, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(
            () -> {
              try {
                r.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /**
   * A reader of bytes given to it with {@link #feed} rather than read from a stream, for a file that
   * is still being written: {@link #hasNext()} and {@link #drainTo} read what was fed so far and
   * return, and reading goes on where it stopped after the next feed. As with a stream, a snapshot
   * comes out when the next one starts; {@link #endOfInput()} releases the last one (as partial,
   * if it is). Everything runs on the caller's thread.
   */
  public static ProfLogReader fed(String path, ParseOptions options) {
    return new ProfLogReader(new FeedStream(), path, options);
  }

  /** Hands bytes (any cut: lines may be split across feeds) to a reader made by {@link #fed}. */
  public void feed(byte[] b, int off, int len) {
    feedStream().add(b, off, len);
  }

  /** No more bytes will be fed: the rest is read as the end of the file. */
  public void endOfInput() {
    feedStream().end();
  }

  /** Bytes fed and not yet parsed (0 for a reader of a stream). */
  public long queuedBytes() {
    return in instanceof FeedStream f ? f.queued() : 0;
  }

  /** Whether everything there is to read has been read (the input ended and was parsed). */
  public boolean finished() {
    return finished && ready.isEmpty();
  }

  private FeedStream feedStream() {
    if (!(in instanceof FeedStream f)) {
      throw new IllegalStateException("not a fed reader: " + path);
    }
    return f;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !finished && step()) {
      // read on
    }
    return !ready.isEmpty();
  }

  /**
   * Reads one physical line, or finishes at the end of the input; false when a fed input has no
   * complete line yet.
   */
  private boolean step() {
    if (src.next()) {
      currentLine = src.lineNo;
      physicalLine(src.buf, src.start, src.end);
      return true;
    }
    if (src.starved()) {
      return false;
    }
    currentLine = src.lineNo;
    flushPending();
    if (open) {
      close(false);
    }
    finished = true;
    return true;
  }

  /**
   * Reads the rest of the input (of a {@link #fed} reader: what was fed so far) and passes each
   * snapshot to {@code sink}, in order, as a view that is valid only during that call (it is the
   * snapshot being assembled: keep what you need, not the view). This builds no {@link Snapshot}
   * and no per-row objects, which makes it the fast way to read a file into series. Snapshots that
   * {@link #hasNext()} had already read are passed first. Problems, era and counts are available
   * afterwards as with {@link #next()}.
   */
  public void drainTo(Consumer<? super SnapshotData> sink) {
    while (!ready.isEmpty()) {
      sink.accept(ready.poll());
    }
    viewSink = sink;
    try {
      while (!finished && step()) {
        // read on
      }
    } catch (SinkFailure f) {
      throw (RuntimeException) f.getCause();
    } finally {
      viewSink = null;
    }
  }

  /**
   * What the consumer of {@link #drainTo} threw, carried past the line handling (which turns an
   * exception of its own into a problem of that line) and rethrown as it was.
   */
  private static final class SinkFailure extends RuntimeException {
    SinkFailure(RuntimeException cause) {
      super(null, cause, false, false);
    }
  }

  @Override
  public Snapshot next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  /** The era decided so far: the oldest still possible, {@link Era#UNKNOWN} before any evidence. */
  public Era era() {
    return era.guess();
  }

  /** The oldest era compatible with everything seen so far. */
  public Era eraMin() {
    return era.min();
  }

  /** The newest era compatible with everything seen so far. */
  public Era eraMax() {
    return era.max();
  }

  /** All problems found so far (more than {@link #problems()} may hold). */
  public long problemCount() {
    return problemCount;
  }

  /** The first {@link ParseOptions#maxProblemsKept()} problems. */
  public List<ParseProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** Physical lines consumed by the repair of pasted text (rejoined, re-timed, skipped, unglued). */
  public long repairedLines() {
    return repaired;
  }

  /** {@code segment-} lines skipped (segment profiling, Zeek up to 6.1). */
  public long segmentLines() {
    return segmentLines;
  }

  /** Physical lines read so far, an unterminated last line included. */
  public long lineCount() {
    return src.lineNo;
  }

  /** Bytes read from the input so far. */
  public long bytesRead() {
    return src.bytesRead;
  }

  @Override
  public void close() throws IOException {
    src.close();
  }

  // ---------------------------------------------------------------- line handling

  private void physicalLine(byte[] b, int s, int e) {
    if (inCommandLine && !startsWithTimestamp(b, s, e)) {
      continuation(b, s, e);
      return;
    }
    logicalLine(b, s, e, false);
  }

  /** One logical line; {@code copy} when {@code b} is the scratch buffer that repairs reuse. */
  private void logicalLine(byte[] b, int s, int e, boolean copy) {
    int r;
    try {
      r = decoder.decode(b, s, e);
    } catch (ParseException | SinkFailure pe) {
      throw pe;
    } catch (RuntimeException ex) {
      report(currentLine, "unreadable line (" + ex.getClass().getSimpleName() + ")");
      return;
    }
    if (r == LineDecoder.FAIL) {
      if (options.strict()) {
        report(currentLine, decoder.message + ": " + snippet(b, s, e));
      } else {
        repair(b, s, e);
      }
      return;
    }
    flushPending();
    if (r == LineDecoder.REST) {
      rest(b, decoder.rest, e, copy);
    }
  }

  private void rest(byte[] b, int s, int e, boolean copy) {
    if (copy) {
      byte[] c = Arrays.copyOfRange(b, s, e);
      logicalLine(c, 0, c.length, false);
    } else {
      logicalLine(b, s, e, false);
    }
  }

  private static boolean startsWithTimestamp(byte[] b, int s, int e) {
    int p = LineDecoder.skipBlanks(b, s, e);
    int q = p;
    while (q < e && LineDecoder.isDigit(b[q])) {
      q++;
    }
    if (q == p || q + 7 > e || b[q] != '.') {
      return false;
    }
    for (int i = 1; i <= 6; i++) {
      if (!LineDecoder.isDigit(b[q + i])) {
        return false;
      }
    }
    return q + 7 == e || b[q + 7] == ' ' || b[q + 7] == '\t';
  }

  private void continuation(byte[] b, int s, int e) {
    StringBuilder cl = builder.commandLine;
    if (cl == null) {
      return;
    }
    if (repaired > 0) {
      // Pasted text: the break is a hard wrap, not a newline inside an argument.
      int p = LineDecoder.skipBlanks(b, s, e);
      int q = LineDecoder.trimEnd(b, p, e);
      if (cl.length() > 0 && cl.charAt(cl.length() - 1) != ' ') {
        cl.append(' ');
      }
      cl.append(new String(b, p, q - p, ISO_8859_1));
      repaired++;
    } else {
      cl.append('\n').append(new String(b, s, e - s, ISO_8859_1));
    }
  }

  // ---------------------------------------------------------------- repair of pasted text

  private void repair(byte[] b, int s, int e) {
    String firstMessage = decoder.message;
    if (scratch.length < e - s) {
      scratch = new byte[Math.max(e - s, scratch.length * 2)];
    }
    byte[] n = scratch;
    int len = PastedText.normalize(b, s, e, n);
    if (len == 0) {
      flushPending();
      repaired++;
      return;
    }
    if (PastedText.isElision(n, len)) {
      flushPending();
      if (open && builder.excerpt) {
        close(false);
      }
      repaired++;
      return;
    }
    boolean timed = decoder.timestamped(n, 0, len);
    if (timed && LineDecoder.skipBlanks(n, tsLength(n, len), len) == len) {
      flushPending(); // a bare timestamp whose row moved elsewhere (Q14)
      repaired++;
      return;
    }
    if (inCommandLine && !timed) {
      continuation(n, 0, len);
      return;
    }
    if (attempt(n, 0, len, timed)) {
      flushPending();
      repaired++;
      return;
    }
    if (pending != null && !timed) {
      if (join(n, len, true) || join(n, len, false)) {
        return;
      }
      if (pendingPieces < MAX_JOINED_PIECES) {
        append(n, len, true);
        pendingPieces++;
        return;
      }
    }
    flushPending();
    pending = ensure(pending, len);
    System.arraycopy(n, 0, pending, 0, len);
    pendingLength = len;
    pendingPieces = 1;
    pendingLine = currentLine;
    pendingMessage = firstMessage + ": " + snippet(n, 0, len);
  }

  private static int tsLength(byte[] n, int len) {
    int p = 0;
    while (p < len && n[p] != ' ') {
      p++;
    }
    return p;
  }

  /** Decodes a repaired line (timestamped or not); true if it was taken. */
  private boolean attempt(byte[] n, int s, int e, boolean timed) {
    int r;
    try {
      r = timed ? decoder.decode(n, s, e) : decoder.decodeUntimed(n, s, e);
    } catch (ParseException | SinkFailure pe) {
      throw pe;
    } catch (RuntimeException ex) {
      return false;
    }
    if (r == LineDecoder.FAIL) {
      return false;
    }
    if (r == LineDecoder.REST) {
      rest(n, decoder.rest, e, true);
    }
    return true;
  }

  /** Tries the pending failed line joined with this one; true if the join decoded. */
  private boolean join(byte[] n, int len, boolean space) {
    int saved = pendingLength;
    append(n, len, space);
    byte[] joined = pending;
    int jl = pendingLength;
    boolean timed = decoder.timestamped(joined, 0, jl);
    // decode from a copy: a REST remainder or a later repair must not see the buffer change
    byte[] copy = Arrays.copyOf(joined, jl);
    if (attempt(copy, 0, jl, timed)) {
      repaired += pendingPieces + 1;
      pending = null;
      pendingLength = 0;
      return true;
    }
    pendingLength = saved;
    return false;
  }

  private void append(byte[] n, int len, boolean space) {
    pending = ensure(pending, pendingLength + len + 1);
    if (space) {
      pending[pendingLength++] = ' ';
    }
    System.arraycopy(n, 0, pending, pendingLength, len);
    pendingLength += len;
  }

  /** The start of a bad line, quoted, for its problem message (so the user sees what was skipped). */
  static String snippet(byte[] b, int s, int e) {
    StringBuilder sb = new StringBuilder("'");
    int end = Math.min(e, s + 60);
    for (int i = s; i < end; i++) {
      int c = b[i] & 0xff;
      sb.append(c >= 0x20 && c != 0x7f ? (char) c : '?');
    }
    return sb.append(e > end ? "...'" : "'").toString();
  }

  private static byte[] ensure(byte[] a, int size) {
    if (a == null) {
      return new byte[Math.max(128, size)];
    }
    return a.length >= size ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
  }

  private void flushPending() {
    if (pending != null) {
      String m = pendingMessage;
      long at = pendingLine;
      pending = null;
      pendingLength = 0;
      report(at, m);
    }
  }

  // ---------------------------------------------------------------- snapshots

  private void open(long ts) {
    builder.start(currentLine, ts);
    open = true;
  }

  private void close(boolean bySeparator) {
    SnapshotBuilder t = builder;
    open = false;
    boolean timedWhole = !t.excerpt && !t.headless && t.untimed == 0;
    if (bySeparator && timedWhole && t.has(SnapshotBuilder.TRIGGERS)) {
      // What a complete snapshot lacks says something about the era too (§5.2).
      if (!t.has(SnapshotBuilder.THREADS)) {
        era.restrict(1, 1);
      } else if (!t.has(SnapshotBuilder.COMM | SnapshotBuilder.LEGACY_COMM)) {
        era.restrict(2, 4);
      }
      if (t.has(SnapshotBuilder.CONNS) && !t.has(SnapshotBuilder.REASSEMBLER)) {
        era.restrict(8, 9);
      }
    }
    if (t.conns != null
        && t.conns.hasEstimates()
        && t.conns.currentSessions() == 0
        && (t.seen & SnapshotBuilder.EXPENSIVE) != 0) {
      // 0/0 prints -nan up to 3.2; 4.0 fixed it to 0.0 (Q6).
      if (Double.isNaN(t.conns.avg())) {
        era.restrict(1, 6);
      } else {
        era.restrict(7, 9);
      }
    }
    boolean partial =
        t.excerpt
            || t.headless
            || !t.has(SnapshotBuilder.TRIGGERS)
            || ((sawThreads || era.minOrdinal() >= 2) && !t.has(SnapshotBuilder.THREADS))
            || ((sawComm || era.minOrdinal() >= 5)
                && !t.has(SnapshotBuilder.COMM | SnapshotBuilder.LEGACY_COMM))
            || ((t.seen & SnapshotBuilder.EXPENSIVE) != 0 && !t.has(SnapshotBuilder.TABLE_TOTAL));
    sawThreads |= t.has(SnapshotBuilder.THREADS);
    sawComm |= t.has(SnapshotBuilder.COMM | SnapshotBuilder.LEGACY_COMM);
    t.partial = partial;
    if (viewSink != null) {
      try {
        viewSink.accept(t);
      } catch (RuntimeException e) {
        throw new SinkFailure(e); // the consumer's, not the line's: out of drainTo as it was thrown
      }
    } else {
      ready.add(t.build());
    }
  }

  private void report(long line, String message) {
    problemCount++;
    boolean keep = problems.size() < options.maxProblemsKept();
    if (keep || options.strict()) {
      ParseProblem p = new ParseProblem(path, line, message);
      if (keep) {
        problems.add(p);
      }
      if (options.strict()) {
        throw new ParseException(p);
      }
    }
  }

  private void longLine(long lineNo) {
    report(lineNo, "line longer than " + options.maxLineBytes() + " bytes (skipped)");
  }

  /** Receives decoded lines and decides which snapshot they belong to. */
  private final class Assembly implements LineDecoder.Sink {

    @Override
    public void separator(long ts) {
      if (inCommandLine) {
        inCommandLine = false;
        return;
      }
      if (open) {
        close(true);
      }
      open(ts);
    }

    @Override
    public void commandLine(long ts, byte[] b, int s, int e) {
      SnapshotBuilder t = target(0, false, ts, false);
      int q = e;
      if (q > s && b[q - 1] == ' ') {
        q--; // every argument is followed by one space, the last one too
      }
      t.commandLine = new StringBuilder(new String(b, s, q - s, ISO_8859_1));
      inCommandLine = true;
    }

    @Override
    public SnapshotBuilder target(int kind, boolean single, long ts, boolean untimed) {
      // any data line ends the Command line block, even if its closing separator went missing
      inCommandLine = false;
      SnapshotBuilder t = builder;
      if (!open) {
        open(ts);
        if (untimed) {
          t.excerpt = true;
          t.timeMicros = 0;
        } else {
          t.headless = true;
          report(currentLine, "snapshot has no separator line (input starts mid-snapshot)");
        }
      } else if (single && untimed && t.excerpt && t.has(kind)) {
        close(false);
        open(0);
        t.excerpt = true;
      }
      if (single && t.has(kind)) {
        duplicate("line");
        return null;
      }
      t.seen |= kind;
      if (untimed) {
        t.untimed++;
      }
      return t;
    }

    @Override
    public void segmentLine() {
      segmentLines++;
    }

    @Override
    public void duplicate(String what) {
      if (repaired > 0) {
        repaired++;
      } else {
        report(currentLine, "duplicate " + what + " in one snapshot (first kept)");
      }
    }

    @Override
    public void problem(String message) {
      ProfLogReader.this.report(currentLine, message);
    }
  }
}
