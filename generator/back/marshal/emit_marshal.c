/* The marshalling backend (-l marshal): for each input file a header and a
 * C file with, for every struct and union T,
 *   T_decode  read T's little-endian wire image into the native struct and
 *             check it;
 *   T_encode  check the native struct and write its wire image;
 *   T_check   check a native struct already in memory;
 *   T_WIRE_SIZE
 * and for @legacy types the compat translation T_decode_abi, T_encode_abi
 * and T_wire_size_abi. doc/marshal.md describes the API.
 *
 * The code of one type depends on the host ABI (which struct C declares)
 * and on the wire ABI (which offsets the buffer has). Each function is
 * generated for every host ABI from a plan (marshal_plan.h); hosts with
 * the same text share it, and the rest go in an #if chain, as in the C
 * headers. A host's text is kept as pieces (pieces.h): the functions in
 * it are made once, and neither copied into it nor compared again with
 * the other hosts' copies. */
#include "emit_marshal.h"

#include <stdlib.h>
#include <string.h>

#include "cnames.h"
#include "marshal_body.h"
#include "marshal_len.h"
#include "marshal_plan.h"
#include "marshal_text.h"
#include "pieces.h"
#include "refs.h"
#include "resolve.h"

/* --- Functions ------------------------------------------------------------ */

/* The body of a function made once, with what its wrapper needs to know
 * of it. T_decode of a type without the little-endian copy path and its
 * static translation "@" from the host's own layout (made to be compared
 * with the other wire ABIs') have the same body. */
struct made_body {
	const struct xi_mp_plan *plan;
	enum xi_mb_mode mode;
	bool fast;               /* the copy path applies */
	const char *text;
	size_t len;
	bool uses_p, uses_flags, uses_fail;
	bool uses_self;          /* the value: out, in or v */
};

/* A function made once, kept for the plans equal to its own: its text
 * after its name (parameters, the checks before the body, the body). It
 * is written under several names: T_decode, the static translations. */
struct made_function {
	const struct xi_mp_plan *plan;
	enum xi_mb_mode mode;
	bool fast;
	struct xi_pieces after_name;
};

/* What is made once per declaration. Its plans, by host and wire ABI:
 * T_decode, the compatibility test and the translations of
 * T_decode_abi and T_encode_abi all need them. And its functions: hosts
 * and wire ABIs whose plans are equal (xi_mp_same_plan) get the same code,
 * made once; for a @legacy type that is 84 functions made from a few
 * distinct plans. (The comparisons happen once per plan, in plan_of.) */
struct decl_memo {
	const struct xi_decl *decl;
	/* The plans and text made for the declaration: freed once it is
	 * written, so that the next one reuses the memory. */
	struct xi_arena arena;
	struct xi_mp_names names;   /* of its plans, in `arena` */
	/* For each ABI of the module, the first ABI with the same view of
	 * the declaration (xi_mp_same_view): plans are built for these only,
	 * the others share their nodes. */
	int view[XI_ABI_COUNT];
	struct xi_mp_plan *plan[XI_ABI_COUNT][XI_ABI_COUNT];   /* [host][wire] */
	bool built[XI_ABI_COUNT][XI_ABI_COUNT];
	/* The distinct plans: a plan equal to one made before (xi_mp_same_plan)
	 * is replaced by it, so that plans compare by address afterwards. */
	struct xi_mp_plan *distinct[XI_ABI_COUNT * XI_ABI_COUNT];
	/* For each, once asked for, the plan whose code without the copy
	 * path it shares (xi_mp_same_code): the plan from a wire ABI with the
	 * host's layout (whose translation is made to be compared with the
	 * others') has the code of the host's own plan. */
	const struct xi_mp_plan *same_code[XI_ABI_COUNT * XI_ABI_COUNT];
	unsigned ndistinct;
	struct made_function *made;
	unsigned nmade, cap_made;
	struct made_body *bodies;
	unsigned nbodies, cap_bodies;
	/* The memory of the texts of bodies and functions: buffers kept
	 * whole rather than copied to the arena (the big envelopes' texts
	 * are hundreds of kilobytes). */
	char **owned;
	unsigned nowned, cap_owned;
	struct xi_mb_memo body;     /* what its bodies share (arms, checks) */
	/* Where the short texts around the bodies are formatted before they
	 * are copied to the arena: one buffer for all, not one each. */
	struct xi_strbuf scratch;
};

