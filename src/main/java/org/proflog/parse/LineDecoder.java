package org.proflog.parse;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.proflog.model.Comm;
import org.proflog.model.ConnProtocols;
import org.proflog.model.ConnSummary;
import org.proflog.model.Dns;
import org.proflog.model.GlobalFootprint;
import org.proflog.model.GlobalSize;
import org.proflog.model.LegacyComm;
import org.proflog.model.Memory;
import org.proflog.model.RuleMatcher;
import org.proflog.model.RunTime;
import org.proflog.model.Snapshot;
import org.proflog.model.Timers;
import org.proflog.model.Triggers;

/**
 * Decodes one logical line into the snapshot being built. The line kind is chosen from the first
 * bytes after the timestamp (no regex); fields are read by key with a {@link ByteCursor}. A line is
 * committed only when it parsed completely, so a failed attempt leaves nothing behind — the repair
 * of pasted text relies on that to try joins.
 */
final class LineDecoder {

  /** Where decoded lines go; implemented by the reader, which owns snapshot boundaries. */
  interface Sink {
    void separator(long ts);

    void commandLine(long ts, byte[] b, int s, int e);

    /**
     * The builder to write a line of {@code kind} into, or null to drop it (a duplicate of a line
     * that occurs once per snapshot; the first is kept).
     */
    SnapshotBuilder target(int kind, boolean single, long ts, boolean untimed);

    void segmentLine();

    /** A repeated once-per-snapshot row (kept first). */
    void duplicate(String what);

    /** A problem found in a line that was otherwise decoded. */
    void problem(String message);
  }

  static final int OK = 0;
  /** Parsed, and more text follows on the same physical line (the glued Comm line, Q1). */
  static final int REST = 1;
  static final int FAIL = 2;

  private static final byte[] SEPARATOR = bytes("------------------------");
  private static final byte[] MEMORY = bytes("Memory: total=");
  private static final byte[] TOTAL_ADJ = bytes("K total_adj=");
  private static final byte[] MALLOCED = bytes("K malloced: ");
  private static final byte[] RUN_TIME = bytes("Run-time: ");
  private static final byte[] USER_SYS = bytes("user+sys=");
  private static final byte[] USER = bytes(" user=");
  private static final byte[] SYS = bytes(" sys=");
  private static final byte[] REAL = bytes(" real=");
  private static final byte[] RULES = bytes("RuleMatcher: matchers=");
  private static final byte[] NFA = bytes(" nfa_states=");
  private static final byte[] DFA = bytes(" dfa_states=");
  private static final byte[] NCOMPUTED = bytes(" ncomputed=");
  private static final byte[] MEM = bytes(" mem=");
  private static final byte[] AVG_NFA = bytes("K avg_nfa_states=");
  private static final byte[] CONNS = bytes("Conns: ");
  private static final byte[] TOTAL = bytes("total=");
  private static final byte[] CURRENT = bytes(" current=");
  private static final byte[] EXT = bytes(" ext=");
  private static final byte[] AVG = bytes("K avg=");
  private static final byte[] TABLE = bytes(" table=");
  private static final byte[] CONNVALS = bytes("K connvals=");
  private static final byte[] TCP = bytes("tcp=");
  private static final byte[] UDP = bytes(" udp=");
  private static final byte[] ICMP = bytes(" icmp=");
  private static final byte[] COMMAND = bytes("Command line: ");
  private static final byte[] COMM = bytes("Comm: peers=");
  private static final byte[] STORES = bytes(" stores=");
  private static final byte[] PENDING_QUERIES = bytes(" pending_queries=");
  private static final byte[] EVENTS_IN = bytes(" events_in=");
  private static final byte[] EVENTS_OUT = bytes(" events_out=");
  private static final byte[] LOGS_IN = bytes(" logs_in=");
  private static final byte[] LOGS_OUT = bytes(" logs_out=");
  private static final byte[] IDS_IN = bytes(" ids_in=");
  private static final byte[] IDS_OUT = bytes(" ids_out=");
  private static final byte[] STORE_QUERIES = bytes(" store_queries=");
  private static final byte[] STORE_RESPONSES = bytes(" store_responses=");
  private static final byte[] OUTGOING = bytes(" outgoing_conn_status=");
  private static final byte[] INCOMING = bytes(" incoming_conn_status=");
  private static final byte[] REPORTS = bytes(" reports=");
  private static final byte[] COMPRESSOR = bytes("ConnCompressor: pending=");
  private static final byte[] EXPIRED = bytes("Connections expired due to inactivity: ");
  private static final byte[] TCP_STATES = bytes("TCP-States:");
  private static final byte[] INACT = bytes("Inact.");
  private static final byte[] RST = bytes("Rst.");
  private static final byte[][] TCP_LABELS = {
    bytes("Inact."), bytes("Syn."), bytes("SA"), bytes("Part."), bytes("Est."), bytes("Fin."), RST
  };
  private static final byte[] REASSEMBLER = bytes("Total reassembler data: ");
  private static final byte[] TABLE_TOTAL = bytes("Total number of table entries: ");
  private static final byte[] TIMERS = bytes("Timers: current=");
  private static final byte[] MAX = bytes(" max=");
  private static final byte[] LAG = bytes(" lag=");
  private static final byte[] DNS = bytes("DNS_Mgr: requests=");
  private static final byte[] SUCCES = bytes(" succes");
  private static final byte[] FUL = bytes("ful=");
  private static final byte[] FAILED = bytes(" failed=");
  private static final byte[] PENDING = bytes(" pending=");
  private static final byte[] CACHED_HOSTS = bytes(" cached_hosts=");
  private static final byte[] CACHED_ADDRS = bytes(" cached_addrs=");
  private static final byte[] TRIGGERS = bytes("Triggers: total=");
  private static final byte[] THREADS = bytes("Threads: current=");
  private static final byte[] GS_HEADER = bytes("Global_sizes > 100k: ");
  private static final byte[] GS_TOTAL = bytes("Global_sizes total: ");
  private static final byte[] FOOTPRINT = bytes("proflog-global footprint=");
  private static final byte[] ENTRIES_KEY = bytes(" entries=");
  private static final byte[] NAME_KEY = bytes(" name=");
  private static final byte[] SEGMENT = bytes("segment-");
  private static final byte[] EQUALS = bytes(" = ");
  private static final byte[] OPEN_ENTRIES = bytes(" (");
  private static final byte[] ENTRIES_CLOSE = bytes(" entries)");
  private static final byte[] ENTRIES = bytes(" entries");
  private static final byte[] SPACE_QUEUE = bytes(" (#queue r/w: in=");
  private static final byte[] IN_EQ = bytes("in=");
  private static final byte[] IN = bytes(" in=");
  private static final byte[] OUT = bytes(" out=");
  private static final byte[] DEQUEUED = bytes(" dequeued=");

