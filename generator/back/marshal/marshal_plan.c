/* Marshalling plans (see marshal_plan.h). */
#include "marshal_plan.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct builder {
	struct xi_ctx *ctx;
	struct xi_arena *a;
	struct xi_mp_names *names;
	int host, wire;
	xi_abi_mask narrow;       /* the wire ABIs values must survive */
	struct xi_mp_plan *plan;
	bool failed;              /* the two ABIs cannot be translated */
};

/* A type seen as a scalar: the class, size, signedness and meaning. */
struct scalar_info {
	bool ok;
	enum xi_mp_class cls;
	unsigned size;
	bool is_signed;
	enum xi_prim prim;        /* XI_MP_INT and XI_MP_CHAR */
	const struct xi_decl *sem;
	bool nbytes;              /* the native field is not an integer lvalue */
};

static struct scalar_info scalar_of(const struct xi_type *t, int abi)
{
	struct scalar_info s = { 0 };
	switch (t->kind) {
	case XI_TYPE_PRIM:
		s.ok = true;
		s.prim = t->prim;
		s.size = xi_prim_size(t->prim, abi);
		s.is_signed = xi_prims[t->prim].is_signed;
		s.cls = t->prim == XI_PRIM_CHAR || t->prim == XI_PRIM_C_CHAR ? XI_MP_CHAR : XI_MP_INT;
		if (t->prim == XI_PRIM_C_CHAR)
			s.prim = XI_PRIM_CHAR;
		else if (t->prim == XI_PRIM_NATIVE_U64 || t->prim == XI_PRIM_NATIVE_I64 ||
			 xi_prim_is_c(t->prim))
			s.prim = xi_prim_of_size(s.size, s.is_signed);
		break;
	case XI_TYPE_REF: {
		const struct xi_decl *d = xi_ref_decl(t, abi);
		if (d && (d->kind == XI_DECL_ENUM || d->kind == XI_DECL_BITMAP)) {
			s.ok = true;
			s.cls = XI_MP_INT;
			s.size = xi_prims[d->backing].size;
			s.is_signed = xi_prims[d->backing].is_signed;
			s.prim = xi_prim_is_c(d->backing) ? xi_prim_of_size(s.size, s.is_signed)
							  : d->backing;
			s.sem = d;
			s.nbytes = d->c_bitfields;
		}
		break;
	}
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR:        /* an address, copied as an integer, never followed */
		s.ok = true;
		s.cls = XI_MP_HANDLE;
		s.nbytes = true;
		s.size = xi_type_layout(t, abi).size;
		s.prim = xi_prim_of_size(s.size, false);
		break;
	default:
		break;
	}
	return s;
}

/* A byte copied as it is: u8, i8 or char without meaning. */
static bool plain_byte(const struct xi_type *t)
{
	return t->kind == XI_TYPE_PRIM &&
	       (t->prim == XI_PRIM_U8 || t->prim == XI_PRIM_I8 || t->prim == XI_PRIM_CHAR ||
		t->prim == XI_PRIM_C_CHAR || t->prim == XI_PRIM_C_SCHAR || t->prim == XI_PRIM_C_UCHAR);
}

static unsigned combine_gate(unsigned parent, unsigned member_flags)
{
	unsigned own = ((member_flags & XI_MEMBER_IN) ? XI_MP_GATE_IN : 0u) |
		       ((member_flags & XI_MEMBER_OUT) ? XI_MP_GATE_OUT : 0u);
	if (!own)
		return parent;
	if (parent == XI_MP_GATE_ALWAYS)
		return own;
	return parent & own;
}

/* Where a node is and what it is called. */
struct site {
	uint32_t woff;
	const char *lval;
	const char *path;
	unsigned gate;
	bool reserved;
	unsigned depth;
	/* Native offset of the aggregate being built in the object lval
	 * names: not 0 inside an anonymous struct, reached by its parent's
	 * lvalue. */
	uint32_t nbase;
};

