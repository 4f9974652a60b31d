/* Unit tests of what convert keeps of a source beside the IR: the comments
 * the readers find (xidl, YAML, TOML), the slot each is attached to, their
 * spelling in each form, and integer literals as written. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comments.h"
#include "convert.h"
#include "loader.h"
#include "testutil.h"
#include "yaml_comments.h"

/* Read a source as convert does, and attach its comments. */
static struct xi_module *read_source(const char *name, const char *text)
{
	struct xi_module *m = XI_NEW(&test_ctx->arena, struct xi_module);
	m->path = m->canon = name;
	m->family = XI_FAM_NONE;
	m->src = test_ctx_source(name, text);
	test_ctx->converting = true;
	xi_read_module(test_ctx, m);
	ck_assert_msg(m->parsed_ok, "%s does not read", name);
	xi_comments_attach(m->comments);
	return m;
}

static void free_module(struct xi_module *m)
{
	xi_comments_free(m->comments);
}

/* The texts of a slot, joined by '|'. */
static const char *texts(const struct xi_cmt_list *l)
{
	static char buf[1024];
	buf[0] = '\0';
	for (unsigned i = 0; i < l->n; i++) {
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? "|" : "", l->v[i]->text);
	}
	return buf;
}

static const struct xi_cmt_node *slots_of(const struct xi_module *m, const void *node)
{
	const struct xi_cmt_node *n = xi_comments_find(m->comments, node);
	ck_assert_ptr_nonnull(n);
	return n;
}

START_TEST(xidl_slots)
{
	struct xi_module *m = read_source("t.xidl",
		"// head\n"
		"//! File doc.\n"
		"\n"
		"// lead of s\n"
		"/// Doc of s.\n"
		"// after the doc\n"
		"struct s { // head trail\n"
		"    a: u32; /* trail of a */ // and more\n"
		"\n"
		"    // lead of b\n"
		"    b: struct {\n"
		"        c: u8; // trail of c\n"
		"        // inner end of the inline struct\n"
		"    }; // close trail of the inline struct\n"
		"    /// documents nothing\n"
		"} // close trail of s\n"
		"// eof\n");
	const struct xi_comments *cm = m->comments;
	ck_assert_str_eq(texts(&cm->head), "// head");
	const struct xi_decl *s = m->decls;
	const struct xi_cmt_node *n = slots_of(m, s);
	ck_assert_str_eq(texts(&n->before_doc), "// lead of s");
	ck_assert_str_eq(texts(&n->after_doc), "// after the doc");
	ck_assert_str_eq(texts(&n->head_trail), "// head trail");
	ck_assert_str_eq(texts(&n->inner_end), "/// documents nothing");
	ck_assert_str_eq(texts(&n->close_trail), "// close trail of s");
	ck_assert(n->before_doc.v[0]->blank_before); /* a blank line before the lead */
	ck_assert(!n->blank_before);                 /* but not before the doc */
	const struct xi_member *a = s->agg->members, *b = a->next;
	ck_assert_str_eq(texts(&slots_of(m, a)->trail), "/* trail of a */ // and more");
	const struct xi_cmt_node *nb = slots_of(m, b);
	ck_assert_str_eq(texts(&nb->before_doc), "// lead of b");
	ck_assert(nb->before_doc.v[0]->blank_before);
	const struct xi_agg *inner = b->type->u.agg;
	ck_assert_str_eq(texts(&slots_of(m, inner->members)->trail), "// trail of c");
	ck_assert_str_eq(texts(&slots_of(m, inner)->inner_end), "// inner end of the inline struct");
	ck_assert_str_eq(texts(&slots_of(m, inner)->close_trail),
			 "// close trail of the inline struct");
	ck_assert_str_eq(texts(&cm->eof), "// eof");
	free_module(m);
}
END_TEST

/* Without a module doc, the comments at the top that a blank line ends
 * are the file's head; the others lead the first item. */
