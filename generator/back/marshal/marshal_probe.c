/* The generated tests' random values and rejection probes (see
 * marshal_probe.h). */
#include "marshal_probe.h"

#include <stdarg.h>
#include <string.h>

#include "marshal_len.h"
#include "marshal_text.h"

__attribute__((format(printf, 3, 4)))
static void tput(struct mtest *f, unsigned ind, const char *fmt, ...)
{
	for (unsigned i = 0; i < ind; i++)
		xi_sb_addc(f->sb, '\t');
	va_list ap;
	va_start(ap, fmt);
	xi_sb_vprintf(f->sb, fmt, ap);
	va_end(ap);
	xi_sb_addc(f->sb, '\n');
}

static const char *tlv(struct mtest *f, const struct xi_mp_node *n)
{
	if (!*n->lval)
		return f->whole;
	return xi_aprintf(f->a, "%s%s", f->root, xi_mp_subst(f->a, n->lval, f->idx));
}

/* Loop counter names i0 ... i<depth>. */
const char **xi_mtest_counters(struct xi_arena *a, unsigned depth)
{
	const char **r = XI_NEW_ARRAY(a, const char *, depth + 1);
	for (unsigned i = 0; i <= depth; i++)
		r[i] = xi_aprintf(a, "i%u", i);
	return r;
}

/* --- Random valid values --------------------------------------------------- */

/* The values a tag may take: its enum's, and its unions' labels. */
static unsigned tag_values(const struct xi_mp_node *tag, struct xi_int *vals, unsigned cap,
			   bool *any_default)
{
	unsigned n = 0;
	*any_default = false;
	if (tag->sem && tag->sem->kind == XI_DECL_ENUM)
		for (const struct xi_variant *v = tag->sem->variants; v && n < cap; v = v->next)
			if (!v->invalid)
				vals[n++] = v->v;
	for (const struct xi_mp_use *u = tag->tag_of; u; u = u->next) {
		/* Values for a default arm: any other value of an integer tag
		 * (an enum tag reaches it through its unlisted variants). */
		if (u->node->has_default && !(tag->sem && tag->sem->kind == XI_DECL_ENUM))
			*any_default = true;
		for (const struct xi_mp_arm *arm = u->node->arms; arm; arm = arm->next) {
			for (const struct xi_arm_label *l = arm->member->labels; l && n < cap; l = l->next) {
				bool seen = false;
				for (unsigned i = 0; i < n; i++)
					if (xi_int_eq(vals[i], l->value))
						seen = true;
				if (!seen)
					vals[n++] = l->value;
			}
		}
	}
	return n;
}

static unsigned count_variants(const struct xi_decl *d)
{
	unsigned n = 0;
	for (const struct xi_variant *v = d->variants; v; v = v->next)
		n++;
	return n;
}

static unsigned count_tag_values(const struct xi_mp_node *tag)
{
	unsigned n = 0;
	if (tag->sem && tag->sem->kind == XI_DECL_ENUM)
		n += count_variants(tag->sem);
	for (const struct xi_mp_use *u = tag->tag_of; u; u = u->next)
		for (const struct xi_mp_arm *arm = u->node->arms; arm; arm = arm->next)
			for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
				n++;
	return n;
}

/* rnd_u(bits) or rnd_s(bits), narrowed when the fill asks for it. */
static const char *random_int(struct mtest *f, const struct xi_mp_node *n)
{
	const char *fn = n->nsigned ? "rnd_s" : "rnd_u";
	unsigned bits = n->nsize * 8, min = n->min_wsize * 8;
	if (min >= bits)
		return xi_aprintf(f->a, "%s(%u)", fn, bits);
	return xi_aprintf(f->a, "%s(narrow ? %u : %u)", fn, min, bits);
}


/* Store `expr` in a scalar's native field, where `cur` in expr is its value
 * before; through a host-endian integer when the field is not an integer
 * lvalue (handles, @c_bitfields). */
static void native_update(struct mtest *f, unsigned ind, const struct xi_mp_node *n, const char *expr)
{
	const char *lval = tlv(f, n);
	const char *nt = xi_mt_int_type(n->nsize, n->nsigned);
	bool uses_cur = strstr(expr, "cur") != NULL;
	if (n->nbytes) {
		tput(f, ind, "{");
		tput(f, ind + 1, "%s cur;", nt);
		if (uses_cur)
			tput(f, ind + 1, "memcpy(&cur, &%s, sizeof(cur));", lval);
		tput(f, ind + 1, "cur = (%s)(%s);", nt, expr);
		tput(f, ind + 1, "memcpy(&%s, &cur, sizeof(cur));", lval);
		tput(f, ind, "}");
	} else if (uses_cur) {
		tput(f, ind, "{");
		tput(f, ind + 1, "%s cur = %s;", nt, lval);
		tput(f, ind + 1, "%s = (%s)(%s);", lval, nt, expr);
		tput(f, ind, "}");
	} else {
		tput(f, ind, "%s = (%s)(%s);", lval, nt, expr);
	}
}

