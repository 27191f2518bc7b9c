#!/usr/bin/env bash
# ctest package_install: installs both packages with apt on this machine, runs what they
# installed, purges them and checks that the machine is as it was (docs/packaging.md).
#   bash packaging/deb/test-install.sh PACKAGES_DIR VERSION PG_PORT
# (PG_PORT: a free loopback port for the throw-away PostgreSQL cluster it sets up with
# onewindow-server-setup-postgresql.)
# It needs root and apt (CI runs as root on Debian 12). Without them it FAILS and says so: a
# suite that skipped it would look green while nobody ever installed the packages.
set -euo pipefail
packages=${1:?usage: test-install.sh PACKAGES_DIR VERSION}
version=${2:?usage: test-install.sh PACKAGES_DIR VERSION PG_PORT}
pg_port=${3:?usage: test-install.sh PACKAGES_DIR VERSION PG_PORT}
packages=$(cd "$packages" && pwd)
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fail() {
    echo "package_install: FAILED: $*" >&2
    exit 1
}
step() { echo "package_install: $*"; }

[ "$(id -u)" -eq 0 ] ||
    fail "needs root: it installs the packages with apt-get and removes them again (CI runs as" \
        "root; as a developer: sudo ctest --preset dev -R package_install)"
command -v apt-get >/dev/null || fail "needs apt-get (Debian 12)"
command -v curl >/dev/null || fail "needs curl (packaging/install-deps.sh installs it)"
debs=("$packages"/onewindow_"$version"_*.deb)
workstation=${debs[0]}
debs=("$packages"/onewindow-server_"$version"_*.deb)
server=${debs[0]}
[ -f "$workstation" ] || fail "no package onewindow $version in $packages (package_build)"
[ -f "$server" ] || fail "no package onewindow-server $version in $packages (package_build)"
for p in onewindow onewindow-server; do
    if dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^[ihr]'; then
        fail "$p is installed already; this test must start from a machine without it" \
            "(apt-get purge onewindow onewindow-server)"
    fi
done
getent passwd onewindow >/dev/null &&
    fail "a user onewindow exists already (left by an earlier install that kept its data?)"

# What is installed, with versions: compared after the purge. Sorted and compared byte-wise: in
# the clerks' zh_CN.UTF-8 locale sort orders "name version" lines differently from the bare names
# comm reads, and comm then failed the test before it could purge what it installed.
installed() {
    dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package} ${Version}\n' |
        awk '$1 !~ /^[up]n/ { print $2, $3 }' | LC_ALL=C sort
}
before=$(installed)
apt_get() {
    DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 "$@"
}

work=$(mktemp -d)
server_pid=""
cleanup() {
    local status=$?
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    bash "$source_dir/tests/support/pg-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true
    # Whatever happened: remove what this test installed, ours and what apt pulled in for them.
    local added
    added=$(LC_ALL=C comm -13 <(echo "$before" | cut -d' ' -f1) <(installed | cut -d' ' -f1) | tr '\n' ' ')
    if [ -n "$added" ]; then
        # shellcheck disable=SC2086
        apt_get purge $added >"$work/purge.log" 2>&1 || cat "$work/purge.log" >&2
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

step "apt-get install $(basename "$workstation") $(basename "$server")"
apt_get install --no-install-recommends "$workstation" "$server" >"$work/install.log" 2>&1 || {
    cat "$work/install.log" >&2
    fail "apt-get install failed"
}
pulled=$(LC_ALL=C comm -13 <(echo "$before" | cut -d' ' -f1) <(installed | cut -d' ' -f1) | tr '\n' ' ')
step "installed: $pulled"

# The files where Debian looks for them.
for f in /usr/bin/onewindow /usr/bin/onewindowctl /usr/bin/onewindow-server \
    /usr/sbin/onewindow-server-setup-postgresql; do
    [ -x "$f" ] || fail "$f is not installed"
done
for f in /usr/share/applications/org.onewindow.OneWindow.desktop \
    /usr/share/metainfo/org.onewindow.OneWindow.metainfo.xml \
    /usr/share/icons/hicolor/48x48/apps/onewindow.png /usr/share/icons/hicolor/scalable/apps/onewindow.svg \
    /usr/share/onewindow/calendars/2026.json /usr/share/man/man1/onewindowctl.1.gz \
    /usr/share/man/man8/onewindow-server.8.gz /lib/systemd/system/onewindow-server.service \
    /lib/systemd/system/onewindow-server-due@.service /lib/systemd/system/onewindow-server-due@.timer \
    /etc/onewindow/server.env /usr/share/doc/onewindow-server/examples/nginx/onewindow.conf; do
    [ -f "$f" ] || fail "$f is not installed"
done
[ "$(stat -c '%U:%G %a' /etc/onewindow/server.env)" = "root:onewindow 640" ] ||
    fail "/etc/onewindow/server.env is $(stat -c '%U:%G %a' /etc/onewindow/server.env), not root:onewindow 640"

# The service's system user, made by postinst: no login, its home the state directory.
entry=$(getent passwd onewindow) || fail "postinst made no user onewindow"
IFS=: read -r _ _ uid _ _ home shell <<<"$entry"
[ "$uid" -lt 1000 ] || fail "onewindow is not a system user (uid $uid)"
[ "$home" = /var/lib/onewindow ] || fail "onewindow's home is $home"
case "$shell" in */nologin | */false) ;; *) fail "onewindow may log in (shell $shell)" ;; esac
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /lib/systemd/system/onewindow-server.service ||
        fail "systemd-analyze verify finds fault with the unit"
fi

