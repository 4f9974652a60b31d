/* xenidl: the command line. Everything it does is in the library; this
 * file only parses arguments and maps results to exit statuses:
 *   0 success, 1 input errors, 2 usage errors, 3 --check found stale output,
 *   4 abi-diff found a breaking change (or, with --fail-on-api, an API-only
 *   one). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "abidiff.h"
#include "commands.h"
#include "convert.h"
#include "limits.h"
#include "xbg.h"
#include "xenidl.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

/* Most -l options in one run. */
#define MAX_LANGS 8u
/* Free memory at the top of the heap that glibc keeps rather than giving
 * it back to the system (see main). */
#define MAIN_MALLOC_TRIM_THRESHOLD (64 * 1024 * 1024)

static void usage(FILE *f)
{
	fputs("Usage: xenidl [OPTION]... FILE...\n"
	      "       xenidl -i DIR -o DIR -l c|rust\n"
	      "       xenidl layout [--abi LIST] [--tsv] [-I DIR]... (TYPE | --all) FILE...\n"
	      "       xenidl abi-diff [OPTION]... OLD NEW   (see xenidl abi-diff --help)\n"
	      "       xenidl convert --to xidl|yaml [-o DIR|-] [--check] FILE...\n"
	      "Generate code from interface descriptions of the Xen hypercall ABI.\n"
	      "\n"
	      "  -l, --lang LANG[:DIR]  output language (repeatable, or a comma list);\n"
	      "                       with :DIR its outputs go under DIR instead of -o:\n", f);
	for (const struct xi_backend *b = xi_backends; b->name; b++)
		fprintf(f, "                         %-12s %s\n", b->name, b->summary);
	fputs("                       default: c\n"
	      "  -o, --output DIR     write outputs under DIR (default: .)\n"
	      "  -i, --indir DIR      xenbindgen mode: DIR holds spec directories, each\n"
	      "                       giving one header (-l c) or module (-l rust),\n"
	      "                       as xenbindgen wrote them\n"
	      "  -I DIR               search DIR for imports (repeatable)\n"
	      "      --root DIR       place outputs by their path relative to DIR\n"
	      "      --abi LIST       only these ABIs (comma list of x86_32, x86_64,\n"
	      "                       arm32, arm64, riscv64, ppc64le)\n"
	      "      --packed         C: also mark types __attribute__((packed))\n"
	      "      --crate-name N   Rust: name of the generated crate\n"
	      "      --check          compare with the files in the output directory,\n"
	      "                       print a diff and exit 3 if any is stale; write nothing\n"
	      "  -M FILE              write a make depfile of the inputs and imports\n"
	      "      --to FORM        convert: write xidl or yaml (next to each input,\n"
	      "                       under -o DIR, or to stdout with -o -)\n"
	      "      --summary        print one line: inputs, types, files and time\n"
	      "  -Werror              treat warnings as errors\n"
	      "  -h, --help           show this help\n"
	      "  -V, --version        show the version\n"
	      "\n"
	      "Exit status: 0 success, 1 input errors, 2 usage errors, 3 stale output.\n", f);
}

enum long_only {
	OPT_ABI = 256,
	OPT_PACKED,
	OPT_CHECK,
	OPT_ROOT,
	OPT_CRATE,
	OPT_TSV,
	OPT_ALL,
	OPT_SUMMARY,
	OPT_TO,
};

static const struct option long_options[] = {
	{ "lang", required_argument, NULL, 'l' },
	{ "output", required_argument, NULL, 'o' },
	{ "outdir", required_argument, NULL, 'o' },
	{ "indir", required_argument, NULL, 'i' },
	{ "abi", required_argument, NULL, OPT_ABI },
	{ "packed", no_argument, NULL, OPT_PACKED },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "crate-name", required_argument, NULL, OPT_CRATE },
	{ "tsv", no_argument, NULL, OPT_TSV },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "summary", no_argument, NULL, OPT_SUMMARY },
	{ "to", required_argument, NULL, OPT_TO },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct cli {
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
	const char *include_dirs[XI_MAX_INCLUDE_DIRS];
};

__attribute__((format(printf, 1, 2)))
static int usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs("xenidl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'xenidl --help' for more information.\n", stderr);
	return 2;
}

/* -l c,rust or -l c:DIR (that language's outputs go under DIR). */
static int add_langs(struct cli *c, char *list)
{
	for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		char *dir = strchr(tok, ':');
		if (dir)
			*dir++ = '\0';
		if (dir && !*dir)
			return usage_error("empty output directory for '%s'", tok);
		if (c->nlangs == MAX_LANGS)
			return usage_error("too many output languages (at most %u)", MAX_LANGS);
		c->lang_dirs[c->nlangs] = dir;
		c->langs[c->nlangs++] = tok;
	}
	return 0;
}