static struct xi_mp_node *new_node(struct builder *b, enum xi_mp_kind kind, const struct site *s,
				struct xi_mp_node ***tail)
{
	struct xi_mp_node *n = XI_NEW(b->a, struct xi_mp_node);
	n->kind = kind;
	n->woff = s->woff;
	n->lval = s->lval;
	n->path = s->path;
	n->gate = s->gate;
	n->depth = s->depth;
	n->reserved = s->reserved;
	**tail = n;
	*tail = &n->next;
	return n;
}

/* Same bytes in the same places on both ABIs (for unions copied whole). */
static bool same_layout(const struct xi_type *t, int x, int y)
{
	const struct xi_type *tx = xi_type_resolve(t, x), *ty = xi_type_resolve(t, y);
	struct xi_layout lx = xi_type_layout(tx, x), ly = xi_type_layout(ty, y);
	if (lx.size != ly.size)
		return false;
	if (tx->kind != ty->kind)
		return false;
	switch (tx->kind) {
	case XI_TYPE_ARRAY:
		return tx->u.array.count == ty->u.array.count && same_layout(tx->u.array.elem, x, y);
	case XI_TYPE_AGG:
	case XI_TYPE_REF: {
		const struct xi_agg *ax = NULL, *ay = NULL;
		if (tx->kind == XI_TYPE_AGG) {
			ax = tx->u.agg;
			ay = ty->u.agg;
		} else {
			const struct xi_decl *dx = xi_ref_decl(tx, x), *dy = xi_ref_decl(ty, y);
			if (dx != dy)
				return false;
			if (!xi_decl_is_aggregate(dx))
				return true;
			ax = ay = dx->agg;
		}
		if (ax != ay)
			return false;
		for (const struct xi_member *m = ax->members; m; m = m->next) {
			if (xi_member_present(m, x) != xi_member_present(m, y))
				return false;
			if (xi_member_present(m, x) &&
			    (xi_member_offset(m, x) != xi_member_offset(m, y) || !same_layout(m->type, x, y)))
				return false;
		}
		return true;
	}
	default:
		return scalar_of(tx, x).size == scalar_of(ty, y).size;
	}
}

static struct xi_mp_node *build_type(struct builder *b, const struct xi_type *t, struct site s,
				  struct xi_mp_node ***tail);

static void build_agg(struct builder *b, const struct xi_agg *agg, struct site s,
		      struct xi_mp_node ***tail);

/* --- Names ------------------------------------------------------------------ */

struct xi_mp_name_slot {
	const char *parent;     /* NULL: a free slot */
	const struct xi_member *member;   /* NULL: the element of an array ("[]") */
	const char *text;
};

/* Grow the table at three quarters full. */
#define XI_MP_NAMES_MIN_CAP 32u

void xi_mp_names_init(struct xi_mp_names *names, struct xi_arena *a)
{
	names->a = a;
	names->slots = NULL;
	names->cap = names->count = 0;
}

void xi_mp_names_free(struct xi_mp_names *names)
{
	free(names->slots);
	xi_mp_names_init(names, names->a);
}

static size_t name_hash(const char *parent, const struct xi_member *member)
{
	uint64_t h = (uint64_t)(uintptr_t)parent * UINT64_C(0x9e3779b97f4a7c15) ^
		     (uint64_t)(uintptr_t)member * UINT64_C(0xc4ceb9fe1a85ec53);
	return (size_t)(h ^ (h >> 29));
}

static struct xi_mp_name_slot *name_slot(const struct xi_mp_names *names, const char *parent,
				      const struct xi_member *member)
{
	size_t mask = names->cap - 1;
	for (size_t i = name_hash(parent, member) & mask;; i = (i + 1) & mask) {
		struct xi_mp_name_slot *s = &names->slots[i];
		if (!s->parent || (s->parent == parent && s->member == member))
			return s;
	}
}

static void names_grow(struct xi_mp_names *names)
{
	struct xi_mp_name_slot *old = names->slots;
	size_t oldcap = names->cap;
	names->cap = oldcap ? oldcap * 2 : XI_MP_NAMES_MIN_CAP;
	names->slots = xi_xmalloc(sizeof(*names->slots) * names->cap);
	memset(names->slots, 0, sizeof(*names->slots) * names->cap);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].parent)
			*name_slot(names, old[i].parent, old[i].member) = old[i];
	free(old);
}

