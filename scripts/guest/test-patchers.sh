#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest test: the kernel's other text patchers next to an active update.
#
# Every static key that a redirected fair.c function uses and user space
# can flip is flipped after a load, after the
# rollback, and in the reverse order; ftrace, kprobes, an ftrace direct
# call (a BPF trampoline's path) and a live patch on a redirected
# function are tried before, during and after an update:
# each works on the code that runs, or is refused with EBUSY, and the
# rollback still works. The first case is the crash a jump written after
# the fentry site caused: a cgroup's first cpu.max quota, set while an
# update was active, flipped __cfs_bandwidth_used over our bytes (kernel
# BUG at arch/x86/kernel/jump_label.c).
# Needs the files of scripts/build-updates in /lu/updates/.
# shellcheck source=tap.sh
. /lu/tap.sh
# shellcheck source=updates.sh
. /lu/updates.sh

sched=/sys/kernel/debug/sched
tr=/sys/kernel/tracing
mount -t tracefs tracefs $tr
fn=pick_task_fair	# a class method: redirected, and called all the time

# A little load: two CPU hogs and a fork loop, each counting its progress.
cat >/tmp/spin <<'EOS'
#!/bin/sh
n=0
while :; do
	n=$((n + 1))
	[ $((n % 100)) = 0 ] && echo $n >/tmp/n.$1 && mv /tmp/n.$1 /tmp/p.$1
	[ "$1" != fork ] || /bin/true
done
EOS
chmod +x /tmp/spin
for w in a b fork; do
	/tmp/spin $w &
done
echo +cpu >$cg/cgroup.subtree_control

sleep 2

# --- static keys and static calls ---------------------------------------
#
# Each key a redirected function tests, and how user space flips it:
#   __cfs_bandwidth_used      a cgroup's first cpu.max quota, and its removal
#   sched_feat_keys[]         /sys/kernel/debug/sched/features, every one
#                             but the two that only exist to warn
#   sched_numa_balancing      /proc/sys/kernel/numa_balancing (NUMA kernels)
#   sched_schedstats          /proc/sys/kernel/sched_schedstats (SCHEDSTATS)
# The topology keys (sched_smt_present, sched_asym_cpucapacity,
# sched_cluster_active) change only with the CPU topology: not flipped.
# Nor is the preemption model (/sys/kernel/debug/sched/preempt), whose
# static calls (cond_resched, might_resched) fair.c calls: switching it a
# few times oopses the unchanged kernel under QEMU TCG ("Oops: int3" in
# code that is not the scheduler's) with no update loaded. The KUnit
# suite flips a static call inside a redirected function instead.

features0=$(cat $sched/features)
numa0=$(cat /proc/sys/kernel/numa_balancing 2>/dev/null || true)
stats0=$(cat /proc/sys/kernel/sched_schedstats 2>/dev/null || true)
mkdir $cg/q

# keys_flipped: every key away from its boot value; keys_restored: back.
keys_flipped() {
	echo "10000 100000" >$cg/q/cpu.max || return 1
	for f in $features0; do
		case $f in
		*WARN*) continue ;;
		NO_*) echo "${f#NO_}" ;;
		*) echo "NO_$f" ;;
		esac >$sched/features || { echo "# feature $f"; return 1; }
	done
	[ -z "$numa0" ] || echo $((!numa0)) >/proc/sys/kernel/numa_balancing || return 1
	[ -z "$stats0" ] || echo $((!stats0)) >/proc/sys/kernel/sched_schedstats || return 1
}
keys_restored() {
	echo max >$cg/q/cpu.max || return 1
	for f in $features0; do
		case $f in *WARN*) continue ;; esac
		echo "$f" >$sched/features || { echo "# feature $f"; return 1; }
	done
	[ -z "$numa0" ] || echo "$numa0" >/proc/sys/kernel/numa_balancing || return 1
	[ -z "$stats0" ] || echo "$stats0" >/proc/sys/kernel/sched_schedstats || return 1
	[ "$(cat $sched/features)" = "$features0" ] || { echo "# features not restored"; return 1; }
}

