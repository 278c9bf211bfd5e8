package org.proflog.enable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZeekVersionTest {
  @ParameterizedTest
  @CsvSource({"8,8.0", "8.0,8.0", "6.2.1,6.2", "v3.2.4,3.2", "9.0.0-rc1,9.0", "2.6,2.6",
      "9.x,9.0", "zeek-5.1.3,5.1", " 4.2 ,4.2"})
  void readsCommonSpellings(String text, String expected) {
    assertThat(ZeekVersion.parse(text)).hasToString(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "banana", "8.0.0.0", "8,0", "-1", "8.0 beta"})
  void rejectsGarbage(String text) {
    assertThatThrownBy(() -> ZeekVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a Zeek version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "10.0", "0.9"})
  void rejectsVersionsOutsideTheSupportedRange(String text) {
    assertThatThrownBy(() -> ZeekVersion.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("supported: 2.0 to 9.x");
  }

  @Test
  void featureBoundariesFollowTheFormatSpec() {
    assertThat(ZeekVersion.parse("4.2").hasFootprints()).isFalse();
    assertThat(ZeekVersion.parse("5.0").hasFootprints()).isTrue();
    assertThat(ZeekVersion.parse("5.0").profLogNamesGlobals()).isTrue();
    assertThat(ZeekVersion.parse("5.1").profLogNamesGlobals()).isFalse();
    assertThat(ZeekVersion.parse("2.6").scriptExtension()).isEqualTo("bro");
    assertThat(ZeekVersion.parse("3.0").scriptExtension()).isEqualTo("zeek");
    assertThat(ZeekVersion.parse("2.6").label()).isEqualTo("Bro 2.6");
  }
}
