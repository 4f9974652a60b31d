/* Paths as text: '/'-separated, cleaned lexically (no system calls). */
#ifndef XENIDL_PATH_H
#define XENIDL_PATH_H

#include "arena.h"

/* Drop "." components and fold "x/.." ("." for an empty result). */
char *xi_path_normalize(struct xi_arena *a, const char *path);
/* The directory part of a path ("." when there is none). */
char *xi_path_dirname(struct xi_arena *a, const char *path);
/* Shorten the canonical directory `common` in place to the deepest
 * directory that holds both it and the canonical directory `dir`. */
void xi_path_narrow_common(char *common, const char *dir);
/* `rel` relative to `dir`, normalized (`rel` itself when absolute). */
char *xi_path_join(struct xi_arena *a, const char *dir, const char *rel);

#endif
