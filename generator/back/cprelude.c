#include "cprelude.h"

#include "arena.h"
#include "cnames.h"

/* Modules a search visits at most: far more than any compilation has
 * (idl/ has 35); beyond it the search gives up and answers no. */
#define CPRELUDE_MAX_VISITED 1024u

struct search {
	const struct xi_module *seen[CPRELUDE_MAX_VISITED];
	unsigned n;
};

/* Depth-first over the imports, each module once (imports share
 * modules: every Xen header imports xen.xidl). */
static bool reaches(struct search *s, const struct xi_module *m)
{
	if (m->c_prelude && !m->c_prelude_version)
		return true;
	/* An ABI's file (xen-x86_64.xidl) is included by the header whose
	 * arch import names it, and gets the machinery from there. */
	if (m->abi_importer && reaches(s, m->abi_importer))
		return true;
	/* Compiled without the file that imports it, a file its name puts
	 * on one ABI (arch-x86/xen-x86_64.xidl) is still a part of its
	 * family's header, as Xen's xen-x86_64.h is of arch-x86/xen.h: its
	 * header is the one the whole corpus gives. */
	if (m->abi_only && !m->abi_set && !m->abi_importer)
		return true;
	for (unsigned i = 0; i < s->n; i++)
		if (s->seen[i] == m)
			return false;
	if (s->n == CPRELUDE_MAX_VISITED)
		return false;
	s->seen[s->n++] = m;
	for (const struct xi_import *im = m->imports; im; im = im->next)
		for (int f = 0; f < XI_IMPORT_SLOTS; f++)
			if (im->module[f] && reaches(s, im->module[f]))
				return true;
	return false;
}

bool xi_c_follows_xen(const struct xi_module *m)
{
	struct search s;
	s.n = 0;
	return reaches(&s, m);
}

bool xi_c_defines_handle(const struct xi_decl *d)
{
	if (d->kind != XI_DECL_STRUCT && d->kind != XI_DECL_UNION && d->kind != XI_DECL_ALIAS)
		return false;
	if (!xi_c_follows_xen(d->module))
		return true;
	return d->c_handle && !xi_c_handle_deferred(d);
}

const char *xi_c_typedef_name(struct xi_arena *a, const struct xi_decl *d)
{
	if (d->kind != XI_DECL_STRUCT && d->kind != XI_DECL_UNION)
		return NULL;
	if (d->c_typedef_name)
		return d->c_typedef_name;
	if (!d->c_typedef && !d->c_handle && xi_c_follows_xen(d->module))
		return NULL;
	/* declared in a member (@c_inline): C has its tag only */
	if (d->c_inline)
		return NULL;
	return xi_aprintf(a, "%s_t", d->c_name ? d->c_name : d->name);
}

const char *xi_c_enum_typedef_name(struct xi_arena *a, const struct xi_decl *d)
{
	if (d->kind != XI_DECL_ENUM || !d->c_enum)
		return NULL;
	if (d->c_enum_typedef)
		return d->c_enum_typedef;
	if (!d->c_typedef)
		return NULL;
	if (d->c_typedef_name)
		return d->c_typedef_name;
	return xi_aprintf(a, "%s_t", xi_c_decl_name(d));
}

bool xi_c_handle_deferred(const struct xi_decl *d)
{
	return d->c_handle && d->kind == XI_DECL_ALIAS && d->module->c_prelude &&
	       d->module->family != XI_FAM_NONE;
}
