#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of scripts/bench-hotpath: the scheduler's hot path with an
# identity update active (LU_UPDATE, default fair_identity) against the
# kernel's own code, in one guest.
# LU_ROUNDS rounds (default 10), each timing both workloads of
# /lu/updates/hotpath without the update and with it, in turn first
# (so that a drift over the run favours neither). Prints one LU_HOT line
# of medians: times in ns, ratios of with to without per round.
# On a kernel without CONFIG_SCHED_LIVEUPDATE, times the workloads alone.
# Needs the files of scripts/build-updates in /lu/updates/.
# shellcheck source=tap.sh
. /lu/tap.sh
# shellcheck source=updates.sh
. /lu/updates.sh

rounds=${LU_ROUNDS:-10}
update=${LU_UPDATE:-fair_identity}
hp=/lu/updates/hotpath

# measure MODE: append "pingpong_ns pipes_ns" to /tmp/MODE.
measure() {
	echo "$($hp pingpong 20000) $($hp pipes 2 50)" >>"/tmp/$1"
}
tap_check "the workloads run" sh -c "$hp pingpong 1000 >/dev/null && $hp pipes 1 5 >/dev/null"
rm -f /tmp/without /tmp/with
if [ ! -d "$d" ]; then
	# A kernel built without the subsystem: the workloads alone, the
	# baseline the host compares the kernel with it to.
	i=0
	while [ $i -lt "$rounds" ]; do
		measure without
		i=$((i + 1))
	done
	echo "LU_HOT cpus=$(nproc) rounds=$rounds" \
		"pingpong_without_ns=$(med /tmp/without 1) pipes_without_ns=$(med /tmp/without 2)"
	tap_done
	exit
fi
fails=0 i=0
while [ $i -lt "$rounds" ]; do
	if [ $((i % 2)) = 0 ]; then
		measure without
		load "$update" || fails=$((fails + 1))
		measure with
		unload "$update" || fails=$((fails + 1))
	else
		load "$update" || fails=$((fails + 1))
		measure with
		unload "$update" || fails=$((fails + 1))
		measure without
	fi
	i=$((i + 1))
done
tap_check "$rounds rounds, every load and rollback done" test "$fails" = 0
paste -d' ' /tmp/with /tmp/without >/tmp/pairs
echo "LU_HOT cpus=$(nproc) rounds=$rounds update=$update" \
	"pingpong_without_ns=$(med /tmp/without 1) pingpong_with_ns=$(med /tmp/with 1)" \
	"pingpong_ratio=$(med /tmp/pairs 1 3)" \
	"pipes_without_ns=$(med /tmp/without 2) pipes_with_ns=$(med /tmp/with 2)" \
	"pipes_ratio=$(med /tmp/pairs 2 4)"
tap_check "idle at the end" state_is idle
tap_done
