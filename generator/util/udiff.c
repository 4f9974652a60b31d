/* Myers' O(ND) difference algorithm over lines, after trimming the common
 * head and tail. When the edit script would be too costly to compute the
 * middle is shown as replaced whole, which is still a correct diff. */
#include "udiff.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define UDIFF_CONTEXT 3
/* Most V-array entries kept for backtracking before falling back to a
 * whole replacement. */
#define UDIFF_MAX_TRACE (64u * 1024u * 1024u)

struct line {
	const char *s;
	size_t n;      /* without the newline */
	bool nl;       /* ends with a newline */
};

static struct line *split(const char *text, size_t len, size_t *count)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			n++;
	if (len && text[len - 1] != '\n')
		n++;
	struct line *v = xi_xmalloc(sizeof(*v) * (n + 1));
	size_t k = 0, start = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n') {
			v[k].s = text + start;
			v[k].n = i - start;
			v[k].nl = true;
			k++;
			start = i + 1;
		}
	}
	if (start < len) {
		v[k].s = text + start;
		v[k].n = len - start;
		v[k].nl = false;
		k++;
	}
	*count = k;
	return v;
}

static bool same(const struct line *x, const struct line *y)
{
	return x->n == y->n && x->nl == y->nl && memcmp(x->s, y->s, x->n) == 0;
}

/* Edit script: for each line of a, whether it is deleted; for each line of
 * b, whether it is inserted. */
static void myers(const struct line *a, size_t n, const struct line *b, size_t m,
		  bool *del, bool *ins)
{
	size_t max = n + m;
	size_t width = 2 * max + 1;
	long *v = xi_xmalloc(sizeof(long) * width);
	long *trace = NULL;
	size_t d, traced = 0;
	bool fallback = false;
	for (size_t i = 0; i < width; i++)
		v[i] = 0;
	for (d = 0; d <= max; d++) {
		if ((traced + 1) * width > UDIFF_MAX_TRACE) {
			fallback = true;
			break;
		}
		trace = xi_xrealloc(trace, sizeof(long) * width * (traced + 1));
		memcpy(trace + traced * width, v, sizeof(long) * width);
		traced++;
		bool done = false;
		for (long k = -(long)d; k <= (long)d; k += 2) {
			long x;
			size_t ki = (size_t)(k + (long)max);
			if (k == -(long)d || (k != (long)d && v[ki - 1] < v[ki + 1]))
				x = v[ki + 1];
			else
				x = v[ki - 1] + 1;
			long y = x - k;
			while ((size_t)x < n && (size_t)y < m && same(&a[x], &b[y]))
				x++, y++;
			v[ki] = x;
			if ((size_t)x >= n && (size_t)y >= m) {
				done = true;
				break;
			}
		}
		if (done)
			break;
	}
	if (fallback) {
		for (size_t i = 0; i < n; i++)
			del[i] = true;
		for (size_t i = 0; i < m; i++)
			ins[i] = true;
		free(v);
		free(trace);
		return;
	}
	/* Backtrack through the saved V arrays. */
	long x = (long)n, y = (long)m;
	for (long dd = (long)d; dd > 0; dd--) {
		const long *pv = trace + (size_t)dd * width;
		long k = x - y;
		size_t ki = (size_t)(k + (long)max);
		long prev_k;
		if (k == -dd || (k != dd && pv[ki - 1] < pv[ki + 1]))
			prev_k = k + 1;
		else
			prev_k = k - 1;
		long prev_x = pv[(size_t)(prev_k + (long)max)];
		long prev_y = prev_x - prev_k;
		while (x > prev_x && y > prev_y)
			x--, y--;
		if (x == prev_x)
			ins[y - 1] = true, y--;
		else
			del[x - 1] = true, x--;
	}
	free(v);
	free(trace);
}

static void print_line(FILE *out, char tag, const struct line *l)
{
	fputc(tag, out);
	fwrite(l->s, 1, l->n, out);
	fputc('\n', out);
	if (!l->nl)
		fputs("\\ No newline at end of file\n", out);
}

void xi_udiff(FILE *out, const char *a_label, const char *a, size_t alen,
	      const char *b_label, const char *b, size_t blen)
{
	size_t n, m;
	struct line *la = split(a, alen, &n);
	struct line *lb = split(b, blen, &m);
	size_t head = 0;
	while (head < n && head < m && same(&la[head], &lb[head]))
		head++;
	size_t tail = 0;
	while (tail < n - head && tail < m - head && same(&la[n - 1 - tail], &lb[m - 1 - tail]))
		tail++;
	bool *del = xi_xmalloc(n + 1);
	bool *ins = xi_xmalloc(m + 1);
	memset(del, 0, n + 1);
	memset(ins, 0, m + 1);
	myers(la + head, n - head - tail, lb + head, m - head - tail, del + head, ins + head);

	fprintf(out, "--- %s\n+++ %s\n", a_label, b_label);
	/* Walk both sides, grouping changes closer than 2*context into hunks. */
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && !del[i] && !ins[j]) {
			i++, j++;
			continue;
		}
		/* A hunk starts CONTEXT lines before this change. */
		size_t ci = i > UDIFF_CONTEXT ? i - UDIFF_CONTEXT : 0;
		size_t cj = j - (i - ci);
		size_t ei = i, ej = j;
		/* Extend while the next change is near. */
		for (;;) {
			while ((ei < n && del[ei]) || (ej < m && ins[ej])) {
				if (ei < n && del[ei])
					ei++;
				else
					ej++;
			}
			size_t k = 0;
			while (ei + k < n && ej + k < m && !del[ei + k] && !ins[ej + k] &&
			       k <= 2 * UDIFF_CONTEXT)
				k++;
			bool more = (ei + k < n && del[ei + k]) || (ej + k < m && ins[ej + k]);
			if (more && k <= 2 * UDIFF_CONTEXT) {
				ei += k, ej += k;
				continue;
			}
			size_t ctx = k < UDIFF_CONTEXT ? k : UDIFF_CONTEXT;
			ei += ctx, ej += ctx;
			break;
		}
		fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", ei > ci ? ci + 1 : ci, ei - ci,
			ej > cj ? cj + 1 : cj, ej - cj);
		size_t x = ci, y = cj;
		while (x < ei || y < ej) {
			if (x < ei && del[x]) {
				print_line(out, '-', &la[x++]);
			} else if (y < ej && ins[y]) {
				print_line(out, '+', &lb[y++]);
			} else {
				print_line(out, ' ', &la[x]);
				x++, y++;
			}
		}
		i = ei, j = ej;
	}
	free(del);
	free(ins);
	free(la);
	free(lb);
}
