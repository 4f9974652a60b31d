/* The parts of the generated self-tests that follow a plan: random valid
 * values (fill functions) and rejection probes. emit_marshal_test.c puts
 * them into test functions and files. */
#ifndef XENIDL_MARSHAL_PROBE_H
#define XENIDL_MARSHAL_PROBE_H

#include "marshal_plan.h"

/* One piece of test code being written for one plan. */
struct mtest {
	struct xi_arena *a;
	struct xi_strbuf *sb;
	const struct xi_mp_plan *plan;
	const char *fill;        /* the fill function of the type */
	const char *root;        /* "v->" in fill functions, "v." in tests */
	const char *whole;
	const char **idx;
	/* Probes: the calls of the functions under test. */
	const char *decode;      /* "T_decode(&w, buf, n, " or the _abi form */
	const char *encode;      /* "T_encode(&v, buf, n, " ... */
	const char *check;
	const char *wargs;       /* the wire arguments: "buf, n, ALL" or with an ABI */
	bool narrow;             /* fill with values every compat ABI holds */
};

/* Where a probe is: the loops around it (as code already opened), the
 * condition a value must meet to reach it (tagged-union arms) and the
 * wire base of the enclosing element. */
struct xi_mtest_where {
	const char *cond;        /* C expression on v, "1" when none */
	const char *base;        /* "o1" ... or NULL */
	unsigned depth;
	unsigned ind;
};

/* Loop counter names i0 ... i<depth>. */
const char **xi_mtest_counters(struct xi_arena *a, unsigned depth);

/* Statements that give the plan's fields random valid values (through the
 * pointer v); with `narrow` true at run time, values every ABI of the
 * plan's narrowing set can hold. */
void xi_mtest_fill(struct mtest *f, const struct xi_mp_node *n, unsigned ind);

/* Rejection probes: every reserved byte, undeclared bits and enum values,
 * tagged-union arm selection, each with its expected path and offset. */
void xi_mtest_probe(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w);

/* Compat translation: the first values a narrower field cannot hold are
 * rejected, encoding and decoding. */
void xi_mtest_probe_ranges(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w);

#endif
