/* C's integer types for @c_type (see ctypes.h). */
#include "ctypes.h"

#include <string.h>

static const struct {
	const char *name, *c, *suffix;
	bool is_signed;
	unsigned bits;          /* the width the value must fit on every ABI */
} ctypes[XI_CTYPE_COUNT] = {
	[XI_CTYPE_INT] = { "c_int", "int", "", true, 32 },
	[XI_CTYPE_UINT] = { "c_uint", "unsigned int", "U", false, 32 },
	[XI_CTYPE_LONG] = { "c_long", "long", "L", true, 32 },
	[XI_CTYPE_ULONG] = { "c_ulong", "unsigned long", "UL", false, 32 },
	[XI_CTYPE_LONGLONG] = { "c_longlong", "long long", "LL", true, 64 },
	[XI_CTYPE_ULONGLONG] = { "c_ulonglong", "unsigned long long", "ULL", false, 64 },
};

enum xi_ctype xi_ctype_parse(const char *name)
{
	for (int t = XI_CTYPE_INT; t < XI_CTYPE_COUNT; t++)
		if (!strcmp(name, ctypes[t].name))
			return (enum xi_ctype)t;
	return XI_CTYPE_NONE;
}

const char *xi_ctype_name(enum xi_ctype t)
{
	return t > XI_CTYPE_NONE && t < XI_CTYPE_COUNT ? ctypes[t].name : "";
}

const char *xi_ctype_c(enum xi_ctype t)
{
	return t > XI_CTYPE_NONE && t < XI_CTYPE_COUNT ? ctypes[t].c : "";
}

const char *xi_ctype_suffix(enum xi_ctype t)
{
	return t > XI_CTYPE_NONE && t < XI_CTYPE_COUNT ? ctypes[t].suffix : "";
}

bool xi_ctype_fits(struct xi_int v, enum xi_ctype t)
{
	if (t <= XI_CTYPE_NONE || t >= XI_CTYPE_COUNT)
		return true;
	unsigned bits = ctypes[t].bits;
	if (!ctypes[t].is_signed)
		return !v.neg && (bits == 64 || v.mag <= (UINT64_C(1) << bits) - 1);
	uint64_t limit = UINT64_C(1) << (bits - 1);
	return v.neg ? v.mag <= limit : v.mag < limit;
}

bool xi_ctype_fits_on(struct xi_int v, enum xi_ctype t, xi_abi_mask abis)
{
	if (t != XI_CTYPE_LONG && t != XI_CTYPE_ULONG)
		return xi_ctype_fits(v, t);
	bool wide = abis != 0;
	XI_FOR_EACH_ABI(a, abis)
		if (xi_abis[a].pointer_size != 8)
			wide = false;
	if (!wide)
		return xi_ctype_fits(v, t);
	return xi_ctype_fits(v, t == XI_CTYPE_LONG ? XI_CTYPE_LONGLONG : XI_CTYPE_ULONGLONG);
}

enum xi_ctype xi_ctype_of_prim(enum xi_prim p)
{
	bool is64 = xi_prims[p].size == 8;
	if (xi_prims[p].is_signed)
		return is64 ? XI_CTYPE_LONGLONG : XI_CTYPE_INT;
	return is64 ? XI_CTYPE_ULONGLONG : XI_CTYPE_UINT;
}

unsigned xi_ctype_bits(enum xi_ctype t)
{
	return t > XI_CTYPE_NONE && t < XI_CTYPE_COUNT ? ctypes[t].bits : 0;
}
