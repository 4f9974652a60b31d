/* The words of the spec schema (spec_words.h). */
#include "spec_words.h"

const char *const xi_words[XI_W_COUNT] = {
	[XI_W_NONE] = "",
	[XI_W_UNDERSCORE] = "_",
	[XI_W_ALIAS] = "alias",
	[XI_W_ALIASES] = "aliases",
	[XI_W_ARCH] = "arch",
	[XI_W_ARGS] = "args",
	[XI_W_ARRAY] = "array",
	[XI_W_BITMAP] = "bitmap",
	[XI_W_BITMAPS] = "bitmaps",
	[XI_W_BITS] = "bits",
	[XI_W_C_BITFIELDS] = "c_bitfields",
	[XI_W_C_NAME] = "c_name",
	[XI_W_C_PREFIX] = "c_prefix",
	[XI_W_C_TYPE] = "c_type",
	[XI_W_C_ENUM] = "c_enum",
	[XI_W_C_HANDLE] = "c_handle",
	[XI_W_C_TYPEDEF] = "c_typedef",
	[XI_W_C_TYPEDEF_IF] = "c_typedef_if",
	[XI_W_C_INLINE] = "c_inline",
	[XI_W_C_NAME_IF] = "c_name_if",
	[XI_W_C_ALIAS] = "c_alias",
	[XI_W_C_OLD_NAME] = "c_old_name",
	[XI_W_C_ALIAS_IF] = "c_alias_if",
	[XI_W_C_HANDLES] = "c_handles",
	[XI_W_C_FIELD_MACRO] = "c_field_macro",
	[XI_W_C_BIT_NUMBERS] = "c_bit_numbers",
	[XI_W_C_FALLBACK] = "c_fallback",
	[XI_W_C_PRELUDE] = "c_prelude",
	[XI_W_C_GUARD] = "c_guard",
	[XI_W_CHAR] = "char",
	[XI_W_CONST] = "const",
	[XI_W_CONSTANTS] = "constants",
	[XI_W_DECLARATIONS] = "declarations",
	[XI_W_DEFAULT] = "default",
	[XI_W_DESCRIPTION] = "description",
	[XI_W_DIRECTION] = "direction",
	[XI_W_ENUM] = "enum",
	[XI_W_ENUMS] = "enums",
	[XI_W_FIELDS] = "fields",
	[XI_W_FROM] = "from",
	[XI_W_HANDLE] = "handle",
	[XI_W_HVM_SAVE] = "hvm_save",
	[XI_W_I8] = "i8",
	[XI_W_I16] = "i16",
	[XI_W_I32] = "i32",
	[XI_W_I64] = "i64",
	[XI_W_IF] = "if",
	[XI_W_IMPORT] = "import",
	[XI_W_IMPORTS] = "imports",
	[XI_W_IN] = "in",
	[XI_W_INCLUDES] = "includes",
	[XI_W_INTERFACE_VERSION] = "interface_version",
	[XI_W_INOUT] = "inout",
	[XI_W_LAST] = "last",
	[XI_W_LEGACY] = "legacy",
	[XI_W_LEN] = "len",
	[XI_W_MAX] = "max",
	[XI_W_NAME] = "name",
	[XI_W_NATIVE_HANDLE] = "native_handle",
	[XI_W_NATIVE_I64] = "native_i64",
	[XI_W_NATIVE_U64] = "native_u64",
	[XI_W_OUT] = "out",
	[XI_W_POINTER] = "pointer",
	[XI_W_PTR] = "ptr",
	[XI_W_RESERVED] = "reserved",
	[XI_W_SHIFT] = "shift",
	[XI_W_STRING] = "string",
	[XI_W_C_ASM] = "c_asm",
	[XI_W_C_IFNDEF] = "c_ifndef",
	[XI_W_SPDX] = "spdx",
	[XI_W_STRUCT] = "struct",
	[XI_W_STRUCTS] = "structs",
	[XI_W_SWITCH] = "switch",
	[XI_W_TAG] = "tag",
	[XI_W_TYP] = "typ",
	[XI_W_TYPE] = "type",
	[XI_W_U8] = "u8",
	[XI_W_U16] = "u16",
	[XI_W_U32] = "u32",
	[XI_W_U64] = "u64",
	[XI_W_UNION] = "union",
	[XI_W_UNIONS] = "unions",
	[XI_W_VALUE] = "value",
	[XI_W_PARAMS] = "params",
	[XI_W_VARIANTS] = "variants",
	[XI_W_VERSION] = "version",
	[XI_W_WHEN] = "when",
};