/* Parse options; returns -1 to go on, else an exit status. */
static int parse_args(struct cli *c, int argc, char **argv)
{
	int ch;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "l:o:i:I:M:W:hV", long_options, NULL)) != -1) {
		switch (ch) {
		case 'l': {
			int rc = add_langs(c, optarg);
			if (rc)
				return rc;
			break;
		}
		case 'o':
			c->outdir = optarg;
			break;
		case 'i':
			c->indir = optarg;
			break;
		case 'I':
			if (c->opt.ninclude_dirs == XI_MAX_INCLUDE_DIRS)
				return usage_error("too many -I directories (at most %u)", XI_MAX_INCLUDE_DIRS);
			c->include_dirs[c->opt.ninclude_dirs++] = optarg;
			break;
		case 'M':
			c->depfile = optarg;
			break;
		case 'W':
			if (strcmp(optarg, "error") != 0)
				return usage_error("unknown warning option '-W%s'", optarg);
			c->opt.werror = true;
			break;
		case OPT_ABI: {
			const char *bad;
			unsigned badlen;
			if (!xi_abi_parse_list(optarg, &c->opt.abis, &bad, &badlen)) {
				char name[64];
				snprintf(name, sizeof(name), "%.*s", (int)(badlen < 60 ? badlen : 60), bad);
				return usage_error("unknown ABI '%s' (expected x86_32, x86_64, arm32, "
						   "arm64, riscv64 or ppc64le)", name);
			}
			break;
		}
		case OPT_PACKED:
			c->gen.packed = true;
			break;
		case OPT_CHECK:
			c->check = true;
			break;
		case OPT_ROOT:
			c->opt.root = optarg;
			break;
		case OPT_CRATE:
			c->gen.crate_name = optarg;
			break;
		case OPT_TSV:
			c->tsv = true;
			break;
		case OPT_ALL:
			c->all = true;
			break;
		case OPT_SUMMARY:
			c->summary = true;
			break;
		case OPT_TO:
			c->to = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("xenidl %s\n", PACKAGE_VERSION);
			return 0;
		case ':':
			return usage_error("option '%s' needs an argument", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	c->opt.include_dirs = c->include_dirs;
	return -1;
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
			types += d->kind != XI_DECL_CONST;
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
		return usage_error("%s", "no input files");
	if (c->nlangs == 0)
		c->langs[c->nlangs++] = "c";
	for (unsigned i = 0; i < c->nlangs; i++)
		if (!xi_backend_find(c->langs[i]))
			return usage_error("unknown output language '%s'", c->langs[i]);
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	struct xi_ctx *ctx = xenidl_create(&c->opt, stderr);
	for (int i = 0; i < nfiles; i++)
		xenidl_add_input(ctx, files[i]);
	phase_time("load", &start);
	int status = 0;
	struct xi_outset *outs[MAX_LANGS] = { NULL };
	bool analyzed = xenidl_analyze(ctx);
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
		ok = xenidl_generate(ctx, c->langs[i], &c->gen, outs[i]);
	}
	if (!ok) {
		for (unsigned i = 0; i < c->nlangs; i++)
			if (outs[i])
				xi_outset_abort(outs[i]);
		status = 1;
		goto done;
	}
	phase_time("generate", &start);
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
	xenidl_destroy(ctx);
	return status;
}

/* -i DIR -o DIR -l c|rust: xenbindgen's command line and semantics. */
static int xenbindgen_mode(struct cli *c, int nfiles)
{
	if (nfiles)
		return usage_error("%s", "-i takes no input files: it reads the spec directories of DIR");
	if (!c->outdir)
		return usage_error("%s", "-i needs -o DIR");
	if (c->nlangs != 1 || c->lang_dirs[0] ||
	    (strcmp(c->langs[0], "c") != 0 && strcmp(c->langs[0], "rust") != 0))
		return usage_error("%s", "-i needs one -l, c or rust");
	return xi_cmd_xenbindgen(&c->opt, c->indir, c->outdir, c->langs[0], c->check);
}

/* convert --to xidl|yaml [-o DIR|-] [--check] FILE... */
static int convert(struct cli *c, int nfiles, char **files)
{
	if (!c->to || (strcmp(c->to, "xidl") != 0 && strcmp(c->to, "yaml") != 0))
		return usage_error("%s", "convert needs --to xidl or --to yaml");
	if (nfiles == 0)
		return usage_error("%s", "no input files");
	if (c->outdir && !strcmp(c->outdir, "-") && c->check)
		return usage_error("%s", "--check compares files: it needs an output directory");
	return xi_cmd_convert(&c->opt, c->to, c->outdir, c->check, nfiles, files);
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
	if (argc > 1 && !strcmp(argv[1], "abi-diff"))
		return xi_cmd_abidiff(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "layout")) {
		int rc = parse_args(&c, argc - 1, argv + 1);
		if (rc >= 0)
			return rc;
		return xi_cmd_layout(&c.opt, c.tsv, c.all, argc - 1 - optind, argv + 1 + optind);
	}
	if (argc > 1 && !strcmp(argv[1], "convert")) {
		int rc = parse_args(&c, argc - 1, argv + 1);
		if (rc >= 0)
			return rc;
		return convert(&c, argc - 1 - optind, argv + 1 + optind);
	}
	int rc = parse_args(&c, argc, argv);
	if (rc >= 0)
		return rc;
	if (c.indir)
		return xenbindgen_mode(&c, argc - optind);
	return generate(&c, argc - optind, argv + optind);
}
