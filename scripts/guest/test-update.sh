#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest test: live update of the fair class, end to end, under load.
#
# Runs a workload (CPU hogs in two cgroups, one throttled by cpu.max, a
# few hundred sleepers, a fork/exit loop), then: bad input (an update from
# another tree among it), the identity update (load, statistics,
# progress, rmmod refused while it is in use, rollback, rmmod),
# the sample patch update (its effect seen, then gone), 50 load/rollback
# cycles, 10 load/rollback/rmmod cycles under group and fork churn, a
# forced rmmod -f that rolls back, and the downtime medians against a
# bare stop_machine().
# Needs the files of scripts/build-updates in /lu/updates/.
# shellcheck source=tap.sh
. /lu/tap.sh
# shellcheck source=updates.sh
. /lu/updates.sh

cycles=${LU_CYCLES:-50}
churn_cycles=${LU_CHURN_CYCLES:-10}
sleepers=300

# --- the workload -------------------------------------------------------

echo +cpu >$cg/cgroup.subtree_control
mkdir $cg/a $cg/b
echo "20000 100000" >$cg/b/cpu.max
for g in a b; do
	for i in 1 2 3; do
		sh -c 'echo $$ >/sys/fs/cgroup/$1/cgroup.procs; exec /tmp/hog $1$2' x $g $i &
	done
done
/tmp/forker &
start_sleepers $sleepers

throttled() {
	awk '$1 == "nr_throttled" { print $2 }' $cg/b/cpu.stat
}

# throttles: group b is throttled again within 2 s, counted from now (a
# count taken before a switch would be satisfied by throttling before it).
throttles() {
	t0=$(throttled)
	sleep 2
	[ "$(throttled)" -gt "$t0" ] || { echo "# not throttled since: $t0"; return 1; }
}

# converted_all: the last switch passed every entity to the update's
# conversion: each task's (the threads the stack check counted, less
# every CPU's idle task and stopper, which are not on the task list) and
# each task group's on every possible CPU. The cgroups with the cpu
# controller are groups; autogroups may add more, in whole CPUs' worth.
converted_all() {
	tasks=$(($(stat_of threads) - 2 * $(stat_of cpus)))
	cpus=$(($(sed 's/.*-//' /sys/devices/system/cpu/possible) + 1))
	groups=$(find $cg -mindepth 2 -name cgroup.procs | wc -l)
	n=$(stat_of converted)
	if [ "$n" -lt $((tasks + groups * cpus)) ] || [ $(((n - tasks) % cpus)) != 0 ]; then
		echo "# converted $n: $tasks tasks, $groups cgroups, $cpus CPUs"
		return 1
	fi
}

# hog_slices_are MS: every hog has this slice, within 10 s. A hog gets
# its slice when it is queued: at the switch if it was queued then (the
# rebuild), or when it next wakes up (it sleeps waiting for its mv).
hog_slices_are() {
	tries=0
	while :; do
		s=$(awk '$2 == "hog" { print $7 }' /sys/kernel/debug/sched/debug | sort -u)
		[ "$s" = "$1" ] && return 0
		tries=$((tries + 1))
		[ $tries -lt 10 ] || break
		sleep 1
	done
	echo "# hog slices: $(echo "$s" | tr '\n' ' '), expected $1"
	return 1
}

sleep 3
tap_check "the workload runs: 7 progress counters (six hogs, the fork loop)" counters 7
tap_check "and every one progresses" progress
tap_check "cgroup b is throttled" test "$(throttled)" -gt 0

# --- bad input, nothing loaded ---------------------------------------------

tap_check "files and modes" test "$(stat -c '%n %a' $d/state $d/last_error $d/load $d/unload)" = \
	"$d/state 444
$d/last_error 444
$d/load 200
$d/unload 200"
tap_check "state reads idle" state_is idle
tap_check "unknown module: ENOENT" refused $d/load nosuch "No such file or directory" "no such update module"
tap_check "a module that is not an update: EINVAL" \
	refused $d/load lu_stopbench "Invalid argument" "is not a scheduler update"
# The bare stop_machine() floor, measured in this guest: lu_stopbench
# timed 21 calls when modprobe loaded it just now.
stop_ns=$(dmesg | sed -n 's/.*lu_stopbench: .*median_ns=\([0-9]*\).*/\1/p')
if [ -e /lu/updates/fair_foreign.ko ]; then
	# Built against the debug lane: the module loader refuses it already
	# (struct module differs: lockdep, no MODVERSIONS). fair_layout below
	# gets past the loader and is refused by the boundary fingerprint.
	tap_check "an update from another build and config: ENOENT" \
		refused $d/load fair_foreign "No such file or directory" "modprobe could not load it"
	tap_check "the module loader said why" \
		sh -c "dmesg | grep -q 'fair_foreign: .*must match the kernel'"
fi
# Its new field fits into padding: only the digest of the definition shows it.
tap_check "an update from another tree (a field in struct cfs_rq): ENOEXEC" \
	refused $d/load fair_layout "Exec format error" \
	"built from another tree or configuration: digest of struct cfs_rq is"
