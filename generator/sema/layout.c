/* The layout engine: size, alignment and member offsets on every ABI.
 *
 * Layout follows the C rules of each ABI, and the three layout rules of
 * doc/idl.md:
 *   - Rule 1, no implicit padding: a hole before a member or at the end is
 *     an error that says how many bytes to declare, and where
 *     (report_holes);
 *   - Rule 2, the same bytes on every ABI: one layout for all ABIs, or one
 *     per family for an aggregate that holds a type of an `import arch`
 *     file, which must then agree within each family (check_invariance);
 *   - Rule 3, legacy is explicit: a @legacy declaration is exempt from
 *     both, and gets each ABI's faithful layout, holes included.
 * Declarations are laid out in dependency order (order.c), so everything
 * an aggregate contains by value is known when it is reached. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "fixit.h"
#include "limits.h"
#include "order.h"
#include "resolve.h"
#include "spelling.h"

struct layout_job {
	struct xi_ctx *ctx;
	xi_abi_mask abis;
	bool legacy;
	struct xi_strbuf path;   /* display name of the aggregate being laid out */
};

static uint32_t round_up(uint32_t v, uint32_t align)
{
	return align ? (v + align - 1) / align * align : v;
}

/* Can this type be laid out (everything it names was laid out)? Also
 * collect whether it holds a per-family type or a zero-sized struct. */
static bool type_ready(const struct xi_type *t, xi_abi_mask abis, bool *family_variant,
		       xi_abi_mask *empty)
{
	switch (t->kind) {
	case XI_TYPE_PRIM:
	case XI_TYPE_HANDLE:
	case XI_TYPE_NATIVE_HANDLE:
	case XI_TYPE_PTR:
		return true;
	case XI_TYPE_VOID:
		return false;
	case XI_TYPE_ARRAY:
		/* a flexible array (no length) takes no room */
		return (t->u.array.count || !t->u.array.len) && type_ready(t->u.array.elem, abis, family_variant, empty);
	case XI_TYPE_AGG:
		*family_variant |= t->u.agg->family_variant;
		*empty |= t->u.agg->empty_abis;
		return t->u.agg->laid_out && !t->u.agg->layout_failed;
	case XI_TYPE_ARCH:
		XI_FOR_EACH_ABI(a, abis) {
			const struct xi_type *c = t->u.arch.abi ? t->u.arch.abi[a] : NULL;
			if (!c)
				return false;
			/* void: the member is absent there (size 0, alignment 1) */
			if (c->kind != XI_TYPE_VOID &&
			    !type_ready(c, XI_ABI_BIT(a), family_variant, empty))
				return false;
		}
		return true;
	case XI_TYPE_REF:
		if (t->u.ref.per_family)
			*family_variant = true;
		XI_FOR_EACH_ABI(a, abis) {
			const struct xi_decl *d = xi_ref_decl(t, a);
			if (!d || d->in_cycle || d->failed)
				return false;
			switch (d->kind) {
			case XI_DECL_STRUCT:
			case XI_DECL_UNION:
				if (!d->agg->laid_out || d->agg->layout_failed)
					return false;
				*family_variant |= d->agg->family_variant;
				*empty |= d->agg->empty_abis & XI_ABI_BIT(a);
				break;
			case XI_DECL_ENUM:
			case XI_DECL_BITMAP:
				if (!d->backing_ok)
					return false;
				break;
			case XI_DECL_ALIAS:
				if (!type_ready(d->type, XI_ABI_BIT(a), family_variant, empty))
					return false;
				break;
			case XI_DECL_CONST:
				return false;
			}
		}
		return true;
	}
	return false;
}

static void layout_agg(struct layout_job *job, struct xi_agg *agg);

/* Does a (ready) type have the same layout on every ABI? Fixed-width
 * types do; native types, arch types and per-family references may not. */
