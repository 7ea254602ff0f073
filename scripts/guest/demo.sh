#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of the demo: show the subsystem's user interface.
# shellcheck source=tap.sh
. /lu/tap.sh

say() { printf '\n### %s\n' "$*"; }

say "Running $(uname -sr) on $(nproc) CPUs"
say "The live update interface: ls -l /sys/kernel/sched_update/"
ls -l /sys/kernel/sched_update/
say "cat /sys/kernel/sched_update/state"
cat /sys/kernel/sched_update/state
say "What this stage of the series does"
echo "The built-in scheduler is running; no update is installed yet."
echo "At boot, the KUnit suites redirected test functions with jumps written"
echo "under stop_machine and checked every task's stack: their results follow."
echo "Loading update modules arrives with the next patches of the series."
echo

tap_check "the state file reads idle" test "$(cat /sys/kernel/sched_update/state)" = idle
tap_done
