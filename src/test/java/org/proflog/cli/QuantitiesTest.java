package org.proflog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
  @Test
  void rejectsNonsenseWithTheOffendingText() {
    assertThatThrownBy(() -> Quantities.durationMicros("soon")).hasMessageContaining("'soon'");
    assertThatThrownBy(() -> Quantities.durationMicros("5 fortnights")).hasMessageContaining("unknown duration unit 'fortnights'");
    assertThatThrownBy(() -> Quantities.durationMicros("0s")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Quantities.sizeKiB("lots")).hasMessageContaining("not a size");
    assertThatThrownBy(() -> Quantities.timeMicros("yesterday")).hasMessageContaining("not a time");
  }

  @Test
  void readsDurations() {
    assertThat(Quantities.durationMicros("15s")).isEqualTo(15_000_000L);
    assertThat(Quantities.durationMicros("10")).isEqualTo(10_000_000L);
    assertThat(Quantities.durationMicros("30m")).isEqualTo(1_800_000_000L);
    assertThat(Quantities.durationMicros("1.5h")).isEqualTo(5_400_000_000L);
    assertThat(Quantities.durationMicros("1d")).isEqualTo(86_400_000_000L);
  }

  @Test
  void readsSizesInKiB() {
    assertThat(Quantities.sizeKiB("16G")).isEqualTo(16L * 1024 * 1024);
    assertThat(Quantities.sizeKiB("16GiB")).isEqualTo(16L * 1024 * 1024);
    assertThat(Quantities.sizeKiB("512M")).isEqualTo(512L * 1024);
    assertThat(Quantities.sizeKiB("300k")).isEqualTo(300L);
  }

  @Test
  void readsTimes() {
    assertThat(Quantities.timeMicros("1413471640.952530")).isEqualTo(1_413_471_640_952_530L);
    assertThat(Quantities.timeMicros("1700000000")).isEqualTo(1_700_000_000_000_000L);
    assertThat(Quantities.timeMicros("2024-01-31")).isEqualTo(1_706_659_200_000_000L);
    assertThat(Quantities.timeMicros("2024-01-31 12:00")).isEqualTo(1_706_702_400_000_000L);
    assertThat(Quantities.timeMicros("2024-01-31T12:00:00Z")).isEqualTo(1_706_702_400_000_000L);
    assertThat(Quantities.timeMicros("2024-01-31T13:00:00+01:00")).isEqualTo(1_706_702_400_000_000L);
  }
}