/* The name of member m inside `parent` ("u.interdomain" + "port"), or of
 * the element of the array named `parent` (m NULL: "u.extents[]"). */
static const char *name_of(struct xi_mp_names *names, const char *parent, const struct xi_member *m)
{
	if ((names->count + 1) * 4 > names->cap * 3)
		names_grow(names);
	struct xi_mp_name_slot *s = name_slot(names, parent, m);
	if (s->parent)
		return s->text;
	size_t plen = strlen(parent);
	const char *name = m ? xi_member_c_name(m) : "[]";
	size_t nlen = strlen(name);
	bool dot = m && plen;
	char *text = xi_alloc(names->a, plen + dot + nlen + 1);
	memcpy(text, parent, plen);
	if (dot)
		text[plen] = '.';
	memcpy(text + plen + dot, name, nlen + 1);
	s->parent = parent;
	s->member = m;
	s->text = text;
	names->count++;
	return text;
}

/* Name the site of member m inside `from`: its lvalue and error path. They
 * are nearly always the same text, which is then made once. */
static void name_member(struct builder *b, struct site *to, const struct site *from,
			const struct xi_member *m)
{
	if (m && (m->flags & XI_MEMBER_ANONYMOUS)) {
		const struct xi_agg *anon = m->type->u.agg;
		if (!anon->is_union) {
			/* its members are reached by their own names */
			to->lval = from->lval;
			to->path = from->path;
			to->nbase = from->nbase + xi_member_offset(m, b->host);
			return;
		}
		/* An anonymous union goes across as bytes: named by the member
		 * C keeps in every mode, of the same place and size. */
		const struct xi_member *fb = xi_anonymous_fallback(anon, b->host);
		if (fb && !(fb->flags & XI_MEMBER_ANONYMOUS))
			m = fb;
	}
	to->nbase = 0;
	to->lval = name_of(b->names, from->lval, m);
	to->path = from->path == from->lval || !strcmp(from->path, from->lval)
		 ? to->lval : name_of(b->names, from->path, m);
}

static void build_tagged(struct builder *b, const struct xi_agg *u, struct site s,
			 struct xi_mp_node *tag, struct xi_mp_node ***tail)
{
	struct xi_mp_node *n = new_node(b, XI_MP_TAGGED, &s, tail);
	n->wsize = u->lay[b->wire].size;
	n->tag = tag;
	if (tag) {
		struct xi_mp_use *use = XI_NEW(b->a, struct xi_mp_use);
		use->node = n;
		use->next = tag->tag_of;
		tag->tag_of = use;
	}
	struct xi_mp_arm **arm_tail = &n->arms;
	for (const struct xi_member *m = u->members; m; m = m->next) {
		/* An arm that exists on neither ABI selects nothing: its labels
		 * leave the union empty, as the enum's other values do. */
		bool in_host = xi_member_present(m, b->host), in_wire = xi_member_present(m, b->wire);
		if (in_host != in_wire)
			b->failed = true;
		if (!in_host || !in_wire)
			continue;
		struct xi_mp_arm *arm = XI_NEW(b->a, struct xi_mp_arm);
		arm->member = m;
		arm->wsize = xi_type_layout(m->type, b->wire).size;
		if (m->is_default_arm)
			n->has_default = true;
		struct site as = s;
		name_member(b, &as, &s, m);
		as.gate = combine_gate(s.gate, m->flags);
		as.reserved = s.reserved || (m->flags & XI_MEMBER_RESERVED);
		struct xi_mp_node **body_tail = &arm->body;
		build_type(b, m->type, as, &body_tail);
		*arm_tail = arm;
		arm_tail = &arm->next;
	}
}