START_TEST(xidl_head_by_blank_line)
{
	struct xi_module *m = read_source("t.xidl",
		"// SPDX-License-Identifier: MIT\n"
		"// second line\n"
		"\n"
		"// lead of t\n"
		"type t = u8;\n");
	ck_assert_str_eq(texts(&m->comments->head), "// SPDX-License-Identifier: MIT|// second line");
	ck_assert_str_eq(texts(&slots_of(m, m->decls)->before_doc), "// lead of t");
	free_module(m);
	m = read_source("u.xidl", "// lead of t, with no blank line\ntype t = u8;\n");
	ck_assert_uint_eq(m->comments->head.n, 0);
	ck_assert_str_eq(texts(&slots_of(m, m->decls)->before_doc), "// lead of t, with no blank line");
	free_module(m);
	/* No comment at all: nothing waits to be moved (the list of them was
	 * never made; the sanitizers refuse moving from a null list). */
	static const char *const bare[] = { "type t = u8;\n\ntype u = t;\n",
					    "aliases:\n  - name: p\n    type: u8\n" };
	for (unsigned i = 0; i < sizeof(bare) / sizeof(bare[0]); i++) {
		m = read_source(i ? "v.yaml" : "v.xidl", bare[i]);
		ck_assert_uint_eq(m->comments->n, 0);
		ck_assert_uint_eq(m->comments->head.n, 0);
		free_module(m);
	}
}
END_TEST

/* The doc comment an item takes is its own; one taken by another token
 * documents nothing, and is a plain comment where it is. */
START_TEST(xidl_docs)
{
	struct xi_module *m = read_source("t.xidl",
		"enum e : u8 {\n"
		"    a = 1 /// taken by the comma\n"
		"    , /// Doc of b.\n"
		"    b = 2,\n"
		"}\n");
	const struct xi_variant *a = m->decls->variants, *b = a->next;
	ck_assert_str_eq(b->doc, "Doc of b.");
	ck_assert_str_eq(texts(&slots_of(m, a)->trail), "/// taken by the comma");
	ck_assert_uint_eq(slots_of(m, b)->before_doc.n, 0);
	free_module(m);
}
END_TEST

START_TEST(yaml_comments)
{
	struct xi_module *m = read_source("t.yaml",
		"# head\n"
		"description: 'not # a comment'\n"
		"structs:\n"
		"# lead of s\n"
		"- name: s # trail of s\n"
		"  description: |\n"
		"    # text of the description\n"
		"  fields:\n"
		"  - name: a\n"
		"    type: u32 # trail of a\n"
		"  # inner end of s\n"
		" # close trail of s\n"
		"# eof\n");
	const struct xi_comments *cm = m->comments;
	ck_assert_uint_eq(cm->n, 7);
	ck_assert_str_eq(texts(&cm->head), " head");
	const struct xi_decl *s = m->decls;
	ck_assert_str_eq(s->doc, "# text of the description\n");
	const struct xi_cmt_node *n = slots_of(m, s);
	ck_assert_str_eq(texts(&n->before_doc), " lead of s");
	ck_assert_str_eq(texts(&n->trail), " trail of s");
	ck_assert_str_eq(texts(&n->inner_end), " inner end of s");
	ck_assert_str_eq(texts(&n->close_trail), " close trail of s");
	ck_assert_str_eq(texts(&slots_of(m, s->agg->members)->trail), " trail of a");
	ck_assert_str_eq(texts(&cm->eof), " eof");
	free_module(m);
}
END_TEST

START_TEST(toml_comments)
{
	struct xi_module *m = read_source("t.toml",
		"# head\n"
		"description = \"not # a comment\"\n"
		"# lead of e\n"
		"[[enums]]\n"
		"name = \"e\" # trail of e\n"
		"typ = \"u8\"\n"
		"variants = [\n"
		"    { name = \"a\", value = 1 }, # trail of a\n"
		"    # inner end of e\n"
		"]\n");
	const struct xi_comments *cm = m->comments;
	ck_assert_str_eq(texts(&cm->head), " head");
	const struct xi_decl *e = m->decls;
	const struct xi_cmt_node *n = slots_of(m, e);
	ck_assert_str_eq(texts(&n->before_doc), " lead of e");
	ck_assert_str_eq(texts(&n->trail), " trail of e");
	ck_assert_str_eq(texts(&n->inner_end), " inner end of e");
	ck_assert_str_eq(texts(&slots_of(m, e->variants)->trail), " trail of a");
	free_module(m);
}
END_TEST

static const char *xidl_of(const char *text, enum xi_comment_origin origin, bool may_be_doc)
{
	struct xi_comment c;
	memset(&c, 0, sizeof(c));
	c.text = text;
	c.origin = origin;
	return xi_comment_xidl(&test_ctx->arena, &c, may_be_doc);
}

static const char *hash_of(const char *text, enum xi_comment_origin origin)
{
	struct xi_comment c;
	memset(&c, 0, sizeof(c));
	c.text = text;
	c.origin = origin;
	return xi_comment_hash(&test_ctx->arena, &c);
}

