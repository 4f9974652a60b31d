/* Source files: their text, and a line index for diagnostics. */
#ifndef XENIDL_SOURCE_H
#define XENIDL_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A place in a source file. file is an index into the diagnostic engine's
 * source table plus one; 0 means "no location". line and col count from 1;
 * col counts bytes. len is the length of the token, for the caret line. */
struct xi_loc {
	uint32_t line;
	uint32_t col;
	uint16_t file;
	uint16_t len;
};

struct xi_source {
	char *path;       /* as the user or an import named it */
	char *text;       /* contents + two NUL bytes, or NULL until loaded */
	size_t len;       /* bytes of contents (once loaded) */
	uint32_t *line_starts; /* built on first use */
	uint32_t nlines;
	uint16_t id;      /* the value of xi_loc.file for this source */
};

/* Read the source's text if it is not in memory yet; false if it cannot
 * be read any more. */
bool xi_source_load(struct xi_source *src);

/* The text of line `line` (1-based) and its length, without the newline.
 * Returns NULL past the end. */
const char *xi_source_line(struct xi_source *src, uint32_t line, size_t *len);

/* The location of byte `offset` of a source (for readers whose libraries
 * count in bytes). */
struct xi_loc xi_source_loc_at(struct xi_source *src, size_t offset);

#endif
