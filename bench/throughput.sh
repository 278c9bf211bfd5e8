#!/usr/bin/env bash
# Throughput of `proflog analyze` (parse into series, detectors, summary out) against `wc -l` on
# the same generated prof.log, in the same run, printed as a ratio. Also: two files in parallel
# (speed-up over one), and the peak heap with -Xmx256m.
#
#   bench/throughput.sh [SIZE_MB]      default 1024 (1 GB); files go to ${BENCH_DIR:-/tmp/proflog-bench}
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mb="${1:-1024}"
dir="${BENCH_DIR:-/tmp/proflog-bench}"
mkdir -p "$dir"
"$here/proflog" --version >/dev/null   # builds the jar if needed
jar="$here/target/proflog.jar"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
secs() { calc "$2 - $1"; }

# A standalone Zeek 3.2.4 node at 1-second snapshots: about 3.3 KB per snapshot.
gen() { # $1 = file, $2 = target MB, $3 = seed
  if [ ! -s "$1" ] || [ "$(($(stat -c %s "$1") / 1000000))" -lt "$2" ]; then
    local days; days=$(calc "int($2 * 1000000 / 3300 / 86400) + 1")
    java -jar "$jar" simulate --scenario healthy --nodes 1 --duration "${days}d" --interval 1s \
      --zeek-version 3.2.4 --seed "$3" -o "$dir/gen$3" >/dev/null
    head -c "$(($2 * 1000000))" "$dir/gen$3/spool/zeek/prof.log" > "$1"
    rm -rf "$dir/gen$3"
  fi
}
echo "generating ${size_mb} MB (cached in $dir)..." >&2
gen "$dir/a.prof.log" "$size_mb" 1
gen "$dir/b.prof.log" "$((size_mb / 2))" 2
head -c "$(($(stat -c %s "$dir/b.prof.log")))" "$dir/a.prof.log" > "$dir/a-half.prof.log"
bytes=$(stat -c %s "$dir/a.prof.log")

# warm the page cache with every input (b.prof.log too: the parallel run would otherwise read it
# from disk, and measure the disk)
cat "$dir/a.prof.log" "$dir/a-half.prof.log" "$dir/b.prof.log" > /dev/null
t0=$(now); wc -l "$dir/a.prof.log" >/dev/null; t1=$(now)
wc_s=$(secs "$t0" "$t1")

# the launcher's JIT options (./proflog), so that this measures analyze as users run it
java_opts="-Xmx256m -XX:+UseParallelGC $(sed -n 's/^jit_opts="\(.*\)"$/\1/p' "$here/proflog")"
# and its class archive (made by the launcher's first run above), unless PROFLOG_CDS=0
if [ "${PROFLOG_CDS:-1}" != 0 ] && [ -f "$here/target/proflog.jsa" ]; then
  java_opts="$java_opts -XX:SharedArchiveFile=$here/target/proflog.jsa -Xlog:cds*=off"
fi
# CPU seconds and max RSS from /usr/bin/time (when present); the peak heap in use is the largest
# "before" figure of the GC log (heap occupancy when a collection started).
timing="$dir/time.txt"
: > "$timing"
timed() {
  if [ -x /usr/bin/time ]; then /usr/bin/time -o "$timing" -f '%e %U %S %M' "$@"; else "$@"; fi
}
t0=$(now)
timed java $java_opts -Xlog:gc:file="$dir/gc.log" -jar "$jar" analyze --format json "a=$dir/a.prof.log" > "$dir/out.json"
t1=$(now)
pl_s=$(secs "$t0" "$t1")
read -r _ pl_user pl_sys pl_rss_k < "$timing" || true
peak_heap_m=$(grep -o '[0-9]*M->' "$dir/gc.log" | sed 's/M->//' | sort -n | tail -1)

