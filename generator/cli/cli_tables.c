/* The commands of xenidl and the options each takes, with their help.
 * A command accepts exactly the options of its table; --help lists them
 * (doc/xenidl.1 describes the same, and tests/cli-options.sh checks
 * both against each other). */
#include "cli.h"

#define HELP_OPTION { 'h', "help", no_argument, "-h, --help", "show this help" }
#define VERSION_OPTION { 'V', "version", no_argument, "-V, --version", "show the version" }
#define WERROR_OPTION { 'W', NULL, required_argument, "-Werror", "treat warnings as errors" }
/* Every command reads inputs, and so reports diagnostics with fix-its. */
#define PARSEABLE_FIXITS_OPTION                                                         \
	{ XI_OPT_PARSEABLE_FIXITS, "parseable-fixits", no_argument, "    --parseable-fixits", \
	  "after each fix-it shown, print it for tools\n"                                \
	  "as gcc's -fdiagnostics-parseable-fixits does" }
#define INCLUDE_OPTION { 'I', NULL, required_argument, "-I DIR", "search DIR for imports (repeatable)" }
#define CHECK_OPTION(what)                                                              \
	{ XI_OPT_CHECK, "check", no_argument, "    --check",                             \
	  "compare with the files in the output directory,\n" what }
/* Generation and convert: a run writes the outputs of the inputs, and
 * with this option those of what they import too (refs.h). */
#define WITH_IMPORTS_OPTION                                                             \
	{ XI_OPT_WITH_IMPORTS, "with-imports", no_argument, "    --with-imports",         \
	  "also write the outputs of every file the inputs\n"                             \
	  "import, directly or not (default: only the\n"                                  \
	  "inputs', and a note for each output they refer\n"                              \
	  "to that is missing)" }
#define OUTDIR_ALIAS                                                                    \
	{ 'o', "outdir", required_argument, "    --outdir DIR",                          \
	  "the same as --output (xenbindgen's spelling)" }

static const struct xi_cli_option generate_options[] = {
	/* cli.c lists the backends after this option's help. */
	{ 'l', "lang", required_argument, "-l, --lang LANG[:DIR]",
	  "output language (repeatable, or a comma list);\n"
	  "with :DIR its outputs go under DIR instead of -o:" },
	{ 'o', "output", required_argument, "-o, --output DIR", "write outputs under DIR (default: .)" },
	OUTDIR_ALIAS,
	INCLUDE_OPTION,
	{ XI_OPT_ROOT, "root", required_argument, "    --root DIR",
	  "place outputs by their path relative to DIR" },
	{ XI_OPT_ABI, "abi", required_argument, "    --abi LIST",
	  "only these ABIs (comma list of x86_32, x86_64,\narm32, arm64, riscv64, ppc64le)" },
	WITH_IMPORTS_OPTION,
	{ XI_OPT_PACKED, "packed", no_argument, "    --packed",
	  "C: also mark types __attribute__((packed))" },
	{ XI_OPT_C_EXTRAS, "c-extras", no_argument, "    --c-extras",
	  "C: also define names Xen's headers lack (each\nbitmap's PREFIX__ALL mask, every bit's _NAME,\nevery field's NAME(v))" },
	{ XI_OPT_CRATE, "crate-name", required_argument, "    --crate-name N",
	  "Rust: name of the generated crate" },
	CHECK_OPTION("print a diff and exit 3 if any is stale; write nothing"),
	{ 'M', NULL, required_argument, "-M FILE", "write a make depfile of the inputs and imports" },
	{ XI_OPT_SUMMARY, "summary", no_argument, "    --summary",
	  "print one line: inputs, types, files and time" },
	WERROR_OPTION,
	PARSEABLE_FIXITS_OPTION,
	HELP_OPTION,
	VERSION_OPTION,
	{ 0, NULL, 0, NULL, NULL },
};

static const struct xi_cli_option xenbindgen_options[] = {
	{ 'i', "indir", required_argument, "-i, --indir DIR",
	  "DIR holds spec directories, each giving one\n"
	  "header (-l c) or module (-l rust), as xenbindgen\n"
	  "wrote them" },
	{ 'o', "output", required_argument, "-o, --output DIR", "write the outputs under DIR (needed)" },
	OUTDIR_ALIAS,
	{ 'l', "lang", required_argument, "-l, --lang c|rust", "the output language (one)" },
	CHECK_OPTION("print a diff and exit 3 if any is stale; write nothing"),
	WERROR_OPTION,
	PARSEABLE_FIXITS_OPTION,
	HELP_OPTION,
	VERSION_OPTION,
	{ 0, NULL, 0, NULL, NULL },
};

static const struct xi_cli_option layout_options[] = {
	{ XI_OPT_ABI, "abi", required_argument, "    --abi LIST",
	  "only these ABIs (comma list; default: all six)" },
	{ XI_OPT_ALL, "all", no_argument, "    --all",
	  "every struct and union of the files named,\ninstead of TYPE" },
	{ XI_OPT_TSV, "tsv", no_argument, "    --tsv",
	  "print tab-separated rows of type, member path,\n"
	  "ABI, size, alignment and offset instead" },
	INCLUDE_OPTION,
	WERROR_OPTION,
	PARSEABLE_FIXITS_OPTION,
	HELP_OPTION,
	{ 0, NULL, 0, NULL, NULL },
};

