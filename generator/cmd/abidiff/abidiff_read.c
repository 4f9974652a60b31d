/* Reading ABI manifests back into a model, for abi-diff.
 *
 * A manifest is a list of lines; each is a keyword, positional words and
 * key=value attributes, separated by spaces. Values and words are bare
 * (no space, quote or backslash) or quoted strings with C-like escapes.
 * Indentation gives the nesting: 0 for modules and declarations, 4 for
 * what is inside them, 8 for the doc of a member, variant or bit. The
 * reader is strict: anything it does not understand is a located error,
 * and every error of a file is reported (up to the cap). It does not
 * recurse, so no input can exhaust the stack. */
#include "abidiff.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "cnames.h"

#include "limits.h"
#include "strbuf.h"

/* Most tokens on one line: a member line has at most 11. */
#define MF_MAX_TOKENS 24u
/* Spaces per level of indentation. */
#define MF_INDENT_WIDTH 4u

struct token {
	const char *key;      /* NULL for a positional word */
	const char *value;    /* decoded, NUL-terminated (arena) */
	uint32_t col;         /* 1-based column of the token */
	uint32_t len;         /* its length in the source */
	bool quoted;
	bool used;
};

enum last_item { LAST_NONE, LAST_MODULE, LAST_DECL, LAST_LAYOUT, LAST_MEMBER, LAST_VARIANT };

struct reader {
	struct xi_mf_model *m;
	struct xi_diag *diag;
	struct xi_source *src;
	const char *file;          /* the path, in the model's arena */
	uint32_t line;
	const char *text;          /* the current line, without indentation */
	uint32_t indent;
	struct token tok[MF_MAX_TOKENS];
	unsigned ntok;
	struct xi_mf_module *mod;
	struct xi_mf_decl *decl;
	enum last_item last;       /* the item a deeper doc line documents */
	bool decl_doc, item_doc;   /* it already has a doc */
	int member;                /* index of the member being read, or -1 */
	uint32_t member_line;      /* its first line */
	const char *member_sig[7]; /* dir, reserved, arm, c, len, max, alias of its first line */
	int variant;
	unsigned decl_errors;      /* errors before the declaration began */
};

static struct xi_loc loc_at(const struct reader *r, uint32_t col, uint32_t len)
{
	struct xi_loc l = { r->line, col, r->src->id, (uint16_t)(len > UINT16_MAX ? UINT16_MAX : len) };
	return l;
}

static struct xi_loc tok_loc(const struct reader *r, const struct token *t)
{
	return loc_at(r, t->col, t->len);
}

/* A note at an earlier place of the model (this file or another one read
 * through the same diagnostics). */
static void note_at(struct reader *r, struct xi_mf_loc at, const char *what)
{
	struct xi_loc l = { at.line, 1, 0, 0 };
	for (unsigned i = 1; i <= r->diag->nsources; i++) {
		struct xi_source *s = xi_diag_source(r->diag, i);
		if (at.file && !strcmp(s->path, at.file))
			l.file = s->id;
	}
	xi_note(r->diag, l, "%s", what);
}

static struct xi_mf_loc mf_loc(const struct reader *r)
{
	struct xi_mf_loc l = { r->file, r->line, 0 };
	return l;
}

/* --- Tokens --------------------------------------------------------------- */

/* Decode the quoted string at *pp (on its opening quote); advance past the
 * closing quote. NULL after an error. */
static const char *read_quoted(struct reader *r, const char **pp, const char *end, const char *line0)
{
	const char *p = *pp + 1;
	char *out = xi_alloc(&r->m->arena, (size_t)(end - p) + 1);
	size_t n = 0;
	for (;;) {
		if (p == end) {
			xi_error(r->diag, loc_at(r, (uint32_t)(*pp - line0) + 1, 1), "unterminated string");
			return NULL;
		}
		char c = *p;
		if (c == '"')
			break;
		if (c != '\\') {
			out[n++] = c;
			p++;
			continue;
		}
		uint32_t col = (uint32_t)(p - line0) + 1;
		char e = p + 1 < end ? p[1] : '\0';
		p += 2;
		switch (e) {
		case '"': out[n++] = '"'; break;
		case '\\': out[n++] = '\\'; break;
		case 'n': out[n++] = '\n'; break;
		case 't': out[n++] = '\t'; break;
		case 'x': {
			int hi = p < end ? xi_hex_value(p[0]) : -1;
			int lo = p + 1 < end ? xi_hex_value(p[1]) : -1;
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
				xi_error(r->diag, loc_at(r, col, 2),
					 "'\\x' needs two hex digits naming a byte other than 0");
				return NULL;
			}
			out[n++] = (char)(hi * 16 + lo);
			p += 2;
			break;
		}
		default:
			xi_error(r->diag, loc_at(r, col, 2), "unknown escape sequence in a string");
			return NULL;
		}
	}
	out[n] = '\0';
	*pp = p + 1;
	return out;
}

