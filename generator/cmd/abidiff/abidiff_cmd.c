/* `xenidl abi-diff OLD NEW`: load both sides (IDL files, manifests or
 * directories of either), compare them, print the differences and map
 * them to an exit status:
 *   0 nothing breaking, 1 input errors, 2 usage errors,
 *   4 something breaking (or API-only, with --fail-on-api).
 * The command line is read by the CLI (cli/main.c). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "abidiff.h"
#include "limits.h"
#include "loader.h"
#include "xenidl.h"

/* How deep a directory side is searched for files. */
#define ABIDIFF_MAX_DIR_DEPTH 32u
/* The bytes of a file looked at to tell a manifest from IDL. */
#define ABIDIFF_SNIFF_BYTES 64u

struct file_list {
	char **v;
	/* Found by searching a directory, not named: --abi leaves it out
	 * without a warning. */
	bool *found;
	unsigned n, cap;
};

static void list_add(struct file_list *l, char *s, bool found)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xi_xrealloc(l->v, sizeof(*l->v) * l->cap);
		l->found = xi_xrealloc(l->found, sizeof(*l->found) * l->cap);
	}
	l->found[l->n] = found;
	l->v[l->n++] = s;
}

static void list_free(struct file_list *l)
{
	for (unsigned i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	free(l->found);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n > k && !strcmp(s + n - k, suffix);
}

/* The kinds of files a directory side is made of, in the order they are
 * chosen: the first kind the directory has is the side. Manifests come
 * before YAML and TOML, which directories hold for other purposes too
 * (CI settings, Cargo.toml). */
enum dir_kind { DIR_XIDL, DIR_MANIFEST, DIR_YAML, DIR_TOML, DIR_KIND_COUNT };

static int kind_of_name(const char *path)
{
	if (has_suffix(path, ".xidl"))
		return DIR_XIDL;
	if (has_suffix(path, ".abi"))
		return DIR_MANIFEST;
	if (has_suffix(path, ".yaml") || has_suffix(path, ".yml"))
		return DIR_YAML;
	if (has_suffix(path, ".toml"))
		return DIR_TOML;
	return -1;
}

/* Every file of those kinds under dir, by kind, in name order (so that
 * the result never depends on the order readdir returns). Hidden entries
 * and symbolic links to directories are skipped. */
static bool scan_dir(const char *dir, unsigned depth, struct file_list *kinds)
{
	if (depth > ABIDIFF_MAX_DIR_DEPTH) {
		fprintf(stderr, "xenidl: error: %s: directories nested deeper than %u\n", dir,
			ABIDIFF_MAX_DIR_DEPTH);
		return false;
	}
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "xenidl: error: %s: cannot read the directory\n", dir);
		return false;
	}
	struct file_list names = { NULL, NULL, 0, 0 };
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			list_add(&names, xi_xstrdup(e->d_name), true);
	closedir(d);
	qsort(names.v, names.n, sizeof(*names.v), str_cmp);
	bool ok = true;
	for (unsigned i = 0; i < names.n && ok; i++) {
		size_t len = strlen(dir) + strlen(names.v[i]) + 2;
		char *path = xi_xmalloc(len);
		snprintf(path, len, "%s/%s", dir, names.v[i]);
		struct stat st;
		int kind = kind_of_name(path);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			ok = scan_dir(path, depth + 1, kinds);
			free(path);
		} else if (kind >= 0) {
			list_add(&kinds[kind], path, true);
		} else {
			free(path);
		}
	}
	list_free(&names);
	return ok;
}

static bool is_manifest_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char buf[ABIDIFF_SNIFF_BYTES];
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	size_t k = strlen(XI_MF_MAGIC);
	return n > k && !memcmp(buf, XI_MF_MAGIC, k) && buf[k] == ' ';
}

/* The path without trailing slashes (but "/" stays). */
static char *clean_dir(const char *path)
{
	char *s = xi_xstrdup(path);
	size_t n = strlen(s);
	while (n > 1 && s[n - 1] == '/')
		s[--n] = '\0';
	return s;
}

/* Show locations under dir as label/...: the old side of ci/abi-check is a
 * temporary directory that means nothing to the reader. */
static void relabel(struct xi_mf_model *m, const char *dir, const char *label)
{
	size_t n = strlen(dir);
	const char *from = NULL, *to = NULL;
#define RELABEL(loc)                                                                  \
	do {                                                                          \
		const char *f_ = (loc).file;                                          \
		if (!f_)                                                              \
			break;                                                        \
		if (f_ != from) {                                                     \
			from = f_;                                                    \
			to = f_;                                                      \
			if (!strncmp(f_, dir, n) && f_[n] == '/')                     \
				to = xi_aprintf(&m->arena, "%s%s", label, f_ + n);    \
		}                                                                     \
		(loc).file = to;                                                      \
	} while (0)
	for (unsigned i = 0; i < m->ndecls; i++) {
		struct xi_mf_decl *d = m->decls[i];
		RELABEL(d->loc);
		for (unsigned k = 0; k < d->nmembers; k++)
			RELABEL(d->members[k].loc);
		for (unsigned k = 0; k < d->nvariants; k++)
			RELABEL(d->variants[k].loc);
	}
#undef RELABEL
}

