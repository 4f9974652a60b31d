/* A string-keyed hash map, for lookups only: nothing in xenidl iterates a
 * map, so hash order can never leak into output. */
#ifndef XENIDL_MAP_H
#define XENIDL_MAP_H

#include <stddef.h>
#include <stdint.h>

/* 24 bytes: the intern table of a big input holds hundreds of thousands.
 * Keys are shorter than 4 GB (inputs are at most XI_MAX_FILE_SIZE), and
 * the low 32 bits of the hash pick the slot. */
struct xi_map_slot {
	const char *key;
	void *value;
	uint32_t keylen;
	uint32_t hash;
};

struct xi_map {
	struct xi_map_slot *slots;
	size_t cap;    /* power of two */
	size_t count;
};

void xi_map_init(struct xi_map *m);
void xi_map_free(struct xi_map *m);
/* The value stored under key, or NULL. */
void *xi_map_get(const struct xi_map *m, const char *key, size_t len);
/* Store value under key (the key's memory must outlive the map). Returns
 * the slot, so that a caller may check for an existing value first. */
void xi_map_put(struct xi_map *m, const char *key, size_t len, void *value);

uint64_t xi_hash(const char *s, size_t len);

#endif
