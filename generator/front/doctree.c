#include "doctree.h"

#include <string.h>

#include "map.h"

/* Mappings with more entries than this get a hash index, so that a large
 * table (or a hostile one) does not make key lookups quadratic. */
#define DMAP_LINEAR_MAX 16u

struct xi_dnode *xi_dnode_new(struct xi_arena *a, enum xi_dkind kind, struct xi_loc loc)
{
	struct xi_dnode *n = XI_NEW(a, struct xi_dnode);
	n->kind = kind;
	n->loc = loc;
	return n;
}

static unsigned slot_of(const struct xi_dnode *map, const char *key, size_t len)
{
	return (unsigned)xi_hash(key, len) & (map->index_cap - 1);
}

static void index_insert(struct xi_dnode *map, struct xi_dentry *e)
{
	unsigned i = slot_of(map, e->key, e->keylen);
	while (map->index[i])
		i = (i + 1) & (map->index_cap - 1);
	map->index[i] = e;
}

/* (Re)build the index at twice the entry count or more: old tables stay
 * in the arena, which the geometric growth keeps cheap. */
static void index_grow(struct xi_arena *a, struct xi_dnode *map)
{
	unsigned cap = map->index_cap ? map->index_cap * 2 : DMAP_LINEAR_MAX * 4;
	while (cap < map->count * 2)
		cap *= 2;
	map->index = XI_NEW_ARRAY(a, struct xi_dentry *, cap);
	map->index_cap = cap;
	for (struct xi_dentry *e = map->first; e; e = e->next)
		index_insert(map, e);
}

struct xi_dentry *xi_dmap_find(const struct xi_dnode *map, const char *key, size_t len)
{
	if (map->index) {
		for (unsigned i = slot_of(map, key, len); map->index[i];
		     i = (i + 1) & (map->index_cap - 1)) {
			struct xi_dentry *e = map->index[i];
			if (e->keylen == len && memcmp(e->key, key, len) == 0)
				return e;
		}
		return NULL;
	}
	/* Keys are NUL-terminated, so key[0] can be read when len is 0. */
	for (struct xi_dentry *e = map->first; e; e = e->next)
		if (e->keylen == len && e->key[0] == key[0] && memcmp(e->key, key, len) == 0)
			return e;
	return NULL;
}

struct xi_dkey xi_dkey(struct xi_arena *a, const char *s, size_t len)
{
	struct xi_dkey k;
	k.word = xi_word_of(s, len);
	k.text = k.word != XI_W_NONE ? xi_words[k.word] : xi_strndup(a, s, len);
	k.len = len;
	return k;
}

struct xi_dentry *xi_dmap_find_key(const struct xi_dnode *map, const struct xi_dkey *key)
{
	if (key->word == XI_W_NONE || map->index)
		return xi_dmap_find(map, key->text, key->len);
	/* Equal words are equal keys. */
	for (struct xi_dentry *e = map->first; e; e = e->next)
		if (e->word == key->word)
			return e;
	return NULL;
}

struct xi_dnode *xi_dmap_get(const struct xi_dnode *map, const char *key)
{
	struct xi_dentry *e = xi_dmap_find(map, key, strlen(key));
	return e ? e->value : NULL;
}

struct xi_dentry *xi_dmap_add(struct xi_arena *a, struct xi_dnode *map, const struct xi_dkey *key,
			      struct xi_loc key_loc, struct xi_dnode *value)
{
	struct xi_dentry *e = XI_NEW(a, struct xi_dentry);
	e->key = key->text;
	e->keylen = key->len;
	e->key_loc = key_loc;
	e->word = key->word;
	e->value = value;
	if (map->last)
		map->last->next = e;
	else
		map->first = e;
	map->last = e;
	map->count++;
	if (map->index && map->count * 2 <= map->index_cap)
		index_insert(map, e);
	else if (map->count > DMAP_LINEAR_MAX)
		index_grow(a, map);
	return e;
}

void xi_dseq_add(struct xi_dnode *seq, struct xi_dnode *item)
{
	item->next = NULL;
	if (seq->tail)
		seq->tail->next = item;
	else
		seq->head = item;
	seq->tail = item;
	seq->count++;
}

const char *xi_dkind_phrase(enum xi_dkind k, bool toml)
{
	switch (k) {
	case XI_DNULL: return "null";
	case XI_DBOOL: return "a boolean";
	case XI_DINT: return "an integer";
	case XI_DSTR: return "a string";
	case XI_DMAP: return toml ? "a table" : "a mapping";
	case XI_DSEQ: return toml ? "an array" : "a sequence";
	}
	return "a value";
}