/* Split the current line into tokens. False after a reported error. */
static bool tokenize(struct reader *r, const char *line0, const char *p, const char *end)
{
	r->ntok = 0;
	while (p < end) {
		if (*p == ' ') {
			p++;
			continue;
		}
		if (r->ntok == MF_MAX_TOKENS) {
			xi_error(r->diag, loc_at(r, (uint32_t)(p - line0) + 1, 1),
				 "too many fields on one line (at most %u)", MF_MAX_TOKENS);
			return false;
		}
		struct token *t = &r->tok[r->ntok];
		memset(t, 0, sizeof(*t));
		const char *start = p;
		t->col = (uint32_t)(p - line0) + 1;
		if (*p != '"') {
			const char *q = p;
			while (q < end && *q != ' ' && *q != '=' && *q != '"')
				q++;
			if (q < end && *q == '=') {
				if (q == p) {
					xi_error(r->diag, loc_at(r, t->col, 1), "'=' without a name before it");
					return false;
				}
				t->key = xi_strndup(&r->m->arena, p, (size_t)(q - p));
				p = q + 1;
			}
		}
		if (p < end && *p == '"') {
			t->quoted = true;
			t->value = read_quoted(r, &p, end, line0);
			if (!t->value)
				return false;
			if (p < end && *p != ' ') {
				xi_error(r->diag, loc_at(r, (uint32_t)(p - line0) + 1, 1),
					 "expected a space after the closing quote");
				return false;
			}
		} else {
			const char *q = p;
			while (q < end && *q != ' ' && *q != '"')
				q++;
			if (q < end && *q == '"') {
				xi_error(r->diag, loc_at(r, (uint32_t)(q - line0) + 1, 1),
					 "unexpected '\"' inside a word");
				return false;
			}
			t->value = xi_strndup(&r->m->arena, p, (size_t)(q - p));
			p = q;
		}
		t->len = (uint32_t)(p - start);
		r->ntok++;
	}
	return true;
}

/* The attribute `key`, or NULL. Marks it used. */
static const struct token *attr(struct reader *r, const char *key)
{
	for (unsigned i = 1; i < r->ntok; i++) {
		struct token *t = &r->tok[i];
		if (t->key && !strcmp(t->key, key)) {
			t->used = true;
			return t;
		}
	}
	return NULL;
}

static const struct token *need_attr(struct reader *r, const char *key)
{
	const struct token *t = attr(r, key);
	if (!t)
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "'%s' line without '%s='", r->tok[0].value, key);
	return t;
}

/* A flag word (such as "legacy") after the positional name. */
static bool flag(struct reader *r, const char *word)
{
	for (unsigned i = 2; i < r->ntok; i++) {
		struct token *t = &r->tok[i];
		if (!t->key && !t->quoted && !strcmp(t->value, word)) {
			t->used = true;
			return true;
		}
	}
	return false;
}

/* Report tokens nothing asked for, and repeated attributes. */
static bool check_all_used(struct reader *r)
{
	bool ok = true;
	for (unsigned i = 1; i < r->ntok; i++) {
		const struct token *t = &r->tok[i];
		bool twice = false;
		for (unsigned k = 1; k < i && t->key && !twice; k++)
			twice = r->tok[k].key && !strcmp(r->tok[k].key, t->key);
		if (twice) {
			xi_error(r->diag, tok_loc(r, t), "'%s=' given twice", t->key);
			ok = false;
			continue;
		}
		if (t->used)
			continue;
		if (t->key)
			xi_error(r->diag, tok_loc(r, t), "unknown attribute '%s' on a '%s' line", t->key,
				 r->tok[0].value);
		else
			xi_error(r->diag, tok_loc(r, t), "unexpected '%s' on a '%s' line", t->value,
				 r->tok[0].value);
		ok = false;
	}
	return ok;
}

/* --- Values ---------------------------------------------------------------- */

static bool is_ident(const char *s)
{
	size_t n = strlen(s);
	return n <= XI_MAX_IDENT_LEN && xi_is_identifier(s, n);
}

/* "a", "a.b", "a[][].b": identifiers joined by '.', each but the last
 * optionally followed by "[]"s. */
static bool is_member_path(const char *s)
{
	const char *p = s;
	for (;;) {
		const char *q = p;
		while (xi_is_ident(*q))
			q++;
		if (q == p || xi_is_digit(*p) || (size_t)(q - p) > XI_MAX_IDENT_LEN)
			return false;
		while (q[0] == '[' && q[1] == ']')
			q += 2;
		if (*q == '\0')
			return q[-1] != ']';
		if (*q != '.')
			return false;
		p = q + 1;
	}
}

/* The positional name after the keyword. */
static const char *name_arg(struct reader *r, bool (*valid)(const char *), const char *what)
{
	if (r->ntok < 2 || r->tok[1].key) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "'%s' needs %s", r->tok[0].value, what);
		return NULL;
	}
	r->tok[1].used = true;
	if (valid && !valid(r->tok[1].value)) {
		xi_error(r->diag, tok_loc(r, &r->tok[1]), "'%s' is not %s", r->tok[1].value, what);
		return NULL;
	}
	return r->tok[1].value;
}

