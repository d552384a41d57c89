# Shared by the benchmarks: tools, a quiet-machine check, a throwaway PostgreSQL, the packaged
# application pinned to one CPU, and wrk/median helpers. Sourced, not run.
# shellcheck shell=bash
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-8}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
JAR="${BENCH_JAR:-$ROOT/native/target/quarkus-app/quarkus-run.jar}"
JAVA="${JAVA:-java}"
JCMD="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd"
WORK="$(mktemp -d /tmp/consent-bench.XXXXXX)"
SERVER_CPU="${SERVER_CPU:-0}"
LOAD_CPU="${LOAD_CPU:-1}"
FAILED=0
RUN_AS=()

say() { printf '%s\n' "$*"; }
die() { say "bench: $*" >&2; exit 2; }

for tool in wrk nginx curl taskset "$PG_BIN/initdb" "$PG_BIN/pg_ctl" "$PG_BIN/pgbench" "$PG_BIN/psql" "$JAVA"; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "$tool" ] || die "missing $tool (apt-get install -y wrk nginx-light curl postgresql)"
done
[ "$(nproc)" -ge 2 ] || die "needs two CPUs: servers on one, load on the other"

# A busy machine measures the neighbours: refuse when the last minute's load is high.
load1="$(cut -d' ' -f1 /proc/loadavg)"
if awk -v l="$load1" 'BEGIN { exit !(l > 1.5) }'; then
  if [ "${BENCH_FORCE:-0}" = 1 ]; then say "warning: load average $load1 before start: figures may be low"
  else die "the machine is busy (load average $load1); wait, or set BENCH_FORCE=1"; fi
fi

if [ ! -f "$JAR" ]; then
  say "building the application (mvn -B -q -DskipTests package)"
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PG_PORT="$(free_port)"; APP_PORT="$(free_port)"; NGINX_PORT="$(free_port)"
APP_PID=""; NGINX_PID=""

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- a throwaway PostgreSQL, durable as in production -------------------------------------------
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the postgres user (Debian's postgresql package)"
  chown postgres "$WORK"; chmod 755 "$WORK"; RUN_AS=(runuser -u postgres --)
fi
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust >/dev/null
cat >> "$WORK/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK'
fsync = on
synchronous_commit = on
max_connections = 100
shared_buffers = 256MB
CONF
"${RUN_AS[@]}" taskset -c $SERVER_CPU "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w start >/dev/null
PG_PID="$(head -1 "$WORK/pg/postmaster.pid")"
# The platform's two roles, as production has them (docs/deploy.md, Database roles): the
# application connects as consent_app, migrations run as consent_owner. The scripts' own psql
# sessions stay the superuser's.
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 \
  -c "create role consent_owner login createrole" -c "create role consent_app login" \
  -c "create database consent owner consent_owner" >/dev/null

# --- the application, pinned, its GC named (pinned to one CPU the JVM would pick Serial silently) --
GC="${BENCH_GC:--XX:+UseSerialGC}"
# The memory settings recommended for one CPU: a small heap is enough, the banner path allocates little.
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms64m -Xmx128m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m}"
# BENCH_NATIVE=<native executable> measures it instead of the jar, with BENCH_NATIVE_OPTS (e.g. -Xmx128m);
# it has no class-data archive to make.
NATIVE="${BENCH_NATIVE:-}"
if [ -n "$NATIVE" ]; then BENCH_CDS=0; fi
BANNER="http://127.0.0.1:$APP_PORT/v1/sites/townofcary/banner?lang=en"

# Class-data sharing (the JDK's AppCDS): the first start of a run records the classes it loads in an
# archive, as a deployment's training start would; later starts map it instead of loading and
# verifying the classes again. On JDK 25 and later the archive is the AOT cache instead (classes
# loaded and linked ahead of time, and the training start's method profiles). BENCH_CDS=0 measures
# without either.
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
if [ "${JAVA_MAJOR%%.*}" -ge 25 ]; then CDS_ARCHIVE="$WORK/app.aot"; else CDS_ARCHIVE="$WORK/app-cds.jsa"; fi
cds_option() {
  if [ "${BENCH_CDS:-1}" != 1 ]; then return; fi
  case "$CDS_ARCHIVE:$([ -f "$CDS_ARCHIVE" ] && echo present)" in
    *.aot:present) echo "-XX:AOTCache=$CDS_ARCHIVE" ;;
    *.aot:) echo "-XX:AOTCacheOutput=$CDS_ARCHIVE" ;;
    *:present) echo "-XX:SharedArchiveFile=$CDS_ARCHIVE" ;;
    *) echo "-XX:ArchiveClassesAtExit=$CDS_ARCHIVE" ;;
  esac
}