/* The words of each length, for the lookup: by_length[n] lists the words
 * of n bytes, those that most objects have first. (The unit tests check
 * that it agrees with xi_words.) */
#define WORD_MAX_LEN 17

static const unsigned char len1[] = { XI_W_UNDERSCORE, XI_W_NONE };
static const unsigned char len2[] = { XI_W_U8, XI_W_I8, XI_W_IN, XI_W_IF, XI_W_NONE };
static const unsigned char len3[] = { XI_W_TYP, XI_W_TAG, XI_W_U32, XI_W_U16, XI_W_U64, XI_W_PTR,
				      XI_W_OUT, XI_W_I16, XI_W_I32, XI_W_I64, XI_W_LEN, XI_W_MAX,
				      XI_W_NONE };
static const unsigned char len4[] = { XI_W_NAME, XI_W_TYPE, XI_W_ARGS, XI_W_BITS, XI_W_LAST,
				      XI_W_ENUM, XI_W_WHEN, XI_W_CHAR, XI_W_FROM, XI_W_ARCH, XI_W_SPDX,
				      XI_W_NONE };
static const unsigned char len5[] = { XI_W_VALUE, XI_W_SHIFT, XI_W_ARRAY, XI_W_UNION, XI_W_CONST, XI_W_C_ASM,
				      XI_W_ALIAS, XI_W_ENUMS, XI_W_INOUT, XI_W_NONE };
static const unsigned char len6[] = { XI_W_STRING, XI_W_FIELDS, XI_W_C_NAME, XI_W_C_TYPE, XI_W_C_ENUM, XI_W_STRUCT, XI_W_BITMAP,
				      XI_W_LEGACY, XI_W_SWITCH, XI_W_HANDLE, XI_W_UNIONS, XI_W_PARAMS,
				      XI_W_IMPORT, XI_W_NONE };
static const unsigned char len7[] = { XI_W_VERSION, XI_W_DEFAULT, XI_W_STRUCTS, XI_W_BITMAPS,
				      XI_W_ALIASES, XI_W_IMPORTS, XI_W_POINTER, XI_W_C_ALIAS, XI_W_C_GUARD,
				      XI_W_NONE };
static const unsigned char len8[] = { XI_W_VARIANTS, XI_W_RESERVED, XI_W_C_PREFIX, XI_W_INCLUDES,
				      XI_W_C_HANDLE, XI_W_C_INLINE, XI_W_HVM_SAVE, XI_W_C_IFNDEF,
				      XI_W_NONE };
static const unsigned char len9[] = { XI_W_DIRECTION, XI_W_CONSTANTS, XI_W_C_PRELUDE,
				      XI_W_C_TYPEDEF, XI_W_C_HANDLES, XI_W_C_NAME_IF, XI_W_NONE };
static const unsigned char len10[] = { XI_W_NATIVE_U64, XI_W_NATIVE_I64, XI_W_C_FALLBACK,
				       XI_W_C_OLD_NAME, XI_W_C_ALIAS_IF, XI_W_NONE };
static const unsigned char len11[] = { XI_W_DESCRIPTION, XI_W_C_BITFIELDS, XI_W_NONE };
static const unsigned char len12[] = { XI_W_DECLARATIONS, XI_W_C_TYPEDEF_IF, XI_W_NONE };
static const unsigned char len13[] = { XI_W_NATIVE_HANDLE, XI_W_C_BIT_NUMBERS, XI_W_C_FIELD_MACRO,
				       XI_W_NONE };
static const unsigned char len_none[] = { XI_W_NONE };
static const unsigned char len17[] = { XI_W_INTERFACE_VERSION, XI_W_NONE };

static const unsigned char *const by_length[WORD_MAX_LEN + 1] = {
	NULL, len1, len2, len3, len4, len5, len6, len7, len8, len9, len10, len11, len12, len13,
	len_none, len_none, len_none, len17,
};

enum xi_word xi_word_of(const char *s, size_t len)
{
	if (len == 0 || len > WORD_MAX_LEN)
		return XI_W_NONE;
	/* Among the words of a length, the first and last bytes tell all
	 * but native_i64 and native_u64 apart: compare the rest only then. */
	for (const unsigned char *w = by_length[len]; *w != XI_W_NONE; w++) {
		const char *word = xi_words[*w];
		if (word[0] != s[0] || word[len - 1] != s[len - 1])
			continue;
		size_t i = 1;
		while (i < len - 1 && word[i] == s[i])
			i++;
		if (i >= len - 1)
			return (enum xi_word)*w;
	}
	return XI_W_NONE;
}
