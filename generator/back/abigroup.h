/* ABIs that share a text (a declaration line, a block of checks), and the
 * C preprocessor condition that selects a set of ABIs. Used by every
 * backend that writes per-ABI variants. */
#ifndef XENIDL_ABIGROUP_H
#define XENIDL_ABIGROUP_H

#include <stdbool.h>

#include "abi.h"
#include "arena.h"

/* A group of ABIs that agree: its ABIs, the first of them (whose figures
 * or text stand for the group's), and the group's text where grouped by
 * text. */
struct xi_abi_group {
	xi_abi_mask abis;
	int first;
	const char *text;
};

/* Whether ABIs a and b agree, by figures of `data`: an equivalence. */
typedef bool xi_abi_same_fn(const void *data, int a, int b);

/* Group the ABIs of `abis` that agree by `same`, in ABI order of first
 * appearance (each group's first ABI is compared with the next ABIs);
 * returns the number of groups (at most XI_ABI_COUNT). */
unsigned xi_abi_group(struct xi_abi_group *groups, xi_abi_mask abis, xi_abi_same_fn *same,
		      const void *data);

/* Group the ABIs of `abis` by equal texts[abi]. */
unsigned xi_abi_group_by_text(struct xi_abi_group *groups, xi_abi_mask abis,
			      const char *const *texts);

/* The preprocessor condition true on exactly these ABIs, using a family's
 * condition where the whole family is in the set. */
const char *xi_c_abi_condition(struct xi_arena *a, xi_abi_mask abis);

#endif
