package org.proflog.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.proflog.model.Snapshot;

/** A whole input parsed for a test: the snapshots and the reader that produced them. */
record Parsed(List<Snapshot> snapshots, ProfLogReader reader) {

  static byte[] resource(String name) {
    try (InputStream in = Parsed.class.getResourceAsStream("/formats/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Parsed of(String resource) {
    return of(new ByteArrayInputStream(resource(resource)), resource, ParseOptions.defaults());
  }

  static Parsed text(String text) {
    return of(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
        "test.log",
        ParseOptions.defaults());
  }

  static Parsed of(InputStream in, String path, ParseOptions options) {
    ProfLogReader r = new ProfLogReader(in, path, options);
    List<Snapshot> out = new ArrayList<>();
    while (r.hasNext()) {
      out.add(r.next());
    }
    return new Parsed(out, r);
  }

  Snapshot first() {
    return snapshots.get(0);
  }

  Snapshot last() {
    return snapshots.get(snapshots.size() - 1);
  }

  List<Snapshot> expensive() {
    return snapshots.stream().filter(Snapshot::expensive).toList();
  }
}
