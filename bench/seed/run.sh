#!/usr/bin/env bash
# Times `sefdata seed` at several scales on SQLite and on a throwaway PostgreSQL server, printing seed time and
# database size. Usage: bench/seed/run.sh [scales...]   (default: 1 10; add 100 for the full run)
# Env: SEED (default 42), PROVIDERS (default "Sqlite Postgres"), KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -gt 0 ]; then scales=("$@"); else scales=(1 10); fi
seed=${SEED:-42}
providers=${PROVIDERS:-"Sqlite Postgres"}
work=$(mktemp -d /tmp/sefdata-bench.XXXXXX)
chmod 755 "$work"

echo "==> building sefdata (Release)" >&2
dotnet build src/SefData.Cli -c Release -nologo -v quiet >&2
cli=(dotnet src/SefData.Cli/bin/Release/net10.0/sefdata.dll)

pg_pid=""
cleanup() {
  if [ -n "$pg_pid" ]; then kill -INT "$pg_pid" 2>/dev/null || true; wait "$pg_pid" 2>/dev/null || true; fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

start_postgres() {
  # A private server as in STACK.md: initdb refuses root, so the data folder belongs to the postgres user.
  local bin; bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | head -1)")
  [ -x "$bin/initdb" ] || { echo "PostgreSQL is missing: apt-get install -y postgresql" >&2; exit 1; }
  mkdir -p "$work/pg"; chown postgres:postgres "$work/pg"
  runuser -u postgres -- "$bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  setpriv --reuid=postgres --regid=postgres --init-groups "$bin/postgres" -D "$work/pg/data" -p "$pg_port" -k "$work/pg" \
    -c listen_addresses=127.0.0.1 -c fsync=off -c max_wal_size=4GB >"$work/pg/log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 1 100); do psql -h 127.0.0.1 -p "$pg_port" -U postgres -qAtc "SELECT 1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "PostgreSQL did not start; log:" >&2; cat "$work/pg/log" >&2; exit 1
}

printf '%-9s %6s %10s %12s %14s\n' provider scale seconds size_mb rows
for provider in $providers; do
  [ "$provider" = Postgres ] && [ -z "$pg_pid" ] && start_postgres
  for scale in "${scales[@]}"; do
    if [ "$provider" = Sqlite ]; then
      cs="Data Source=$work/s$scale.db"
    else
      psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE s$scale" >/dev/null
      cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=s$scale"
    fi
    "${cli[@]}" migrate --provider "$provider" --connection "$cs" 2>/dev/null
    log="$work/seed-$provider-$scale.log"
    start=$(date +%s.%N)
    "${cli[@]}" seed --provider "$provider" --connection "$cs" --scale "$scale" --seed "$seed" 2>"$log" || { cat "$log" >&2; exit 1; }
    end=$(date +%s.%N)
    rows=$(sed -nE 's/.*Done in .*: ([0-9,]+) rows.*/\1/p' "$log")
    if [ "$provider" = Sqlite ]; then
      bytes=$(stat -c %s "$work/s$scale.db")
    else
      bytes=$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -Atc "SELECT pg_database_size('s$scale')")
    fi
    printf '%-9s %6s %10.1f %12.1f %14s\n' "$provider" "$scale" "$(echo "$end - $start" | bc)" "$(echo "$bytes / 1048576" | bc -l)" "$rows"
  done
done