static void build_agg(struct builder *b, const struct xi_agg *agg, struct site s,
		      struct xi_mp_node ***tail)
{
	if (b->failed)
		return;
	if (agg->is_union) {
		/* An untagged union: which member is live is not known, so its
		 * bytes go across unchanged and nothing inside is checked. */
		if (s.reserved) {
			struct xi_mp_node *n = new_node(b, XI_MP_ZERO, &s, tail);
			n->wsize = agg->lay[b->wire].size;
			return;
		}
		for (const struct xi_member *m = agg->members; m; m = m->next)
			if (!same_layout(m->type, b->host, b->wire))
				b->failed = true;
		if (agg->lay[b->host].size != agg->lay[b->wire].size)
			b->failed = true;
		struct xi_mp_node *n = new_node(b, XI_MP_OPAQUE, &s, tail);
		n->wsize = agg->lay[b->wire].size;
		return;
	}
	/* Map members to their nodes, for tagged unions to find their tag. */
	struct xi_mp_node **by_member = XI_NEW_ARRAY(b->a, struct xi_mp_node *, agg->nmembers + 1);
	uint32_t wend = 0, nend = 0;
	unsigned i = 0;
	for (const struct xi_member *m = agg->members; m; m = m->next, i++) {
		/* A member whose arch type is void on an ABI does not exist
		 * there: only on the wire, its bytes are ignored like padding;
		 * only in the native struct, it decodes as zero and is not
		 * encoded (the ABI has no room for it). */
		bool in_wire = xi_member_present(m, b->wire), in_host = xi_member_present(m, b->host);
		if (!in_wire && !in_host)
			continue;
		if (!in_wire) {
			struct site ns = s;
			name_member(b, &ns, &s, m);
			struct xi_mp_node *n = new_node(b, XI_MP_NCLEAR, &ns, tail);
			n->wsize = 0;
			n->owners = XI_NEW(b->a, struct xi_mp_owner);
			n->owners->member = m;
			uint32_t noff = xi_member_offset(m, b->host);
			if (noff > nend)
				b->plan->native_holes = true;
			nend = noff + xi_type_layout(m->type, b->host).size;
			continue;
		}
		uint32_t woff = xi_member_offset(m, b->wire);
		if (!in_host) {
			if (woff > wend) {
				struct site hs = s;
				hs.woff = s.woff + wend;
				struct xi_mp_node *h = new_node(b, XI_MP_HOLE, &hs, tail);
				h->wsize = woff - wend;
			}
			struct site hs = s;
			hs.woff = s.woff + woff;
			struct xi_mp_node *h = new_node(b, XI_MP_HOLE, &hs, tail);
			h->wsize = xi_type_layout(m->type, b->wire).size;
			wend = woff + h->wsize;
			continue;
		}
		uint32_t noff = xi_member_offset(m, b->host);
		if (woff > wend) {
			struct site hs = s;
			hs.woff = s.woff + wend;
			struct xi_mp_node *h = new_node(b, XI_MP_HOLE, &hs, tail);
			h->wsize = woff - wend;
		}
		if (noff > nend)
			b->plan->native_holes = true;
		struct site ms = s;
		ms.woff = s.woff + woff;
		if (m->flags & XI_MEMBER_BITS) {
			/* The storage bytes of bitfields, copied as they are
			 * (the layout made them the same on every ABI). */
			struct xi_mp_node *n = new_node(b, XI_MP_BYTES, &ms, tail);
			n->wsize = xi_type_layout(m->type, b->wire).size;
			n->bits = true;
			n->bits_at = s.nbase + noff;
			n->owners = XI_NEW(b->a, struct xi_mp_owner);
			n->owners->member = m;
			wend = woff + n->wsize;
			nend = noff + xi_type_layout(m->type, b->host).size;
			continue;
		}
		name_member(b, &ms, &s, m);
		ms.gate = combine_gate(s.gate, m->flags);
		ms.reserved = s.reserved || (m->flags & XI_MEMBER_RESERVED);
		const struct xi_type *mt = m->type;
		struct xi_mp_node **first = *tail;
		if (mt->kind == XI_TYPE_AGG && mt->u.agg->tag) {
			struct xi_mp_node *tag = NULL;
			unsigned k = 0;
			for (const struct xi_member *o = agg->members; o != m; o = o->next, k++)
				if (o == mt->u.agg->tag)
					tag = by_member[k];
			if (ms.reserved || !tag || tag->kind != XI_MP_SCALAR) {
				/* Reserved: all zero. Without a tag to switch
				 * on (the resolver ensures one): bytes. */
				struct xi_mp_node *n = new_node(b, ms.reserved ? XI_MP_ZERO : XI_MP_OPAQUE, &ms, tail);
				n->wsize = mt->u.agg->lay[b->wire].size;
				if (!ms.reserved && !same_layout(mt, b->host, b->wire))
					b->failed = true;
			} else {
				build_tagged(b, mt->u.agg, ms, tag, tail);
			}
		} else {
			by_member[i] = build_type(b, mt, ms, tail);
		}
		/* Mark the member's nodes, for plans of other ABIs to match. */
		bool absent = false;
		XI_FOR_EACH_ABI(x, b->narrow)
			if (!xi_member_present(m, x))
				absent = true;
		for (struct xi_mp_node *x = *first; x; x = x->next) {
			struct xi_mp_owner *o = XI_NEW(b->a, struct xi_mp_owner);
			o->member = m;
			o->next = x->owners;
			x->owners = o;
			x->absent_somewhere |= absent;
		}
		wend = woff + xi_type_layout(mt, b->wire).size;
		nend = noff + xi_type_layout(mt, b->host).size;
	}
	if (agg->lay[b->wire].size > wend) {
		struct site hs = s;
		hs.woff = s.woff + wend;
		struct xi_mp_node *h = new_node(b, XI_MP_HOLE, &hs, tail);
		h->wsize = agg->lay[b->wire].size - wend;
	}
	if (agg->lay[b->host].size > nend)
		b->plan->native_holes = true;
}

