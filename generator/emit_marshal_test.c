/* The marshalling self-tests (-l marshal-test): from the same plans as the
 * marshal backend, a test program and a libFuzzer harness for the code it
 * generates, for whatever files it is run on.
 *
 * xenidl_marshal_test.c, for every struct and union T:
 *   - random valid values (every field direction; narrowed so they fit
 *     every ABI that T's compat translation serves) survive encode then
 *     decode, check passes, and encoding is deterministic;
 *   - every reserved byte set to non-zero is rejected, with the field's
 *     path and offset (and non-zero reserved fields fail T_check);
 *   - an undeclared bitmap bit and an undeclared enum value are rejected;
 *   - a buffer one byte short is rejected;
 *   - a tagged union decodes only its selected arm (bytes beyond it are
 *     ignored), and an integer tag that selects no arm is rejected;
 *   - @legacy types: the same round trip through every ABI the host can
 *     translate, a value that does not fit the narrower field is rejected
 *     both ways, and an unknown ABI id is rejected.
 * xenidl_marshal_fuzz.c: LLVMFuzzerTestOneInput, which decodes arbitrary
 * bytes as any type (and ABI), and checks that whatever decodes also
 * checks, encodes and decodes again to the same value.
 * xenidl_marshal_all.c: every generated *_marshal.c in one file, so that a
 * build rule needs no list of them (the set depends on the inputs).
 *
 * Like the marshal code, the tests depend on the host ABI, so each type's
 * text is generated per host and grouped into #if chains. */
#include "backend.h"

#include <stdarg.h>
#include <string.h>

#include "cnames.h"
#include "marshal_plan.h"
#include "marshal_text.h"
#include "resolve.h"

/* Attempts at a random value that selects a given tagged-union arm. */
#define TEST_MAX_TRIES 10000u

static const char test_prelude[] =
	"#include <stdarg.h>\n"
	"#include <stdint.h>\n"
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"#include <string.h>\n"
	"\n"
	"#include <xenidl/runtime.h>\n"
	"\n"
	"/* Helpers: a small corpus does not use them all. */\n"
	"#define HELPER static __attribute__((unused))\n"
	"\n"
	"static uint64_t rng_state = 0x9E3779B97F4A7C15ull;\n"
	"static unsigned long n_checks, n_failures;\n"
	"static const char *cur_type;\n"
	"\n"
	"HELPER uint64_t rnd(void)\n"
	"{\n"
	"\tuint64_t x = rng_state;\n"
	"\tx ^= x << 13;\n"
	"\tx ^= x >> 7;\n"
	"\tx ^= x << 17;\n"
	"\treturn rng_state = x;\n"
	"}\n"
	"\n"
	"/* Random values of `bits` bits, the extremes more often than chance. */\n"
	"HELPER uint64_t rnd_u(unsigned bits)\n"
	"{\n"
	"\tuint64_t mask = bits >= 64 ? ~0ull : (1ull << bits) - 1;\n"
	"\tswitch (rnd() % 8) {\n"
	"\tcase 0: return 0;\n"
	"\tcase 1: return mask;\n"
	"\tdefault: return rnd() & mask;\n"
	"\t}\n"
	"}\n"
	"\n"
	"HELPER int64_t rnd_s(unsigned bits)\n"
	"{\n"
	"\tuint64_t u = rnd_u(bits);\n"
	"\tif (bits < 64 && (u >> (bits - 1)) & 1)\n"
	"\t\tu |= ~0ull << bits;\n"
	"\treturn (int64_t)u;\n"
	"}\n"
	"\n"
	"HELPER void rnd_bytes(void *p, size_t n)\n"
	"{\n"
	"\tunsigned char *b = p;\n"
	"\twhile (n--)\n"
	"\t\t*b++ = (unsigned char)rnd();\n"
	"}\n"
	"\n"
	"HELPER void *xmalloc(size_t n)\n"
	"{\n"
	"\tvoid *p = malloc(n ? n : 1);\n"
	"\tif (!p) {\n"
	"\t\tperror(\"malloc\");\n"
	"\t\texit(2);\n"
	"\t}\n"
	"\treturn p;\n"
	"}\n"
	"\n"
	"__attribute__((format(printf, 1, 2)))\n"
	"HELPER void failf(const char *fmt, ...)\n"
	"{\n"
	"\tva_list ap;\n"
	"\tn_failures++;\n"
	"\tif (n_failures > 100)\n"
	"\t\treturn;\n"
	"\tfprintf(stderr, \"FAIL %s: \", cur_type);\n"
	"\tva_start(ap, fmt);\n"
	"\tvfprintf(stderr, fmt, ap);\n"
	"\tva_end(ap);\n"
	"\tfputc('\\n', stderr);\n"
	"}\n"
	"\n"
	"HELPER void ok_rc(int rc, const struct xenidl_error *e, const char *what)\n"
	"{\n"
	"\tn_checks++;\n"
	"\tif (rc != 0)\n"
	"\t\tfailf(\"%s: %s (%d) at '%s', offset %zu, value 0x%llx\", what, xenidl_strerror(rc), rc,\n"
	"\t\t      e->path, e->offset, (unsigned long long)e->value);\n"
	"}\n"
	"\n"
	"HELPER void want_err(int rc, const struct xenidl_error *e, int code, const char *path,\n"
	"\t\t     size_t offset, const char *what)\n"
	"{\n"
	"\tn_checks++;\n"
	"\tif (rc != code)\n"
	"\t\tfailf(\"%s: returned %d (%s), want %d (%s) at '%s'\", what, rc, xenidl_strerror(rc),\n"
	"\t\t      code, xenidl_strerror(code), path);\n"
	"\telse if (e->code != code || strcmp(e->path, path) || e->offset != offset ||\n"
	"\t\t strcmp(e->type, cur_type))\n"
	"\t\tfailf(\"%s: reported %s '%s' offset %zu code %d, want %s '%s' offset %zu\", what,\n"
	"\t\t      e->type, e->path, e->offset, e->code, cur_type, path, offset);\n"
	"}\n"
	"\n"
	"HELPER void want_same(const void *a, const void *b, size_t n, const char *what)\n"
	"{\n"
	"\tconst unsigned char *x = a, *y = b;\n"
	"\tn_checks++;\n"
	"\tfor (size_t i = 0; i < n; i++) {\n"
	"\t\tif (x[i] != y[i]) {\n"
	"\t\t\tfailf(\"%s: byte %zu is 0x%02x, want 0x%02x\", what, i, y[i], x[i]);\n"
	"\t\t\treturn;\n"
	"\t\t}\n"
	"\t}\n"
	"}\n"
	"\n"
	"HELPER void cant_make(const char *what)\n"
	"{\n"
	"\tn_checks++;\n"
	"\tfailf(\"no random value with %s\", what);\n"
	"}\n"
	"\n"
	"/* An error path from a template: \"[]\" takes the next index. */\n"
	"HELPER const char *mkpath(char *out, size_t cap, const char *tmpl, const size_t *idx)\n"
	"{\n"
	"\tsize_t n = 0;\n"
	"\tfor (; *tmpl && n + 1 < cap; tmpl++) {\n"
	"\t\tif (tmpl[0] == '[' && tmpl[1] == ']') {\n"
	"\t\t\tn += (size_t)snprintf(out + n, cap - n, \"[%zu]\", *idx++);\n"
	"\t\t\ttmpl++;\n"
	"\t\t\tcontinue;\n"
	"\t\t}\n"
	"\t\tout[n++] = *tmpl;\n"
	"\t}\n"
	"\tout[n < cap ? n : cap - 1] = '\\0';\n"
	"\treturn out;\n"
	"}\n"
	"\n"
	"HELPER void put_le(unsigned char *p, uint64_t v, unsigned size)\n"
	"{\n"
	"\tfor (unsigned i = 0; i < size; i++)\n"
	"\t\tp[i] = (unsigned char)(v >> (8 * i));\n"
	"}\n"
	"\n"
	"/* Array elements probed: all of small arrays, a few of large ones. */\n"
	"HELPER size_t next_index(size_t i, size_t n)\n"
	"{\n"
	"\tif (n <= 64)\n"
	"\t\treturn i + 1;\n"
	"\treturn i == 0 ? 1 : i == 1 ? n / 2 : i < n - 1 ? n - 1 : n;\n"
	"}\n"
	"\n"
	"#define MAKE(fill, cond) do { \\\n"
	"\tunsigned tries_ = 0; \\\n"
	"\tdo { fill; } while (!(cond) && ++tries_ < " "10000" "u); \\\n"
	"} while (0)\n"
	"\n"
	"#define ALL (XENIDL_IN | XENIDL_OUT)\n";