struct mgen {
	struct xi_ctx *ctx;
	struct xi_arena *a;
	struct xi_module *module;
	xi_abi_mask abis;        /* ABIs the module exists on */
	struct decl_memo memo;   /* of the declaration being written */
};

/* Start the memo of a declaration (the made functions' array is kept). */
/* Free what the memo made for the last declaration. */
static void memo_clear(struct decl_memo *m)
{
	xi_mb_memo_reset(&m->body);
	for (unsigned i = 0; i < m->nowned; i++)
		free(m->owned[i]);
	m->nowned = 0;
	xi_mp_names_free(&m->names);
	/* The next declaration reuses the memory: freeing it would hand it
	 * back to the system, and touching it again costs page faults. */
	xi_arena_reset(&m->arena);
}

static bool same_view(const void *decl, int a, int b)
{
	return xi_mp_same_view(decl, a, b);
}

static void memo_reset(struct mgen *g, const struct xi_decl *d)
{
	struct decl_memo *m = &g->memo;
	memo_clear(m);
	xi_mp_names_init(&m->names, &m->arena);
	m->decl = d;
	memset(m->plan, 0, sizeof(m->plan));
	memset(m->built, 0, sizeof(m->built));
	m->ndistinct = 0;
	m->nmade = 0;
	m->nbodies = 0;
	struct xi_abi_group views[XI_ABI_COUNT];
	unsigned n = xi_abi_group(views, g->abis, same_view, d);
	for (unsigned i = 0; i < n; i++)
		XI_FOR_EACH_ABI(a, views[i].abis)
			m->view[a] = views[i].first;
}

/* The plan of the declaration for a host and a wire ABI (NULL when the
 * wire layout cannot be translated to the host's struct). */
static struct xi_mp_plan *plan_of(struct mgen *g, int host, int wire)
{
	struct decl_memo *m = &g->memo;
	if (m->built[host][wire])
		return m->plan[host][wire];
	int view_host = m->view[host], view_wire = m->view[wire];
	struct xi_mp_plan *plan;
	if (view_host == host && view_wire == wire) {
		plan = xi_mp_build_in(&m->arena, &m->names, g->ctx, m->decl, host, wire,
				   XI_ABI_BIT(wire));
	} else {
		/* The nodes of the plan of the ABIs with the same views. */
		const struct xi_mp_plan *same = plan_of(g, view_host, view_wire);
		plan = NULL;
		if (same) {
			plan = XI_NEW(&m->arena, struct xi_mp_plan);
			*plan = *same;
			plan->host = host;
			plan->wire = wire;
		}
	}
	if (plan) {
		unsigned i;
		for (i = 0; i < m->ndistinct; i++)
			if (xi_mp_same_plan(m->distinct[i], plan))
				break;
		if (i == m->ndistinct) {
			m->same_code[m->ndistinct] = NULL;
			m->distinct[m->ndistinct++] = plan;
		}
		plan = m->distinct[i];
	}
	m->built[host][wire] = true;
	m->plan[host][wire] = plan;
	return plan;
}

/* The wire ABIs a host can translate the declaration from and to. */
static xi_abi_mask compatible_abis(struct mgen *g, int host)
{
	xi_abi_mask ok = 0;
	XI_FOR_EACH_ABI(w, g->abis)
		if (plan_of(g, host, w))
			ok |= XI_ABI_BIT(w);
	return ok;
}

static const char *kw(const struct xi_decl *d)
{
	return d->kind == XI_DECL_UNION ? "union" : "struct";
}


/* The text of a buffer, whose memory the memo now owns. */
static const char *keep(struct decl_memo *m, struct xi_strbuf *sb)
{
	if (!sb->data)
		return "";
	if (m->nowned == m->cap_owned) {
		m->cap_owned = m->cap_owned ? m->cap_owned * 2 : 32;
		m->owned = xi_xrealloc(m->owned, sizeof(*m->owned) * m->cap_owned);
	}
	m->owned[m->nowned++] = sb->data;
	const char *text = sb->data;
	*sb = (struct xi_strbuf)XI_STRBUF_INIT;
	return text;
}