/* Append the nodes of one member; returns the node of a scalar (else the
 * first node appended, or NULL). */
static struct xi_mp_node *build_type(struct builder *b, const struct xi_type *t, struct site s,
				  struct xi_mp_node ***tail)
{
	/* A plan that failed is dropped: nothing more to build. */
	if (b->failed)
		return NULL;
	const struct xi_type *th = xi_type_resolve(t, b->host);
	const struct xi_type *tw = xi_type_resolve(t, b->wire);
	if (th->kind == XI_TYPE_ARRAY || tw->kind == XI_TYPE_ARRAY) {
		if (th->kind != tw->kind || th->u.array.count != tw->u.array.count) {
			b->failed = true;
			return NULL;
		}
		/* A flexible array member's elements follow the image: no
		 * node (marshal_len.c checks its count). */
		if (xi_type_is_flex(th))
			return NULL;
		const struct xi_type *eh = xi_type_resolve(th->u.array.elem, b->host);
		const struct xi_type *ew = xi_type_resolve(tw->u.array.elem, b->wire);
		if (plain_byte(eh) && plain_byte(ew) && eh->prim == ew->prim) {
			struct xi_mp_node *n = new_node(b, s.reserved ? XI_MP_RBYTES : XI_MP_BYTES, &s, tail);
			n->wsize = th->u.array.count;
			return n;
		}
		struct xi_mp_node *n = new_node(b, XI_MP_LOOP, &s, tail);
		n->count = th->u.array.count;
		n->stride = xi_type_layout(tw->u.array.elem, b->wire).size;
		n->wsize = n->count * n->stride;
		struct site es = s;
		es.woff = 0;
		es.lval = name_of(b->names, s.lval, NULL);
		es.path = s.path == s.lval || !strcmp(s.path, s.lval)
			? es.lval : name_of(b->names, s.path, NULL);
		es.depth = s.depth + 1;
		if (es.depth > b->plan->max_depth)
			b->plan->max_depth = es.depth;
		struct xi_mp_node **body_tail = &n->body;
		/* Both element types are reached through the same array type
		 * unless an arch choice made them differ, which the recursion
		 * below sees again through the element. */
		if (th == tw) {
			build_type(b, th->u.array.elem, es, &body_tail);
		} else {
			b->failed = true;
		}
		return n;
	}
	if (th->kind == XI_TYPE_AGG || tw->kind == XI_TYPE_AGG) {
		if (th != tw) {
			b->failed = true;
			return NULL;
		}
		struct xi_mp_node **first = *tail;
		build_agg(b, th->u.agg, s, tail);
		return *first;
	}
	if (th->kind == XI_TYPE_REF && tw->kind == XI_TYPE_REF) {
		const struct xi_decl *dh = xi_ref_decl(th, b->host), *dw = xi_ref_decl(tw, b->wire);
		if (dh && dh == dw && xi_decl_is_aggregate(dh)) {
			struct xi_mp_node **first = *tail;
			build_agg(b, dh->agg, s, tail);
			return *first;
		}
	}
	struct scalar_info sh = scalar_of(th, b->host), sw = scalar_of(tw, b->wire);
	if (!sh.ok || !sw.ok || sh.cls != sw.cls || sh.sem != sw.sem) {
		b->failed = true;
		return NULL;
	}
	struct xi_mp_node *n = new_node(b, XI_MP_SCALAR, &s, tail);
	n->cls = sh.cls;
	n->nsize = sh.size;
	n->nsigned = sh.is_signed;
	n->wsize = sw.size;
	n->wsigned = sw.is_signed;
	n->sem = sh.sem;
	n->nbytes = sh.nbytes;
	n->type = t;
	n->min_wsize = sw.size;
	return n;
}