static void fill_scalar(struct mtest *f, const struct xi_mp_node *n, unsigned ind)
{
	const char *lval = tlv(f, n);
	const char *nt = xi_mt_int_type(n->nsize, n->nsigned);
	if (n->reserved)
		return;
	if (n->cls == XI_MP_CHAR) {
		tput(f, ind, "{ unsigned char b = (unsigned char)rnd(); memcpy(&%s, &b, 1); }", lval);
		return;
	}
	if (n->cls == XI_MP_HANDLE) {
		native_update(f, ind, n, random_int(f, n));
		return;
	}
	if (n->tag_of || (n->sem && n->sem->kind == XI_DECL_ENUM)) {
		unsigned cap = n->tag_of ? count_tag_values(n) : count_variants(n->sem);
		struct xi_int *vals = XI_NEW_ARRAY(f->a, struct xi_int, cap + 1);
		bool any_default = false;
		unsigned nv = n->tag_of ? tag_values(n, vals, cap, &any_default) : 0;
		if (!n->tag_of)
			for (const struct xi_variant *v = n->sem->variants; v; v = v->next)
				if (!v->invalid)
					vals[nv++] = v->v;
		if (!nv) {
			native_update(f, ind, n, random_int(f, n));
			return;
		}
		struct xi_strbuf list = XI_STRBUF_INIT;
		for (unsigned i = 0; i < nv; i++)
			xi_sb_printf(&list, "%s%s", i ? ", " : "",
				     xi_mt_literal(f->a, vals[i], n->nsize, n->nsigned));
		tput(f, ind, "{");
		tput(f, ind + 1, "static const %s vals[] = { %s };", nt, xi_sb_str(&list));
		xi_sb_free(&list);
		if (any_default)
			native_update(f, ind + 1, n, xi_aprintf(f->a, "rnd() %% 4 ? vals[rnd() %% %u] : (%s)%s",
								nv, nt, random_int(f, n)));
		else
			native_update(f, ind + 1, n, xi_aprintf(f->a, "vals[rnd() %% %u]", nv));
		tput(f, ind, "}");
		return;
	}
	/* The count of a length relation (@len): within its bound. */
	uint64_t bound;
	if (n->owners && !n->owners->next && !n->depth &&
	    xi_ml_count_bound(f->plan->decl, n->owners->member, &bound)) {
		native_update(f, ind, n, bound ? xi_aprintf(f->a, "rnd() %% %lluull",
							  (unsigned long long)bound + 1)
					       : "0");
		return;
	}
	if (n->sem) {
		uint64_t declared = ~xi_mt_bitmap_undeclared(n->sem, n->nsize) &
				    (n->nsize == 8 ? UINT64_MAX : (UINT64_C(1) << (n->nsize * 8)) - 1);
		native_update(f, ind, n, xi_aprintf(f->a, "rnd() & 0x%llxull", (unsigned long long)declared));
		return;
	}
	native_update(f, ind, n, random_int(f, n));
}

static void fill_tagged(struct mtest *f, const struct xi_mp_node *n, unsigned ind)
{
	const struct xi_mp_node *tag = n->tag;
	tput(f, ind, "switch (%s) {", tlv(f, tag));
	const struct xi_mp_arm *dflt = NULL;
	for (const struct xi_mp_arm *arm = n->arms; arm; arm = arm->next) {
		if (arm->member->is_default_arm) {
			dflt = arm;
			continue;
		}
		for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
			tput(f, ind, "case %s:", xi_mt_literal(f->a, l->value, tag->nsize, tag->nsigned));
		xi_mtest_fill(f, arm->body, ind + 1);
		tput(f, ind + 1, "break;");
	}
	tput(f, ind, "default:");
	if (dflt)
		xi_mtest_fill(f, dflt->body, ind + 1);
	tput(f, ind + 1, "break;");
	tput(f, ind, "}");
}

static void fill_node(struct mtest *f, const struct xi_mp_node *n, unsigned ind);

void xi_mtest_fill(struct mtest *f, const struct xi_mp_node *n, unsigned ind)
{
	for (; n; n = n->next) {
		/* A member some translation drops: zero in narrow values. */
		if (n->absent_somewhere) {
			tput(f, ind, "if (!narrow) {");
			fill_node(f, n, ind + 1);
			tput(f, ind, "}");
		} else {
			fill_node(f, n, ind);
		}
	}
}

