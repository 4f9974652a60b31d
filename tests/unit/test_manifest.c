/* Unit tests of the ABI manifest: writing, reading back, and the model
 * that abi-diff compares. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abidiff.h"
#include "emit_manifest.h"
#include "testutil.h"
#include "xenidl.h"

#ifndef EXAMPLES_DIR
#error "EXAMPLES_DIR must name tests/data/examples"
#endif

/* Write every module of a model as manifests, in memory. */
static struct xi_outset *write_all(const struct xi_mf_model *m, struct xi_diag *diag)
{
	struct xi_outset *out = xi_outset_new("mem", XI_OUTPUT_MEMORY, diag);
	for (unsigned i = 0; i < m->nmodules; i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s.abi", m->modules[i]->rel);
		struct xi_out *o = xi_out_open(out, path);
		ck_assert_ptr_nonnull(o);
		xi_mf_write(o, m, m->modules[i]);
	}
	return out;
}

/* Manifests of the example corpus read back into a model that writes the
 * same manifests again, byte for byte. */
START_TEST(round_trip_examples)
{
	static const char *const files[] = {
		"xen.xidl", "event_channel.xidl", "domctl.xidl", "sysctl.xidl",
		"arch-x86/domainconfig.xidl", "arch-arm/domainconfig.xidl",
		"arch-ppc/domainconfig.xidl", "arch-riscv/domainconfig.xidl",
	};
	struct xi_options opt;
	memset(&opt, 0, sizeof(opt));
	opt.root = EXAMPLES_DIR;
	struct xi_ctx *ctx = xi_create(&opt, stderr);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", EXAMPLES_DIR, files[i]);
		ck_assert(xi_add_input(ctx, path));
	}
	ck_assert(xi_analyze(ctx));
	struct xi_mf_model *m = xi_mf_from_ir(ctx, true);
	struct xi_outset *first = write_all(m, &ctx->diag);

	struct xi_diag diag;
	xi_diag_init(&diag, stderr);
	struct xi_mf_model *back = xi_mf_new();
	for (unsigned i = 0; i < xi_outset_count(first); i++) {
		size_t len;
		const char *text = xi_outset_data(first, i, &len);
		ck_assert(xi_mf_read_text(back, &diag, xi_outset_path(first, i), text, len));
	}
	ck_assert_uint_eq(back->ndecls, m->ndecls);
	ck_assert_uint_eq(back->abis, m->abis);
	struct xi_outset *second = write_all(back, &diag);
	ck_assert_uint_eq(xi_outset_count(second), xi_outset_count(first));
	for (unsigned i = 0; i < xi_outset_count(first); i++) {
		size_t a, b;
		const char *ta = xi_outset_data(first, i, &a);
		const char *tb = xi_outset_data(second, i, &b);
		ck_assert_str_eq(xi_outset_path(first, i), xi_outset_path(second, i));
		ck_assert_uint_eq(a, b);
		ck_assert(memcmp(ta, tb, a) == 0);
	}
	/* And the two models have no differences. */
	struct xi_abidiff *d = xi_abidiff_run(m, back);
	ck_assert_uint_eq(d->nreports, 0);
	xi_abidiff_free(d);
	xi_outset_free(first);
	xi_outset_free(second);
	xi_mf_free(back);
	xi_mf_free(m);
	xi_diag_free(&diag);
	xi_destroy(ctx);
}
END_TEST

/* Doc text with every kind of byte that needs escaping survives. */
START_TEST(round_trip_escapes)
{
	static const char doc[] = "quote \" backslash \\ tab \t bell \a\nsecond line \x7f end";
	struct xi_mf_model *m = xi_mf_new();
	m->abis = XI_ABI_BIT(XI_ABI_X86_64);
	struct xi_mf_module *mod = xi_mf_add_module(m, "t");
	mod->abis = m->abis;
	mod->doc = doc;
	struct xi_mf_decl *d = xi_mf_add_decl(m, XI_MF_CONST, "A", mod);
	d->type = "u32";
	d->value = xi_int_s(-5);
	d->doc = doc;
	struct xi_diag diag;
	xi_diag_init(&diag, stderr);
	struct xi_outset *out = write_all(m, &diag);
	size_t len;
	const char *text = xi_outset_data(out, 0, &len);
	ck_assert_ptr_null(memchr(text, '\t', len));
	struct xi_mf_model *back = xi_mf_new();
	ck_assert(xi_mf_read_text(back, &diag, "t.abi", text, len));
	ck_assert_uint_eq(back->ndecls, 1);
	ck_assert_str_eq(back->decls[0]->doc, doc);
	ck_assert_str_eq(back->modules[0]->doc, doc);
	ck_assert(back->decls[0]->value.neg);
	ck_assert_uint_eq(back->decls[0]->value.mag, 5);
	xi_outset_free(out);
	xi_mf_free(back);
	xi_mf_free(m);
	xi_diag_free(&diag);
}
END_TEST

