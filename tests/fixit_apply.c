/* Apply the fix-its of xenidl's diagnostics, literally (tests/fixits.sh).
 *
 *   fixit-apply list DIAGS       one line per error of DIAGS:
 *                                "N<TAB>fix|none<TAB>error: MESSAGE"
 *   fixit-apply apply DIAGS N    apply the fix-its of error N (from 1)
 *   fixit-apply apply DIAGS all  apply those of every error
 *
 * DIAGS is what xenidl --parseable-fixits wrote to stderr. An error's
 * fix-its are the gcc-style lines
 *
 *   fix-it:"FILE":{L1:C1-L2:C2}:"TEXT"
 *
 * printed after it or after its notes: the bytes from line L1, column C1
 * up to L2:C2 (excluded; lines and byte columns from 1) of FILE are
 * replaced with TEXT (C escapes, octal for other bytes). Files are named
 * as in DIAGS, relative to the current directory. All the edits of a file
 * are made together, from its end, so that their places stay valid. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest line of a diagnostics file. */
#define MAX_LINE 65536

struct edit {
	char *file;
	unsigned line, col, end_line, end_col;
	char *text;
	size_t len;
	unsigned error; /* the error it fixes, from 1 */
};

struct error {
	char *message;  /* "error: ..." */
	unsigned nfixes;
};

static struct edit *edits;
static unsigned nedits, cap_edits;
static struct error *errors;
static unsigned nerrors, cap_errors;

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		perror("fixit-apply");
		exit(2);
	}
	return p;
}

/* A quoted string with C escapes at *p; advances past it. */
static char *unquote(const char **p, size_t *len)
{
	const char *s = *p;
	if (*s != '"')
		return NULL;
	s++;
	char *out = xrealloc(NULL, strlen(s) + 1);
	size_t n = 0;
	while (*s && *s != '"') {
		if (*s != '\\') {
			out[n++] = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 'n': out[n++] = '\n'; s++; break;
		case 't': out[n++] = '\t'; s++; break;
		case '\\': out[n++] = '\\'; s++; break;
		case '"': out[n++] = '"'; s++; break;
		default:
			if (s[0] >= '0' && s[0] <= '7' && s[1] >= '0' && s[1] <= '7' && s[2] >= '0' &&
			    s[2] <= '7') {
				out[n++] = (char)((s[0] - '0') * 64 + (s[1] - '0') * 8 + (s[2] - '0'));
				s += 3;
			} else {
				free(out);
				return NULL;
			}
		}
	}
	if (*s != '"') {
		free(out);
		return NULL;
	}
	out[n] = '\0';
	*p = s + 1;
	*len = n;
	return out;
}

static bool parse_fixit(const char *l, unsigned error)
{
	const char *p = l + strlen("fix-it:");
	size_t flen;
	char *file = unquote(&p, &flen);
	struct edit e = { 0 };
	int used = 0;
	if (!file || sscanf(p, ":{%u:%u-%u:%u}:%n", &e.line, &e.col, &e.end_line, &e.end_col,
			    &used) != 4 || !used)
		return false;
	p += used;
	e.text = unquote(&p, &e.len);
	if (!e.text || *p)
		return false;
	e.file = file;
	e.error = error;
	if (nedits == cap_edits) {
		cap_edits = cap_edits ? cap_edits * 2 : 16;
		edits = xrealloc(edits, sizeof(*edits) * cap_edits);
	}
	edits[nedits++] = e;
	return true;
}

/* "FILE:LINE:COL: error: MESSAGE": the severity's place in the line. */
static const char *severity_at(const char *l, const char *sev)
{
	char pat[32];
	snprintf(pat, sizeof(pat), ": %s: ", sev);
	return strstr(l, pat);
}

static void read_diags(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(2);
	}
	static char l[MAX_LINE];
	unsigned current = 0; /* the error that notes and fix-its follow */
	while (fgets(l, sizeof(l), f)) {
		l[strcspn(l, "\n")] = '\0';
		if (!strncmp(l, "fix-it:", 7)) {
			if (!current || !parse_fixit(l, current)) {
				fprintf(stderr, "fixit-apply: bad or stray fix-it line: %s\n", l);
				exit(1);
			}
			errors[current - 1].nfixes++;
			continue;
		}
		if (l[0] == ' ')
			continue;
		const char *e = severity_at(l, "error");
		if (!e) {
			/* A note stays with its error; a warning starts a group of
			 * its own, which takes nothing from the error before. */
			if (severity_at(l, "warning") || !strncmp(l, "xenidl: ", 8))
				current = 0;
			continue;
		}
		if (nerrors == cap_errors) {
			cap_errors = cap_errors ? cap_errors * 2 : 16;
			errors = xrealloc(errors, sizeof(*errors) * cap_errors);
		}
		struct error *er = &errors[nerrors++];
		memset(er, 0, sizeof(*er));
		er->message = strdup(e + 2);
		current = nerrors;
	}
	fclose(f);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0, got;
	char *buf = xrealloc(NULL, cap);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	fclose(f);
	*len = n;
	return buf;
}