static struct xi_mp_plan *build_one(struct xi_arena *a, struct xi_mp_names *names, struct xi_ctx *ctx,
				 const struct xi_decl *d, int host, int wire, xi_abi_mask narrow)
{
	struct xi_mp_plan *plan = XI_NEW(a, struct xi_mp_plan);
	plan->decl = d;
	plan->host = host;
	plan->wire = wire;
	plan->wsize = d->agg->lay[wire].size;
	plan->nsize = d->agg->lay[host].size;
	struct builder b = { ctx, a, names, host, wire, narrow | XI_ABI_BIT(wire), plan, false };
	struct site s = { 0, "", "", XI_MP_GATE_ALWAYS, false, 0, 0 };
	struct xi_mp_node **tail = &plan->body;
	build_agg(&b, d->agg, s, &tail);
	return b.failed ? NULL : plan;
}

/* --- Views ------------------------------------------------------------------
 * The builder asks the host and the wire ABI only what a type resolves to,
 * its layout, and the offsets and presence of members (and the
 * declarations references mean, through those). Two ABIs that answer
 * every such question alike for everything a declaration reaches give it
 * the same nodes. The walk is conservative: it compares more than the
 * builder asks (every member of an untagged union, alignments). */

static bool same_view_agg(const struct xi_agg *agg, int x, int y);

static bool same_view(const struct xi_type *t, int x, int y)
{
	struct xi_layout lx = xi_type_layout(t, x), ly = xi_type_layout(t, y);
	if (lx.size != ly.size || lx.align != ly.align)
		return false;
	const struct xi_type *tx = xi_type_resolve(t, x);
	if (tx != xi_type_resolve(t, y))
		return false;
	switch (tx->kind) {
	case XI_TYPE_ARRAY:
		return same_view(tx->u.array.elem, x, y);
	case XI_TYPE_AGG:
		return same_view_agg(tx->u.agg, x, y);
	case XI_TYPE_REF: {
		const struct xi_decl *d = xi_ref_decl(tx, x);
		if (d != xi_ref_decl(tx, y))
			return false;
		return !d || !xi_decl_is_aggregate(d) || same_view_agg(d->agg, x, y);
	}
	default:
		return true;
	}
}

static bool same_view_agg(const struct xi_agg *agg, int x, int y)
{
	if (agg->lay[x].size != agg->lay[y].size || agg->lay[x].align != agg->lay[y].align)
		return false;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		bool present = xi_member_present(m, x);
		if (present != xi_member_present(m, y))
			return false;
		if (present && (xi_member_offset(m, x) != xi_member_offset(m, y) ||
				!same_view(m->type, x, y)))
			return false;
	}
	return true;
}

bool xi_mp_same_view(const struct xi_decl *d, int x, int y)
{
	return x == y || same_view_agg(d->agg, x, y);
}

