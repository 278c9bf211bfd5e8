package org.proflog.enable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The profiling setup laid out as a zkg package directory.
 *
 * <p>{@code zkg.meta} follows the zkg "Package Metadata" documentation
 * (zeek/package-manager {@code doc/package.rst}): the file starts with the line {@code [package]}
 * (INI format; continuation lines are indented); {@code description} (zkg list shows its first
 * sentence); {@code tags} (comma-delimited); {@code script_dir} (a path relative to the package root
 * holding {@code __load__.zeek}, or {@code __load__.bro} for Bro); {@code depends} with the special
 * name {@code zeek} and a semantic-version requirement (no "v" prefix). There is no {@code version}
 * field: zkg takes versions from git tags, so none is written. zkg installs from a git repository,
 * which the README explains.
 *
 * @param files relative path (with {@code /}) to file content, sorted by path
 */
public record ZkgPackage(Map<String, String> files) {
  /** Name suggested for the package (and its directory). */
  public static final String DEFAULT_NAME = "proflog-profiling";

  /** Copies and freezes the map. */
  public ZkgPackage {
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** The package for {@code o}, named {@link #DEFAULT_NAME}. */
  public static ZkgPackage of(EnableOptions o) {
    return of(o, DEFAULT_NAME);
  }

  /**
   * The package for {@code o}. zkg names a package after the last component of its git URL or
   * path, so {@code name} should be the directory's name; the README uses it in its commands.
   */
  public static ZkgPackage of(EnableOptions o, String name) {
    ZeekVersion v = o.version();
    String ext = v.scriptExtension();
    Map<String, String> f = new TreeMap<>();
    f.put("zkg.meta", meta(o));
    f.put("README", readme(o, name));
    StringBuilder load = new StringBuilder();
    load.append("# Loads the prof.log setup");
    load.append(o.companion() ? " and the proflog companion.\n" : ".\n");
    load.append("@load ./").append(EnableScript.SCRIPT_BASE_NAME).append('\n');
    if (o.companion()) {
      String companion = CompanionScript.FILE_NAME.replace(".zeek", "");
      load.append("@load ./").append(companion).append("\n\n");
      load.append(EnableScript.companionSettings(o));
      f.put("scripts/" + CompanionScript.FILE_NAME, CompanionScript.source());
    }
    f.put("scripts/__load__." + ext, load.toString());
    f.put("scripts/" + EnableScript.SCRIPT_BASE_NAME + "." + ext,
        "# Turns prof.log on (" + v.label() + "); see the package README for the costs.\n"
            + EnableScript.setup(o));
    return new ZkgPackage(f);
  }

  private static String meta(EnableOptions o) {
    ZeekVersion v = o.version();
    StringBuilder b = new StringBuilder();
    b.append("[package]\n");
    b.append("description = Turns on ").append(v.isBro() ? "Bro" : "Zeek").append("'s prof.log profiling");
    b.append(" (every ").append(EnableScript.zeekInterval(o.intervalSeconds()))
        .append(", ").append(EnableScript.every(o.expensiveEvery(), "snapshot"))
        .append(" expensive).\n");
    if (o.companion()) {
      b.append("    On Zeek 5.1 and later it also writes the names and footprints of global\n");
      b.append("    containers into prof.log, so that proflog can name a growing table.\n");
    }
    b.append("tags = profiling, memory, monitoring, zeek scripting\n");
    b.append("script_dir = scripts\n");
    if (!v.isBro()) {
      b.append("depends =\n");
      b.append("    zeek >=").append(o.companion() ? "5.0.0" : "3.0.0").append('\n');
    }
    return b.toString();
  }

  private static String readme(EnableOptions o, String name) {
    String ext = o.version().scriptExtension();
    return name + "\n"
        + "=".repeat(name.length()) + "\n\n"
        + "Turns on prof.log for " + o.version().label() + (o.companion()
            ? " and adds the proflog companion script, which writes one line per large global\n"
                + "container into prof.log on expensive snapshots:\n\n"
                + "    <ts> proflog-global footprint=<n> entries=- name=<global>\n\n"
            : ".\n\n")
        + "Install (zkg installs from a git repository):\n\n"
        + "    cd " + name + " && git init -q && git add . && git commit -qm 'prof.log setup'\n"
        + "    zkg install ./\n"
        + "    zkg load " + name + "    # and '@load packages' in site/local." + ext + "\n\n"
        + (o.version().isBro()
            ? "bro-pkg releases before zkg 2.0 read bro-pkg.meta: copy zkg.meta to that name there.\n\n"
            : "")
        + "Without zkg, copy the scripts/ files to site/ and '@load' them from local." + ext + ".\n\n"
        + "Cost of the settings (as generated by 'proflog enable'):\n\n"
        + EnableScript.render(o).lines()
            .dropWhile(l -> !l.startsWith("# What it costs"))
            .takeWhile(l -> l.startsWith("#"))
            .map(l -> l.startsWith("#   ") ? "  " + l.substring(4) : l.substring(1).strip())
            .reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append)
        + "\nAnalyse the files with 'proflog analyze spool/'.\n";
  }

  /**
   * Writes the files under {@code dir}, creating it if needed.
   *
   * @param force overwrite when {@code dir} already holds files (files not in the package are kept)
   * @throws DirectoryNotEmptyException when {@code dir} has entries and {@code force} is false
   * @throws NotDirectoryException when {@code dir} exists and is not a directory
   */
  public void writeTo(Path dir, boolean force) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new NotDirectoryException(dir.toString());
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (!force && entries.findAny().isPresent()) {
          throw new DirectoryNotEmptyException(dir.toString());
        }
      }
    }
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