  private final ByteCursor c = new ByteCursor();
  private final NameCache names;
  private final RowNames threadNames = new RowNames();
  private final RowNames timerNames = new RowNames();
  private final EraEvidence era;
  private final Sink sink;
  private final int[] tsEnd = new int[1];
  private final byte[] lastTs = new byte[24];
  private int lastTsLength;
  private long lastTsValue;
  /** The last timestamp as words at 0, 8 and its length - 8, when it is 16 to 24 bytes long. */
  private boolean tsWords;
  private long tsHead;
  private long tsMid;
  private long tsTail;

  /** After {@link #REST}: where the rest of the physical line starts. */
  int rest;
  /** After {@link #FAIL}: why. */
  String message;

  LineDecoder(NameCache names, EraEvidence era, Sink sink) {
    this.names = names;
    this.era = era;
    this.sink = sink;
  }

  static byte[] bytes(String s) {
    return s.getBytes(ISO_8859_1);
  }

  /** Whether the line starts with a timestamp. */
  boolean timestamped(byte[] b, int s, int e) {
    return ByteCursor.timestamp(b, s, e, tsEnd) >= 0;
  }

  /**
   * A line as Zeek writes it: a timestamp, one space and the body, or an untimestamped Broker
   * {@code dequeued} row of 2.4/2.5.
   */
  int decode(byte[] b, int s, int e) {
    long ts;
    int n = lastTsLength;
    if (n > 0 && e - s > n && b[s + n] == ' ' && sameTimestamp(b, s, n)) {
      // every line of a snapshot repeats the separator's timestamp: compare instead of parsing
      ts = lastTsValue;
      tsEnd[0] = s + n;
    } else {
      ts = ByteCursor.timestamp(b, s, e, tsEnd);
      if (ts >= 0) {
        n = tsEnd[0] - s;
        System.arraycopy(b, s, lastTs, 0, n);
        lastTsLength = n;
        lastTsValue = ts;
        tsWords = n >= 16 && n <= 24;
        if (tsWords) {
          tsHead = (long) LONGS.get(b, s);
          tsMid = (long) LONGS.get(b, s + 8);
          tsTail = (long) LONGS.get(b, s + n - 8);
        }
      }
    }
    if (ts < 0) {
      if (s < e && b[s] == ' ') {
        int q = skipBlanks(b, s, e);
        int e2 = trimEnd(b, q, e);
        if (q < e2 && isDigit(b[e2 - 1]) && dequeuedRow(b, q, e2, false) == OK) {
          return OK;
        }
      }
      return fail("unknown line");
    }
    int p = tsEnd[0];
    if (p >= e) {
      return fail("line has a timestamp only");
    }
    return body(b, p + 1, e, ts, false);
  }

