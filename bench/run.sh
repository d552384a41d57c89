#!/usr/bin/env bash
# Side-by-side benchmark of the platform's hot paths against this machine's own limits, in one run:
#   banner GET   : the application vs nginx serving the very same bytes (wrk, 16 and 64 connections)
#   consent POST : the application vs pgbench running the same single-row INSERT on the same table
#   start-up     : process start to the first successful banner response; resident memory after
# Servers run on CPU 0, load generators on CPU 1, loopback only, every load loop bounded in time.
# Needs: wrk, nginx (nginx-light), curl, Debian's PostgreSQL binaries (initdb, pg_ctl, pgbench), a JDK,
# and the packaged application (built here with Maven when missing).
source "$(dirname "$0")/lib.sh"

# The first start creates the schema and the demo tenant (and records the class-data archive); a
# restart is what deployments repeat.
start_app; FIRST_START_MS=$START_MS
stop_app
start_app; STARTUP_MS=$START_MS
say "rate limit: set to 2000000000 a minute for this run, out of the benchmark's way"
say "gc: $GC (servers pinned to CPU $SERVER_CPU, load generators to CPU $LOAD_CPU)"
say "java: $GC $JAVA_OPTS $(cds_option)"
say "startup_ms=$STARTUP_MS (restart: process start to first banner response; first start with schema and demo: ${FIRST_START_MS} ms)"

# --- nginx serving the same bytes ------------------------------------------------------------------
mkdir -p "$WORK/www" "$WORK/nginx"
chmod 777 "$WORK/nginx"; chmod 755 "$WORK/www"
cp "$WORK/banner.json" "$WORK/www/banner.json"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /banner { default_type application/json; alias $WORK/www/banner.json; etag on; }
  }
}
CONF
taskset -c $SERVER_CPU nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/banner" 2>/dev/null && break; sleep 0.05; done
cmp -s <(curl -fsS "http://127.0.0.1:$NGINX_PORT/banner") "$WORK/banner.json" || die "nginx does not serve the same bytes"

# Warm both servers (the JIT compiles the banner path) before measuring.
taskset -c $LOAD_CPU wrk -t1 -c16 -d5s "$BANNER" >/dev/null
taskset -c $LOAD_CPU wrk -t1 -c16 -d2s "http://127.0.0.1:$NGINX_PORT/banner" >/dev/null

# --- banner GET, interleaved rounds ---------------------------------------------------------------
for c in 16 64; do
  : > "$WORK/app-$c"; : > "$WORK/nginx-$c"
  for r in $(seq 1 "$ROUNDS"); do
    wrk_run "$c" "$BANNER" >> "$WORK/app-$c"
    wrk_run "$c" "http://127.0.0.1:$NGINX_PORT/banner" >> "$WORK/nginx-$c"
  done
  app=$(cut -d' ' -f1 "$WORK/app-$c" | median); ngx=$(cut -d' ' -f1 "$WORK/nginx-$c" | median)
  say "banner_get c=$c app_rps=$app nginx_rps=$ngx ratio=$(ratio "$app" "$ngx") app_p50_ms=$(cut -d' ' -f2 "$WORK/app-$c" | median) app_p99_ms=$(cut -d' ' -f3 "$WORK/app-$c" | median) nginx_p50_ms=$(cut -d' ' -f2 "$WORK/nginx-$c" | median) nginx_p99_ms=$(cut -d' ' -f3 "$WORK/nginx-$c" | median)"
  eval "BANNER_RATIO_$c=$(ratio "$app" "$ngx")"
done

# --- consent POST vs the same INSERT through pgbench ------------------------------------------------
write_consent_lua
read -r SITE_ID VERSION_ID <<<"$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d consent -Atc \
  "select s.id, v.id from site s join policy_version v on v.site_id = s.id where s.site_key = 'townofcary' and v.number = $VERSION" | tr '|' ' ')"
