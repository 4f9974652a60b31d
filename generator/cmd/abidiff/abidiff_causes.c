/* abi-diff: one finding per change, its consequences as notes.
 *
 * A change (a member's type, a new or removed member, an alias's target,
 * an enum's backing type, an enum value's or constant's number) is
 * reported once. What follows from it is not reported again but given to
 * it as notes:
 *   - a member whose type changed: its own new size and alignment;
 *   - a change that moves or resizes bytes: the members after it that
 *     move, and the declaration's new size and alignment;
 *   - a declaration whose size or alignment changed: the same facts in
 *     every type that holds it by value (a member, an array of it, an
 *     alias of it), at any depth;
 *   - an enum value or constant renumbered or removed: the arm labels
 *     that name it.
 *
 * The comparison of declarations (abidiff_compare.c, abidiff_members.c)
 * hands each such fact here as an effect, and each change that moves or
 * resizes bytes as a cause, per declaration of the new side and ABI (a
 * slot). Once every declaration is compared, each effect goes to a cause:
 *
 *   the slot's cause      the change at the lowest offset: a cause marked
 *                         there, or else what changed the size of the
 *                         member there (ties: a marked cause, then the
 *                         deepest member). The members that move and the
 *                         declaration's size and alignment follow from
 *                         it: the first change moves everything after it.
 *   a member's own size   its type's change; else the slot's cause of the
 *   and alignment         declaration its type holds by value; else, for
 *                         an inline struct or union, the cause of the
 *                         first change inside it.
 *
 * An effect whose cause cannot be found (the embedded type is declared in
 * a file the side does not cover, or a manifest contradicts itself) is
 * reported as a finding of its own, so that no break is lost; the other
 * effects of its slot become its notes. Effects are resolved per ABI: a
 * note that holds on fewer ABIs than its finding says where. */
#include "abidiff_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"

#include "strbuf.h"

/* How many embedded declarations and nested members deep a cause is
 * searched: a bound on the stack a hostile manifest can take. Beyond it
 * an effect is reported as a finding of its own. */
#define AD_MAX_CAUSE_DEPTH 256u

/* ad_effect.own while unknown, and while being found (a cycle of
 * declarations embedding each other, which only a manifest can claim). */
#define OWN_UNKNOWN (-2)
#define OWN_SEARCHING (-3)

struct ad_cause {
	uint64_t offset;
	const char *path;       /* the member's path, or NULL: the declaration */
	unsigned report;
};

struct ad_effect {
	struct ad_pair pair;    /* where it was seen: subject, ABI, sides */
	struct ad_effect_spec spec;
	uint64_t offset;        /* the member's new offset (the declaration: 0) */
	unsigned depth;         /* how deeply the member is nested */
	bool is_label;          /* an arm label: label_key and text */
	const char *label_key;  /* the key of the value it names, or NULL */
	const char *text;
	int own;                /* the cause of its own part, OWN_UNKNOWN, OWN_SEARCHING */
	int promoted;           /* the finding made of it, or -1 */
	bool moved_reported;    /* that finding says how it moved */
};

struct ad_slot {
	struct ad_cause *causes;
	unsigned ncauses, cap_causes;
	unsigned *effects;      /* indices into df->effects */
	unsigned neffects, cap_effects;
	unsigned char state;    /* its cause: 0 not yet, 1 being found, 2 found */
	int cause;
};

void xi_ad_causes_init(struct ad_differ *df)
{
	size_t n = (size_t)df->n->ndecls * XI_ABI_COUNT;
	df->slots = xi_alloc(xi_ad_arena(df), sizeof(*df->slots) * (n ? n : 1));
	memset(df->slots, 0, sizeof(*df->slots) * (n ? n : 1));
	df->effects = NULL;
	df->neffects = df->cap_effects = 0;
	xi_map_init(&df->value_reports);
}

void xi_ad_causes_free(struct ad_differ *df)
{
	free(df->effects);
	df->effects = NULL;
	xi_map_free(&df->value_reports);
}