# The programs, as installed, each on its own (HOME in the test's folder: nothing in root's).
export HOME="$work/home"
mkdir -p "$HOME"
for program in onewindowctl onewindow-server onewindow; do
    line=$(env -u DISPLAY -u WAYLAND_DISPLAY "/usr/bin/$program" --version) ||
        fail "$program --version failed"
    [[ "$line" =~ ^$program\ $version\ \(commit\ [A-Za-z0-9._+-]+\)$ ]] ||
        fail "$program --version says '$line'"
    step "$line"
done
# The window's Qt starts (platform plugin, translation) and answers --help offscreen.
QT_QPA_PLATFORM=offscreen /usr/bin/onewindow --help >"$work/help.txt" 2>&1 ||
    fail "onewindow --help offscreen failed: $(cat "$work/help.txt")"
grep -q -- '--store' "$work/help.txt" || fail "onewindow --help lists no --store"

# A deadline from the ctl on a new store, started by importing the installed 2026 notice (a store
# that does not exist is refused by every other command): the 20th working day after Friday
# 2026-09-18, over the National Day holiday, is Thursday 2026-10-22.
/usr/bin/onewindowctl --store "$work/window.sqlite" calendar import \
    /usr/share/onewindow/calendars/2026.json >"$work/calendar.out" 2>&1 ||
    fail "onewindowctl calendar import failed: $(cat "$work/calendar.out")"
due=$(/usr/bin/onewindowctl --store "$work/window.sqlite" deadline 2026-09-18 20) ||
    fail "onewindowctl deadline failed"
[ "$due" = 2026-10-22 ] || fail "onewindowctl deadline 2026-09-18 20 says '$due', not 2026-10-22"
step "onewindowctl deadline 2026-09-18 20: $due"

# The server as the service runs it: the user onewindow, loopback only; /healthz must answer.
serve_and_ask() {
    local label=$1
    shift
    # serve refuses a store without a hall (issue 17, F3): hall create makes the store first.
    runuser -u onewindow -- /usr/bin/onewindow-server "$@" hall create 620102 --name 测试大厅 \
        >"$work/hall.out" 2>&1 || fail "onewindow-server hall create ($label) failed: $(cat "$work/hall.out")"
    runuser -u onewindow -- /usr/bin/onewindow-server "$@" serve --listen 127.0.0.1:0 \
        >"$work/server.out" 2>"$work/server.err" &
    server_pid=$!
    local port="" health
    for _ in $(seq 1 100); do
        port=$(sed -n 's/^onewindow-server: listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.out")
        [ -n "$port" ] && break
        kill -0 "$server_pid" 2>/dev/null || fail "onewindow-server ($label) stopped: $(cat "$work/server.err")"
        sleep 0.1
    done
    [ -n "$port" ] || fail "onewindow-server ($label) did not say where it listens"
    health=$(curl -sS --max-time 10 "http://127.0.0.1:$port/healthz") || fail "no answer on /healthz ($label)"
    [[ "$health" == *'"status":"ok"'* ]] || fail "/healthz ($label) says $health"
    step "onewindow-server on $label, 127.0.0.1:$port as user onewindow: /healthz $health"
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
# A store of its own in a temporary folder (SQLite).
install -d -o onewindow -g onewindow -m 0750 "$work/server"
chmod 0755 "$work"
serve_and_ask "SQLite" --store "$work/server/central.sqlite"
rm -rf "$work/server"

# PostgreSQL as the unit uses it: a throw-away cluster (tests/support/pg-cluster.sh), the role
# and database made by onewindow-server-setup-postgresql (a second run changes nothing).
bash "$source_dir/tests/support/pg-cluster.sh" start "$work/pg" "$pg_port" >"$work/pg.log" 2>&1 ||
    fail "could not start the test's PostgreSQL cluster: $(cat "$work/pg.log")"
setup=$(/usr/sbin/onewindow-server-setup-postgresql --host 127.0.0.1 --port "$pg_port") ||
    fail "onewindow-server-setup-postgresql failed: $setup"
[[ "$setup" == *"已创建角色 onewindow"* && "$setup" == *"已创建数据库 onewindow"* ]] ||
    fail "onewindow-server-setup-postgresql said: $setup"
again=$(/usr/sbin/onewindow-server-setup-postgresql --host 127.0.0.1 --port "$pg_port") ||
    fail "onewindow-server-setup-postgresql failed the second time: $again"
[[ "$again" == *"角色 onewindow 已存在"* && "$again" == *"数据库 onewindow 已存在"* ]] ||
    fail "onewindow-server-setup-postgresql, run again, said: $again"
step "onewindow-server-setup-postgresql made the role and database, and a second run nothing"
serve_and_ask "PostgreSQL" --database "host=127.0.0.1 port=$pg_port dbname=onewindow user=onewindow"
bash "$source_dir/tests/support/pg-cluster.sh" stop "$work/pg" >/dev/null

# Purge, then the machine as it was: the same packages at the same versions, no user, no files.
# shellcheck disable=SC2086
apt_get purge $pulled >"$work/purge.log" 2>&1 || {
    cat "$work/purge.log" >&2
    fail "apt-get purge failed"
}
after=$(installed)
if [ "$before" != "$after" ]; then
    diff <(echo "$before") <(echo "$after") >&2 || true
    fail "the installed packages differ from before the test (above)"
fi
getent passwd onewindow >/dev/null && fail "the user onewindow is still there after the purge"
getent group onewindow >/dev/null && fail "the group onewindow is still there after the purge"
for f in /usr/bin/onewindow /usr/bin/onewindowctl /usr/bin/onewindow-server /etc/onewindow \
    /var/lib/onewindow /lib/systemd/system/onewindow-server.service \
    /lib/systemd/system/onewindow-server-due@.timer /usr/share/onewindow; do
    [ ! -e "$f" ] || fail "$f is still there after the purge"
done
step "purged; the machine is as it was ($(echo "$before" | wc -l) packages, no user onewindow)"
