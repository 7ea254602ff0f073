#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest test: live update of the whole scheduler (core.c, fair.c and the
# policy classes, build-update.sh -W), end to end, under load.
#
# Runs a workload (fair CPU hogs in two cgroups, one throttled by
# cpu.max, a SCHED_FIFO hog, a SCHED_DEADLINE hog, a fork/exit loop,
# sleepers, a task whose affinity moves all the time, one that moves
# between the cgroups), then loads the whole-scheduler identity update,
# checks the switch and that every task still runs, rolls it back,
# repeats the cycle 50 times while a CPU goes on and offline, and
# removes the module;
# then loads and rolls back a sample that changes __schedule() itself and
# rt.c, and a feature with a knob of its own. Needs whole_identity.ko,
# whole_sample.ko, whole_nicefloor.ko and the files of
# scripts/build-updates in /lu/updates/.
# shellcheck source=tap.sh
. /lu/tap.sh
# shellcheck source=updates.sh
. /lu/updates.sh

cycles=${LU_CYCLES:-50}
sleepers=100

echo +cpu >$cg/cgroup.subtree_control
mkdir $cg/a $cg/b
echo "20000 100000" >$cg/b/cpu.max
for g in a b; do
	sh -c 'echo $$ >/sys/fs/cgroup/$1/cgroup.procs; exec /tmp/hog $1' x $g &
done
# A real-time hog, throttled by the rt bandwidth (95% of each second),
# and a deadline one (10 ms every 100 ms), which may not fork: it only
# spins, and runs() watches its run time.
/lu/updates/policy fifo 10 /tmp/hog rt &
echo $! >/tmp/rt.pid
/lu/updates/policy deadline 10000 100000 sh -c 'while :; do :; done' &
echo $! >/tmp/dl.pid
/tmp/forker &
# A task whose affinity moves between the CPUs all the time, and one
# that moves between the two cgroups.
sh -c 'while :; do for c in $(seq 0 $(($(nproc) - 1))); do
	taskset -p -c $c $$ >/dev/null; done; done' &
sh -c 'while :; do echo $$ >$0/a/cgroup.procs; echo $$ >$0/b/cgroup.procs; done' $cg &
start_sleepers $sleepers

# runs PIDFILE: the task's run time grows within 10 s.
runtime_of() {
	awk '$1 == "se.sum_exec_runtime" { print int($3) }' "/proc/$(cat "$1")/sched"
}
runs() {
	t0=$(runtime_of "$1") i=0
	while [ "$(runtime_of "$1")" -le "$t0" ]; do
		i=$((i + 1))
		[ $i -le 10 ] || { echo "# $1: no run time since $t0"; return 1; }
		sleep 1
	done
}

tap_check "the workload runs: 4 progress counters (fair, rt, fork)" counters 4
tap_check "the deadline task runs" runs /tmp/dl.pid
tap_check "the hogs run under their policies: fifo, deadline" \
	test "$(policy_of /tmp/rt.pid) $(policy_of /tmp/dl.pid)" = "1 6"

# An update whose frame contract is not the kernel's (the debug lane's
# scripts/build-updates makes one) is refused before anything changes.
if [ -e /lu/updates/whole_badtail.ko ]; then
	tap_check "an update whose __schedule() frame is not the kernel's: ENOEXEC" \
		refused $d/load whole_badtail "Exec format error" \
		"its __schedule() cannot switch through this kernel's: its tail has another frame"
	tap_check "still idle after the refusal" state_is idle
	rmmod whole_badtail
fi

tap_check "load the whole-scheduler identity update" sh -c "echo whole_identity >$d/load"
tap_check "last switch: load, result 0" test "$(stat_of operation) $(stat_of result)" = "load 0"
tap_check "it redirects every function of its table" \
	test "$(stat_of functions)" -eq "$(cat /lu/updates/whole_identity.functions)"
echo "# whole load: downtime $(stat_of downtime_ns) ns (check $(stat_of check_ns), rebuild $(stat_of rebuild_ns), redirect $(stat_of redirect_ns)), $(stat_of functions) functions, $(stat_of threads) threads"
tap_check "state reads active whole_identity" state_is "active whole_identity"
tap_check "every task progresses" progress
tap_check "the deadline task runs" runs /tmp/dl.pid
tap_check "every sleeper still runs" sleepers_run
tap_check "rmmod while active: refused" sh -c "! rmmod whole_identity 2>/dev/null"
tap_check "roll back" sh -c "echo whole_identity >$d/unload"
tap_check "last switch: unload, result 0" test "$(stat_of operation) $(stat_of result)" = "unload 0"
tap_check "every task progresses after the rollback" progress

