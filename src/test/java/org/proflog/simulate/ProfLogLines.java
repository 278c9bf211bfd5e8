package org.proflog.simulate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only reader of generated text: splits physical lines, un-glues Comm lines and classifies
 * each logical line with the regexes of PROFLOG-FORMAT.md §11.2. Deliberately independent of the
 * real parser.
 */
final class ProfLogLines {
  static final String TS = "(\\d+\\.\\d{6})";
  static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

  static {
    k("SEP", "^TS -{24}\\s*$");
    k("CMDLINE", "^TS Command line: (.*)$");
    k("MEMORY", "^TS Memory: total=(-?\\d+)K total_adj=(-?\\d+)K malloced: (-?\\d+)K\\s*$");
    k("RUNTIME", "^TS Run-time: user\\+sys=(\\S+) user=(\\S+) sys=(\\S+) real=(\\S+)\\s*$");
    k("CONNPROTO", "^TS Conns: tcp=(\\d+)/(\\d+) udp=(\\d+)/(\\d+) icmp=(\\d+)/(\\d+)\\s*$");
    k("CONNS", "^TS Conns: total=(-?\\d+) current=(\\d+)/(-?\\d+)(?: ext=(\\d+))?(?: mem=(-?\\d+)K avg=(\\S+) table=(\\d+)K connvals=(\\d+)K)?\\s*$");
    k("CONNCOMP", "^TS ConnCompressor: pending=(\\d+) pending_in_mem=(\\d+) full_conns=(\\d+) pending\\+real=(\\d+) mem=(\\d+)K avg=(\\S+)/(\\S+)\\s*$");
    k("TCPHDR", "^TS TCP-States:\\s+Inact\\.\\s+Syn\\.\\s+SA\\s+Part\\.\\s+Est\\.\\s+Fin\\.\\s+Rst\\.\\s*$");
    k("TCPROW", "^TS TCP-States:((?:Inact\\.|Syn\\.|SA|Part\\.|Est\\.|Fin\\.|Rst\\.).*)$");
    k("EXPIRED", "^TS Connections expired due to inactivity: (-?\\d+)\\s*$");
    k("REASM", "^TS Total reassembler data: (\\d+)K\\s*$");
    k("RULES_OLD", "^TS RuleMatcher: matchers=(-?\\d+) dfa_states=(-?\\d+) ncomputed=(-?\\d+) mem=(-?\\d+)K avg_nfa_states=(-?\\d+)\\s*$");
    k("RULES", "^TS RuleMatcher: matchers=(-?\\d+) nfa_states=(-?\\d+) dfa_states=(-?\\d+) ncomputed=(-?\\d+) mem=(-?\\d+)K\\s*$");
    k("TIMERS", "^TS Timers: current=(\\d+) max=(\\d+)(?: mem=(-?\\d+)K)? lag=(-?\\d+\\.\\d{2})s\\s*$");
    k("DNS", "^TS DNS_Mgr: requests=(\\d+) (succes{1,2}ful)=(\\d+) failed=(\\d+) pending=(\\d+) cached_hosts=(\\d+) cached_addrs=(\\d+)\\s*$");
    k("TRIGGERS", "^TS Triggers: total=(\\d+) pending=(\\d+)\\s*$");
    k("THREADS", "^TS Threads: current=(\\d+)\\s*$");
    k("THREADROW", "^TS   (.*?) +in=(\\d+) out=(\\d+) pending=(\\d+)/(\\d+) \\(#queue r/w: in=(\\d+)/(\\d+) out=(\\d+)/(\\d+)\\)\\s*$");
    k("COMM", "^TS Comm: peers=(\\d+) stores=(\\d+) pending_queries=(\\d+) events_in=(\\d+) events_out=(\\d+) logs_in=(\\d+) logs_out=(\\d+) ids_in=(\\d+) ids_out=(\\d+) ?(.*)$");
    k("GS_HDR", "^TS Global_sizes > 100k: (\\d+)K\\s*$");
    k("GS_ROW", "^TS\\s+(\\S+) = (\\d+)K(?: \\((-?\\d+)/(-?\\d+) entries\\))?\\s*$");
    k("TBL_ROW", "^TS\\s+(-?\\d+)/(-?\\d+) entries\\s*$");
    k("GS_TOTAL", "^TS Global_sizes total: (-?\\d+)K\\s*$");
    k("TBL_TOTAL", "^TS Total number of table entries: (-?\\d+)/(-?\\d+)\\s*$");
    k("COMPANION", "^TS proflog-global footprint=(\\d+) entries=(\\d+) name=(\\S+)$");
    k("TIMERTYPE", "^TS\\s+([A-Za-z]+) = (-?\\d+)\\s*$");
  }

  private static void k(String name, String re) {
    KINDS.put(name, Pattern.compile(re.replace("TS", TS)));
  }

  private static final Pattern COMM_GLUE = Pattern.compile("^(" + TS + " Comm: peers=.* ids_out=\\d+ )(.+)$");

  /** One logical line with its kind and match. */
  record Line(String kind, String text, Matcher m) {
    String g(int i) {
      return m.group(i);
    }

    long n(int i) {
      return Long.parseLong(m.group(i));
    }

    String ts() {
      return m.group(1);
    }
  }

  /** Physical lines of the text; a missing final newline keeps the last line. */
  static List<String> physical(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** Logical lines, Comm un-glued, each classified; unknown lines have kind UNKNOWN. */
  static List<Line> logical(byte[] bytes) {
    List<Line> out = new ArrayList<>();
    for (String p : physical(bytes)) {
      String rest = p;
      while (rest != null) {
        Matcher g = COMM_GLUE.matcher(rest);
        String now = rest;
        rest = null;
        if (g.matches()) {
          now = g.group(1);
          rest = g.group(3);
        }
        out.add(classify(now));
      }
    }
    return out;
  }

  static Line classify(String text) {
    for (Map.Entry<String, Pattern> e : KINDS.entrySet()) {
      Matcher m = e.getValue().matcher(text);
      if (m.matches()) {
        return new Line(e.getKey(), text, m);
      }
    }
    return new Line("UNKNOWN", text, null);
  }

  /** Snapshots: a SEP starts one unless the previous line was a Command line. */
  static List<List<Line>> snapshots(List<Line> lines) {
    List<List<Line>> out = new ArrayList<>();
    String prev = "";
    for (Line l : lines) {
      if (l.kind().equals("SEP") && !prev.equals("CMDLINE")) {
        out.add(new ArrayList<>());
      }
      if (out.isEmpty()) {
        out.add(new ArrayList<>());
      }
      out.get(out.size() - 1).add(l);
      prev = l.kind();
    }
    return out;
  }

  /** Kinds of a snapshot with runs of repeated row kinds collapsed to one. */
  static List<String> shape(List<Line> snapshot) {
    List<String> out = new ArrayList<>();
    for (Line l : snapshot) {
      String k = l.kind();
      if (!out.isEmpty() && out.get(out.size() - 1).equals(k)
          && (k.equals("TIMERTYPE") || k.equals("THREADROW") || k.equals("GS_ROW")
              || k.equals("TBL_ROW") || k.equals("TCPROW") || k.equals("COMPANION"))) {
        continue;
      }
      out.add(k);
    }
    return out;
  }
}