static void fill_node(struct mtest *f, const struct xi_mp_node *n, unsigned ind)
{
	{
		switch (n->kind) {
		case XI_MP_SCALAR:
			fill_scalar(f, n, ind);
			break;
		case XI_MP_BYTES:
		case XI_MP_OPAQUE:
			if (n->bits) /* bitfields: their bytes in what holds them */
				tput(f, ind, "rnd_bytes((unsigned char *)&%s + %u, %u);", tlv(f, n),
				     (unsigned)n->bits_at, (unsigned)n->wsize);
			else
				tput(f, ind, "rnd_bytes(&%s, sizeof(%s));", tlv(f, n), tlv(f, n));
			break;
		case XI_MP_LOOP: {
			struct xi_strbuf body = XI_STRBUF_INIT, *saved = f->sb;
			f->sb = &body;
			xi_mtest_fill(f, n->body, ind + 1);
			f->sb = saved;
			if (body.len) {
				const char *i = f->idx[n->depth];
				tput(f, ind, "for (size_t %s = 0; %s < %u; %s++) {", i, i, (unsigned)n->count, i);
				xi_sb_adds(f->sb, xi_sb_str(&body));
				tput(f, ind, "}");
			}
			xi_sb_free(&body);
			break;
		}
		case XI_MP_TAGGED:
			fill_tagged(f, n, ind);
			break;
		case XI_MP_ZERO:
		case XI_MP_RBYTES:
		case XI_MP_HOLE:
		case XI_MP_NCLEAR:
			break;
		}
	}
}

/* --- Probes ---------------------------------------------------------------- */


static const char *woff(struct mtest *f, const struct xi_mtest_where *w, uint32_t off)
{
	if (w->base)
		return off ? xi_aprintf(f->a, "%s + %u", w->base, (unsigned)off) : w->base;
	return xi_aprintf(f->a, "%u", (unsigned)off);
}