# The cycles run while the last CPU goes offline and online again, over
# and over: the hotplug callbacks run the update's code and the kernel's
# in turn, and a switch waits for a hotplug to end (stop_machine() holds
# the CPUs).
online=$(cat /sys/devices/system/cpu/online)
hotplug=/sys/devices/system/cpu/cpu$(($(nproc) - 1))/online
echo 0 >/tmp/plugs
sh -c 'n=0; while :; do
	echo 0 >$0 && echo 1 >$0 && n=$((n + 1)) && echo $n >/tmp/plugs; done' $hotplug 2>/dev/null &
plugger=$!
ok=0
i=0
while [ $i -lt "$cycles" ]; do
	echo whole_identity >$d/load && echo whole_identity >$d/unload && ok=$((ok + 1))
	i=$((i + 1))
done
kill $plugger
wait $plugger 2>/dev/null
echo 1 >$hotplug
echo "# $(cat /tmp/plugs) times offline and online during the cycles"
tap_check "$cycles load/rollback cycles under CPU hotplug" test $ok = "$cycles"
tap_check "the CPU went offline and online during them" test "$(cat /tmp/plugs)" -gt 0
tap_check "every CPU is online again" test "$(cat /sys/devices/system/cpu/online)" = "$online"
tap_check "every task progresses after the cycles" progress
tap_check "the deadline task runs after the cycles" runs /tmp/dl.pid
tap_check "the hogs keep their policies" \
	test "$(policy_of /tmp/rt.pid) $(policy_of /tmp/dl.pid)" = "1 6"
tap_check "rmmod after the rollback" rmmod whole_identity

# The sample (scripts/samples/sched-whole-sample.patch): its __schedule()
# counts each context switch a thousand times in nr_switches, whose sum
# is /proc/stat's ctxt, and its rt.c gives SCHED_RR tasks twice the time
# slice.
ctxt() {
	awk '$1 == "ctxt" { print $2 }' /proc/stat
}
ctxt_rate() {
	c0=$(ctxt)
	sleep 1
	echo $(($(ctxt) - c0))
}
/lu/updates/policy rr 5 sleep 1000 &
rr=$!
sleep 1
rr0=$(/lu/updates/policy interval $rr)
r0=$(ctxt_rate)
tap_check "load the sample" sh -c "echo whole_sample >$d/load"
r1=$(ctxt_rate)
rr1=$(/lu/updates/policy interval $rr)
tap_check "every task progresses under it" progress
tap_check "roll the sample back" sh -c "echo whole_sample >$d/unload"
r2=$(ctxt_rate)
rr2=$(/lu/updates/policy interval $rr)
kill $rr
echo "# context switches counted in a second: $r0 before, $r1 with the sample, $r2 after"
echo "# a SCHED_RR task's time slice: $rr0 ms before, $rr1 ms with the sample, $rr2 ms after"
tap_check "the update's __schedule() counts every switch: 100 times the count at least" \
	test "$r1" -ge $((100 * r0))
tap_check "the kernel's __schedule() counts again after the rollback" test "$r2" -lt $((10 * r0))
tap_check "the update's rt.c doubles the round-robin slice, the kernel's restores it" \
	test "$rr1 $rr2" = "$((2 * rr0)) $rr0"
tap_check "rmmod the sample" rmmod whole_sample

# The feature (scripts/samples/sched-nice-floor.patch): a floor under the
# nice values set_user_nice() gives, set in a debugfs file the update
# adds (SCHED_LU_SETUP()) when its module is inserted and removes when
# it is removed.
knob=/sys/kernel/debug/sched/nice_min
nice_of() {
	awk '{ print $19 }' "/proc/$1/stat"
}
sleep 1000 &
nt=$!
tap_check "no knob before the feature is inserted" test ! -e $knob
tap_check "load the feature" sh -c "echo whole_nicefloor >$d/load"
tap_check "its knob is there, with no floor" test "$(cat $knob 2>&1)" = -20
got=$(write_err $knob 20)
tap_check "its knob refuses a value out of range: EINVAL" test "$got" = "Invalid argument"
echo 0 >$knob
renice -n -5 -p $nt >/dev/null
tap_check "under a floor at 0, renice -5 leaves nice 0" test "$(nice_of $nt)" = 0
echo -3 >$knob
renice -n -5 -p $nt >/dev/null
tap_check "under a floor at -3, renice -5 gives -3" test "$(nice_of $nt)" = -3
tap_check "every task progresses under it" progress
tap_check "roll the feature back" sh -c "echo whole_nicefloor >$d/unload"
echo 0 >$knob
renice -n -5 -p $nt >/dev/null
tap_check "rolled back, the floor no longer acts: renice -5 gives -8" \
	test "$(nice_of $nt)" = -8
tap_check "rmmod the feature" rmmod whole_nicefloor
tap_check "its knob goes with its module" test ! -e $knob
kill $nt

tap_done
