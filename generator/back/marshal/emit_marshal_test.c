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
#include "emit_marshal.h"

#include <stdarg.h>
#include <string.h>

#include "cnames.h"
#include "marshal_len.h"
#include "marshal_plan.h"
#include "marshal_probe.h"
#include "marshal_text.h"
#include "refs.h"
#include "resolve.h"
#include "templates/templates.h"

struct tgen {
	struct xi_ctx *ctx;
	struct xi_arena *a;
};

/* --- One type --------------------------------------------------------------- */

static const char *kw(const struct xi_decl *d)
{
	return d->kind == XI_DECL_UNION ? "union" : "struct";
}

/* The fill function and the test function of a type for one host. */
/* The rejections of a declaration's top-level length relations: the
 * count one above its bound fails T_check, T_encode and T_decode with
 * XENIDL_ELEN; a flexible array of one element fails T_decode on a buffer
 * that ends with the fixed part, with XENIDL_ESHORT. */
static void length_probes(struct tgen *g, struct xi_strbuf *sb, const struct xi_decl *d,
			  const struct xi_mp_plan *plan, const char *id)
{
	const char *t = xi_c_decl_name(d);
	int host = plan->host;
	for (const struct xi_member *m = d->agg->members; m; m = m->next) {
		const struct xi_len *rel = xi_type_len(m->type);
		if (!rel || !rel->member || !xi_member_present(rel->member, host))
			continue;
		const struct xi_type *ct = xi_type_resolve(rel->member->type, host);
		if (!ct || ct->kind != XI_TYPE_PRIM)
			continue;
		unsigned size = xi_prim_size(ct->prim, host);
		bool is_signed = xi_prims[ct->prim].is_signed;
		uint64_t type_max = size >= 8 ? (is_signed ? INT64_MAX : UINT64_MAX)
					      : (UINT64_C(1) << (size * 8 - (is_signed ? 1 : 0))) - 1;
		const char *count = xi_member_c_name(rel->member);
		/* Checked whatever the direction: ALL. */
		uint64_t bound = rel->max_ok ? rel->max_value.mag : UINT64_MAX;
		if (m->type->kind == XI_TYPE_ARRAY && !xi_type_is_flex(m->type) &&
		    m->type->u.array.count < bound)
			bound = m->type->u.array.count;
		uint32_t off = xi_member_offset(rel->member, plan->wire);
		if (bound < type_max) {
			xi_sb_printf(sb, "\tfill_%s(&v, 0);\n", id);
			xi_sb_printf(sb, "\tv.%s = %llu;\n", count, (unsigned long long)bound + 1);
			xi_sb_printf(sb, "\twant_err(%s_check(&v, ALL, &e), &e, XENIDL_ELEN, \"%s\", %u, "
				     "\"count above its bound\");\n", t, count, (unsigned)off);
			xi_sb_printf(sb, "\twant_err(%s_encode(&v, buf, n, ALL, &e), &e, XENIDL_ELEN, \"%s\", "
				     "%u, \"count above its bound\");\n", t, count, (unsigned)off);
			xi_sb_printf(sb, "\twant_err(%s_decode(&w, buf, n, ALL, &e), &e, XENIDL_ELEN, \"%s\", "
				     "%u, \"decoded count above its bound\");\n", t, count, (unsigned)off);
		}
		if (is_signed) {
			xi_sb_printf(sb, "\tfill_%s(&v, 0);\n", id);
			xi_sb_printf(sb, "\tv.%s = -1;\n", count);
			xi_sb_printf(sb, "\twant_err(%s_check(&v, ALL, &e), &e, XENIDL_ELEN, \"%s\", %u, "
				     "\"negative count\");\n", t, count, (unsigned)off);
		}
		if (xi_type_is_flex(m->type)) {
			xi_sb_printf(sb, "\tfill_%s(&v, 0);\n", id);
			xi_sb_printf(sb, "\tv.%s = 1;\n", count);
			xi_sb_printf(sb, "\tok_rc(%s_encode(&v, buf, n, ALL, &e), &e, \"encode\");\n", t);
			xi_sb_printf(sb, "\twant_err(%s_decode(&w, buf, n, ALL, &e), &e, XENIDL_ESHORT, \"\", n, "
				     "\"flexible array past the buffer\");\n", t);
		}
	}
	(void)g;
}