static struct xi_mf_model *load_side(const struct xi_abidiff_options *c,
				     const struct xi_abidiff_side *s)
{
	struct file_list idl = { NULL, NULL, 0, 0 }, mf = { NULL, NULL, 0, 0 };
	char *dir = NULL;
	bool ok = true;
	for (unsigned i = 0; i < s->npaths && ok; i++) {
		struct stat st;
		if (stat(s->paths[i], &st) != 0) {
			fprintf(stderr, "xenidl: error: %s: no such file or directory\n", s->paths[i]);
			ok = false;
		} else if (S_ISDIR(st.st_mode)) {
			free(dir);
			dir = clean_dir(s->paths[i]);
			/* The files of the first kind it has. */
			struct file_list kinds[DIR_KIND_COUNT];
			memset(kinds, 0, sizeof(kinds));
			ok = scan_dir(dir, 0, kinds);
			unsigned k = 0;
			while (k + 1 < DIR_KIND_COUNT && !kinds[k].n)
				k++;
			for (unsigned j = 0; j < kinds[k].n; j++)
				list_add(k == DIR_MANIFEST ? &mf : &idl, kinds[k].v[j], true);
			kinds[k].n = 0;
			for (k = 0; k < DIR_KIND_COUNT; k++)
				list_free(&kinds[k]);
		} else if (is_manifest_file(s->paths[i])) {
			list_add(&mf, xi_xstrdup(s->paths[i]), false);
		} else {
			list_add(&idl, xi_xstrdup(s->paths[i]), false);
		}
	}
	struct xi_mf_model *m = NULL;
	if (ok && idl.n && mf.n) {
		fprintf(stderr, "xenidl: error: the %s side mixes IDL files and manifests\n", s->name);
		ok = false;
	} else if (ok && !idl.n && !mf.n) {
		fprintf(stderr, "xenidl: error: the %s side has no .xidl, .abi, .yaml or .toml files\n", s->name);
		ok = false;
	}
	if (ok && mf.n) {
		struct xi_diag diag;
		xi_diag_init(&diag, stderr);
		diag.parseable_fixits = c->opt.parseable_fixits;
		m = xi_mf_new();
		for (unsigned i = 0; i < mf.n && !diag.capped; i++) {
			unsigned before = m->nmodules;
			xi_mf_read(m, &diag, mf.v[i]);
			/* A manifest named whose module --abi leaves out, as
			 * for an IDL file. The modules after its first are its
			 * file's family groups: left out without a word, as
			 * the IDL side leaves them out. */
			for (unsigned k = before; k < m->nmodules && k < before + 1 && !mf.found[i]; k++)
				if (!(m->modules[k]->abis & c->opt.abis))
					xi_warn_left_out(&diag, mf.v[i], m->modules[k]->abis);
		}
		/* Both sides cover the ABIs of --abi only: the IDL side is
		 * laid out on those, a manifest holds the ABIs it was written
		 * for. */
		xi_mf_keep_abis(m, c->opt.abis);
		ok = !xi_diag_failed(&diag);
		xi_diag_free(&diag);
	} else if (ok) {
		struct xi_options opt = c->opt;
		const char *dirs[XI_MAX_INCLUDE_DIRS + 1];
		if (dir && s->npaths == 1) {
			/* A directory is its own output root, and its own import
			 * root, searched before the -I directories: an -I that
			 * names the other side's tree (ci/abi-check with -I idl)
			 * must not give this side the other's files. */
			opt.root = dir;
			dirs[0] = dir;
			for (unsigned i = 0; i < c->opt.ninclude_dirs; i++)
				dirs[i + 1] = c->opt.include_dirs[i];
			opt.include_dirs = dirs;
			opt.ninclude_dirs = c->opt.ninclude_dirs + 1;
		}
		struct xi_ctx *ctx = xi_create(&opt, stderr);
		for (unsigned i = 0; i < idl.n; i++) {
			if (idl.found[i])
				xi_add_found_input(ctx, idl.v[i]);
			else
				xi_add_input(ctx, idl.v[i]);
		}
		ok = xi_analyze(ctx);
		if (ok)
			m = xi_mf_from_ir(ctx, false);
		xi_destroy(ctx);
	}
	if (ok && s->label && dir && s->npaths == 1)
		relabel(m, dir, s->label);
	list_free(&idl);
	list_free(&mf);
	free(dir);
	if (!ok) {
		xi_mf_free(m);
		return NULL;
	}
	return m;
}

int xi_cmd_abidiff(const struct xi_abidiff_options *c)
{
	struct xi_mf_model *old_model = load_side(c, &c->side[0]);
	struct xi_mf_model *new_model = old_model ? load_side(c, &c->side[1]) : NULL;
	if (!old_model || !new_model) {
		xi_mf_free(old_model);
		xi_mf_free(new_model);
		return 1;
	}
	struct xi_abidiff *d = xi_abidiff_run(old_model, new_model);
	int status = d->count[XI_AD_BREAKING] || (c->fail_on_api && d->count[XI_AD_API])
		     ? XI_ABIDIFF_EXIT_BREAKING : 0;
	if (c->json)
		xi_abidiff_print_json(stdout, d, status);
	else
		xi_abidiff_print_text(stdout, d);
	xi_abidiff_free(d);
	xi_mf_free(old_model);
	xi_mf_free(new_model);
	return status;
}