static const struct xi_cli_option abidiff_options[] = {
	{ XI_OPT_OLD, "old", required_argument, "    --old PATH",
	  "a file or directory of the old side (repeatable)" },
	{ XI_OPT_NEW, "new", required_argument, "    --new PATH",
	  "a file or directory of the new side (repeatable)" },
	{ XI_OPT_JSON, "json", no_argument, "    --json", "print the differences as JSON" },
	{ XI_OPT_FAIL_API, "fail-on-api", no_argument, "    --fail-on-api",
	  "exit 4 on API-only changes too" },
	{ XI_OPT_OLD_LABEL, "old-label", required_argument, "    --old-label L",
	  "show old-side locations in a directory OLD as L/FILE" },
	{ XI_OPT_NEW_LABEL, "new-label", required_argument, "    --new-label L",
	  "the same for the new side" },
	{ 'I', NULL, required_argument, "-I DIR",
	  "search DIR for imports of IDL files (repeatable)" },
	{ XI_OPT_ABI, "abi", required_argument, "    --abi LIST",
	  "only these ABIs (both sides, whatever their form)" },
	PARSEABLE_FIXITS_OPTION,
	HELP_OPTION,
	{ 0, NULL, 0, NULL, NULL },
};

static const struct xi_cli_option convert_options[] = {
	{ XI_OPT_TO, "to", required_argument, "    --to FORM", "xidl or yaml (needed)" },
	{ 'o', "output", required_argument, "-o, --output DIR|-",
	  "write under DIR, placed as the inputs are in the\n"
	  "deepest directory holding them all, or to standard\n"
	  "output with -o - (default: next to each input)" },
	CHECK_OPTION("say which would change and exit 3; write nothing"),
	{ XI_OPT_LOSSY, "lossy", no_argument, "    --lossy",
	  "drop what the target form cannot hold (with a\n"
	  "warning) rather than fail" },
	WITH_IMPORTS_OPTION,
	INCLUDE_OPTION,
	WERROR_OPTION,
	PARSEABLE_FIXITS_OPTION,
	HELP_OPTION,
	{ 0, NULL, 0, NULL, NULL },
};

const struct xi_cli_command xi_cli_commands[XI_CMD_COUNT] = {
	[XI_CMD_GENERATE] = {
		NULL, "generation",
		"xenidl [OPTION]... FILE...",
		"generate code",
		"Generate code from interface descriptions of the Xen hypercall ABI.",
		generate_options,
		"0 success, 1 input errors, 2 usage errors, 3 stale output\n"
		"(--check), 4 a breaking change (abi-diff).",
	},
	[XI_CMD_XENBINDGEN] = {
		NULL, "-i",
		"xenidl -i DIR -o DIR -l c|rust [--check]",
		"xenbindgen mode",
		"Replace xenbindgen: the same command line, and the same output.",
		xenbindgen_options,
		"0 success, 1 input errors, 2 usage errors, 3 stale output (--check).",
	},
	[XI_CMD_LAYOUT] = {
		"layout", "layout",
		"xenidl layout [OPTION]... (TYPE | --all) FILE...",
		"show how a type is laid out on each ABI",
		"Show how a struct or union is laid out on each ABI, holes included.",
		layout_options,
		"0 success, 1 input errors (or no such type), 2 usage errors.",
	},
	[XI_CMD_ABIDIFF] = {
		"abi-diff", "abi-diff",
		"xenidl abi-diff [OPTION]... OLD NEW\n"
		"xenidl abi-diff [OPTION]... --old PATH... --new PATH...",
		"classify the differences between two versions of an ABI",
		"Compare two versions of an ABI and classify every difference as compatible,\n"
		"API-only or breaking. Each side is ABI manifests (-l manifest), IDL files\n"
		"(.xidl, .yaml, .toml), or a directory (searched recursively: its .xidl files\n"
		"if it has any, else its .abi manifests, else its .yaml/.yml, else .toml).\n"
		"An IDL side covers the files named, not what they import, as the manifests\n"
		"written for them do.",
		abidiff_options,
		"0 nothing breaking, 1 input errors, 2 usage errors,\n"
		"4 breaking changes (not counting those accepted by a version bump).",
	},
	[XI_CMD_CONVERT] = {
		"convert", "convert",
		"xenidl convert --to xidl|yaml [OPTION]... FILE...",
		"convert inputs to xidl or YAML (a formatter too)",
		"Convert inputs of any form to xidl or YAML, keeping every doc comment;\n"
		"--to xidl also formats xidl files.",
		convert_options,
		"0 success, 1 input errors, 2 usage errors, 3 a file would change\n"
		"(--check).",
	},
};