static bool parse_u64(const char *s, uint64_t *out)
{
	if (!xi_is_digit(*s))
		return false;
	uint64_t v = 0;
	for (; xi_is_digit(*s); s++) {
		unsigned d = (unsigned)(*s - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return *s == '\0';
}

static bool parse_xint(const char *s, struct xi_int *out)
{
	bool neg = *s == '-';
	uint64_t mag;
	if (!parse_u64(s + neg, &mag) || (neg && mag > (UINT64_C(1) << 63)))
		return false;
	out->mag = mag;
	out->neg = neg && mag != 0;
	return true;
}

static bool int_attr(struct reader *r, const struct token *t, struct xi_int *out)
{
	if (!t)
		return false;
	if (!parse_xint(t->value, out)) {
		xi_error(r->diag, tok_loc(r, t), "'%s' is not an integer from -2^63 to 2^64-1", t->value);
		return false;
	}
	return true;
}

/* A size, offset or alignment: 0 .. XI_MAX_TYPE_SIZE. */
static bool u32_attr(struct reader *r, const struct token *t, uint32_t *out)
{
	uint64_t v;
	if (!t)
		return false;
	if (!parse_u64(t->value, &v) || v > XI_MAX_TYPE_SIZE) {
		xi_error(r->diag, tok_loc(r, t), "'%s=%s' is not a number from 0 to %u", t->key, t->value,
			 XI_MAX_TYPE_SIZE);
		return false;
	}
	*out = (uint32_t)v;
	return true;
}

static bool align_attr(struct reader *r, const struct token *t, uint32_t *out)
{
	if (!u32_attr(r, t, out))
		return false;
	if (*out == 0 || (*out & (*out - 1))) {
		xi_error(r->diag, tok_loc(r, t), "alignment %u is not a power of two", (unsigned)*out);
		return false;
	}
	return true;
}

/* "x86,arm64": ABI and family names. "" is the empty set. */
static bool abi_list(struct reader *r, const struct token *t, xi_abi_mask *out)
{
	xi_abi_mask m = 0;
	const char *p = t->value;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int a = xi_abi_by_name(p, (unsigned)n);
		if (a >= 0) {
			m |= XI_ABI_BIT(a);
		} else {
			int f;
			for (f = 0; f < XI_FAM_COUNT; f++)
				if (strlen(xi_families[f].name) == n && !memcmp(xi_families[f].name, p, n))
					break;
			if (f == XI_FAM_COUNT) {
				xi_error(r->diag, tok_loc(r, t), "unknown ABI or architecture '%.*s'",
					 (int)(n > 64 ? 64 : n), p);
				return false;
			}
			m |= xi_family_abis((enum xi_family)f);
		}
		if (!e)
			break;
		p = e + 1;
	}
	*out = m;
	return true;
}

/* The ABIs a per-ABI line holds for: on=, within the declaration's. */
static bool on_attr(struct reader *r, xi_abi_mask *out)
{
	const struct token *t = attr(r, "on");
	*out = r->decl->abis;
	if (!t)
		return true;
	if (!abi_list(r, t, out))
		return false;
	if (*out & ~r->decl->abis) {
		xi_error(r->diag, tok_loc(r, t), "'%s' does not exist on %s (only on %s)", r->decl->name,
			 xi_mf_abi_list(&r->m->arena, *out & ~r->decl->abis),
			 xi_mf_abi_list(&r->m->arena, r->decl->abis));
		return false;
	}
	return true;
}

static const char *str_attr(struct reader *r, const char *key, bool (*valid)(const char *))
{
	const struct token *t = attr(r, key);
	if (!t)
		return NULL;
	if (valid ? !valid(t->value) : !*t->value) {
		xi_error(r->diag, tok_loc(r, t), "'%s=%s' is not valid here", key, t->value);
		return NULL;
	}
	return t->value;
}

/* --- Lines ------------------------------------------------------------------ */

/* Check the declaration just finished: a layout and member lines for every
 * ABI it exists on. */
static void end_decl(struct reader *r)
{
	struct xi_mf_decl *d = r->decl;
	if (!d)
		return;
	r->decl = NULL;
	r->member = -1;
	r->variant = -1;
	/* After an error inside it, what is missing is no news. */
	if (r->diag->errors != r->decl_errors)
		return;
	bool laid = d->kind == XI_MF_ALIAS || d->kind == XI_MF_STRUCT || d->kind == XI_MF_UNION;
	struct xi_loc at = { d->loc.line, 1, r->src->id, 0 };
	if (laid && d->laid_out != d->abis)
		xi_error(r->diag, at, "%s '%s' has no layout for %s", xi_mf_kind_name(d->kind), d->name,
			 xi_mf_abi_list(&r->m->arena, d->abis & ~d->laid_out));
	/* A member without a line for an ABI is absent there; but what is
	 * inside a member exists only where the member does. */
	xi_mf_finish_decl(d);
	for (unsigned i = 0; i < d->nmembers; i++) {
		const struct xi_mf_member *mm = &d->members[i];
		if (mm->parent < 0 || !(mm->abis & ~d->members[mm->parent].abis))
			continue;
		struct xi_loc mat = { mm->loc.line, MF_INDENT_WIDTH + 1, r->src->id, 0 };
		xi_error(r->diag, mat, "member '%s' is on %s, where '%s' is not", mm->path,
			 xi_mf_abi_list(&r->m->arena, mm->abis & ~d->members[mm->parent].abis),
			 d->members[mm->parent].path);
	}
}

static void read_header(struct reader *r)
{
	uint64_t version;
	if (r->ntok < 2 || strcmp(r->tok[0].value, XI_MF_MAGIC) || r->tok[0].quoted || r->tok[1].key) {
		xi_error(r->diag, loc_at(r, 1, 0), "not an ABI manifest: the first line must be '%s %d'",
			 XI_MF_MAGIC, XI_MF_FORMAT_VERSION);
		return;
	}
	r->tok[1].used = true;
	if (!parse_u64(r->tok[1].value, &version) || version != XI_MF_FORMAT_VERSION) {
		xi_error(r->diag, tok_loc(r, &r->tok[1]),
			 "manifest format '%s' is not supported (this xenidl reads format %d)",
			 r->tok[1].value, XI_MF_FORMAT_VERSION);
		return;
	}
	const struct token *t = need_attr(r, "abis");
	xi_abi_mask abis;
	if (t && abi_list(r, t, &abis))
		r->m->abis |= abis;
	check_all_used(r);
}

static bool valid_rel(const char *s)
{
	return *s && *s != '/' && !strstr(s, "..");
}

static void read_module(struct reader *r)
{
	end_decl(r);
	const char *rel = name_arg(r, valid_rel, "a module path");
	const struct token *t = need_attr(r, "abis");
	const struct token *cond = attr(r, "if");
	xi_abi_mask abis = 0;
	if (cond && strcmp(cond->value, "tools")) {
		xi_error(r->diag, tok_loc(r, cond), "'if=%s' is not valid here", cond->value);
		cond = NULL;
	}
	if (!rel || !t || !abi_list(r, t, &abis) || !check_all_used(r)) {
		r->mod = NULL;
		r->last = LAST_NONE;
		return;
	}
	for (unsigned i = 0; i < r->m->nmodules; i++) {
		const struct xi_mf_module *o = r->m->modules[i];
		if (!strcmp(o->rel, rel)) {
			xi_error(r->diag, tok_loc(r, &r->tok[1]), "module '%s' is described twice", rel);
			note_at(r, o->loc, "its first description is here");
			r->mod = NULL;
			return;
		}
	}
	r->mod = xi_mf_add_module(r->m, rel);
	r->mod->abis = abis;
	r->mod->input = true;
	r->mod->tools_only = cond != NULL;
	r->mod->loc = mf_loc(r);
	r->last = LAST_MODULE;
	r->decl_doc = false;
}

/* A macro prefix: empty (the variant names alone) or identifier text. */
static bool is_prefix(const char *s)
{
	return !*s || is_ident(s);
}

/* A @c_type name: c_int ... c_ulonglong. */
static bool is_ctype(const char *s)
{
	return xi_ctype_parse(s) != XI_CTYPE_NONE;
}

static bool is_integer_prim(const char *s)
{
	int p = xi_prim_by_name(s);
	return p >= 0 && xi_prims[p].integer;
}

static bool any_text(const char *s)
{
	(void)s;
	return true;
}

static bool nonempty(const char *s)
{
	return *s != '\0';
}

static void read_decl(struct reader *r, enum xi_mf_kind kind)
{
	end_decl(r);
	r->last = LAST_NONE;
	const char *name = name_arg(r, is_ident, "an identifier");
	if (!name)
		return;
	if (!r->mod) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "'%s' line before any 'module' line",
			 r->tok[0].value);
		return;
	}
	bool legacy = (kind == XI_MF_ALIAS || kind == XI_MF_STRUCT || kind == XI_MF_UNION) &&
		      flag(r, "legacy");
	const char *type = NULL, *version = NULL, *c_prefix = NULL, *c_type = NULL;
	const char *c_enum = NULL, *c_typedef = NULL, *c_inline = NULL, *string = NULL;
	const char *params = NULL, *body = NULL, *hvm_save = NULL;
	bool c_asm = false;
	struct xi_int value = { 0, false };
	struct xi_int abi_value[XI_ABI_COUNT];
	bool ok = true;
	switch (kind) {
	case XI_MF_CONST:
		type = str_attr(r, "type", nonempty);
		ok = need_attr(r, "type") && type;
		if (type && !strcmp(type, "str")) {
			/* a string constant: its text, no number */
			ok = need_attr(r, "string") && ok;
			string = str_attr(r, "string", any_text);
			c_asm = flag(r, "c_asm");
			memset(abi_value, 0, sizeof(abi_value));
			break;
		}
		/* a parameterised constant has a body and no value */
		body = str_attr(r, "body", nonempty);
		params = str_attr(r, "params", nonempty);
		if (body && !params)
			ok = need_attr(r, "params") && ok;
		else if (!body)
			ok = int_attr(r, need_attr(r, "value"), &value) && ok;
		/* value.ABI=: the value on an ABI where it differs (sizeof) */
		XI_FOR_EACH_ABI(a, XI_ABI_ALL) {
			char key[32];
			snprintf(key, sizeof(key), "value.%s", xi_abis[a].name);
			const struct token *t = attr(r, key);
			abi_value[a] = value;
			if (t)
				ok = int_attr(r, t, &abi_value[a]) && ok;
		}
		c_type = str_attr(r, "ctype", is_ctype);
		hvm_save = str_attr(r, "hvm_save", is_ident);
		break;
	case XI_MF_ENUM:
	case XI_MF_BITMAP:
		type = str_attr(r, "backing", is_integer_prim);
		ok = need_attr(r, "backing") && type;
		c_prefix = str_attr(r, "c_prefix", is_prefix);
		if (kind == XI_MF_ENUM) {
			c_enum = str_attr(r, "c_enum", is_ident);
			if (!c_enum && flag(r, "c_enum"))
				c_enum = "";
			c_typedef = str_attr(r, "c_typedef", is_ident);
		}
		break;
	case XI_MF_STRUCT:
	case XI_MF_UNION:
		version = str_attr(r, "version", is_ident);
		c_typedef = str_attr(r, "c_typedef", is_ident);
		/* Where C has the typedef: read (so known) but not compared,
		 * as the layout does not depend on it. */
		(void)str_attr(r, "c_typedef_if", nonempty);
		c_inline = str_attr(r, "c_inline", is_ident);
		/* Its C name in another configuration (xen): C only. */
		(void)str_attr(r, "c_name_if", nonempty);
		/* Other C names of the type (old interfaces' names): C's
		 * spelling only, read and not compared either. */
		(void)str_attr(r, "c_alias", is_ident);
		(void)str_attr(r, "c_old_name", is_ident);
		(void)str_attr(r, "c_alias_if", nonempty);
		break;
	case XI_MF_ALIAS:
		break;
	}
	const char *c_name = str_attr(r, "c", is_ident);
	const char *cond = str_attr(r, "if", nonempty);
	/* abis=: its condition holds on some of the module's ABIs only. */
	xi_abi_mask abis = r->mod->abis;
	const struct token *abis_tok = attr(r, "abis");
	if (abis_tok && !abi_list(r, abis_tok, &abis)) {
		ok = false;
	} else if (abis & ~r->mod->abis) {
		xi_error(r->diag, tok_loc(r, abis_tok), "'%s' cannot exist on %s: its module is on %s only",
			 name, xi_mf_abi_list(&r->m->arena, abis & ~r->mod->abis),
			 xi_mf_abi_list(&r->m->arena, r->mod->abis));
		ok = false;
	}
	bool c_only = flag(r, "c_only");
	if (!check_all_used(r) || !ok)
		return;
	for (struct xi_mf_decl *o = xi_mf_lookup_any(r->m, name); o && !c_only; o = o->next_same_name) {
		if (o->abis & abis) {
			xi_error(r->diag, tok_loc(r, &r->tok[1]), "'%s' is already declared on %s", name,
				 xi_mf_abi_list(&r->m->arena, o->abis & abis));
			note_at(r, o->loc, "the earlier declaration is here");
			return;
		}
	}
	struct xi_mf_decl *d = xi_mf_add_decl(r->m, kind, name, r->mod);
	d->loc = mf_loc(r);
	d->legacy = legacy;
	d->type = type;
	d->value = value;
	d->params = params;
	d->body = body;
	if (kind == XI_MF_CONST)
		memcpy(d->abi_value, abi_value, sizeof(abi_value));
	d->version = version;
	d->c_prefix = c_prefix;
	d->c_type = c_type;
	d->hvm_save = hvm_save;
	d->c_enum = c_enum;
	d->c_typedef = c_typedef;
	d->c_inline = c_inline;
	d->string = string;
	d->c_asm = c_asm;
	d->c_name = c_name;
	d->cond = cond;
	d->abis = abis;
	if (c_only)
		xi_mf_set_c_only(r->m, d);
	r->decl = d;
	r->last = LAST_DECL;
	r->decl_doc = false;
	r->decl_errors = r->diag->errors;
}

