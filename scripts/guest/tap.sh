# SPDX-License-Identifier: GPL-2.0
# TAP helpers for guest test scripts. Sourced by /test.sh.
# shellcheck shell=sh

tap_n=0
tap_failed=0

# tap_check DESCRIPTION CMD...: one TAP line from CMD's status.
tap_check() {
	desc=$1
	shift
	tap_n=$((tap_n + 1))
	if "$@"; then
		echo "ok $tap_n - $desc"
	else
		echo "not ok $tap_n - $desc"
		tap_failed=$((tap_failed + 1))
	fi
}

# tap_done: the plan and the exit status; call last.
tap_done() {
	echo "1..$tap_n"
	echo "# $((tap_n - tap_failed)) passed, $tap_failed failed"
	[ "$tap_failed" -eq 0 ]
}
