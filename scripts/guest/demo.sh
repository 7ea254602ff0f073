#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of the demo: replace the fair class of the running kernel
# with an update, see the sample patch's effect, and roll back.
# Needs the files of scripts/build-updates in /lu/updates/.
# shellcheck source=tap.sh
. /lu/tap.sh
# shellcheck source=updates.sh
. /lu/updates.sh

say() { printf '\n### %s\n' "$*"; }
run() {
	echo "# $*"
	sh -c "$*"
}
slices() {
	awk '$2 == "hog" { print "    hog pid " $3 ": slice " $7 " ms" }' \
		/sys/kernel/debug/sched/debug | sort -u
}

for i in 1 2 3 4; do /tmp/hog "$i" & done

say "Running $(uname -sr) on $(nproc) CPUs, 4 CPU hogs"
run "ls $d"
run "cat $d/state"

say "Switch to the identity update (fair.c unchanged), built with build-update.sh"
run "echo fair_identity > $d/load"
run "cat $d/state"
tap_check "the identity update is active" state_is "active fair_identity"
for f in downtime_ns check_ns rebuild_ns redirect_ns prewalk_ns threads walked tasks converted functions \
	attempts; do
	echo "    last_switch/$f: $(cat $d/last_switch/$f)"
done
run "echo fair_identity > $d/unload"
run "rmmod fair_identity"
tap_check "rolled back and removed" state_is idle

say "The sample patch: twice the base slice (scripts/samples/fair-double-slice.patch)"
echo "before:"
slices
run "echo fair_slice > $d/load"
tap_check "the sample patch update is active" state_is "active fair_slice"
sleep 1
echo "with the update:"
slices
run "echo fair_slice > $d/unload"
tap_check "the sample patch is rolled back" state_is idle
sleep 1
echo "rolled back:"
slices

say "Bad input is refused, the scheduler unchanged"
tap_check "an update that does not exist is refused" sh -c "! echo nosuch > $d/load"
run "cat $d/last_error"

tap_check "the hogs are still running" test "$(pidof hog | wc -w)" = 4
tap_check "the state file reads idle" state_is idle
tap_done