static void read_doc(struct reader *r, unsigned depth)
{
	if (r->ntok != 2 || r->tok[1].key || !r->tok[1].quoted) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "'doc' needs one quoted string");
		return;
	}
	const char *text = r->tok[1].value;
	const char **slot = NULL;
	bool *seen = depth == 1 ? &r->decl_doc : &r->item_doc;
	if (depth == 1 && r->decl)
		slot = &r->decl->doc;
	else if (depth == 1 && r->mod && !r->decl && r->last == LAST_MODULE)
		slot = &r->mod->doc;
	else if (depth == 2 && r->decl && r->last == LAST_MEMBER && r->member >= 0)
		slot = &r->decl->members[r->member].doc;
	else if (depth == 2 && r->decl && r->last == LAST_VARIANT && r->variant >= 0)
		slot = &r->decl->variants[r->variant].doc;
	if (!slot) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "'doc' line with nothing to document");
		return;
	}
	if (*seen) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "a second 'doc' line for the same item");
		return;
	}
	*seen = true;
	*slot = text;
}

static bool in_decl(struct reader *r, bool ok_kind, const char *what)
{
	if (!r->decl) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "'%s' line outside a declaration",
			 r->tok[0].value);
		return false;
	}
	if (!ok_kind) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "'%s' line in %s '%s' (only in %s)",
			 r->tok[0].value, xi_mf_kind_name(r->decl->kind), r->decl->name, what);
		return false;
	}
	return true;
}

