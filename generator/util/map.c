#include "map.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define MAP_MIN_CAP 64u

uint64_t xi_hash(const char *s, size_t len)
{
	/* Eight bytes at a time, multiply-and-fold: names and doc lines are
	 * hashed for every token, so this is on the hot path. */
	uint64_t h = UINT64_C(0x9e3779b97f4a7c15) ^ len;
	while (len >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * UINT64_C(0xff51afd7ed558ccd);
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	/* The last bytes, in fixed-size pieces that compile to plain loads
	 * (a memcpy of a variable length would be a library call). */
	uint64_t w = 0;
	unsigned shift = 0;
	if (len & 4) {
		uint32_t v;
		memcpy(&v, s, 4);
		w = v;
		s += 4;
		shift = 32;
	}
	if (len & 2) {
		uint16_t v;
		memcpy(&v, s, 2);
		w |= (uint64_t)v << shift;
		s += 2;
		shift += 16;
	}
	if (len & 1)
		w |= (uint64_t)(unsigned char)*s << shift;
	h ^= w;
	/* Murmur3's finalizer: every input bit reaches the low bits, which
	 * pick the slot. */
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

void xi_map_init(struct xi_map *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->count = 0;
}

void xi_map_free(struct xi_map *m)
{
	free(m->slots);
	xi_map_init(m);
}

/* Keys are mostly short names, found again and again (every identifier
 * token is interned): comparing them here costs less than calling
 * memcmp. */
static inline bool same_bytes(const char *a, const char *b, size_t len)
{
	for (; len >= 8; a += 8, b += 8, len -= 8) {
		uint64_t x, y;
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return false;
	}
	/* The last bytes in fixed-size pieces, as in xi_hash. */
	if (len & 4) {
		uint32_t x, y;
		memcpy(&x, a, 4);
		memcpy(&y, b, 4);
		if (x != y)
			return false;
		a += 4, b += 4;
	}
	if (len & 2) {
		uint16_t x, y;
		memcpy(&x, a, 2);
		memcpy(&y, b, 2);
		if (x != y)
			return false;
		a += 2, b += 2;
	}
	return !(len & 1) || *a == *b;
}

static inline struct xi_map_slot *find(const struct xi_map *m, const char *key, size_t len,
				       uint32_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct xi_map_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->keylen == len && same_bytes(s->key, key, len))
			return s;
	}
}

static void grow(struct xi_map *m)
{
	struct xi_map_slot *old = m->slots;
	size_t oldcap = m->cap;
	m->cap = oldcap ? oldcap * 2 : MAP_MIN_CAP;
	m->slots = xi_xmalloc(sizeof(*m->slots) * m->cap);
	memset(m->slots, 0, sizeof(*m->slots) * m->cap);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].keylen, old[i].hash) = old[i];
	free(old);
}

void *xi_map_get(const struct xi_map *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	struct xi_map_slot *s = find(m, key, len, (uint32_t)xi_hash(key, len));
	return s->key ? s->value : NULL;
}

void xi_map_put(struct xi_map *m, const char *key, size_t len, void *value)
{
	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	uint32_t h = (uint32_t)xi_hash(key, len);
	struct xi_map_slot *s = find(m, key, len, h);
	if (!s->key) {
		s->key = key;
		s->keylen = (uint32_t)len;
		s->hash = h;
		m->count++;
	}
	s->value = value;
}