/* The plan whose code without the copy path is that of `plan` (from
 * plan_of): the host's own plan for a translation equal to it but for
 * the copy path, else the plan itself. */
static const struct xi_mp_plan *same_code(struct mgen *g, const struct xi_mp_plan *plan)
{
	struct decl_memo *m = &g->memo;
	if (plan->host == plan->wire)
		return plan;
	for (unsigned i = 0; i < m->ndistinct; i++) {
		if (m->distinct[i] != plan)
			continue;
		if (!m->same_code[i]) {
			const struct xi_mp_plan *own = plan_of(g, plan->host, plan->host);
			m->same_code[i] = xi_mp_same_code(own, plan) ? own : plan;
		}
		return m->same_code[i];
	}
	return plan;
}

/* The body of a function (statements only), made once per plan, mode and
 * path. */
static const struct made_body *body_of(struct mgen *g, const struct xi_mp_plan *plan,
				       enum xi_mb_mode mode, bool fast)
{
	struct decl_memo *m = &g->memo;
	fast = fast && xi_mb_has_fast_path(plan, mode);
	if (!fast)
		plan = same_code(g, plan);
	for (unsigned i = 0; i < m->nbodies; i++) {
		const struct made_body *b = &m->bodies[i];
		if (b->plan == plan && b->mode == mode && b->fast == fast)
			return b;
	}
	if (m->nbodies == m->cap_bodies) {
		m->cap_bodies = m->cap_bodies ? m->cap_bodies * 2 : 16;
		m->bodies = xi_xrealloc(m->bodies, sizeof(*m->bodies) * m->cap_bodies);
	}
	struct made_body *b = &m->bodies[m->nbodies++];
	struct xi_strbuf sb = XI_STRBUF_INIT;
	xi_mb_body(&sb, &m->arena, plan, mode, fast, &m->body);
	size_t len = sb.len;
	const char *text = keep(m, &sb);
	const char *self = mode == XI_MB_DECODE ? "out" : mode == XI_MB_ENCODE ? "in" : "v";
	*b = (struct made_body){ plan, mode, fast, text, len, strstr(text, "p + ") != NULL,
				 strstr(text, "(flags &") != NULL,
				 strstr(text, "xenidl_fail(err") != NULL, xi_mb_uses_ident(text, self) };
	return b;
}

/* The text formatted in sb (the memo's scratch) so far, moved to the end
 * of `text`: the scratch is empty again for the next user. */
static void add_formatted(struct mgen *g, struct xi_pieces *text, struct xi_strbuf *sb)
{
	struct xi_arena *a = &g->memo.arena;
	xi_pieces_addn(a, text, xi_strndup(a, xi_sb_str(sb), sb->len), sb->len);
	xi_sb_reset(sb);
}

/* The text of a decode, encode or check function after its name;
 * `fast` allows the little-endian copy (T_decode and T_encode). */
