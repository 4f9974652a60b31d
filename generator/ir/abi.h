/* The target ABIs and architecture families that layouts are computed for. */
#ifndef XENIDL_ABI_H
#define XENIDL_ABI_H

#include <stdbool.h>

enum xi_abi {
	XI_ABI_X86_32,
	XI_ABI_X86_64,
	XI_ABI_ARM32,
	XI_ABI_ARM64,
	XI_ABI_RISCV64,
	XI_ABI_PPC64LE,
	XI_ABI_COUNT
};

/* The families of `import arch`, in the order of the C #if chain. */
enum xi_family {
	XI_FAM_X86,
	XI_FAM_ARM,
	XI_FAM_PPC,
	XI_FAM_RISCV,
	XI_FAM_COUNT
};

#define XI_FAM_NONE (-1) /* a module shared by every family */

typedef unsigned xi_abi_mask;
#define XI_ABI_ALL ((xi_abi_mask)((1u << XI_ABI_COUNT) - 1))
#define XI_ABI_BIT(a) ((xi_abi_mask)(1u << (a)))

struct xi_abi_info {
	const char *name;           /* x86_32 ... as in --abi and the docs */
	enum xi_family family;
	const char *c_cond;         /* preprocessor condition true on this ABI */
	const char *rust_cfg;       /* cfg() predicate true on this ABI */
	const char *clang_target;   /* a --target triple for it */
	const char *c_constant;     /* XENIDL_ABI_X86_32 ... in the runtime */
	unsigned native_u64_align;  /* alignment of native_u64/native_i64 */
	unsigned native_handle_size;/* size and alignment of native_handle<T> */
	unsigned pointer_size;      /* size and alignment of ptr<T> (a C pointer) */
};

struct xi_family_info {
	const char *name;     /* x86, arm, ppc, riscv */
	const char *dir;      /* arch-x86 ... */
	const char *c_cond;   /* preprocessor condition of the #if chain */
	const char *rust_cfg; /* cfg() predicate */
};

extern const struct xi_abi_info xi_abis[XI_ABI_COUNT];
extern const struct xi_family_info xi_families[XI_FAM_COUNT];

/* Parse "x86_32,arm64" into a mask; returns false and sets *bad to the
 * offending name on error. */
bool xi_abi_parse_list(const char *list, xi_abi_mask *mask, const char **bad, unsigned *badlen);
/* The family of a name ("x86", "arm", "ppc", "riscv"), or -1. */
int xi_family_by_name(const char *name);
int xi_abi_by_name(const char *name, unsigned len);
xi_abi_mask xi_family_abis(enum xi_family f);

struct xi_strbuf;
/* Append the names of the ABIs of a mask: "x86_32, arm32, arm64". */
void xi_sb_add_abi_names(struct xi_strbuf *sb, xi_abi_mask mask);

#define XI_FOR_EACH_ABI(a, mask) \
	for (int a = 0; a < XI_ABI_COUNT; a++) \
		if ((mask) & XI_ABI_BIT(a))

#endif