  /**
   * Whether the line starts with the last timestamp ({@code n} bytes, the line longer than that).
   * A timestamp of network time, {@code 1700000005.828809}, is 17 bytes: three word compares that
   * overlap, with no loop.
   */
  private boolean sameTimestamp(byte[] b, int s, int n) {
    if (tsWords) {
      return (((long) LONGS.get(b, s) ^ tsHead)
              | ((long) LONGS.get(b, s + 8) ^ tsMid)
              | ((long) LONGS.get(b, s + n - 8) ^ tsTail))
          == 0;
    }
    return same(b, s, lastTs, n);
  }

  /** A line whose timestamp was lost (pasted text): the body alone, attached untimed. */
  int decodeUntimed(byte[] b, int s, int e) {
    return body(b, s, e, 0, true);
  }

  private int fail(String why) {
    message = why;
    return FAIL;
  }

  private int bad(String kind) {
    message = (c.overflow ? "number out of range in " : "unreadable ") + kind + " line";
    return FAIL;
  }

  private int body(byte[] b, int p, int e, long ts, boolean untimed) {
    if (p >= e) {
      return fail("empty line");
    }
    c.reset(b, p, e);
    switch (b[p]) {
      case ' ':
      case '\t':
        return rows(b, skipBlanks(b, p, e), e, ts, untimed);
      case '-':
        if (starts(b, p, e, SEPARATOR)) {
          c.pos = p + SEPARATOR.length;
          if (c.atEnd()) {
            threadNames.nextSnapshot();
            timerNames.nextSnapshot();
            sink.separator(ts);
            return OK;
          }
        }
        break;
      case 'M':
        if (starts(b, p, e, MEMORY)) {
          return memory(ts, untimed);
        }
        break;
      case 'R':
        if (starts(b, p, e, RUN_TIME)) {
          return runTime(ts, untimed);
        }
        if (starts(b, p, e, RULES)) {
          return rules(ts, untimed);
        }
        break;
      case 'C':
        if (starts(b, p, e, CONNS)) {
          return conns(b, ts, untimed);
        }
        if (starts(b, p, e, COMM)) {
          return comm(ts, untimed);
        }
        if (starts(b, p, e, EXPIRED)) {
          c.pos += EXPIRED.length;
          long v = c.num();
          if (!c.atEnd()) {
            return bad("Connections expired");
          }
          SnapshotBuilder t = sink.target(SnapshotBuilder.EXPIRED, true, ts, untimed);
          if (t != null) {
            t.expired = v;
          }
          return OK;
        }
        if (starts(b, p, e, COMMAND)) {
          sink.commandLine(ts, b, p + COMMAND.length, e);
          return OK;
        }
        if (starts(b, p, e, COMPRESSOR)) {
          // Bro 2.0 only, and almost always all zeros: recognised for the era, not kept.
          sink.target(SnapshotBuilder.COMPRESSOR, true, ts, untimed);
          era.restrict(1, 1);
          return OK;
        }
        break;
      case 'T':
        if (starts(b, p, e, TCP_STATES)) {
          return tcpStates(b, p + TCP_STATES.length, e, ts, untimed);
        }
        if (starts(b, p, e, TIMERS)) {
          return timers(ts, untimed);
        }
        if (starts(b, p, e, TRIGGERS)) {
          c.pos += TRIGGERS.length;
          long total = c.num();
          c.lit(PENDING);
          long pending = c.num();
          if (!c.atEnd()) {
            return bad("Triggers");
          }
          SnapshotBuilder t = sink.target(SnapshotBuilder.TRIGGERS, true, ts, untimed);
          if (t != null) {
            t.triggers = new Triggers(total, pending);
          }
          return OK;
        }
        if (starts(b, p, e, THREADS)) {
          c.pos += THREADS.length;
          long n = c.num();
          if (!c.atEnd()) {
            return bad("Threads");
          }
          SnapshotBuilder t = sink.target(SnapshotBuilder.THREADS, true, ts, untimed);
          if (t != null) {
            t.threadsCurrent = n;
          }
          era.restrict(2, 9);
          return OK;
        }
        if (starts(b, p, e, TABLE_TOTAL)) {
          c.pos += TABLE_TOTAL.length;
          long a = c.num();
          c.ch('/');
          long r = c.num();
          if (!c.atEnd()) {
            return bad("Total number of table entries");
          }
          SnapshotBuilder t = sink.target(SnapshotBuilder.TABLE_TOTAL, true, ts, untimed);
          if (t != null) {
            t.tableEntries = a;
            t.tableEntriesRecursive = r;
          }
          return OK;
        }
        if (starts(b, p, e, REASSEMBLER)) {
          c.pos += REASSEMBLER.length;
          long v = c.num();
          c.ch('K');
          if (!c.atEnd()) {
            return bad("Total reassembler data");
          }
          SnapshotBuilder t = sink.target(SnapshotBuilder.REASSEMBLER, true, ts, untimed);
          if (t != null) {
            t.reassemblerK = v;
          }
          era.restrict(1, 7);
          return OK;
        }
        break;
      case 'D':
        if (starts(b, p, e, DNS)) {
          return dns(b, ts, untimed);
        }
        break;
      case 'G':
        if (starts(b, p, e, GS_HEADER) || starts(b, p, e, GS_TOTAL)) {
          boolean header = b[p + 13] == '>';
          c.pos += header ? GS_HEADER.length : GS_TOTAL.length;
          long v = c.num();
          c.ch('K');
          if (!c.atEnd()) {
            return bad("Global_sizes");
          }
          int kind = header ? SnapshotBuilder.GS_HEADER : SnapshotBuilder.GS_TOTAL;
          SnapshotBuilder t = sink.target(kind, true, ts, untimed);
          if (t != null && !header) {
            t.gsTotalK = v;
          }
          era.restrict(1, 7);
          return OK;
        }
        break;
      case 'p':
        if (starts(b, p, e, FOOTPRINT)) {
          return footprint(b, e, ts, untimed);
        }
        break;
      case 's':
        if (starts(b, p, e, SEGMENT)) {
          sink.segmentLine();
          return OK;
        }
        break;
      default:
        break;
    }
    if (untimed) {
      return rows(b, p, e, ts, true);
    }
    return fail("unknown line");
  }