/* "i0, i1" */
static const char *idx_list_plain(struct mtest *f, unsigned depth)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (unsigned i = 0; i < depth; i++)
		xi_sb_printf(&sb, "%s%s", i ? ", " : "", f->idx[i]);
	const char *r = xi_strdup(f->a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

static const char *idx_list(struct mtest *f, unsigned depth)
{
	if (!depth)
		return "NULL";
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_adds(&sb, "(const size_t[]){ ");
	for (unsigned i = 0; i < depth; i++)
		xi_sb_printf(&sb, "%s%s", i ? ", " : "", f->idx[i]);
	xi_sb_adds(&sb, " }");
	const char *r = xi_strdup(f->a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* Open a probe: make a value that reaches the node, compute its path.
 * Returns the indentation of the probe's body; close with probe_end. */
static unsigned probe_begin(struct mtest *f, const struct xi_mtest_where *w, const struct xi_mp_node *n,
			    const char *what)
{
	unsigned ind = w->ind;
	tput(f, ind, "{");
	tput(f, ind + 1, "mkpath(path, sizeof(path), \"%s\", %s);", n->path, idx_list(f, w->depth));
	if (!strcmp(w->cond, "1")) {
		tput(f, ind + 1, "%s(&v, %d);", f->fill, f->narrow ? 1 : 0);
		return ind + 1;
	}
	tput(f, ind + 1, "MAKE(%s(&v, %d), %s);", f->fill, f->narrow ? 1 : 0, w->cond);
	tput(f, ind + 1, "if (!(%s)) {", w->cond);
	tput(f, ind + 2, "cant_make(\"%s\");", what);
	tput(f, ind + 1, "} else {");
	return ind + 2;
}

static void probe_end(struct mtest *f, const struct xi_mtest_where *w)
{
	if (strcmp(w->cond, "1"))
		tput(f, w->ind + 1, "}");
	tput(f, w->ind, "}");
}

static void probe_encode_ok(struct mtest *f, unsigned ind)
{
	tput(f, ind, "ok_rc(%s&v, %s, &e), &e, \"encode\");", f->encode, f->wargs);
}

/* Flags that leave a gate's checks out ("XENIDL_OUT" for an @in field),
 * or NULL when no flags do. */
static const char *ungated_flags(unsigned gate)
{
	switch (gate) {
	case XI_MP_GATE_IN: return "XENIDL_OUT";
	case XI_MP_GATE_OUT: return "XENIDL_IN";
	case XI_MP_GATE_IN | XI_MP_GATE_OUT: return "0";
	default: return NULL;
	}
}

/* After a reserved byte was set: with flags that do not check it, decode
 * succeeds and the field still decodes as zero. */
static void probe_unchecked_reserved(struct mtest *f, const struct xi_mp_node *n, unsigned ind)
{
	const char *flags = ungated_flags(n->gate);
	if (!flags)
		return;
	const char *args = xi_strdup(f->a, f->wargs);
	char *all = strstr(args, "ALL");
	const char *wargs = xi_aprintf(f->a, "%.*s%s", (int)(all - args), args, flags);
	tput(f, ind, "memset(&w, 0x5a, sizeof(w));");
	tput(f, ind, "ok_rc(%s&w, %s, &e), &e, \"decode that does not check %s\");", f->decode, wargs,
	     n->path);
	tput(f, ind, "want_same(&v, &w, sizeof(v), \"an unchecked reserved field decodes as zero\");");
}

/* The flags that select exactly a gate's checks ("0" when they are made
 * whatever the flags). */
static const char *gate_flags(unsigned gate)
{
	switch (gate) {
	case XI_MP_GATE_IN: return "XENIDL_IN";
	case XI_MP_GATE_OUT: return "XENIDL_OUT";
	case XI_MP_GATE_IN | XI_MP_GATE_OUT: return "XENIDL_IN";
	default: return "0";
	}
}

/* The wire arguments with other flags than ALL. */
static const char *with_flags(struct mtest *f, const char *flags)
{
	const char *all = strstr(f->wargs, "ALL");
	return xi_aprintf(f->a, "%.*s%s", (int)(all - f->wargs), f->wargs, flags);
}

/* Directions: the rejection just made happens with the flags that select
 * the field, and not with those that do not. */
static void probe_directions(struct mtest *f, const struct xi_mp_node *n, unsigned ind, const char *code,
			     const char *off, bool decode)
{
	const char *sel = gate_flags(n->gate), *unsel = ungated_flags(n->gate);
	const char *fn = decode ? f->decode : f->check, *arg = decode ? "&w" : "&v";
	tput(f, ind, "want_err(%s%s, %s, &e), &e, %s, path, %s, \"the same with the field's direction only\");",
	     fn, arg, decode ? with_flags(f, sel) : sel, code, off);
	/* (A tag's value also decides its unions, which may check it under
	 * their own direction.) */
	if (unsel && !n->tag_of)
		tput(f, ind, "ok_rc(%s%s, %s, &e), &e, \"the same with the other direction\");", fn, arg,
		     decode ? with_flags(f, unsel) : unsel);
}

/* A probe inside a runtime loop over candidate values: `var` goes from 0 to
 * `count` - 1 and the probe is skipped when `skip` holds. */
static struct xi_mtest_where probe_loop(struct mtest *f, const struct xi_mtest_where *w, const char *var, unsigned count,
			       const char *skip)
{
	tput(f, w->ind, "for (unsigned %s = 0; %s < %u; %s++) {", var, var, count, var);
	if (skip) {
		tput(f, w->ind + 1, "if (%s)", skip);
		tput(f, w->ind + 2, "continue;");
	}
	struct xi_mtest_where lw = *w;
	lw.ind = w->ind + 1;
	return lw;
}

static void probe_scalar(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w)
{
	if (!n->gate)
		return;
	const char *lval = tlv(f, n), *off = woff(f, w, n->woff);
	const char *nt = xi_mt_int_type(n->nsize, n->nsigned);
	if (n->reserved) {
		/* Each byte on the wire, then the field in memory. */
		unsigned ind = probe_begin(f, w, n, xi_aprintf(f->a, "%s", n->path));
		tput(f, ind, "for (unsigned b = 0; b < %u; b++) {", n->wsize);
		probe_encode_ok(f, ind + 1);
		tput(f, ind + 1, "buf[%s + b] = 0x80;", off);
		tput(f, ind + 1, "want_err(%s&w, %s, &e), &e, XENIDL_ERESERVED, path, %s, \"reserved byte\");",
		     f->decode, f->wargs, off);
		probe_unchecked_reserved(f, n, ind + 1);
		tput(f, ind, "}");
		if (n->cls == XI_MP_CHAR)
			tput(f, ind, "{ %s one = 1; memcpy(&%s, &one, sizeof(one)); }", nt, lval);
		else
			native_update(f, ind, n, "1");
		tput(f, ind, "want_err(%s&v, ALL, &e), &e, XENIDL_ERESERVED, path, %s, \"check of a reserved field\");",
		     f->check, off);
		tput(f, ind, "want_err(%s&v, %s, &e), &e, XENIDL_ERESERVED, path, %s, \"encode of a reserved field\");",
		     f->encode, f->wargs, off);
		probe_end(f, w);
		return;
	}
	if (!n->sem)
		return;
	if (n->sem->kind == XI_DECL_BITMAP) {
		/* Every bit the bitmap does not declare. */
		uint64_t bad = xi_mt_bitmap_undeclared(n->sem, n->wsize);
		if (!bad)
			return;
		struct xi_mtest_where lw = probe_loop(f, w, "bit", n->wsize * 8,
					     xi_aprintf(f->a, "!((0x%llxull >> bit) & 1)",
							(unsigned long long)bad));
		unsigned ind = probe_begin(f, &lw, n, n->path);
		probe_encode_ok(f, ind);
		tput(f, ind, "buf[%s + bit / 8] |= (unsigned char)(1u << (bit %% 8));", off);
		tput(f, ind, "want_err(%s&w, %s, &e), &e, XENIDL_EBITS, path, %s, \"undeclared bit\");",
		     f->decode, f->wargs, off);
		probe_directions(f, n, ind, "XENIDL_EBITS", off, true);
		native_update(f, ind, n, xi_aprintf(f->a, "cur | (%s)(1ull << bit)", nt));
		tput(f, ind, "want_err(%s&v, ALL, &e), &e, XENIDL_EBITS, path, %s, \"check of an undeclared bit\");",
		     f->check, off);
		probe_directions(f, n, ind, "XENIDL_EBITS", off, false);
		probe_end(f, &lw);
		tput(f, w->ind, "}");
		return;
	}
	/* An enum: the values next to each declared range, the type's least
	 * and greatest values, and the least undeclared value >= 0. */
	struct xi_int lo = xi_mt_type_min(n->wsize, n->wsigned), hi = xi_mt_type_max(n->wsize, n->wsigned);
	struct xi_int cand[64];
	unsigned nc = 0;
	struct xi_int one = xi_int_u(1), c;
	cand[nc++] = lo;
	cand[nc++] = hi;
	for (const struct xi_variant *v = n->sem->variants; v && nc + 2 < 60; v = v->next) {
		if (v->invalid)
			continue;
		if (xi_int_sub(v->v, one, &c) == XI_INT_OK)
			cand[nc++] = c;
		if (xi_int_add(v->v, one, &c) == XI_INT_OK)
			cand[nc++] = c;
	}
	for (uint64_t u = 0; u < 4096 && nc < 63; u++) {
		bool used = false;
		for (const struct xi_variant *v = n->sem->variants; v; v = v->next)
			if (!v->invalid && xi_int_eq(v->v, xi_int_u(u)))
				used = true;
		if (!used) {
			cand[nc++] = xi_int_u(u);
			break;
		}
	}
	struct xi_strbuf list = XI_STRBUF_INIT;
	unsigned nbad = 0;
	for (unsigned i = 0; i < nc; i++) {
		if (xi_int_cmp(cand[i], lo) < 0 || xi_int_cmp(cand[i], hi) > 0)
			continue;
		bool used = false;
		for (const struct xi_variant *v = n->sem->variants; v && !used; v = v->next)
			if (!v->invalid && xi_int_eq(v->v, cand[i]))
				used = true;
		for (unsigned j = 0; j < i && !used; j++)
			if (xi_int_eq(cand[j], cand[i]))
				used = true;
		if (used)
			continue;
		xi_sb_printf(&list, "%s0x%llxull", nbad++ ? ", " : "",
			     (unsigned long long)xi_int_bits(cand[i]));
	}
	if (nbad) {
		tput(f, w->ind, "{");
		tput(f, w->ind + 1, "static const uint64_t bad[] = { %s };", xi_sb_str(&list));
		struct xi_mtest_where bw = *w;
		bw.ind = w->ind + 1;
		struct xi_mtest_where lw = probe_loop(f, &bw, "k", nbad, NULL);
		unsigned ind = probe_begin(f, &lw, n, n->path);
		probe_encode_ok(f, ind);
		tput(f, ind, "put_le(buf + %s, bad[k], %u);", off, n->wsize);
		tput(f, ind, "want_err(%s&w, %s, &e), &e, XENIDL_EENUM, path, %s, \"undeclared value\");",
		     f->decode, f->wargs, off);
		probe_directions(f, n, ind, "XENIDL_EENUM", off, true);
		native_update(f, ind, n, "bad[k]");
		tput(f, ind, "want_err(%s&v, ALL, &e), &e, XENIDL_EENUM, path, %s, \"check of an undeclared value\");",
		     f->check, off);
		probe_directions(f, n, ind, "XENIDL_EENUM", off, false);
		probe_end(f, &lw);
		tput(f, bw.ind, "}");
		tput(f, w->ind, "}");
	}
	xi_sb_free(&list);
}

static void probe_zero(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w)
{
	if (!n->gate || !n->wsize)
		return;
	const char *off = woff(f, w, n->woff);
	unsigned ind = probe_begin(f, w, n, n->path);
	tput(f, ind, "for (unsigned b = 0; b < %u; b++) {", n->wsize);
	probe_encode_ok(f, ind + 1);
	tput(f, ind + 1, "buf[%s + b] = 0x80;", off);
	tput(f, ind + 1, "want_err(%s&w, %s, &e), &e, XENIDL_ERESERVED, path, %s + b, \"reserved byte\");",
	     f->decode, f->wargs, off);
	probe_unchecked_reserved(f, n, ind + 1);
	tput(f, ind, "}");
	probe_end(f, w);
}

/* Each byte of a reserved byte array, with its index in the path. */
static void probe_rbytes(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w)
{
	if (!n->gate || !n->wsize)
		return;
	const char *off = woff(f, w, n->woff);
	unsigned ind = probe_begin(f, w, n, n->path);
	tput(f, ind, "for (size_t b = 0; b < %u; b++) {", n->wsize);
	struct xi_strbuf idx = XI_STRBUF_INIT;
	for (unsigned i = 0; i < w->depth; i++)
		xi_sb_printf(&idx, "%s, ", f->idx[i]);
	tput(f, ind + 1, "mkpath(path, sizeof(path), \"%s[]\", (const size_t[]){ %sb });", n->path,
	     xi_sb_str(&idx));
	xi_sb_free(&idx);
	probe_encode_ok(f, ind + 1);
	tput(f, ind + 1, "buf[%s + b] = 0x80;", off);
	tput(f, ind + 1, "want_err(%s&w, %s, &e), &e, XENIDL_ERESERVED, path, %s + b, \"reserved byte\");",
	     f->decode, f->wargs, off);
	probe_unchecked_reserved(f, n, ind + 1);
	tput(f, ind, "}");
	tput(f, ind, "memset(&%s[%u], 1, 1);", tlv(f, n), n->wsize - 1);
	tput(f, ind, "mkpath(path, sizeof(path), \"%s[]\", (const size_t[]){ %s%u });", n->path,
	     w->depth ? xi_aprintf(f->a, "%s, ", idx_list_plain(f, w->depth)) : "", n->wsize - 1);
	tput(f, ind, "want_err(%s&v, ALL, &e), &e, XENIDL_ERESERVED, path, %s + %u, \"check of a reserved byte\");",
	     f->check, off, n->wsize - 1);
	probe_end(f, w);
}

static const char *labels_cond(struct mtest *f, const struct xi_mp_node *n, const char *tag, bool negate)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	bool any = false;
	for (const struct xi_mp_arm *arm = n->arms; arm; arm = arm->next)
		for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next) {
			xi_sb_printf(&sb, "%s%s %s %s", any ? (negate ? " && " : " || ") : "", tag,
				     negate ? "!=" : "==",
				     xi_mt_literal(f->a, l->value, n->tag->nsize, n->tag->nsigned));
			any = true;
		}
	const char *r = any ? xi_aprintf(f->a, "(%s)", xi_sb_str(&sb)) : negate ? "1" : "0";
	xi_sb_free(&sb);
	return r;
}

/* A value that selects no arm of a tagged union (none if every value of the
 * tag's type selects one). */
static bool free_tag_value(const struct xi_mp_node *n, bool skip_enum, struct xi_int *out)
{
	uint64_t limit = n->tag->wsize == 8 ? UINT64_MAX : (UINT64_C(1) << (n->tag->wsize * 8 - 1)) - 1;
	for (uint64_t u = 0; u < limit; u++) {
		bool used = false;
		for (const struct xi_mp_arm *arm = n->arms; arm && !used; arm = arm->next)
			for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
				if (xi_int_eq(l->value, xi_int_u(u)))
					used = true;
		if (skip_enum && n->tag->sem)
			for (const struct xi_variant *v = n->tag->sem->variants; v && !used; v = v->next)
				if (xi_int_eq(v->v, xi_int_u(u)))
					used = true;
		if (!used) {
			*out = xi_int_u(u);
			return true;
		}
	}
	return false;
}


/* Scribble over the union's bytes that the selected arm does not cover:
 * decoding must ignore them. */
static void probe_arm_scribble(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w,
			       const char *cond, uint32_t arm_size, const char *what)
{
	struct xi_mtest_where aw = *w;
	aw.cond = cond;
	const char *off = woff(f, w, n->woff);
	unsigned ind = probe_begin(f, &aw, n, what);
	probe_encode_ok(f, ind);
	if (n->wsize > arm_size)
		tput(f, ind, "memset(buf + %s + %u, 0xff, %u);", off, (unsigned)arm_size,
		     (unsigned)(n->wsize - arm_size));
	tput(f, ind, "memset(&w, 0x5a, sizeof(w));");
	tput(f, ind, "ok_rc(%s&w, %s, &e), &e, \"decode of %s\");", f->decode, f->wargs, what);
	tput(f, ind, "want_same(&v, &w, sizeof(v), \"only the selected arm is decoded (%s)\");", what);
	probe_end(f, &aw);
}

/* Can a valid value select the default arm? Not when the tag is an enum
 * whose every value some arm lists. */
static bool default_reachable(const struct xi_mp_node *n)
{
	const struct xi_mp_node *tag = n->tag;
	if (!tag->sem || tag->sem->kind != XI_DECL_ENUM)
		return true;
	for (const struct xi_variant *v = tag->sem->variants; v; v = v->next) {
		bool listed = v->invalid;
		for (const struct xi_mp_arm *arm = n->arms; arm && !listed; arm = arm->next)
			for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
				if (xi_int_eq(l->value, v->v))
					listed = true;
		if (!listed)
			return true;
	}
	return false;
}

static void probe_tagged(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w)
{
	const struct xi_mp_node *tag = n->tag;
	const char *taglv = tlv(f, tag);
	const char *in = w->cond;
	for (const struct xi_mp_arm *arm = n->arms; arm; arm = arm->next) {
		if (arm->member->is_default_arm && !default_reachable(n))
			continue;
		const char *sel;
		if (arm->member->is_default_arm)
			sel = labels_cond(f, n, taglv, true);
		else
			sel = xi_aprintf(f->a, "%s == %s", taglv,
					 xi_mt_literal(f->a, arm->member->labels->value, tag->nsize, tag->nsigned));
		const char *cond = strcmp(in, "1") ? xi_aprintf(f->a, "%s && %s", in, sel) : sel;
		probe_arm_scribble(f, n, w, cond, arm->wsize,
				   xi_aprintf(f->a, "%s.%s", n->path, xi_member_c_name(arm->member)));
		struct xi_mtest_where aw = *w;
		aw.cond = cond;
		xi_mtest_probe(f, arm->body, &aw);
	}
	struct xi_int free_v;
	if (!n->has_default && tag->sem && tag->sem->kind == XI_DECL_ENUM) {
		/* Declared values without an arm: the union stays empty. */
		for (const struct xi_variant *v = tag->sem->variants; v; v = v->next) {
			bool armed = false;
			for (const struct xi_mp_arm *arm = n->arms; arm; arm = arm->next)
				for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
					if (xi_int_eq(l->value, v->v))
						armed = true;
			if (armed || v->invalid)
				continue;
			const char *sel = xi_aprintf(f->a, "%s == %s", taglv,
						     xi_mt_literal(f->a, v->v, tag->nsize, tag->nsigned));
			const char *cond = strcmp(in, "1") ? xi_aprintf(f->a, "%s && %s", in, sel) : sel;
			probe_arm_scribble(f, n, w, cond, 0,
					   xi_aprintf(f->a, "%s with %s %s", n->path, tag->path, v->name));
		}
	} else if (!n->has_default && n->gate && free_tag_value(n, false, &free_v)) {
		/* An integer tag that selects no arm. */
		unsigned ind = probe_begin(f, w, n, n->path);
		probe_encode_ok(f, ind);
		tput(f, ind, "put_le(buf + %s, %lluull, %u);", woff(f, w, tag->woff),
		     (unsigned long long)free_v.mag, tag->wsize);
		tput(f, ind, "want_err(%s&w, %s, &e), &e, XENIDL_ETAG, path, %s, \"tag %llu selects no arm\");",
		     f->decode, f->wargs, woff(f, w, n->woff), (unsigned long long)free_v.mag);
		probe_end(f, w);
	}
}

typedef void probe_walk(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w);

/* The probes `walk` makes for an array's element, inside a loop over the
 * indexes it tries; nothing when the body has no probes. */
static void probe_array(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w,
		        probe_walk *walk)
{
	unsigned d = n->depth;
	struct xi_mtest_where lw = *w;
	lw.base = xi_aprintf(f->a, "o%u", d + 1);
	lw.depth = d + 1;
	lw.ind = w->ind + 1;
	struct xi_strbuf body = XI_STRBUF_INIT, *saved = f->sb;
	f->sb = &body;
	walk(f, n->body, &lw);
	f->sb = saved;
	if (body.len) {
		const char *i = f->idx[d];
		tput(f, w->ind, "for (size_t %s = 0; %s < %u; %s = next_index(%s, %u)) {", i, i,
		     (unsigned)n->count, i, i, (unsigned)n->count);
		tput(f, w->ind + 1, "const size_t %s = %s%s%u + %s * %u;", lw.base,
		     w->base ? w->base : "", w->base ? " + " : "", (unsigned)n->woff, i,
		     (unsigned)n->stride);
		tput(f, w->ind + 1, "(void)%s;", lw.base);
		xi_sb_adds(f->sb, xi_sb_str(&body));
		tput(f, w->ind, "}");
	}
	xi_sb_free(&body);
}

void xi_mtest_probe(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w)
{
	for (; n; n = n->next) {
		switch (n->kind) {
		case XI_MP_SCALAR:
			probe_scalar(f, n, w);
			break;
		case XI_MP_ZERO:
			probe_zero(f, n, w);
			break;
		case XI_MP_RBYTES:
			probe_rbytes(f, n, w);
			break;
		case XI_MP_TAGGED:
			probe_tagged(f, n, w);
			break;
		case XI_MP_LOOP:
			probe_array(f, n, w, xi_mtest_probe);
			break;
		default:
			break;
		}
	}
}

/* Compat translation: values that do not fit the other ABI's field. */
void xi_mtest_probe_ranges(struct mtest *f, const struct xi_mp_node *n, const struct xi_mtest_where *w)
{
	for (; n; n = n->next) {
		if (n->kind == XI_MP_LOOP) {
			probe_array(f, n, w, xi_mtest_probe_ranges);
			continue;
		}
		if (n->kind == XI_MP_TAGGED) {
			for (const struct xi_mp_arm *arm = n->arms; arm; arm = arm->next) {
				if (arm->member->is_default_arm && !default_reachable(n))
					continue;
				const char *taglv = tlv(f, n->tag);
				const char *sel = arm->member->is_default_arm ? labels_cond(f, n, taglv, true)
					: xi_aprintf(f->a, "%s == %s", taglv,
						     xi_mt_literal(f->a, arm->member->labels->value,
								n->tag->nsize, n->tag->nsigned));
				struct xi_mtest_where aw = *w;
				aw.cond = strcmp(w->cond, "1") ? xi_aprintf(f->a, "%s && %s", w->cond, sel) : sel;
				xi_mtest_probe_ranges(f, arm->body, &aw);
			}
			continue;
		}
		if (n->kind != XI_MP_SCALAR || n->cls == XI_MP_CHAR || n->reserved)
			continue;
		/* The values just outside the narrower type: its maximum + 1 and
		 * minimum - 1, where the wider one holds them. */
		const char *off = woff(f, w, n->woff);
		for (int dir = 0; dir < 2; dir++) {
			/* dir 0: encode a native value too wide for the wire;
			 * dir 1: decode a wire value too wide for the native field. */
			unsigned from = dir ? n->wsize : n->nsize, to = dir ? n->nsize : n->wsize;
			bool from_s = dir ? n->wsigned : n->nsigned, to_s = dir ? n->nsigned : n->wsigned;
			struct xi_int cand[2];
			unsigned nc = 0;
			struct xi_int one = xi_int_u(1), v;
			if (xi_int_add(xi_mt_type_max(to, to_s), one, &v) == XI_INT_OK &&
			    xi_int_cmp(v, xi_mt_type_max(from, from_s)) <= 0)
				cand[nc++] = v;
			if (xi_int_sub(xi_mt_type_min(to, to_s), one, &v) == XI_INT_OK &&
			    xi_int_cmp(v, xi_mt_type_min(from, from_s)) >= 0)
				cand[nc++] = v;
			for (unsigned c = 0; c < nc; c++) {
				char num[32];
				xi_int_format(cand[c], num);
				unsigned ind = probe_begin(f, w, n, n->path);
				if (!dir) {
					const char *lit = xi_mt_literal(f->a, cand[c], n->nsize, n->nsigned);
					native_update(f, ind, n, lit);
					tput(f, ind, "want_err(%s&v, %s, &e), &e, XENIDL_ERANGE, path, %s, \"encode of %s\");",
					     f->encode, f->wargs, off, num);
				} else {
					probe_encode_ok(f, ind);
					tput(f, ind, "put_le(buf + %s, 0x%llxull, %u);", off,
					     (unsigned long long)xi_int_bits(cand[c]), n->wsize);
					tput(f, ind, "want_err(%s&w, %s, &e), &e, XENIDL_ERANGE, path, %s, \"decode of %s\");",
					     f->decode, f->wargs, off, num);
				}
				probe_end(f, w);
			}
		}
	}
}