# Starts the application (with the extra -D options of APP_OPTS, if any); START_MS is then the time
# from process start to its first banner. One event loop for its one CPU, as recommended: Quarkus'
# default of two per CPU left each loop waiting for the other to give up the CPU (bench/tail.sh:
# 10.5 s of run-queue wait in a 10 s window, the banner's p99 12.8 ms; 1.2 s and 8.3 ms with one).
start_app() {
  rm -f "$WORK/banner.json"
  local started_ns; started_ns=$(date +%s%N)
  local launcher jar
  if [ -n "$NATIVE" ]; then
    read -r -a launcher <<< "$NATIVE ${BENCH_NATIVE_OPTS:-}"
    jar=()
  else
    read -r -a launcher <<< "$JAVA $GC $JAVA_OPTS $(cds_option)"
    jar=(-jar "$JAR")
  fi
  taskset -c $SERVER_CPU "${launcher[@]}" \
    -Dquarkus.http.port="$APP_PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PG_PORT/consent" \
    -Dquarkus.datasource.username=consent_app -Dquarkus.datasource.password=bench \
    -Dquarkus.flyway.username=consent_owner -Dquarkus.flyway.password=bench \
    -Dconsent.api.rate-limit-per-minute=2000000000 \
    -Dconsent.api.read-rate-limit-per-minute=2000000000 \
    -Dconsent.api.miss-rate-limit-per-minute=2000000000 \
    -Dconsent.demo.enabled=true \
    -Dquarkus.vertx.event-loops-pool-size="${BENCH_EVENT_LOOPS:-1}" \
    -Dquarkus.log.level=WARN \
    ${APP_OPTS:-} \
    "${jar[@]}" >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1500); do
    if curl -fsS -o "$WORK/banner.json" "$BANNER" 2>/dev/null; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; die "the application exited"; }
    sleep 0.01
  done
  [ -s "$WORK/banner.json" ] || die "no banner within 15 s"
  START_MS=$(( ($(date +%s%N) - started_ns) / 1000000 ))
}
stop_app() {
  kill "$APP_PID"
  while kill -0 "$APP_PID" 2>/dev/null; do sleep 0.05; done
  APP_PID=""
  if [ "${BENCH_CDS:-1}" = 1 ] && [ ! -f "$CDS_ARCHIVE" ]; then die "no class-data archive written"; fi
}

# --- helpers ----------------------------------------------------------------------------------------
# async-profiler, from Maven Central into the local Maven repository, unpacked into the run's
# directory; sets AGENT to its library (for -agentpath, or jcmd's JVMTI.agent_load).
AP_VERSION=4.1
fetch_profiler() {
  (cd "$WORK" && mvn -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$AP_VERSION:jar:linux-x64" \
    -DoutputDirectory="$WORK" >/dev/null) || die "could not fetch async-profiler $AP_VERSION"
  (cd "$WORK" && unzip -q -o "async-profiler-$AP_VERSION-linux-x64.jar" 'linux-x64/*')
  AGENT="$WORK/linux-x64/libasyncProfiler.so"
  [ -f "$AGENT" ] || die "no async-profiler library in the artefact"
}

# wrk prints Requests/sec and, with --latency, the 50% and 99% lines; errors fail the run.
wrk_run() { # connections url [script]
  local out; out="$(taskset -c $LOAD_CPU wrk -t1 -c"$1" -d"${DURATION}s" --latency ${3:+-s "$3"} "$2")"
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
    say "ERROR: errors while loading $2:"; say "$out"; FAILED=1
  fi
  local rps p50 p99 requests
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"; p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1; exit}' <<<"$out")"
  printf '%s %s %s %s\n' "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$requests"
}
# CPU time (user + system, in clock ticks) a process tree has used so far: the process, every living
# descendant, and the children it already reaped (a PostgreSQL backend that ends takes its time to
# the postmaster's count of reaped children). Differences over a window give the tree's CPU in it.
cpu_ticks() { # pid
  python3 - "$1" <<'PY'
import os, sys
root = int(sys.argv[1])
def stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # After the command name: state, ppid, ..., utime (12th), stime, cutime, cstime.
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])
stats = {int(p): stat(p) for p in os.listdir("/proc") if p.isdigit()}
stats = {p: s for p, s in stats.items() if s}
children = {}
for pid, (ppid, _, _) in stats.items():
    children.setdefault(ppid, []).append(pid)
total, todo = stats[root][2], [root]
while todo:
    pid = todo.pop()
    total += stats[pid][1]
    todo.extend(children.get(pid, []))
print(total)
PY
}
CLK_TCK="$(getconf CLK_TCK)"
# Microseconds of CPU per operation: ticks used, operations done.
us_per() { awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN { printf "%.0f", t * 1000000 / hz / n }'; }

to_ms() { awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /ms$/) n=n; else if (v ~ /s$/) n*=1000; printf "%.2f", n }'; }
median() { sort -g | awk '{a[NR]=$1} END { if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a/b }'; }

# The decision the consent loads post (wrk Lua), for the version the banner announced; sets VERSION.
write_consent_lua() {
  VERSION="$(sed -E 's/.*"version":([0-9]+).*/\1/' "$WORK/banner.json")"
  cat > "$WORK/consent.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"policyVersion":$VERSION,"action":"accept_all","method":"banner","lang":"en"}'
LUA
}