  private int memory(long ts, boolean untimed) {
    c.pos += MEMORY.length;
    long total = c.num();
    c.lit(TOTAL_ADJ);
    long adj = c.num();
    c.lit(MALLOCED);
    long malloced = c.num();
    c.ch('K');
    if (!c.atEnd()) {
      return bad("Memory");
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.MEMORY, true, ts, untimed);
    if (t != null) {
      t.memory = new Memory(total, adj, malloced);
    }
    return OK;
  }

  private int runTime(long ts, boolean untimed) {
    c.pos += RUN_TIME.length;
    c.lit(USER_SYS);
    double us = c.dec();
    c.lit(USER);
    double u = c.dec();
    c.lit(SYS);
    double sy = c.dec();
    c.lit(REAL);
    double r = c.dec();
    if (!c.atEnd()) {
      return bad("Run-time");
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.RUNTIME, true, ts, untimed);
    if (t != null) {
      t.runTime = new RunTime(us, u, sy, r);
    }
    return OK;
  }

  private int rules(long ts, boolean untimed) {
    c.pos += RULES.length;
    long matchers = c.num();
    long nfa = Snapshot.ABSENT;
    long avgNfa = Snapshot.ABSENT;
    long dfa;
    long ncomputed;
    long mem;
    boolean modern = c.peek(NFA);
    if (modern) {
      c.lit(NFA);
      nfa = c.num();
      c.lit(DFA);
      dfa = c.num();
      c.lit(NCOMPUTED);
      ncomputed = c.num();
      c.lit(MEM);
      mem = c.num();
      c.ch('K');
    } else {
      c.lit(DFA);
      dfa = c.num();
      c.lit(NCOMPUTED);
      ncomputed = c.num();
      c.lit(MEM);
      mem = c.num();
      c.lit(AVG_NFA);
      avgNfa = c.num();
    }
    if (!c.atEnd()) {
      return bad("RuleMatcher");
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.RULES, true, ts, untimed);
    if (t != null) {
      t.rules = new RuleMatcher(matchers, nfa, dfa, ncomputed, mem, avgNfa);
    }
    if (modern) {
      era.restrict(4, 9);
    } else {
      era.restrict(1, 3);
    }
    return OK;
  }

