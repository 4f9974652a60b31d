/* Every input limit of xenidl, in one place.
 *
 * Going past any of these is a located error, never a crash: the limits
 * exist so that hostile or broken input cannot exhaust the stack, memory
 * or the reader's patience. */
#ifndef XENIDL_LIMITS_H
#define XENIDL_LIMITS_H

/* Largest input file accepted, in bytes. The Xen public headers are about
 * 1 MiB in all; the cap leaves room for generated or merged specs. */
#define XI_MAX_FILE_SIZE (64u * 1024u * 1024u)

/* Longest identifier, in bytes. C guarantees 63 significant characters for
 * external names; Xen's longest macro names are around 50. */
#define XI_MAX_IDENT_LEN 255u

/* Longest string literal (attribute arguments, import paths). */
#define XI_MAX_STRING_LEN 4096u

/* Deepest nesting of braces, brackets and parentheses in one file. The
 * later phases recurse over nested aggregates and expressions, so this
 * bounds their stack use. */
#define XI_MAX_NESTING 64u

/* Deepest expression tree (binary operators chain without parentheses). */
#define XI_MAX_EXPR_DEPTH 256u

/* Most parameters of one parameterised constant (Xen's have at most 10). */
#define XI_MAX_PARAMS 16u

/* Most dimensions of one array type. */
#define XI_MAX_ARRAY_DIMS 8u

/* Bison's parser stack limit (YYMAXDEPTH). */
#define XI_MAX_PARSE_DEPTH 4096u

/* Errors reported before a run gives up. */
#define XI_MAX_ERRORS 50u

/* Longest chain of imports followed from one input. */
#define XI_MAX_IMPORT_DEPTH 64u

/* Longest chain of aliases followed when looking for an integer type. */
#define XI_MAX_ALIAS_CHAIN 256u

/* Most -I directories. */
#define XI_MAX_INCLUDE_DIRS 64u

/* Longest condition (@if) text, in bytes, and the most version numbers
 * two conditions compared with each other may name: the comparison tries
 * every configuration they tell apart. */
#define XI_MAX_COND_LEN 512u
#define XI_MAX_COND_VERSIONS 32u
/* Distinct defined(NAME) atoms two compared conditions may hold: each
 * truth assignment of them is tried. */
#define XI_MAX_COND_DEFINED 6u
/* How deep parentheses nest inside @if( ) in xidl (the lexer's pattern,
 * COND3 in lexer.l, has this depth written out). */
#define XI_MAX_COND_NESTING_LEXED 3u

/* Largest element count of one array, and largest size of any type, in
 * bytes: the Xen ABI has nothing near this, and it keeps every layout
 * computation inside 32 bits. */
#define XI_MAX_TYPE_SIZE (1u << 30)
/* A bitfield's width as the IR keeps it: wider ones are errors anyway. */
#define XI_MAX_BIT_WIDTH_WRITTEN 65535u


#endif
