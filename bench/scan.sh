#!/usr/bin/env bash
# What one scan costs, on this machine, in one run:
#   scan          : wall time of a scan of a generated 50-page site (three passes), from the API's
#                   request to its report, and the browser's peak memory (its process tree, sampled)
#   banner GET    : the application's throughput without a scan, then while the scan runs, and the
#                   ratio (the browser on the servers' CPU, as on a single-machine installation)
# The application runs the scanner (consent.scanner.enabled=true) with private networks allowed, so
# that it may visit the site on loopback; it and its browser are pinned to CPU 0, wrk and the site's
# server to CPU 1. Not part of the tests (.ci/run never calls it): a measurement, not a check.
# Needs what bench/run.sh needs, plus Debian's chromium and python3.
source "$(dirname "$0")/lib.sh"

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || die "missing $CHROMIUM (apt-get install -y chromium)"
command -v python3 >/dev/null || die "missing python3"
PAGES="${PAGES:-50}"
SCAN_WAIT_S="${SCAN_WAIT_S:-1200}"
SITE_PORT="$(free_port)"
SITE_PID=""; SAMPLER_PID=""
# The scanner's JVM part (the DevTools protocol, the checking proxy) needs more than the banner path.
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms64m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m}"
APP_OPTS="-Dconsent.scanner.enabled=true -Dconsent.scanner.allow-private-networks=true"
APP_OPTS+=" -Dconsent.scanner.chromium=$CHROMIUM -Dconsent.scanner.poll-interval=1s"
APP_OPTS+=" -Dconsent.scanner.page-cap=$PAGES ${SCAN_OPTS:-}"

scan_cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$SITE_PID" ] && kill "$SITE_PID" 2>/dev/null || true
  cleanup
}
trap scan_cleanup EXIT

# --- the site: PAGES pages on loopback, each embedding the banner, all in the sitemap ---------------
mkdir -p "$WORK/site"
python3 - "$WORK/site" "$PAGES" "$APP_PORT" "$SITE_PORT" <<'PY'
import sys, pathlib
root, pages, app, port = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
names = ["index.html"] + [f"page-{i:02d}.html" for i in range(1, pages)]
for i, name in enumerate(names):
    links = "".join(f'<li><a href="/{names[j]}">Page {j}</a></li>'
                    for j in range(i + 1, min(i + 4, pages)))
    (root / name).write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bench page {i}</title>