static void function_text(struct mgen *g, struct xi_pieces *text, const struct xi_mp_plan *plan,
			  enum xi_mb_mode mode, bool fast)
{
	const struct xi_decl *d = plan->decl;
	const char *t = xi_c_decl_name(d);
	struct xi_arena *a = &g->memo.arena;
	const struct made_body *made = body_of(g, plan, mode, fast);
	const char *self = mode == XI_MB_DECODE ? "out" : mode == XI_MB_ENCODE ? "in" : "v";
	/* The fixed parts are appended as they are, not formatted: there
	 * are thousands of these functions. */
	struct xi_strbuf *sb = &g->memo.scratch;
	xi_sb_printf(sb, "(%s%s %s ", mode == XI_MB_DECODE ? "" : "const ", kw(d), t);
	switch (mode) {
	case XI_MB_DECODE:
		xi_sb_adds(sb, "*out, const void *buf, size_t len,\n");
		break;
	case XI_MB_ENCODE:
		xi_sb_adds(sb, "*in, void *buf, size_t len,\n");
		break;
	case XI_MB_CHECK:
		xi_sb_adds(sb, "*v,\n");
		break;
	}
	xi_sb_adds(sb, "\tunsigned flags, struct xenidl_error *err)\n{\n");
	if (mode != XI_MB_CHECK) {
		if (made->uses_p)
			xi_sb_adds(sb, mode == XI_MB_DECODE
				   ? "\tconst unsigned char *p = (const unsigned char *)buf;\n\n"
				   : "\tunsigned char *p = (unsigned char *)buf;\n\n");
		else
			xi_sb_adds(sb, "\t(void)buf;\n");
		if (plan->wsize) {
			/* \tif (len < N)
			 * \t\treturn xenidl_fail(err, XENIDL_ESHORT, "T", "", len, N, NULL); */
			xi_sb_adds(sb, "\tif (len < ");
			xi_sb_add_u32(sb, plan->wsize);
			xi_sb_adds(sb, ")\n\t\treturn xenidl_fail(err, XENIDL_ESHORT, \"");
			xi_sb_adds(sb, t);
			xi_sb_adds(sb, "\", \"\", len, ");
			xi_sb_add_u32(sb, plan->wsize);
			xi_sb_adds(sb, ", NULL);\n");
		} else {
			xi_sb_adds(sb, "\t(void)len;\n");
		}
	}
	bool uses_self = made->uses_self;
	/* The length relations, checked once the value is complete. */
	struct xi_strbuf lens = XI_STRBUF_INIT;
	if (xi_ml_checks(&lens, a, plan, mode))
		uses_self = true;
	bool lens_flags = strstr(xi_sb_str(&lens), "(flags &") != NULL;
	bool lens_fail = lens.len != 0;
	if (mode == XI_MB_DECODE && plan->native_holes && plan->nsize) {
		xi_sb_adds(sb, "\txenidl_zero(out, sizeof(*out));\n");
		uses_self = true;
	}
	if (!uses_self)
		xi_sb_printf(sb, "\t(void)%s;\n", self);
	if (!made->uses_flags && !lens_flags)
		xi_sb_adds(sb, "\t(void)flags;\n");
	if (!made->uses_fail && !lens_fail && (mode == XI_MB_CHECK || !plan->wsize))
		xi_sb_adds(sb, "\t(void)err;\n");
	add_formatted(g, text, sb);
	xi_pieces_addn(a, text, made->text, made->len);
	if (lens.len)
		xi_pieces_addn(a, text, xi_strndup(a, xi_sb_str(&lens), lens.len), lens.len);
	xi_sb_free(&lens);
	xi_pieces_adds(a, text, "\treturn 0;\n}\n");
}

/* Append a whole function named `name` to `text`: what follows the name
 * is made once per distinct plan of the declaration (plan_of gives equal
 * plans one address). */
static void add_function(struct mgen *g, struct xi_pieces *text, const struct xi_mp_plan *plan,
			 enum xi_mb_mode mode, const char *name, bool is_static, bool fast)
{
	struct decl_memo *m = &g->memo;
	xi_pieces_adds(&m->arena, text, is_static ? "static int " : "int ");
	xi_pieces_adds(&m->arena, text, name);
	for (unsigned i = 0; i < m->nmade; i++) {
		const struct made_function *f = &m->made[i];
		if (f->mode == mode && f->fast == fast && f->plan == plan) {
			xi_pieces_add_all(&m->arena, text, &f->after_name);
			return;
		}
	}
	if (m->nmade == m->cap_made) {
		m->cap_made = m->cap_made ? m->cap_made * 2 : 16;
		m->made = xi_xrealloc(m->made, sizeof(*m->made) * m->cap_made);
	}
	struct made_function *f = &m->made[m->nmade++];
	*f = (struct made_function){ plan, mode, fast, XI_PIECES_INIT };
	function_text(g, &f->after_name, plan, mode, fast);
	xi_pieces_add_all(&m->arena, text, &f->after_name);
}

/* Whether two ABIs have equal texts, as lists of pieces (data: the
 * texts, by ABI). */
static bool same_pieces(const void *data, int a, int b)
{
	const struct xi_pieces *texts = data;
	return xi_pieces_equal(&texts[a], &texts[b]);
}

