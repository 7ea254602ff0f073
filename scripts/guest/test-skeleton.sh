#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest test: the subsystem's sysfs files at boot, under a short
# scheduler workload on every vCPU.
# shellcheck source=tap.sh
. /lu/tap.sh

d=/sys/kernel/sched_update

tap_check "$d is a directory" test -d $d
tap_check "state is mode 0444, owned by root" \
	test "$(stat -c '%a %u %g' $d/state)" = "444 0 0"
tap_check "the directory holds the documented files" \
	test "$(cd $d && echo *)" = "last_error last_switch load state unload"
tap_check "last_error reads none" test "$(cat $d/last_error)" = none
tap_check "last_switch reads none" test "$(cat $d/last_switch/operation)" = none
tap_check "state reads idle" test "$(cat $d/state)" = idle
tap_check "state refuses a write, even from root" \
	sh -c "! echo active 2>/dev/null >$d/state"
tap_check "state still reads idle" test "$(cat $d/state)" = idle
tap_check "4 CPUs online" test "$(nproc)" = 4

# Workload: CPU hogs (two per vCPU), a fork/exit loop and sleepers. Every
# hog must finish its fixed amount of work: no task is lost or starved.
hogs=8
i=0
while [ $i -lt $hogs ]; do
	sh -c 'n=0; while [ $n -lt 20000 ]; do n=$((n + 1)); done; touch /tmp/hog.$0' $i &
	i=$((i + 1))
done
sh -c 'n=0; while [ $n -lt 200 ]; do /bin/true; n=$((n + 1)); done; touch /tmp/forker' &
i=0
while [ $i -lt 50 ]; do
	sleep 2 &
	i=$((i + 1))
done
wait
tap_check "all $hogs CPU hogs finished" test "$(find /tmp -name "hog.*" | wc -l)" = $hogs
tap_check "the fork/exit loop finished" test -e /tmp/forker
tap_check "the scheduler's debugfs dump shows every CPU" \
	test "$(grep -c '^cpu#' /sys/kernel/debug/sched/debug)" = 4
tap_check "state reads idle after the workload" test "$(cat $d/state)" = idle

tap_done