  private int conns(byte[] b, long ts, boolean untimed) {
    c.pos += CONNS.length;
    if (c.peek(TCP)) {
      c.lit(TCP);
      long tcp = c.num();
      c.ch('/');
      long tcpMax = c.num();
      c.lit(UDP);
      long udp = c.num();
      c.ch('/');
      long udpMax = c.num();
      c.lit(ICMP);
      long icmp = c.num();
      c.ch('/');
      long icmpMax = c.num();
      if (!c.atEnd()) {
        return bad("Conns");
      }
      SnapshotBuilder t = sink.target(SnapshotBuilder.PROTOCOLS, true, ts, untimed);
      if (t != null) {
        t.protocols = new ConnProtocols(tcp, tcpMax, udp, udpMax, icmp, icmpMax);
      }
      return OK;
    }
    c.lit(TOTAL);
    long total = c.num();
    c.lit(CURRENT);
    long objects = c.num();
    c.ch('/');
    long sessions = c.num();
    long ext = Snapshot.ABSENT;
    if (c.peek(EXT)) {
      c.lit(EXT);
      ext = c.num();
    }
    boolean estimates = c.peek(MEM);
    long mem = Snapshot.ABSENT;
    double avg = Double.NaN;
    long table = Snapshot.ABSENT;
    long connvals = Snapshot.ABSENT;
    if (estimates) {
      c.lit(MEM);
      mem = c.num();
      c.lit(AVG);
      avg = c.dec();
      c.lit(TABLE);
      table = c.num();
      c.lit(CONNVALS);
      connvals = c.num();
      c.ch('K');
    }
    if (!c.atEnd()) {
      return bad("Conns");
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.CONNS, true, ts, untimed);
    if (t != null) {
      t.conns =
          new ConnSummary(total, objects, sessions, ext, estimates, mem, avg, table, connvals);
    }
    if (ext != Snapshot.ABSENT) {
      era.restrict(1, 5);
    } else if (estimates) {
      era.restrict(6, 7);
    } else {
      era.restrict(8, 9);
    }
    return OK;
  }

  private int comm(long ts, boolean untimed) {
    c.pos += COMM.length;
    long peers = c.num();
    c.lit(STORES);
    long stores = c.num();
    if (!c.peek(PENDING_QUERIES)) {
      c.lit(STORE_QUERIES);
      long queries = c.num();
      c.lit(STORE_RESPONSES);
      long responses = c.num();
      c.lit(OUTGOING);
      long outgoing = c.num();
      c.lit(INCOMING);
      long incoming = c.num();
      c.lit(REPORTS);
      long reports = c.num();
      if (!c.atEnd()) {
        return bad("Comm");
      }
      SnapshotBuilder t = sink.target(SnapshotBuilder.LEGACY_COMM, true, ts, untimed);
      if (t != null) {
        t.legacyComm = new long[] {peers, stores, queries, responses, outgoing, incoming, reports};
      }
      era.restrict(3, 4);
      return OK;
    }
    c.lit(PENDING_QUERIES);
    long pending = c.num();
    c.lit(EVENTS_IN);
    long eventsIn = c.num();
    c.lit(EVENTS_OUT);
    long eventsOut = c.num();
    c.lit(LOGS_IN);
    long logsIn = c.num();
    c.lit(LOGS_OUT);
    long logsOut = c.num();
    c.lit(IDS_IN);
    long idsIn = c.num();
    c.lit(IDS_OUT);
    long idsOut = c.num();
    if (c.fail) {
      return bad("Comm");
    }
    int after = -1;
    if (c.pos < c.end) {
      if (c.b[c.pos] != ' ') {
        return bad("Comm");
      }
      int q = c.pos + 1;
      // Q1: no newline after the Comm line, so the next line's text follows on this one.
      int r = q;
      while (r < c.end && (c.b[r] == ' ' || c.b[r] == '\t')) {
        r++;
      }
      if (r < c.end) {
        after = q;
      }
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.COMM, true, ts, untimed);
    if (t != null) {
      t.comm = new Comm(peers, stores, pending, eventsIn, eventsOut, logsIn, logsOut, idsIn, idsOut);
    }
    era.restrict(5, 9);
    if (after >= 0) {
      rest = after;
      return REST;
    }
    return OK;
  }