/* Dispatch of T_decode_abi / T_encode_abi for one host: the wire ABIs
 * with the host's own text go to T_decode; the others to static
 * translations, one per distinct text. */
static void abi_dispatch(struct mgen *g, struct xi_pieces *text, const struct xi_decl *d,
			 int host, enum xi_mb_mode mode)
{
	const char *t = xi_c_decl_name(d);
	const char *op = mode == XI_MB_DECODE ? "decode" : "encode";
	struct xi_arena *a = &g->memo.arena;
	xi_abi_mask compat = compatible_abis(g, host);
	/* The translations, under a name of their own to be compared by. */
	struct xi_pieces texts[XI_ABI_COUNT];
	XI_FOR_EACH_ABI(w, compat) {
		texts[w] = (struct xi_pieces)XI_PIECES_INIT;
		/* Without the fast path: a wire ABI with the host's layout has
		 * the host's text, and goes to T_decode/T_encode. */
		add_function(g, &texts[w], plan_of(g, host, w), mode, "@", true, false);
	}
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group(groups, compat, same_pieces, texts);
	const char **callee = XI_NEW_ARRAY(a, const char *, n ? n : 1);
	struct xi_strbuf *sb = &g->memo.scratch;
	for (unsigned i = 0; i < n; i++) {
		if (groups[i].abis & XI_ABI_BIT(host)) {
			callee[i] = xi_aprintf(a, "%s_%s", t, op);
			continue;
		}
		callee[i] = xi_aprintf(a, "%s_%s_%s", t, op, xi_abis[groups[i].first].name);
		xi_sb_printf(sb, "\n/* %s %s from the wire layout of ", kw(d), t);
		bool comma = false;
		XI_FOR_EACH_ABI(w, groups[i].abis) {
			if (comma)
				xi_sb_adds(sb, ", ");
			xi_sb_adds(sb, xi_abis[w].name);
			comma = true;
		}
		xi_sb_adds(sb, mode == XI_MB_DECODE ? " */\n" : " (encode) */\n");
		add_formatted(g, text, sb);
		/* The same text, under its own name. */
		add_function(g, text, plan_of(g, host, groups[i].first), mode, callee[i], true, false);
	}
	xi_sb_adds(sb, "\n");
	if (mode == XI_MB_DECODE)
		xi_sb_printf(sb, "int %s_decode_abi(%s %s *out, const void *buf, size_t len, int abi,\n",
			     t, kw(d), t);
	else
		xi_sb_printf(sb, "int %s_encode_abi(const %s %s *in, void *buf, size_t len, int abi,\n",
			     t, kw(d), t);
	xi_sb_adds(sb, "\tunsigned flags, struct xenidl_error *err)\n{\n"
		   "\tswitch (abi) {\n");
	for (unsigned i = 0; i < n; i++) {
		XI_FOR_EACH_ABI(w, groups[i].abis) {
			xi_sb_adds(sb, "\tcase ");
			xi_sb_adds(sb, xi_abis[w].c_constant);
			xi_sb_adds(sb, ":\n");
		}
		xi_sb_adds(sb, "\t\treturn ");
		xi_sb_adds(sb, callee[i]);
		xi_sb_adds(sb, mode == XI_MB_DECODE ? "(out, buf, len, flags, err);\n"
						: "(in, buf, len, flags, err);\n");
	}
	xi_sb_printf(sb, "\tdefault:\n"
		     "\t\treturn xenidl_fail(err, XENIDL_EABI, \"%s\", \"\", 0, (uint64_t)abi, NULL);\n"
		     "\t}\n}\n", t);
	add_formatted(g, text, sb);
}

