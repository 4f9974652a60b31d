/* Directory listings in a stable order: entries sorted by name (as bytes),
 * never in the file system's order. */
#ifndef XENIDL_DIRLIST_H
#define XENIDL_DIRLIST_H

#include <stdbool.h>

#include "arena.h"

struct xi_dirent {
	const char *name;
	bool is_dir;
	bool is_file;   /* a regular file (after following symlinks) */
};

/* The entries of a directory but "." and "..", sorted; NULL when it cannot
 * be read (errno tells why). */
struct xi_dirent *xi_list_dir(struct xi_arena *a, const char *path, unsigned *count);

#endif
