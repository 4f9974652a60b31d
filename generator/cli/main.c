/* xenidl: the command line. Everything it does is in the library; this
 * file only reads arguments (with cli.c) and maps results to exit statuses:
 *   0 success, 1 input errors, 2 usage errors, 3 --check found stale output,
 *   4 abi-diff found a breaking change (or, with --fail-on-api, an API-only
 *   one; abidiff_cmd.c). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "abidiff.h"
#include "cli.h"
#include "layout_cmd.h"
#include "convert.h"
#include "limits.h"
#include "xbg.h"
#include "xenidl.h"

/* Most -l options in one run. */
#define MAX_LANGS 8u
/* Free memory at the top of the heap that glibc keeps rather than giving
 * it back to the system (see main). */
#define MAIN_MALLOC_TRIM_THRESHOLD (64 * 1024 * 1024)

struct cli {
	struct xi_cli reader;
	struct xi_options opt;
	struct xi_gen_options gen;
	const char *langs[MAX_LANGS];
	const char *lang_dirs[MAX_LANGS]; /* -l LANG:DIR, or NULL for -o */
	unsigned nlangs;
	const char *outdir;
	const char *indir;
	const char *to;
	const char *depfile;
	bool check;
	bool tsv;
	bool all;
	bool summary;
	bool lossy;
	const char *include_dirs[XI_MAX_INCLUDE_DIRS];
	struct xi_abidiff_options diff;  /* abi-diff's sides (paths: argc each) */
};

/* -l c,rust or -l c:DIR (that language's outputs go under DIR). */
static int add_langs(struct cli *c, char *list)
{
	for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		char *dir = strchr(tok, ':');
		if (dir)
			*dir++ = '\0';
		if (dir && !*dir)
			return xi_cli_error(&c->reader, "empty output directory for '%s'", tok);
		if (c->nlangs == MAX_LANGS)
			return xi_cli_error(&c->reader, "too many output languages (at most %u)",
					    MAX_LANGS);
		c->lang_dirs[c->nlangs] = dir;
		c->langs[c->nlangs++] = tok;
	}
	return 0;
}

/* Read the options of command `cmd`; returns -1 to go on (the operands
 * start at c->reader.first_operand), else an exit status. */
static int parse_args(struct cli *c, enum xi_cli_cmd cmd, int argc, char **argv)
{
	xi_cli_init(&c->reader, cmd, argc, argv);
	int ch;
	while ((ch = xi_cli_next(&c->reader)) != XI_CLI_END) {
		const char *arg = c->reader.arg;
		switch (ch) {
		case XI_CLI_STOP:
			return c->reader.status;
		case 'l': {
			int rc = add_langs(c, (char *)arg);
			if (rc)
				return rc;
			break;
		}
		case 'o':
			c->outdir = arg;
			break;
		case 'i':
			c->indir = arg;
			break;
		case 'I':
			if (c->opt.ninclude_dirs == XI_MAX_INCLUDE_DIRS)
				return xi_cli_error(&c->reader, "too many -I directories (at most %u)",
						    XI_MAX_INCLUDE_DIRS);
			c->include_dirs[c->opt.ninclude_dirs++] = arg;
			break;
		case 'M':
			c->depfile = arg;
			break;
		case 'W':
			c->opt.werror = true;
			break;
		case XI_OPT_ABI: {
			const char *bad;
			unsigned badlen;
			if (!xi_abi_parse_list(arg, &c->opt.abis, &bad, &badlen)) {
				char name[64];
				snprintf(name, sizeof(name), "%.*s", (int)(badlen < 60 ? badlen : 60), bad);
				return xi_cli_error(&c->reader, "unknown ABI '%s' (expected x86_32, x86_64, "
						    "arm32, arm64, riscv64 or ppc64le)", name);
			}
			break;
		}
		case XI_OPT_PACKED:
			c->gen.packed = true;
			break;
		case XI_OPT_C_EXTRAS:
			c->gen.c_extras = true;
			break;
		case XI_OPT_CHECK:
			c->check = true;
			break;
		case XI_OPT_ROOT:
			c->opt.root = arg;
			break;
		case XI_OPT_CRATE:
			c->gen.crate_name = arg;
			break;
		case XI_OPT_TSV:
			c->tsv = true;
			break;
		case XI_OPT_ALL:
			c->all = true;
			break;
		case XI_OPT_SUMMARY:
			c->summary = true;
			break;
		case XI_OPT_TO:
			c->to = arg;
			break;
		case XI_OPT_WITH_IMPORTS:
			c->opt.with_imports = true;
			break;
		case XI_OPT_PARSEABLE_FIXITS:
			c->opt.parseable_fixits = true;
			break;
		case XI_OPT_LOSSY:
			c->lossy = true;
			break;
		case XI_OPT_OLD:
			c->diff.side[0].paths[c->diff.side[0].npaths++] = arg;
			break;
		case XI_OPT_NEW:
			c->diff.side[1].paths[c->diff.side[1].npaths++] = arg;
			break;
		case XI_OPT_OLD_LABEL:
			c->diff.side[0].label = arg;
			break;
		case XI_OPT_NEW_LABEL:
			c->diff.side[1].label = arg;
			break;
		case XI_OPT_JSON:
			c->diff.json = true;
			break;
		case XI_OPT_FAIL_API:
			c->diff.fail_on_api = true;
			break;
		}
	}
	c->opt.include_dirs = c->include_dirs;
	return -1;
}