echo "# keys: features ($(echo "$features0" | wc -w))," \
	"numa_balancing (${numa0:-absent}), schedstats (${stats0:-absent}), cfs bandwidth"
# The crash: the first quota ever, while an update is active.
tap_check "load fair_identity" load fair_identity
tap_check "flip every key while the update is active" keys_flipped
sh -c 'echo $$ >/sys/fs/cgroup/q/cgroup.procs; exec /tmp/spin q' &
tap_check "every task progresses, the quota'd one too" progress
tap_check "cgroup q is throttled under the update" \
	sh -c "sleep 1; test \$(awk '/nr_throttled/ { print \$2 }' $cg/q/cpu.stat) -gt 0"
tap_check "roll back with the keys flipped" unload fair_identity
tap_check "restore every key after the rollback" keys_restored
tap_check "every task progresses" progress
# The reverse order: flipped before the load, restored while active.
tap_check "flip every key with no update" keys_flipped
tap_check "load fair_identity with the keys flipped" load fair_identity
tap_check "restore every key while the update is active" keys_restored
tap_check "every task progresses" progress
tap_check "roll back" unload fair_identity
tap_check "flip every key after the rollback" keys_flipped
tap_check "and restore them" keys_restored

# --- ftrace -----------------------------------------------------------------

ftrace_on() { echo "$1" >$tr/set_ftrace_filter && echo function >$tr/current_tracer; }
ftrace_off() { echo nop >$tr/current_tracer && echo >$tr/set_ftrace_filter && echo >$tr/trace; }
traced() { sleep 1; grep -q " ${1:-$fn} <-" $tr/trace; }

tap_check "trace $fn" ftrace_on $fn
tap_check "a traced function is not redirected: EBUSY" \
	refused $d/load fair_identity "Device or resource busy" "$fn: an ftrace user"
tap_check "it is still traced" traced
ftrace_off
tap_check "load fair_identity" load fair_identity
tap_check "while active, $fn matches the update's copy only" \
	sh -c "echo $fn >$tr/set_ftrace_filter && test \"\$(cat $tr/set_ftrace_filter)\" = '$fn [fair_identity]'"
tap_check "and tracing it traces the code that runs" sh -c "echo function >$tr/current_tracer"
tap_check "$fn is traced under the update" traced
ftrace_off
# A tracer of every function, started while the update is active, takes
# the kernel's copy over when the rollback gives it back.
echo function >$tr/current_tracer
tap_check "roll back under a tracer of every function" unload fair_identity
echo >$tr/trace
tap_check "the kernel's $fn is traced after the rollback" traced
ftrace_off

# An internal function is not redirected, but its fentry site is held the
# same: a tracer of the kernel's copy would never run while it is active.
ifn=update_curr
tap_check "trace the internal $ifn" ftrace_on $ifn
tap_check "a traced internal function refuses the load: EBUSY" \
	refused $d/load fair_identity "Device or resource busy" "$ifn: an ftrace user"
tap_check "it is still traced" traced $ifn
ftrace_off
tap_check "load fair_identity" load fair_identity
tap_check "while active, $ifn matches the update's copy only" \
	sh -c "echo $ifn >$tr/set_ftrace_filter && test \"\$(cat $tr/set_ftrace_filter)\" = '$ifn [fair_identity]'"
ftrace_off
tap_check "roll back" unload fair_identity
tap_check "the kernel's $ifn is traced after the rollback" \
	sh -c "echo $ifn >$tr/set_ftrace_filter && echo function >$tr/current_tracer"
tap_check "and it runs" traced $ifn
ftrace_off

# --- kprobes --------------------------------------------------------------

kp=$tr/kprobe_events
# The kernel's $fn by address: by name it is ambiguous while the update's
# module, which has one too, is loaded.
kfn=0x$(awk -v f=$fn '$3 == f && NF == 3 { print $1 }' /proc/kallsyms)
kprobe() { echo "p:lu/$1 $2" >>$kp; }
kprobe_hits() {
	echo 1 >"$tr/events/lu/$1/enable" && sleep 1 &&
		awk -v e="lu/$1" '$1 == e { exit !($2 > 0) }' $tr/kprobe_profile
}
kprobes_off() { echo 0 >$tr/events/lu/enable; echo >$kp; }

