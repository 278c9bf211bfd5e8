package org.proflog.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {

  @Test
  void exactlyOneTakesTheSingularOfAPluralUnit() {
    assertThat(Fmt.value(1, "messages")).isEqualTo("1 message");
    assertThat(Fmt.value(1, "entries")).isEqualTo("1 entry");
    assertThat(Fmt.value(1, "connections")).isEqualTo("1 connection");
    assertThat(Fmt.value(2, "messages")).isEqualTo("2 messages");
    assertThat(Fmt.value(0, "entries")).isEqualTo("0 entries");
    assertThat(Fmt.value(1.5, "timers")).isEqualTo("1.50 timers");
    assertThat(Fmt.value(14_249, "messages")).isEqualTo("14,249 messages");
  }

  @Test
  void unitsThatAreNotPluralWordsStayAsTheyAre() {
    assertThat(Fmt.singular("s")).isEqualTo("s");
    assertThat(Fmt.singular("lag (s)")).isEqualTo("lag (s)");
    assertThat(Fmt.singular("footprint")).isEqualTo("footprint");
    assertThat(Fmt.singular("new peaks/h")).isEqualTo("new peaks/h");
    assertThat(Fmt.value(1, "KiB")).isEqualTo(Fmt.kib(1));
  }
}