/* "c, manifest, md, rust, marshal or marshal-test" */
static void list_backends(char *buf, size_t size)
{
	buf[0] = '\0';
	for (const struct xi_backend *b = xi_backends; b->name; b++) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", b == xi_backends ? "" : b[1].name ? ", " : " or ",
			 b->name);
	}
}

/* XENIDL_TIMINGS=1 prints the time of each phase to stderr (for bench/). */
static void phase_time(const char *phase, const struct timespec *start)
{
	static int enabled = -1;
	if (enabled < 0)
		enabled = getenv("XENIDL_TIMINGS") != NULL;
	if (!enabled)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	fprintf(stderr, "xenidl: %-8s done at %8.1f ms\n", phase,
		(double)(now.tv_sec - start->tv_sec) * 1e3 +
			(double)(now.tv_nsec - start->tv_nsec) / 1e6);
}

static void print_summary(struct xi_ctx *ctx, struct xi_outset **outs, unsigned nouts,
			  struct timespec start)
{
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	unsigned types = 0, files = 0;
	for (unsigned i = 0; i < ctx->ninputs; i++)
		for (const struct xi_decl *d = ctx->inputs[i]->decls; d; d = d->next)
			types += d->kind != XI_DECL_CONST && !d->c_only;
	for (unsigned i = 0; i < nouts; i++)
		files += xi_outset_count(outs[i]);
	double ms = (double)(end.tv_sec - start.tv_sec) * 1e3 +
		    (double)(end.tv_nsec - start.tv_nsec) / 1e6;
	printf("xenidl: %u input files, %u types, %u output files in %.1f ms\n", ctx->ninputs,
	       types, files, ms);
}

/* Run every requested backend, each into its own output set; commit them
 * all only when every one succeeded. */
static int generate(struct cli *c, int nfiles, char **files)
{
	if (nfiles == 0)
		return xi_cli_error(&c->reader, "%s", "no input files");
	if (c->nlangs == 0)
		c->langs[c->nlangs++] = "c";
	for (unsigned i = 0; i < c->nlangs; i++) {
		if (!xi_backend_find(c->langs[i])) {
			char known[256];
			list_backends(known, sizeof(known));
			return xi_cli_error(&c->reader, "unknown output language '%s' (expected %s)",
					    c->langs[i], known);
		}
	}
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	struct xi_ctx *ctx = xi_create(&c->opt, stderr);
	for (int i = 0; i < nfiles; i++)
		xi_add_input(ctx, files[i]);
	phase_time("load", &start);
	int status = 0;
	struct xi_outset *outs[MAX_LANGS] = { NULL };
	bool analyzed = xi_analyze(ctx);
	phase_time("analyze", &start);
	if (!analyzed) {
		status = 1;
		goto done;
	}
	enum xi_output_mode mode = c->check ? XI_OUTPUT_CHECK : XI_OUTPUT_WRITE;
	bool ok = true;
	for (unsigned i = 0; i < c->nlangs && ok; i++) {
		const char *dir = c->lang_dirs[i] ? c->lang_dirs[i] : c->outdir ? c->outdir : ".";
		outs[i] = xi_outset_new(dir, mode, &ctx->diag);
		ok = xi_generate(ctx, c->langs[i], &c->gen, outs[i]);
	}
	if (!ok) {
		for (unsigned i = 0; i < c->nlangs; i++)
			if (outs[i])
				xi_outset_abort(outs[i]);
		status = 1;
		goto done;
	}
	phase_time("generate", &start);
	xi_report_unwritten(ctx);
	for (unsigned i = 0; i < c->nlangs; i++) {
		int rc = xi_outset_commit(outs[i], stdout);
		if (rc > status)
			status = rc;
	}
	if (status == 0 && c->depfile && !c->check &&
	    !xi_write_depfile(ctx, (const struct xi_outset *const *)outs, c->nlangs, c->depfile))
		status = 1;
	if (status == 0 && c->summary)
		print_summary(ctx, outs, c->nlangs, start);
done:
	for (unsigned i = 0; i < c->nlangs; i++)
		xi_outset_free(outs[i]);
	xi_destroy(ctx);
	return status;
}

