/* Arena allocation: every object of one compilation lives in one arena and
 * is freed with it. Nothing is freed individually. */
#ifndef XENIDL_ARENA_H
#define XENIDL_ARENA_H

#include <stddef.h>

struct xi_arena_chunk;

struct xi_arena {
	struct xi_arena_chunk *head;
	char *next;   /* first free byte of the head chunk */
	char *end;    /* one past the head chunk's last byte */
};

void xi_arena_init(struct xi_arena *a);
void xi_arena_free(struct xi_arena *a);
/* Free everything allocated, but keep the newest (largest) chunk for the
 * next allocations: for an arena emptied and filled again many times. */
void xi_arena_reset(struct xi_arena *a);

/* What xi_alloc aligns to: enough for everything the IR is made of
 * (pointers, size_t and 64-bit integers), on 32- and 64-bit hosts alike.
 * max_align_t (16 on x86_64, for long double) would add padding to most
 * allocations for types no node holds; XI_NEW and XI_NEW_ARRAY refuse,
 * at compile time, a type that needs more. */
#define XI_ARENA_ALIGN 8u

/* Zeroed memory aligned to XI_ARENA_ALIGN. Aborts the process on
 * exhaustion: there is nothing useful a generator can do without memory. */
void *xi_alloc(struct xi_arena *a, size_t size);
char *xi_strdup(struct xi_arena *a, const char *s);
char *xi_strndup(struct xi_arena *a, const char *s, size_t n);
/* Printf into the arena. */
char *xi_aprintf(struct xi_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Zero when `type` fits the arena's alignment; else a compile error (a
 * static assertion may stand in a struct, and so in an expression). */
#define XI_ARENA_FITS(type) \
	(0 * sizeof(struct { \
		_Static_assert(_Alignof(type) <= XI_ARENA_ALIGN, \
			       "a type aligned beyond XI_ARENA_ALIGN cannot live in an arena"); \
		int unused; \
	}))
#define XI_NEW(a, type) ((type *)xi_alloc((a), sizeof(type) + XI_ARENA_FITS(type)))
#define XI_NEW_ARRAY(a, type, n) \
	((type *)xi_alloc((a), sizeof(type) * (n) + XI_ARENA_FITS(type)))

/* Out-of-memory: print a message and exit with status 1. */
_Noreturn void xi_oom(void);
void *xi_xmalloc(size_t size);
void *xi_xrealloc(void *p, size_t size);
char *xi_xstrdup(const char *s);

#endif