/* Was the node made for member m (or for something inside it)? */
static bool xi_mp_owned_by(const struct xi_mp_node *n, const struct xi_member *m)
{
	for (const struct xi_mp_owner *o = n->owners; o; o = o->next)
		if (o->member == m)
			return true;
	return false;
}

/* Walk two plans of the same shape; narrow min_wsize of the first. */
static void narrow_nodes(struct xi_mp_node *n, const struct xi_mp_node *o)
{
	while (n && o) {
		if (n->kind == XI_MP_HOLE) {
			n = n->next;
			continue;
		}
		if (o->kind == XI_MP_HOLE) {
			o = o->next;
			continue;
		}
		if (o->kind == XI_MP_NCLEAR) {
			/* A member the other ABI lacks: its nodes here match
			 * nothing there. */
			const struct xi_mp_owner *own = o->owners;
			while (own->next) /* the innermost: the absent member */
				own = own->next;
			while (n && xi_mp_owned_by(n, own->member))
				n = n->next;
			o = o->next;
			continue;
		}
		if (n->kind != o->kind)
			return;
		switch (n->kind) {
		case XI_MP_SCALAR:
			if (o->wsize < n->min_wsize)
				n->min_wsize = o->wsize;
			break;
		case XI_MP_LOOP:
			narrow_nodes(n->body, o->body);
			break;
		case XI_MP_TAGGED: {
			const struct xi_mp_arm *oa = o->arms;
			for (struct xi_mp_arm *a = n->arms; a && oa; a = a->next, oa = oa->next)
				narrow_nodes(a->body, oa->body);
			break;
		}
		default:
			break;
		}
		n = n->next;
		o = o->next;
	}
}

struct xi_mp_plan *xi_mp_build(struct xi_ctx *ctx, const struct xi_decl *d, int host, int wire,
			 xi_abi_mask narrow)
{
	struct xi_mp_names names;
	xi_mp_names_init(&names, &ctx->arena);
	struct xi_mp_plan *plan = xi_mp_build_in(&ctx->arena, &names, ctx, d, host, wire, narrow);
	xi_mp_names_free(&names);
	return plan;
}

struct xi_mp_plan *xi_mp_build_in(struct xi_arena *a, struct xi_mp_names *names, struct xi_ctx *ctx,
			    const struct xi_decl *d, int host, int wire, xi_abi_mask narrow)
{
	struct xi_mp_plan *plan = build_one(a, names, ctx, d, host, wire, narrow);
	if (!plan)
		return NULL;
	XI_FOR_EACH_ABI(x, narrow & ~XI_ABI_BIT(wire)) {
		struct xi_mp_plan *other = build_one(a, names, ctx, d, host, x, 0);
		if (other)
			narrow_nodes(plan->body, other->body);
	}
	return plan;
}

xi_abi_mask xi_mp_compatible_abis(struct xi_ctx *ctx, const struct xi_decl *d, int host,
			       xi_abi_mask abis)
{
	struct xi_mp_names names;
	xi_mp_names_init(&names, &ctx->arena);
	xi_abi_mask ok = 0;
	XI_FOR_EACH_ABI(w, abis)
		if (build_one(&ctx->arena, &names, ctx, d, host, w, 0))
			ok |= XI_ABI_BIT(w);
	xi_mp_names_free(&names);
	return ok;
}

bool xi_mp_has_checks(const struct xi_mp_node *n)
{
	for (; n; n = n->next) {
		switch (n->kind) {
		case XI_MP_SCALAR:
			if (n->gate && (n->sem || n->reserved))
				return true;
			break;
		case XI_MP_ZERO:
		case XI_MP_RBYTES:
			if (n->gate)
				return true;
			break;
		case XI_MP_LOOP:
			if (xi_mp_has_checks(n->body))
				return true;
			break;
		case XI_MP_TAGGED:
			if (n->gate && !n->has_default)
				return true;
			for (const struct xi_mp_arm *a = n->arms; a; a = a->next)
				if (xi_mp_has_checks(a->body))
					return true;
			break;
		default:
			break;
		}
	}
	return false;
}

