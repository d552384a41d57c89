#!/usr/bin/env bash
# Where the consent POST spends the application's CPU: the benchmark's set-up (bench/lib.sh), the
# consent load at 16 connections, warm-up first (WARMUP, default 15 s, so that the JIT settles),
# then a CPU sampling profile of the whole JVM over PROFILE seconds (default 20) with async-profiler,
# fetched from Maven Central into the local Maven repository. Prints the CPU per thread group, the
# top frames by own time and, with FLAME=<file.html>, writes a flame graph there (COLLAPSED=<file>:
# the collapsed stacks; never commit either).
# EVENT=cpu (default) samples CPU time; EVENT=wall samples where threads wait too.
source "$(dirname "$0")/lib.sh"
WARMUP="${WARMUP:-15}"; PROFILE="${PROFILE:-20}"; EVENT="${EVENT:-cpu}"

fetch_profiler

start_app
write_consent_lua
CONSENTS="http://127.0.0.1:$APP_PORT/v1/sites/townofcary/consents"
taskset -c $LOAD_CPU wrk -t1 -c16 -d"${WARMUP}s" -s "$WORK/consent.lua" "$CONSENTS" >/dev/null

# The agent is attached to the running JVM (the JDK's own attach mechanism through jcmd), so the
# start is not in the profile. Its options are quoted once more: unquoted, jcmd would read their
# "key=value" parts as its own arguments.
profiler() { "$JCMD" "$APP_PID" JVMTI.agent_load "$AGENT" "\"$1\"" >/dev/null || die "profiler: $1 failed"; }
profiler "start,event=$EVENT,interval=1ms,threads"
app0=$(cpu_ticks "$APP_PID")
out="$(taskset -c $LOAD_CPU wrk -t1 -c16 -d"${PROFILE}s" -s "$WORK/consent.lua" "$CONSENTS")"
app1=$(cpu_ticks "$APP_PID")
profiler "stop,file=$WORK/profile.collapsed,collapsed"
if [ -n "${FLAME:-}" ]; then profiler "dump,file=$FLAME"; fi
if [ -n "${COLLAPSED:-}" ]; then cp "$WORK/profile.collapsed" "$COLLAPSED"; fi
requests="$(awk '/requests in/ {print $1; exit}' <<<"$out")"
say "consent_post c=16 rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out") requests=$requests jvm_us_per_decision=$(us_per $((app1 - app0)) "$requests")"

python3 - "$WORK/profile.collapsed" <<'PY'
import collections, re, sys
threads, frames, total = collections.Counter(), collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, _, count = line.rstrip().rpartition(" ")
    count = int(count); total += count
    parts = stack.split(";")
    # The first frame is the thread ("[name tid=...]"); numbered pools are one group.
    thread = re.sub(r"\s*tid=\d+", "", parts[0].strip("[]"))
    threads[re.sub(r"[-#]?\d+$", "", thread)] += count
    frames[parts[-1]] += count
print(f"samples={total} (1 ms of CPU each)")
print("CPU by thread group:")
for name, n in threads.most_common(12):
    print(f"  {100 * n / total:5.1f}%  {name}")
print("Top frames by own CPU:")
for name, n in frames.most_common(25):
    print(f"  {100 * n / total:5.1f}%  {name[:150]}")
PY
