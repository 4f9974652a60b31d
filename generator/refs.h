/* References between outputs: a C header includes the headers of the
 * files its input imports, a Markdown page links to their pages, a
 * marshalling header includes its C header. Backends record each one as
 * they write it; at the end of a run, every target that the run neither
 * wrote nor finds in the output directory gets a note saying what else
 * to generate, so that a run never leaves a dangling include or link
 * unsaid. */
#ifndef XENIDL_REFS_H
#define XENIDL_REFS_H

#include "ctx.h"
#include "output.h"

struct xi_ref {
	const struct xi_outset *from_set;
	const char *from;               /* the output that refers, relative to its set */
	const char *verb;               /* "includes", "links to" */
	const char *lang;               /* the backend that writes the target */
	const char *target;             /* relative to that backend's output directory */
	const struct xi_module *module; /* whose output the target is */
};

/* Record that output `from` refers to `target`, the output of `lang`
 * for `module`. Recorded once per pair of files. */
void xi_ref_add(struct xi_ctx *ctx, const struct xi_out *from, const char *verb, const char *lang,
		const char *target, const struct xi_module *module);

/* Record that a run writes the outputs of backend `lang` into `out`. */
void xi_ref_add_run(struct xi_ctx *ctx, const char *lang, const struct xi_outset *out);

/* One note per target neither written by the run nor present on disk. */
void xi_refs_report(struct xi_ctx *ctx);

/* Free what the run recorded (xenidl_destroy does). */
void xi_refs_free(struct xi_ctx *ctx);

#endif
