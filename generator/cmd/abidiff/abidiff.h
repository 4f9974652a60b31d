/* abi-diff: manifests read back into models (the other way to a model
 * than xi_mf_from_ir), and two models compared. */
#ifndef XENIDL_ABIDIFF_H
#define XENIDL_ABIDIFF_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"

/* Read one manifest into a model (which may already hold others).
 * Problems are located errors through diag; false after any. */
bool xi_mf_read(struct xi_mf_model *m, struct xi_diag *diag, const char *path);
/* The same, from text in memory (the fuzzer and unit tests). `text` must
 * be followed by a NUL byte. */
bool xi_mf_read_text(struct xi_mf_model *m, struct xi_diag *diag, const char *path,
		     const char *text, size_t len);

/* --- abi-diff ------------------------------------------------------------ */

enum xi_abidiff_class {
	XI_AD_COMPATIBLE,
	XI_AD_API,           /* breaks source, not binaries */
	XI_AD_BUMPED,        /* breaking, accepted by a version bump */
	XI_AD_BREAKING,
	XI_AD_CLASS_COUNT
};

/* A consequence of a finding: a layout fact that follows from it (a
 * member that moves, grows or changes alignment, a declaration's size or
 * alignment, here or in a type that embeds it) or a label that takes a
 * renumbered value. */
struct xi_abidiff_note {
	const char *rule;
	const char *subject;
	const char *message;
	struct xi_mf_loc old_loc, new_loc;
	xi_abi_mask abis;     /* where it holds: some of its finding's */
};

/* A finding: one change, with its consequences as notes. */
struct xi_abidiff_report {
	enum xi_abidiff_class cls;
	const char *rule;     /* stable identifier of the rule */
	const char *subject;  /* "struct foo", "constant X", "ABI riscv64" */
	const char *message;
	struct xi_mf_loc old_loc, new_loc;
	xi_abi_mask abis;     /* where it holds */
	xi_abi_mask scope;    /* where the subject exists on both sides */
	const char *version;  /* XI_AD_BUMPED: the constant, with its values */
	const char *hint;     /* an extra remark, or NULL */
	struct xi_abidiff_note *notes;
	unsigned nnotes, cap_notes;
};

/* The findings, sorted by their location (file, line, column; those
 * without one first), each with its notes sorted the same way. */
struct xi_abidiff {
	struct xi_arena arena;
	struct xi_abidiff_report *reports;
	unsigned nreports, cap_reports;
	unsigned count[XI_AD_CLASS_COUNT];  /* findings per class */
};

/* Compare two models. The result lives until xi_abidiff_free. */
struct xi_abidiff *xi_abidiff_run(struct xi_mf_model *old_model, struct xi_mf_model *new_model);
void xi_abidiff_free(struct xi_abidiff *d);

void xi_abidiff_print_text(FILE *f, const struct xi_abidiff *d);
void xi_abidiff_print_json(FILE *f, const struct xi_abidiff *d, int status);

/* The command: xenidl abi-diff [OPTION]... OLD NEW. */
struct xi_abidiff_side {
	const char *name;       /* "old" or "new", for messages */
	const char **paths;     /* files or directories of IDL or manifests */
	unsigned npaths;
	const char *label;      /* shown for a directory side's path, or NULL */
};

struct xi_abidiff_options {
	struct xi_options opt;  /* -I, --abi, --parseable-fixits */
	bool json;
	bool fail_on_api;
	struct xi_abidiff_side side[2];  /* old, new */
};

/* Exit status when something breaks. */
#define XI_ABIDIFF_EXIT_BREAKING 4

/* Returns the exit status: 0, 1 on input errors, or
 * XI_ABIDIFF_EXIT_BREAKING. */
int xi_cmd_abidiff(const struct xi_abidiff_options *opt);

#endif
