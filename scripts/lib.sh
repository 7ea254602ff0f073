# SPDX-License-Identifier: GPL-2.0
# Common settings and helpers for the project's scripts. Sourced, not run.
# shellcheck shell=bash
# shellcheck disable=SC2034 # the variables are for the scripts that source this

set -euo pipefail

# Debian's tools first: the Python modules install-deps installs (ply and
# git, for checkpatch's spdxcheck.py) are Debian's python3's, and another
# python3 earlier in PATH would not see them.
PATH=/usr/bin:/bin:$PATH

LU_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The one place where the verified kernel source is pinned: Debian's
# linux-source-6.12 package at this version.
LU_DEBIAN_SOURCE_VERSION=6.12.117-1~deb12u1

# Everything generated lives below LU_BUILD (git-ignored).
LU_BUILD=${LU_BUILD:-$LU_ROOT/build}
LU_BUILD=$(realpath -m "$LU_BUILD")
LU_TREE=${LU_TREE:-$LU_BUILD/linux}
LU_BASE_TAG=lu-base
LU_BRANCH=sched-liveupdate

# A fixed identity and date for the base commit, so that the same source
# always gives the same base commit id.
LU_BASE_IDENT_NAME="Sched LiveUpdate base"
LU_BASE_IDENT_EMAIL=base@localhost
LU_BASE_DATE="2000-01-01T00:00:00Z"

lu_log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
lu_die() { lu_log "error: $*"; exit 1; }

# lu_stage NAME CMD...: run CMD with its output in build/logs/NAME.log
# (and on the terminal too with LU_LIVE=1), then print the stage's
# duration and result; on failure, the end of its log. Returns CMD's
# status.
lu_stage() {
	local name=$1 start rc=0 log
	shift
	log=$LU_BUILD/logs/$name.log
	mkdir -p "$LU_BUILD/logs"
	start=$(date +%s)
	printf '==> %s\n' "$name" >&2
	if [ "${LU_LIVE:-0}" = 1 ]; then
		"$@" 2>&1 | tee "$log" || rc=$?
	else
		"$@" >"$log" 2>&1 || rc=$?
	fi
	if [ "$rc" -ne 0 ] && [ "${LU_LIVE:-0}" != 1 ]; then
		tail -n 40 "$log" >&2
	fi
	printf 'STAGE %-16s %5ds  %s\n' "$name" "$(($(date +%s) - start))" \
		"$([ "$rc" -eq 0 ] && echo ok || echo "FAILED, log: $log")" >&2
	return "$rc"
}

lu_jobs() { nproc; }

# lu_madison_has VERSION: the output of apt-cache madison on stdin lists
# VERSION exactly. It is read whole before grep looks at it: grep -q at
# the end of a pipe exits at its first match, and under pipefail the
# writer's SIGPIPE then fails the check although the version is there.
lu_madison_has() {
	local madison
	madison=$(cat)
	grep -qF "| $1 |" <<<"$madison"
}

# lu_clock [--icount SHIFT]: how a benchmark's guest times were taken,
# given the run-guest option it passed, if any.
lu_clock() {
	if [ $# -gt 0 ]; then
		echo "QEMU TCG counting instructions (-icount shift=$2: 2^$2 ns each)"
	else
		echo "QEMU TCG, host time"
	fi
}

# lu_obj LANE: the out-of-tree build directory of a config lane.
lu_obj() { echo "$LU_BUILD/obj-$1"; }

# lu_make LANE ARGS...: make in the tree for one lane, with ccache.
lu_make() {
	local lane=$1
	shift
	# Paths below LU_BUILD are hashed relative to the build directory,
	# so that trees laid out alike (check-bisect's) share the cache.
	CCACHE_BASEDIR=$LU_BUILD make -C "$LU_TREE" O="$(lu_obj "$lane")" ARCH=x86_64 \
		CC="ccache gcc" HOSTCC="ccache gcc" -j"$(lu_jobs)" "$@"
}

lu_require_tree() {
	[ -e "$LU_TREE/.git" ] || lu_die "no kernel tree at $LU_TREE: run scripts/prepare-tree"
}

# lu_patch_files DIR: the numbered patch files in DIR, in order.
lu_patch_files() {
	find "$1" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]-*.patch' | sort
}

# The series' patch files, cover letter excluded, in order.
lu_series_patches() {
	lu_patch_files "$LU_ROOT/patches" | grep -v '/0000-cover-letter\.patch$' || true
}

# The directories holding C files the series adds or changes, with a
# trailing slash, as make takes them.
lu_touched_dirs() {
	git -C "$LU_TREE" diff --name-only "$LU_BASE_TAG" -- '*.c' |
		xargs -r -n1 dirname | sort -u | sed 's|$|/|'
}

# lu_series_hash DIR: one hash over the patch files in DIR.
lu_series_hash() {
	lu_patch_files "$1" | xargs -r cat | sha256sum | cut -d' ' -f1
}

# The hash of the series the tree was last synced with (applied from or
# exported to patches/), so that prepare-tree can tell a tree with
# unexported work from a patches/ that moved on.
lu_synced_file() { echo "$LU_TREE/.git/lu-synced-series"; }

# lu_am TREE: apply patches/ with git am on TREE's checked-out commit.
# The cover letter has no diff and is dropped.
lu_am() {
	git -C "$1" -c user.name="${GIT_COMMITTER_NAME:-sched-lu}" \
		-c user.email="${GIT_COMMITTER_EMAIL:-sched-lu@localhost}" \
		am -q --empty=drop "$LU_ROOT"/patches/*.patch
}
