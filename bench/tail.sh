#!/usr/bin/env bash
# What the banner's latency tail is made of: the benchmark's set-up (bench/lib.sh), the banner GET at
# CONNECTIONS connections (default 64) for DURATION seconds after WARMUP seconds (default 10), with the JVM's safepoint
# and GC logs on, and every thread's scheduler statistics (/proc/<pid>/task/<tid>/schedstat: CPU time,
# time spent runnable but waiting for the CPU, time slices) read before and after the window.
# Prints the latency percentiles, the stop-the-world pauses inside the window (count, total, longest)
# and, per thread, how long it ran and how long it waited for the CPU it is pinned to.
# APP_OPTS=... adds -D options (e.g. -Dquarkus.vertx.event-loops-pool-size=1).
source "$(dirname "$0")/lib.sh"
CONNECTIONS="${CONNECTIONS:-64}"
WARMUP="${WARMUP:-10}"
APP_OPTS="${APP_OPTS:-} -Xlog:safepoint=info,gc=info:file=$WORK/jvm.log:uptime"
start_app
taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "$BANNER" >/dev/null

# Per thread: name, ns on the CPU, ns runnable but waiting, and its involuntary context switches.
threads() {
  for task in /proc/"$APP_PID"/task/*; do
    printf '%s\t%s\t%s\n' "$(cat "$task/comm")" "$(cat "$task/schedstat")" \
      "$(awk '/nonvoluntary_ctxt_switches/ {print $2}' "$task/status")"
  done 2>/dev/null
}
threads > "$WORK/before"
lines_before=$(wc -l < "$WORK/jvm.log")
pg0=$(cpu_ticks "$PG_PID")
out="$(taskset -c $LOAD_CPU wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BANNER")"
pg1=$(cpu_ticks "$PG_PID")
threads > "$WORK/after"
tail -n +"$((lines_before + 1))" "$WORK/jvm.log" > "$WORK/window.log"
requests="$(awk '/requests in/ {print $1; exit}' <<<"$out")"
say "banner_get c=$CONNECTIONS requests=$requests rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 ~ /^(50|90|99)%$/ {printf "p%s=%s ", substr($1, 1, length($1)-1), $2}' <<<"$out")"
say "postgresql (sharing the CPU) used $(( (pg1 - pg0) * 1000 / CLK_TCK )) ms of CPU in the window"

python3 - "$WORK/before" "$WORK/after" "$WORK/window.log" "$DURATION" <<'PY'
import collections, re, sys
before_file, after_file, log, seconds = sys.argv[1:5]
pauses = [int(m.group(1)) / 1e6 for m in re.finditer(r"Total: (\d+) ns", open(log).read())]
gcs = re.findall(r"Pause Young.* ([\d.]+)ms", open(log).read())
print(f"safepoints in the window: {len(pauses)}, {sum(pauses):.1f} ms in all, longest {max(pauses, default=0):.2f} ms, "
      f"{sum(1 for p in pauses if p >= 1)} of 1 ms or more; young collections: {len(gcs)}, "
      f"longest {max((float(g) for g in gcs), default=0):.2f} ms")
def read(path):
    threads = collections.defaultdict(lambda: [0, 0, 0, 0])
    for line in open(path):
        name, sched, involuntary = line.rstrip("\n").split("\t")
        run, wait, slices = (int(x) for x in sched.split())
        group = re.sub(r"[-#]?\d+$", "", name)
        t = threads[group]
        t[0] += run; t[1] += wait; t[2] += slices; t[3] += int(involuntary or 0)
    return threads
before, after = read(before_file), read(after_file)
print(f"per thread group over the {seconds} s window: CPU ms, ms runnable but waiting for the CPU, time slices, involuntary switches")
rows = []
for name, a in after.items():
    b = before.get(name, [0, 0, 0, 0])
    rows.append((name, (a[0] - b[0]) / 1e6, (a[1] - b[1]) / 1e6, a[2] - b[2], a[3] - b[3]))
for name, run, wait, slices, involuntary in sorted(rows, key=lambda r: -r[1])[:8]:
    print(f"  {name:24s} cpu={run:8.1f} waited={wait:7.1f} slices={slices:7d} involuntary={involuntary}")
PY
