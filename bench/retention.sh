#!/usr/bin/env bash
# Retention of ROWS expired records (10 million by default) on one site, two ways, on the same
# throwaway PostgreSQL as run.sh (schema made by the packaged application's own migrations):
#   delete: today's batched DELETE through the owner's consent_expire (records, entries, tree nodes);
#   drop:   the expired months dropped whole (consent_drop_expired_partitions), then consent_expire
#           for what is left behind the checkpoint (the tree's nodes, which are not partitioned).
# Each way prints its time, the WAL it wrote, the size of the tables and indexes before and after and
# the dead rows left for VACUUM. The records are spread over twelve months that ended two months ago,
# for a tenant keeping 30 days, behind a retention checkpoint at the last one; they are written
# straight in SQL, as growth.sh does, with entries and tree nodes of the same count as sealing makes.
# About 4 minutes at ROWS=1000000 on two cores.
source "$(dirname "$0")/lib.sh"

ROWS="${ROWS:-10000000}"
psql_q() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "${AS:-postgres}" -d consent -v ON_ERROR_STOP=1 -Atqc "$1"; }

# The application migrates the schema and makes its months ahead; then it is out of the way. (With
# an empty password the owner's credentials for Flyway read as unset and it ran as consent_app.)
psql_q "alter role consent_owner password 'bench'; alter role consent_app password 'bench'"
APP_OPTS="-Dquarkus.flyway.password=bench -Dquarkus.datasource.password=bench ${APP_OPTS:-}"
start_app
stop_app

SITE="$(psql_q "insert into tenant (slug, name, consent_retention_days) values ('retention', 'Retention', 30);
  insert into site (tenant_id, site_key, name, default_language)
    select id, 'retention', 'Retention', 'en' from tenant where slug = 'retention' returning id")"
psql_q "insert into policy_version (site_id, number, consent_revision, content_hash, snapshot, published_by)
        values ($SITE, 1, 1, repeat('0', 64), '{}', 'bench')" >/dev/null
FIRST="$(psql_q "select (date_trunc('month', now(), 'UTC') - interval '14 months')::date")"

fill() {
  local filled_ns; filled_ns=$(date +%s%N)
  AS=consent_app psql_q "select consent_create_partitions('$FIRST', 11)" >/dev/null
  psql_q "set session_replication_role = replica;
    insert into consent_record (id, site_id, policy_version_id, visitor_id, action, method, choices,
                                language, gpc, recorded_at, user_agent_family, ip_truncated)
    select gen_random_uuid(), $SITE, v.id, gen_random_uuid(), 'ACCEPT_ALL', 'BANNER',
           '{\"necessary\": true, \"preferences\": true, \"statistics\": true, \"marketing\": true}',
           'en', false,
           '$FIRST'::timestamptz + (n - 0.5) / $ROWS * (interval '12 months'),
           'Firefox', '127.0.0.0'
    from policy_version v, generate_series(1, $ROWS) n where v.site_id = $SITE;
    insert into consent_ledger (site_id, seq, record_id, record_digest, sealed_at, recorded_at)
    select $SITE, row_number() over (order by recorded_at, id), id,
           encode(sha256(convert_to(id::text, 'UTF8')), 'hex'), recorded_at, recorded_at
    from consent_record where site_id = $SITE;
    insert into consent_ledger_node (site_id, level, idx, hash)
    select $SITE, l, i, sha256(int8send(l * 4294967296 + i))
    from generate_series(1, 62) l, generate_series(0, ($ROWS::bigint >> l) - 1) i
    where ($ROWS::bigint >> l) > 0;
    insert into consent_ledger_checkpoint (site_id, seq, removed, created_at, frontier, root_hash)
    values ($SITE, $ROWS, $ROWS, now(), '{}', repeat('0', 64));" >/dev/null
  psql_q "vacuum analyze" >/dev/null
  psql_q "checkpoint" >/dev/null
  say "filled $ROWS records, entries and about as many tree nodes in $(( ($(date +%s%N) - filled_ns) / 1000000000 )) s"
}

size_mb() {
  psql_q "select round(sum(pg_total_relation_size(relid)) / 1048576.0)
          from (select relid from pg_partition_tree('consent_record')
                union all select relid from pg_partition_tree('consent_ledger')
                union all select 'consent_ledger_node'::regclass) t"
}

measure() { # way sql
  local before lsn started ms wal dead
  before="$(size_mb)"
  lsn="$(psql_q 'select pg_current_wal_lsn()')"
  started=$(date +%s%N)
  AS=consent_app psql_q "$2" >/dev/null
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  wal="$(psql_q "select round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$lsn') / 1048576.0)")"
  sleep 1 # the deleting session's counts reach the statistics when it ends
  dead="$(psql_q "select coalesce(sum(n_dead_tup), 0) from pg_stat_user_tables
                  where relname like 'consent_record%' or relname like 'consent_ledger%'")"
  say "retention way=$1 rows=$ROWS ms=$ms wal_mb=$wal size_mb_before=$before size_mb_after=$(size_mb) dead_rows=$dead"
}

fill
measure delete "select consent_expire($SITE, $ROWS)"
psql_q "truncate consent_record, consent_ledger, consent_ledger_node, consent_ledger_checkpoint" >/dev/null
fill
measure drop "select consent_drop_expired_partitions(); select consent_expire($SITE, $ROWS)"
exit "$FAILED"
