/* abi-diff output: compiler-style lines for people, JSON for tools.
 *
 *   FILE:LINE:COL: CLASS: SUBJECT: MESSAGE [ABIS]
 *   FILE:LINE:COL: note: SUBJECT: MESSAGE [ABIS]
 *
 * One line per finding, then its consequences as notes, as gcc follows an
 * error with notes. The location is on the new side, or on the old side
 * for what the new side no longer has. [ABIS] appears when a finding does
 * not hold on every ABI the subject exists on, or a note not on every ABI
 * of its finding. */
#include "abidiff.h"

#include <string.h>

static const char *const class_names[XI_AD_CLASS_COUNT] = {
	[XI_AD_COMPATIBLE] = "compatible",
	[XI_AD_API] = "API-only",
	[XI_AD_BUMPED] = "breaking, version bumped",
	[XI_AD_BREAKING] = "breaking",
};

static const char *const class_ids[XI_AD_CLASS_COUNT] = {
	[XI_AD_COMPATIBLE] = "compatible",
	[XI_AD_API] = "api-only",
	[XI_AD_BUMPED] = "version-bumped",
	[XI_AD_BREAKING] = "breaking",
};

static struct xi_mf_loc primary(const struct xi_abidiff_report *r)
{
	return r->new_loc.file ? r->new_loc : r->old_loc;
}

static void print_loc(FILE *f, struct xi_mf_loc l)
{
	if (!l.file)
		return;
	if (l.col)
		fprintf(f, "%s:%u:%u: ", l.file, (unsigned)l.line, (unsigned)l.col);
	else
		fprintf(f, "%s:%u: ", l.file, (unsigned)l.line);
}

void xi_abidiff_print_text(FILE *f, const struct xi_abidiff *d)
{
	struct xi_arena arena;
	xi_arena_init(&arena);
	for (unsigned i = 0; i < d->nreports; i++) {
		const struct xi_abidiff_report *r = &d->reports[i];
		print_loc(f, primary(r));
		fprintf(f, "%s: %s: %s", class_names[r->cls], r->subject, r->message);
		if (r->abis != r->scope)
			fprintf(f, " [%s]", xi_mf_abi_list(&arena, r->abis));
		if (r->version)
			fprintf(f, " (%s)", r->version);
		if (r->hint)
			fprintf(f, " (%s)", r->hint);
		fputc('\n', f);
		for (unsigned k = 0; k < r->nnotes; k++) {
			const struct xi_abidiff_note *n = &r->notes[k];
			print_loc(f, n->new_loc.file ? n->new_loc : n->old_loc);
			fprintf(f, "note: %s: %s", n->subject, n->message);
			if (n->abis != r->abis)
				fprintf(f, " [%s]", xi_mf_abi_list(&arena, n->abis));
			fputc('\n', f);
		}
	}
	xi_arena_free(&arena);
	if (!d->nreports) {
		fputs("abi-diff: no differences\n", f);
		return;
	}
	fprintf(f, "abi-diff: %u breaking, %u accepted by a version bump, %u API-only, %u compatible\n",
		d->count[XI_AD_BREAKING], d->count[XI_AD_BUMPED], d->count[XI_AD_API],
		d->count[XI_AD_COMPATIBLE]);
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_loc(FILE *f, const char *indent, const char *key, struct xi_mf_loc l)
{
	if (!l.file)
		return;
	fprintf(f, ",\n%s\"%s\": {\"file\": ", indent, key);
	json_string(f, l.file);
	fprintf(f, ", \"line\": %u", (unsigned)l.line);
	if (l.col)
		fprintf(f, ", \"column\": %u", (unsigned)l.col);
	fputc('}', f);
}

/* The fields a finding and a note share, each line after `indent`. */
static void json_fact(FILE *f, const char *indent, const char *rule, const char *subject,
		      const char *message, xi_abi_mask abis, struct xi_mf_loc old_loc,
		      struct xi_mf_loc new_loc)
{
	fprintf(f, "%s\"rule\": ", indent);
	json_string(f, rule);
	fprintf(f, ",\n%s\"subject\": ", indent);
	json_string(f, subject);
	fprintf(f, ",\n%s\"message\": ", indent);
	json_string(f, message);
	fprintf(f, ",\n%s\"abis\": [", indent);
	bool first = true;
	XI_FOR_EACH_ABI(a, abis) {
		fprintf(f, "%s\"%s\"", first ? "" : ", ", xi_abis[a].name);
		first = false;
	}
	fputc(']', f);
	json_loc(f, indent, "old", old_loc);
	json_loc(f, indent, "new", new_loc);
}

/* Keys in a fixed order; ABIs by name, in the order of --abi's list. */
void xi_abidiff_print_json(FILE *f, const struct xi_abidiff *d, int status)
{
	fputs("{\n  \"differences\": [", f);
	for (unsigned i = 0; i < d->nreports; i++) {
		const struct xi_abidiff_report *r = &d->reports[i];
		fprintf(f, "%s\n    {\n      \"class\": \"%s\",\n", i ? "," : "", class_ids[r->cls]);
		json_fact(f, "      ", r->rule, r->subject, r->message, r->abis, r->old_loc, r->new_loc);
		if (r->version) {
			fputs(",\n      \"version\": ", f);
			json_string(f, r->version);
		}
		if (r->hint) {
			fputs(",\n      \"hint\": ", f);
			json_string(f, r->hint);
		}
		fputs(",\n      \"notes\": [", f);
		for (unsigned k = 0; k < r->nnotes; k++) {
			const struct xi_abidiff_note *n = &r->notes[k];
			fprintf(f, "%s\n        {\n", k ? "," : "");
			json_fact(f, "          ", n->rule, n->subject, n->message, n->abis, n->old_loc,
				  n->new_loc);
			fputs("\n        }", f);
		}
		fprintf(f, "%s]\n    }", r->nnotes ? "\n      " : "");
	}
	fprintf(f, "%s],\n  \"summary\": {\"breaking\": %u, \"version-bumped\": %u, \"api-only\": %u, "
		"\"compatible\": %u},\n  \"status\": %d\n}\n", d->nreports ? "\n  " : "",
		d->count[XI_AD_BREAKING], d->count[XI_AD_BUMPED], d->count[XI_AD_API],
		d->count[XI_AD_COMPATIBLE], status);
}
