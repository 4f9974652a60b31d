/* Reading a command line with getopt_long over a command's own option
 * table (cli_tables.c), and printing its --help. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "cli.h"

#include <stdarg.h>
#include <string.h>

#include "xenidl.h"

/* --help of a command (below). */
static void xi_cli_help(enum xi_cli_cmd cmd, FILE *f);

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

/* Where --help starts the text of an option. */
#define HELP_COLUMN 23
/* Longest option name shown in a message. */
#define MAX_SHOWN_NAME 64

static void add_table(struct xi_cli *c, const struct xi_cli_option *o, unsigned *nlong,
		      size_t *nshort)
{
	for (; o->id; o++) {
		if (o->name) {
			bool dup = false;
			for (unsigned i = 0; i < *nlong; i++)
				dup |= !strcmp(c->longopts[i].name, o->name);
			if (!dup)
				c->longopts[(*nlong)++] = (struct option){ o->name, o->has_arg, NULL, o->id };
		}
		if (o->id < 256 && !strchr(c->shortopts + 1, o->id)) {
			c->shortopts[(*nshort)++] = (char)o->id;
			if (o->has_arg == required_argument)
				c->shortopts[(*nshort)++] = ':';
		}
	}
}

void xi_cli_init(struct xi_cli *c, enum xi_cli_cmd cmd, int argc, char **argv)
{
	memset(c, 0, sizeof(*c));
	c->cmd = cmd;
	c->argc = argc;
	c->argv = argv;
	unsigned nlong = 0;
	/* A leading ':' tells a missing argument (':') from an unknown
	 * option ('?'). */
	size_t nshort = 0;
	c->shortopts[nshort++] = ':';
	add_table(c, xi_cli_commands[cmd].options, &nlong, &nshort);
	if (cmd == XI_CMD_GENERATE)
		add_table(c, xi_cli_commands[XI_CMD_XENBINDGEN].options, &nlong, &nshort);
	/* Start afresh: a process may read several command lines (tests). */
	optind = 0;
	opterr = 0;
}

int xi_cli_error(const struct xi_cli *c, const char *fmt, ...)
{
	const char *name = xi_cli_commands[c->cmd].name;
	fprintf(stderr, "xenidl: %s%s", name ? name : "", name ? ": " : "");
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'xenidl%s%s --help' for more information.\n", name ? " " : "",
		name ? name : "");
	return 2;
}

static bool table_takes(const struct xi_cli_option *o, const char *long_name, int letter)
{
	for (; o->id; o++)
		if ((long_name && o->name && !strcmp(o->name, long_name)) ||
		    (!long_name && o->id == letter))
			return true;
	return false;
}

/* The long option `name` stands for, in any command: itself, or the one
 * it is an unambiguous abbreviation of (as getopt_long would take it). */
static const char *full_long_name(const char *name)
{
	const char *found = NULL;
	size_t n = strlen(name);
	for (int k = 0; k < XI_CMD_COUNT; k++) {
		for (const struct xi_cli_option *o = xi_cli_commands[k].options; o->id; o++) {
			if (!o->name || strncmp(o->name, name, n) != 0)
				continue;
			if (!o->name[n])
				return o->name;
			if (found && strcmp(found, o->name) != 0)
				return NULL;
			found = o->name;
		}
	}
	return found;
}

/* An option the current command does not take: say which commands take
 * it. `spelled` is as written ("--pack", "-M"). */
