#!/usr/bin/env bash
# The transparency log at scale (issue 16): one site filled with RECORDS records (10 million by
# default) straight in SQL, then records sealed per second (tree nodes and a signed head per batch
# of 2,000), inclusion and consistency proof size and time (PROOFS random records), and a full
# verification. Runs core's LedgerScaleBench against the test suite's embedded PostgreSQL 17.
# Needs no packaged application; about 25 minutes at 10 million on two cores, 1 at 100,000.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RECORDS="${RECORDS:-10000000}"
PROOFS="${PROOFS:-1000}"
LOG="$(mktemp /tmp/ledger-bench.XXXXXX.log)"
cd "$ROOT"
mvn -B ${MVN_OFFLINE:+-o} -pl core test -Dtest=LedgerScaleBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.ledger.records="$RECORDS" -Dbench.ledger.proofs="$PROOFS" -Dquarkus.http.test-port=0 \
  >"$LOG" 2>&1 || { tail -50 "$LOG"; echo "bench: failed, full log in $LOG" >&2; exit 2; }
grep 'ledger-bench:' "$LOG" | sed 's/^.*ledger-bench: //' || true
rm -f "$LOG"