static void read_layout(struct reader *r)
{
	enum xi_mf_kind k = r->decl ? r->decl->kind : XI_MF_CONST;
	if (!in_decl(r, k == XI_MF_ALIAS || k == XI_MF_STRUCT || k == XI_MF_UNION,
		     "aliases, structs and unions"))
		return;
	struct xi_mf_decl *d = r->decl;
	const char *type = k == XI_MF_ALIAS ? str_attr(r, "type", nonempty) : NULL;
	uint32_t size = 0, align = 1;
	xi_abi_mask on;
	/* Every attribute is checked (and marked used), whatever fails. */
	bool type_ok = k != XI_MF_ALIAS || (need_attr(r, "type") && type);
	bool size_ok = u32_attr(r, need_attr(r, "size"), &size);
	bool align_ok = align_attr(r, need_attr(r, "align"), &align);
	bool on_ok = on_attr(r, &on);
	bool ok = type_ok && size_ok && align_ok && on_ok;
	if (!check_all_used(r) || !ok)
		return;
	if (on & d->laid_out) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "a second layout of '%s' on %s", d->name,
			 xi_mf_abi_list(&r->m->arena, on & d->laid_out));
		return;
	}
	d->laid_out |= on;
	XI_FOR_EACH_ABI(a, on) {
		d->target[a] = type;
		d->size[a] = size;
		d->align[a] = align;
	}
	r->last = LAST_LAYOUT;
}

