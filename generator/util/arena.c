/* madvise() advice beyond POSIX (MADV_HUGEPAGE). */
#define _DEFAULT_SOURCE 1

#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "format.h"

/* Chunks grow geometrically up to this size; larger requests get a chunk
 * of their own. */
#define ARENA_MIN_CHUNK (64u * 1024u)
#define ARENA_MAX_CHUNK (4u * 1024u * 1024u)
#define ARENA_HUGE_PAGE (2u * 1024u * 1024u)
/* A chunk that would be this big or bigger is a chunk of the largest size
 * instead, backed by huge pages: an arena that has grown past the chunks
 * before it (448 KiB) holds a large input's IR, which then faults in by
 * the huge page (a thousand structs: half the page faults of the run). */
#define ARENA_HUGE_FROM (512u * 1024u)

struct xi_arena_chunk {
	struct xi_arena_chunk *prev;
	size_t size;
	_Alignas(max_align_t) char data[];
};

_Noreturn void xi_oom(void)
{
	fputs("xenidl: fatal error: out of memory\n", stderr);
	exit(1);
}

void *xi_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		xi_oom();
	return p;
}

void *xi_xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		xi_oom();
	return p;
}

char *xi_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xi_xmalloc(n);
	memcpy(p, s, n);
	return p;
}

void xi_arena_init(struct xi_arena *a)
{
	a->head = NULL;
	a->next = a->end = NULL;
}

void xi_arena_free(struct xi_arena *a)
{
	struct xi_arena_chunk *c = a->head;
	while (c) {
		struct xi_arena_chunk *prev = c->prev;
		free(c);
		c = prev;
	}
	xi_arena_init(a);
}

void xi_arena_reset(struct xi_arena *a)
{
	struct xi_arena_chunk *keep = a->head;
	if (!keep)
		return;
	struct xi_arena_chunk *c = keep->prev;
	while (c) {
		struct xi_arena_chunk *prev = c->prev;
		free(c);
		c = prev;
	}
	keep->prev = NULL;
	a->next = keep->data;
	a->end = keep->data + keep->size;
}

/* A chunk of the largest size, with its header, spans whole huge pages
 * (aligned to them), and the kernel is asked to back it with huge pages
 * where it does so on request (transparent huge pages in "madvise" mode):
 * it then faults in 2 MiB at a time rather than 4 KiB. */
static struct xi_arena_chunk *alloc_big_chunk(void)
{
	void *p;
	if (posix_memalign(&p, ARENA_HUGE_PAGE, ARENA_MAX_CHUNK))
		xi_oom();
#ifdef MADV_HUGEPAGE
	madvise(p, ARENA_MAX_CHUNK, MADV_HUGEPAGE); /* only advice: failure is harmless */
#endif
	struct xi_arena_chunk *c = p;
	c->size = ARENA_MAX_CHUNK - sizeof(*c);
	return c;
}

static void arena_grow(struct xi_arena *a, size_t need)
{
	size_t size = a->head ? a->head->size * 2 : ARENA_MIN_CHUNK;
	struct xi_arena_chunk *c;
	if (size >= ARENA_HUGE_FROM && need <= ARENA_MAX_CHUNK - sizeof(*c)) {
		c = alloc_big_chunk();
	} else {
		if (size > ARENA_MAX_CHUNK)
			size = ARENA_MAX_CHUNK;
		if (size < need)
			size = need;
		c = xi_xmalloc(sizeof(*c) + size);
		c->size = size;
	}
	c->prev = a->head;
	a->head = c;
	a->next = c->data;
	a->end = c->data + c->size;
}

void *xi_alloc(struct xi_arena *a, size_t size)
{
	size = (size + XI_ARENA_ALIGN - 1) & ~(size_t)(XI_ARENA_ALIGN - 1);
	if (size == 0)
		size = XI_ARENA_ALIGN;
	size_t mis = (size_t)((uintptr_t)a->next % XI_ARENA_ALIGN);
	if (a->next && mis)
		a->next += XI_ARENA_ALIGN - mis < (size_t)(a->end - a->next) ? XI_ARENA_ALIGN - mis
									     : (size_t)(a->end - a->next);
	if ((size_t)(a->end - a->next) < size)
		arena_grow(a, size);
	void *p = a->next;
	a->next += size;
	memset(p, 0, size);
	return p;
}

/* Strings need no alignment: pack them tightly. */
static char *alloc_bytes(struct xi_arena *a, size_t n)
{
	if ((size_t)(a->end - a->next) < n)
		arena_grow(a, n);
	char *p = a->next;
	a->next += n;
	return p;
}

char *xi_strndup(struct xi_arena *a, const char *s, size_t n)
{
	char *p = alloc_bytes(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xi_strdup(struct xi_arena *a, const char *s)
{
	return xi_strndup(a, s, strlen(s));
}

char *xi_aprintf(struct xi_arena *a, const char *fmt, ...)
{
	/* Format straight into the head chunk's free space; only when the
	 * text does not fit is it formatted again into new space. */
	va_list ap;
	size_t room = (size_t)(a->end - a->next);
	va_start(ap, fmt);
	int n = xi_vsnprintf(room ? a->next : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		xi_oom();
	if ((size_t)n < room)
		return alloc_bytes(a, (size_t)n + 1);
	char *p = alloc_bytes(a, (size_t)n + 1);
	va_start(ap, fmt);
	xi_vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
