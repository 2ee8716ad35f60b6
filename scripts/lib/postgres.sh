# shellcheck shell=bash
# A throwaway PostgreSQL cluster for tests and benchmarks. Source this file, then:
#
#   pg_start              # initdb + start on 127.0.0.1 at a free port, in a fresh temp dir
#   pg_create_database ttdn_test
#   echo "$PG_URL"        # postgres://postgres@127.0.0.1:PORT/ttdn_test
#   pg_stop               # stop the server and delete the directory (safe to call twice)
#
# Callers should `trap pg_stop EXIT` (scripts/test does) so the cluster goes away on failure and
# Ctrl-C too. Trust authentication on loopback only: the cluster is private, short-lived and holds
# nothing but test data.
#
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user (created if
# missing). The binaries come from PATH or from Debian's /usr/lib/postgresql/<version>/bin.

PG_BIN=""
PG_DIR=""
PG_PORT=""
PG_URL=""
PG_RUN_AS=()

# Finds initdb and pg_ctl; sets PG_BIN. Returns 1 (with a hint on stderr) when they are missing.
pg_find_binaries() {
    local candidate
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        # Follow symlinks (e.g. /usr/local/bin/pg_ctl) to the directory that also holds psql.
        PG_BIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
        [[ -x $PG_BIN/initdb ]] && return 0
    fi
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x $candidate/initdb && -x $candidate/pg_ctl ]]; then
            PG_BIN=$candidate
            return 0
        fi
    done
    echo "PostgreSQL's initdb and pg_ctl were not found (on PATH or in /usr/lib/postgresql/*/bin)." >&2
    echo "  Install them with: apt-get install -y postgresql" >&2
    return 1
}

# A TCP port nobody listens on right now (the kernel picks it).
pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# pg_start [PARENT_DIR]: creates and starts a cluster. Sets PG_DIR, PG_PORT, PG_URL (to the
# `postgres` maintenance database until pg_create_database picks another).
pg_start() {
    local parent=${1:-${TMPDIR:-/tmp}}
    pg_find_binaries || return 1
    PG_DIR=$(mktemp -d "$parent/ttdn-pg.XXXXXX")
    PG_RUN_AS=()
    if [[ $(id -u) -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
        fi
        chown postgres: "$PG_DIR"
        PG_RUN_AS=(runuser -u postgres --)
    fi
    # initdb and the server resolve relative paths against the working directory; root's may be
    # unreadable for the postgres user, so work from the cluster's own directory.
    if ! (cd "$PG_DIR" && "${PG_RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres \
        --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1); then
        echo "initdb failed:" >&2
        cat "$PG_DIR/initdb.log" >&2
        return 1
    fi
    local attempt
    for attempt in 1 2 3; do
        PG_PORT=$(pg_free_port)
        if (cd "$PG_DIR" && "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >"$PG_DIR/pg_ctl.log" 2>&1); then
            PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
            return 0
        fi
        # The port may have been taken between choosing and binding it; try another.
    done
    echo "PostgreSQL did not start:" >&2
    cat "$PG_DIR/pg_ctl.log" "$PG_DIR/server.log" >&2 2>/dev/null || true
    return 1
}

# pg_psql ARGS…: psql against the running cluster as the superuser.
pg_psql() {
    local psql=$PG_BIN/psql
    [[ -x $psql ]] || psql=$(command -v psql) || { echo "psql not found: apt-get install -y postgresql-client" >&2; return 1; }
    (cd "$PG_DIR" && "${PG_RUN_AS[@]}" "$psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres "$@")
}

# pg_create_database NAME: creates NAME and points PG_URL at it.
pg_create_database() {
    local name=$1
    pg_psql -d postgres -c "CREATE DATABASE \"$name\"" >/dev/null || return 1
    PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$name"
}

# Stops the server (immediately: nothing in it is worth keeping) and deletes its directory.
pg_stop() {
    [[ -n $PG_DIR && -d $PG_DIR ]] || return 0
    if [[ -f $PG_DIR/data/postmaster.pid ]]; then
        (cd "$PG_DIR" && "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 30 stop) \
            >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
    PG_DIR=""
    PG_PORT=""
    PG_URL=""
}
