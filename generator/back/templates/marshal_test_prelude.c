#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xenidl/runtime.h>

/* Helpers: a small corpus does not use them all. */
#define HELPER static __attribute__((unused))

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static unsigned long n_checks, n_failures;
static const char *cur_type;

HELPER uint64_t rnd(void)
{
	uint64_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

/* Random values of `bits` bits, the extremes more often than chance. */
HELPER uint64_t rnd_u(unsigned bits)
{
	uint64_t mask = bits >= 64 ? ~0ull : (1ull << bits) - 1;
	switch (rnd() % 8) {
	case 0: return 0;
	case 1: return mask;
	default: return rnd() & mask;
	}
}

HELPER int64_t rnd_s(unsigned bits)
{
	uint64_t u = rnd_u(bits);
	if (bits < 64 && (u >> (bits - 1)) & 1)
		u |= ~0ull << bits;
	return (int64_t)u;
}

HELPER void rnd_bytes(void *p, size_t n)
{
	unsigned char *b = p;
	while (n--)
		*b++ = (unsigned char)rnd();
}

HELPER void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		perror("malloc");
		exit(2);
	}
	return p;
}

__attribute__((format(printf, 1, 2)))
HELPER void failf(const char *fmt, ...)
{
	va_list ap;
	n_failures++;
	if (n_failures > 100)
		return;
	fprintf(stderr, "FAIL %s: ", cur_type);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

HELPER void ok_rc(int rc, const struct xenidl_error *e, const char *what)
{
	n_checks++;
	if (rc != 0)
		failf("%s: %s (%d) at '%s', offset %zu, value 0x%llx", what, xenidl_strerror(rc), rc,
		      e->path, e->offset, (unsigned long long)e->value);
}

HELPER void want_err(int rc, const struct xenidl_error *e, int code, const char *path,
		     size_t offset, const char *what)
{
	n_checks++;
	if (rc != code)
		failf("%s: returned %d (%s), want %d (%s) at '%s'", what, rc, xenidl_strerror(rc),
		      code, xenidl_strerror(code), path);
	else if (e->code != code || strcmp(e->path, path) || e->offset != offset ||
		 strcmp(e->type, cur_type))
		failf("%s: reported %s '%s' offset %zu code %d, want %s '%s' offset %zu", what,
		      e->type, e->path, e->offset, e->code, cur_type, path, offset);
}

HELPER void want_same(const void *a, const void *b, size_t n, const char *what)
{
	const unsigned char *x = a, *y = b;
	n_checks++;
	for (size_t i = 0; i < n; i++) {
		if (x[i] != y[i]) {
			failf("%s: byte %zu is 0x%02x, want 0x%02x", what, i, y[i], x[i]);
			return;
		}
	}
}

HELPER void cant_make(const char *what)
{
	n_checks++;
	failf("no random value with %s", what);
}

/* An error path from a template: "[]" takes the next index. */
HELPER const char *mkpath(char *out, size_t cap, const char *tmpl, const size_t *idx)
{
	size_t n = 0;
	for (; *tmpl && n + 1 < cap; tmpl++) {
		if (tmpl[0] == '[' && tmpl[1] == ']') {
			n += (size_t)snprintf(out + n, cap - n, "[%zu]", *idx++);
			tmpl++;
			continue;
		}
		out[n++] = *tmpl;
	}
	out[n < cap ? n : cap - 1] = '\0';
	return out;
}

HELPER void put_le(unsigned char *p, uint64_t v, unsigned size)
{
	for (unsigned i = 0; i < size; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* Array elements probed: all of small arrays, a few of large ones. */
HELPER size_t next_index(size_t i, size_t n)
{
	if (n <= 64)
		return i + 1;
	return i == 0 ? 1 : i == 1 ? n / 2 : i < n - 1 ? n - 1 : n;
}

/* Tries at a random value that reaches a tagged-union arm. */
#define MAX_TRIES 10000u
#define MAKE(fill, cond) do { \
	unsigned tries_ = 0; \
	do { fill; } while (!(cond) && ++tries_ < MAX_TRIES); \
} while (0)

#define ALL (XENIDL_IN | XENIDL_OUT)