void xi_mp_subst_to(struct xi_strbuf *sb, const char *tmpl, const char *const *names)
{
	unsigned k = 0;
	for (const char *p = strstr(tmpl, "[]"); p; p = strstr(tmpl, "[]")) {
		xi_sb_addn(sb, tmpl, (size_t)(p - tmpl) + 1);
		xi_sb_adds(sb, names[k++]);
		tmpl = p + 1;
	}
	xi_sb_adds(sb, tmpl);
}

const char *xi_mp_subst(struct xi_arena *a, const char *tmpl, const char *const *names)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_mp_subst_to(&sb, tmpl, names);
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* --- Comparing plans ----------------------------------------------------------
 * Code is made from a plan alone, so two plans equal in every field make
 * the same code. Hosts and wire ABIs often give equal plans (every ABI of
 * a family, and the families that agree): the backends then make the code
 * once. Pointers into the IR (members, types, enums) compare by identity;
 * nodes a node refers to (a tag) compare by what identifies them. */

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Whether two nodes stand for the same place: for references between the
 * nodes of one plan (a tagged union's tag, and back). */
static bool same_place(const struct xi_mp_node *a, const struct xi_mp_node *b)
{
	if (!a || !b)
		return a == b;
	return a->kind == b->kind && a->woff == b->woff && a->wsize == b->wsize &&
	       same_text(a->lval, b->lval) && same_text(a->path, b->path);
}

static bool same_nodes(const struct xi_mp_node *a, const struct xi_mp_node *b);

static bool same_node(const struct xi_mp_node *a, const struct xi_mp_node *b)
{
	if (!same_place(a, b) || a->gate != b->gate || a->depth != b->depth ||
	    a->cls != b->cls || a->nsize != b->nsize || a->nsigned != b->nsigned ||
	    a->wsigned != b->wsigned || a->reserved != b->reserved || a->nbytes != b->nbytes ||
	    a->sem != b->sem || a->type != b->type || a->min_wsize != b->min_wsize ||
	    a->absent_somewhere != b->absent_somewhere || a->count != b->count ||
	    a->stride != b->stride || a->has_default != b->has_default ||
	    !same_place(a->tag, b->tag) || !same_nodes(a->body, b->body))
		return false;
	const struct xi_mp_owner *oa = a->owners, *ob = b->owners;
	for (; oa && ob; oa = oa->next, ob = ob->next)
		if (oa->member != ob->member)
			return false;
	if (oa || ob)
		return false;
	const struct xi_mp_use *ua = a->tag_of, *ub = b->tag_of;
	for (; ua && ub; ua = ua->next, ub = ub->next)
		if (!same_place(ua->node, ub->node))
			return false;
	if (ua || ub)
		return false;
	const struct xi_mp_arm *ra = a->arms, *rb = b->arms;
	for (; ra && rb; ra = ra->next, rb = rb->next)
		if (ra->member != rb->member || ra->wsize != rb->wsize ||
		    !same_nodes(ra->body, rb->body))
			return false;
	return !ra && !rb;
}

static bool same_nodes(const struct xi_mp_node *a, const struct xi_mp_node *b)
{
	/* Plans of ABIs with the same view share their nodes. */
	if (a == b)
		return true;
	for (; a && b; a = a->next, b = b->next)
		if (!same_node(a, b))
			return false;
	return !a && !b;
}

bool xi_mp_same_nodes(const struct xi_mp_node *a, const struct xi_mp_node *b)
{
	return same_nodes(a, b);
}

bool xi_mp_same_code(const struct xi_mp_plan *a, const struct xi_mp_plan *b)
{
	if (!a || !b)
		return a == b;
	return a->decl == b->decl && a->wsize == b->wsize && a->nsize == b->nsize &&
	       a->native_holes == b->native_holes && a->max_depth == b->max_depth &&
	       same_nodes(a->body, b->body);
}

bool xi_mp_same_plan(const struct xi_mp_plan *a, const struct xi_mp_plan *b)
{
	if (!a || !b)
		return a == b;
	/* Whether the host and the wire ABI are one decides the fast path. */
	return (a->host == a->wire) == (b->host == b->wire) && xi_mp_same_code(a, b);
}