START_TEST(spellings)
{
	/* '#' text to xidl */
	ck_assert_str_eq(xidl_of(" text", XI_COMMENT_HASH, false), "// text");
	ck_assert_str_eq(xidl_of("// four", XI_COMMENT_HASH, false), "//// four");
	ck_assert_str_eq(xidl_of("/* a */ // b", XI_COMMENT_HASH, false), "/* a */ // b");
	ck_assert_str_eq(xidl_of("/* a\n   b */", XI_COMMENT_HASH, false), "/* a\n   b */");
	ck_assert_str_eq(xidl_of("/* open", XI_COMMENT_HASH, false), "// /* open");
	/* what would read as a doc comment gets a blank */
	ck_assert_str_eq(xidl_of("/ doc", XI_COMMENT_HASH, false), "// / doc");
	ck_assert_str_eq(xidl_of("/ doc", XI_COMMENT_HASH, true), "/// doc");
	ck_assert_str_eq(xidl_of("! file", XI_COMMENT_HASH, true), "// ! file");
	ck_assert_str_eq(xidl_of("/** doc */", XI_COMMENT_XIDL, false), "/* * doc */");
	ck_assert_str_eq(xidl_of("/**/", XI_COMMENT_XIDL, false), "/**/");
	ck_assert_str_eq(xidl_of("/*** plain */", XI_COMMENT_XIDL, false), "/*** plain */");
	/* xidl to '#' text */
	ck_assert_str_eq(hash_of("// text", XI_COMMENT_XIDL), " text");
	ck_assert_str_eq(hash_of("/* a\n * b */", XI_COMMENT_XIDL), "/* a\n * b */");
	ck_assert_str_eq(hash_of(" as is", XI_COMMENT_HASH), " as is");
	/* what lexes as comments */
	ck_assert(xi_text_is_comments("/* a */ /* b */ // c"));
	ck_assert(xi_text_is_comments("/* a\n*/\n// b"));
	ck_assert(!xi_text_is_comments("/* a"));
	ck_assert(!xi_text_is_comments("/*/"));
	ck_assert(!xi_text_is_comments("/* a */ b"));
	ck_assert(!xi_text_is_comments(""));
}
END_TEST

START_TEST(yaml_holds)
{
	char why[64];
	ck_assert(xi_yaml_comment_ok(" plain\ttext, caf\xc3\xa9, \xe2\x82\xac", why, sizeof(why)));
	ck_assert(!xi_yaml_comment_ok(" caf\xe9", why, sizeof(why)));
	ck_assert_str_eq(why, "it is not UTF-8 text");
	ck_assert(!xi_yaml_comment_ok(" \xc0\x80", why, sizeof(why))); /* overlong */
	ck_assert(!xi_yaml_comment_ok(" \xed\xa0\x80", why, sizeof(why))); /* a surrogate */
	ck_assert(!xi_yaml_comment_ok(" bell\x07", why, sizeof(why)));
	ck_assert_str_eq(why, "it holds the control character U+0007");
	ck_assert(!xi_yaml_comment_ok(" \xc2\x85x\xc2\x9f", why, sizeof(why)));
	ck_assert_str_eq(why, "it holds the control character U+009F");
}
END_TEST

START_TEST(literal_spellings)
{
	struct xi_module *m = read_source("t.xidl",
		"const A: u32 = 0x00ff;\n"
		"const B: u32 = 1_000;\n"
		"const C: u32 = 0b1010 + 0o17;\n");
	struct xi_strbuf sb = XI_STRBUF_INIT;
	const char *want[] = { "0x00ff", "1_000", "0b1010 + 0o17" };
	const char *canonical[] = { "0xFF", "1000", "10 + 15" };
	unsigned i = 0;
	for (const struct xi_decl *d = m->decls; d; d = d->next, i++) {
		xi_sb_reset(&sb);
		xi_print_expr_as_written(test_ctx, &sb, d->expr);
		ck_assert_str_eq(xi_sb_str(&sb), want[i]);
		xi_sb_reset(&sb);
		xi_print_expr(&sb, d->expr);
		ck_assert_str_eq(xi_sb_str(&sb), canonical[i]);
	}
	xi_sb_free(&sb);
	free_module(m);
}
END_TEST

static Suite *comments_suite(void)
{
	Suite *s = suite_create("comments");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, test_ctx_setup, test_ctx_teardown);
	tcase_add_test(tc, xidl_slots);
	tcase_add_test(tc, xidl_head_by_blank_line);
	tcase_add_test(tc, xidl_docs);
	tcase_add_test(tc, yaml_comments);
	tcase_add_test(tc, toml_comments);
	tcase_add_test(tc, spellings);
	tcase_add_test(tc, yaml_holds);
	tcase_add_test(tc, literal_spellings);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(comments_suite());
}