/* Everything of one type for one host ABI, appended to `text`. */
static void host_text(struct mgen *g, struct xi_pieces *text, const struct xi_decl *d, int host)
{
	const char *t = xi_c_decl_name(d);
	struct xi_arena *a = &g->memo.arena;
	struct xi_mp_plan *plan = plan_of(g, host, host);
	if (!plan) { /* A host always translates its own layout; never reached. */
		xi_pieces_adds(a, text, xi_aprintf(a, "#error \"xenidl: no marshalling plan for %s\"\n", t));
		return;
	}
	add_function(g, text, plan, XI_MB_DECODE, xi_aprintf(a, "%s_decode", t), false, true);
	xi_pieces_adds(a, text, "\n");
	add_function(g, text, plan, XI_MB_ENCODE, xi_aprintf(a, "%s_encode", t), false, true);
	xi_pieces_adds(a, text, "\n");
	add_function(g, text, plan, XI_MB_CHECK, xi_aprintf(a, "%s_check", t), false, false);
	if (d->legacy) {
		abi_dispatch(g, text, d, host, XI_MB_DECODE);
		abi_dispatch(g, text, d, host, XI_MB_ENCODE);
	}
}

static bool same_size(const void *agg, int a, int b)
{
	const struct xi_agg *x = agg;
	return x->lay[a].size == x->lay[b].size;
}

/* For each ABI of the module, the text made of the declaration's size on
 * it by `make`, made once per distinct size: ABIs of one size then share
 * one string, which groups them at once. */
static void texts_by_size(struct mgen *g, const struct xi_decl *d, const char **texts,
			  const char *(*make)(struct mgen *, const struct xi_decl *, uint32_t))
{
	struct xi_abi_group sizes[XI_ABI_COUNT];
	unsigned n = xi_abi_group(sizes, g->abis, same_size, d->agg);
	for (unsigned i = 0; i < n; i++) {
		const char *text = make(g, d, d->agg->lay[sizes[i].first].size);
		XI_FOR_EACH_ABI(a, sizes[i].abis)
			texts[a] = text;
	}
}

static const char *size_text(struct mgen *g, const struct xi_decl *d, uint32_t size)
{
	(void)d;
	char digits[XI_U32_DIGITS];
	return xi_strndup(g->a, digits, xi_u32_format(size, digits));
}

static void emit_wire_size_abi(struct mgen *g, struct xi_out *o, const struct xi_decl *d)
{
	const char *t = xi_c_decl_name(d);
	const char *texts[XI_ABI_COUNT];
	texts_by_size(g, d, texts, size_text);
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group_by_text(groups, g->abis, texts);
	xi_out_printf(o, "\nsize_t %s_wire_size_abi(int abi)\n{\n\tswitch (abi) {\n", t);
	for (unsigned i = 0; i < n; i++) {
		XI_FOR_EACH_ABI(w, groups[i].abis) {
			xi_out_puts(o, "\tcase ");
			xi_out_puts(o, xi_abis[w].c_constant);
			xi_out_puts(o, ":\n");
		}
		xi_out_printf(o, "\t\treturn %s;\n", groups[i].text);
	}
	xi_out_puts(o, "\tdefault:\n\t\treturn 0;\n\t}\n}\n");
}

/* --- Files ------------------------------------------------------------------ */

static const char *source_name(struct xi_arena *a, const struct xi_module *m)
{
	return xi_module_source_name(a, m);
}

static const char *guard_name(struct xi_arena *a, const char *rel)
{
	return xi_upper(a, xi_aprintf(a, "XENIDL_MARSHAL_%s_H", xi_mt_ident(a, rel)));
}

/* Modules of one architecture family (arch-*): their code is only for
 * that family's ABIs, so that every generated file can be compiled
 * everywhere. NULL for modules of every ABI. */
static const char *module_condition(struct mgen *g)
{
	if (g->abis == g->ctx->opt.abis)
		return NULL;
	return xi_c_abi_condition(g->a, g->abis);
}

/* A declaration under defined(NAME) exists on some of the module's ABIs
 * only: narrow g->abis to them and return their condition (the caller
 * writes it; NULL when it is the module's). The caller restores g->abis. */
static const char *narrow_to_decl(struct mgen *g, const struct xi_decl *d)
{
	xi_abi_mask abis = g->abis & xi_decl_abis(g->ctx, d);
	if (abis == g->abis)
		return NULL;
	g->abis = abis;
	return xi_c_abi_condition(g->a, abis);
}

static bool has_aggregates(const struct xi_module *m)
{
	for (unsigned i = 0; i < m->ndecls; i++)
		if (xi_decl_is_aggregate(m->sorted[i]) && !m->sorted[i]->c_only)
			return true;
	return false;
}

