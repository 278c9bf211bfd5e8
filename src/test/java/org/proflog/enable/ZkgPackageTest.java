package org.proflog.enable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zkg package layout, checked against the rules of zkg's "Package Metadata" documentation
 * (zeek/package-manager doc/package.rst): zkg.meta starts with {@code [package]}; known fields only;
 * {@code tags} comma-delimited; {@code script_dir} holds {@code __load__.zeek}/{@code .bro};
 * {@code depends} names {@code zeek} with a semantic version without "v"; no {@code version} field
 * (zkg takes versions from git tags).
 */
class ZkgPackageTest {
  private static final List<String> KNOWN_FIELDS = List.of("description", "aliases", "credits",
      "tags", "script_dir", "plugin_dir", "build_command", "user_vars", "test_command",
      "config_files", "depends", "external_depends", "suggests");

  private static ZkgPackage pkg(String version) {
    return ZkgPackage.of(EnableOptions.defaults(ZeekVersion.parse(version)));
  }

  /** Minimal INI reading as Python's configparser does it: indented lines continue a value. */
  private static Map<String, String> fields(String meta) {
    Map<String, String> f = new LinkedHashMap<>();
    String key = null;
    for (String line : meta.split("\n")) {
      if (line.isBlank() || line.startsWith("#") || line.equals("[package]")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        assertThat(key).as("continuation without a key: %s", line).isNotNull();
        f.put(key, (f.get(key) + "\n" + line.strip()).strip());
        continue;
      }
      int eq = line.indexOf('=');
      assertThat(eq).as("key = value: %s", line).isPositive();
      key = line.substring(0, eq).strip();
      f.put(key, line.substring(eq + 1).strip());
    }
    return f;
  }

  @Test
  void zeekPackageHasTheDocumentedLayout() {
    ZkgPackage p = pkg("8.0");
    assertThat(p.files().keySet()).containsExactly("README", "scripts/__load__.zeek",
        "scripts/proflog-companion.zeek", "scripts/proflog-profiling.zeek", "zkg.meta");
    String meta = p.files().get("zkg.meta");
    assertThat(meta).startsWith("[package]\n");
    Map<String, String> f = fields(meta);
    assertThat(KNOWN_FIELDS).containsAll(f.keySet());
    assertThat(f).doesNotContainKey("version");
    assertThat(f.get("script_dir")).isEqualTo("scripts");
    assertThat(f.get("description")).startsWith("Turns on Zeek's prof.log profiling").contains(".");
    assertThat(f.get("tags").split(",\\s*")).contains("profiling", "zeek scripting");
    assertThat(f.get("depends")).isEqualTo("zeek >=5.0.0");
    assertThat(f.get("depends")).doesNotContain("v5");
  }

  @Test
  void loadScriptLoadsFilesThatExist() {
    for (String version : List.of("2.6", "4.2", "6.2", "8.0")) {
      ZkgPackage p = pkg(version);
      String ext = ZeekVersion.parse(version).scriptExtension();
      String load = p.files().get("scripts/__load__." + ext);
      assertThat(load).as(version).isNotNull();
      Matcher m = Pattern.compile("(?m)^@load \\./(\\S+)$").matcher(load);
      int loads = 0;
      while (m.find()) {
        String target = m.group(1);
        assertThat(p.files()).as("%s loads %s", version, target)
            .satisfiesAnyOf(
                files -> assertThat(files).containsKey("scripts/" + target + "." + ext),
                files -> assertThat(files).containsKey("scripts/" + target + ".zeek"));
        loads++;
      }
      assertThat(loads).isEqualTo(ZeekVersion.parse(version).hasFootprints() ? 2 : 1);
    }
  }

  @Test
  void companionSettingsFollowTheCompanionInLoadOrder() {
    EnableOptions o = EnableOptions.of(ZeekVersion.parse("6.2"), "15s", 20, null, 1000, 3);
    String load = ZkgPackage.of(o).files().get("scripts/__load__.zeek");
    assertThat(load.indexOf("@load ./proflog-companion"))
        .isLessThan(load.indexOf("redef ProflogCompanion::min_footprint = 1000;"));
    assertThat(load).contains("redef ProflogCompanion::every_nth = 3;");
  }

  @Test
  void oldVersionsGetNoCompanionAndTheRightDependency() {
    ZkgPackage zeek42 = pkg("4.2");
    assertThat(zeek42.files()).doesNotContainKey("scripts/proflog-companion.zeek");
    assertThat(fields(zeek42.files().get("zkg.meta")).get("depends")).isEqualTo("zeek >=3.0.0");

    ZkgPackage bro = pkg("2.6");
    assertThat(bro.files()).containsKeys("scripts/__load__.bro", "scripts/proflog-profiling.bro");
    assertThat(bro.files()).doesNotContainKey("scripts/__load__.zeek");
    assertThat(fields(bro.files().get("zkg.meta"))).doesNotContainKey("depends");
  }

  @Test
  void setupScriptCarriesTheSettings() {
    EnableOptions o = EnableOptions.of(ZeekVersion.parse("3.2"), "2m", 5, null, 100, 1);
    String setup = ZkgPackage.of(o).files().get("scripts/proflog-profiling.zeek");
    assertThat(setup).contains("@load misc/profiling\n")
        .contains("redef profiling_interval = 2 mins;\n")
        .contains("redef expensive_profiling_multiple = 5;\n");
  }

  @Test
  void writesIntoAnEmptyOrNewDirectory(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("pkg");
    ZkgPackage p = pkg("8.0");
    p.writeTo(dir, false);
    for (Map.Entry<String, String> e : p.files().entrySet()) {
      assertThat(Files.readString(dir.resolve(e.getKey()))).isEqualTo(e.getValue());
    }
  }

  @Test
  void refusesANonEmptyDirectoryUnlessForced(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("mine.txt"), "keep me");
    ZkgPackage p = pkg("8.0");
    assertThatThrownBy(() -> p.writeTo(tmp, false)).isInstanceOf(DirectoryNotEmptyException.class);
    assertThat(tmp.resolve("zkg.meta")).doesNotExist();

    p.writeTo(tmp, true);
    assertThat(tmp.resolve("zkg.meta")).exists();
    assertThat(Files.readString(tmp.resolve("mine.txt"))).isEqualTo("keep me");
  }

  @Test
  void refusesAFile(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThatThrownBy(() -> pkg("8.0").writeTo(file, true))
        .isInstanceOf(NotDirectoryException.class);
  }
}