tap_check "the refused update's module can be removed" rmmod fair_layout
# One more sched feature: no structure changes, the headers' digest does.
tap_check "an update with another features.h: ENOEXEC" \
	refused $d/load fair_feature "Exec format error" \
	"built from another tree or configuration: digest of the scheduler headers is"
tap_check "its module can be removed" rmmod fair_feature
tap_check "rollback with nothing active: ENOENT" refused $d/unload fair_identity "No such file or directory" "no update is active"
tap_check "garbage: EINVAL" refused $d/load "$(printf 'fair\001x')" "Invalid argument" "invalid character"
tap_check "an empty name: EINVAL" refused $d/load "" "Invalid argument" "a module name is"
tap_check "an over-long name: EINVAL" \
	refused $d/load "$(printf '%0100d' 0)" "Invalid argument" "a module name is"
tap_check "without CAP_SYS_MODULE: EPERM" \
	refused $d/load fair_identity "Operation not permitted" "needs CAP_SYS_MODULE" /lu/updates/dropcap
tap_check "still idle after the refusals" state_is idle
tap_check "the refusals loaded no update" not_loaded fair_identity
tap_check "last_error names the last refusal" grep -q "needs CAP_SYS_MODULE" $d/last_error

# --- the identity update ------------------------------------------------

tap_check "load the identity update (modprobe'd by the kernel)" sh -c "echo fair_identity >$d/load"
tap_check "state reads active fair_identity" state_is "active fair_identity"
tap_check "last switch: load, result 0" test "$(stat_of operation) $(stat_of result)" = "load 0"
tap_check "last switch: 4 CPUs, at least $sleepers threads checked" \
	test "$(stat_of cpus)" = 4 -a "$(stat_of threads)" -ge $sleepers
tap_check "last switch: every interface function redirected, queued tasks rebuilt" \
	test "$(stat_of functions)" -eq "$(cat /lu/updates/fair_identity.functions)" \
	-a "$(stat_of tasks)" -gt 0
tap_check "last switch: downtime covers its parts" \
	test "$(stat_of downtime_ns)" -ge "$(stat_of window_ns)" -a "$(stat_of window_ns)" -gt 0 \
	-a "$(stat_of check_ns)" -gt 0 -a "$(stat_of rebuild_ns)" -gt 0 -a "$(stat_of redirect_ns)" -gt 0
tap_check "last switch: no blocker" test "$(stat_of blocker)" = none
tap_check "last switch: nothing to convert" test "$(stat_of converted)" = 0
# The $sleepers sleepers did not run between the walk and the window.
tap_check "last switch: walked before the window, most stacks not walked again" \
	test "$(stat_of prewalk_ns)" -gt 0 -a "$(stat_of walked)" -ge 8 \
	-a "$(stat_of walked)" -le $(($(stat_of threads) - sleepers))
echo "# identity load: downtime $(stat_of downtime_ns) ns (check $(stat_of check_ns), rebuild $(stat_of rebuild_ns), redirect $(stat_of redirect_ns)), $(stat_of threads) threads ($(stat_of walked) walked in the window, $(stat_of prewalk_ns) ns before it), $(stat_of tasks) tasks, $(stat_of attempts) attempt(s)"
tap_check "every task progresses under the update" progress
tap_check "every sleeper can be woken and run" sleepers_run
tap_check "the throttled group is throttled under the update" throttles
tap_check "a second load while active: EBUSY" \
	refused $d/load fair_slice "Device or resource busy" "is active; roll it back first"
tap_check "rollback of another update: EINVAL" \
	refused $d/unload fair_slice "Invalid argument" "the active update is fair_identity"
# The active update holds a reference on its module, as a live patch does.
tap_check "rmmod while active: in use (EWOULDBLOCK)" \
	sh -c "! rmmod fair_identity 2>/tmp/rmmod.err && grep -q 'temporarily unavailable' /tmp/rmmod.err"
tap_check "its module's reference count is 1 while active" \
	test "$(cat /sys/module/fair_identity/refcnt)" = 1
# A group created and a task forked while the update is active get their
# callbacks (the bandwidth timers, NUMA balancing's task work) from the
# kernel's code, never the update's: after the module is removed, they
# still fire into the kernel.
mkdir $cg/c
echo "10000 100000" >$cg/c/cpu.max
sh -c 'echo $$ >/sys/fs/cgroup/c/cgroup.procs; exec /tmp/hog c1' &
sleep 1
tap_check "still active after the refusals" state_is "active fair_identity"
tap_check "roll back" sh -c "echo fair_identity >$d/unload"
tap_check "state reads idle" state_is idle
tap_check "last switch: unload, result 0" test "$(stat_of operation) $(stat_of result)" = "unload 0"
tap_check "every task progresses after the rollback" progress
tap_check "rmmod works after the rollback" rmmod fair_identity
tap_check "the group made under the update is throttled after rmmod" \
	sh -c "t0=\$(awk '/nr_throttled/ { print \$2 }' $cg/c/cpu.stat); sleep 2;
		test \$(awk '/nr_throttled/ { print \$2 }' $cg/c/cpu.stat) -gt \$t0"
tap_check "every sleeper can be woken and run" sleepers_run

