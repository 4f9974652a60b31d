#include "map.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define MAP_MIN_CAP 64u

uint64_t xi_hash(const char *s, size_t len)
{
	/* FNV-1a: small and good enough for identifiers. */
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= UINT64_C(0x100000001b3);
	}
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

static struct xi_map_slot *find(const struct xi_map *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		struct xi_map_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->keylen == len && memcmp(s->key, key, len) == 0)
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
	struct xi_map_slot *s = find(m, key, len, xi_hash(key, len));
	return s->key ? s->value : NULL;
}

void xi_map_put(struct xi_map *m, const char *key, size_t len, void *value)
{
	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	uint64_t h = xi_hash(key, len);
	struct xi_map_slot *s = find(m, key, len, h);
	if (!s->key) {
		s->key = key;
		s->keylen = len;
		s->hash = h;
		m->count++;
	}
	s->value = value;
}
