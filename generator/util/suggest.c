/* Suggestions for unknown names (see suggest.h). */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "limits.h"

/* Type names of C (<stdint.h>, the basic types), of Linux's headers, of
 * Xen's headers and of Rust, with the xidl type to write instead. */
static const struct {
	const char *c;
	const char *xidl;
} c_types[] = {
	{ "uint8_t", "u8" },          { "uint16_t", "u16" },
	{ "uint32_t", "u32" },        { "uint64_t", "u64" },
	{ "int8_t", "i8" },           { "int16_t", "i16" },
	{ "int32_t", "i32" },         { "int64_t", "i64" },
	{ "uint64_aligned_t", "u64" }, { "int64_aligned_t", "i64" },
	{ "__u8", "u8" },             { "__u16", "u16" },
	{ "__u32", "u32" },           { "__u64", "u64" },
	{ "__s8", "i8" },             { "__s16", "i16" },
	{ "__s32", "i32" },           { "__s64", "i64" },
	{ "unsigned char", "u8" },    { "signed char", "i8" },
	{ "bool", "u8" },             { "_Bool", "u8" },
	{ "unsigned short", "u16" },  { "unsigned short int", "u16" },
	{ "short", "i16" },           { "short int", "i16" },
	{ "signed short", "i16" },
	{ "unsigned", "u32" },        { "unsigned int", "u32" },
	{ "int", "i32" },             { "signed", "i32" },
	{ "signed int", "i32" },
	{ "unsigned long long", "u64" }, { "unsigned long long int", "u64" },
	{ "long long", "i64" },       { "long long int", "i64" },
	{ "signed long long", "i64" },
	/* The size of C's long follows the ABI: Xen's headers use
	 * xen_ulong_t for the ABI's unsigned word. */
	{ "unsigned long", "xen_ulong_t" }, { "unsigned long int", "xen_ulong_t" },
	{ "ulong", "xen_ulong_t" },   { "size_t", "xen_ulong_t" },
	{ "uintptr_t", "xen_ulong_t" }, { "usize", "xen_ulong_t" },
};

const char *xi_suggest_c_type(const char *name)
{
	for (size_t i = 0; i < sizeof(c_types) / sizeof(c_types[0]); i++)
		if (!strcmp(c_types[i].c, name))
			return c_types[i].xidl;
	return NULL;
}

unsigned xi_suggest_limit(const char *name)
{
	unsigned n = (unsigned)strlen(name) / 3;
	if (n < 1)
		n = 1;
	return n < XI_SUGGEST_MAX_EDITS ? n : XI_SUGGEST_MAX_EDITS;
}

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
	unsigned m = a < b ? a : b;
	return m < c ? m : c;
}

unsigned xi_edit_distance(const char *a, const char *b, unsigned limit)
{
	size_t n = strlen(a), m = strlen(b);
	if ((n > m ? n - m : m - n) > limit || n > XI_MAX_IDENT_LEN || m > XI_MAX_IDENT_LEN)
		return limit + 1;
	/* Three rows of the table: the one before the previous (for swaps),
	 * the previous and the current. */
	unsigned *rows = xi_xmalloc(sizeof(unsigned) * 3 * (m + 1));
	unsigned *before = rows, *prev = rows + (m + 1), *cur = rows + 2 * (m + 1);
	for (size_t j = 0; j <= m; j++)
		prev[j] = (unsigned)j;
	unsigned d = 0;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = (unsigned)i;
		unsigned row_min = cur[0];
		for (size_t j = 1; j <= m; j++) {
			unsigned cost = a[i - 1] != b[j - 1];
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    before[j - 2] + 1 < cur[j])
				cur[j] = before[j - 2] + 1;
			if (cur[j] < row_min)
				row_min = cur[j];
		}
		if (row_min > limit) {
			free(rows);
			return limit + 1;
		}
		unsigned *t = before;
		before = prev;
		prev = cur;
		cur = t;
	}
	d = prev[m];
	free(rows);
	return d > limit ? limit + 1 : d;
}

void xi_suggestion_init(struct xi_suggestion *s, const char *name)
{
	s->name = name;
	s->limit = xi_suggest_limit(name);
	s->best = NULL;
	s->best_edits = s->limit + 1;
}

void xi_suggestion_offer(struct xi_suggestion *s, const char *candidate)
{
	if (!strcmp(candidate, s->name))
		return;
	unsigned d = xi_edit_distance(s->name, candidate, s->limit);
	if (d < s->best_edits) {
		s->best = candidate;
		s->best_edits = d;
	}
}
