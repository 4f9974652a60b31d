/* ABIs that share a text (a declaration line, a block of checks), and the
 * C preprocessor condition that selects a set of ABIs. Used by every
 * backend that writes per-ABI variants. */
#ifndef XENIDL_ABIGROUP_H
#define XENIDL_ABIGROUP_H

#include "abi.h"
#include "arena.h"

struct xi_abi_group {
	xi_abi_mask abis;
	const char *text;
};

/* Group the ABIs of `abis` by equal texts[abi], in ABI order of first
 * appearance; returns the number of groups. */
unsigned xi_abi_group_by_text(struct xi_abi_group *groups, xi_abi_mask abis,
			      const char *const *texts);

/* The preprocessor condition true on exactly these ABIs, using a family's
 * condition where the whole family is in the set. */
const char *xi_c_abi_condition(struct xi_arena *a, xi_abi_mask abis);

#endif