static const char *host_test_text(struct tgen *g, const struct xi_module *m,
				  const struct xi_decl *d, int host, const char *id)
{
	const char *t = xi_c_decl_name(d);
	xi_abi_mask abis = xi_decl_abis(g->ctx, d);
	(void)m;
	xi_abi_mask compat = d->legacy ? xi_mp_compatible_abis(g->ctx, d, host, abis) : XI_ABI_BIT(host);
	struct xi_mp_plan *plan = xi_mp_build(g->ctx, d, host, host, compat);
	if (!plan) /* A host always translates its own layout; never reached. */
		return xi_aprintf(g->a, "#error \"xenidl: no marshalling plan for %s\"\n", t);
	struct xi_strbuf sb = XI_STRBUF_INIT;
	unsigned depth = plan->max_depth;
	/* The compat plans can nest no deeper than the host's. */
	struct mtest f = { g->a, &sb, plan, xi_aprintf(g->a, "fill_%s", id), "v->", "(*v)",
			 xi_mtest_counters(g->a, depth), NULL, NULL, NULL, NULL, false };

	xi_sb_printf(&sb, "static void fill_%s(%s %s *v, int narrow)\n{\n", id, kw(d), t);
	xi_sb_adds(&sb, "\tmemset(v, 0, sizeof(*v));\n");
	size_t before = sb.len;
	xi_mtest_fill(&f, plan->body, 1);
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

	/* Length relations: a count above its bound, a flexible array
	 * past the buffer. */
	length_probes(g, &sb, d, plan, id);

	/* Rejections. */
	f.root = "v.";
	f.whole = "v";
	f.decode = xi_aprintf(g->a, "%s_decode(", t);
	f.encode = xi_aprintf(g->a, "%s_encode(", t);
	f.check = xi_aprintf(g->a, "%s_check(", t);
	f.wargs = "buf, n, ALL";
	struct xi_mtest_where w = { "1", NULL, 0, 1 };
	xi_mtest_probe(&f, plan->body, &w);

	if (d->legacy) {
		xi_sb_printf(&sb, "\twant_err(%s_decode_abi(&w, buf, n, -1, ALL, &e), &e, XENIDL_EABI, \"\", 0, \"unknown ABI\");\n", t);
		xi_sb_printf(&sb, "\twant_err(%s_encode_abi(&v, buf, n, XENIDL_ABI_COUNT, ALL, &e), &e, XENIDL_EABI, \"\", 0, \"unknown ABI\");\n", t);
		/* Range probes, once per distinct wire layout. */
		const char *seen[XI_ABI_COUNT];
		unsigned nseen = 0;
		XI_FOR_EACH_ABI(a, compat) {
			if (a == host)
				continue;
			struct xi_mp_plan *wp = xi_mp_build(g->ctx, d, host, a, XI_ABI_BIT(a));
			struct xi_strbuf psb = XI_STRBUF_INIT;
			struct mtest pf = f;
			pf.sb = &psb;
			pf.plan = wp;
			pf.narrow = true;
			pf.idx = xi_mtest_counters(g->a, wp->max_depth);
			pf.decode = xi_aprintf(g->a, "%s_decode_abi(", t);
			pf.encode = xi_aprintf(g->a, "%s_encode_abi(", t);
			pf.wargs = "buf, n, abi, ALL";
			struct xi_mtest_where pw = { "1", NULL, 0, 2 };
			xi_mtest_probe_ranges(&pf, wp->body, &pw);
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
	struct xi_mp_plan *plan = xi_mp_build(g->ctx, d, host, host, XI_ABI_BIT(host));
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
	/* The elements of a flexible array are past the wire image: the
	 * round trip through an image of the fixed part has none. */
	const struct xi_member *flex = xi_agg_flex_member(d->agg);
	const struct xi_len *frel = flex ? xi_type_len(flex->type) : NULL;
	if (frel && frel->member)
		xi_sb_printf(&sb, "\tv.%s = 0;\n", xi_member_c_name(frel->member));
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
	return xi_aprintf(g->a, "%s__%s", xi_mt_ident(g->a, m->rel), xi_c_decl_name(d));
}

/* A module's condition (arch-* modules), or NULL. */
static const char *module_cond(struct tgen *g, const struct xi_module *m)
{
	xi_abi_mask abis = xi_module_abis(g->ctx, m);
	return abis == g->ctx->opt.abis ? NULL : xi_c_abi_condition(g->a, abis);
}

static void emit_includes(struct tgen *g, struct xi_out *o)
{
	for (unsigned i = 0; i < g->ctx->ninputs; i++) {
		const struct xi_module *m = g->ctx->inputs[i];
		const char *cond = module_cond(g, m);
		if (cond)
			xi_out_printf(o, "#if %s\n", cond);
		xi_out_printf(o, "#include \"%s_marshal.h\"\n", m->rel);
		xi_ref_add(g->ctx, o, "includes", "marshal",
			   xi_aprintf(&g->ctx->arena, "%s_marshal.h", m->rel), m);
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
		for (unsigned k = 0; k < m->ndecls; k++) {
			const struct xi_decl *d = m->sorted[k];
			if (!xi_decl_is_aggregate(d) || d->c_only)
				continue;
			/* The module's ABIs, or fewer under defined(NAME). */
			xi_abi_mask abis = xi_decl_abis(g->ctx, d);
			const char *cond = abis == g->ctx->opt.abis ? NULL
								      : xi_c_abi_condition(g->a, abis);
			const char *id = decl_id(g, m, d);
			const char *texts[XI_ABI_COUNT];
			XI_FOR_EACH_ABI(a, abis)
				texts[a] = fn(g, m, d, a, id);
			struct xi_abi_group groups[XI_ABI_COUNT];
			unsigned n = xi_abi_group_by_text(groups, abis, texts);
			xi_out_printf(o, "\n/* --- %s %s (%s) --- */\n\n", kw(d), xi_c_decl_name(d), m->rel);
			if (cond)
				xi_out_printf(o, "#if %s\n", cond);
			xi_mt_emit_chain(o, g->a, groups, n, abis, NULL);
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
	xi_out_puts(o, xi_template_marshal_test_prelude);
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
