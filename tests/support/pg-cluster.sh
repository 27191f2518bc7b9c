#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the server tests (ctest fixture `postgres`):
#   pg-cluster.sh start STATE_DIR PORT   initdb in a temporary folder, start it on 127.0.0.1:PORT,
#                                        create the database onewindow_test
#   pg-cluster.sh stop STATE_DIR         stop it and remove the folder
# The cluster runs as a non-root user: as root (CI), as `postgres` through runuser, the folder
# owned by it; otherwise as the calling user. STATE_DIR (in the build tree) remembers the folder.
set -euo pipefail

command=${1:-}
state=${2:-}
bin=/usr/lib/postgresql/15/bin
[ -n "$state" ] || { echo "usage: pg-cluster.sh start|stop STATE_DIR [PORT]" >&2; exit 2; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop() {
    [ -f "$state/data-dir" ] || return 0
    local data
    data=$(cat "$state/data-dir")
    if [ -d "$data/data" ]; then
        as_owner "$bin/pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$data"
    rm -f "$state/data-dir"
}

case "$command" in
    start)
        port=${3:?port}
        [ -x "$bin/initdb" ] || { echo "pg-cluster: PostgreSQL 15 is not installed ($bin); run packaging/install-deps.sh" >&2; exit 1; }
        mkdir -p "$state"
        stop # a cluster left by an interrupted run
        data=$(mktemp -d /tmp/onewindow-pg.XXXXXX)
        echo "$data" >"$state/data-dir"
        chmod 755 "$data"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
        as_owner "$bin/initdb" -D "$data/data" --auth=trust --username=postgres --encoding=UTF8 \
            --locale=C.UTF-8 >"$data/initdb.log" 2>&1 || { cat "$data/initdb.log" >&2; exit 1; }
        if ! as_owner "$bin/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=50 -c client_min_messages=warning" start >/dev/null; then
            cat "$data/server.log" >&2
            echo "pg-cluster: could not start PostgreSQL on 127.0.0.1:$port (port in use? set ONEWINDOW_TEST_PG_PORT)" >&2
            exit 1
        fi
        as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres onewindow_test
        echo "pg-cluster: postgresql://postgres@127.0.0.1:$port/onewindow_test ($data)"
        ;;
    stop)
        stop
        echo "pg-cluster: stopped"
        ;;
    *)
        echo "usage: pg-cluster.sh start|stop STATE_DIR [PORT]" >&2
        exit 2
        ;;
esac
