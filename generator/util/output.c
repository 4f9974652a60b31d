#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "strbuf.h"
#include "udiff.h"

/* Buffer of each output stream in write mode. */
#define OUTPUT_STREAM_BUFFER (256u * 1024u)
/* Names tried for a temp file before giving up: each taken one is a
 * leftover of an interrupted run. */
#define OUTPUT_TEMP_TRIES 100u
/* Chunk size when comparing a new output with the existing file. */
#define OUTPUT_COMPARE_CHUNK (64u * 1024u)

struct xi_out {
	struct xi_outset *set;
	char *rel;
	char *tmp;            /* write mode: temp file path */
	int fd;               /* write mode: the temp file, else -1 */
	/* Everything written; in write mode only what is not yet flushed to
	 * the temp file. */
	struct xi_strbuf mem;
	bool holding;         /* xi_out_hold: keep what is written in mem */
};

struct xi_outset {
	char *dir;
	enum xi_output_mode mode;
	struct xi_diag *diag;
	struct xi_out **outs;
	unsigned n, cap;
	bool io_error;
	bool dir_ready;
};

struct xi_outset *xi_outset_new(const char *dir, enum xi_output_mode mode, struct xi_diag *diag)
{
	struct xi_outset *s = xi_xmalloc(sizeof(*s));
	memset(s, 0, sizeof(*s));
	s->dir = xi_xstrdup(dir ? dir : ".");
	s->mode = mode;
	s->diag = diag;
	return s;
}

static void out_free(struct xi_out *o)
{
	if (o->fd >= 0)
		close(o->fd);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->rel);
	xi_sb_free(&o->mem);
	free(o);
}

void xi_outset_free(struct xi_outset *set)
{
	if (!set)
		return;
	for (unsigned i = 0; i < set->n; i++)
		out_free(set->outs[i]);
	free(set->outs);
	free(set->dir);
	free(set);
}

/* mkdir -p of the first len bytes of path: the directory itself first,
 * its parents only when it lacks them. Most directories an output needs
 * exist (they were made for an earlier output, or by an earlier run), so
 * this is one mkdir, where going down from the root would be one for
 * every component. */
static bool make_dir_prefix(char *path, size_t len)
{
	char saved = path[len];
	path[len] = '\0';
	bool ok = mkdir(path, 0777) == 0 || errno == EEXIST;
	if (!ok && errno == ENOENT) {
		char *slash = strrchr(path, '/');
		while (slash && slash > path && slash[-1] == '/')
			slash--;
		if (slash && slash > path)
			ok = make_dir_prefix(path, (size_t)(slash - path)) &&
			     (mkdir(path, 0777) == 0 || errno == EEXIST);
	}
	path[len] = saved;
	return ok;
}

/* mkdir -p for the directory part of path (or the whole path). */
static bool make_dirs(const char *path, bool include_last)
{
	char *p = xi_xstrdup(path);
	const char *slash = strrchr(p, '/');
	size_t len = include_last ? strlen(p) : slash ? (size_t)(slash - p) : 0;
	bool ok = len == 0 || make_dir_prefix(p, len);
	free(p);
	return ok;
}

static bool safe_relpath(const char *rel)
{
	if (!*rel || rel[0] == '/')
		return false;
	for (const char *p = rel; *p;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 0 || (n == 2 && p[0] == '.' && p[1] == '.') || (n == 1 && p[0] == '.'))
			return false;
		if (!e)
			break;
		p = e + 1;
	}
	return true;
}

/* Write mode: hand what is buffered to the temp file. */
static void out_flush(struct xi_out *o)
{
	const char *p = o->mem.data;
	size_t left = o->mem.len;
	while (left) {
		ssize_t n = write(o->fd, p, left);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			o->set->io_error = true;
			break;
		}
		p += n;
		left -= (size_t)n;
	}
	xi_sb_reset(&o->mem);
}

/* Temp file names are .xenidl-PID-N, N counting the names this process
 * made: one count for every output set, as two sets may write into one
 * directory at the same time. (O_EXCL below keeps a name that is taken,
 * whatever the reason, from being used twice.) */
