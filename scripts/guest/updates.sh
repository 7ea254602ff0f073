# SPDX-License-Identifier: GPL-2.0
# Helpers for guest tests that load updates. Sourced by /test.sh, after
# /lu/tap.sh; needs the files of scripts/build-updates in /lu/updates/.
# shellcheck shell=sh
# shellcheck disable=SC2034 # d and cg are for the scripts that source this

d=/sys/kernel/sched_update
cg=/sys/fs/cgroup

# Let modprobe find the update modules, as on an installed system.
mods=/lib/modules/$(uname -r)/extra
mkdir -p "$mods"
cp /lu/updates/*.ko "$mods/"
depmod
echo /bin/modprobe >/proc/sys/kernel/modprobe

# /tmp/hog NAME: a CPU hog that counts its progress in /tmp/p.NAME, which
# progress() watches (written whole, by mv, so that a read never sees a
# partial count).
cat >/tmp/hog <<'EOF'
#!/bin/sh
n=0
while :; do
	n=$((n + 1))
	if [ $((n % 100)) = 0 ]; then
		echo $n >/tmp/n.$1
		mv /tmp/n.$1 /tmp/p.$1
	fi
done
EOF
chmod +x /tmp/hog

# policy_of PIDFILE: the scheduling policy of the task (1 fifo, 6 deadline).
policy_of() {
	awk '$1 == "policy" { print $3 }' "/proc/$(cat "$1")/sched"
}

# write_err FILE VALUE [CMD...]: write VALUE to FILE (through CMD, e.g.
# dropcap), print the error message of the write, if any.
write_err() {
	f=$1 v=$2
	shift 2
	# shellcheck disable=SC2016 # $0 and $1 are the inner shell's
	"$@" sh -c 'echo "$1" >"$0"' "$f" "$v" 2>&1 | sed 's/.*write error: //'
}

# refused FILE VALUE ERRNO_TEXT DMESG_PATTERN [CMD...]
refused() {
	f=$1 v=$2 e=$3 p=$4
	shift 4
	dmesg -c >/dev/null
	got=$(write_err "$f" "$v" "$@")
	[ "$got" = "$e" ] || { echo "# wrote '$v': got '$got', expected '$e'"; return 1; }
	dmesg | grep -q "sched_lu: .*$p" || { echo "# no dmesg line matching '$p'"; dmesg | tail -n 3; return 1; }
}

# med FILE COLUMN [DIVISOR_COLUMN]: the median of a column of FILE, or of
# its ratio to another column, over the lines.
med() {
	awk -v c="$2" -v d="${3:-0}" '{ print d ? $c / $d : $c }' "$1" | sort -g |
		awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# load NAME, unload NAME: switch to the update, roll it back.
load() { sh -c "echo $1 >$d/load"; }
unload() { sh -c "echo $1 >$d/unload"; }

state_is() {
	[ "$(cat $d/state)" = "$1" ] || { echo "# state: $(cat $d/state), expected $1"; return 1; }
}

not_loaded() {
	! lsmod | grep -q "^$1 "
}

stat_of() {
	cat "$d/last_switch/$1"
}

# progress: every progress counter (/tmp/p.*) moves within 10 s. A task
# lost from its run queue never does; a slow guest (KASAN, a loaded
# host) may take more than a few seconds.
progress() {
	for f in /tmp/p.*; do
		echo "$f $(cat "$f")"
	done >/tmp/before
	while read -r f v; do
		i=0
		while [ "$(cat "$f")" -le "$v" ]; do
			i=$((i + 1))
			[ $i -le 10 ] || { echo "# no progress: $f $v"; return 1; }
			sleep 1
		done
	done </tmp/before
}

# /tmp/forker: a fork/exit loop that counts its progress in /tmp/p.fork.
cat >/tmp/forker <<'EOF'
#!/bin/sh
n=0
while :; do
	/bin/true
	n=$((n + 1))
	echo $n >/tmp/n.fork
	mv /tmp/n.fork /tmp/p.fork
done
EOF
chmod +x /tmp/forker

# start_sleepers N: N tasks asleep for good, their pids in /tmp/sleepers.
start_sleepers() {
	i=0
	while [ $i -lt "$1" ]; do
		sleep 100000 &
		echo $! >>/tmp/sleepers
		i=$((i + 1))
	done
}

# sleepers_in STATE: every sleeper is in STATE (/proc/PID/stat), within
# 10 s; a sleeper that is gone never is.
sleepers_in() {
	tries=0
	while :; do
		n=0
		while read -r pid; do
			# The third field, read by the shell: no fork per task.
			{ read -r _pid _comm st _rest <"/proc/$pid/stat"; } 2>/dev/null || st=gone
			[ "$st" = "$1" ] || n=$((n + 1))
		done </tmp/sleepers
		[ $n = 0 ] && return 0
		tries=$((tries + 1))
		[ $tries -lt 10 ] || { echo "# $n sleepers not in state $1"; return 1; }
		sleep 1
	done
}

# sleepers_run: every sleeper can still be woken and run. A task acts on
# SIGSTOP only when it runs: each must stop (T), then, continued, go back
# to sleep (S). A sleeper lost from its run queue, or never queued again
# by its wakeup, stays as it was, which kill -0 would not see.
sleepers_run() {
	xargs kill -STOP </tmp/sleepers && sleepers_in T &&
		xargs kill -CONT </tmp/sleepers && sleepers_in S
}

# counters N: N progress counters exist, within 20 s (a throttled hog
# writes its first one late). progress() only watches those that exist.
counters() {
	want=$1 i=0
	while set -- /tmp/p.*; [ $# -lt "$want" ] && [ $i -lt 20 ]; do
		sleep 1
		i=$((i + 1))
	done
	[ $# = "$want" ] || { echo "# progress counters: $*"; return 1; }
}
