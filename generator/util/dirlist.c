#include "dirlist.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct xi_dirent *)a)->name, ((const struct xi_dirent *)b)->name);
}

struct xi_dirent *xi_list_dir(struct xi_arena *a, const char *path, unsigned *count)
{
	DIR *dir = opendir(path);
	if (!dir)
		return NULL;
	struct xi_dirent *list = NULL;
	unsigned n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dir)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			list = xi_xrealloc(list, sizeof(*list) * cap);
		}
		struct xi_dirent *e = &list[n++];
		e->name = xi_strdup(a, de->d_name);
		struct stat st;
		char *full = xi_aprintf(a, "%s/%s", path, de->d_name);
		bool ok = stat(full, &st) == 0;
		e->is_dir = ok && S_ISDIR(st.st_mode);
		e->is_file = ok && S_ISREG(st.st_mode);
	}
	int saved = errno;
	closedir(dir);
	struct xi_dirent *out = XI_NEW_ARRAY(a, struct xi_dirent, n + 1);
	if (n)
		memcpy(out, list, sizeof(*list) * n);
	free(list);
	qsort(out, n, sizeof(*out), by_name);
	*count = n;
	errno = saved;
	return out;
}