/* Errors of one file are all reported, and the reader says it failed. */
START_TEST(reports_every_error)
{
	static const char text[] =
		"xenidl-abi-manifest 1 abis=x86_64\n"
		"module t abis=x86_64\n"
		"const A type=u32 value=x\n"
		"const B type=u32 value=1 colour=red\n"
		"bogus line\n";
	char *buf = NULL;
	size_t buflen = 0;
	FILE *f = open_memstream(&buf, &buflen);
	struct xi_diag diag;
	xi_diag_init(&diag, f);
	struct xi_mf_model *m = xi_mf_new();
	ck_assert(!xi_mf_read_text(m, &diag, "t.abi", text, sizeof(text) - 1));
	ck_assert_uint_eq(diag.errors, 3);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "t.abi:3:18: error:"));
	ck_assert_ptr_nonnull(strstr(buf, "t.abi:4:26: error: unknown attribute 'colour'"));
	ck_assert_ptr_nonnull(strstr(buf, "t.abi:5:1: error: unknown 'bogus' line"));
	free(buf);
	xi_mf_free(m);
	xi_diag_free(&diag);
}
END_TEST

/* The flat member list of the model, and what xi_mf_finish derives. */
START_TEST(model_of_members)
{
	struct compiled *c = compile_text(
		"@legacy\n"
		"struct s {\n"
		"    tag: u32;\n"
		"    u: union switch (tag) { 1, 2 => a: u32; _ => b: u16; };\n"
		"    @reserved r: struct { x: u8; y: u8; };\n"
		"    arr: struct { q: u16; }[2];\n"
		"}\n");
	ck_assert_msg(c->ok, "%s", c->diags);
	struct xi_mf_model *m = xi_mf_from_ir(c->ctx, true);
	const struct xi_mf_decl *d = xi_mf_lookup_any(m, "s");
	ck_assert_ptr_nonnull(d);
	static const char *const paths[] = { "tag", "u", "u.a", "u.b", "r", "r.x", "r.y", "arr", "arr[].q" };
	ck_assert_uint_eq(d->nmembers, sizeof(paths) / sizeof(paths[0]));
	for (unsigned i = 0; i < d->nmembers; i++)
		ck_assert_str_eq(d->members[i].path, paths[i]);
	const struct xi_mf_member *a = &d->members[2], *b = &d->members[3];
	ck_assert(a->is_arm && !a->default_arm && a->in_union);
	ck_assert_int_eq(a->parent, 1);
	ck_assert_uint_eq(a->nlabels, 2);
	ck_assert_ptr_null(a->labels[0].name);
	ck_assert_uint_eq(a->labels[1].value.mag, 2);
	ck_assert(b->is_arm && b->default_arm);
	ck_assert(d->members[4].reserved && !d->members[5].reserved && d->members[5].eff_reserved);
	ck_assert(!d->members[4].leaf && d->members[5].leaf);
	ck_assert(d->members[7].leaf && d->members[8].under_leaf);
	ck_assert_int_eq(d->members[8].parent, 7);
	ck_assert_uint_eq(d->members[8].offset[XI_ABI_X86_64], d->members[7].offset[XI_ABI_X86_64]);
	ck_assert_str_eq(d->members[1].type[XI_ABI_ARM64], "union switch (tag) { ... }");
	xi_mf_free(m);
	compiled_free(c);
}
END_TEST

/* ABI lists name whole families by their name. */
START_TEST(abi_lists)
{
	struct xi_arena a;
	xi_arena_init(&a);
	ck_assert_str_eq(xi_mf_abi_list(&a, XI_ABI_ALL), "x86,arm,riscv64,ppc64le");
	ck_assert_str_eq(xi_mf_abi_list(&a, XI_ABI_BIT(XI_ABI_X86_64) | XI_ABI_BIT(XI_ABI_ARM64)),
			 "x86_64,arm64");
	ck_assert_str_eq(xi_mf_abi_list(&a, 0), "");
	xi_arena_free(&a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("manifest");
	TCase *tc = tcase_create("manifest");
	tcase_add_test(tc, round_trip_examples);
	tcase_add_test(tc, round_trip_escapes);
	tcase_add_test(tc, reports_every_error);
	tcase_add_test(tc, model_of_members);
	tcase_add_test(tc, abi_lists);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