  private int tcpStates(byte[] b, int p, int e, long ts, boolean untimed) {
    if (p < e && b[p] == ' ') {
      int q = skipBlanks(b, p, e);
      int e2 = trimEnd(b, q, e);
      if (starts(b, q, e2, INACT) && e2 - q >= RST.length && starts(b, e2 - RST.length, e2, RST)) {
        sink.target(SnapshotBuilder.TCP_HEADER, true, ts, untimed);
        return OK;
      }
      return bad("TCP-States header");
    }
    int row = -1;
    for (int i = 0; i < TCP_LABELS.length; i++) {
      if (starts(b, p, e, TCP_LABELS[i])) {
        row = i;
        break;
      }
    }
    if (row < 0) {
      return bad("TCP-States");
    }
    for (int i = p + TCP_LABELS[row].length; i < Math.min(e, p + 8); i++) {
      if (b[i] != ' ') {
        return bad("TCP-States");
      }
    }
    long c0 = 0;
    long c1 = 0;
    long c2 = 0;
    long c3 = 0;
    long c4 = 0;
    long c5 = 0;
    long c6 = 0;
    int shift = 0;
    boolean glued = false;
    for (int j = 0; j < 7; j++) {
      int off = p + 8 + 8 * j + shift;
      long v = 0;
      if (off + 8 <= e && (long) LONGS.get(b, off) == SPACES) {
        continue; // an empty cell (most are): v stays 0
      }
      if (off < e && b[off] != ' ') {
        c.reset(b, off, e);
        v = c.num();
        if (c.fail) {
          return bad("TCP-States");
        }
        int len = c.pos - off;
        if (len >= 8) {
          glued = true;
          shift += len - 8;
        } else {
          for (int k = c.pos; k < Math.min(e, off + 8); k++) {
            if (b[k] != ' ') {
              return bad("TCP-States");
            }
          }
        }
      }
      switch (j) {
        case 0 -> c0 = v;
        case 1 -> c1 = v;
        case 2 -> c2 = v;
        case 3 -> c3 = v;
        case 4 -> c4 = v;
        case 5 -> c5 = v;
        default -> c6 = v;
      }
    }
    SnapshotBuilder t = sink.target(0, false, ts, untimed);
    if (t == null) {
      return OK;
    }
    int bit = 1 << row;
    if ((t.tcpRows & bit) != 0) {
      // Pasted text repeats rows (Q14): the first one stands.
      t.untimed -= untimed ? 1 : 0;
      sink.duplicate("TCP-States row " + new String(TCP_LABELS[row], ISO_8859_1));
      return OK;
    }
    t.tcpRows |= bit;
    long[] cells = t.tcpCells();
    int base = row * 7;
    cells[base] = c0;
    cells[base + 1] = c1;
    cells[base + 2] = c2;
    cells[base + 3] = c3;
    cells[base + 4] = c4;
    cells[base + 5] = c5;
    cells[base + 6] = c6;
    if (glued) {
      t.tcpGlued = true;
      sink.problem("TCP-States count of eight or more digits: following cells may be glued");
    }
    return OK;
  }

  private int timers(long ts, boolean untimed) {
    c.pos += TIMERS.length;
    long current = c.num();
    c.lit(MAX);
    long max = c.num();
    long mem = Snapshot.ABSENT;
    if (c.peek(MEM)) {
      c.lit(MEM);
      mem = c.num();
      c.ch('K');
    }
    c.lit(LAG);
    double lag = c.dec();
    c.ch('s');
    if (!c.atEnd()) {
      return bad("Timers");
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.TIMERS, true, ts, untimed);
    if (t != null) {
      t.timers = new Timers(current, max, mem, lag);
    }
    if (mem != Snapshot.ABSENT) {
      era.restrict(1, 5);
    } else {
      era.restrict(6, 9);
    }
    return OK;
  }

  private int dns(byte[] b, long ts, boolean untimed) {
    c.pos += DNS.length;
    long requests = c.num();
    c.lit(SUCCES);
    boolean fixed = c.pos < c.end && b[c.pos] == 's';
    if (fixed) {
      c.pos++;
    }
    c.lit(FUL);
    long ok = c.num();
    c.lit(FAILED);
    long failed = c.num();
    c.lit(PENDING);
    long pending = c.num();
    c.lit(CACHED_HOSTS);
    long hosts = c.num();
    c.lit(CACHED_ADDRS);
    long addrs = c.num();
    if (!c.atEnd()) {
      return bad("DNS_Mgr");
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.DNS, true, ts, untimed);
    if (t != null) {
      t.dns = new Dns(requests, ok, failed, pending, hosts, addrs);
    }
    if (fixed) {
      era.restrict(9, 9);
    } else {
      era.restrict(1, 8);
    }
    return OK;
  }

  private int footprint(byte[] b, int e, long ts, boolean untimed) {
    c.pos += FOOTPRINT.length;
    long footprint = c.num();
    c.lit(ENTRIES_KEY);
    long entries = Snapshot.ABSENT;
    if (c.pos < e && b[c.pos] == '-' && (c.pos + 1 == e || b[c.pos + 1] == ' ')) {
      c.pos++;
    } else {
      entries = c.num();
    }
    c.lit(NAME_KEY);
    if (c.fail || c.pos >= e) {
      return bad("proflog-global");
    }
    String name = names.intern(b, c.pos, e);
    SnapshotBuilder t = sink.target(0, false, ts, untimed);
    if (t != null) {
      t.footprints.add(new GlobalFootprint(name, footprint, entries));
    }
    return OK;
  }

