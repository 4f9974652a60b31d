#include "abigroup.h"

#include <stdbool.h>
#include <string.h>

#include "strbuf.h"

unsigned xi_abi_group(struct xi_abi_group *groups, xi_abi_mask abis, xi_abi_same_fn *same,
		      const void *data)
{
	unsigned n = 0;
	XI_FOR_EACH_ABI(a, abis) {
		unsigned i;
		for (i = 0; i < n; i++)
			if (same(data, groups[i].first, a))
				break;
		if (i == n)
			groups[n++] = (struct xi_abi_group){ 0, a, NULL };
		groups[i].abis |= XI_ABI_BIT(a);
	}
	return n;
}

static bool same_text(const void *data, int a, int b)
{
	const char *const *texts = data;
	return texts[a] == texts[b] || !strcmp(texts[a], texts[b]);
}

unsigned xi_abi_group_by_text(struct xi_abi_group *groups, xi_abi_mask abis,
			      const char *const *texts)
{
	unsigned n = xi_abi_group(groups, abis, same_text, texts);
	for (unsigned i = 0; i < n; i++)
		groups[i].text = texts[groups[i].first];
	return n;
}

const char *xi_c_abi_condition(struct xi_arena *a, xi_abi_mask abis)
{
	struct xi_strbuf sb = XI_STRBUF_INIT;
	bool first = true;
	for (int f = 0; f < XI_FAM_COUNT; f++) {
		xi_abi_mask fam = xi_family_abis((enum xi_family)f);
		if (fam && (abis & fam) == fam) {
			if (!first)
				xi_sb_adds(&sb, " || ");
			xi_sb_adds(&sb, xi_families[f].c_cond);
			first = false;
			abis &= ~fam;
		}
	}
	XI_FOR_EACH_ABI(x, abis) {
		if (!first)
			xi_sb_adds(&sb, " || ");
		xi_sb_adds(&sb, xi_abis[x].c_cond);
		first = false;
	}
	const char *r = xi_strdup(a, xi_sb_str(&sb));
	xi_sb_free(&sb);
	return r;
}
