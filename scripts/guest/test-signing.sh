#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest test: updates on a kernel that enforces module signatures and is
# locked down. Booted on the distro lane with module.sig_enforce=1 and
# lockdown=integrity; scripts/build-updates signed fair_identity there
# with the build's key (build-update.sh -S) and left fair_slice unsigned.
# An unsigned update and the signed one with a byte changed are refused
# by the module loader, the scheduler unchanged; the signed one loads,
# switches, rolls back and is removed.
# Needs the files of scripts/build-updates distro in /lu/updates/.
# shellcheck source=tap.sh
. /lu/tap.sh
# shellcheck source=updates.sh
. /lu/updates.sh

sec=/sys/kernel/security
grep -qs securityfs /proc/mounts || mount -t securityfs securityfs $sec

# Two hogs whose counters progress() watches.
/tmp/hog 1 &
/tmp/hog 2 &
sleep 1

tap_check "the kernel is locked down (integrity)" grep -q '\[integrity\]' $sec/lockdown
tap_check "module signatures are enforced" \
	grep -qx Y /sys/module/module/parameters/sig_enforce

# --- refused by the module loader ----------------------------------------

tap_check "an unsigned update is refused: ENOENT" \
	refused $d/load fair_slice "No such file or directory" "modprobe could not load it"
tap_check "the loader refused it for its missing signature" \
	sh -c 'dmesg | grep -q "Loading of unsigned module is rejected"'
tap_check "the unsigned update is not loaded" not_loaded fair_slice

# insmod_refused FILE TEXT: insmod fails on FILE, with an error naming TEXT.
insmod_refused() {
	out=$(insmod "$1" 2>&1) && { echo "# $1 was loaded"; return 1; }
	echo "# $out"
	echo "$out" | grep -q "$2"
}
tap_check "the tampered update is refused: EKEYREJECTED" \
	insmod_refused /lu/updates/fair_identity.ko.tampered "Key was rejected"
tap_check "the tampered update is not loaded" not_loaded fair_identity
tap_check "still idle after the refusals" state_is idle

# --- the signed update ----------------------------------------------------

tap_check "the signed update loads and switches" load fair_identity
tap_check "state reads active fair_identity" state_is "active fair_identity"
tap_check "last switch: load, result 0" test "$(stat_of operation) $(stat_of result)" = "load 0"
tap_check "every task progresses under the update" progress
tap_check "roll back" unload fair_identity
tap_check "state reads idle" state_is idle
tap_check "every task progresses after the rollback" progress
tap_check "rmmod the update" rmmod fair_identity
tap_check "the update is gone" not_loaded fair_identity

tap_done
