// SPDX-License-Identifier: GPL-2.0-only
/// The live update state is changed only by sched_lu_set_state(), which
/// checks that the transition is allowed and that sched_lu_mutex is held.
/// A direct write of sched_lu_cur_state skips both checks.
///
// Confidence: High
// Copyright: (C) 2026 Sched LiveUpdate Team.
// Options: --no-includes --include-headers

virtual report

@r depends on report@
symbol sched_lu_cur_state;
identifier f != sched_lu_set_state;
expression E;
position p;
@@

f(...) {
<...
(
  sched_lu_cur_state@p = E
|
  WRITE_ONCE(sched_lu_cur_state@p, E)
)
...>
}

@script:python depends on report@
p << r.p;
f << r.f;
@@

coccilib.report.print_report(p[0],
	"sched_lu_cur_state written in %s(): use sched_lu_set_state()" % f)
