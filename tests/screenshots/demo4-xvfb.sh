#!/bin/bash
# Kept with its screenshots (tests/screenshots/demo4-*.png): xvfb-run -a -s "-screen 0 1280x800x24" tests/screenshots/demo4-xvfb.sh
# Needs xdotool, x11-apps (xwd) and netpbm; writes to /tmp/d4x/run.
# Drives the four-terminal demo under Xvfb (run inside xvfb-run).
set -u
B=${ONEWINDOW_BUILD:-$(cd "$(dirname "$0")/../.." && pwd)/build/dev} # the build to drive
D=/tmp/d4x/run; rm -rf $D; mkdir -p $D
export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 XDG_RUNTIME_DIR=$D/xdg; mkdir -p -m 700 $XDG_RUNTIME_DIR
export HOME=$D/home; mkdir -p $HOME
shot() { xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > $D/$1.png; echo shot $1; }
shotw() { xwd -id $1 -silent | xwdtopnm 2>/dev/null | pnmtopng > $D/$2.png; echo shot $2; }
$B/app/serverdemo/onewindow-server-demo --store $D/central.sqlite hall demo 620102 --cases 300 > $D/prepared.txt
cat $D/prepared.txt
$B/app/server/onewindow-server --store $D/central.sqlite serve --listen 127.0.0.1:8440 > $D/server.out 2> $D/server.log &
SRV=$!
sleep 1
# A window with no server first: the Chinese error.
$B/app/onewindow --demo --join http://127.0.0.1:8441 --window W07 --store $D/nosrv.sqlite > $D/nosrv.log 2>&1 &
NP=$!
sleep 4; shot no-server; kill $NP
declare -A PID
for w in W07 W08 BACK SUP; do
  $B/app/onewindow --demo --join http://127.0.0.1:8440 --window $w --store $D/demo-$w.sqlite > $D/$w.log 2>&1 &
  PID[$w]=$!
  sleep 3
done
sleep 3
shot signin-dialogs
# Each sign-in dialog: Enter signs in with the filled-in account.
for w in W07 W08 BACK SUP; do
  for id in $(xdotool search --pid ${PID[$w]} --onlyvisible 2>/dev/null); do
    xdotool windowfocus --sync $id 2>/dev/null; xdotool key --window $id Return; done
  sleep 2
done
sleep 3
for w in W07 W08 BACK SUP; do
  id=$(xdotool search --pid ${PID[$w]} --onlyvisible --name "$w" 2>/dev/null | head -1)
  echo "$w window: $id $(xdotool getwindowname $id 2>/dev/null)"
  [ -n "$id" ] && xdotool windowmove $id 0 0 windowsize $id 1280 800 && sleep 1 && shotw $id $w-signed-in
done
# At W07 (the running window's own store): a W07 case in progress forwarded to the back office.
CTL=$B/app/ctl/onewindowctl
CASE=$($CTL --store $D/demo-W07.sqlite case list --json 2>/dev/null | python3 -c '
import json,sys
d=json.load(sys.stdin); rows=d if isinstance(d,list) else d.get("cases",[])
num=lambda r: r.get("case_number") or r.get("caseNumber") or r.get("number") or ""
print(next((num(r) for r in rows if "-W07-" in num(r) and ("progress" in json.dumps(r) or "办理中" in json.dumps(r,ensure_ascii=False))),""), file=sys.stdout)
print(json.dumps(rows[:1],ensure_ascii=False)[:400], file=sys.stderr)')
echo "case $CASE"
$CTL --store $D/demo-W07.sqlite case act "$CASE" forwarded --as zhangsan --to 人力资源和社会保障后台审批组 --note 演示移交 2>&1
sleep 5
for w in BACK SUP W07; do
  id=$(xdotool search --pid ${PID[$w]} --onlyvisible --name "$w" 2>/dev/null | head -1)
  [ -n "$id" ] && xdotool windowraise $id && sleep 1 && shotw $id $w-after-forward
done
echo "$CASE" > $D/case.txt
for w in W07 W08 BACK SUP; do kill ${PID[$w]}; done
kill $SRV
wait