static bool type_invariant(const struct xi_type *t)
{
	for (unsigned hops = 0; hops < XI_MAX_ALIAS_CHAIN; hops++) {
		switch (t->kind) {
		case XI_TYPE_PRIM:
			return !xi_prims[t->prim].legacy_only;
		case XI_TYPE_HANDLE:
			return true;
		case XI_TYPE_ARRAY:
			t = t->u.array.elem;
			continue;
		case XI_TYPE_AGG:
			return t->u.agg->invariant;
		case XI_TYPE_REF: {
			if (t->u.ref.per_family)
				return false;
			const struct xi_decl *d = t->u.ref.decl;
			switch (d->kind) {
			case XI_DECL_ENUM:
			case XI_DECL_BITMAP:
				return true;
			case XI_DECL_STRUCT:
			case XI_DECL_UNION:
				return d->agg->invariant;
			case XI_DECL_ALIAS:
				t = d->type;
				continue;
			case XI_DECL_CONST:
				return false;
			}
			return false;
		}
		default:
			return false;
		}
	}
	return false;
}

/* Lay out the inline aggregates a member type holds. */
static void layout_inline(struct layout_job *job, struct xi_type *t, const char *member)
{
	switch (t->kind) {
	case XI_TYPE_AGG: {
		size_t saved = job->path.len;
		/* an anonymous member (NULL) adds nothing to the path */
		if (member)
			xi_sb_printf(&job->path, ".%s", member);
		layout_agg(job, t->u.agg);
		job->path.len = saved;
		job->path.data[saved] = '\0';
		break;
	}
	case XI_TYPE_ARRAY:
		layout_inline(job, t->u.array.elem, member);
		break;
	case XI_TYPE_ARCH:
		for (struct xi_arch_choice *c = t->u.arch.choices; c; c = c->next)
			layout_inline(job, c->type, member);
		break;
	default:
		break;
	}
}

/* A name for a padding member that no member has, nor an earlier
 * suggestion for the same aggregate (*from counts those), so that every
 * fix-it can be applied together. */
static const char *free_pad_name(struct xi_ctx *ctx, const struct xi_agg *agg, unsigned *from)
{
	for (unsigned i = *from;; i++) {
		const char *name = xi_aprintf(&ctx->arena, "pad%u", i);
		bool used = false;
		for (const struct xi_member *m = agg->members; m; m = m->next)
			if (!strcmp(m->name, name))
				used = true;
		if (!used) {
			*from = i + 1;
			return name;
		}
	}
}