static long temp_pid;
static unsigned temp_serial;

/* Create a temp file for an output and set *path to its name. Temp files
 * live in the top directory, on the same file system as their targets,
 * so the final rename is atomic. O_EXCL makes the name ours (a name taken
 * by the leftover of an interrupted run moves on to the next), and mode
 * 0666 lets the umask decide the permissions, as for any new file. */
static int create_temp(struct xi_outset *set, char **path)
{
	if (!temp_pid)
		temp_pid = (long)getpid();
	size_t n = strlen(set->dir) + 64;
	char *p = xi_xmalloc(n);
	for (unsigned tries = 0; tries < OUTPUT_TEMP_TRIES; tries++) {
		snprintf(p, n, "%s/.xenidl-%ld-%u", set->dir, temp_pid, temp_serial++);
		int fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0) {
			*path = p;
			return fd;
		}
		if (errno != EEXIST)
			break;
	}
	free(p);
	return -1;
}

const char *xi_out_path(const struct xi_out *o)
{
	return o->rel;
}

const struct xi_outset *xi_out_set(const struct xi_out *o)
{
	return o->set;
}

struct xi_out *xi_out_open(struct xi_outset *set, const char *relpath)
{
	if (!safe_relpath(relpath)) {
		xi_error_at_file(set->diag, relpath, "output path leaves the output directory");
		return NULL;
	}
	for (unsigned i = 0; i < set->n; i++) {
		if (!strcmp(set->outs[i]->rel, relpath)) {
			xi_error_at_file(set->diag, relpath,
					 "two inputs would write the same output file");
			return NULL;
		}
	}
	struct xi_out *o = xi_xmalloc(sizeof(*o));
	memset(o, 0, sizeof(*o));
	o->set = set;
	o->fd = -1;
	o->rel = xi_xstrdup(relpath);
	if (set->mode == XI_OUTPUT_WRITE) {
		if (!set->dir_ready && !make_dirs(set->dir, true)) {
			xi_error_at_file(set->diag, set->dir, "cannot create directory: %s",
					 strerror(errno));
			out_free(o);
			set->io_error = true;
			return NULL;
		}
		set->dir_ready = true;
		int fd = create_temp(set, &o->tmp);
		if (fd < 0) {
			xi_error_at_file(set->diag, set->dir, "cannot create a temporary file: %s",
					 strerror(errno));
			out_free(o);
			set->io_error = true;
			return NULL;
		}
		o->fd = fd;
		/* Backends write their outputs one after another, so the one
		 * opened before is most likely complete: its text goes to its
		 * temp file now and its buffer to this output. A run then
		 * holds one output's text in memory, not all of them. (One
		 * written to again gets a new buffer.) */
		if (set->n) {
			struct xi_out *prev = set->outs[set->n - 1];
			out_flush(prev);
			o->mem = prev->mem;
			prev->mem = (struct xi_strbuf)XI_STRBUF_INIT;
		}
	}
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 16;
		set->outs = xi_xrealloc(set->outs, sizeof(*set->outs) * set->cap);
	}
	set->outs[set->n++] = o;
	return o;
}

static void out_wrote(struct xi_out *o)
{
	if (o->fd >= 0 && !o->holding && o->mem.len >= OUTPUT_STREAM_BUFFER)
		out_flush(o);
}

size_t xi_out_hold(struct xi_out *o)
{
	o->holding = true;
	return o->mem.len;
}

char *xi_out_take(struct xi_out *o, size_t mark)
{
	size_t n = o->mem.len - mark;
	char *text = xi_xmalloc(n + 1);
	memcpy(text, o->mem.data + mark, n);
	text[n] = '\0';
	o->mem.len = mark;
	if (o->mem.data)
		o->mem.data[mark] = '\0';
	o->holding = false;
	out_wrote(o);
	return text;
}

void xi_out_write(struct xi_out *o, const char *s, size_t n)
{
	xi_sb_addn(&o->mem, s, n);
	out_wrote(o);
}