/* -i DIR -o DIR -l c|rust: xenbindgen's command line and semantics. */
static int xenbindgen_mode(struct cli *c, int nfiles)
{
	int rc = xi_cli_restrict(&c->reader, XI_CMD_XENBINDGEN);
	if (rc)
		return rc;
	if (nfiles)
		return xi_cli_error(&c->reader, "%s",
				    "-i takes no input files: it reads the spec directories of DIR");
	if (!c->outdir)
		return xi_cli_error(&c->reader, "%s", "-i needs -o DIR");
	if (c->nlangs != 1 || c->lang_dirs[0] ||
	    (strcmp(c->langs[0], "c") != 0 && strcmp(c->langs[0], "rust") != 0))
		return xi_cli_error(&c->reader, "%s", "-i needs one -l, c or rust");
	return xi_cmd_xenbindgen(&c->opt, c->indir, c->outdir, c->langs[0], c->check);
}

/* convert --to xidl|yaml [-o DIR|-] [--check] FILE... */
static int convert(struct cli *c, int nfiles, char **files)
{
	if (!c->to || (strcmp(c->to, "xidl") != 0 && strcmp(c->to, "yaml") != 0))
		return xi_cli_error(&c->reader, "%s", "needs --to xidl or --to yaml");
	if (nfiles == 0)
		return xi_cli_error(&c->reader, "%s", "no input files");
	if (c->outdir && !strcmp(c->outdir, "-") && c->check)
		return xi_cli_error(&c->reader, "%s",
				    "--check compares files: it needs an output directory");
	struct xi_convert_options co = { c->to, c->outdir, c->check, c->lossy };
	return xi_cmd_convert(&c->opt, &co, nfiles, files);
}

/* abi-diff [OPTION]... OLD NEW, or --old and --new. */
static int abidiff(struct cli *c, int nargs, char **args)
{
	struct xi_abidiff_side *old = &c->diff.side[0], *new = &c->diff.side[1];
	if (nargs == 2 && !old->npaths && !new->npaths) {
		old->paths[old->npaths++] = args[0];
		new->paths[new->npaths++] = args[1];
	} else if (nargs != 0 || !old->npaths || !new->npaths) {
		return xi_cli_error(&c->reader, "%s", "needs OLD and NEW (two paths, or --old and --new)");
	}
	c->diff.opt = c->opt;
	if (!c->diff.opt.abis)
		c->diff.opt.abis = XI_ABI_ALL;
	return xi_cmd_abidiff(&c->diff);
}

/* layout [OPTION]... (TYPE | --all) FILE... */
static int layout(struct cli *c, int nargs, char **args)
{
	if (nargs < (c->all ? 1 : 2))
		return xi_cli_error(&c->reader, "%s", c->all ? "needs input files"
						       : "needs a type name (or --all) and input files");
	return xi_cmd_layout(&c->opt, c->tsv, c->all, nargs, args);
}

static int run(struct cli *c, int argc, char **argv)
{
	/* A command's name, then its options and operands. */
	static const struct {
		const char *name;
		enum xi_cli_cmd cmd;
		int (*run)(struct cli *c, int nargs, char **args);
	} commands[] = {
		{ "layout", XI_CMD_LAYOUT, layout },
		{ "convert", XI_CMD_CONVERT, convert },
		{ "abi-diff", XI_CMD_ABIDIFF, abidiff },
	};
	for (size_t i = 0; argc > 1 && i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		int rc = parse_args(c, commands[i].cmd, argc - 1, argv + 1);
		if (rc >= 0)
			return rc;
		int first = c->reader.first_operand;
		return commands[i].run(c, argc - 1 - first, argv + 1 + first);
	}
	int rc = parse_args(c, XI_CMD_GENERATE, argc, argv);
	if (rc >= 0)
		return rc;
	int first = c->reader.first_operand;
	if (c->indir)
		return xenbindgen_mode(c, argc - first);
	return generate(c, argc - first, argv + first);
}

int main(int argc, char **argv)
{
#ifdef M_TRIM_THRESHOLD
	/* A run is short and its memory peaks several times (one big module
	 * after another): glibc would hand the freed top of the heap back to
	 * the system each time, and every page of it would fault in again. */
	mallopt(M_TRIM_THRESHOLD, MAIN_MALLOC_TRIM_THRESHOLD);
#endif
	struct cli c;
	memset(&c, 0, sizeof(c));
	/* abi-diff's --old and --new: at most one path per argument each. */
	const char **paths = xi_xmalloc(sizeof(*paths) * 2 * ((size_t)argc + 1));
	c.diff.side[0] = (struct xi_abidiff_side){ "old", paths, 0, NULL };
	c.diff.side[1] = (struct xi_abidiff_side){ "new", paths + argc + 1, 0, NULL };
	int rc = run(&c, argc, argv);
	free(paths);
	return rc;
}