static int not_taken(const struct xi_cli *c, const char *spelled, bool with_i)
{
	const char *long_name = NULL;
	int letter = 0;
	char shown[MAX_SHOWN_NAME + 3];
	if (spelled[1] == '-') {
		long_name = full_long_name(spelled + 2);
		if (long_name)
			snprintf(shown, sizeof(shown), "--%.*s", MAX_SHOWN_NAME, long_name);
	} else {
		letter = (unsigned char)spelled[1];
		snprintf(shown, sizeof(shown), "%s", spelled);
		/* -W is named with its argument: getopt_long stopped on the W
		 * of "-Werror", and left optind on it. */
		const char *a = optind > 0 && optind < c->argc ? c->argv[optind] : "";
		if (letter == 'W' && !strncmp(a, "-W", 2) && !spelled[2])
			snprintf(shown, sizeof(shown), "%.*s", MAX_SHOWN_NAME, a);
	}
	const char *takers[XI_CMD_COUNT];
	unsigned n = 0;
	if (long_name || letter)
		for (int k = 0; k < XI_CMD_COUNT; k++) {
			bool current = k == (int)c->cmd ||
				       (c->cmd == XI_CMD_GENERATE && k == XI_CMD_XENBINDGEN && !with_i);
			if (!current && table_takes(xi_cli_commands[k].options, long_name, letter))
				takers[n++] = xi_cli_commands[k].label;
		}
	if (!n)
		return xi_cli_error(c, "unknown option '%s'", spelled);
	char list[256] = "";
	for (unsigned i = 0; i < n; i++) {
		size_t len = strlen(list);
		snprintf(list + len, sizeof(list) - len, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ",
			 takers[i]);
	}
	return xi_cli_error(c, "option '%s' does not apply %s (only to %s)", shown,
			    with_i ? "with -i" : "here", list);
}

static int stop(struct xi_cli *c, int status)
{
	c->status = status;
	return XI_CLI_STOP;
}

/* Whether the long option `name` (n bytes, maybe abbreviated) is one
 * whose id is `id`. */
static bool long_option_is(const struct xi_cli *c, const char *name, size_t n, int id)
{
	for (const struct option *o = c->longopts; o->name; o++)
		if (o->val == id && !strncmp(o->name, name, n))
			return true;
	return false;
}

/* The option getopt_long could not take, as written: the argument it was
 * in, for a long one, else the letter. */
static const char *offending(const struct xi_cli *c, int ch, char *buf, size_t size,
			     bool *is_long)
{
	/* A long option is all of its argument, which getopt_long has gone
	 * past; a short one may be in the middle of one ("-xq"), which it
	 * has not: optopt tells which, but for a missing argument, which
	 * ends the argument either way. */
	const char *a = optind > 0 && optind <= c->argc ? c->argv[optind - 1] : "";
	size_t n = strcspn(a, "=");
	*is_long = a[0] == '-' && a[1] == '-' &&
		   (ch == ':' || optopt == 0 || optopt >= 256 || long_option_is(c, a + 2, n - 2, optopt));
	if (*is_long) {
		snprintf(buf, size, "%.*s", (int)(n < MAX_SHOWN_NAME ? n : MAX_SHOWN_NAME), a);
	} else {
		snprintf(buf, size, "-%c", optopt);
	}
	return buf;
}

int xi_cli_next(struct xi_cli *c)
{
	int idx = -1;
	int ch = getopt_long(c->argc, c->argv, c->shortopts, c->longopts, &idx);
	if (ch == -1) {
		c->first_operand = optind;
		return XI_CLI_END;
	}
	char name[MAX_SHOWN_NAME + 3];
	bool is_long;
	if (ch == ':') {
		offending(c, ch, name, sizeof(name), &is_long);
		return stop(c, xi_cli_error(c, "option '%s' needs an argument", name));
	}
	if (ch == '?') {
		offending(c, ch, name, sizeof(name), &is_long);
		if (is_long && optopt != 0)
			return stop(c, xi_cli_error(c, "option '%s' takes no argument", name));
		return stop(c, not_taken(c, name, false));
	}
	c->arg = optarg;
	if (idx >= 0) {
		snprintf(name, sizeof(name), "--%s", c->longopts[idx].name);
	} else {
		snprintf(name, sizeof(name), "-%c", ch);
	}
	if (ch == 'W' && strcmp(optarg, "error") != 0)
		return stop(c, xi_cli_error(c, "unknown warning option '-W%s'", optarg));
	if (ch == 'W')
		snprintf(name, sizeof(name), "-Werror");
	bool seen = false;
	for (unsigned i = 0; i < c->nseen; i++)
		seen |= c->seen[i] == ch;
	if (!seen && c->nseen < XI_CLI_MAX_OPTIONS) {
		c->seen[c->nseen] = ch;
		c->seen_long[c->nseen++] = idx >= 0 ? c->longopts[idx].name : NULL;
	}
	if (ch == 'h') {
		xi_cli_help(c->cmd, stdout);
		return stop(c, 0);
	}
	if (ch == 'V') {
		printf("xenidl %s\n", PACKAGE_VERSION);
		return stop(c, 0);
	}
	return ch;
}

