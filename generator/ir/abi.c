#include "abi.h"

#include <string.h>

#include "strbuf.h"

const struct xi_abi_info xi_abis[XI_ABI_COUNT] = {
	[XI_ABI_X86_32] = { "x86_32", XI_FAM_X86, "defined(__i386__)",
			    "target_arch = \"x86\"", "i386-linux-gnu", "XENIDL_ABI_X86_32", 4, 4, 4 },
	[XI_ABI_X86_64] = { "x86_64", XI_FAM_X86, "defined(__x86_64__)",
			    "target_arch = \"x86_64\"", "x86_64-linux-gnu", "XENIDL_ABI_X86_64", 8, 8, 8 },
	[XI_ABI_ARM32] = { "arm32", XI_FAM_ARM, "defined(__arm__)",
			   "target_arch = \"arm\"", "armv7a-linux-gnueabihf", "XENIDL_ABI_ARM32", 8, 8, 4 },
	[XI_ABI_ARM64] = { "arm64", XI_FAM_ARM, "defined(__aarch64__)",
			   "target_arch = \"aarch64\"", "aarch64-linux-gnu", "XENIDL_ABI_ARM64", 8, 8, 8 },
	[XI_ABI_RISCV64] = { "riscv64", XI_FAM_RISCV, "(defined(__riscv) && __riscv_xlen == 64)",
			     "target_arch = \"riscv64\"", "riscv64-linux-gnu", "XENIDL_ABI_RISCV64", 8, 8, 8 },
	[XI_ABI_PPC64LE] = { "ppc64le", XI_FAM_PPC, "(defined(__powerpc64__) && defined(__LITTLE_ENDIAN__))",
			     "all(target_arch = \"powerpc64\", target_endian = \"little\")",
			     "powerpc64le-linux-gnu", "XENIDL_ABI_PPC64LE", 8, 8, 8 },
};

const struct xi_family_info xi_families[XI_FAM_COUNT] = {
	[XI_FAM_X86] = { "x86", "arch-x86", "defined(__i386__) || defined(__x86_64__)",
			 "any(target_arch = \"x86\", target_arch = \"x86_64\")" },
	[XI_FAM_ARM] = { "arm", "arch-arm", "defined(__arm__) || defined(__aarch64__)",
			 "any(target_arch = \"arm\", target_arch = \"aarch64\")" },
	[XI_FAM_PPC] = { "ppc", "arch-ppc", "defined(__powerpc64__)",
			 "target_arch = \"powerpc64\"" },
	[XI_FAM_RISCV] = { "riscv", "arch-riscv", "defined(__riscv)",
			   "target_arch = \"riscv64\"" },
};

int xi_family_by_name(const char *name)
{
	for (int f = 0; f < XI_FAM_COUNT; f++)
		if (!strcmp(xi_families[f].name, name))
			return f;
	return -1;
}

int xi_abi_by_name(const char *name, unsigned len)
{
	for (int a = 0; a < XI_ABI_COUNT; a++)
		if (strlen(xi_abis[a].name) == len && memcmp(xi_abis[a].name, name, len) == 0)
			return a;
	return -1;
}

bool xi_abi_parse_list(const char *list, xi_abi_mask *mask, const char **bad, unsigned *badlen)
{
	xi_abi_mask m = 0;
	const char *p = list;
	for (;;) {
		const char *end = strchr(p, ',');
		unsigned len = end ? (unsigned)(end - p) : (unsigned)strlen(p);
		int a = xi_abi_by_name(p, len);
		if (a < 0) {
			*bad = p;
			*badlen = len;
			return false;
		}
		m |= XI_ABI_BIT(a);
		if (!end)
			break;
		p = end + 1;
	}
	*mask = m;
	return true;
}

xi_abi_mask xi_family_abis(enum xi_family f)
{
	xi_abi_mask m = 0;
	for (int a = 0; a < XI_ABI_COUNT; a++)
		if (xi_abis[a].family == f)
			m |= XI_ABI_BIT(a);
	return m;
}

void xi_sb_add_abi_names(struct xi_strbuf *sb, xi_abi_mask mask)
{
	bool first = true;
	XI_FOR_EACH_ABI(a, mask) {
		if (!first)
			xi_sb_adds(sb, ", ");
		xi_sb_adds(sb, xi_abis[a].name);
		first = false;
	}
}
