/* The command line: each command's own option table, read with
 * getopt_long, and the --help made from it.
 *
 *   cli_tables.c  the commands and their options, with their help texts
 *   cli.c         the option loop, usage errors and --help
 *
 * An option a command does not take is a usage error that names it, and
 * says which commands take it. */
#ifndef XENIDL_CLI_H
#define XENIDL_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

/* The commands. Generation and xenbindgen mode share a command line
 * (xenbindgen mode is generation with -i) and so are read together. */
enum xi_cli_cmd {
	XI_CMD_GENERATE,
	XI_CMD_XENBINDGEN,
	XI_CMD_LAYOUT,
	XI_CMD_ABIDIFF,
	XI_CMD_CONVERT,
	XI_CMD_COUNT
};

/* What xi_cli_next returns: an option's short letter, or one of these
 * for options that have none. */
enum xi_cli_opt {
	XI_OPT_ABI = 256,
	XI_OPT_PACKED,
	XI_OPT_C_EXTRAS,
	XI_OPT_CHECK,
	XI_OPT_ROOT,
	XI_OPT_CRATE,
	XI_OPT_TSV,
	XI_OPT_ALL,
	XI_OPT_SUMMARY,
	XI_OPT_TO,
	XI_OPT_WITH_IMPORTS,
	XI_OPT_OLD,
	XI_OPT_NEW,
	XI_OPT_JSON,
	XI_OPT_FAIL_API,
	XI_OPT_OLD_LABEL,
	XI_OPT_NEW_LABEL,
	XI_OPT_PARSEABLE_FIXITS,
	XI_OPT_LOSSY,
	/* Returned by xi_cli_next: no more options (xi_cli.first_operand
	 * says where the operands start), or stop with xi_cli.status
	 * (after --help, --version or a usage error, already printed). */
	XI_CLI_END = -1,
	XI_CLI_STOP = -2,
};

/* Most options of one command, aliases included. */
#define XI_CLI_MAX_OPTIONS 24u

struct xi_cli_option {
	int id;              /* the short letter, or an enum xi_cli_opt */
	const char *name;    /* the long name, or NULL */
	int has_arg;         /* no_argument or required_argument */
	const char *shown;   /* the option as --help shows it: "-o, --output DIR" */
	const char *help;    /* its help; '\n' starts an indented line */
};

struct xi_cli_command {
	const char *name;     /* as typed after xenidl, or NULL */
	const char *label;    /* as messages name it ("generation", "-i") */
	const char *usage;    /* the Usage: lines, without "Usage: " */
	const char *brief;    /* what it does, in a few words */
	const char *summary;  /* what it does, for its --help */
	const struct xi_cli_option *options; /* ended by an id of 0 */
	const char *exit_status;
};

extern const struct xi_cli_command xi_cli_commands[XI_CMD_COUNT];

/* The reading of one command line. */
struct xi_cli {
	enum xi_cli_cmd cmd;      /* the command whose --help and messages apply */
	int argc;
	char **argv;              /* argv[0] is the program or the command's name */
	struct option longopts[2 * XI_CLI_MAX_OPTIONS + 1];
	char shortopts[4 * XI_CLI_MAX_OPTIONS + 2];
	const char *arg;          /* the argument of the option just read */
	int first_operand;        /* after XI_CLI_END: the index of the first operand */
	int status;               /* after XI_CLI_STOP: the exit status */
	/* The options read (each once, with its long name if it was given
	 * so), for xi_cli_restrict. */
	int seen[XI_CLI_MAX_OPTIONS];
	const char *seen_long[XI_CLI_MAX_OPTIONS];
	unsigned nseen;
};

/* Read argv with the options of `cmd` (and, for generation, those of
 * xenbindgen mode, which starts with -i). */
void xi_cli_init(struct xi_cli *c, enum xi_cli_cmd cmd, int argc, char **argv);

/* The next option; XI_CLI_END after the last; XI_CLI_STOP when the run
 * is over (help or version shown, or a usage error reported). */
int xi_cli_next(struct xi_cli *c);

/* After reading: switch to command `cmd` (xenbindgen mode once -i was
 * seen), refusing with a usage error the options read that it does not
 * take. Returns 0, or the exit status of the error. */
int xi_cli_restrict(struct xi_cli *c, enum xi_cli_cmd cmd);

/* Report a usage error of the current command: "xenidl: [COMMAND: ]MESSAGE"
 * and where to find help. Returns 2, the exit status of usage errors. */
int xi_cli_error(const struct xi_cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
