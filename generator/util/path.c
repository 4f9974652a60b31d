/* Paths as text: '/'-separated, cleaned lexically (no system calls). */
#include "path.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Lexically clean a '/'-separated path: drop "." parts and fold "x/..". */
char *xi_path_normalize(struct xi_arena *a, const char *path)
{
	size_t len = strlen(path);
	char *out = xi_alloc(a, len + 2);
	bool absolute = path[0] == '/';
	/* Positions of the starts of kept components, to pop on "..". */
	size_t *starts = xi_xmalloc(sizeof(size_t) * (len / 2 + 2));
	size_t nstarts = 0, o = 0;
	if (absolute)
		out[o++] = '/';
	const char *p = path;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 1 && p[0] == '.') {
			/* skip */
		} else if (n == 2 && p[0] == '.' && p[1] == '.' && nstarts &&
			   !(o - starts[nstarts - 1] == 2 && out[starts[nstarts - 1]] == '.' &&
			     out[starts[nstarts - 1] + 1] == '.')) {
			o = starts[--nstarts];
			if (o > (absolute ? 1u : 0u))
				o--; /* the '/' before it */
		} else if (n == 2 && p[0] == '.' && p[1] == '.' && absolute && !nstarts) {
			/* "/.." is "/" */
		} else {
			if (o > (absolute ? 1u : 0u))
				out[o++] = '/';
			starts[nstarts++] = o;
			memcpy(out + o, p, n);
			o += n;
		}
		p += n;
	}
	if (o == 0)
		out[o++] = '.';
	out[o] = '\0';
	free(starts);
	return out;
}

/* The directory part of a path ("." when there is none). */
char *xi_path_dirname(struct xi_arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xi_strdup(a, ".");
	if (slash == path)
		return xi_strdup(a, "/");
	return xi_strndup(a, path, (size_t)(slash - path));
}

void xi_path_narrow_common(char *common, const char *dir)
{
	size_t k = 0;
	while (common[k] && common[k] == dir[k])
		k++;
	if (!(common[k] == '\0' && (dir[k] == '/' || dir[k] == '\0'))) {
		while (k > 0 && common[k] != '/')
			k--;
		common[k ? k : 1] = '\0';
	}
}

char *xi_path_join(struct xi_arena *a, const char *dir, const char *rel)
{
	if (rel[0] == '/' || !strcmp(dir, "."))
		return xi_path_normalize(a, rel);
	return xi_path_normalize(a, xi_aprintf(a, "%s/%s", dir, rel));
}