void xi_out_puts(struct xi_out *o, const char *s)
{
	xi_out_write(o, s, strlen(s));
}

void xi_out_putc(struct xi_out *o, char c)
{
	xi_sb_addc(&o->mem, c);
	out_wrote(o);
}

void xi_out_vprintf(struct xi_out *o, const char *fmt, va_list ap)
{
	xi_sb_vprintf(&o->mem, fmt, ap);
	out_wrote(o);
}

void xi_out_printf(struct xi_out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	xi_out_vprintf(o, fmt, ap);
	va_end(ap);
}

void xi_out_indent(struct xi_out *o, unsigned n)
{
	static const char spaces[] = "                                ";
	while (n) {
		unsigned k = n < sizeof(spaces) - 1 ? n : (unsigned)sizeof(spaces) - 1;
		xi_out_write(o, spaces, k);
		n -= k;
	}
}

void xi_out_template(struct xi_out *o, const char *text, const char *const *vars)
{
	for (const char *at; (at = strchr(text, '@'));) {
		const char *end = strchr(at + 1, '@');
		if (!end)
			break;
		size_t n = (size_t)(end - at - 1);
		const char *const *v = vars;
		while (*v && !(strlen(*v) == n && !memcmp(*v, at + 1, n)))
			v += 2;
		if (!*v) {
			fprintf(stderr, "xenidl: bug: no value for '%.*s' in a template\n", (int)n,
				at + 1);
			abort();
		}
		xi_out_write(o, text, (size_t)(at - text));
		xi_out_puts(o, v[1]);
		text = end + 1;
	}
	xi_out_puts(o, text);
}