/* "" when every selected ABI is concerned, else " on x86_32, arm32". */
static const char *abi_suffix(struct xi_ctx *ctx, xi_abi_mask which, xi_abi_mask all)
{
	if (which == all)
		return "";
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_adds(&sb, " on ");
	bool first = true;
	XI_FOR_EACH_ABI(a, which) {
		if (!first)
			xi_sb_adds(&sb, ", ");
		xi_sb_adds(&sb, xi_abis[a].name);
		first = false;
	}
	const char *r = xi_strdup(&ctx->arena, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* The error for a hole, with a fix-it that declares a reserved member
 * there: before m, or for the tail (m NULL) after the last member. A
 * union's members all start at 0, so its tail is filled by a member as
 * large as the union; a tagged union takes no reserved member, and a hole
 * only some ABIs have cannot be filled by a member: those get words, not
 * a fix-it. */
static void report_hole(struct layout_job *job, struct xi_agg *agg, const struct xi_member *m,
			uint32_t size, uint32_t at, xi_abi_mask with, int abi, unsigned *pads)
{
	struct xi_ctx *ctx = job->ctx;
	const char *where = abi_suffix(ctx, with, job->abis);
	const char *s = size == 1 ? "" : "s";
	struct xi_loc loc = m ? m->loc : agg->owner == NULL || agg->parent ? agg->loc : agg->owner->loc;
	const char *what = m ? xi_aprintf(&ctx->arena, "before '%s'", m->name)
			     : xi_aprintf(&ctx->arena, "at the end of '%s'", xi_sb_str(&job->path));
	if (with != job->abis) {
		xi_error(&ctx->diag, loc,
			 "%u byte%s of implicit padding %s (offset %u)%s; a member cannot fill "
			 "a hole that other ABIs do not have: make the per-family types %s lay "
			 "out alike",
			 (unsigned)size, s, what, (unsigned)at, where, m ? "before it" : "in it");
	} else if (!m && agg->tag_name) {
		const char *reserved =
			xi_form_at(ctx, loc) == XI_FORMAT_XIDL
				? "a @reserved member"
				: xi_aprintf(&ctx->arena, "a field with %s",
					     xi_spell_flag(ctx, loc, "reserved"));
		xi_error(&ctx->diag, loc,
			 "%u byte%s of implicit padding %s (offset %u)%s; no arm reaches them: "
			 "make an arm %u bytes long (a struct can end with %s)",
			 (unsigned)size, s, what, (unsigned)at, where,
			 (unsigned)agg->lay[abi].size, reserved);
	} else {
		const char *pad = free_pad_name(ctx, agg, pads);
		uint32_t bytes = !m && agg->is_union ? agg->lay[abi].size : size;
		struct xi_fixit fix;
		const char *text;
		bool fixed = xi_fixit_add_member(ctx, agg, m, pad, bytes, &text, &fix);
		if (m)
			xi_error_fix(&ctx->diag, loc, &fix, fixed,
				     "%u byte%s of implicit padding %s (offset %u)%s; declare them "
				     "before it, e.g. '%s'",
				     (unsigned)size, s, what, (unsigned)at, where, text);
		else if (agg->is_union)
			xi_error_fix(&ctx->diag, loc, &fix, fixed,
				     "%u byte%s of implicit padding %s (offset %u)%s; the members of "
				     "a union all start at offset 0: declare one as large as the "
				     "union, e.g. '%s'",
				     (unsigned)size, s, what, (unsigned)at, where, text);
		else
			xi_error_fix(&ctx->diag, loc, &fix, fixed,
				     "%u byte%s of implicit padding %s (offset %u)%s; declare them as "
				     "a last member, e.g. '%s'",
				     (unsigned)size, s, what, (unsigned)at, where, text);
	}
}

/* Rule 1: report the holes of a non-legacy aggregate, one error per
 * place, with the ABIs it happens on. holes[i*XI_ABI_COUNT+a] is the hole
 * before member i (i == nmembers: at the tail), filled for the ABIs of
 * rows: an invariant aggregate's are those of its lowest ABI, and stand
 * for all. */
static void report_holes(struct layout_job *job, struct xi_agg *agg, const uint32_t *holes,
			 const uint32_t *hole_at, xi_abi_mask rows)
{
	struct xi_ctx *ctx = job->ctx;
	unsigned pads = 0;
	unsigned i = 0;
	const struct xi_member *prev = NULL;
	for (const struct xi_member *m = agg->members;; m = m->next, i++) {
		/* Group ABIs by hole size; report the first group. */
		xi_abi_mask with = 0;
		uint32_t size = 0;
		int first_abi = -1;
		/* Over the set bits of rows: mostly one, an invariant aggregate's. */
		for (xi_abi_mask rest = rows; rest; rest &= rest - 1) {
			int a = __builtin_ctz(rest);
			uint32_t h = holes[i * XI_ABI_COUNT + (unsigned)a];
			if (!h)
				continue;
			if (!size) {
				size = h;
				first_abi = a;
			}
			if (h == size)
				with |= XI_ABI_BIT(a);
		}
		if (size && agg->invariant)
			with = job->abis;
		if (size) {
			uint32_t at = hole_at[i * XI_ABI_COUNT + (unsigned)first_abi];
			report_hole(job, agg, m, size, at, with, first_abi, &pads);
			if (m && prev) {
				xi_note(&ctx->diag, prev->loc, "'%s' ends at offset %u", prev->name,
					(unsigned)at);
			} else if (!m) {
				/* The member that imposes the alignment made the hole. */
				const struct xi_member *widest = NULL;
				for (const struct xi_member *w = agg->members; w; w = w->next)
					if (!widest || xi_type_layout(w->type, first_abi).align >
							       xi_type_layout(widest->type, first_abi).align)
						widest = w;
				if (widest)
					xi_note(&ctx->diag, widest->loc,
						"'%s' makes '%s' %u-byte aligned", widest->name,
						xi_sb_str(&job->path),
						(unsigned)agg->lay[first_abi].align);
			}
		}
		if (!m)
			break;
		prev = m;
	}
}

/* Rule 2: a non-legacy aggregate has one layout on every ABI, or one per
 * family when it holds a per-family type. */
static void check_invariance(struct layout_job *job, struct xi_agg *agg)
{
	struct xi_ctx *ctx = job->ctx;
	/* Compare every ABI with a reference: the first ABI of its family
	 * when families may differ, else the first ABI of all. */
	int first_of[XI_FAM_COUNT];
	int first_all = -1;
	for (int f = 0; f < XI_FAM_COUNT; f++)
		first_of[f] = -1;
	XI_FOR_EACH_ABI(x, job->abis) {
		if (first_all < 0)
			first_all = x;
		if (first_of[xi_abis[x].family] < 0)
			first_of[xi_abis[x].family] = x;
	}
	XI_FOR_EACH_ABI(b, job->abis) {
		int a = agg->family_variant ? first_of[xi_abis[b].family] : first_all;
		if (a == b)
			continue;
		const char *na = xi_abis[a].name, *nb = xi_abis[b].name;
		for (const struct xi_member *m = agg->members; m; m = m->next) {
			if (xi_member_offset(m, a) != xi_member_offset(m, b)) {
				xi_error(&ctx->diag, m->loc,
					 "layout of '%s' differs between %s and %s: '%s' is at "
					 "offset %u on %s but %u on %s; use fixed-width types or %s",
					 xi_sb_str(&job->path), na, nb, m->name,
					 (unsigned)xi_member_offset(m, a), na,
					 (unsigned)xi_member_offset(m, b), nb,
					 xi_spell_mark_legacy(ctx, m->loc));
				return;
			}
			struct xi_layout la = xi_type_layout(m->type, a);
			struct xi_layout lb = xi_type_layout(m->type, b);
			if (la.size != lb.size || la.align != lb.align) {
				xi_error(&ctx->diag, m->loc,
					 "layout of '%s' differs between %s and %s: '%s' has %s "
					 "%u on %s but %u on %s; use fixed-width types or %s",
					 xi_sb_str(&job->path), na, nb, m->name,
					 la.size != lb.size ? "size" : "alignment",
					 (unsigned)(la.size != lb.size ? la.size : la.align), na,
					 (unsigned)(la.size != lb.size ? lb.size : lb.align), nb,
					 xi_spell_mark_legacy(ctx, m->loc));
				return;
			}
		}
		if (agg->lay[a].size != agg->lay[b].size || agg->lay[a].align != agg->lay[b].align) {
			xi_error(&ctx->diag, agg->owner && !agg->parent ? agg->owner->loc : agg->loc,
				 "layout of '%s' differs between %s and %s: size %u/alignment %u "
				 "on %s but %u/%u on %s",
				 xi_sb_str(&job->path), na, nb, (unsigned)agg->lay[a].size,
				 (unsigned)agg->lay[a].align, na, (unsigned)agg->lay[b].size,
				 (unsigned)agg->lay[b].align, nb);
			return;
		}
	}
}

/* Keep one offset per member where every ABI agrees (nearly always), and
 * a per-ABI array only where they differ. offsets holds the ABIs of rows
 * (see report_holes). */
static void store_offsets(struct layout_job *job, struct xi_agg *agg, const uint32_t *offsets,
			  xi_abi_mask rows)
{
	unsigned i = 0;
	for (struct xi_member *m = agg->members; m; m = m->next, i++) {
		const uint32_t *row = offsets + i * XI_ABI_COUNT;
		bool uniform = true;
		int first = rows ? __builtin_ctz(rows) : -1;
		/* The other rows (an invariant aggregate has none). */
		for (xi_abi_mask rest = rows & (rows - 1); rest; rest &= rest - 1)
			if (row[__builtin_ctz(rest)] != row[first])
				uniform = false;
		m->offset_varies = !uniform;
		if (uniform) {
			m->offset = first < 0 ? 0 : row[first];
		} else {
			m->offsets = XI_NEW_ARRAY(&job->ctx->arena, uint32_t, XI_ABI_COUNT);
			for (int a = 0; a < XI_ABI_COUNT; a++)
				m->offsets[a] = row[a];
		}
	}
}

/* Whether the fallback `fb` of anonymous member `m` of `agg` lays out
 * `agg` as the whole anonymous aggregate does on an ABI: the same size,
 * and an alignment that places it at the same offset and leaves the
 * alignment of `agg` as it is (Xen's vmce, 4-aligned on x86_32, stands
 * for a union that mcg_cap makes 8-aligned, after 8-aligned members). */
static bool fallback_fits(const struct xi_agg *agg, const struct xi_member *m,
			  const struct xi_member *fb, int abi)
{
	struct xi_layout l = xi_type_layout(fb->type, abi);
	struct xi_layout whole = xi_type_layout(m->type, abi);
	if (l.size != whole.size || l.align > whole.align)
		return false;
	if (l.align == whole.align)
		return true;
	uint32_t end = 0, align = l.align;
	for (const struct xi_member *o = agg->members; o; o = o->next) {
		if (o == m || !xi_member_present(o, abi))
			continue;
		struct xi_layout ol = xi_type_layout(o->type, abi);
		if (ol.align > align)
			align = ol.align;
		uint32_t off = xi_member_offset(o, abi);
		if (!agg->is_union && off < xi_member_offset(m, abi) && off + ol.size > end)
			end = off + ol.size;
	}
	return round_up(end, l.align) == xi_member_offset(m, abi) && align == agg->lay[abi].align;
}

/* C writes an anonymous aggregate whole where the compiler has anonymous
 * unions, and a single member of it elsewhere (emit_c.c): that member
 * must lay out the enclosing aggregate as the whole does on each ABI
 * (fallback_fits). Nested anonymous aggregates go with their outermost
 * one. */
static void check_fallbacks(struct layout_job *job, const struct xi_agg *agg)
{
	struct xi_ctx *ctx = job->ctx;
	for (const struct xi_member *m = agg->members; m; m = m->next) {
		if (!(m->flags & XI_MEMBER_ANONYMOUS))
			continue;
		const struct xi_agg *anon = m->type->u.agg;
		if (anon->layout_failed)
			continue;
		const char *what = anon->is_union ? "union" : "struct";
		XI_FOR_EACH_ABI(a, job->abis) {
			const struct xi_member *fb = xi_anonymous_fallback(anon, a);
			if (!fb)
				continue;
			struct xi_layout l = xi_type_layout(fb->type, a);
			bool anonymous = (fb->flags & XI_MEMBER_ANONYMOUS) != 0;
			if (!anonymous && fallback_fits(agg, m, fb, a))
				continue;
			if (anonymous)
				xi_error(&ctx->diag, fb->loc,
					 "C cannot keep an anonymous member alone for compilers without "
					 "anonymous %ss", what);
			else
				xi_error(&ctx->diag, fb->loc,
					 "C cannot keep '%s' alone for compilers without anonymous %ss: "
					 "on %s, it takes %u bytes aligned to %u, the %s %u aligned to %u",
					 fb->name, what, xi_abis[a].name, l.size, l.align, what,
					 anon->lay[a].size, anon->lay[a].align);
			xi_note(&ctx->diag, m->loc,
				"mark with '%s' the member of the anonymous %s's size and alignment "
				"that C keeps", xi_spell_attr(ctx, m->loc, "c_fallback"), what);
			break;
		}
	}
}

/* Is a bitfield's declared type one C accepts, and its width one the type
 * holds? Reports why not. */
static bool bitfield_ok(struct layout_job *job, const struct xi_member *f)
{
	struct xi_ctx *ctx = job->ctx;
	const struct xi_type *t = f->type;
	if (t->kind == XI_TYPE_ARRAY) {
		xi_error(&ctx->diag, f->loc, "bitfield '%s' cannot be an array", f->name);
		xi_note(&ctx->diag, f->loc, "declare each element as a bitfield of its own");
		return false;
	}
	if (t->kind != XI_TYPE_PRIM || (unsigned)t->prim > XI_PRIM_I64) {
		xi_error(&ctx->diag, f->loc,
			 "bitfield '%s' must have a fixed-width integer type (u8, u16, u32, u64, i8, "
			 "i16, i32 or i64)", f->name);
		return false;
	}
	unsigned bits = 8 * xi_prims[t->prim].size;
	if (f->bit_width == 0 || f->bit_width > bits) {
		xi_error(&ctx->diag, f->loc, "bitfield '%s' is %u bits wide; a '%s' bitfield holds 1 to %u",
			 f->name, (unsigned)f->bit_width, xi_prims[t->prim].name, bits);
		return false;
	}
	return true;
}

/* Replace each run of consecutive bitfields of a struct (each bitfield of a
 * union) by one member of XI_MEMBER_BITS that holds them. False after an
 * error in a bitfield. */
static bool group_bitfields(struct layout_job *job, struct xi_agg *agg)
{
	bool ok = true, any = false;
	for (struct xi_member *m = agg->members; m; m = m->next)
		if (m->is_bitfield) {
			any = true;
			if (!bitfield_ok(job, m))
				ok = false;
		}
	if (!any || !ok)
		return ok;
	struct xi_member *head = NULL, **tail = &head;
	unsigned n = 0;
	for (struct xi_member *m = agg->members, *next; m; m = next) {
		next = m->next;
		if (!m->is_bitfield) {
			*tail = m;
			tail = &m->next;
			n++;
			continue;
		}
		struct xi_member *run = XI_NEW(&job->ctx->arena, struct xi_member);
		run->name = xi_aprintf(&job->ctx->arena, "%s_bits", m->name);
		run->loc = m->loc;
		run->flags = XI_MEMBER_BITS;
		run->bitfields = m;
		struct xi_member *last = m;
		while (!agg->is_union && last->next && last->next->is_bitfield)
			last = last->next;
		next = last->next;
		last->next = NULL;
		*tail = run;
		tail = &run->next;
		n++;
	}
	*tail = NULL;
	agg->members = head;
	agg->nmembers = n;
	return true;
}

/* Place a run's bitfields from byte `start` of their aggregate on one ABI,
 * with the C rule of the six ABIs: each at the next free bit, unless it
 * would cross a boundary of its type's size, then at the next one. Sets
 * each bitfield's bit offset from `start` (an error when two ABIs differ)
 * and returns the bytes the run spans; *align gets the types' alignment. */
static uint32_t place_bitfields(struct layout_job *job, struct xi_member *run, uint64_t start,
				int abi, bool first_abi, uint32_t *align)
{
	uint64_t at = start * 8;
	for (struct xi_member *f = run->bitfields; f; f = f->next) {
		struct xi_layout l = xi_type_layout(f->type, abi);
		uint64_t unit = 8 * (uint64_t)l.size;
		if (at / unit != (at + f->bit_width - 1) / unit)
			at = (at + unit - 1) / unit * unit;
		uint32_t bit = (uint32_t)(at - start * 8);
		if (first_abi)
			f->offset = bit;
		else if (f->offset != bit)
			xi_error(&job->ctx->diag, f->loc,
				 "bitfield '%s' is at bit %u on one ABI but %u on %s; place it so "
				 "that every ABI agrees", f->name, (unsigned)f->offset, bit,
				 xi_abis[abi].name);
		if (l.align > *align)
			*align = l.align;
		at += f->bit_width;
	}
	return (uint32_t)((at + 7) / 8 - start);
}

/* The storage type of a run: its bytes, `u8[N]`. */
static struct xi_type *run_storage(struct layout_job *job, struct xi_member *run, uint32_t n)
{
	struct xi_type *t = XI_NEW(&job->ctx->arena, struct xi_type);
	t->kind = XI_TYPE_ARRAY;
	t->loc = run->loc;
	t->u.array.elem = &xi_prim_types[XI_PRIM_U8];
	struct xi_expr *len = XI_NEW(&job->ctx->arena, struct xi_expr);
	len->kind = XI_EXPR_INT;
	len->loc = run->loc;
	len->lit = xi_int_u(n);
	len->depth = 1;
	t->u.array.len = len;
	t->u.array.count = n;
	return t;
}

static void layout_agg(struct layout_job *job, struct xi_agg *agg)
{
	struct xi_ctx *ctx = job->ctx;
	if (agg->laid_out)
		return;
	agg->laid_out = true;

	if (!group_bitfields(job, agg)) {
		agg->layout_failed = true;
		return;
	}
	bool ready = true;
	agg->invariant = true;
	for (struct xi_member *m = agg->members; m; m = m->next) {
		if (m->flags & XI_MEMBER_BITS)
			continue; /* laid out below */
		layout_inline(job, m->type, (m->flags & XI_MEMBER_ANONYMOUS) ? NULL : m->name);
		if (!type_ready(m->type, job->abis, &agg->family_variant, &agg->empty_abis))
			ready = false;
		else if (!type_invariant(m->type))
			agg->invariant = false;
	}
	if (!ready) {
		agg->layout_failed = true;
		return;
	}
	if (!agg->members)
		agg->empty_abis |= job->abis;

	/* Per member and ABI: offset, hole before it, where the hole starts.
	 * Slot nmembers is the tail. */
	unsigned slots = (agg->nmembers + 1) * XI_ABI_COUNT;
	/* The three tables in one allocation: one per aggregate. */
	uint32_t *offsets = xi_xmalloc(sizeof(uint32_t) * slots * 3);
	uint32_t *holes = offsets + slots;
	uint32_t *hole_at = holes + slots;
	memset(offsets, 0, sizeof(uint32_t) * slots * 3);
	bool too_big = false;

	/* Made of ABI-invariant types only (nearly always): lay it out once,
	 * for the lowest ABI, whose figures stand for the others. */
	xi_abi_mask compute = job->abis;
	if (agg->invariant)
		compute &= (xi_abi_mask)(~compute + 1); /* the lowest ABI only */
	XI_FOR_EACH_ABI(a, compute) {
		uint64_t end = 0;
		uint32_t align = 1;
		unsigned i = 0;
		for (struct xi_member *m = agg->members; m; m = m->next, i++) {
			if (m->flags & XI_MEMBER_BITS) {
				uint64_t start = agg->is_union ? 0 : end;
				bool first = a == __builtin_ctz(compute);
				uint32_t n = place_bitfields(job, m, start, a, first, &align);
				if (first)
					m->type = run_storage(job, m, n);
				else if (m->type->u.array.count != n)
					xi_error(&ctx->diag, m->loc, "the bitfields from '%s' take %u "
						 "bytes on one ABI but %u on %s", m->bitfields->name,
						 (unsigned)m->type->u.array.count, n, xi_abis[a].name);
				if (agg->is_union) {
					if (n > end)
						end = n;
				} else {
					offsets[i * XI_ABI_COUNT + (unsigned)a] = (uint32_t)end;
					hole_at[i * XI_ABI_COUNT + (unsigned)a] = (uint32_t)end;
					end += n;
				}
				continue;
			}
			struct xi_layout l = xi_type_layout(m->type, a);
			if (l.align > align)
				align = l.align;
			if (agg->is_union) {
				if (l.size > end)
					end = l.size;
				continue;
			}
			uint64_t off = round_up((uint32_t)end, l.align);
			holes[i * XI_ABI_COUNT + (unsigned)a] = (uint32_t)(off - end);
			hole_at[i * XI_ABI_COUNT + (unsigned)a] = (uint32_t)end;
			offsets[i * XI_ABI_COUNT + (unsigned)a] = (uint32_t)off;
			end = off + l.size;
			if (end > XI_MAX_TYPE_SIZE) {
				too_big = true;
				end = 0;
			}
		}
		uint32_t size = round_up((uint32_t)end, align);
		holes[agg->nmembers * XI_ABI_COUNT + (unsigned)a] = (uint32_t)(size - end);
		hole_at[agg->nmembers * XI_ABI_COUNT + (unsigned)a] = (uint32_t)end;
		agg->lay[a].size = size;
		agg->lay[a].align = align;
	}
	if (agg->invariant) {
		int first = __builtin_ctz(compute);
		XI_FOR_EACH_ABI(a, job->abis & ~compute)
			agg->lay[a] = agg->lay[first];
	}

	store_offsets(job, agg, offsets, compute);
	if (!agg->anonymous)
		check_fallbacks(job, agg);
	if (too_big) {
		xi_error(&ctx->diag, agg->owner && !agg->parent ? agg->owner->loc : agg->loc,
			 "'%s' is larger than %u bytes", xi_sb_str(&job->path), XI_MAX_TYPE_SIZE);
		agg->layout_failed = true;
	} else if (!job->legacy) {
		unsigned before = ctx->diag.errors;
		report_holes(job, agg, holes, hole_at, compute);
		if (ctx->diag.errors == before && !agg->invariant)
			check_invariance(job, agg);
	}
	free(offsets);
}

void xi_layout(struct xi_ctx *ctx)
{
	unsigned n;
	struct xi_decl **all = xi_all_decls_ordered(ctx, &n);
	struct layout_job job = { ctx, 0, false, XI_STRBUF_INIT };
	for (unsigned i = 0; i < n && !ctx->diag.capped; i++) {
		struct xi_decl *d = all[i];
		if (!xi_decl_is_aggregate(d))
			continue;
		if (d->in_cycle || d->failed) {
			d->agg->laid_out = true;
			d->agg->layout_failed = true;
			continue;
		}
		job.abis = xi_decl_abis(ctx, d);
		job.legacy = d->legacy;
		xi_sb_reset(&job.path);
		xi_sb_adds(&job.path, d->name);
		layout_agg(&job, d->agg);
	}
	xi_sb_free(&job.path);
}