static const char *wire_size_define(struct mgen *g, const struct xi_decl *d, uint32_t size)
{
	return xi_aprintf(g->a, "#define %s_WIRE_SIZE %u\n", xi_c_decl_name(d), (unsigned)size);
}

static void emit_prototypes(struct mgen *g, struct xi_out *o, const struct xi_decl *d)
{
	const char *t = xi_c_decl_name(d);
	const char *k = kw(d);
	xi_out_printf(o, "\n/* %s %s */\n", k, t);
	const char *texts[XI_ABI_COUNT];
	texts_by_size(g, d, texts, wire_size_define);
	struct xi_abi_group groups[XI_ABI_COUNT];
	unsigned n = xi_abi_group_by_text(groups, g->abis, texts);
	xi_mt_emit_chain(o, g->a, groups, n, g->abis, NULL);
	xi_out_printf(o, "int %s_decode(%s %s *out, const void *buf, size_t len,\n"
		      "\tunsigned flags, struct xenidl_error *err);\n", t, k, t);
	xi_out_printf(o, "int %s_encode(const %s %s *in, void *buf, size_t len,\n"
		      "\tunsigned flags, struct xenidl_error *err);\n", t, k, t);
	xi_out_printf(o, "int %s_check(const %s %s *v,\n\tunsigned flags, struct xenidl_error *err);\n",
		      t, k, t);
	if (!d->legacy)
		return;
	xi_out_printf(o, "int %s_decode_abi(%s %s *out, const void *buf, size_t len, int abi,\n"
		      "\tunsigned flags, struct xenidl_error *err);\n", t, k, t);
	xi_out_printf(o, "int %s_encode_abi(const %s %s *in, void *buf, size_t len, int abi,\n"
		      "\tunsigned flags, struct xenidl_error *err);\n", t, k, t);
	xi_out_printf(o, "size_t %s_wire_size_abi(int abi);\n", t);
}

static void emit_header(struct mgen *g, struct xi_out *o)
{
	struct xi_module *m = g->module;
	const char *guard = guard_name(g->a, m->rel);
	const char *cond = module_condition(g);
	if (m->spdx)
		xi_out_printf(o, "/* SPDX-License-Identifier: %s */\n", m->spdx);
	xi_out_printf(o, "/*\n"
		      " * Marshalling code for %s: decode, encode and check the wire\n"
		      " * image of each type (see xenidl's doc/marshal.md).\n"
		      " *\n"
		      " * Generated by xenidl from %s. Do not edit.\n"
		      " */\n", source_name(g->a, m), source_name(g->a, m));
	xi_out_printf(o, "#ifndef %s\n#define %s\n\n", guard, guard);
	if (cond)
		xi_out_printf(o, "#if %s\n\n", cond);
	xi_out_puts(o, "#include <xenidl/runtime.h>\n");
	/* An ABI's header (arch-x86/xen-x86_64.h) through the header that
	 * includes it on that ABI, as Xen's is. */
	const char *parent = xi_module_abi_parent_rel(g->a, m);
	const char *header = parent ? parent : xi_module_c_rel(m);
	xi_out_printf(o, "#include \"%s.h\"\n", header);
	xi_ref_add(g->ctx, o, "includes", "c", xi_aprintf(g->a, "%s.h", header),
		   parent && m->abi_importer ? m->abi_importer : m);
	xi_out_puts(o, "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n");
	for (unsigned i = 0; i < m->ndecls; i++) {
		const struct xi_decl *d = m->sorted[i];
		if (!xi_decl_is_aggregate(d) || d->c_only)
			continue;
		xi_abi_mask module_abis = g->abis;
		const char *dcond = narrow_to_decl(g, d);
		if (dcond)
			xi_out_printf(o, "\n#if %s\n", dcond);
		emit_prototypes(g, o, d);
		if (dcond)
			xi_out_puts(o, "#endif\n");
		g->abis = module_abis;
	}
	xi_out_puts(o, "\n#ifdef __cplusplus\n}\n#endif\n");
	if (cond)
		xi_out_puts(o, "\n#endif\n");
	xi_out_printf(o, "\n#endif /* %s */\n", guard);
}

