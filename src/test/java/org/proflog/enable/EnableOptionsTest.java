package org.proflog.enable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnableOptionsTest {
  @ParameterizedTest
  @CsvSource({"10s,10", "10,10", "10 secs,10", "2m,120", "2 mins,120", "1h,3600", "1 hr,3600",
      "24h,86400"})
  void parsesIntervals(String text, long seconds) {
    assertThat(EnableOptions.parseInterval(text)).isEqualTo(seconds);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "fast", "0s", "1.5s", "25h", "-5s", "10 parsecs"})
  void rejectsBadIntervals(String text) {
    assertThatThrownBy(() -> EnableOptions.parseInterval(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void companionDefaultsToOnFromZeek50() {
    assertThat(EnableOptions.defaults(ZeekVersion.parse("4.2")).companion()).isFalse();
    assertThat(EnableOptions.defaults(ZeekVersion.parse("5.0")).companion()).isTrue();
    assertThat(EnableOptions.defaults(ZeekVersion.parse("8.0")).companion()).isTrue();
  }

  @Test
  void companionCannotBeForcedBeforeZeek50() {
    assertThatThrownBy(() -> EnableOptions.of(ZeekVersion.parse("3.2"), "15s", 20, true, 100, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already names the globals in prof.log");
  }

  @Test
  void rejectsOutOfRangeCounts() {
    ZeekVersion v = ZeekVersion.DEFAULT;
    assertThatThrownBy(() -> EnableOptions.of(v, "15s", 0, null, 100, 1))
        .hasMessageContaining("--expensive-every");
    assertThatThrownBy(() -> EnableOptions.of(v, "15s", 20, null, -1, 1))
        .hasMessageContaining("--threshold");
    assertThatThrownBy(() -> EnableOptions.of(v, "15s", 20, null, 100, 0))
        .hasMessageContaining("--every-nth");
  }

  @Test
  void expensiveCadenceIsIntervalTimesMultiple() {
    assertThat(EnableOptions.of(ZeekVersion.DEFAULT, "10s", 6, null, 100, 1).expensiveSeconds())
        .isEqualTo(60);
  }
}
