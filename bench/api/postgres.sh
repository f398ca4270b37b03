# Sourceable helper: a private PostgreSQL server as in STACK.md (initdb as the postgres user, trust auth on
# 127.0.0.1, random port, fsync=off). Written so other bench scripts can source it instead of copying it.
#   pg_start DIR   initialises DIR/data on first use (kept, so seeded databases survive between runs) and starts
#                  the server; sets pg_port and pg_pid. DIR is chowned to postgres (initdb refuses root).
#   pg_stop        stops the server started by pg_start (safe to call twice, and when none was started).
#   pg_psql ARGS   psql against it as the postgres superuser.
pg_pid=""
pg_port=""

pg_start() {
  local dir=$1 bin
  bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | head -1)")
  [ -x "$bin/initdb" ] || { echo "PostgreSQL is missing: apt-get install -y postgresql" >&2; return 1; }
  mkdir -p "$dir"; chown postgres:postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # A killed run leaves postmaster.pid behind; remove it only when its process is gone (else another run owns it).
  if [ -f "$dir/data/postmaster.pid" ]; then
    local old; old=$(head -1 "$dir/data/postmaster.pid")
    if kill -0 "$old" 2>/dev/null; then echo "PostgreSQL in $dir is in use (pid $old)" >&2; return 1; fi
    rm -f "$dir/data/postmaster.pid"
  fi
  setpriv --reuid=postgres --regid=postgres --init-groups "$bin/postgres" -D "$dir/data" -p "$pg_port" -k "$dir" \
    -c listen_addresses=127.0.0.1 -c fsync=off -c max_wal_size=4GB -c max_connections=200 >>"$dir/log" 2>&1 &
  pg_pid=$!
  local _
  for _ in $(seq 1 300); do
    pg_psql -c "SELECT 1" >/dev/null 2>&1 && return 0
    kill -0 "$pg_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "PostgreSQL did not start; log:" >&2; tail -20 "$dir/log" >&2; return 1
}

pg_psql() { PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$pg_port" -U postgres -qAt "$@"; }

pg_stop() {
  if [ -n "$pg_pid" ]; then
    kill -INT "$pg_pid" 2>/dev/null || true   # SIGINT = fast shutdown
    wait "$pg_pid" 2>/dev/null || true
    pg_pid=""
  fi
}