static struct ad_slot *slot_of(struct ad_differ *df, const struct xi_mf_decl *n, int abi)
{
	return &df->slots[(size_t)n->index * XI_ABI_COUNT + (size_t)abi];
}

/* Grow an arena array by one element. */
static void *grow(struct xi_arena *a, void *items, unsigned n, unsigned *cap, size_t elem)
{
	if (n < *cap)
		return items;
	unsigned ncap = *cap ? *cap * 2 : 4;
	void *p = xi_alloc(a, elem * ncap);
	if (n)
		memcpy(p, items, elem * n);
	*cap = ncap;
	return p;
}

void xi_ad_cause(struct ad_pair *p, unsigned report, uint64_t offset, const char *path)
{
	struct ad_differ *df = p->df;
	enum xi_abidiff_class cls = df->out->reports[report].cls;
	if (!p->n || (cls != XI_AD_BREAKING && cls != XI_AD_BUMPED))
		return;
	struct ad_slot *s = slot_of(df, p->n, p->abi);
	s->causes = grow(xi_ad_arena(df), s->causes, s->ncauses, &s->cap_causes, sizeof(*s->causes));
	s->causes[s->ncauses++] = (struct ad_cause){ offset, path, report };
}

static struct ad_effect *new_effect(struct ad_pair *p)
{
	struct ad_differ *df = p->df;
	if (df->neffects == df->cap_effects) {
		df->cap_effects = df->cap_effects ? df->cap_effects * 2 : 64;
		df->effects = xi_xrealloc(df->effects, sizeof(*df->effects) * df->cap_effects);
	}
	struct ad_effect *e = &df->effects[df->neffects++];
	memset(e, 0, sizeof(*e));
	e->pair = *p;
	e->own = OWN_UNKNOWN;
	e->promoted = -1;
	return e;
}

void xi_ad_effect(struct ad_pair *p, const struct ad_effect_spec *spec)
{
	struct ad_differ *df = p->df;
	struct ad_effect *e = new_effect(p);
	e->spec = *spec;
	if (spec->member >= 0) {
		const struct xi_mf_member *m = &p->n->members[spec->member];
		e->offset = m->offset[p->abi];
		for (int k = m->parent; k >= 0; k = p->n->members[k].parent)
			e->depth++;
	}
	struct ad_slot *s = slot_of(df, p->n, p->abi);
	s->effects = grow(xi_ad_arena(df), s->effects, s->neffects, &s->cap_effects, sizeof(*s->effects));
	s->effects[s->neffects++] = df->neffects - 1;
}

/* --- Values and labels ---------------------------------------------------------- */

const char *xi_ad_enum_value_key(struct ad_differ *df, const struct xi_mf_decl *e,
				 const char *value, int abi)
{
	return xi_aprintf(xi_ad_arena(df), "%d enum %u %s", abi, e->index, value);
}

const char *xi_ad_const_key(struct ad_differ *df, const char *name, int abi)
{
	return xi_aprintf(xi_ad_arena(df), "%d const %s", abi, name);
}

void xi_ad_value_changed(struct ad_differ *df, const char *key, unsigned report)
{
	size_t len = strlen(key);
	if (!xi_map_get(&df->value_reports, key, len))
		xi_map_put(&df->value_reports, key, len, (void *)(uintptr_t)(report + 1));
}

void xi_ad_label_effect(struct ad_pair *p, const char *key, const char *rule,
			struct xi_mf_loc ol, struct xi_mf_loc nl, const char *fmt, ...)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	xi_sb_vprintf(&sb, fmt, ap);
	va_end(ap);
	struct ad_effect *e = new_effect(p);
	e->is_label = true;
	e->label_key = key;
	e->text = xi_strdup(xi_ad_arena(p->df), xi_sb_str(&sb));
	e->spec.rule = rule;
	e->spec.ol = ol;
	e->spec.nl = nl;
	e->spec.member = -1;
	e->spec.own_cause = -1;
	xi_sb_free(&sb);
}