tap_check "a kprobe on $fn" kprobe entry "$kfn"
tap_check "it hits" kprobe_hits entry
tap_check "a kprobed function is not redirected: EBUSY" \
	refused $d/load fair_identity "Device or resource busy" "$fn: a kprobe is inside it"
kprobes_off
tap_check "load fair_identity" load fair_identity
tap_check "a kprobe on the kernel's $fn while active: EBUSY" \
	sh -c "! echo 'p:lu/entry $kfn' 2>/tmp/kp.err >>$kp && grep -q 'resource busy' /tmp/kp.err"
tap_check "a kprobe on the update's $fn" kprobe mod "fair_identity:$fn"
tap_check "it hits" kprobe_hits mod
kprobes_off
tap_check "roll back" unload fair_identity
tap_check "a kprobe on the kernel's $fn after the rollback" kprobe entry "$kfn"
tap_check "it hits" kprobe_hits entry
kprobes_off

# --- an ftrace direct call: a BPF trampoline's path --------------------------

# A BPF fentry program's trampoline is asked for by the function's address
# and called straight from its fentry site. The lane has no BTF, so no BPF
# program can attach: lu_direct.ko attaches a trampoline the same way.
dh=/sys/module/lu_direct/parameters/hits
direct_on() { insmod /lu/updates/lu_direct.ko ip="$kfn"; }
direct_hits() { n=$(cat $dh) && sleep 1 && [ "$(cat $dh)" -gt "$n" ]; }

tap_check "a direct call on $fn" direct_on
tap_check "it is called" direct_hits
tap_check "a function with a direct call is not redirected: EBUSY" \
	refused $d/load fair_identity "Device or resource busy" "$fn: an ftrace user"
tap_check "remove the direct call" rmmod lu_direct
tap_check "load fair_identity" load fair_identity
tap_check "a direct call on the kernel's $fn while active: EBUSY" \
	sh -c "! insmod /lu/updates/lu_direct.ko ip=$kfn 2>/tmp/dc.err && grep -q 'resource busy' /tmp/dc.err"
tap_check "roll back" unload fair_identity
tap_check "a direct call on the kernel's $fn after the rollback" direct_on
tap_check "it is called" direct_hits
tap_check "remove it" rmmod lu_direct

# --- a live patch -----------------------------------------------------------

lp=/sys/kernel/livepatch/lu_livepatch
# lp_settled: the live patch's transition is over, within 30 s.
lp_settled() {
	i=0
	while [ "$(cat $lp/transition 2>/dev/null || echo 0)" != 0 ]; do
		i=$((i + 1))
		[ $i -lt 30 ] || { echo "# live patch transition stuck"; return 1; }
		sleep 1
	done
}

# A live patch's transition repoints every cond_resched() call site of
# the kernel, one text_poke_bp() each (a static call under
# PREEMPT_DYNAMIC, see sched_dynamic_klp_enable()), and points them back
# at its end: about two minutes under TCG for enabling, as many for
# disabling. So it is enabled once: refused while the update is active,
# then enabled after the rollback, where the update must be refused; and
# never disabled, which is livepatch's own path: while no update is
# active, the series holds no claim a disable could meet.
tap_check "load fair_identity" load fair_identity
tap_check "the live patch is refused while the update is active" \
	sh -c "! insmod /lu/updates/lu_livepatch.ko 2>/tmp/lp.err && grep -q 'resource busy' /tmp/lp.err"
tap_check "roll back" unload fair_identity
tap_check "the live patch applies after the rollback" insmod /lu/updates/lu_livepatch.ko
tap_check "its transition completes" lp_settled
tap_check "a live-patched function is not redirected: EBUSY" \
	refused $d/load fair_identity "Device or resource busy" "get_rr_interval_fair: an ftrace user"

tap_check "every task progresses at the end" progress
tap_check "idle at the end" state_is idle
tap_check "rmmod fair_identity" rmmod fair_identity

tap_done
