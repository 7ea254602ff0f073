#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of scripts/bench-downtime: paired samples of an identity
# update's downtime (LU_UPDATE, default fair_identity) against a bare
# stop_machine(), with LU_THREADS tasks in the guest (default 100;
# sleeping threads are added to reach it) and LU_SAMPLES samples
# (default 200). A sample is a bare stop_machine(), a
# load, a bare stop_machine(), a rollback: each switch is compared with
# the bare one timed just before it, in the same conditions.
# Prints one LU_BENCH line of medians, times in ns.
# Needs the files of scripts/build-updates in /lu/updates/.
# shellcheck source=tap.sh
. /lu/tap.sh
# shellcheck source=updates.sh
. /lu/updates.sh

threads=${LU_THREADS:-100}
samples=${LU_SAMPLES:-200}
update=${LU_UPDATE:-fair_identity}
sb=/sys/module/lu_stopbench/parameters/sample

# The fourth field of /proc/loadavg: "runnable/total" tasks.
tasks() { cut -d' ' -f4 /proc/loadavg | cut -d/ -f2; }

tap_check "lu_stopbench loads" modprobe lu_stopbench runs=1
# Sleepers for the shortfall, once every sleeper started before exists:
# tasks counted earlier can be gone by then (a worker thread that exited,
# say; a run with 10,000 stayed short of the count until its deadline).
: >/tmp/sleepers.out
i=0 started=0
while have=$(tasks) && [ "$have" -lt "$threads" ] && [ $i -lt 600 ]; do
	if [ "$(grep -c '^sleepers:' /tmp/sleepers.out)" -eq "$started" ]; then
		/lu/updates/sleepers $((threads - have)) >>/tmp/sleepers.out &
		started=$((started + 1))
	fi
	sleep 1
	i=$((i + 1))
done
tap_check "$threads tasks in the guest" test "$(tasks)" -ge "$threads"

ls=$d/last_switch
# sample OP: one bare stop_machine(), then OP (load or unload); appends
# "bare downtime check redirect rebuild walked prewalk functions tasks window"
# to /tmp/OP.
sample() {
	echo 1 >$sb && bare=$(cat $sb) && "$1" "$update" &&
		echo "$bare $(cat $ls/downtime_ns $ls/check_ns $ls/redirect_ns $ls/rebuild_ns \
			$ls/walked $ls/prewalk_ns $ls/functions $ls/tasks $ls/window_ns | tr '\n' ' ')" >>"/tmp/$1"
}
rm -f /tmp/load /tmp/unload
fails=0 i=0
while [ $i -lt "$samples" ]; do
	sample load || fails=$((fails + 1))
	sample unload || fails=$((fails + 1))
	i=$((i + 1))
done
tap_check "$samples paired samples of load and rollback, none failed" test "$fails" = 0

echo "LU_BENCH cpus=$(nproc) threads=$(tasks) samples=$samples" \
	"bare_ns=$(med /tmp/load 1) load_ns=$(med /tmp/load 2) unload_ns=$(med /tmp/unload 2)" \
	"load_ratio=$(med /tmp/load 2 1) unload_ratio=$(med /tmp/unload 2 1)" \
	"check_ns=$(med /tmp/load 3) redirect_ns=$(med /tmp/load 4) rebuild_ns=$(med /tmp/load 5)" \
	"walked=$(med /tmp/load 6) prewalk_ns=$(med /tmp/load 7)" \
	"check_per_stack_ns=$(med /tmp/load 3 6) redirect_per_function_ns=$(med /tmp/load 4 8)" \
	"queued=$(med /tmp/load 9)" \
	"unload_check_ns=$(med /tmp/unload 3) unload_redirect_ns=$(med /tmp/unload 4)" \
	"unload_rebuild_ns=$(med /tmp/unload 5) unload_walked=$(med /tmp/unload 6)" \
	"window_ns=$(med /tmp/load 10) unload_window_ns=$(med /tmp/unload 10)"
tap_check "idle at the end" state_is idle
tap_done