int xi_cli_restrict(struct xi_cli *c, enum xi_cli_cmd cmd)
{
	c->cmd = cmd;
	for (unsigned i = 0; i < c->nseen; i++) {
		const char *long_name = c->seen_long[i];
		int id = c->seen[i];
		if (table_takes(xi_cli_commands[cmd].options, long_name, id))
			continue;
		char spelled[MAX_SHOWN_NAME + 3];
		if (long_name)
			snprintf(spelled, sizeof(spelled), "--%s", long_name);
		else if (id == 'W')
			snprintf(spelled, sizeof(spelled), "-Werror");
		else
			snprintf(spelled, sizeof(spelled), "-%c", id);
		return not_taken(c, spelled, cmd == XI_CMD_XENBINDGEN);
	}
	return 0;
}

/* --- --help -------------------------------------------------------------- */

static void print_lines(FILE *f, const char *text, const char *first_prefix, const char *prefix)
{
	const char *p = text;
	const char *pre = first_prefix;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(f, "%s%.*s\n", pre, (int)n, p);
		if (!nl)
			break;
		p = nl + 1;
		pre = prefix;
	}
}

static void print_options(FILE *f, const struct xi_cli_option *o)
{
	for (; o->id; o++) {
		size_t w = strlen(o->shown);
		if (w + 3 <= HELP_COLUMN)
			fprintf(f, "  %s%*s", o->shown, (int)(HELP_COLUMN - 2 - w), "");
		else
			fprintf(f, "  %s  ", o->shown);
		print_lines(f, o->help, "", "                       ");
		/* Generation's -l (not -i's) lists the backends. */
		if (strstr(o->shown, "LANG")) {
			for (const struct xi_backend *b = xi_backends; b->name; b++)
				fprintf(f, "                         %-12s %s\n", b->name, b->summary);
			fputs("                       default: c\n", f);
		}
	}
}

static void print_usage(FILE *f, const struct xi_cli_command *k)
{
	print_lines(f, k->usage, "Usage: ", "       ");
}

static void xi_cli_help(enum xi_cli_cmd cmd, FILE *f)
{
	if (cmd == XI_CMD_XENBINDGEN)
		cmd = XI_CMD_GENERATE;
	const struct xi_cli_command *k = &xi_cli_commands[cmd];
	if (cmd != XI_CMD_GENERATE) {
		print_usage(f, k);
		fprintf(f, "%s\n\nOptions:\n", k->summary);
		print_options(f, k->options);
		fputc('\n', f);
		print_lines(f, k->exit_status, "Exit status: ", "");
		return;
	}
	/* Every usage line, then generation's options and xenbindgen mode's,
	 * and the other commands. */
	const char *pre = "Usage: ";
	for (int i = 0; i < XI_CMD_COUNT; i++) {
		print_lines(f, xi_cli_commands[i].usage, pre, "       ");
		pre = "       ";
	}
	fprintf(f, "%s\n\nOptions:\n", k->summary);
	print_options(f, k->options);
	const struct xi_cli_command *x = &xi_cli_commands[XI_CMD_XENBINDGEN];
	fprintf(f, "\nOptions with -i (%s):\n", x->brief);
	print_options(f, x->options);
	fputs("\nCommands, each with its own options (xenidl COMMAND --help):\n", f);
	for (int i = 0; i < XI_CMD_COUNT; i++) {
		const struct xi_cli_command *s = &xi_cli_commands[i];
		if (!s->name)
			continue;
		fprintf(f, "  %-10s %s\n", s->name, s->brief);
	}
	fputc('\n', f);
	print_lines(f, k->exit_status, "Exit status: ", "");
}
