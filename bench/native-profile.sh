#!/usr/bin/env bash
# Where the native executable spends its CPU on the banner GET: the benchmark's set-up
# (bench/lib.sh) with BENCH_NATIVE=<executable>, the banner load at 64 connections (warm-up first,
# WARMUP seconds, default 5), then Linux perf sampling the executable for PROFILE seconds (default
# 10). Prints the requests per second under the profiler, the CPU per request, kernel and user time,
# the top classes and functions by own time. Symbols need an executable built with
# -Dquarkus.native.additional-build-args=-H:-DeleteLocalSymbols. Needs perf (linux-perf);
# async-profiler (bench/profile.sh) needs a JVM.
source "$(dirname "$0")/lib.sh"
WARMUP="${WARMUP:-5}"; PROFILE="${PROFILE:-10}"
[ -n "$NATIVE" ] || die "set BENCH_NATIVE to the native executable"
command -v perf >/dev/null 2>&1 || die "missing perf (apt-get install -y linux-perf)"

start_app
taskset -c $LOAD_CPU wrk -t1 -c64 -d"${WARMUP}s" "$BANNER" >/dev/null
app0=$(cpu_ticks "$APP_PID")
perf record -F 2000 -o "$WORK/perf.data" -p "$APP_PID" -- sleep "$PROFILE" >/dev/null 2>&1 &
PERF_PID=$!
out="$(taskset -c $LOAD_CPU wrk -t1 -c64 -d"${PROFILE}s" "$BANNER")"
wait "$PERF_PID" || true
app1=$(cpu_ticks "$APP_PID")
requests="$(awk '/requests in/ {print $1; exit}' <<<"$out")"
say "banner_get c=64 rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out") us_per_request=$(us_per $((app1 - app0)) "$requests") (under the profiler)"
perf report -i "$WORK/perf.data" --no-children --sort symbol --stdio 2>/dev/null \
  | grep -E '^ +[0-9]' > "$WORK/symbols"
# Native code's symbols are Class_method_hash (local symbols kept with -H:-DeleteLocalSymbols).
say "own time: kernel $(awk '$2 == "[k]" {s += $1} END {printf "%.0f%%", s}' "$WORK/symbols"), executable $(awk '$2 == "[.]" {s += $1} END {printf "%.0f%%", s}' "$WORK/symbols")"
say "top classes by own time:"
awk '$2 == "[.]" { split($3, part, "_"); s[part[1]] += $1 } END { for (c in s) printf "%7.2f%%  %s\n", s[c], c }' \
  "$WORK/symbols" | sort -rn | head -"${TOP:-25}"
say "top functions by own time:"
head -"${TOP:-25}" "$WORK/symbols" | awk '{printf "%7s  %s %s\n", $1, $2, $3}'