<script src="http://127.0.0.1:{app}/v1/sites/benchsite/banner.js"></script>
<script>document.cookie = "bench_seen=" + {i} + "; path=/; max-age=86400";
localStorage.setItem("bench_last_page", "{i}");</script>
<script type="text/plain" data-category="statistics">document.cookie = "bench_stats=1; path=/; max-age=3600";</script>
</head><body><h1>Bench page {i}</h1><p>{"Lorem ipsum dolor sit amet. " * 40}</p>
<ul>{links}</ul></body></html>
""")
urls = "".join(f"<url><loc>http://127.0.0.1:{port}/{n}</loc></url>" for n in names)
(root / "sitemap.xml").write_text(
    f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
(root / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: http://127.0.0.1:{port}/sitemap.xml\n")
PY
(cd "$WORK/site" && exec taskset -c $LOAD_CPU python3 -m http.server --bind 127.0.0.1 "$SITE_PORT") \
  > "$WORK/site.log" 2>&1 &
SITE_PID=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$SITE_PORT/" 2>/dev/null && break; sleep 0.05; done

# --- the platform, and the site declared and published through the tenant API ----------------------
start_app
say "java: $GC $JAVA_OPTS (application and browser pinned to CPU $SERVER_CPU, wrk and the site to CPU $LOAD_CPU)"
say "scanner: $APP_OPTS"
psql_app() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d consent -Atqc "$1"; }
# An owner's API key of the demo tenant (cpk_…), written as the platform stores keys: its SHA-256.
SECRET="cpk_bench_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
HASH="$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)"
psql_app "insert into api_key (tenant_id, name, prefix, key_hash, role, created_by)
  select id, 'bench', 'cpk_bench_', '$HASH', 'OWNER', 'bench/scan.sh' from tenant where slug = 'town-of-cary'"
api() { # method path [json]
  curl -fsS -X "$1" -H "X-Api-Key: $SECRET" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "http://127.0.0.1:$APP_PORT$2"
}
api POST /v1/tenant/sites "{\"key\":\"benchsite\",\"name\":\"Bench site\",\"domains\":[\"127.0.0.1:$SITE_PORT\"],\"languages\":[\"en\"],\"defaultLanguage\":\"en\"}" >/dev/null
api POST /v1/tenant/sites/benchsite/categories '{"key":"necessary","purpose":"NECESSARY","required":true,"position":0,"texts":{"en":{"name":"Necessary"}}}' >/dev/null
api POST /v1/tenant/sites/benchsite/categories '{"key":"statistics","purpose":"STATISTICS","required":false,"position":1,"texts":{"en":{"name":"Statistics"}}}' >/dev/null
api POST /v1/tenant/sites/benchsite/versions >/dev/null

# --- banner GET without a scan ------------------------------------------------------------------------
taskset -c $LOAD_CPU wrk -t1 -c16 -d5s "$BANNER" >/dev/null
: > "$WORK/idle"
for r in $(seq 1 "$ROUNDS"); do wrk_run 16 "$BANNER" >> "$WORK/idle"; done

# --- the scan, its browser's memory sampled, and the banner while it runs -----------------------------
# Every chromium process descending from the application: RSS summed (shared pages counted in each
# process, an upper bound) and PSS summed (shared pages split between them), in kB, every 200 ms.
browser_memory() {
  local pids; pids="$(ps -eo pid=,ppid=,comm= | awk -v root="$APP_PID" '
    { parent[$1] = $2; name[$1] = $3 }
    END { for (p in parent) { q = p; while (q in parent && q != root && q > 1) q = parent[q];
          if (q == root && name[p] ~ /^chrom/) print p } }')"
  local rss=0 pss=0 pid
  for pid in $pids; do
    rss=$(( rss + $(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) ))
    pss=$(( pss + $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0) ))
  done
  printf '%s %s %s\n' "$(wc -w <<<"$pids")" "$rss" "$pss"
}
( while true; do browser_memory; sleep 0.2; done ) > "$WORK/memory" 2>/dev/null &
SAMPLER_PID=$!

SCAN_START_NS=$(date +%s%N)
LOCATION="$(curl -fsS -o /dev/null -D - -X POST -H "X-Api-Key: $SECRET" \
  "http://127.0.0.1:$APP_PORT/v1/tenant/sites/benchsite/scans" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')"
[ -n "$LOCATION" ] || die "the scan was not accepted"
case "$LOCATION" in http*) SCAN_URL="$LOCATION" ;; *) SCAN_URL="http://127.0.0.1:$APP_PORT$LOCATION" ;; esac
scan_field() { curl -fsS -H "X-Api-Key: $SECRET" "$SCAN_URL" | python3 -c "import json,sys; v=json.load(sys.stdin).get('$1'); print('' if v is None else v)"; }

# Measure the banner once the browser runs (not while the scan only waits in the queue).
for _ in $(seq 1 300); do [ "$(tail -1 "$WORK/memory" | cut -d' ' -f1)" -gt 0 ] 2>/dev/null && break; sleep 0.1; done
: > "$WORK/busy"
for r in $(seq 1 "$ROUNDS"); do
  [ "$(scan_field status)" = RUNNING ] || { say "warning: the scan ended during round $r"; break; }
  wrk_run 16 "$BANNER" >> "$WORK/busy"
done

STATUS=""
for _ in $(seq 1 $(( SCAN_WAIT_S * 2 ))); do
  STATUS="$(scan_field status)"
  case "$STATUS" in DONE|FAILED) break ;; esac
  sleep 0.5
done
SCAN_END_NS=$(date +%s%N)
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
[ "$STATUS" = DONE ] || { say "ERROR: the scan ended $STATUS: $(scan_field failure)"; FAILED=1; }

curl -fsS -H "X-Api-Key: $SECRET" "$SCAN_URL" > "$WORK/scan.json"
read -r STARTED_AT FINISHED_AT PAGES_VISITED <<<"$(python3 -c "
import json,sys; s=json.load(open('$WORK/scan.json'))
print(s.get('startedAt') or '-', s.get('finishedAt') or '-', s.get('pagesVisited'))")"
RUN_S="$(python3 -c "
from datetime import datetime
def t(v): return datetime.fromisoformat(v.replace('Z', '+00:00'))
print('%.1f' % (t('$FINISHED_AT') - t('$STARTED_AT')).total_seconds())" 2>/dev/null || echo '-')"
WALL_S="$(awk -v a="$SCAN_START_NS" -v b="$SCAN_END_NS" 'BEGIN { printf "%.1f", (b-a)/1e9 }')"
PEAK="$(awk 'BEGIN { p=0; r=0; s=0 } { if ($2 > r) r=$2; if ($3 > s) s=$3; if ($1 > p) p=$1 } END { printf "%d %d %d", p, r/1024, s/1024 }' "$WORK/memory")"
read -r PEAK_PROCS PEAK_RSS_MB PEAK_PSS_MB <<<"$PEAK"
LEFT="$(browser_memory | cut -d' ' -f1)"

idle=$(cut -d' ' -f1 "$WORK/idle" | median)
busy=$( [ -s "$WORK/busy" ] && cut -d' ' -f1 "$WORK/busy" | median || echo 0)
RATIO=$( [ "$busy" != 0 ] && ratio "$busy" "$idle" || echo '-')
RSS_MB=$(( $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 ))
say "scan status=$STATUS pages_visited_last_pass=$PAGES_VISITED page_cap=$PAGES wall_s=$WALL_S (request to report) running_s=$RUN_S (startedAt to finishedAt)"
say "scan counts: $(python3 -c "import json; print(json.dumps(json.load(open('$WORK/scan.json')).get('counts')))")"
say "browser peak: processes=$PEAK_PROCS rss_sum_mb=$PEAK_RSS_MB pss_sum_mb=$PEAK_PSS_MB (sampled every 200 ms); browser processes left after the scan: $LEFT"
say "banner_get c=16 idle_rps=$idle during_scan_rps=$busy ratio=$RATIO idle_p99_ms=$(cut -d' ' -f3 "$WORK/idle" | median) during_p99_ms=$( [ -s "$WORK/busy" ] && cut -d' ' -f3 "$WORK/busy" | median || echo -)"
say "rss_mb=$RSS_MB (application after the scan)"
say "summary scan_wall_s=$WALL_S browser_peak_rss_mb=$PEAK_RSS_MB browser_peak_pss_mb=$PEAK_PSS_MB banner_ratio_during_scan=$RATIO errors=$FAILED"
exit "$FAILED"