# The marginal cost of the second half of a.prof.log (a-half.prof.log is its first half): what
# more input costs once the fixed costs (JVM start, JIT, the detectors) are paid. Both twice, the
# run with less CPU of each counted. (No larger file: on a machine whose page cache holds a few GB,
# one would push the others out of it, and the runs would measure the disk.)
best_of_two() { # $1 = file; prints "wall cpu" of the run with less CPU
  local best="" w c
  for _ in 1 2; do
    t0=$(now); timed java $java_opts -jar "$jar" analyze --format json "a=$1" >/dev/null; t1=$(now)
    w=$(secs "$t0" "$t1"); c=""
    if [ -s "$timing" ]; then read -r _ u s _ < "$timing"; c=$(calc "$u + $s"); fi
    if [ -z "$best" ] || { [ -n "$c" ] && [ "$(calc "($c < ${best#* }) ? 1 : 0")" = 1 ]; }; then best="$w ${c:-0}"; fi
  done
  echo "$best"
}
read -r m1_wall m1_cpu <<< "$(best_of_two "$dir/a-half.prof.log")"
read -r m2_wall m2_cpu <<< "$(best_of_two "$dir/a.prof.log")"
bytes1=$(stat -c %s "$dir/a-half.prof.log")

# Two files of half the size: one after the other vs both at once (nodes are read in parallel).
t0=$(now); timed java $java_opts -jar "$jar" analyze --format json "a=$dir/a-half.prof.log" >/dev/null; t1=$(now)
one_s=$(secs "$t0" "$t1")
read -r _ one_user one_sys _ < "$timing" || true
t0=$(now); timed java $java_opts -jar "$jar" analyze --format json "a=$dir/a-half.prof.log" "b=$dir/b.prof.log" >/dev/null; t1=$(now)
two_s=$(secs "$t0" "$t1")
read -r _ two_user two_sys _ < "$timing" || true

# What the JIT compilers cost of a run's CPU: one more run with -XX:+CITime, which prints the
# compile times at exit on standard output (after the JSON, which is dropped here).
citime=$(java $java_opts -XX:+CITime -jar "$jar" analyze --format json "a=$dir/a.prof.log" \
  | sed -n 's/^ *\(C[12]\) Compile Time: *\([0-9.]*\) s.*/\1 \2/p' | tr '\n' ' ')

gb() { calc "$bytes / $1 / 1000000000"; }
printf 'input            %d bytes (%s)\n' "$bytes" "$dir/a.prof.log"
printf 'wc -l            %6.2f s   %6.2f GB/s\n' "$wc_s" "$(gb "$wc_s")"
printf 'proflog analyze  %6.2f s   %6.2f GB/s   (-Xmx256m, whole run incl. JVM start)\n' "$pl_s" "$(gb "$pl_s")"
printf 'JVM options      %s\n' "$java_opts"
if [ -n "${pl_user:-}" ]; then
  cpu_s=$(calc "$pl_user + $pl_sys")
  printf 'proflog CPU      %6.2f s   %6.2f GB/s per core (user+sys, all JVM threads)\n' "$cpu_s" "$(gb "$cpu_s")"
  printf 'memory           peak heap in use %s MB (GC log), max RSS %d MB\n' "${peak_heap_m:-?}" "$((pl_rss_k / 1024))"
fi
if [ -n "$citime" ]; then
  printf 'JIT compilers    %s of CPU in one analyze of the whole file\n' \
    "$(echo "$citime" | awk '{printf "%s %.2f s, %s %.2f s", $1, $2, $3, $4}')"
fi
printf 'ratio            proflog/wc = %.3f\n' "$(calc "$wc_s / $pl_s")"
extra=$(calc "$bytes - $bytes1")
printf 'marginal         %d MB more: +%.2f s wall (%.2f GB/s)' \
  "$((extra / 1000000))" "$(calc "$m2_wall - $m1_wall")" "$(calc "$extra / ($m2_wall - $m1_wall) / 1e9")"
if [ -n "${pl_user:-}" ]; then # CPU seconds only with /usr/bin/time, as above
  printf ', +%.2f s of CPU (%.2f GB/s per core)' \
    "$(calc "$m2_cpu - $m1_cpu")" "$(calc "$extra / ($m2_cpu - $m1_cpu) / 1e9")"
fi
printf '\n'
printf '                 (all of a.prof.log vs its first %d bytes, best of two runs each)\n' "$bytes1"
printf 'parallel         1 file %.2f s, 2 files %.2f s: speed-up %.2fx of the ideal 2x\n' "$one_s" "$two_s" "$(calc "2 * $one_s / $two_s")"
if [ -n "${one_user:-}" ]; then
  # On a machine shared with other work the wall-clock speed-up understates the scaling; the CPU
  # seconds show whether reading two nodes costs more than twice one (it would if they serialised).
  printf 'parallel CPU     1 file %.2f s, 2 files %.2f s of CPU (ratio %.2f; 2.00 = no extra cost per file), load %s\n' \
    "$(calc "$one_user + $one_sys")" "$(calc "$two_user + $two_sys")" \
    "$(calc "($two_user + $two_sys) / ($one_user + $one_sys)")" "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
fi
