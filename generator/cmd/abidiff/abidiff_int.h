/* abi-diff internals: what abidiff_compare.c (declarations and renames),
 * abidiff_members.c (the members of structs and unions),
 * abidiff_causes.c (consequences as notes of their causes),
 * abidiff_findings.c (reports and the version rule) and abidiff_types.c
 * (type spellings) share. Each uses only the files after it in this list. */
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

struct ad_slot;
struct ad_effect;

struct ad_differ {
	struct xi_abidiff *out;
	struct xi_mf_model *o, *n;
	struct ad_side so, sn;
	xi_abi_mask common;
	unsigned merge_from;
	struct xi_mf_model *repr_model; /* the side repr_name looks names up in */
	/* Consequences, kept aside until every declaration is compared
	 * (abidiff_causes.c). */
	struct ad_slot *slots;          /* per new-side declaration and ABI */
	struct ad_effect *effects;
	unsigned neffects, cap_effects;
	struct xi_map value_reports;    /* value key -> report of its change + 1 */
};

/* The declarations being compared, on one ABI. */
struct ad_pair {
	struct ad_differ *df;
	struct xi_mf_decl *o, *n;
	int abi;
	xi_abi_mask scope;
	const char *subject;
};

/* The arena of the findings: what abi-diff makes lives as long as they do. */
static inline struct xi_arena *xi_ad_arena(struct ad_differ *df)
{
	return &df->out->arena;
}

/* Two texts are equal, or both are NULL. */
static inline bool xi_ad_streq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static inline bool on_abi(const struct xi_mf_member *m, int abi)
{
	return (m->abis & XI_ABI_BIT(abi)) != 0;
}

/* --- abidiff_findings.c ------------------------------------------------------ */

/* Report a difference of the pair (merged with the same report on other
 * ABIs); a breaking one may be accepted by a version bump. Returns the
 * report's index. */
unsigned xi_ad_report(struct ad_pair *p, enum xi_abidiff_class cls, const char *rule,
		      struct xi_mf_loc ol, struct xi_mf_loc nl, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Decimal text of a value, in the diff's arena. */
const char *xi_ad_int(struct ad_differ *df, struct xi_int v);

/* Index a side's users of each name, for the version rule. */
void xi_ad_side_init(struct ad_differ *df, struct ad_side *s, struct xi_mf_model *m);
/* Whether a constant is the @version of an input declaration of either
 * side. */
bool xi_ad_is_version_const(struct ad_differ *df, const char *name);

/* --- abidiff_types.c ----------------------------------------------------------- */

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

/* --- abidiff_members.c --------------------------------------------------------- */
void xi_ad_compare_members(struct ad_pair *p);

/* --- abidiff_causes.c: one finding per change ------------------------------ */

/* Set up and free the differ's cause and effect tables. */
void xi_ad_causes_init(struct ad_differ *df);
void xi_ad_causes_free(struct ad_differ *df);

/* Report `report` of the pair as a change that moves or resizes bytes at
 * `offset` (member `path`, or NULL for the whole declaration): what moves
 * in the declaration may follow from it. Only a breaking change (accepted
 * by a version bump or not) can be a cause. */
void xi_ad_cause(struct ad_pair *p, unsigned report, uint64_t offset, const char *path);

/* A layout consequence in the pair: member `member` of the new side (or
 * -1: the declaration itself) changed. `moved` is the text of its new
 * offset, `own` of its new size or alignment (either may be NULL).
 * `own_cause` is the report of the member's own change (its type), or -1;
 * `named` the declaration its type holds by value (an alias's target for
 * the declaration itself), or NULL. `alone_rule` and `alone`, if set, are
 * what to report when no cause is found (default: the effect's rule and
 * text). */
struct ad_effect_spec {
	const char *rule;
	struct xi_mf_loc ol, nl;
	int member;
	const char *moved, *own;
	int own_cause;
	const char *named;
	const char *alone_rule, *alone;
};
void xi_ad_effect(struct ad_pair *p, const struct ad_effect_spec *spec);

/* Enum values and constants, by key, whose number changed or that were
 * removed, and an arm label that follows such a change. */
const char *xi_ad_enum_value_key(struct ad_differ *df, const struct xi_mf_decl *e,
				 const char *value, int abi);
const char *xi_ad_const_key(struct ad_differ *df, const char *name, int abi);
void xi_ad_value_changed(struct ad_differ *df, const char *key, unsigned report);
void xi_ad_label_effect(struct ad_pair *p, const char *key, const char *rule,
			struct xi_mf_loc ol, struct xi_mf_loc nl, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* After every declaration is compared: give each consequence to the
 * change it follows from, as a note, or report it when none is found. */
void xi_ad_resolve_effects(struct ad_differ *df);

/* The name a type spelling holds by value ("s" for "s[4][2]"), in the
 * diff's arena; NULL for a handle or an inline aggregate. (A primitive's
 * name comes back too: no declaration has it.) */
const char *xi_ad_named_type(struct ad_differ *df, const char *type);

#endif