cat > "$WORK/insert.sql" <<SQL
insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method, choices, language, gpc, recorded_at, user_agent_family, ip_truncated) values (gen_random_uuid(), $SITE_ID, $VERSION_ID, gen_random_uuid(), 'ACCEPT_ALL', 'BANNER', '{"necessary": true, "preferences": true, "statistics": true, "marketing": true}', 'en', false, now(), null, '127.0.0.0');
SQL
pgbench_run() {
  local out; out="$(taskset -c $LOAD_CPU "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared \
    -c 16 -j 1 -T "$DURATION" --log-prefix="$WORK/pgb" -l -f "$WORK/insert.sql" consent 2>&1)" || { say "$out"; FAILED=1; }
  local tps; tps="$(awk '/^tps/ {print $3; exit}' <<<"$out")"
  local done; done="$(awk -F': ' '/number of transactions actually processed/ {print $2; exit}' <<<"$out" | cut -d/ -f1)"
  local p99; p99="$( (cat "$WORK"/pgb.* 2>/dev/null || true) | awk '{print $3/1000}' | sort -g | awk '{a[NR]=$1} END { printf "%.2f", a[int(NR*0.99)] }')"
  rm -f "$WORK"/pgb.*
  printf '%s 0 %s %s\n' "$tps" "$p99" "$done"
}
# Runs a load command and appends to its line the CPU the application and PostgreSQL each spent per
# operation over the same window (the operations are the line's 4th field).
with_cpu() { # output-file command...
  local into="$1"; shift
  local app0 pg0 app1 pg1 line n
  app0=$(cpu_ticks "$APP_PID"); pg0=$(cpu_ticks "$PG_PID")
  "$@" > "$WORK/window"   # not in a subshell: a failed load must still set FAILED
  app1=$(cpu_ticks "$APP_PID"); pg1=$(cpu_ticks "$PG_PID")
  line="$(cat "$WORK/window")"; n="$(cut -d' ' -f4 <<<"$line")"
  printf '%s %s %s\n' "$line" "$(us_per $((app1 - app0)) "$n")" "$(us_per $((pg1 - pg0)) "$n")" >> "$into"
}
# The consent path needs longer than the banner for the JIT to settle (on this machine it is still
# compiling a minute into the load, docs/performance.md): measured too early, the CPU per decision
# is mostly the compiler's. CONSENT_WARMUP seconds, 30 by default.
taskset -c $LOAD_CPU wrk -t1 -c16 -d"${CONSENT_WARMUP:-30}s" -s "$WORK/consent.lua" "http://127.0.0.1:$APP_PORT/v1/sites/townofcary/consents" >/dev/null
: > "$WORK/post-app"; : > "$WORK/post-pg"
for r in $(seq 1 "$ROUNDS"); do
  with_cpu "$WORK/post-app" wrk_run 16 "http://127.0.0.1:$APP_PORT/v1/sites/townofcary/consents" "$WORK/consent.lua"
  with_cpu "$WORK/post-pg" pgbench_run
done
app=$(cut -d' ' -f1 "$WORK/post-app" | median); pg=$(cut -d' ' -f1 "$WORK/post-pg" | median)
POST_RATIO=$(ratio "$app" "$pg")
say "consent_post c=16 app_rps=$app pgbench_tps=$pg ratio=$POST_RATIO app_p99_ms=$(cut -d' ' -f3 "$WORK/post-app" | median) pgbench_p99_ms=$(cut -d' ' -f3 "$WORK/post-pg" | median) synchronous_commit=on"
# CPU per operation over each measured window (medians): the application's JVM and PostgreSQL per
# decision posted; PostgreSQL per pgbench transaction (the JVM then idles: its figure is left out).
JVM_US=$(cut -d' ' -f5 "$WORK/post-app" | median); PG_US=$(cut -d' ' -f6 "$WORK/post-app" | median)
PGBENCH_US=$(cut -d' ' -f6 "$WORK/post-pg" | median)
say "consent_cpu jvm_us_per_decision=$JVM_US postgres_us_per_decision=$PG_US postgres_us_per_pgbench_tx=$PGBENCH_US"

RSS_MB=$(( $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 ))
say "rss_mb=$RSS_MB (application after the run)"
say "summary banner_ratio_c16=$BANNER_RATIO_16 banner_ratio_c64=$BANNER_RATIO_64 consent_ratio=$POST_RATIO jvm_us_per_decision=$JVM_US postgres_us_per_decision=$PG_US postgres_us_per_pgbench_tx=$PGBENCH_US startup_ms=$STARTUP_MS rss_mb=$RSS_MB errors=$FAILED"
exit "$FAILED"