static void emit_source(struct mgen *g, struct xi_out *o)
{
	struct xi_module *m = g->module;
	const char *cond = module_condition(g);
	if (m->spdx)
		xi_out_printf(o, "/* SPDX-License-Identifier: %s */\n", m->spdx);
	xi_out_printf(o, "/*\n"
		      " * Marshalling code for %s (see xenidl's doc/marshal.md).\n"
		      " *\n"
		      " * Generated by xenidl from %s. Do not edit.\n"
		      " */\n", source_name(g->a, m), source_name(g->a, m));
	xi_out_printf(o, "#include \"%s_marshal.h\"\n", xi_mt_basename(m->rel));
	if (cond)
		xi_out_printf(o, "\n#if %s\n", cond);
	const char *fallback = "#error \"xenidl: no marshalling code for this ABI\"\n";
	for (unsigned i = 0; i < m->ndecls; i++) {
		const struct xi_decl *d = m->sorted[i];
		if (!xi_decl_is_aggregate(d) || d->c_only)
			continue;
		xi_out_printf(o, "\n/* --- %s %s --- */\n\n", kw(d), xi_c_decl_name(d));
		xi_abi_mask module_abis = g->abis;
		const char *dcond = narrow_to_decl(g, d);
		if (dcond)
			xi_out_printf(o, "#if %s\n", dcond);
		memo_reset(g, d);
		/* Hosts that see the declaration alike get the same plans,
		 * the same translations and so the same text. */
		struct xi_pieces texts[XI_ABI_COUNT];
		XI_FOR_EACH_ABI(a, g->abis) {
			texts[a] = (struct xi_pieces)XI_PIECES_INIT;
			if (g->memo.view[a] == a)
				host_text(g, &texts[a], d, a);
			else
				texts[a] = texts[g->memo.view[a]];
		}
		struct xi_abi_group groups[XI_ABI_COUNT];
		unsigned n = xi_abi_group(groups, g->abis, same_pieces, texts);
		/* As xi_mt_emit_chain writes strings. */
		if (n == 1 && groups[0].abis == g->abis) {
			xi_out_pieces(o, &texts[groups[0].first]);
		} else if (n) {
			for (unsigned k = 0; k < n; k++) {
				xi_mt_chain_branch(o, g->a, k, groups[k].abis);
				xi_out_pieces(o, &texts[groups[k].first]);
			}
			xi_mt_chain_end(o, fallback);
		}
		if (d->legacy)
			emit_wire_size_abi(g, o, d);
		if (dcond)
			xi_out_puts(o, "#endif\n");
		g->abis = module_abis;
	}
	/* ISO C wants at least one declaration in a file. */
	const char *empty = xi_aprintf(g->a, "typedef int xenidl_marshal_%s_unused;\n", xi_mt_ident(g->a, m->rel));
	if (!has_aggregates(m)) {
		if (cond)
			xi_out_puts(o, "\n#endif\n");
		xi_out_printf(o, "\n%s", empty);
	} else if (cond) {
		xi_out_printf(o, "\n#else\n%s#endif\n", empty);
	}
}

void xi_emit_marshal(struct xi_ctx *ctx, const struct xi_gen_options *opt, struct xi_outset *out)
{
	(void)opt;
	for (unsigned i = 0; i < ctx->ninputs; i++) {
		struct xi_module *m = ctx->inputs[i];
		struct mgen g = { .ctx = ctx, .a = &ctx->arena, .module = m,
				  .abis = xi_module_abis(ctx, m) };
		struct xi_out *h = xi_out_open(out, xi_aprintf(&ctx->arena, "%s_marshal.h", m->rel));
		if (h)
			emit_header(&g, h);
		struct xi_out *c = xi_out_open(out, xi_aprintf(&ctx->arena, "%s_marshal.c", m->rel));
		if (c)
			emit_source(&g, c);
		memo_clear(&g.memo);
		xi_arena_free(&g.memo.arena);
		free(g.memo.made);
		free(g.memo.bodies);
		free(g.memo.owned);
		xi_mb_memo_free(&g.memo.body);
		xi_sb_free(&g.memo.scratch);
	}
}
