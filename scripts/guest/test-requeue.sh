#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest test: the KUnit suite sched_liveupdate_requeue, on run queues a
# workload fills. It needs the updates it switches to (fair_slice and
# whole_identity, from scripts/build-updates) inserted first and the
# queues holding every kind of state a switch carries, so it is inserted
# by this script, not at boot: CPU hogs in the root group, in a nested
# group and in a throttled one, fork loops whose shells sleep and wake all
# the time (EEVDF delays the dequeue of a task that sleeps while it is
# owed no time), an rt hog and a deadline hog. With whole_identity it
# also checks the whole scheduler's shared data: the sysctls, the deadline
# and hrtick timers, the sched_switch tracepoint, the stop class, and a
# debugfs knob, written from here.
# The suite's result is read from KUnit's debugfs file, which no other
# kernel line can interleave with; run-guest --kunit parses the console's
# copy too.
# Needs the files of scripts/build-updates in /lu/updates/ and kunit.ko
# and sched_lu_requeue_kunit.ko in /lu/kunit/.
# shellcheck source=tap.sh
. /lu/tap.sh
# shellcheck source=updates.sh
. /lu/updates.sh

suite=sched_liveupdate_requeue

# retry CMD...: CMD, up to five times a second apart: with the fork loops
# running, a whole-scheduler switch can find a task in sched_exec() at
# every one of its own attempts.
retry() {
	for i in 1 2 3 4 5; do
		"$@" && return 0
		sleep 1
	done
	return 1
}

cat >/tmp/forker <<'EOF'
#!/bin/sh
while :; do
	/bin/true
done
EOF
chmod +x /tmp/forker

# in_group GROUP CMD...: run CMD in the background, in cgroup GROUP.
in_group() {
	g=$1
	shift
	# shellcheck disable=SC2016 # $0 is the inner shell's
	sh -c 'echo $$ >/sys/fs/cgroup/$0/cgroup.procs; exec "$@"' "$g" "$@" &
}

echo +cpu >$cg/cgroup.subtree_control
mkdir -p $cg/outer/inner $cg/capped
echo +cpu >$cg/outer/cgroup.subtree_control
echo "5000 100000" >$cg/capped/cpu.max
for i in 1 2 3 4; do
	/tmp/hog root$i &
	in_group outer/inner /tmp/hog inner$i
	in_group capped /tmp/hog capped$i
	/tmp/forker &
	in_group outer/inner /tmp/forker
done
# A whole-scheduler switch requeues these too. The deadline hog runs
# half of each period, so that it is on a tree, not throttled, at about
# half of the switches; it only spins (a deadline task may not fork).
/lu/updates/policy fifo 10 /tmp/hog rt &
echo $! >/tmp/rt.pid
/lu/updates/policy deadline 50000 100000 sh -c 'while :; do :; done' &
echo $! >/tmp/dl.pid
sleep 3

tap_check "an rt and a deadline hog run" \
	test "$(policy_of /tmp/rt.pid) $(policy_of /tmp/dl.pid)" = "1 6"
tap_check "the throttled group is throttled" \
	test "$(awk '$1 == "nr_throttled" { print $2 }' $cg/capped/cpu.stat)" -gt 0
tap_check "insert the update fair_slice" modprobe fair_slice
tap_check "insert the update whole_identity" modprobe whole_identity
tap_check "insert KUnit" insmod /lu/kunit/kunit.ko
# The suite runs as its module is inserted: load, check, roll back.
tap_check "insert the suite: it runs" insmod /lu/kunit/sched_lu_requeue_kunit.ko
results=/sys/kernel/debug/kunit/$suite/results
sed 's/^/# /' "$results"
tap_check "the suite passed, not skipped" grep -qx "ok [0-9]* $suite" "$results"
tap_check "each case passed (the requeue of fair, of every class, the private data, the shared data, the stop class, the knobs)" \
	test "$(grep -cE '^ +ok [0-9]+ sched_lu_test_[a-z_]+$' "$results")" -eq 6
tap_check "state reads idle again" test "$(cat $d/state)" = idle

# A debugfs knob read by the update's code, which the suite cannot write
# (a debugfs number takes writes from user space only): base_slice_ns,
# which whole_identity's update_deadline() gives each running fair task
# as its slice, in /proc/PID/sched.
knob=/sys/kernel/debug/sched/base_slice_ns
base=$(cat $knob)
tap_check "load whole_identity" retry load whole_identity
echo $((base * 2)) >$knob
/tmp/hog slice &
hog=$!
sleep 1
slice=$(awk -F: '$1 ~ /^se\.slice / { print $2 + 0 }' /proc/$hog/sched)
kill $hog
echo "$base" >$knob
echo "# slice of a running task: $slice ns, with base_slice_ns $((base * 2))"
tap_check "base_slice_ns written through debugfs sets the slice the update's code gives" \
	test "$slice" = $((base * 2))
tap_check "roll whole_identity back" retry unload whole_identity
tap_check "the updates' modules can be removed" rmmod fair_slice whole_identity

tap_done
