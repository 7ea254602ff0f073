#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest script for scripts/check-guest: what run-guest must judge, chosen
# by lu_selftest=<case> on the kernel command line.
#   pass     one passing check, and a "not ok" line written to the
#            console by another writer: not a result, must not fail
#   fail     one failing check
#   taint    one passing check, then the warning taint flag set (W) with
#            no console report: only the taint check can see it
#   hang     one passing check, then a task in uninterruptible sleep past
#            the hung-task timeout (lu_stall.ko): the detector must report
#   lockup   the same with a CPU spinning, preemption off, past the
#            soft-lockup threshold
# shellcheck source=tap.sh
. /lu/tap.sh

case=$(sed -n 's/.*lu_selftest=\([a-z]*\).*/\1/p' /proc/cmdline)
case $case in
pass)
	tap_check "the case is pass" true
	echo "not ok 99 - written to the console, not a result" >/dev/console
	;;
fail) tap_check "the case is fail" false ;;
taint)
	tap_check "the case is taint" true
	echo 512 >/proc/sys/kernel/tainted
	;;
hang | lockup)
	tap_check "the case is $case" true
	echo 1 >/proc/sys/kernel/hung_task_timeout_secs
	echo 1 >/proc/sys/kernel/watchdog_thresh
	insmod /lu/lu_stall.ko mode="$case" 2>/dev/null
	sleep 2
	;;
*) tap_check "a known case: '$case'" false ;;
esac
tap_done