void xi_out_prefixed_lines(struct xi_out *o, unsigned indent, const struct xi_line_style *style,
			   const char *text)
{
	for (const char *p = text;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (style->trim)
			while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
				n--;
		xi_out_indent(o, indent);
		xi_out_puts(o, style->prefix);
		if (n) {
			xi_out_putc(o, ' ');
			if (style->put)
				style->put(o, p, n);
			else
				xi_out_write(o, p, n);
		}
		xi_out_putc(o, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
}

static char *join(const char *dir, const char *rel)
{
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *p = xi_xmalloc(n);
	snprintf(p, n, "%s/%s", dir, rel);
	return p;
}

/* Does the file at `path` hold exactly the bytes of file `tmp`? */
static bool same_file_content(const char *tmp, const char *path)
{
	struct stat a, b;
	/* The target first: on a first run there is none. */
	if (stat(path, &b) != 0 || stat(tmp, &a) != 0 || a.st_size != b.st_size)
		return false;
	FILE *fa = fopen(tmp, "rb"), *fb = fopen(path, "rb");
	bool same = fa && fb;
	char *ba = xi_xmalloc(OUTPUT_COMPARE_CHUNK), *bb = xi_xmalloc(OUTPUT_COMPARE_CHUNK);
	while (same) {
		size_t na = fread(ba, 1, OUTPUT_COMPARE_CHUNK, fa);
		size_t nb = fread(bb, 1, OUTPUT_COMPARE_CHUNK, fb);
		if (na != nb || memcmp(ba, bb, na) != 0)
			same = false;
		if (na == 0)
			break;
	}
	free(ba);
	free(bb);
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

static char *read_whole(const char *path, size_t *len, bool *exists)
{
	FILE *f = fopen(path, "rb");
	*exists = f != NULL;
	*len = 0;
	if (!f)
		return NULL;
	struct xi_strbuf sb = XI_STRBUF_INIT;
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		xi_sb_addn(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return sb.data ? sb.data : xi_xstrdup("");
}

/* Rename a temp file to its target, creating the target's directories
 * when they are missing (only then: most outputs share directories that
 * exist after the first). */
static bool rename_into_place(const char *tmp, const char *target)
{
	if (rename(tmp, target) == 0)
		return true;
	return errno == ENOENT && make_dirs(target, false) && rename(tmp, target) == 0;
}

static int commit_write(struct xi_outset *set)
{
	for (unsigned i = 0; i < set->n; i++) {
		struct xi_out *o = set->outs[i];
		out_flush(o);
		if (close(o->fd) != 0)
			set->io_error = true;
		o->fd = -1;
	}
	if (set->io_error) {
		xi_error_at_file(set->diag, set->dir, "cannot write output files");
		xi_outset_abort(set);
		return 1;
	}
	int rc = 0;
	for (unsigned i = 0; i < set->n; i++) {
		struct xi_out *o = set->outs[i];
		char *target = join(set->dir, o->rel);
		if (same_file_content(o->tmp, target)) {
			unlink(o->tmp);
		} else if (!rename_into_place(o->tmp, target)) {
			xi_error_at_file(set->diag, target, "cannot write: %s", strerror(errno));
			unlink(o->tmp);
			rc = 1;
		}
		free(o->tmp);
		o->tmp = NULL;
		free(target);
	}
	return rc;
}

static int commit_check(struct xi_outset *set, FILE *report)
{
	int rc = 0;
	for (unsigned i = 0; i < set->n; i++) {
		struct xi_out *o = set->outs[i];
		char *target = join(set->dir, o->rel);
		size_t len;
		bool exists;
		char *old = read_whole(target, &len, &exists);
		if (!exists || len != o->mem.len || memcmp(old, xi_sb_str(&o->mem), len) != 0) {
			rc = 3;
			char *a_label = exists ? join("a", o->rel) : xi_xstrdup("/dev/null");
			char *b_label = join("b", o->rel);
			xi_udiff(report, a_label, old ? old : "", len, b_label, xi_sb_str(&o->mem),
				 o->mem.len);
			free(a_label);
			free(b_label);
		}
		free(old);
		free(target);
	}
	return rc;
}

int xi_outset_commit(struct xi_outset *set, FILE *report)
{
	switch (set->mode) {
	case XI_OUTPUT_WRITE:
		return commit_write(set);
	case XI_OUTPUT_CHECK:
		return commit_check(set, report);
	case XI_OUTPUT_MEMORY:
		break;
	}
	return 0;
}

void xi_outset_abort(struct xi_outset *set)
{
	for (unsigned i = 0; i < set->n; i++) {
		struct xi_out *o = set->outs[i];
		if (o->fd >= 0) {
			close(o->fd);
			o->fd = -1;
		}
		if (o->tmp) {
			unlink(o->tmp);
			free(o->tmp);
			o->tmp = NULL;
		}
	}
}

const char *xi_outset_dir(const struct xi_outset *set)
{
	return set->dir;
}

unsigned xi_outset_count(const struct xi_outset *set)
{
	return set->n;
}

const char *xi_outset_path(const struct xi_outset *set, unsigned i)
{
	return set->outs[i]->rel;
}

const char *xi_outset_data(const struct xi_outset *set, unsigned i, size_t *len)
{
	*len = set->outs[i]->mem.len;
	return xi_sb_str(&set->outs[i]->mem);
}

bool xi_write_file_atomic(struct xi_diag *diag, const char *path, const char *data, size_t len)
{
	size_t old_len;
	bool exists;
	char *old = read_whole(path, &old_len, &exists);
	bool same = exists && old_len == len && memcmp(old, data, len) == 0;
	free(old);
	if (same)
		return true;
	size_t n = strlen(path) + 16;
	char *tmp = xi_xmalloc(n);
	snprintf(tmp, n, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	bool ok = fd >= 0;
	if (ok) {
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
		FILE *f = fdopen(fd, "wb");
		ok = f && fwrite(data, 1, len, f) == len;
		if (f)
			ok = fclose(f) == 0 && ok;
		else
			close(fd);
		ok = ok && rename(tmp, path) == 0;
		if (!ok)
			unlink(tmp);
	}
	if (!ok)
		xi_error_at_file(diag, path, "cannot write: %s", strerror(errno));
	free(tmp);
	return ok;
}
