/* The words of the spec schema: its keys, the kinds of type, the
 * directions and the names xidl reserves.
 *
 * A key of the document tree is looked up once, when it is added
 * (doctree.c), so that the schema mapper compares word numbers instead of
 * strings. */
#ifndef XENIDL_SPEC_WORDS_H
#define XENIDL_SPEC_WORDS_H

#include <stddef.h>

enum xi_word {
	XI_W_NONE,           /* not a word of the schema; ends a list of words */
	XI_W_UNDERSCORE,     /* _ */
	XI_W_ALIAS,
	XI_W_ALIASES,
	XI_W_ARCH,
	XI_W_ARGS,
	XI_W_ARRAY,
	XI_W_BITMAP,
	XI_W_BITMAPS,
	XI_W_BITS,
	XI_W_C_BITFIELDS,
	XI_W_C_NAME,
	XI_W_C_PREFIX,
	XI_W_C_TYPE,
	XI_W_C_ENUM,
	XI_W_C_HANDLE,
	XI_W_C_TYPEDEF,
	XI_W_C_TYPEDEF_IF,
	XI_W_C_INLINE,
	XI_W_C_NAME_IF,
	XI_W_C_ALIAS,
	XI_W_C_OLD_NAME,
	XI_W_C_ALIAS_IF,
	XI_W_C_HANDLES,
	XI_W_C_FIELD_MACRO,
	XI_W_C_BIT_NUMBERS,
	XI_W_C_FALLBACK,
	XI_W_C_PRELUDE,
	XI_W_C_GUARD,
	XI_W_CHAR,
	XI_W_CONST,
	XI_W_CONSTANTS,
	XI_W_DECLARATIONS,
	XI_W_DEFAULT,
	XI_W_DESCRIPTION,
	XI_W_DIRECTION,
	XI_W_ENUM,
	XI_W_ENUMS,
	XI_W_FIELDS,
	XI_W_FROM,
	XI_W_HANDLE,
	XI_W_HVM_SAVE,
	XI_W_I8,
	XI_W_I16,
	XI_W_I32,
	XI_W_I64,
	XI_W_IF,
	XI_W_IMPORT,
	XI_W_IMPORTS,
	XI_W_IN,
	XI_W_INCLUDES,
	XI_W_INTERFACE_VERSION,
	XI_W_INOUT,
	XI_W_LAST,
	XI_W_LEGACY,
	XI_W_LEN,
	XI_W_MAX,
	XI_W_NAME,
	XI_W_NATIVE_HANDLE,
	XI_W_NATIVE_I64,
	XI_W_NATIVE_U64,
	XI_W_OUT,
	XI_W_PARAMS,
	XI_W_POINTER,
	XI_W_PTR,
	XI_W_RESERVED,
	XI_W_SHIFT,
	XI_W_STRING,
	XI_W_C_ASM,
	XI_W_C_IFNDEF,
	XI_W_SPDX,
	XI_W_STRUCT,
	XI_W_STRUCTS,
	XI_W_SWITCH,
	XI_W_TAG,
	XI_W_TYP,
	XI_W_TYPE,
	XI_W_U8,
	XI_W_U16,
	XI_W_U32,
	XI_W_U64,
	XI_W_UNION,
	XI_W_UNIONS,
	XI_W_VALUE,
	XI_W_VARIANTS,
	XI_W_VERSION,
	XI_W_WHEN,
	XI_W_COUNT
};

/* The text of each word ("" for XI_W_NONE). */
extern const char *const xi_words[XI_W_COUNT];

/* The word that s[0..len) spells, or XI_W_NONE. */
enum xi_word xi_word_of(const char *s, size_t len);

#endif