/* "_", or labels "NAME:VALUE" / "VALUE" separated by commas. */
static bool parse_arm(struct reader *r, const struct token *t, struct xi_mf_member *mm)
{
	mm->is_arm = true;
	if (!strcmp(t->value, "_")) {
		mm->default_arm = true;
		return true;
	}
	unsigned n = 1;
	for (const char *p = t->value; *p; p++)
		n += *p == ',';
	mm->labels = XI_NEW_ARRAY(&r->m->arena, struct xi_mf_label, n);
	char *s = xi_strdup(&r->m->arena, t->value);
	for (char *p = s;;) {
		char *e = strchr(p, ',');
		if (e)
			*e = '\0';
		char *colon = strchr(p, ':');
		struct xi_mf_label *l = &mm->labels[mm->nlabels];
		const char *num = p;
		if (colon) {
			*colon = '\0';
			l->name = p;
			num = colon + 1;
		}
		if ((colon && !is_ident(p)) || !parse_xint(num, &l->value)) {
			xi_error(r->diag, tok_loc(r, t), "'arm=%s' is not '_' or a list of [NAME:]VALUE",
				 t->value);
			return false;
		}
		mm->nlabels++;
		if (!e)
			break;
		p = e + 1;
	}
	return true;
}

static const char *raw(const struct token *t)
{
	return t ? t->value : "";
}

static void read_member(struct reader *r)
{
	enum xi_mf_kind k = r->decl ? r->decl->kind : XI_MF_CONST;
	if (!in_decl(r, k == XI_MF_STRUCT || k == XI_MF_UNION, "structs and unions"))
		return;
	struct xi_mf_decl *d = r->decl;
	const char *path = name_arg(r, is_member_path, "a member path");
	const char *type = str_attr(r, "type", nonempty);
	uint32_t offset = 0, size = 0, align = 1;
	bool type_ok = need_attr(r, "type") && type;
	bool offset_ok = u32_attr(r, need_attr(r, "offset"), &offset);
	bool size_ok = u32_attr(r, need_attr(r, "size"), &size);
	bool align_ok = align_attr(r, need_attr(r, "align"), &align);
	bool ok = type_ok && offset_ok && size_ok && align_ok;
	const struct token *dir = attr(r, "dir");
	const struct token *arm = attr(r, "arm");
	const struct token *c = attr(r, "c");
	const struct token *len = attr(r, "len");
	const struct token *max = attr(r, "max");
	bool reserved = flag(r, "reserved");
	bool alias = flag(r, "alias");
	/* C's other name of the member (an old interface's macro): read and
	 * not compared, as no layout depends on it. */
	(void)attr(r, "c_alias");
	(void)attr(r, "c_alias_if");
	/* A bitfield: its first bit in the bytes at offset, and its width. */
	const struct token *bit = attr(r, "bit"), *width = attr(r, "width");
	uint32_t bit_at = 0, bit_width = 0;
	if (bit || width) {
		if (!bit || !width) {
			xi_error(r->diag, tok_loc(r, bit ? bit : width),
				 "a bitfield needs both 'bit=' and 'width='");
			ok = false;
		} else {
			ok = u32_attr(r, bit, &bit_at) && ok;
			ok = u32_attr(r, width, &bit_width) && ok;
		}
	}
	xi_abi_mask on;
	ok = on_attr(r, &on) && ok;
	unsigned dirbits = 0;
	if (dir) {
		if (!strcmp(dir->value, "in"))
			dirbits = XI_MF_DIR_IN;
		else if (!strcmp(dir->value, "out"))
			dirbits = XI_MF_DIR_OUT;
		else if (!strcmp(dir->value, "inout"))
			dirbits = XI_MF_DIR_IN | XI_MF_DIR_OUT;
		else {
			xi_error(r->diag, tok_loc(r, dir), "'dir=%s' is not in, out or inout", dir->value);
			ok = false;
		}
	}
	if (c && !is_ident(c->value)) {
		xi_error(r->diag, tok_loc(r, c), "'c=%s' is not a C identifier", c->value);
		ok = false;
	}
	if (len && !is_ident(len->value)) {
		xi_error(r->diag, tok_loc(r, len), "'len=%s' is not a member name", len->value);
		ok = false;
	}
	if (max && !len) {
		xi_error(r->diag, tok_loc(r, max), "'max=%s' bounds no count: 'len=' is missing",
			 max->value);
		ok = false;
	}
	if (!check_all_used(r) || !ok || !path)
		return;
	const char *sig[7] = { raw(dir), reserved ? "reserved" : "", raw(arm), raw(c), raw(len),
			       raw(max), alias ? "alias" : "" };
	struct xi_mf_member *mm;
	if (r->member >= 0 && !strcmp(d->members[r->member].path, path)) {
		/* Another group of ABIs of the same member. */
		static const char *const names[7] = { "dir", "reserved", "arm", "c", "len", "max",
						      "alias" };
		for (unsigned i = 0; i < 7; i++) {
			if (strcmp(sig[i], r->member_sig[i])) {
				xi_error(r->diag, tok_loc(r, &r->tok[0]),
					 "'%s' of member '%s' differs from its line %u",
					 names[i], path, (unsigned)r->member_line);
				return;
			}
		}
		mm = &d->members[r->member];
		if (on & mm->abis) {
			xi_error(r->diag, tok_loc(r, &r->tok[0]), "member '%s' is described twice on %s", path,
				 xi_mf_abi_list(&r->m->arena, on & mm->abis));
			return;
		}
	} else {
		int earlier = xi_mf_member_index(d, path);
		if (earlier >= 0) {
			xi_error(r->diag, tok_loc(r, &r->tok[1]),
				 "member '%s' is described again after other members", path);
			note_at(r, d->members[earlier].loc, "its first line is here");
			return;
		}
		const char *dot = strrchr(path, '.');
		if (dot) {
			size_t plen = (size_t)(dot - path);
			while (plen >= 2 && path[plen - 2] == '[')
				plen -= 2;
			char *parent = xi_strndup(&r->m->arena, path, plen);
			int pi = xi_mf_member_index(d, parent);
			if (pi < 0) {
				xi_error(r->diag, tok_loc(r, &r->tok[1]),
					 "member '%s' comes before its enclosing member '%s'", path, parent);
				return;
			}
			const struct xi_mf_member *pm = &d->members[pi];
			XI_FOR_EACH_ABI(a, pm->abis) {
				if (!xi_mf_type_is_inline(pm->type[a])) {
					xi_error(r->diag, tok_loc(r, &r->tok[1]),
						 "member '%s' is inside '%s', which is not an inline struct or union",
						 path, parent);
					return;
				}
				break;
			}
		}
		mm = xi_mf_add_member(r->m, d, path);
		mm->loc = mf_loc(r);
		mm->dir = dirbits;
		mm->reserved = reserved;
		mm->alias = alias;
		mm->bit = bit_at;
		mm->width = bit_width;
		mm->c_name = c ? c->value : NULL;
		mm->len = len ? len->value : NULL;
		mm->max = max ? max->value : NULL;
		if (arm && !parse_arm(r, arm, mm)) {
			d->nmembers--;
			return;
		}
		r->member = (int)(d->nmembers - 1);
		r->member_line = r->line;
		memcpy(r->member_sig, sig, sizeof(sig));
		r->item_doc = false;
	}
	mm->abis |= on;
	XI_FOR_EACH_ABI(a, on) {
		mm->type[a] = type;
		mm->offset[a] = offset;
		mm->size[a] = size;
		mm->align[a] = align;
	}
	r->last = LAST_MEMBER;
}

