#!/usr/bin/env bash
# Where a restart's time goes: the benchmark's set-up (bench/lib.sh: a throwaway PostgreSQL, the
# packaged application pinned to one CPU, the class-data archive recorded by the first start), then
# RESTARTS restarts (default 5) with their median time from process start to the first banner, then
# one more restart under async-profiler (CPU samples from the JVM's first instruction until the first
# banner has been served), printed by thread group and by the library each sample's innermost frame
# of ours or of a library belongs to.
#
# JAVA=<path to a java binary> runs another JDK: with a JDK 25 the archive is the AOT cache
# (JEP 483/514/515: classes loaded and linked, method profiles), recorded by the first start too.
# APP_OPTS=... adds -D options to every start, BENCH_JAVA_OPTS replaces the memory settings.
source "$(dirname "$0")/lib.sh"
RESTARTS="${RESTARTS:-5}"

start_app; FIRST_START_MS=$START_MS
stop_app
: > "$WORK/restarts"
for _ in $(seq 1 "$RESTARTS"); do
  start_app; echo "$START_MS" >> "$WORK/restarts"
  stop_app
done
say "java: $("$JAVA" -version 2>&1 | head -1) $GC $JAVA_OPTS $(cds_option) ${APP_OPTS:-}"
say "startup_ms median=$(median < "$WORK/restarts") of $(paste -sd' ' "$WORK/restarts") (first start with schema and demo: $FIRST_START_MS ms)"

[ "${PROFILE_START:-1}" = 1 ] || exit 0
fetch_profiler
# Loaded at the JVM's start, stopped through jcmd once the first banner is served (the options of a
# jcmd agent_load are quoted once more, or jcmd takes "key=value" for its own arguments).
APP_OPTS="${APP_OPTS:-} -agentpath:$AGENT=start,event=cpu,interval=1ms,threads"
start_app
"$JCMD" "$APP_PID" JVMTI.agent_load "$AGENT" "\"stop,file=$WORK/start.collapsed,collapsed\"" >/dev/null \
  || die "could not stop the profiler"
say "profiled restart: $START_MS ms (the profiler's own cost included)"
stop_app
if [ -n "${COLLAPSED:-}" ]; then cp "$WORK/start.collapsed" "$COLLAPSED"; fi

python3 - "$WORK/start.collapsed" <<'PY'
import collections, re, sys
# The innermost frame that names one of these decides a sample's owner; the order matters (our
# own code calls Hibernate, Hibernate calls the JDK): the first match from the top of the stack wins.
OWNERS = [
    ("flyway (migrations validated)", "org/flywaydb/|org.flywaydb."),
    ("hibernate orm", "org/hibernate/|org.hibernate."),
    ("jdbc / agroal / postgresql driver", "org/postgresql/|org.postgresql.|io/agroal|io.agroal"),
    ("oidc / keycloak client", "io/quarkus/oidc|io.quarkus.oidc|io/smallrye/jwt|io.smallrye.jwt|jose4j"),
    ("qute templates", "io/quarkus/qute|io.quarkus.qute"),
    ("rest / jackson", "org/jboss/resteasy|org.jboss.resteasy|com/fasterxml|com.fasterxml"),
    ("micrometer / metrics", "io/micrometer|io.micrometer"),
    ("smallrye config", "io/smallrye/config|io.smallrye.config"),
    ("vert.x / netty", "io/vertx|io.vertx|io/netty|io.netty"),
    ("arc (beans)", "io/quarkus/arc|io.quarkus.arc"),
    ("the platform's own code", "io/consentplatform|io.consentplatform"),
    ("quarkus (other)", "io/quarkus|io.quarkus"),
    ("class loading and linking", "ClassLoader|SystemDictionary|ClassFileParser|Rewriter|Verifier|LinkResolver|InstanceKlass::link"),
]
threads, owners, total = collections.Counter(), collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, _, count = line.rstrip().rpartition(" ")
    count = int(count); total += count
    parts = stack.split(";")
    thread = re.sub(r"[-#]?\d+$", "", re.sub(r"\s*tid=\d+", "", parts[0].strip("[]")))
    threads[thread] += count
    if re.search(r"C1 CompilerThre|C2 CompilerThre", thread):
        owners["the JIT compilers (their own threads)"] += count
        continue
    if re.search(r"GC Thread|VM Thread|G1|Serial", thread):
        owners["GC and VM operations"] += count
        continue
    for frame in reversed(parts[1:]):
        owner = next((name for name, pattern in OWNERS if re.search(pattern, frame)), None)
        if owner:
            owners[owner] += count
            break
    else:
        owners["JVM and JDK (interpreter, other)"] += count
print(f"samples={total} (1 ms of CPU each)")
print("CPU by thread group:")
for name, n in threads.most_common(10):
    print(f"  {100 * n / total:5.1f}%  {name}")
print("CPU by owner (innermost frame of a known library, else the JVM):")
for name, n in owners.most_common():
    print(f"  {100 * n / total:5.1f}%  {name}")
PY
