#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest script for scripts/check-guest: what run-guest must judge, chosen
# by lu_selftest=<case> on the kernel command line.
#   pass     one passing check, and a "not ok" line written to the
#            console by another writer: not a result, must not fail
#   fail     one failing check
#   taint    one passing check, then the warning taint flag set (W) with
#            no console report: only the taint check can see it
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
*) tap_check "a known case: '$case'" false ;;
esac
tap_done