/* The offset of line:col, or -1. Column 1 of the line after the last
 * newline is the end of the file. */
static long offset_of(const char *t, size_t n, unsigned line, unsigned col)
{
	size_t i = 0;
	for (unsigned l = 1; l < line; l++) {
		const char *nl = memchr(t + i, '\n', n - i);
		if (!nl)
			return -1;
		i = (size_t)(nl - t) + 1;
	}
	const char *nl = memchr(t + i, '\n', n - i);
	size_t line_len = nl ? (size_t)(nl - (t + i)) : n - i;
	if (col == 0 || col - 1 > line_len)
		return -1;
	return (long)(i + col - 1);
}

static int by_start_desc(const void *a, const void *b)
{
	const struct edit *x = *(const struct edit *const *)a, *y = *(const struct edit *const *)b;
	if (x->line != y->line)
		return x->line < y->line ? 1 : -1;
	return x->col < y->col ? 1 : x->col > y->col ? -1 : 0;
}

static int apply(unsigned which)
{
	struct edit **sel = xrealloc(NULL, sizeof(*sel) * (nedits + 1));
	int status = 0;
	for (unsigned i = 0; i < nedits; i++) {
		if (!edits[i].file)
			continue;
		const char *file = edits[i].file;
		unsigned n = 0;
		for (unsigned j = i; j < nedits; j++)
			if (edits[j].file && !strcmp(edits[j].file, file) &&
			    (!which || edits[j].error == which))
				sel[n++] = &edits[j];
		if (n) {
			size_t len;
			char *t = read_file(file, &len);
			if (!t) {
				fprintf(stderr, "fixit-apply: cannot read %s\n", file);
				return 1;
			}
			qsort(sel, n, sizeof(*sel), by_start_desc);
			long limit = (long)len + 1; /* the start of the edit after */
			for (unsigned k = 0; k < n; k++) {
				struct edit *e = sel[k];
				long a = offset_of(t, len, e->line, e->col);
				long b = offset_of(t, len, e->end_line, e->end_col);
				if (a < 0 || b < a || b > limit) {
					fprintf(stderr, "fixit-apply: %s:{%u:%u-%u:%u}: %s\n", file,
						e->line, e->col, e->end_line, e->end_col,
						a < 0 || b < a ? "not a range of the file"
							       : "overlaps another fix-it");
					free(t);
					return 1;
				}
				char *u = xrealloc(NULL, len - (size_t)(b - a) + e->len + 1);
				memcpy(u, t, (size_t)a);
				memcpy(u + a, e->text, e->len);
				memcpy(u + a + e->len, t + b, len - (size_t)b);
				len = len - (size_t)(b - a) + e->len;
				free(t);
				t = u;
				limit = a;
			}
			FILE *f = fopen(file, "wb");
			if (!f || fwrite(t, 1, len, f) != len || fclose(f) != 0) {
				fprintf(stderr, "fixit-apply: cannot write %s\n", file);
				status = 1;
			}
			free(t);
		}
		/* Done with this file: mark its edits. */
		for (unsigned j = nedits; j-- > i;)
			if (edits[j].file && j != i && !strcmp(edits[j].file, file)) {
				free(edits[j].file);
				edits[j].file = NULL;
			}
		free(edits[i].file);
		edits[i].file = NULL;
	}
	free(sel);
	return status;
}

int main(int argc, char **argv)
{
	if (argc < 3 || (strcmp(argv[1], "list") && strcmp(argv[1], "apply")) ||
	    (!strcmp(argv[1], "apply") && argc != 4)) {
		fputs("usage: fixit-apply list DIAGS | fixit-apply apply DIAGS N|all\n", stderr);
		return 2;
	}
	read_diags(argv[2]);
	if (!strcmp(argv[1], "list")) {
		for (unsigned i = 0; i < nerrors; i++)
			printf("%u\t%s\t%s\n", i + 1,
			       errors[i].nfixes ? "fix" : "none",
			       errors[i].message);
		return 0;
	}
	unsigned which = 0;
	if (strcmp(argv[3], "all")) {
		which = (unsigned)strtoul(argv[3], NULL, 10);
		if (!which || which > nerrors) {
			fprintf(stderr, "fixit-apply: no error %s\n", argv[3]);
			return 2;
		}
	}
	return apply(which);
}