  /** Indented rows: timer types, threads, per-global sizes, unnamed table rows. */
  private int rows(byte[] b, int q, int e, long ts, boolean untimed) {
    int e2 = trimEnd(b, q, e);
    if (q >= e2) {
      return fail("unknown line");
    }
    byte last = b[e2 - 1];
    if (last == ')') {
      if (ends(b, q, e2, ENTRIES_CLOSE)) {
        return globalRow(b, q, e2, ts, untimed);
      }
      return threadRow(b, q, e2, ts, untimed);
    }
    if (last == 'K') {
      return globalRow(b, q, e2, ts, untimed);
    }
    if (last == 's' && ends(b, q, e2, ENTRIES)) {
      return tableRow(b, q, e2, ts, untimed);
    }
    if (isDigit(last)) {
      int r = timerRow(b, q, e2, ts, untimed);
      if (r != OK && untimed) {
        return dequeuedRow(b, q, e2, true);
      }
      return r;
    }
    return fail("unknown line");
  }

  private int timerRow(byte[] b, int q, int e, long ts, boolean untimed) {
    String predicted = timerNames.predict(b, q, e);
    if (predicted != null && b[q + timerNames.predictedLength()] == ' ') {
      // the row the previous snapshot had here: no search for the name's end, no hashing
      c.reset(b, q + timerNames.predictedLength(), e);
      c.lit(EQUALS);
      long n = c.num();
      if (c.atEnd()) {
        SnapshotBuilder t = sink.target(0, false, ts, untimed);
        if (t != null) {
          timerNames.takenPredicted();
          t.addTimer(predicted, n);
        }
        return OK;
      }
    }
    int sp = indexOf(b, q, e, (byte) ' ');
    if (sp <= q) {
      return fail("unknown line");
    }
    c.reset(b, sp, e);
    c.lit(EQUALS);
    long n = c.num();
    if (!c.atEnd()) {
      return bad("timer");
    }
    SnapshotBuilder t = sink.target(0, false, ts, untimed);
    if (t != null) {
      String name = names.intern(b, q, sp);
      if (names.created) {
        era.timerName(name);
      }
      timerNames.taken(name, names.lastKey);
      t.addTimer(name, n);
    }
    return OK;
  }

  private int threadRow(byte[] b, int q, int e, long ts, boolean untimed) {
    String predicted = threadNames.predict(b, q, e);
    if (predicted != null && threadCounters(b, q + threadNames.predictedLength(), e)) {
      // the row the previous snapshot had here, read front to back in one pass
      SnapshotBuilder t = sink.target(0, false, ts, untimed);
      if (t != null) {
        threadNames.takenPredicted();
        addThread(t, predicted);
      }
      return OK;
    }
    int lp = e - 1;
    while (lp >= q && b[lp] != '(') {
      lp--;
    }
    if (lp <= q) {
      return fail("unknown line");
    }
    // the name ends before the last " in=" ahead of the queue counters; the rest is then read as
    // after a predicted name
    int k = lastIndexOf(b, q, lp, IN);
    if (k < q) {
      return bad("thread");
    }
    int nameEnd = trimEnd(b, q, k);
    if (nameEnd <= q || !threadCounters(b, nameEnd, e)) {
      return bad("thread");
    }
    SnapshotBuilder t = sink.target(0, false, ts, untimed);
    if (t != null) {
      String name = names.intern(b, q, nameEnd);
      threadNames.taken(name, names.lastKey);
      addThread(t, name);
    }
    return OK;
  }

  // The counters of the thread row being read (both paths fill them before addThread; a line
  // that fails leaves them for the next).
  private long tIn;
  private long tOut;
  private long tPendingIn;
  private long tPendingOut;
  private long tInReads;
  private long tInWrites;
  private long tOutReads;
  private long tOutWrites;

  private void addThread(SnapshotBuilder t, String name) {
    t.addThread(name, tIn, tOut, tPendingIn, tPendingOut, tInReads, tInWrites, tOutReads, tOutWrites);
  }

  /**
   * The rest of a thread row after its name, {@code <blanks>in=N out=N pending=N/N (#queue r/w:
   * in=N/N out=N/N)}, into the counter fields. False on any difference: after a predicted name the
   * general path then reads the line; after the name it found, the line is bad.
   */
  private boolean threadCounters(byte[] b, int p, int e) {
    int q = skipBlanks(b, p, e);
    if (b[q - 1] != ' ') {
      return false; // the name ends at " in=", never at a tab
    }
    ByteCursor k = c;
    k.reset(b, q, e);
    k.lit(IN_EQ);
    tIn = k.num();
    k.lit(OUT);
    tOut = k.num();
    k.lit(PENDING);
    tPendingIn = k.num();
    k.ch('/');
    tPendingOut = k.num();
    k.lit(SPACE_QUEUE);
    tInReads = k.num();
    k.ch('/');
    tInWrites = k.num();
    k.lit(OUT);
    tOutReads = k.num();
    k.ch('/');
    tOutWrites = k.num();
    k.ch(')');
    return k.atEnd();
  }

