/* abi-diff internals: what abidiff_compare.c (declarations, versions,
 * renames, type spellings) shares with abidiff_members.c (the members of
 * structs and unions). */
#ifndef XENIDL_ABIDIFF_INT_H
#define XENIDL_ABIDIFF_INT_H

#include <string.h>

#include "abidiff.h"

struct ad_users {
	unsigned n, cap;
	struct xi_mf_decl **list;
};

/* One side's index for the version rule. */
struct ad_side {
	struct xi_mf_model *m;
	struct xi_map users;          /* name -> struct ad_users */
	unsigned char *state[2];      /* per decl: 0 new, 1 visiting, 2 done */
	const char **result[2];       /* [require_bump] */
};

struct ad_differ {
	struct xi_abidiff *out;
	struct xi_mf_model *o, *n;
	struct ad_side so, sn;
	xi_abi_mask common;
	unsigned merge_from;
	struct xi_mf_model *repr_model; /* the side repr_name looks names up in */
};

/* The declarations being compared, on one ABI. */
struct ad_pair {
	struct ad_differ *df;
	struct xi_mf_decl *o, *n;
	int abi;
	xi_abi_mask scope;
	const char *subject;
};

static inline struct xi_arena *ar(struct ad_differ *df)
{
	return &df->out->arena;
}

static inline bool streq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static inline bool on_abi(const struct xi_mf_member *m, int abi)
{
	return (m->abis & XI_ABI_BIT(abi)) != 0;
}

/* Report a difference of the pair (merged with the same report on other
 * ABIs); a breaking one may be accepted by a version bump. */
void xi_ad_report(struct ad_pair *p, enum xi_abidiff_class cls, const char *rule,
		  struct xi_mf_loc ol, struct xi_mf_loc nl, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Decimal text of a value, in the diff's arena. */
const char *xi_ad_int(struct ad_differ *df, struct xi_int v);

/* An old type spelling with renamed declarations' new names. */
const char *xi_ad_renamed_type(struct ad_differ *df, const char *type, int abi);

enum xi_ad_type_change { XI_AD_TYPE_SAME, XI_AD_TYPE_SPELLING, XI_AD_TYPE_CHANGED };
/* Whether a type changed, and if so whether only in its spelling (the same
 * representation once aliases, enums and bitmaps are resolved). */
enum xi_ad_type_change xi_ad_compare_type(struct ad_differ *df, const char *ot, const char *nt,
					  int abi);

/* The same place, size, type, direction, reserved flag and labels. */
bool xi_ad_same_member_shape(struct ad_differ *df, const struct xi_mf_member *a,
			     const struct xi_mf_member *b, int abi);

/* abidiff_members.c */
void xi_ad_compare_members(struct ad_pair *p);

#endif