static bool parse_bits(const char *s, unsigned *lo, unsigned *hi)
{
	const char *dots = strstr(s, "..");
	uint64_t a, b;
	if (!dots)
		return parse_u64(s, &a) && a < 64 && (*lo = *hi = (unsigned)a, true);
	char buf[24];
	size_t n = (size_t)(dots - s);
	if (n >= sizeof(buf))
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (!parse_u64(buf, &a) || !parse_u64(dots + 2, &b) || a >= b || b >= 64)
		return false;
	*lo = (unsigned)a;
	*hi = (unsigned)b;
	return true;
}

static void read_variant(struct reader *r, bool bit)
{
	enum xi_mf_kind k = r->decl ? r->decl->kind : XI_MF_CONST;
	if (!in_decl(r, k == (bit ? XI_MF_BITMAP : XI_MF_ENUM), bit ? "bitmaps" : "enums"))
		return;
	struct xi_mf_decl *d = r->decl;
	const char *name = name_arg(r, is_ident, "an identifier");
	struct xi_int value = { 0, false };
	unsigned lo = 0, hi = 0;
	bool ok = true;
	if (bit) {
		const struct token *t = need_attr(r, "bits");
		unsigned width = (unsigned)xi_prims[xi_prim_by_name(d->type)].size * 8;
		if (t && (!parse_bits(t->value, &lo, &hi) || hi >= width)) {
			xi_error(r->diag, tok_loc(r, t), "'bits=%s' is not N or N..M within %u bits", t->value,
				 width);
			ok = false;
		}
		ok = ok && t;
	} else {
		ok = int_attr(r, need_attr(r, "value"), &value);
	}
	const char *c = str_attr(r, "c", is_ident);
	const char *c_type = str_attr(r, "ctype", is_ctype);
	const char *cond = str_attr(r, "if", nonempty);
	if (!check_all_used(r) || !ok || !name)
		return;
	for (unsigned i = 0; i < d->nvariants; i++) {
		if (!strcmp(d->variants[i].name, name)) {
			xi_error(r->diag, tok_loc(r, &r->tok[1]), "'%s' is listed twice in '%s'", name,
				 d->name);
			note_at(r, d->variants[i].loc, "its first line is here");
			return;
		}
	}
	struct xi_mf_variant *v = xi_mf_add_variant(r->m, d, name);
	v->c_name = c;
	v->c_type = c_type;
	v->cond = cond;
	v->loc = mf_loc(r);
	v->value = value;
	v->lo = lo;
	v->hi = hi;
	r->variant = (int)(d->nvariants - 1);
	r->last = LAST_VARIANT;
	r->item_doc = false;
}