  private int globalRow(byte[] b, int q, int e, long ts, boolean untimed) {
    int sp = indexOf(b, q, e, EQUALS);
    if (sp <= q) {
      return fail("unknown line");
    }
    c.reset(b, sp, e);
    c.lit(EQUALS);
    long size = c.num();
    c.ch('K');
    long entries = Snapshot.ABSENT;
    long recursive = Snapshot.ABSENT;
    if (c.peek(OPEN_ENTRIES)) {
      c.lit(OPEN_ENTRIES);
      entries = c.num();
      c.ch('/');
      recursive = c.num();
      c.lit(ENTRIES_CLOSE);
    }
    if (!c.atEnd()) {
      return bad("global size");
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.GLOBAL_ROWS, false, ts, untimed);
    if (t != null) {
      t.globals.add(
          new GlobalSize(names.intern(b, q, sp), t.namedRows++, size, entries, recursive));
    }
    era.restrict(1, 7);
    return OK;
  }

  private int tableRow(byte[] b, int q, int e, long ts, boolean untimed) {
    c.reset(b, q, e);
    long entries = c.num();
    c.ch('/');
    long recursive = c.num();
    c.lit(ENTRIES);
    if (!c.atEnd()) {
      return bad("table entries");
    }
    SnapshotBuilder t = sink.target(SnapshotBuilder.GLOBAL_ROWS, false, ts, untimed);
    if (t != null) {
      t.globals.add(new GlobalSize(null, t.unnamedRows++, Snapshot.ABSENT, entries, recursive));
    }
    era.restrict(8, 9);
    return OK;
  }

  /** {@code <topic> prints|events|logs dequeued=N}, the untimestamped rows of 2.4/2.5 Broker builds. */
  private int dequeuedRow(byte[] b, int q, int e, boolean untimed) {
    int d = lastIndexOf(b, q, e, DEQUEUED);
    if (d <= q) {
      return fail("unknown line");
    }
    c.reset(b, d, e);
    c.lit(DEQUEUED);
    long n = c.num();
    if (!c.atEnd()) {
      return bad("dequeued");
    }
    int kindStart = d;
    while (kindStart > q && b[kindStart - 1] != ' ') {
      kindStart--;
    }
    int topicEnd = trimEnd(b, q, kindStart);
    if (topicEnd <= q || kindStart == d) {
      return bad("dequeued");
    }
    SnapshotBuilder t = sink.target(0, false, 0, untimed);
    if (t != null) {
      t.dequeued.add(
          new LegacyComm.Dequeued(
              names.intern(b, q, topicEnd), names.intern(b, kindStart, d), n));
    }
    era.restrict(3, 4);
    return OK;
  }

  static boolean isDigit(byte x) {
    return x >= '0' && x <= '9';
  }

  /** Eight spaces, as one little-endian word. */
  private static final long SPACES = 0x2020202020202020L;

  static int skipBlanks(byte[] b, int p, int e) {
    // Indentation and TCP-States columns are runs of spaces: eight at a time first.
    while (p + 8 <= e && (long) LONGS.get(b, p) == SPACES) {
      p += 8;
    }
    while (p < e && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  static int trimEnd(byte[] b, int s, int e) {
    while (e - 8 >= s && (long) LONGS.get(b, e - 8) == SPACES) {
      e -= 8;
    }
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
      e--;
    }
    return e;
  }

  static boolean starts(byte[] b, int p, int e, byte[] l) {
    int n = l.length;
    return e - p >= n && b[p] == l[0] && same(b, p, l, n);
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Whether {@code b[p, p+n)} equals {@code l[0, n)}; eight bytes per step (hot: every line). */
  static boolean same(byte[] b, int p, byte[] l, int n) {
    int k = 0;
    for (; k + 8 <= n; k += 8) {
      if ((long) LONGS.get(b, p + k) != (long) LONGS.get(l, k)) {
        return false;
      }
    }
    for (; k < n; k++) {
      if (b[p + k] != l[k]) {
        return false;
      }
    }
    return true;
  }

  static boolean ends(byte[] b, int s, int e, byte[] l) {
    return e - s >= l.length && starts(b, e - l.length, e, l);
  }

  static int indexOf(byte[] b, int s, int e, byte x) {
    for (int i = s; i < e; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  static int indexOf(byte[] b, int s, int e, byte[] l) {
    for (int i = s; i + l.length <= e; i++) {
      if (b[i] == l[0] && starts(b, i, e, l)) {
        return i;
      }
    }
    return -1;
  }

  static int lastIndexOf(byte[] b, int s, int e, byte[] l) {
    for (int i = e - l.length; i >= s; i--) {
      if (b[i] == l[0] && starts(b, i, e, l)) {
        return i;
      }
    }
    return -1;
  }
}
