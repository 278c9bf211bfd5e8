package org.proflog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.proflog.model.NodeId;
import org.proflog.source.DiscoveredInputs;
import org.proflog.source.InputSource;

/**
 * The sample cluster bundled in the jar (a copy of {@code samples/cluster}): its nodes are the
 * ones its {@code truth.json} lists, each with {@code spool/<node>/prof.log}.
 */
final class SampleInputs {
  static final String ROOT = "/org/proflog/sample/cluster/";

  private SampleInputs() {}

  static DiscoveredInputs discover() {
    TreeMap<NodeId, List<InputSource>> nodes = new TreeMap<>();
    try (InputStream truth = SampleInputs.class.getResourceAsStream(ROOT + "truth.json")) {
      if (truth == null) {
        throw new IllegalStateException("the bundled sample is missing from this build");
      }
      JsonNode t = new ObjectMapper().readTree(truth);
      for (JsonNode n : t.get("nodes")) {
        String name = n.isTextual() ? n.asText() : n.get("name").asText();
        String res = ROOT + "spool/" + name + "/prof.log";
        NodeId id = new NodeId(name);
        nodes.put(id, List.of(new InputSource(id, "sample:spool/" + name + "/prof.log", null, () -> open(res))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DiscoveredInputs(nodes, new ArrayList<>());
  }

  private static InputStream open(String res) throws IOException {
    InputStream in = SampleInputs.class.getResourceAsStream(res);
    if (in == null) {
      throw new IOException(res + ": missing from the bundled sample");
    }
    return in;
  }
}