static void read_line(struct reader *r, unsigned depth)
{
	const char *kw = r->tok[0].value;
	if (r->tok[0].key || r->tok[0].quoted) {
		xi_error(r->diag, tok_loc(r, &r->tok[0]), "a line must start with a keyword");
		return;
	}
	static const struct { const char *kw; enum xi_mf_kind kind; } decls[] = {
		{ "const", XI_MF_CONST }, { "alias", XI_MF_ALIAS }, { "enum", XI_MF_ENUM },
		{ "bitmap", XI_MF_BITMAP }, { "struct", XI_MF_STRUCT }, { "union", XI_MF_UNION },
	};
	if (depth == 0) {
		if (!strcmp(kw, "module")) {
			read_module(r);
			return;
		}
		for (size_t i = 0; i < sizeof(decls) / sizeof(decls[0]); i++) {
			if (!strcmp(kw, decls[i].kw)) {
				read_decl(r, decls[i].kind);
				return;
			}
		}
	} else if (depth == 1) {
		if (!strcmp(kw, "doc"))
			read_doc(r, 1);
		else if (!strcmp(kw, "layout"))
			read_layout(r);
		else if (!strcmp(kw, "member"))
			read_member(r);
		else if (!strcmp(kw, "variant"))
			read_variant(r, false);
		else if (!strcmp(kw, "bit"))
			read_variant(r, true);
		else
			goto unknown;
		return;
	} else if (!strcmp(kw, "doc")) {
		read_doc(r, 2);
		return;
	}
unknown:
	xi_error(r->diag, tok_loc(r, &r->tok[0]), "unknown '%s' line at indentation %u", kw,
		 depth * MF_INDENT_WIDTH);
}

bool xi_mf_read_text(struct xi_mf_model *m, struct xi_diag *diag, const char *path,
		     const char *text, size_t len)
{
	char *copy = xi_xmalloc(len + 2);
	memcpy(copy, text, len);
	copy[len] = copy[len + 1] = '\0';
	struct xi_source *src = xi_diag_add_source(diag, xi_xstrdup(path), copy, len);
	unsigned errors_before = diag->errors;
	struct reader r;
	memset(&r, 0, sizeof(r));
	r.m = m;
	r.diag = diag;
	r.src = src;
	r.file = xi_strdup(&m->arena, path);
	r.member = r.variant = -1;
	const char *p = copy, *end = copy + len;
	bool header = false;
	while (p < end && !diag->capped) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *line0 = p;
		r.line++;
		p = nl ? nl + 1 : end;
		if (eol > line0 && eol[-1] == '\r')
			eol--;
		if (!header) {
			/* The magic line comes first, before anything else. */
			size_t mlen = strlen(XI_MF_MAGIC);
			if ((size_t)(eol - line0) <= mlen || memcmp(line0, XI_MF_MAGIC, mlen) ||
			    line0[mlen] != ' ')
				break;
		}
		const char *bad = NULL;
		for (const char *q = line0; q < eol && !bad; q++)
			if (*q == '\0' || *q == '\t' || *q == '\r')
				bad = q;
		if (bad) {
			xi_error(diag, loc_at(&r, (uint32_t)(bad - line0) + 1, 1), "%s in a manifest",
				 *bad == '\t' ? "a tab" : *bad == '\r' ? "a carriage return" : "a NUL byte");
			continue;
		}
		const char *q = line0;
		while (q < eol && *q == ' ')
			q++;
		if (q == eol || *q == '#')
			continue;
		uint32_t indent = (uint32_t)(q - line0);
		if (!tokenize(&r, line0, q, eol))
			continue;
		if (!header) {
			read_header(&r);
			if (diag->errors != errors_before)
				break;
			header = true;
			continue;
		}
		if (indent % MF_INDENT_WIDTH || indent > 2 * MF_INDENT_WIDTH) {
			xi_error(diag, loc_at(&r, indent + 1, 0),
				 "indentation of %u spaces (expected 0, 4 or 8)", (unsigned)indent);
			continue;
		}
		read_line(&r, indent / MF_INDENT_WIDTH);
	}
	if (!header && diag->errors == errors_before) {
		struct xi_loc at = { 1, 1, src->id, 0 };
		xi_error(diag, at, "not an ABI manifest: the first line must be '%s %d'", XI_MF_MAGIC,
			 XI_MF_FORMAT_VERSION);
	}
	end_decl(&r);
	xi_mf_finish(m);
	return diag->errors == errors_before;
}

bool xi_mf_read(struct xi_mf_model *m, struct xi_diag *diag, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		xi_error_at_file(diag, path, "cannot open: %s", strerror(errno));
		return false;
	}
	struct xi_strbuf sb = XI_STRBUF_INIT;
	char buf[65536];
	size_t n;
	bool too_big = false;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (sb.len + n > XI_MAX_FILE_SIZE) {
			too_big = true;
			break;
		}
		xi_sb_addn(&sb, buf, n);
	}
	bool io_error = ferror(f);
	fclose(f);
	if (too_big || io_error) {
		if (too_big)
			xi_error_at_file(diag, path, "larger than %u bytes", XI_MAX_FILE_SIZE);
		else
			xi_error_at_file(diag, path, "read error");
		xi_sb_free(&sb);
		return false;
	}
	bool ok = xi_mf_read_text(m, diag, path, xi_sb_str(&sb), sb.len);
	xi_sb_free(&sb);
	return ok;
}