# --- the sample patch: twice the base slice -----------------------------

base=$(cat /sys/kernel/debug/sched/base_slice_ns)
ms() { printf '%d.%06d' $(($1 / 1000000)) $(($1 % 1000000)); }
tap_check "before: hogs have the base slice $(ms "$base")" hog_slices_are "$(ms "$base")"
tap_check "load the sample patch update" sh -c "echo fair_slice >$d/load"
tap_check "state reads active fair_slice" state_is "active fair_slice"
tap_check "its effect: hogs have twice the slice" hog_slices_are "$(ms $((2 * base)))"
tap_check "every task progresses under the patch" progress
tap_check "roll back the patch" sh -c "echo fair_slice >$d/unload"
tap_check "its effect is gone" hog_slices_are "$(ms "$base")"
tap_check "rmmod fair_slice" rmmod fair_slice

# --- a sample that converts state: the lag kept weighted ----------------

tap_check "load the update that keeps the lag weighted" sh -c "echo fair_wlag >$d/load"
tap_check "state reads active fair_wlag" state_is "active fair_wlag"
tap_check "last switch: every entity converted" converted_all
tap_check "every task progresses under it" progress
tap_check "every sleeper can be woken and run" sleepers_run
tap_check "the throttled group is throttled under it" throttles
tap_check "roll back: the lag converted back" sh -c "echo fair_wlag >$d/unload"
tap_check "last switch: every entity converted back" converted_all
tap_check "every task progresses after the rollback" progress
tap_check "every sleeper can be woken and run" sleepers_run
tap_check "rmmod fair_wlag" rmmod fair_wlag

# --- load/rollback cycles -------------------------------------------------

i=0
fails=0
: >/tmp/load_ns
: >/tmp/unload_ns
: >/tmp/threads
while [ $i -lt "$cycles" ]; do
	echo fair_identity >$d/load || fails=$((fails + 1))
	stat_of downtime_ns >>/tmp/load_ns
	stat_of threads >>/tmp/threads
	echo fair_identity >$d/unload || fails=$((fails + 1))
	stat_of downtime_ns >>/tmp/unload_ns
	i=$((i + 1))
done
tap_check "$cycles load/rollback cycles, none failed" test "$fails" = 0
tap_check "idle after the cycles" state_is idle
tap_check "every task progresses after the cycles" progress
tap_check "every sleeper can be woken and run" sleepers_run
tap_check "rmmod after the cycles" rmmod fair_identity

# --- no address of the module outlives it --------------------------------
#
# Groups made and destroyed (each with a bandwidth limit and a task) and
# tasks forked, in tight loops, across load/rollback/rmmod cycles: what
# any window of a switch made holds no address in the module it removes.
cat >/tmp/churn <<'EOF'
#!/bin/sh
n=0
while :; do
	g=/sys/fs/cgroup/churn$((n % 4))
	mkdir $g 2>/dev/null
	echo "5000 100000" >$g/cpu.max
	sh -c "echo \$\$ >$g/cgroup.procs; exec /bin/true"
	rmdir $g 2>/dev/null
	n=$((n + 1))
	echo $n >/tmp/n.churn
	mv /tmp/n.churn /tmp/p.churn
done
EOF
chmod +x /tmp/churn
/tmp/churn &
churn=$!
i=0
while [ ! -e /tmp/p.churn ] && [ $i -lt 30 ]; do
	sleep 1
	i=$((i + 1))
done
churn0=$(cat /tmp/p.churn)
i=0
fails=0
while [ $i -lt "$churn_cycles" ]; do
	load fair_identity || fails=$((fails + 1))
	unload fair_identity || fails=$((fails + 1))
	rmmod fair_identity || fails=$((fails + 1))
	i=$((i + 1))
done
tap_check "$churn_cycles load/rollback/rmmod cycles under group and fork churn, none failed" \
	test "$fails" = 0
tap_check "every task progresses after them" progress
churn1=$(cat /tmp/p.churn)
echo "# churn: $((churn1 - churn0)) groups made and removed during the cycles"
tap_check "the churn made and removed groups during the cycles" test "$churn1" -gt "$churn0"
kill $churn
wait $churn 2>/dev/null
rm -f /tmp/p.churn

# A forced removal (MODULE_FORCE_UNLOAD, as Debian has it) ignores the
# reference: the module's exit rolls the update back before it goes.
tap_check "load fair_identity once more" load fair_identity
dmesg -c >/dev/null
tap_check "rmmod -f of the active update" rmmod -f fair_identity
tap_check "it rolled the update back first" \
	sh -c "dmesg | grep -q 'sched_lu: fair_identity: forced removal of the active update: rolled back'"
tap_check "idle after the forced removal" state_is idle
tap_check "every task progresses after the forced removal" progress

echo "LU_BENCH cycles=$cycles cpus=$(nproc) threads=$(med /tmp/threads 1)" \
	"stop_machine_ns=$stop_ns load_ns=$(med /tmp/load_ns 1) unload_ns=$(med /tmp/unload_ns 1)"
tap_check "a bare stop_machine() was measured" test -n "$stop_ns"

tap_done
