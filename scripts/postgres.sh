#!/usr/bin/env bash
# A throwaway PostgreSQL server for the warehouse tests (tests/it/warehouse.rs).
#
#   eval "$(scripts/postgres.sh start)"   # starts one, exports SHUANGSUI_POSTGRES and SHUANGSUI_POSTGRES_DIR
#   scripts/postgres.sh stop "$SHUANGSUI_POSTGRES_DIR"
#
# The cluster lives in a fresh temporary directory, listens on a Unix socket there and on no
# TCP port (so it never collides with another server), trusts local connections, and is
# UTF-8 with an ICU English collation, under which text does not sort by bytes: a query that
# forgets COLLATE "C" gives other rankings there. initdb refuses to run as root: as root the
# cluster belongs to the `postgres` user (Debian's package creates it).
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 2
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
  start)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/shuangsui-pg.XXXXXX")
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    port=5432
    # ICU needs PostgreSQL 15; an older server gets a C.UTF-8 cluster.
    as_owner "$bindir/initdb" -D "$dir/data" -U shuangsui --auth=trust -E UTF8 \
      --locale-provider=icu --icu-locale=en-US --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { rm -rf "$dir/data" && as_owner "$bindir/initdb" -D "$dir/data" -U shuangsui --auth=trust \
          -E UTF8 --locale=C.UTF-8 >>"$dir/initdb.log" 2>&1; } ||
      { cat "$dir/initdb.log" >&2; exit 2; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $dir -p $port -c fsync=off" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 2; }
    echo "export SHUANGSUI_POSTGRES='host=$dir port=$port user=shuangsui dbname=postgres'"
    echo "export SHUANGSUI_POSTGRES_DIR='$dir'"
    ;;
  stop)
    dir=${2:?usage: postgres.sh stop DIR}
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start | stop DIR" >&2
    exit 2
    ;;
esac