const char *xi_ad_named_type(struct ad_differ *df, const char *type)
{
	if (!type || xi_mf_type_is_inline(type))
		return NULL;
	size_t n = strlen(type);
	/* Array dimensions, from the last. */
	while (n && type[n - 1] == ']') {
		while (n && type[n - 1] != '[')
			n--;
		if (n)
			n--;
	}
	if (!n)
		return NULL;
	if (!xi_is_identifier(type, n))
		return NULL;
	return xi_strndup(xi_ad_arena(df), type, n);
}

/* --- Finding causes --------------------------------------------------------------- */

/* Slot effects in the order causes are looked for: members by offset, the
 * deepest first at one offset, then the declaration's own. */
struct effect_key {
	bool decl;
	uint64_t offset;
	unsigned depth;
	unsigned index;
};

static int effect_order(const void *a, const void *b)
{
	const struct effect_key *x = a, *y = b;
	if (x->decl != y->decl)
		return x->decl ? 1 : -1;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	if (x->depth != y->depth)
		return x->depth > y->depth ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void sort_slot(struct ad_differ *df, struct ad_slot *s)
{
	if (s->neffects < 2)
		return;
	struct effect_key *keys = xi_alloc(xi_ad_arena(df), sizeof(*keys) * s->neffects);
	for (unsigned i = 0; i < s->neffects; i++) {
		const struct ad_effect *e = &df->effects[s->effects[i]];
		keys[i] = (struct effect_key){ e->spec.member < 0, e->offset, e->depth, s->effects[i] };
	}
	qsort(keys, s->neffects, sizeof(*keys), effect_order);
	for (unsigned i = 0; i < s->neffects; i++)
		s->effects[i] = keys[i].index;
}

static bool has_own(const struct ad_effect *e)
{
	return e->spec.member >= 0 && e->spec.own;
}

/* The slot's first change: *cause (an index of s->causes) or *effect (of
 * s->effects, a member that changed size or alignment); -1 for neither. */
static void first_change(const struct ad_differ *df, const struct ad_slot *s, int *cause,
			 int *effect)
{
	*cause = *effect = -1;
	for (unsigned i = 0; i < s->ncauses; i++)
		if (*cause < 0 || s->causes[i].offset < s->causes[*cause].offset)
			*cause = (int)i;
	for (unsigned i = 0; i < s->neffects && *effect < 0; i++)
		if (has_own(&df->effects[s->effects[i]]))
			*effect = (int)i;
	if (*cause >= 0 && *effect >= 0) {
		if (s->causes[*cause].offset <= df->effects[s->effects[*effect]].offset)
			*effect = -1;
		else
			*cause = -1;
	}
}

static bool is_first_change(struct ad_differ *df, unsigned e)
{
	const struct ad_effect *ef = &df->effects[e];
	const struct ad_slot *s = slot_of(df, ef->pair.n, ef->pair.abi);
	int c, k;
	first_change(df, s, &c, &k);
	return k >= 0 && s->effects[k] == e;
}

static const char *member_text(struct ad_differ *df, const struct ad_effect *e, const char *a,
			       const char *b)
{
	if (e->spec.member < 0)
		return a;
	const char *path = e->pair.n->members[e->spec.member].path;
	return b ? xi_aprintf(xi_ad_arena(df), "member '%s': %s, %s", path, a, b)
		 : xi_aprintf(xi_ad_arena(df), "member '%s': %s", path, a);
}

/* Report an effect as a finding of its own (no cause was found). */
static int promote(struct ad_differ *df, unsigned e)
{
	struct ad_effect *ef = &df->effects[e];
	if (ef->promoted >= 0)
		return ef->promoted;
	const char *text, *rule = ef->spec.rule;
	if (ef->is_label) {
		text = ef->text;
	} else if (ef->spec.alone) {
		rule = ef->spec.alone_rule;
		text = ef->spec.alone;
		ef->moved_reported = true;
	} else if (!ef->spec.own) {
		text = member_text(df, ef, ef->spec.moved, NULL);
		ef->moved_reported = true;
	} else if (ef->spec.moved && is_first_change(df, e)) {
		/* It is the slot's cause: its move follows from itself. */
		text = member_text(df, ef, ef->spec.moved, ef->spec.own);
		ef->moved_reported = true;
	} else {
		text = member_text(df, ef, ef->spec.own, NULL);
	}
	struct ad_pair p = ef->pair;
	unsigned r = xi_ad_report(&p, XI_AD_BREAKING, rule, ef->spec.ol, ef->spec.nl, "%s", text);
	df->effects[e].promoted = (int)r;
	return (int)r;
}

static int slot_cause(struct ad_differ *df, const struct xi_mf_decl *n, int abi, unsigned depth);
static int own_cause(struct ad_differ *df, unsigned e, unsigned depth);

/* Whether member path `path` is inside the member at `outer`. */
static bool path_inside(const char *path, const char *outer)
{
	size_t n = strlen(outer);
	return path && !strncmp(path, outer, n) && (path[n] == '.' || path[n] == '[');
}

static bool member_inside(const struct xi_mf_decl *d, int m, int outer)
{
	for (int k = d->members[m].parent; k >= 0; k = d->members[k].parent)
		if (k == outer)
			return true;
	return false;
}

/* The first change inside an inline struct or union, or -1. */
static int inside_cause(struct ad_differ *df, unsigned e, unsigned depth)
{
	const struct ad_effect *ef = &df->effects[e];
	const struct xi_mf_decl *n = ef->pair.n;
	const struct ad_slot *s = slot_of(df, n, ef->pair.abi);
	const char *outer = n->members[ef->spec.member].path;
	int cause = -1;
	for (unsigned i = 0; i < s->ncauses; i++)
		if (path_inside(s->causes[i].path, outer) &&
		    (cause < 0 || s->causes[i].offset < s->causes[cause].offset))
			cause = (int)i;
	for (unsigned i = 0; i < s->neffects; i++) {
		unsigned k = s->effects[i];
		const struct ad_effect *in = &df->effects[k];
		if (!has_own(in) || !member_inside(n, in->spec.member, ef->spec.member))
			continue;
		if (cause >= 0 && s->causes[cause].offset <= in->offset)
			break;
		return own_cause(df, k, depth + 1);
	}
	return cause >= 0 ? (int)s->causes[cause].report : -1;
}

/* The finding a member's own new size or alignment follows from. */
static int own_cause(struct ad_differ *df, unsigned e, unsigned depth)
{
	struct ad_effect *ef = &df->effects[e];
	if (ef->promoted >= 0)
		return ef->promoted;
	if (ef->own == OWN_SEARCHING)
		return -1;
	if (ef->own != OWN_UNKNOWN)
		return ef->own;
	ef->own = OWN_SEARCHING;
	int r = ef->spec.own_cause;
	int abi = ef->pair.abi;
	if (r < 0 && ef->spec.named && depth < AD_MAX_CAUSE_DEPTH) {
		const struct xi_mf_decl *d = xi_mf_lookup_input(df->n, ef->spec.named, abi);
		if (d)
			r = slot_cause(df, d, abi, depth + 1);
	}
	if (r < 0 && ef->spec.member >= 0 && depth < AD_MAX_CAUSE_DEPTH &&
	    xi_mf_type_is_inline(ef->pair.n->members[ef->spec.member].type[abi]))
		r = inside_cause(df, e, depth);
	if (r < 0)
		r = promote(df, e);
	df->effects[e].own = r;
	return r;
}

/* The finding a declaration's changes on an ABI follow from, or -1 when
 * nothing changed its layout there. */
static int slot_cause(struct ad_differ *df, const struct xi_mf_decl *n, int abi, unsigned depth)
{
	struct ad_slot *s = slot_of(df, n, abi);
	if (s->state == 2)
		return s->cause;
	if (s->state == 1 || depth > AD_MAX_CAUSE_DEPTH)
		return -1;
	s->state = 1;
	int r = -1, c, k;
	first_change(df, s, &c, &k);
	if (c >= 0)
		r = (int)s->causes[c].report;
	else if (k >= 0)
		r = own_cause(df, s->effects[k], depth);
	/* An alias whose target's layout changed. */
	for (unsigned i = 0; r < 0 && i < s->neffects; i++) {
		const struct ad_effect *ef = &df->effects[s->effects[i]];
		const struct xi_mf_decl *d = ef->spec.member < 0 && ef->spec.named
					     ? xi_mf_lookup_input(df->n, ef->spec.named, abi) : NULL;
		if (d)
			r = slot_cause(df, d, abi, depth + 1);
	}
	if (r < 0 && s->neffects)
		r = promote(df, s->effects[0]);
	s->state = 2;
	s->cause = r;
	return r;
}

/* --- Notes ---------------------------------------------------------------------------- */

static bool same_loc(struct xi_mf_loc a, struct xi_mf_loc b)
{
	return xi_ad_streq(a.file, b.file) && a.line == b.line && a.col == b.col;
}

static void add_note(struct ad_differ *df, int report, const struct ad_effect *e, const char *message)
{
	struct xi_abidiff_report *r = &df->out->reports[report];
	xi_abi_mask bit = XI_ABI_BIT(e->pair.abi);
	for (unsigned i = 0; i < r->nnotes; i++) {
		struct xi_abidiff_note *n = &r->notes[i];
		if (!strcmp(n->rule, e->spec.rule) && !strcmp(n->subject, e->pair.subject) &&
		    !strcmp(n->message, message) && same_loc(n->old_loc, e->spec.ol) &&
		    same_loc(n->new_loc, e->spec.nl)) {
			n->abis |= bit;
			return;
		}
	}
	r->notes = grow(xi_ad_arena(df), r->notes, r->nnotes, &r->cap_notes, sizeof(*r->notes));
	r->notes[r->nnotes++] = (struct xi_abidiff_note){
		e->spec.rule, e->pair.subject, message, e->spec.ol, e->spec.nl, bit,
	};
}

void xi_ad_resolve_effects(struct ad_differ *df)
{
	/* Findings made of effects merge with those of other ABIs made
	 * anywhere before. */
	df->merge_from = 0;
	for (size_t i = 0; i < (size_t)df->n->ndecls * XI_ABI_COUNT; i++)
		sort_slot(df, &df->slots[i]);
	for (unsigned e = 0; e < df->neffects; e++) {
		const struct ad_effect *ef = &df->effects[e];
		if (ef->is_label) {
			void *v = ef->label_key ? xi_map_get(&df->value_reports, ef->label_key,
							     strlen(ef->label_key)) : NULL;
			if (v)
				add_note(df, (int)((uintptr_t)v - 1), ef, ef->text);
			else
				promote(df, e);
			continue;
		}
		int abi = ef->pair.abi;
		if (ef->spec.member < 0) {
			/* The declaration's size or alignment. */
			int cause = slot_cause(df, ef->pair.n, abi, 0);
			ef = &df->effects[e];
			if (ef->promoted < 0 && cause >= 0)
				add_note(df, cause, ef, ef->spec.own);
			continue;
		}
		int own = ef->spec.own ? own_cause(df, e, 0) : -1;
		int moved = ef->spec.moved ? slot_cause(df, ef->pair.n, abi, 0) : -1;
		ef = &df->effects[e];
		const char *m = ef->spec.moved, *o = ef->spec.own;
		if (ef->promoted >= 0) {
			/* The finding says everything but perhaps the move. */
			if (m && !ef->moved_reported && moved >= 0 && moved != ef->promoted)
				add_note(df, moved, ef, member_text(df, ef, m, NULL));
			continue;
		}
		if (m && o && own == moved) {
			add_note(df, own, ef, member_text(df, ef, m, o));
			continue;
		}
		if (o && own >= 0)
			add_note(df, own, ef, member_text(df, ef, o, NULL));
		if (m && moved >= 0)
			add_note(df, moved, ef, member_text(df, ef, m, NULL));
	}
}
