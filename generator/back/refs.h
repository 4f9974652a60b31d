/* References between outputs: a C header includes the headers of the
 * files its input imports, a Markdown page links to their pages, a
 * marshalling header includes its C header, a converted file imports the
 * converted files of its imports. What writes the outputs (a backend, or
 * convert) records each reference as it writes it; at the end of a run,
 * every target that the run neither wrote nor finds on disk gets a note
 * saying what else to generate or convert, so that a run never leaves a
 * dangling include, link or import unsaid.
 *
 * The outputs a run writes are those of its inputs (ctx->inputs): the
 * files named, and with --with-imports every file they import, directly or
 * not (loader.h), for generation and convert alike. */
#ifndef XENIDL_REFS_H
#define XENIDL_REFS_H

#include "ctx.h"
#include "output.h"

struct xi_ref {
	const struct xi_outset *from_set;
	const char *from;               /* the output that refers, relative to its set */
	const char *verb;               /* "includes", "links to", "imports" */
	const char *lang;               /* what writes the target: a backend, or a form convert writes */
	const char *target;             /* as the output names it */
	/* Where the target is looked for: in the output directory of `lang`
	 * (beside the output that refers when the run has no `lang`); or, for
	 * an import, as the loader finds it: beside the output that refers,
	 * then under `root` (if not NULL), then along -I. */
	bool as_import;
	const char *root;
	/* The file whose output the target is, to name in the note: as found,
	 * or, when it is not found, as imported. */
	const char *source;
	bool source_found;
	bool source_in_run;             /* an input of this run */
};

/* Record that output `from` refers to `target`, the output of backend
 * `lang` for `module`, in the output directory of `lang`. Recorded once
 * per pair of files. */
void xi_ref_add(struct xi_ctx *ctx, const struct xi_out *from, const char *verb, const char *lang,
		const char *target, const struct xi_module *module);

/* Record that output `from` imports `target`, the output of `lang` for
 * `source` (as found, or as imported when `module` is NULL and no file was
 * found; `module` is the source's module, when the run read it), looked
 * for as an import is (see struct xi_ref). */
void xi_ref_add_import(struct xi_ctx *ctx, const struct xi_out *from, const char *verb,
		       const char *lang, const char *target, const char *root, const char *source,
		       bool found, const struct xi_module *module);

/* Record that a run writes the outputs of `lang` into `out` (convert
 * writes one set per output directory: several of one `lang`). */
void xi_ref_add_run(struct xi_ctx *ctx, const char *lang, const struct xi_outset *out);

/* One note per target neither written by the run nor present on disk. */
void xi_refs_report(struct xi_ctx *ctx);

/* Free what the run recorded (xi_destroy does). */
void xi_refs_free(struct xi_ctx *ctx);

#endif