struct tgen {
	struct xi_ctx *ctx;
	struct xi_arena *a;
};

/* One piece of test code being written for one plan. */
struct tfn {
	struct xi_arena *a;
	struct xi_strbuf *sb;
	const struct mp_plan *plan;
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

__attribute__((format(printf, 3, 4)))
static void tput(struct tfn *f, unsigned ind, const char *fmt, ...)
{
	for (unsigned i = 0; i < ind; i++)
		xi_sb_addc(f->sb, '\t');
	va_list ap;
	va_start(ap, fmt);
	xi_sb_vprintf(f->sb, fmt, ap);
	va_end(ap);
	xi_sb_addc(f->sb, '\n');
}

static const char *tlv(struct tfn *f, const struct mp_node *n)
{
	if (!*n->lval)
		return f->whole;
	return xi_aprintf(f->a, "%s%s", f->root, mp_subst(f->a, n->lval, f->idx));
}

/* Loop counter names i0 ... i<depth>. */
static const char **counters(struct xi_arena *a, unsigned depth)
{
	const char **r = XI_NEW_ARRAY(a, const char *, depth + 1);
	for (unsigned i = 0; i <= depth; i++)
		r[i] = xi_aprintf(a, "i%u", i);
	return r;
}

/* --- Random valid values --------------------------------------------------- */

/* The values a tag may take: its enum's, and its unions' labels. */
static unsigned tag_values(const struct mp_node *tag, struct xi_int *vals, unsigned cap,
			   bool *any_default)
{
	unsigned n = 0;
	*any_default = false;
	if (tag->sem && tag->sem->kind == XI_DECL_ENUM)
		for (const struct xi_variant *v = tag->sem->variants; v && n < cap; v = v->next)
			if (!v->invalid)
				vals[n++] = v->v;
	for (const struct mp_use *u = tag->tag_of; u; u = u->next) {
		/* Values for a default arm: any other value of an integer tag
		 * (an enum tag reaches it through its unlisted variants). */
		if (u->node->has_default && !(tag->sem && tag->sem->kind == XI_DECL_ENUM))
			*any_default = true;
		for (const struct mp_arm *arm = u->node->arms; arm; arm = arm->next) {
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

static unsigned count_tag_values(const struct mp_node *tag)
{
	unsigned n = 0;
	if (tag->sem && tag->sem->kind == XI_DECL_ENUM)
		n += count_variants(tag->sem);
	for (const struct mp_use *u = tag->tag_of; u; u = u->next)
		for (const struct mp_arm *arm = u->node->arms; arm; arm = arm->next)
			for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
				n++;
	return n;
}

/* rnd_u(bits) or rnd_s(bits), narrowed when the fill asks for it. */
static const char *random_int(struct tfn *f, const struct mp_node *n)
{
	const char *fn = n->nsigned ? "rnd_s" : "rnd_u";
	unsigned bits = n->nsize * 8, min = n->min_wsize * 8;
	if (min >= bits)
		return xi_aprintf(f->a, "%s(%u)", fn, bits);
	return xi_aprintf(f->a, "%s(narrow ? %u : %u)", fn, min, bits);
}

static void fill_nodes(struct tfn *f, const struct mp_node *n, unsigned ind);

/* Store `expr` in a scalar's native field, where `cur` in expr is its value
 * before; through a host-endian integer when the field is not an integer
 * lvalue (handles, @c_bitfields). */
static void native_update(struct tfn *f, unsigned ind, const struct mp_node *n, const char *expr)
{
	const char *lval = tlv(f, n);
	const char *nt = mt_int_type(n->nsize, n->nsigned);
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

static void fill_scalar(struct tfn *f, const struct mp_node *n, unsigned ind)
{
	const char *lval = tlv(f, n);
	const char *nt = mt_int_type(n->nsize, n->nsigned);
	if (n->reserved)
		return;
	if (n->cls == MP_CHAR) {
		tput(f, ind, "{ unsigned char b = (unsigned char)rnd(); memcpy(&%s, &b, 1); }", lval);
		return;
	}
	if (n->cls == MP_HANDLE) {
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
				     mt_literal(f->a, vals[i], n->nsize, n->nsigned));
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
	if (n->sem) {
		uint64_t declared = ~mt_bitmap_undeclared(n->sem, n->nsize) &
				    (n->nsize == 8 ? UINT64_MAX : (UINT64_C(1) << (n->nsize * 8)) - 1);
		native_update(f, ind, n, xi_aprintf(f->a, "rnd() & 0x%llxull", (unsigned long long)declared));
		return;
	}
	native_update(f, ind, n, random_int(f, n));
}

static void fill_tagged(struct tfn *f, const struct mp_node *n, unsigned ind)
{
	const struct mp_node *tag = n->tag;
	tput(f, ind, "switch (%s) {", tlv(f, tag));
	const struct mp_arm *dflt = NULL;
	for (const struct mp_arm *arm = n->arms; arm; arm = arm->next) {
		if (arm->member->is_default_arm) {
			dflt = arm;
			continue;
		}
		for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
			tput(f, ind, "case %s:", mt_literal(f->a, l->value, tag->nsize, tag->nsigned));
		fill_nodes(f, arm->body, ind + 1);
		tput(f, ind + 1, "break;");
	}
	tput(f, ind, "default:");
	if (dflt)
		fill_nodes(f, dflt->body, ind + 1);
	tput(f, ind + 1, "break;");
	tput(f, ind, "}");
}

static void fill_node(struct tfn *f, const struct mp_node *n, unsigned ind);

static void fill_nodes(struct tfn *f, const struct mp_node *n, unsigned ind)
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

static void fill_node(struct tfn *f, const struct mp_node *n, unsigned ind)
{
	{
		switch (n->kind) {
		case MP_SCALAR:
			fill_scalar(f, n, ind);
			break;
		case MP_BYTES:
		case MP_OPAQUE:
			tput(f, ind, "rnd_bytes(&%s, sizeof(%s));", tlv(f, n), tlv(f, n));
			break;
		case MP_LOOP: {
			struct xi_strbuf body = XI_STRBUF_INIT, *saved = f->sb;
			f->sb = &body;
			fill_nodes(f, n->body, ind + 1);
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
		case MP_TAGGED:
			fill_tagged(f, n, ind);
			break;
		case MP_ZERO:
		case MP_RBYTES:
		case MP_HOLE:
		case MP_NCLEAR:
			break;
		}
	}
}

/* --- Probes ---------------------------------------------------------------- */

/* Where a probe is: the loops around it (as code already opened), the
 * condition a value must meet to reach it (tagged-union arms) and the
 * wire base of the enclosing element. */
struct where {
	const char *cond;        /* C expression on v, "1" when none */
	const char *base;        /* "o1" ... or NULL */
	unsigned depth;
	unsigned ind;
};

static const char *woff(struct tfn *f, const struct where *w, uint32_t off)
{
	if (w->base)
		return off ? xi_aprintf(f->a, "%s + %u", w->base, (unsigned)off) : w->base;
	return xi_aprintf(f->a, "%u", (unsigned)off);
}

/* "i0, i1" */
static const char *idx_list_plain(struct tfn *f, unsigned depth)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	for (unsigned i = 0; i < depth; i++)
		xi_sb_printf(&sb, "%s%s", i ? ", " : "", f->idx[i]);
	const char *r = xi_strdup(f->a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

static const char *idx_list(struct tfn *f, unsigned depth)
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
static unsigned probe_begin(struct tfn *f, const struct where *w, const struct mp_node *n,
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

static void probe_end(struct tfn *f, const struct where *w)
{
	if (strcmp(w->cond, "1"))
		tput(f, w->ind + 1, "}");
	tput(f, w->ind, "}");
}

static void probe_encode_ok(struct tfn *f, unsigned ind)
{
	tput(f, ind, "ok_rc(%s&v, %s, &e), &e, \"encode\");", f->encode, f->wargs);
}

/* Flags that leave a gate's checks out ("XENIDL_OUT" for an @in field),
 * or NULL when no flags do. */
static const char *ungated_flags(unsigned gate)
{
	switch (gate) {
	case MP_GATE_IN: return "XENIDL_OUT";
	case MP_GATE_OUT: return "XENIDL_IN";
	case MP_GATE_IN | MP_GATE_OUT: return "0";
	default: return NULL;
	}
}

/* After a reserved byte was set: with flags that do not check it, decode
 * succeeds and the field still decodes as zero. */
static void probe_unchecked_reserved(struct tfn *f, const struct mp_node *n, unsigned ind)
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
	case MP_GATE_IN: return "XENIDL_IN";
	case MP_GATE_OUT: return "XENIDL_OUT";
	case MP_GATE_IN | MP_GATE_OUT: return "XENIDL_IN";
	default: return "0";
	}
}

/* The wire arguments with other flags than ALL. */
static const char *with_flags(struct tfn *f, const char *flags)
{
	const char *all = strstr(f->wargs, "ALL");
	return xi_aprintf(f->a, "%.*s%s", (int)(all - f->wargs), f->wargs, flags);
}

/* Directions: the rejection just made happens with the flags that select
 * the field, and not with those that do not. */
static void probe_directions(struct tfn *f, const struct mp_node *n, unsigned ind, const char *code,
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
static struct where probe_loop(struct tfn *f, const struct where *w, const char *var, unsigned count,
			       const char *skip)
{
	tput(f, w->ind, "for (unsigned %s = 0; %s < %u; %s++) {", var, var, count, var);
	if (skip) {
		tput(f, w->ind + 1, "if (%s)", skip);
		tput(f, w->ind + 2, "continue;");
	}
	struct where lw = *w;
	lw.ind = w->ind + 1;
	return lw;
}

static void probe_scalar(struct tfn *f, const struct mp_node *n, const struct where *w)
{
	if (!n->gate)
		return;
	const char *lval = tlv(f, n), *off = woff(f, w, n->woff);
	const char *nt = mt_int_type(n->nsize, n->nsigned);
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
		if (n->cls == MP_CHAR)
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
		uint64_t bad = mt_bitmap_undeclared(n->sem, n->wsize);
		if (!bad)
			return;
		struct where lw = probe_loop(f, w, "bit", n->wsize * 8,
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
	struct xi_int lo = mt_type_min(n->wsize, n->wsigned), hi = mt_type_max(n->wsize, n->wsigned);
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
		struct where bw = *w;
		bw.ind = w->ind + 1;
		struct where lw = probe_loop(f, &bw, "k", nbad, NULL);
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

static void probe_zero(struct tfn *f, const struct mp_node *n, const struct where *w)
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
static void probe_rbytes(struct tfn *f, const struct mp_node *n, const struct where *w)
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

static const char *labels_cond(struct tfn *f, const struct mp_node *n, const char *tag, bool negate)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	bool any = false;
	for (const struct mp_arm *arm = n->arms; arm; arm = arm->next)
		for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next) {
			xi_sb_printf(&sb, "%s%s %s %s", any ? (negate ? " && " : " || ") : "", tag,
				     negate ? "!=" : "==",
				     mt_literal(f->a, l->value, n->tag->nsize, n->tag->nsigned));
			any = true;
		}
	const char *r = any ? xi_aprintf(f->a, "(%s)", xi_sb_str(&sb)) : negate ? "1" : "0";
	xi_sb_free(&sb);
	return r;
}

/* A value that selects no arm of a tagged union (none if every value of the
 * tag's type selects one). */
static bool free_tag_value(const struct mp_node *n, bool skip_enum, struct xi_int *out)
{
	uint64_t limit = n->tag->wsize == 8 ? UINT64_MAX : (UINT64_C(1) << (n->tag->wsize * 8 - 1)) - 1;
	for (uint64_t u = 0; u < limit; u++) {
		bool used = false;
		for (const struct mp_arm *arm = n->arms; arm && !used; arm = arm->next)
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

static void probe_nodes(struct tfn *f, const struct mp_node *n, const struct where *w);

/* Scribble over the union's bytes that the selected arm does not cover:
 * decoding must ignore them. */
static void probe_arm_scribble(struct tfn *f, const struct mp_node *n, const struct where *w,
			       const char *cond, uint32_t arm_size, const char *what)
{
	struct where aw = *w;
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
static bool default_reachable(const struct mp_node *n)
{
	const struct mp_node *tag = n->tag;
	if (!tag->sem || tag->sem->kind != XI_DECL_ENUM)
		return true;
	for (const struct xi_variant *v = tag->sem->variants; v; v = v->next) {
		bool listed = v->invalid;
		for (const struct mp_arm *arm = n->arms; arm && !listed; arm = arm->next)
			for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
				if (xi_int_eq(l->value, v->v))
					listed = true;
		if (!listed)
			return true;
	}
	return false;
}

static void probe_tagged(struct tfn *f, const struct mp_node *n, const struct where *w)
{
	const struct mp_node *tag = n->tag;
	const char *taglv = tlv(f, tag);
	const char *in = w->cond;
	for (const struct mp_arm *arm = n->arms; arm; arm = arm->next) {
		if (arm->member->is_default_arm && !default_reachable(n))
			continue;
		const char *sel;
		if (arm->member->is_default_arm)
			sel = labels_cond(f, n, taglv, true);
		else
			sel = xi_aprintf(f->a, "%s == %s", taglv,
					 mt_literal(f->a, arm->member->labels->value, tag->nsize, tag->nsigned));
		const char *cond = strcmp(in, "1") ? xi_aprintf(f->a, "%s && %s", in, sel) : sel;
		probe_arm_scribble(f, n, w, cond, arm->wsize,
				   xi_aprintf(f->a, "%s.%s", n->path, xi_member_c_name(arm->member)));
		struct where aw = *w;
		aw.cond = cond;
		probe_nodes(f, arm->body, &aw);
	}
	struct xi_int free_v;
	if (!n->has_default && tag->sem && tag->sem->kind == XI_DECL_ENUM) {
		/* Declared values without an arm: the union stays empty. */
		for (const struct xi_variant *v = tag->sem->variants; v; v = v->next) {
			bool armed = false;
			for (const struct mp_arm *arm = n->arms; arm; arm = arm->next)
				for (const struct xi_arm_label *l = arm->member->labels; l; l = l->next)
					if (xi_int_eq(l->value, v->v))
						armed = true;
			if (armed || v->invalid)
				continue;
			const char *sel = xi_aprintf(f->a, "%s == %s", taglv,
						     mt_literal(f->a, v->v, tag->nsize, tag->nsigned));
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

static void probe_nodes(struct tfn *f, const struct mp_node *n, const struct where *w)
{
	for (; n; n = n->next) {
		switch (n->kind) {
		case MP_SCALAR:
			probe_scalar(f, n, w);
			break;
		case MP_ZERO:
			probe_zero(f, n, w);
			break;
		case MP_RBYTES:
			probe_rbytes(f, n, w);
			break;
		case MP_TAGGED:
			probe_tagged(f, n, w);
			break;
		case MP_LOOP: {
			unsigned d = n->depth;
			struct where lw = *w;
			lw.base = xi_aprintf(f->a, "o%u", d + 1);
			lw.depth = d + 1;
			lw.ind = w->ind + 1;
			struct xi_strbuf body = XI_STRBUF_INIT, *saved = f->sb;
			f->sb = &body;
			probe_nodes(f, n->body, &lw);
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
			break;
		}
		default:
			break;
		}
	}
}

/* Compat translation: values that do not fit the other ABI's field. */
static void probe_ranges(struct tfn *f, const struct mp_node *n, const struct where *w)
{
	for (; n; n = n->next) {
		if (n->kind == MP_LOOP) {
			struct where lw = *w;
			unsigned d = n->depth;
			lw.base = xi_aprintf(f->a, "o%u", d + 1);
			lw.depth = d + 1;
			lw.ind = w->ind + 1;
			struct xi_strbuf body = XI_STRBUF_INIT, *saved = f->sb;
			f->sb = &body;
			probe_ranges(f, n->body, &lw);
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
			continue;
		}
		if (n->kind == MP_TAGGED) {
			for (const struct mp_arm *arm = n->arms; arm; arm = arm->next) {
				if (arm->member->is_default_arm && !default_reachable(n))
					continue;
				const char *taglv = tlv(f, n->tag);
				const char *sel = arm->member->is_default_arm ? labels_cond(f, n, taglv, true)
					: xi_aprintf(f->a, "%s == %s", taglv,
						     mt_literal(f->a, arm->member->labels->value,
								n->tag->nsize, n->tag->nsigned));
				struct where aw = *w;
				aw.cond = strcmp(w->cond, "1") ? xi_aprintf(f->a, "%s && %s", w->cond, sel) : sel;
				probe_ranges(f, arm->body, &aw);
			}
			continue;
		}
		if (n->kind != MP_SCALAR || n->cls == MP_CHAR || n->reserved)
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
			if (xi_int_add(mt_type_max(to, to_s), one, &v) == XI_INT_OK &&
			    xi_int_cmp(v, mt_type_max(from, from_s)) <= 0)
				cand[nc++] = v;
			if (xi_int_sub(mt_type_min(to, to_s), one, &v) == XI_INT_OK &&
			    xi_int_cmp(v, mt_type_min(from, from_s)) >= 0)
				cand[nc++] = v;
			for (unsigned c = 0; c < nc; c++) {
				char num[32];
				xi_int_format(cand[c], num);
				unsigned ind = probe_begin(f, w, n, n->path);
				if (!dir) {
					const char *lit = mt_literal(f->a, cand[c], n->nsize, n->nsigned);
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

/* --- One type --------------------------------------------------------------- */

static const char *kw(const struct xi_decl *d)
{
	return d->kind == XI_DECL_UNION ? "union" : "struct";
}

/* The fill function and the test function of a type for one host. */
static const char *host_test_text(struct tgen *g, const struct xi_module *m,
				  const struct xi_decl *d, int host, const char *id)
{
	const char *t = xi_c_decl_name(d);
	xi_abi_mask abis = xi_module_abis(g->ctx, m);
	xi_abi_mask compat = d->legacy ? mp_compatible_abis(g->ctx, d, host, abis) : XI_ABI_BIT(host);
	struct mp_plan *plan = mp_build(g->ctx, d, host, host, compat);
	if (!plan) /* A host always translates its own layout; never reached. */
		return xi_aprintf(g->a, "#error \"xenidl: no marshalling plan for %s\"\n", t);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	unsigned depth = plan->max_depth;
	/* The compat plans can nest no deeper than the host's. */
	struct tfn f = { g->a, &sb, plan, xi_aprintf(g->a, "fill_%s", id), "v->", "(*v)",
			 counters(g->a, depth), NULL, NULL, NULL, NULL, false };

	xi_sb_printf(&sb, "static void fill_%s(%s %s *v, int narrow)\n{\n", id, kw(d), t);
	xi_sb_adds(&sb, "\tmemset(v, 0, sizeof(*v));\n");
	size_t before = sb.len;
	fill_nodes(&f, plan->body, 1);
	if (!strstr(sb.data + before, "narrow"))
		xi_sb_adds(&sb, "\t(void)narrow;\n");
	xi_sb_adds(&sb, "}\n\n");

	xi_sb_printf(&sb, "static void test_%s(unsigned iterations)\n{\n", id);
	xi_sb_printf(&sb, "\t%s %s v, w;\n", kw(d), t);
	xi_sb_adds(&sb, "\tstruct xenidl_error e;\n\tchar path[XENIDL_PATH_MAX];\n");
	xi_sb_printf(&sb, "\tsize_t n = %u;\n", (unsigned)plan->wsize);
	xi_sb_adds(&sb, "\tunsigned char *buf = xmalloc(n), *buf2 = xmalloc(n);\n\n");
	xi_sb_printf(&sb, "\tcur_type = \"%s\";\n", t);
	xi_sb_adds(&sb, "\t(void)path;\n");
	xi_sb_adds(&sb, "\tfor (unsigned it = 0; it < iterations; it++) {\n");
	xi_sb_printf(&sb, "\t\tfill_%s(&v, 0);\n", id);
	xi_sb_printf(&sb, "\t\tok_rc(%s_check(&v, ALL, &e), &e, \"check of a valid value\");\n", t);
	xi_sb_adds(&sb, "\t\tmemset(buf, 0xa5, n);\n");
	xi_sb_printf(&sb, "\t\tok_rc(%s_encode(&v, buf, n, ALL, &e), &e, \"encode\");\n", t);
	xi_sb_adds(&sb, "\t\tmemset(&w, 0x5a, sizeof(w));\n");
	xi_sb_printf(&sb, "\t\tok_rc(%s_decode(&w, buf, n, ALL, &e), &e, \"decode\");\n", t);
	xi_sb_adds(&sb, "\t\twant_same(&v, &w, sizeof(v), \"decode(encode(v)) == v\");\n");
	xi_sb_adds(&sb, "\t\tmemset(buf2, 0x3c, n);\n");
	xi_sb_printf(&sb, "\t\tok_rc(%s_encode(&w, buf2, n, ALL, &e), &e, \"encode of the decoded value\");\n", t);
	xi_sb_adds(&sb, "\t\twant_same(buf, buf2, n, \"encode writes every byte the same way\");\n");
	xi_sb_adds(&sb, "\t\tfor (unsigned fl = 0; fl < ALL; fl++)\n");
	xi_sb_printf(&sb, "\t\t\tok_rc(%s_decode(&w, buf, n, fl, &e), &e, \"decode with one direction\");\n", t);
	if (d->legacy) {
		XI_FOR_EACH_ABI(a, compat) {
			const char *abi = xi_abis[a].c_constant;
			xi_sb_adds(&sb, "\t\t{\n");
			xi_sb_printf(&sb, "\t\t\tsize_t an = %s_wire_size_abi(%s);\n", t, abi);
			xi_sb_adds(&sb, "\t\t\tunsigned char *ab = xmalloc(an), *ab2 = xmalloc(an);\n");
			xi_sb_printf(&sb, "\t\t\tfill_%s(&v, 1);\n", id);
			xi_sb_printf(&sb, "\t\t\tok_rc(%s_encode_abi(&v, ab, an, %s, ALL, &e), &e, \"encode for %s\");\n",
				     t, abi, xi_abis[a].name);
			xi_sb_adds(&sb, "\t\t\tmemset(&w, 0x5a, sizeof(w));\n");
			xi_sb_printf(&sb, "\t\t\tok_rc(%s_decode_abi(&w, ab, an, %s, ALL, &e), &e, \"decode from %s\");\n",
				     t, abi, xi_abis[a].name);
			xi_sb_printf(&sb, "\t\t\twant_same(&v, &w, sizeof(v), \"round trip through %s\");\n",
				     xi_abis[a].name);
			xi_sb_printf(&sb, "\t\t\tok_rc(%s_encode_abi(&w, ab2, an, %s, ALL, &e), &e, \"encode again\");\n",
				     t, abi);
			xi_sb_printf(&sb, "\t\t\twant_same(ab, ab2, an, \"%s image is stable\");\n", xi_abis[a].name);
			xi_sb_adds(&sb, "\t\t\tfree(ab);\n\t\t\tfree(ab2);\n\t\t}\n");
		}
	}
	xi_sb_adds(&sb, "\t}\n");

	/* A short buffer. */
	if (plan->wsize) {
		xi_sb_printf(&sb, "\tfill_%s(&v, 0);\n", id);
		xi_sb_printf(&sb, "\tok_rc(%s_encode(&v, buf, n, ALL, &e), &e, \"encode\");\n", t);
		xi_sb_printf(&sb, "\twant_err(%s_decode(&w, buf, n - 1, ALL, &e), &e, XENIDL_ESHORT, \"\", n - 1, \"short buffer\");\n", t);
		xi_sb_printf(&sb, "\twant_err(%s_encode(&v, buf2, n - 1, ALL, &e), &e, XENIDL_ESHORT, \"\", n - 1, \"short buffer\");\n", t);
	}

	/* Rejections. */
	f.root = "v.";
	f.whole = "v";
	f.decode = xi_aprintf(g->a, "%s_decode(", t);
	f.encode = xi_aprintf(g->a, "%s_encode(", t);
	f.check = xi_aprintf(g->a, "%s_check(", t);
	f.wargs = "buf, n, ALL";
	struct where w = { "1", NULL, 0, 1 };
	probe_nodes(&f, plan->body, &w);

	if (d->legacy) {
		xi_sb_printf(&sb, "\twant_err(%s_decode_abi(&w, buf, n, -1, ALL, &e), &e, XENIDL_EABI, \"\", 0, \"unknown ABI\");\n", t);
		xi_sb_printf(&sb, "\twant_err(%s_encode_abi(&v, buf, n, XENIDL_ABI_COUNT, ALL, &e), &e, XENIDL_EABI, \"\", 0, \"unknown ABI\");\n", t);
		/* Range probes, once per distinct wire layout. */
		const char *seen[XI_ABI_COUNT];
		unsigned nseen = 0;
		XI_FOR_EACH_ABI(a, compat) {
			if (a == host)
				continue;
			struct mp_plan *wp = mp_build(g->ctx, d, host, a, XI_ABI_BIT(a));
			struct xi_strbuf psb = XI_STRBUF_INIT;
			struct tfn pf = f;
			pf.sb = &psb;
			pf.plan = wp;
			pf.narrow = true;
			pf.idx = counters(g->a, wp->max_depth);
			pf.decode = xi_aprintf(g->a, "%s_decode_abi(", t);
			pf.encode = xi_aprintf(g->a, "%s_encode_abi(", t);
			pf.wargs = "buf, n, abi, ALL";
			struct where pw = { "1", NULL, 0, 2 };
			probe_ranges(&pf, wp->body, &pw);
			size_t psb_len = psb.len;
			const char *text = xi_aprintf(g->a, "\t\tsize_t n = %u;\n"
						      "\t\tunsigned char *buf = xmalloc(n);\n%s",
						      (unsigned)wp->wsize, xi_sb_str(&psb));
			xi_sb_free(&psb);
			bool dup = !psb_len;
			for (unsigned i = 0; i < nseen && !dup; i++)
				if (!strcmp(seen[i], text))
					dup = true;
			if (dup)
				continue;
			seen[nseen++] = text;
			xi_sb_printf(&sb, "\t{\n\t\tint abi = %s;\n", xi_abis[a].c_constant);
			xi_sb_adds(&sb, text);
			xi_sb_adds(&sb, "\t\tfree(buf);\n\t}\n");
		}
		XI_FOR_EACH_ABI(a, abis & ~compat)
			xi_sb_printf(&sb, "\twant_err(%s_decode_abi(&w, buf, n, %s, ALL, &e), &e, XENIDL_EABI, \"\", 0, \"no translation from %s\");\n",
				     t, xi_abis[a].c_constant, xi_abis[a].name);
	}
	xi_sb_adds(&sb, "\tfree(buf);\n\tfree(buf2);\n}\n");
	const char *r = xi_strdup(g->a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* The fuzz entry of a type for one host. */
static const char *host_fuzz_text(struct tgen *g, const struct xi_decl *d, int host, const char *id)
{
	const char *t = xi_c_decl_name(d);
	struct mp_plan *plan = mp_build(g->ctx, d, host, host, XI_ABI_BIT(host));
	if (!plan) /* A host always translates its own layout; never reached. */
		return xi_aprintf(g->a, "#error \"xenidl: no marshalling plan for %s\"\n", t);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_sb_printf(&sb, "static void fuzz_%s(const uint8_t *data, size_t size, unsigned flags, int abi)\n{\n", id);
	xi_sb_printf(&sb, "\t%s %s v, w;\n\tstruct xenidl_error e;\n\tint rc;\n\tsize_t n;\n", kw(d), t);
	xi_sb_adds(&sb, "\tunsigned char *b, *b2;\n\n");
	xi_sb_adds(&sb, "\t/* Any bytes as a native value: check must not crash. */\n");
	xi_sb_adds(&sb, "\tmemset(&v, 0, sizeof(v));\n\tmemcpy(&v, data, size < sizeof(v) ? size : sizeof(v));\n");
	xi_sb_printf(&sb, "\t(void)%s_check(&v, flags, &e);\n", t);
	if (d->legacy) {
		xi_sb_printf(&sb, "\tn = abi < 0 ? %u : %s_wire_size_abi(abi);\n", (unsigned)plan->wsize, t);
		xi_sb_printf(&sb, "\trc = abi < 0 ? %s_decode(&v, data, size, flags, &e)\n"
			     "\t\t : %s_decode_abi(&v, data, size, abi, flags, &e);\n", t, t);
	} else {
		xi_sb_printf(&sb, "\t(void)abi;\n\tn = %u;\n", (unsigned)plan->wsize);
		xi_sb_printf(&sb, "\trc = %s_decode(&v, data, size, flags, &e);\n", t);
	}
	xi_sb_adds(&sb, "\tif (rc) {\n\t\tif (rc != e.code || rc > 0)\n\t\t\tabort();\n\t\treturn;\n\t}\n");
	xi_sb_printf(&sb, "\tif (%s_check(&v, flags, &e))\n\t\tabort();\n", t);
	xi_sb_adds(&sb, "\tb = malloc(n ? n : 1);\n\tb2 = malloc(n ? n : 1);\n\tif (!b || !b2)\n\t\tabort();\n");
	const char *enc = d->legacy ? xi_aprintf(g->a, "(abi < 0 ? %s_encode(&v, b, n, flags, &e) : %s_encode_abi(&v, b, n, abi, flags, &e))", t, t)
				    : xi_aprintf(g->a, "%s_encode(&v, b, n, flags, &e)", t);
	const char *dec = d->legacy ? xi_aprintf(g->a, "(abi < 0 ? %s_decode(&w, b, n, flags, &e) : %s_decode_abi(&w, b, n, abi, flags, &e))", t, t)
				    : xi_aprintf(g->a, "%s_decode(&w, b, n, flags, &e)", t);
	const char *enc2 = d->legacy ? xi_aprintf(g->a, "(abi < 0 ? %s_encode(&w, b2, n, flags, &e) : %s_encode_abi(&w, b2, n, abi, flags, &e))", t, t)
				     : xi_aprintf(g->a, "%s_encode(&w, b2, n, flags, &e)", t);
	xi_sb_printf(&sb, "\tif (%s)\n\t\tabort();\n", enc);
	xi_sb_adds(&sb, "\tmemset(&w, 0x5a, sizeof(w));\n");
	xi_sb_printf(&sb, "\tif (%s)\n\t\tabort();\n", dec);
	xi_sb_adds(&sb, "\tif (memcmp(&v, &w, sizeof(v)))\n\t\tabort();\n");
	xi_sb_printf(&sb, "\tif (%s)\n\t\tabort();\n", enc2);
	xi_sb_adds(&sb, "\tif (memcmp(b, b2, n))\n\t\tabort();\n");
	xi_sb_adds(&sb, "\tfree(b);\n\tfree(b2);\n}\n");
	const char *r = xi_strdup(g->a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}

/* --- Files ------------------------------------------------------------------ */

typedef const char *(*host_text_fn)(struct tgen *g, const struct xi_module *m,
				    const struct xi_decl *d, int host, const char *id);

static const char *fuzz_text_adapter(struct tgen *g, const struct xi_module *m,
				     const struct xi_decl *d, int host, const char *id)
{
	(void)m;
	return host_fuzz_text(g, d, host, id);
}

static const char *decl_id(struct tgen *g, const struct xi_module *m, const struct xi_decl *d)
{
	return xi_aprintf(g->a, "%s__%s", mt_ident(g->a, m->rel), xi_c_decl_name(d));
}

/* A module's condition (arch-* modules), or NULL. */
static const char *module_cond(struct tgen *g, const struct xi_module *m)
{
	xi_abi_mask abis = xi_module_abis(g->ctx, m);
	return abis == g->ctx->opt.abis ? NULL : mt_abi_condition(g->a, abis);
}

static void emit_includes(struct tgen *g, struct xi_out *o)
{
	for (unsigned i = 0; i < g->ctx->ninputs; i++) {
		const struct xi_module *m = g->ctx->inputs[i];
		const char *cond = module_cond(g, m);
		if (cond)
			xi_out_printf(o, "#if %s\n", cond);
		xi_out_printf(o, "#include \"%s_marshal.h\"\n", m->rel);
		if (cond)
			xi_out_puts(o, "#endif\n");
	}
}

/* Every type's per-host text, and into `calls` the lines that use it
 * (`before` + type id + `after`) under the same conditions. */
static void emit_types(struct tgen *g, struct xi_out *o, host_text_fn fn, const char *before,
		       const char *after, struct xi_strbuf *calls)
{
	for (unsigned i = 0; i < g->ctx->ninputs; i++) {
		const struct xi_module *m = g->ctx->inputs[i];
		xi_abi_mask abis = xi_module_abis(g->ctx, m);
		const char *cond = module_cond(g, m);
		for (unsigned k = 0; k < m->ndecls; k++) {
			const struct xi_decl *d = m->sorted[k];
			if (!xi_decl_is_aggregate(d))
				continue;
			const char *id = decl_id(g, m, d);
			const char *texts[XI_ABI_COUNT];
			XI_FOR_EACH_ABI(a, abis)
				texts[a] = fn(g, m, d, a, id);
			struct mt_group groups[XI_ABI_COUNT];
			unsigned n = mt_group(groups, abis, texts);
			xi_out_printf(o, "\n/* --- %s %s (%s) --- */\n\n", kw(d), xi_c_decl_name(d), m->rel);
			if (cond)
				xi_out_printf(o, "#if %s\n", cond);
			mt_emit_chain(o, g->a, groups, n, abis, NULL);
			if (cond)
				xi_out_puts(o, "#endif\n");
			if (cond)
				xi_sb_printf(calls, "#if %s\n", cond);
			xi_sb_printf(calls, "%s%s%s", before, id, after);
			if (cond)
				xi_sb_adds(calls, "#endif\n");
		}
	}
}

static void emit_test_file(struct tgen *g, struct xi_out *o)
{
	xi_out_puts(o, "/*\n"
		    " * Self-tests of the code xenidl -l marshal generates for:\n");
	for (unsigned i = 0; i < g->ctx->ninputs; i++)
		xi_out_printf(o, " *   %s\n", g->ctx->inputs[i]->rel);
	xi_out_puts(o, " *\n"
		    " * Usage: xenidl_marshal_test [ITERATIONS [SEED]]. Exit status 1 on a failure.\n"
		    " * Generated by xenidl (-l marshal-test). Do not edit.\n"
		    " */\n");
	xi_out_puts(o, test_prelude);
	xi_out_putc(o, '\n');
	emit_includes(g, o);
	struct xi_strbuf calls = XI_STRBUF_INIT;
	emit_types(g, o, host_test_text, "\ttest_", "(iterations);\n\ttypes++;\n", &calls);
	xi_out_puts(o, "\nint main(int argc, char **argv)\n{\n"
		    "\tunsigned iterations = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 200;\n"
		    "\tunsigned types = 0;\n\n"
		    "\tif (argc > 2)\n\t\trng_state = strtoull(argv[2], NULL, 0) | 1;\n");
	xi_out_puts(o, xi_sb_str(&calls));
	xi_out_puts(o, "\tprintf(\"marshal tests (%s loads and stores): %u types, %lu checks, %lu failures\\n\",\n"
		    "\t       XENIDL_LOADSTORE, types, n_checks, n_failures);\n"
		    "\treturn n_failures ? 1 : 0;\n}\n");
	xi_sb_free(&calls);
}

static void emit_fuzz_file(struct tgen *g, struct xi_out *o)
{
	xi_out_puts(o, "/*\n"
		    " * libFuzzer harness for the code xenidl -l marshal generates for:\n");
	for (unsigned i = 0; i < g->ctx->ninputs; i++)
		xi_out_printf(o, " *   %s\n", g->ctx->inputs[i]->rel);
	xi_out_puts(o, " *\n"
		    " * Input: a byte choosing the type, a byte choosing the flags and the ABI,\n"
		    " * then the bytes to decode (exactly those: reading past them is a bug\n"
		    " * AddressSanitizer reports). Whatever decodes must check, encode and decode\n"
		    " * again to the same value.\n"
		    " * Generated by xenidl (-l marshal-test). Do not edit.\n"
		    " */\n"
		    "#include <stdint.h>\n#include <stdlib.h>\n#include <string.h>\n\n");
	emit_includes(g, o);
	struct xi_strbuf calls = XI_STRBUF_INIT;
	emit_types(g, o, fuzz_text_adapter, "\tfuzz_", ",\n", &calls);
	xi_out_puts(o, "\ntypedef void fuzz_fn(const uint8_t *data, size_t size, unsigned flags, int abi);\n\n"
		    "static fuzz_fn *const targets[] = {\n");
	xi_out_puts(o, xi_sb_str(&calls));
	xi_out_puts(o, "};\n\n"
		    "int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);\n\n"
		    "int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)\n{\n"
		    "\tsize_t ntargets = sizeof(targets) / sizeof(targets[0]);\n"
		    "\tif (size < 2 || !ntargets)\n\t\treturn 0;\n"
		    "\t/* Low bits: the flags; the rest: native (-1) or an ABI id. */\n"
		    "\tint abi = (int)(data[1] >> 2) % (XENIDL_ABI_COUNT + 1) - 1;\n"
		    "\ttargets[data[0] % ntargets](data + 2, size - 2, data[1] & 3u, abi);\n"
		    "\treturn 0;\n}\n");
	xi_sb_free(&calls);
}

static void emit_all_file(struct tgen *g, struct xi_out *o)
{
	xi_out_puts(o, "/*\n"
		    " * Every file xenidl -l marshal generated for these inputs, as one\n"
		    " * translation unit.\n"
		    " * Generated by xenidl (-l marshal-test). Do not edit.\n"
		    " */\n");
	for (unsigned i = 0; i < g->ctx->ninputs; i++)
		xi_out_printf(o, "#include \"%s_marshal.c\"\n", g->ctx->inputs[i]->rel);
}

void xi_emit_marshal_test(struct xi_ctx *ctx, const struct xi_gen_options *opt,
			  struct xi_outset *out)
{
	(void)opt;
	struct tgen g = { ctx, &ctx->arena };
	struct xi_out *t = xi_out_open(out, "xenidl_marshal_test.c");
	if (t)
		emit_test_file(&g, t);
	struct xi_out *z = xi_out_open(out, "xenidl_marshal_fuzz.c");
	if (z)
		emit_fuzz_file(&g, z);
	struct xi_out *all = xi_out_open(out, "xenidl_marshal_all.c");
	if (all)
		emit_all_file(&g, all);
}
