/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison implementation for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* C LALR(1) parser skeleton written by Richard Stallman, by
   simplifying the original so-called "semantic" parser.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

/* All symbols defined below should begin with yy or YY, to avoid
   infringing on user name space.  This should be done even for local
   variables, as they might otherwise be expanded by user macros.
   There are some unavoidable exceptions within include files to
   define necessary library symbols; they are noted "INFRINGES ON
   USER NAME SPACE" below.  */

/* Identify Bison output, and Bison version.  */
#define YYBISON 30802

/* Bison version string.  */
#define YYBISON_VERSION "3.8.2"

/* Skeleton name.  */
#define YYSKELETON_NAME "yacc.c"

/* Pure parsers.  */
#define YYPURE 2

/* Push parsers.  */
#define YYPUSH 0

/* Pull parsers.  */
#define YYPULL 1

/* Substitute the type names.  */
#define YYSTYPE         XI_YYSTYPE
#define YYLTYPE         XI_YYLTYPE
/* Substitute the variable and function names.  */
#define yyparse         xi_yyparse
#define yylex           xi_yylex
#define yyerror         xi_yyerror
#define yydebug         xi_yydebug
#define yynerrs         xi_yynerrs


# ifndef YY_CAST
#  ifdef __cplusplus
#   define YY_CAST(Type, Val) static_cast<Type> (Val)
#   define YY_REINTERPRET_CAST(Type, Val) reinterpret_cast<Type> (Val)
#  else
#   define YY_CAST(Type, Val) ((Type) (Val))
#   define YY_REINTERPRET_CAST(Type, Val) ((Type) (Val))
#  endif
# endif
# ifndef YY_NULLPTR
#  if defined __cplusplus
#   if 201103L <= __cplusplus
#    define YY_NULLPTR nullptr
#   else
#    define YY_NULLPTR 0
#   endif
#  else
#   define YY_NULLPTR ((void*)0)
#  endif
# endif

#include "parser.tab.h"
/* Symbol kind.  */
enum yysymbol_kind_t
{
  YYSYMBOL_YYEMPTY = -2,
  YYSYMBOL_YYEOF = 0,                      /* "end of file"  */
  YYSYMBOL_YYerror = 1,                    /* error  */
  YYSYMBOL_YYUNDEF = 2,                    /* "invalid token"  */
  YYSYMBOL_IDENT = 3,                      /* "identifier"  */
  YYSYMBOL_INTEGER = 4,                    /* "integer"  */
  YYSYMBOL_STRING = 5,                     /* "string"  */
  YYSYMBOL_KW_IMPORT = 6,                  /* "'import'"  */
  YYSYMBOL_KW_ARCH = 7,                    /* "'arch'"  */
  YYSYMBOL_KW_CONST = 8,                   /* "'const'"  */
  YYSYMBOL_KW_TYPE = 9,                    /* "'type'"  */
  YYSYMBOL_KW_ENUM = 10,                   /* "'enum'"  */
  YYSYMBOL_KW_BITMAP = 11,                 /* "'bitmap'"  */
  YYSYMBOL_KW_STRUCT = 12,                 /* "'struct'"  */
  YYSYMBOL_KW_UNION = 13,                  /* "'union'"  */
  YYSYMBOL_KW_SWITCH = 14,                 /* "'switch'"  */
  YYSYMBOL_KW_HANDLE = 15,                 /* "'handle'"  */
  YYSYMBOL_KW_NATIVE_HANDLE = 16,          /* "'native_handle'"  */
  YYSYMBOL_ARROW = 17,                     /* "'=>'"  */
  YYSYMBOL_DOTDOT = 18,                    /* "'..'"  */
  YYSYMBOL_SHL = 19,                       /* "'<<'"  */
  YYSYMBOL_SHR = 20,                       /* "'>>'"  */
  YYSYMBOL_UNDERSCORE = 21,                /* "'_'"  */
  YYSYMBOL_22_ = 22,                       /* '|'  */
  YYSYMBOL_23_ = 23,                       /* '^'  */
  YYSYMBOL_24_ = 24,                       /* '&'  */
  YYSYMBOL_25_ = 25,                       /* '+'  */
  YYSYMBOL_26_ = 26,                       /* '-'  */
  YYSYMBOL_27_ = 27,                       /* '*'  */
  YYSYMBOL_28_ = 28,                       /* '/'  */
  YYSYMBOL_29_ = 29,                       /* '%'  */
  YYSYMBOL_UNARY = 30,                     /* UNARY  */
  YYSYMBOL_31_ = 31,                       /* ';'  */
  YYSYMBOL_32_ = 32,                       /* '}'  */
  YYSYMBOL_33_ = 33,                       /* ':'  */
  YYSYMBOL_34_ = 34,                       /* '='  */
  YYSYMBOL_35_ = 35,                       /* '{'  */
  YYSYMBOL_36_ = 36,                       /* '@'  */
  YYSYMBOL_37_ = 37,                       /* '('  */
  YYSYMBOL_38_ = 38,                       /* ')'  */
  YYSYMBOL_39_ = 39,                       /* ','  */
  YYSYMBOL_40_ = 40,                       /* '['  */
  YYSYMBOL_41_ = 41,                       /* ']'  */
  YYSYMBOL_42_ = 42,                       /* '<'  */
  YYSYMBOL_43_ = 43,                       /* '>'  */
  YYSYMBOL_44_ = 44,                       /* '~'  */
  YYSYMBOL_YYACCEPT = 45,                  /* $accept  */
  YYSYMBOL_file = 46,                      /* file  */
  YYSYMBOL_items = 47,                     /* items  */
  YYSYMBOL_item = 48,                      /* item  */
  YYSYMBOL_opt_semi = 49,                  /* opt_semi  */
  YYSYMBOL_decl_core = 50,                 /* decl_core  */
  YYSYMBOL_name = 51,                      /* name  */
  YYSYMBOL_attrs = 52,                     /* attrs  */
  YYSYMBOL_attr = 53,                      /* attr  */
  YYSYMBOL_variants_opt = 54,              /* variants_opt  */
  YYSYMBOL_variants = 55,                  /* variants  */
  YYSYMBOL_variant = 56,                   /* variant  */
  YYSYMBOL_variant_core = 57,              /* variant_core  */
  YYSYMBOL_bits_opt = 58,                  /* bits_opt  */
  YYSYMBOL_bits = 59,                      /* bits  */
  YYSYMBOL_bit = 60,                       /* bit  */
  YYSYMBOL_bit_core = 61,                  /* bit_core  */
  YYSYMBOL_members_opt = 62,               /* members_opt  */
  YYSYMBOL_members = 63,                   /* members  */
  YYSYMBOL_member = 64,                    /* member  */
  YYSYMBOL_member_core = 65,               /* member_core  */
  YYSYMBOL_arms_opt = 66,                  /* arms_opt  */
  YYSYMBOL_arms = 67,                      /* arms  */
  YYSYMBOL_arm = 68,                       /* arm  */
  YYSYMBOL_arm_core = 69,                  /* arm_core  */
  YYSYMBOL_labels = 70,                    /* labels  */
  YYSYMBOL_label_expr = 71,                /* label_expr  */
  YYSYMBOL_type = 72,                      /* type  */
  YYSYMBOL_dims = 73,                      /* dims  */
  YYSYMBOL_base_type = 74,                 /* base_type  */
  YYSYMBOL_choices = 75,                   /* choices  */
  YYSYMBOL_choice = 76,                    /* choice  */
  YYSYMBOL_expr = 77                       /* expr  */
};
typedef enum yysymbol_kind_t yysymbol_kind_t;



/* Unqualified %code blocks.  */
#line 24 "generator/parser.y"

#include <string.h>

#include "limits.h"

#define YYMAXDEPTH XI_MAX_PARSE_DEPTH

/* A rule's location spans its symbols and carries its first symbol's doc
 * comment. An empty rule has no doc. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                          \
	do {                                                                 \
		if (N) {                                                     \
			(Cur).loc = YYRHSLOC(Rhs, 1).loc;                    \
			(Cur).doc = YYRHSLOC(Rhs, 1).doc;                    \
			(Cur).end_line = YYRHSLOC(Rhs, N).end_line;          \
			(Cur).end_col = YYRHSLOC(Rhs, N).end_col;            \
			if ((Cur).end_line == (Cur).loc.line &&              \
			    (Cur).end_col > (Cur).loc.col)                   \
				(Cur).loc.len = (uint16_t)((Cur).end_col -   \
							   (Cur).loc.col);   \
		} else {                                                     \
			(Cur).loc = YYRHSLOC(Rhs, 0).loc;                    \
			(Cur).loc.line = YYRHSLOC(Rhs, 0).end_line;          \
			(Cur).loc.col = YYRHSLOC(Rhs, 0).end_col;            \
			(Cur).loc.len = 0;                                   \
			(Cur).end_line = (Cur).loc.line;                     \
			(Cur).end_col = (Cur).loc.col;                       \
			(Cur).doc = NULL;                                    \
		}                                                            \
	} while (0)

static void yyerror(XI_YYLTYPE *loc, void *scanner, struct xi_parser *p, const char *msg);

#define NEW(type) XI_NEW(&p->ctx->arena, type)

static struct xi_expr *mk_binary(struct xi_parser *p, XI_YYLTYPE loc, enum xi_op op,
				 struct xi_expr *a, struct xi_expr *b);
static struct xi_expr *mk_unary(struct xi_parser *p, XI_YYLTYPE loc, enum xi_op op,
				struct xi_expr *a);
static struct xi_type *mk_type(struct xi_parser *p, XI_YYLTYPE loc, enum xi_type_kind kind);
static struct xi_agg *mk_agg(struct xi_parser *p, XI_YYLTYPE loc, bool is_union,
			     struct xi_member *members);
static struct xi_decl *mk_decl(struct xi_parser *p, XI_YYLTYPE loc, enum xi_decl_kind kind,
			       const char *name);
static void add_decl(struct xi_parser *p, struct xi_decl *d, struct xi_attr *attrs, const char *doc);
static void add_import(struct xi_parser *p, XI_YYLTYPE loc, const char *path, bool is_arch);
static struct xi_type *mk_array(struct xi_parser *p, XI_YYLTYPE loc, struct xi_expr *len);

#line 237 "parser.tab.c"

#ifdef short
# undef short
#endif

/* On compilers that do not define __PTRDIFF_MAX__ etc., make sure
   <limits.h> and (if available) <stdint.h> are included
   so that the code can choose integer types of a good width.  */

#ifndef __PTRDIFF_MAX__
# include <limits.h> /* INFRINGES ON USER NAME SPACE */
# if defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stdint.h> /* INFRINGES ON USER NAME SPACE */
#  define YY_STDINT_H
# endif
#endif

/* Narrow types that promote to a signed type and that can represent a
   signed or unsigned integer of at least N bits.  In tables they can
   save space and decrease cache pressure.  Promoting to a signed type
   helps avoid bugs in integer arithmetic.  */

#ifdef __INT_LEAST8_MAX__
typedef __INT_LEAST8_TYPE__ yytype_int8;
#elif defined YY_STDINT_H
typedef int_least8_t yytype_int8;
#else
typedef signed char yytype_int8;
#endif

#ifdef __INT_LEAST16_MAX__
typedef __INT_LEAST16_TYPE__ yytype_int16;
#elif defined YY_STDINT_H
typedef int_least16_t yytype_int16;
#else
typedef short yytype_int16;
#endif

/* Work around bug in HP-UX 11.23, which defines these macros
   incorrectly for preprocessor constants.  This workaround can likely
   be removed in 2023, as HPE has promised support for HP-UX 11.23
   (aka HP-UX 11i v2) only through the end of 2022; see Table 2 of
   <https://h20195.www2.hpe.com/V2/getpdf.aspx/4AA4-7673ENW.pdf>.  */
#ifdef __hpux
# undef UINT_LEAST8_MAX
# undef UINT_LEAST16_MAX
# define UINT_LEAST8_MAX 255
# define UINT_LEAST16_MAX 65535
#endif

#if defined __UINT_LEAST8_MAX__ && __UINT_LEAST8_MAX__ <= __INT_MAX__
typedef __UINT_LEAST8_TYPE__ yytype_uint8;
#elif (!defined __UINT_LEAST8_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST8_MAX <= INT_MAX)
typedef uint_least8_t yytype_uint8;
#elif !defined __UINT_LEAST8_MAX__ && UCHAR_MAX <= INT_MAX
typedef unsigned char yytype_uint8;
#else
typedef short yytype_uint8;
#endif

#if defined __UINT_LEAST16_MAX__ && __UINT_LEAST16_MAX__ <= __INT_MAX__
typedef __UINT_LEAST16_TYPE__ yytype_uint16;
#elif (!defined __UINT_LEAST16_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST16_MAX <= INT_MAX)
typedef uint_least16_t yytype_uint16;
#elif !defined __UINT_LEAST16_MAX__ && USHRT_MAX <= INT_MAX
typedef unsigned short yytype_uint16;
#else
typedef int yytype_uint16;
#endif

#ifndef YYPTRDIFF_T
# if defined __PTRDIFF_TYPE__ && defined __PTRDIFF_MAX__
#  define YYPTRDIFF_T __PTRDIFF_TYPE__
#  define YYPTRDIFF_MAXIMUM __PTRDIFF_MAX__
# elif defined PTRDIFF_MAX
#  ifndef ptrdiff_t
#   include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  endif
#  define YYPTRDIFF_T ptrdiff_t
#  define YYPTRDIFF_MAXIMUM PTRDIFF_MAX
# else
#  define YYPTRDIFF_T long
#  define YYPTRDIFF_MAXIMUM LONG_MAX
# endif
#endif

#ifndef YYSIZE_T
# ifdef __SIZE_TYPE__
#  define YYSIZE_T __SIZE_TYPE__
# elif defined size_t
#  define YYSIZE_T size_t
# elif defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  define YYSIZE_T size_t
# else
#  define YYSIZE_T unsigned
# endif
#endif

#define YYSIZE_MAXIMUM                                  \
  YY_CAST (YYPTRDIFF_T,                                 \
           (YYPTRDIFF_MAXIMUM < YY_CAST (YYSIZE_T, -1)  \
            ? YYPTRDIFF_MAXIMUM                         \
            : YY_CAST (YYSIZE_T, -1)))

#define YYSIZEOF(X) YY_CAST (YYPTRDIFF_T, sizeof (X))


/* Stored state numbers (used for stacks). */
typedef yytype_uint8 yy_state_t;

/* State numbers in computations.  */
typedef int yy_state_fast_t;

#ifndef YY_
# if defined YYENABLE_NLS && YYENABLE_NLS
#  if ENABLE_NLS
#   include <libintl.h> /* INFRINGES ON USER NAME SPACE */
#   define YY_(Msgid) dgettext ("bison-runtime", Msgid)
#  endif
# endif
# ifndef YY_
#  define YY_(Msgid) Msgid
# endif
#endif


#ifndef YY_ATTRIBUTE_PURE
# if defined __GNUC__ && 2 < __GNUC__ + (96 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_PURE __attribute__ ((__pure__))
# else
#  define YY_ATTRIBUTE_PURE
# endif
#endif

#ifndef YY_ATTRIBUTE_UNUSED
# if defined __GNUC__ && 2 < __GNUC__ + (7 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_UNUSED __attribute__ ((__unused__))
# else
#  define YY_ATTRIBUTE_UNUSED
# endif
#endif

/* Suppress unused-variable warnings by "using" E.  */
#if ! defined lint || defined __GNUC__
# define YY_USE(E) ((void) (E))
#else
# define YY_USE(E) /* empty */
#endif

/* Suppress an incorrect diagnostic about yylval being uninitialized.  */
#if defined __GNUC__ && ! defined __ICC && 406 <= __GNUC__ * 100 + __GNUC_MINOR__
# if __GNUC__ * 100 + __GNUC_MINOR__ < 407
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")
# else
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")              \
    _Pragma ("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")
# endif
# define YY_IGNORE_MAYBE_UNINITIALIZED_END      \
    _Pragma ("GCC diagnostic pop")
#else
# define YY_INITIAL_VALUE(Value) Value
#endif
#ifndef YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_END
#endif
#ifndef YY_INITIAL_VALUE
# define YY_INITIAL_VALUE(Value) /* Nothing. */
#endif

#if defined __cplusplus && defined __GNUC__ && ! defined __ICC && 6 <= __GNUC__
# define YY_IGNORE_USELESS_CAST_BEGIN                          \
    _Pragma ("GCC diagnostic push")                            \
    _Pragma ("GCC diagnostic ignored \"-Wuseless-cast\"")
# define YY_IGNORE_USELESS_CAST_END            \
    _Pragma ("GCC diagnostic pop")
#endif
#ifndef YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_END
#endif


#define YY_ASSERT(E) ((void) (0 && (E)))

#if 1

/* The parser invokes alloca or malloc; define the necessary symbols.  */

# ifdef YYSTACK_ALLOC
   /* Pacify GCC's 'empty if-body' warning.  */
#  define YYSTACK_FREE(Ptr) do { /* empty */; } while (0)
#  ifndef YYSTACK_ALLOC_MAXIMUM
    /* The OS might guarantee only one guard page at the bottom of the stack,
       and a page size can be as small as 4096 bytes.  So we cannot safely
       invoke alloca (N) if N exceeds 4096.  Use a slightly smaller number
       to allow for a few compiler-allocated temporary stack slots.  */
#   define YYSTACK_ALLOC_MAXIMUM 4032 /* reasonable circa 2006 */
#  endif
# else
#  define YYSTACK_ALLOC YYMALLOC
#  define YYSTACK_FREE YYFREE
#  ifndef YYSTACK_ALLOC_MAXIMUM
#   define YYSTACK_ALLOC_MAXIMUM YYSIZE_MAXIMUM
#  endif
#  if (defined __cplusplus && ! defined EXIT_SUCCESS \
       && ! ((defined YYMALLOC || defined malloc) \
             && (defined YYFREE || defined free)))
#   include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
#   ifndef EXIT_SUCCESS
#    define EXIT_SUCCESS 0
#   endif
#  endif
#  ifndef YYMALLOC
#   define YYMALLOC malloc
#   if ! defined malloc && ! defined EXIT_SUCCESS
void *malloc (YYSIZE_T); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
#  ifndef YYFREE
#   define YYFREE free
#   if ! defined free && ! defined EXIT_SUCCESS
void free (void *); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
# endif
# define YYCOPY_NEEDED 1
#endif /* 1 */

#if (! defined yyoverflow \
     && (! defined __cplusplus \
         || (defined XI_YYLTYPE_IS_TRIVIAL && XI_YYLTYPE_IS_TRIVIAL \
             && defined XI_YYSTYPE_IS_TRIVIAL && XI_YYSTYPE_IS_TRIVIAL)))

/* A type that is properly aligned for any stack member.  */
union yyalloc
{
  yy_state_t yyss_alloc;
  YYSTYPE yyvs_alloc;
  YYLTYPE yyls_alloc;
};

/* The size of the maximum gap between one aligned stack and the next.  */
# define YYSTACK_GAP_MAXIMUM (YYSIZEOF (union yyalloc) - 1)

/* The size of an array large to enough to hold all stacks, each with
   N elements.  */
# define YYSTACK_BYTES(N) \
     ((N) * (YYSIZEOF (yy_state_t) + YYSIZEOF (YYSTYPE) \
             + YYSIZEOF (YYLTYPE)) \
      + 2 * YYSTACK_GAP_MAXIMUM)

# define YYCOPY_NEEDED 1

/* Relocate STACK from its old location to the new one.  The
   local variables YYSIZE and YYSTACKSIZE give the old and new number of
   elements in the stack, and YYPTR gives the new location of the
   stack.  Advance YYPTR to a properly aligned location for the next
   stack.  */
# define YYSTACK_RELOCATE(Stack_alloc, Stack)                           \
    do                                                                  \
      {                                                                 \
        YYPTRDIFF_T yynewbytes;                                         \
        YYCOPY (&yyptr->Stack_alloc, Stack, yysize);                    \
        Stack = &yyptr->Stack_alloc;                                    \
        yynewbytes = yystacksize * YYSIZEOF (*Stack) + YYSTACK_GAP_MAXIMUM; \
        yyptr += yynewbytes / YYSIZEOF (*yyptr);                        \
      }                                                                 \
    while (0)

#endif

#if defined YYCOPY_NEEDED && YYCOPY_NEEDED
/* Copy COUNT objects from SRC to DST.  The source and destination do
   not overlap.  */
# ifndef YYCOPY
#  if defined __GNUC__ && 1 < __GNUC__
#   define YYCOPY(Dst, Src, Count) \
      __builtin_memcpy (Dst, Src, YY_CAST (YYSIZE_T, (Count)) * sizeof (*(Src)))
#  else
#   define YYCOPY(Dst, Src, Count)              \
      do                                        \
        {                                       \
          YYPTRDIFF_T yyi;                      \
          for (yyi = 0; yyi < (Count); yyi++)   \
            (Dst)[yyi] = (Src)[yyi];            \
        }                                       \
      while (0)
#  endif
# endif
#endif /* !YYCOPY_NEEDED */

/* YYFINAL -- State number of the termination state.  */
#define YYFINAL  34
/* YYLAST -- Last index in YYTABLE.  */
#define YYLAST   386

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  45
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  33
/* YYNRULES -- Number of rules.  */
#define YYNRULES  100
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  208

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   277


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_int8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,    29,    24,     2,
      37,    38,    27,    25,    39,    26,     2,    28,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,    33,    31,
      42,    34,    43,     2,    36,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,    40,     2,    41,    23,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,    35,    22,    32,    44,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     1,     2,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    30
};

#if XI_YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,   126,   126,   127,   131,   132,   136,   137,   138,   139,
     140,   141,   145,   146,   150,   155,   159,   164,   169,   174,
     184,   185,   185,   185,   185,   185,   185,   189,   190,   194,
     199,   207,   220,   221,   222,   226,   227,   231,   232,   236,
     245,   246,   247,   251,   252,   256,   257,   261,   267,   279,
     280,   284,   287,   300,   301,   302,   306,   315,   316,   320,
     323,   336,   337,   338,   342,   349,   360,   364,   374,   382,
     394,   395,   399,   403,   418,   422,   426,   430,   434,   438,
     444,   448,   455,   456,   460,   471,   479,   486,   487,   488,
     489,   490,   491,   492,   493,   494,   495,   496,   497,   498,
     499
};
#endif

/** Accessing symbol of state STATE.  */
#define YY_ACCESSING_SYMBOL(State) YY_CAST (yysymbol_kind_t, yystos[State])

#if 1
/* The user-facing name of the symbol whose (internal) number is
   YYSYMBOL.  No bounds checking.  */
static const char *yysymbol_name (yysymbol_kind_t yysymbol) YY_ATTRIBUTE_UNUSED;

static const char *
yysymbol_name (yysymbol_kind_t yysymbol)
{
  static const char *const yy_sname[] =
  {
  "end of file", "error", "invalid token", "identifier", "integer",
  "string", "'import'", "'arch'", "'const'", "'type'", "'enum'",
  "'bitmap'", "'struct'", "'union'", "'switch'", "'handle'",
  "'native_handle'", "'=>'", "'..'", "'<<'", "'>>'", "'_'", "'|'", "'^'",
  "'&'", "'+'", "'-'", "'*'", "'/'", "'%'", "UNARY", "';'", "'}'", "':'",
  "'='", "'{'", "'@'", "'('", "')'", "','", "'['", "']'", "'<'", "'>'",
  "'~'", "$accept", "file", "items", "item", "opt_semi", "decl_core",
  "name", "attrs", "attr", "variants_opt", "variants", "variant",
  "variant_core", "bits_opt", "bits", "bit", "bit_core", "members_opt",
  "members", "member", "member_core", "arms_opt", "arms", "arm",
  "arm_core", "labels", "label_expr", "type", "dims", "base_type",
  "choices", "choice", "expr", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-90)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-59)

#define yytable_value_is_error(Yyn) \
  0

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
      88,    -4,    17,     8,    22,    32,    40,    41,    44,   214,
      53,   119,   -90,   -90,   227,   -90,   -90,   -90,    25,    62,
      35,    36,    46,    48,    34,    39,   -90,   -90,   -90,   -90,
     -90,   -90,   -90,    43,   -90,   -90,   -90,   -90,   -90,    51,
     301,   301,   301,   301,   138,   138,    11,   -90,   -90,    55,
      57,     4,    60,    61,    59,    65,    64,    71,    72,    77,
      78,   198,    82,   174,   -90,   -90,    84,   -90,   -90,    85,
      47,    47,    47,    47,   257,   107,   138,    89,   138,   301,
     301,    47,    47,   100,   -90,   198,   198,   -90,   301,   -90,
      91,   -90,    91,   -90,   -90,   -90,   274,   -90,    47,    47,
      47,    47,    47,    47,    47,    47,    47,    47,   -90,   109,
     -22,   -90,   111,   214,   114,   105,   115,   299,   223,    47,
     116,   198,   125,   112,   -90,   -90,   126,   198,   127,   122,
     -90,   -90,   132,   -90,   -90,   -90,   -90,   108,   108,   335,
     346,   357,    -8,    -8,   -90,   -90,   -90,   301,   -90,    10,
     -90,   129,   -90,   -90,   -90,   -90,   -90,   246,    47,   -90,
      91,   198,    47,   -90,    91,   198,   -90,   -90,   -90,   -90,
     130,   -90,   324,   -90,   -90,   313,   -90,   -90,   190,    47,
     133,   -90,   -90,   154,     2,   141,   195,   -90,   -90,   -13,
     -90,   324,   -90,   214,   -90,   -90,   -90,   214,    30,   143,
     145,   -90,   301,   301,   151,   155,   -90,   -90
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int8 yydefact[] =
{
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     4,     8,     0,    27,    10,    11,     0,     0,
       0,     0,     0,     0,     0,     0,    20,    25,    23,    21,
      24,    22,    26,    29,     1,     5,     9,    28,     6,     0,
       0,     0,     0,     0,     0,     0,     0,     7,    74,     0,
       0,     0,     0,     0,     0,    70,     0,     0,     0,     0,
       0,     0,     0,     0,    51,    53,     0,    86,    85,     0,
       0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,    71,    15,    32,    40,    55,     0,    54,
      12,    52,    12,    30,    89,    88,     0,    90,     0,     0,
       0,     0,     0,     0,     0,     0,     0,     0,    31,     0,
       0,    82,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,    33,    35,    37,     0,     0,     0,    41,
      43,    45,     0,    13,    18,    19,    87,    96,    97,    99,
     100,    98,    91,    92,    93,    94,    95,     0,    80,     0,
      77,     0,    78,    75,    76,    14,    72,     0,     0,    38,
      12,    34,     0,    46,    12,    42,    56,    84,    81,    83,
       0,    73,    39,    16,    36,    47,    17,    44,     0,     0,
       0,    69,    68,     0,     0,     0,     0,    59,    61,     0,
      66,    48,    63,     0,    62,    79,    60,     0,     0,     0,
       0,    67,     0,     0,     0,     0,    65,    64
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
     -90,   -90,   -90,   181,   -89,   183,    -9,     1,   -12,   -90,
     -90,    42,    74,   -90,   -90,    37,    73,     7,   -90,   149,
     147,   -90,   -90,    29,    49,   -90,    20,   -34,   -90,   -90,
     -90,    70,   -41
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_uint8 yydefgoto[] =
{
       0,    10,    11,    12,   134,    13,    60,    61,    15,   122,
     123,   124,   125,   128,   129,   130,   131,    62,    63,    64,
      65,   185,   186,   187,   188,   189,   190,    54,    83,    55,
     110,   111,    74
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
      33,    14,    37,   135,   197,   181,   182,    56,    57,    58,
     148,    20,    14,   109,    67,    68,    69,   149,    77,   105,
     106,   107,    18,   183,    19,    21,   198,    16,    17,    94,
      95,    96,    97,   181,   182,    22,    70,    71,     9,    78,
     117,   118,   168,    23,    24,   115,   116,    25,    72,    37,
      67,    68,    66,    34,   132,    73,    38,   137,   138,   139,
     140,   141,   142,   143,   144,   145,   146,    39,    40,    44,
      41,   173,    70,    71,    45,   176,   120,   126,   157,    42,
      46,    43,    47,   112,    72,   114,   121,   127,    -2,     1,
      75,    73,    76,    81,     2,    84,     3,     4,     5,     6,
       7,     8,    79,    80,   151,    82,    85,    86,    87,    37,
     109,    88,   120,   167,    90,    37,    92,   172,   126,    -3,
       1,   175,   133,    93,     9,     2,   113,     3,     4,     5,
       6,     7,     8,   103,   104,   105,   106,   107,   191,    59,
     119,    26,   147,   150,    27,    28,   152,    29,   153,    30,
     158,   161,   120,    31,    32,     9,   126,   160,   154,   164,
     162,   165,   121,   166,   192,   178,   127,   170,   204,   205,
     -49,   193,    37,   195,     9,    59,   202,    26,   203,   184,
      27,    28,   206,    29,   199,    30,   207,   184,   200,    31,
      32,   180,    35,   181,   182,   159,   180,    36,   181,   182,
     163,    26,   177,   174,    27,    28,   -50,    29,    89,    30,
       9,   183,    91,    31,    32,   196,   183,    26,   201,   169,
      27,    28,   -57,    29,     0,    30,     9,   -58,     0,    31,
      32,     9,     0,   194,     9,     3,     4,     5,     6,     7,
       8,     0,    98,    99,     0,   100,   101,   102,   103,   104,
     105,   106,   107,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     9,   156,    98,    99,     0,   100,   101,
     102,   103,   104,   105,   106,   107,    98,    99,     0,   100,
     101,   102,   103,   104,   105,   106,   107,   171,     0,     0,
       0,     0,     0,    98,    99,   108,   100,   101,   102,   103,
     104,   105,   106,   107,    48,     0,     0,     0,    49,     0,
       0,     0,   136,    50,    51,     0,    52,    53,    98,    99,
       0,   100,   101,   102,   103,   104,   105,   106,   107,     0,
     155,   179,    98,    99,     0,   100,   101,   102,   103,   104,
     105,   106,   107,    98,    99,     0,   100,   101,   102,   103,
     104,   105,   106,   107,    98,    99,     0,     0,   101,   102,
     103,   104,   105,   106,   107,    98,    99,     0,     0,     0,
     102,   103,   104,   105,   106,   107,    98,    99,     0,     0,
       0,     0,   103,   104,   105,   106,   107
};

static const yytype_int16 yycheck[] =
{
       9,     0,    14,    92,    17,     3,     4,    41,    42,    43,
      32,     3,    11,     3,     3,     4,     5,    39,    14,    27,
      28,    29,     5,    21,     7,     3,    39,    31,    32,    70,
      71,    72,    73,     3,     4,     3,    25,    26,    36,    35,
      81,    82,    32,     3,     3,    79,    80,     3,    37,    61,
       3,     4,    45,     0,    88,    44,    31,    98,    99,   100,
     101,   102,   103,   104,   105,   106,   107,     5,    33,    35,
      34,   160,    25,    26,    35,   164,    85,    86,   119,    33,
      37,    33,    31,    76,    37,    78,    85,    86,     0,     1,
      35,    44,    35,    34,     6,    31,     8,     9,    10,    11,
      12,    13,    42,    42,   113,    40,    35,    35,    31,   121,
       3,    33,   121,   147,    32,   127,    32,   158,   127,     0,
       1,   162,    31,    38,    36,     6,    37,     8,     9,    10,
      11,    12,    13,    25,    26,    27,    28,    29,   179,     1,
      40,     3,    33,    32,     6,     7,    32,     9,    43,    11,
      34,    39,   161,    15,    16,    36,   165,    32,    43,    32,
      34,    39,   161,    31,    31,    35,   165,    38,   202,   203,
      32,    17,   184,    32,    36,     1,    33,     3,    33,   178,
       6,     7,    31,     9,   193,    11,    31,   186,   197,    15,
      16,     1,    11,     3,     4,   121,     1,    14,     3,     4,
     127,     3,   165,   161,     6,     7,    32,     9,    61,    11,
      36,    21,    63,    15,    16,   186,    21,     3,   198,   149,
       6,     7,    32,     9,    -1,    11,    36,    32,    -1,    15,
      16,    36,    -1,   184,    36,     8,     9,    10,    11,    12,
      13,    -1,    19,    20,    -1,    22,    23,    24,    25,    26,
      27,    28,    29,    -1,    -1,    -1,    -1,    -1,    -1,    -1,
      -1,    -1,    -1,    36,    41,    19,    20,    -1,    22,    23,
      24,    25,    26,    27,    28,    29,    19,    20,    -1,    22,
      23,    24,    25,    26,    27,    28,    29,    41,    -1,    -1,
      -1,    -1,    -1,    19,    20,    38,    22,    23,    24,    25,
      26,    27,    28,    29,     3,    -1,    -1,    -1,     7,    -1,
      -1,    -1,    38,    12,    13,    -1,    15,    16,    19,    20,
      -1,    22,    23,    24,    25,    26,    27,    28,    29,    -1,
      31,    18,    19,    20,    -1,    22,    23,    24,    25,    26,
      27,    28,    29,    19,    20,    -1,    22,    23,    24,    25,
      26,    27,    28,    29,    19,    20,    -1,    -1,    23,    24,
      25,    26,    27,    28,    29,    19,    20,    -1,    -1,    -1,
      24,    25,    26,    27,    28,    29,    19,    20,    -1,    -1,
      -1,    -1,    25,    26,    27,    28,    29
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_int8 yystos[] =
{
       0,     1,     6,     8,     9,    10,    11,    12,    13,    36,
      46,    47,    48,    50,    52,    53,    31,    32,     5,     7,
       3,     3,     3,     3,     3,     3,     3,     6,     7,     9,
      11,    15,    16,    51,     0,    48,    50,    53,    31,     5,
      33,    34,    33,    33,    35,    35,    37,    31,     3,     7,
      12,    13,    15,    16,    72,    74,    72,    72,    72,     1,
      51,    52,    62,    63,    64,    65,    62,     3,     4,     5,
      25,    26,    37,    44,    77,    35,    35,    14,    35,    42,
      42,    34,    40,    73,    31,    35,    35,    31,    33,    65,
      32,    64,    32,    38,    77,    77,    77,    77,    19,    20,
      22,    23,    24,    25,    26,    27,    28,    29,    38,     3,
      75,    76,    62,    37,    62,    72,    72,    77,    77,    40,
      51,    52,    54,    55,    56,    57,    51,    52,    58,    59,
      60,    61,    72,    31,    49,    49,    38,    77,    77,    77,
      77,    77,    77,    77,    77,    77,    77,    33,    32,    39,
      32,    51,    32,    43,    43,    31,    41,    77,    34,    57,
      32,    39,    34,    61,    32,    39,    31,    72,    32,    76,
      38,    41,    77,    49,    56,    77,    49,    60,    35,    18,
       1,     3,     4,    21,    52,    66,    67,    68,    69,    70,
      71,    77,    31,    17,    69,    32,    68,    17,    39,    51,
      51,    71,    33,    33,    72,    72,    31,    31
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr1[] =
{
       0,    45,    46,    46,    47,    47,    48,    48,    48,    48,
      48,    48,    49,    49,    50,    50,    50,    50,    50,    50,
      51,    51,    51,    51,    51,    51,    51,    52,    52,    53,
      53,    53,    54,    54,    54,    55,    55,    56,    56,    57,
      58,    58,    58,    59,    59,    60,    60,    61,    61,    62,
      62,    63,    63,    64,    64,    64,    65,    66,    66,    67,
      67,    68,    68,    68,    69,    69,    70,    70,    71,    71,
      72,    72,    73,    73,    74,    74,    74,    74,    74,    74,
      74,    74,    75,    75,    76,    77,    77,    77,    77,    77,
      77,    77,    77,    77,    77,    77,    77,    77,    77,    77,
      77
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     0,     1,     1,     2,     3,     4,     1,     2,
       2,     2,     0,     1,     7,     5,     8,     8,     6,     6,
       1,     1,     1,     1,     1,     1,     1,     1,     2,     2,
       5,     5,     0,     1,     2,     1,     3,     1,     2,     3,
       0,     1,     2,     1,     3,     1,     2,     3,     5,     0,
       1,     1,     2,     1,     2,     2,     4,     0,     1,     1,
       2,     1,     2,     2,     6,     6,     1,     3,     1,     1,
       1,     2,     3,     4,     1,     4,     4,     4,     4,     8,
       4,     5,     1,     3,     3,     1,     1,     3,     2,     2,
       2,     3,     3,     3,     3,     3,     3,     3,     3,     3,
       3
};


enum { YYENOMEM = -2 };

#define yyerrok         (yyerrstatus = 0)
#define yyclearin       (yychar = XI_YYEMPTY)

#define YYACCEPT        goto yyacceptlab
#define YYABORT         goto yyabortlab
#define YYERROR         goto yyerrorlab
#define YYNOMEM         goto yyexhaustedlab


#define YYRECOVERING()  (!!yyerrstatus)

#define YYBACKUP(Token, Value)                                    \
  do                                                              \
    if (yychar == XI_YYEMPTY)                                        \
      {                                                           \
        yychar = (Token);                                         \
        yylval = (Value);                                         \
        YYPOPSTACK (yylen);                                       \
        yystate = *yyssp;                                         \
        YY_LAC_DISCARD ("YYBACKUP");                              \
        goto yybackup;                                            \
      }                                                           \
    else                                                          \
      {                                                           \
        yyerror (&yylloc, scanner, p, YY_("syntax error: cannot back up")); \
        YYERROR;                                                  \
      }                                                           \
  while (0)

/* Backward compatibility with an undocumented macro.
   Use XI_YYerror or XI_YYUNDEF. */
#define YYERRCODE XI_YYUNDEF

/* YYLLOC_DEFAULT -- Set CURRENT to span from RHS[1] to RHS[N].
   If N is 0, then set CURRENT to the empty location which ends
   the previous symbol: RHS[0] (always defined).  */

#ifndef YYLLOC_DEFAULT
# define YYLLOC_DEFAULT(Current, Rhs, N)                                \
    do                                                                  \
      if (N)                                                            \
        {                                                               \
          (Current).first_line   = YYRHSLOC (Rhs, 1).first_line;        \
          (Current).first_column = YYRHSLOC (Rhs, 1).first_column;      \
          (Current).last_line    = YYRHSLOC (Rhs, N).last_line;         \
          (Current).last_column  = YYRHSLOC (Rhs, N).last_column;       \
        }                                                               \
      else                                                              \
        {                                                               \
          (Current).first_line   = (Current).last_line   =              \
            YYRHSLOC (Rhs, 0).last_line;                                \
          (Current).first_column = (Current).last_column =              \
            YYRHSLOC (Rhs, 0).last_column;                              \
        }                                                               \
    while (0)
#endif

#define YYRHSLOC(Rhs, K) ((Rhs)[K])


/* Enable debugging if requested.  */
#if XI_YYDEBUG

# ifndef YYFPRINTF
#  include <stdio.h> /* INFRINGES ON USER NAME SPACE */
#  define YYFPRINTF fprintf
# endif

# define YYDPRINTF(Args)                        \
do {                                            \
  if (yydebug)                                  \
    YYFPRINTF Args;                             \
} while (0)


/* YYLOCATION_PRINT -- Print the location on the stream.
   This macro was not mandated originally: define only if we know
   we won't break user code: when these are the locations we know.  */

# ifndef YYLOCATION_PRINT

#  if defined YY_LOCATION_PRINT

   /* Temporary convenience wrapper in case some people defined the
      undocumented and private YY_LOCATION_PRINT macros.  */
#   define YYLOCATION_PRINT(File, Loc)  YY_LOCATION_PRINT(File, *(Loc))

#  elif defined XI_YYLTYPE_IS_TRIVIAL && XI_YYLTYPE_IS_TRIVIAL

/* Print *YYLOCP on YYO.  Private, do not rely on its existence. */

YY_ATTRIBUTE_UNUSED
static int
yy_location_print_ (FILE *yyo, YYLTYPE const * const yylocp)
{
  int res = 0;
  int end_col = 0 != yylocp->last_column ? yylocp->last_column - 1 : 0;
  if (0 <= yylocp->first_line)
    {
      res += YYFPRINTF (yyo, "%d", yylocp->first_line);
      if (0 <= yylocp->first_column)
        res += YYFPRINTF (yyo, ".%d", yylocp->first_column);
    }
  if (0 <= yylocp->last_line)
    {
      if (yylocp->first_line < yylocp->last_line)
        {
          res += YYFPRINTF (yyo, "-%d", yylocp->last_line);
          if (0 <= end_col)
            res += YYFPRINTF (yyo, ".%d", end_col);
        }
      else if (0 <= end_col && yylocp->first_column < end_col)
        res += YYFPRINTF (yyo, "-%d", end_col);
    }
  return res;
}

#   define YYLOCATION_PRINT  yy_location_print_

    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT(File, Loc)  YYLOCATION_PRINT(File, &(Loc))

#  else

#   define YYLOCATION_PRINT(File, Loc) ((void) 0)
    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT  YYLOCATION_PRINT

#  endif
# endif /* !defined YYLOCATION_PRINT */


# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)                    \
do {                                                                      \
  if (yydebug)                                                            \
    {                                                                     \
      YYFPRINTF (stderr, "%s ", Title);                                   \
      yy_symbol_print (stderr,                                            \
                  Kind, Value, Location, scanner, p); \
      YYFPRINTF (stderr, "\n");                                           \
    }                                                                     \
} while (0)


/*-----------------------------------.
| Print this symbol's value on YYO.  |
`-----------------------------------*/

static void
yy_symbol_value_print (FILE *yyo,
                       yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, void *scanner, struct xi_parser *p)
{
  FILE *yyoutput = yyo;
  YY_USE (yyoutput);
  YY_USE (yylocationp);
  YY_USE (scanner);
  YY_USE (p);
  if (!yyvaluep)
    return;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}


/*---------------------------.
| Print this symbol on YYO.  |
`---------------------------*/

static void
yy_symbol_print (FILE *yyo,
                 yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, void *scanner, struct xi_parser *p)
{
  YYFPRINTF (yyo, "%s %s (",
             yykind < YYNTOKENS ? "token" : "nterm", yysymbol_name (yykind));

  YYLOCATION_PRINT (yyo, yylocationp);
  YYFPRINTF (yyo, ": ");
  yy_symbol_value_print (yyo, yykind, yyvaluep, yylocationp, scanner, p);
  YYFPRINTF (yyo, ")");
}

/*------------------------------------------------------------------.
| yy_stack_print -- Print the state stack from its BOTTOM up to its |
| TOP (included).                                                   |
`------------------------------------------------------------------*/

static void
yy_stack_print (yy_state_t *yybottom, yy_state_t *yytop)
{
  YYFPRINTF (stderr, "Stack now");
  for (; yybottom <= yytop; yybottom++)
    {
      int yybot = *yybottom;
      YYFPRINTF (stderr, " %d", yybot);
    }
  YYFPRINTF (stderr, "\n");
}

# define YY_STACK_PRINT(Bottom, Top)                            \
do {                                                            \
  if (yydebug)                                                  \
    yy_stack_print ((Bottom), (Top));                           \
} while (0)


/*------------------------------------------------.
| Report that the YYRULE is going to be reduced.  |
`------------------------------------------------*/

static void
yy_reduce_print (yy_state_t *yyssp, YYSTYPE *yyvsp, YYLTYPE *yylsp,
                 int yyrule, void *scanner, struct xi_parser *p)
{
  int yylno = yyrline[yyrule];
  int yynrhs = yyr2[yyrule];
  int yyi;
  YYFPRINTF (stderr, "Reducing stack by rule %d (line %d):\n",
             yyrule - 1, yylno);
  /* The symbols being reduced.  */
  for (yyi = 0; yyi < yynrhs; yyi++)
    {
      YYFPRINTF (stderr, "   $%d = ", yyi + 1);
      yy_symbol_print (stderr,
                       YY_ACCESSING_SYMBOL (+yyssp[yyi + 1 - yynrhs]),
                       &yyvsp[(yyi + 1) - (yynrhs)],
                       &(yylsp[(yyi + 1) - (yynrhs)]), scanner, p);
      YYFPRINTF (stderr, "\n");
    }
}

# define YY_REDUCE_PRINT(Rule)          \
do {                                    \
  if (yydebug)                          \
    yy_reduce_print (yyssp, yyvsp, yylsp, Rule, scanner, p); \
} while (0)

/* Nonzero means print parse trace.  It is left uninitialized so that
   multiple parsers can coexist.  */
int yydebug;
#else /* !XI_YYDEBUG */
# define YYDPRINTF(Args) ((void) 0)
# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)
# define YY_STACK_PRINT(Bottom, Top)
# define YY_REDUCE_PRINT(Rule)
#endif /* !XI_YYDEBUG */


/* YYINITDEPTH -- initial size of the parser's stacks.  */
#ifndef YYINITDEPTH
# define YYINITDEPTH 200
#endif

/* YYMAXDEPTH -- maximum size the stacks can grow to (effective only
   if the built-in stack extension method is used).

   Do not make this value too large; the results are undefined if
   YYSTACK_ALLOC_MAXIMUM < YYSTACK_BYTES (YYMAXDEPTH)
   evaluated with infinite-precision integer arithmetic.  */

#ifndef YYMAXDEPTH
# define YYMAXDEPTH 10000
#endif


/* Given a state stack such that *YYBOTTOM is its bottom, such that
   *YYTOP is either its top or is YYTOP_EMPTY to indicate an empty
   stack, and such that *YYCAPACITY is the maximum number of elements it
   can hold without a reallocation, make sure there is enough room to
   store YYADD more elements.  If not, allocate a new stack using
   YYSTACK_ALLOC, copy the existing elements, and adjust *YYBOTTOM,
   *YYTOP, and *YYCAPACITY to reflect the new capacity and memory
   location.  If *YYBOTTOM != YYBOTTOM_NO_FREE, then free the old stack
   using YYSTACK_FREE.  Return 0 if successful or if no reallocation is
   required.  Return YYENOMEM if memory is exhausted.  */
static int
yy_lac_stack_realloc (YYPTRDIFF_T *yycapacity, YYPTRDIFF_T yyadd,
#if XI_YYDEBUG
                      char const *yydebug_prefix,
                      char const *yydebug_suffix,
#endif
                      yy_state_t **yybottom,
                      yy_state_t *yybottom_no_free,
                      yy_state_t **yytop, yy_state_t *yytop_empty)
{
  YYPTRDIFF_T yysize_old =
    *yytop == yytop_empty ? 0 : *yytop - *yybottom + 1;
  YYPTRDIFF_T yysize_new = yysize_old + yyadd;
  if (*yycapacity < yysize_new)
    {
      YYPTRDIFF_T yyalloc = 2 * yysize_new;
      yy_state_t *yybottom_new;
      /* Use YYMAXDEPTH for maximum stack size given that the stack
         should never need to grow larger than the main state stack
         needs to grow without LAC.  */
      if (YYMAXDEPTH < yysize_new)
        {
          YYDPRINTF ((stderr, "%smax size exceeded%s", yydebug_prefix,
                      yydebug_suffix));
          return YYENOMEM;
        }
      if (YYMAXDEPTH < yyalloc)
        yyalloc = YYMAXDEPTH;
      yybottom_new =
        YY_CAST (yy_state_t *,
                 YYSTACK_ALLOC (YY_CAST (YYSIZE_T,
                                         yyalloc * YYSIZEOF (*yybottom_new))));
      if (!yybottom_new)
        {
          YYDPRINTF ((stderr, "%srealloc failed%s", yydebug_prefix,
                      yydebug_suffix));
          return YYENOMEM;
        }
      if (*yytop != yytop_empty)
        {
          YYCOPY (yybottom_new, *yybottom, yysize_old);
          *yytop = yybottom_new + (yysize_old - 1);
        }
      if (*yybottom != yybottom_no_free)
        YYSTACK_FREE (*yybottom);
      *yybottom = yybottom_new;
      *yycapacity = yyalloc;
    }
  return 0;
}

/* Establish the initial context for the current lookahead if no initial
   context is currently established.

   We define a context as a snapshot of the parser stacks.  We define
   the initial context for a lookahead as the context in which the
   parser initially examines that lookahead in order to select a
   syntactic action.  Thus, if the lookahead eventually proves
   syntactically unacceptable (possibly in a later context reached via a
   series of reductions), the initial context can be used to determine
   the exact set of tokens that would be syntactically acceptable in the
   lookahead's place.  Moreover, it is the context after which any
   further semantic actions would be erroneous because they would be
   determined by a syntactically unacceptable token.

   YY_LAC_ESTABLISH should be invoked when a reduction is about to be
   performed in an inconsistent state (which, for the purposes of LAC,
   includes consistent states that don't know they're consistent because
   their default reductions have been disabled).  Iff there is a
   lookahead token, it should also be invoked before reporting a syntax
   error.  This latter case is for the sake of the debugging output.

   For parse.lac=full, the implementation of YY_LAC_ESTABLISH is as
   follows.  If no initial context is currently established for the
   current lookahead, then check if that lookahead can eventually be
   shifted if syntactic actions continue from the current context.
   Report a syntax error if it cannot.  */
#define YY_LAC_ESTABLISH                                                \
do {                                                                    \
  if (!yy_lac_established)                                              \
    {                                                                   \
      YYDPRINTF ((stderr,                                               \
                  "LAC: initial context established for %s\n",          \
                  yysymbol_name (yytoken)));                            \
      yy_lac_established = 1;                                           \
      switch (yy_lac (yyesa, &yyes, &yyes_capacity, yyssp, yytoken))    \
        {                                                               \
        case YYENOMEM:                                                  \
          YYNOMEM;                                                      \
        case 1:                                                         \
          goto yyerrlab;                                                \
        }                                                               \
    }                                                                   \
} while (0)

/* Discard any previous initial lookahead context because of Event,
   which may be a lookahead change or an invalidation of the currently
   established initial context for the current lookahead.

   The most common example of a lookahead change is a shift.  An example
   of both cases is syntax error recovery.  That is, a syntax error
   occurs when the lookahead is syntactically erroneous for the
   currently established initial context, so error recovery manipulates
   the parser stacks to try to find a new initial context in which the
   current lookahead is syntactically acceptable.  If it fails to find
   such a context, it discards the lookahead.  */
#if XI_YYDEBUG
# define YY_LAC_DISCARD(Event)                                           \
do {                                                                     \
  if (yy_lac_established)                                                \
    {                                                                    \
      YYDPRINTF ((stderr, "LAC: initial context discarded due to "       \
                  Event "\n"));                                          \
      yy_lac_established = 0;                                            \
    }                                                                    \
} while (0)
#else
# define YY_LAC_DISCARD(Event) yy_lac_established = 0
#endif

/* Given the stack whose top is *YYSSP, return 0 iff YYTOKEN can
   eventually (after perhaps some reductions) be shifted, return 1 if
   not, or return YYENOMEM if memory is exhausted.  As preconditions and
   postconditions: *YYES_CAPACITY is the allocated size of the array to
   which *YYES points, and either *YYES = YYESA or *YYES points to an
   array allocated with YYSTACK_ALLOC.  yy_lac may overwrite the
   contents of either array, alter *YYES and *YYES_CAPACITY, and free
   any old *YYES other than YYESA.  */
static int
yy_lac (yy_state_t *yyesa, yy_state_t **yyes,
        YYPTRDIFF_T *yyes_capacity, yy_state_t *yyssp, yysymbol_kind_t yytoken)
{
  yy_state_t *yyes_prev = yyssp;
  yy_state_t *yyesp = yyes_prev;
  /* Reduce until we encounter a shift and thereby accept the token.  */
  YYDPRINTF ((stderr, "LAC: checking lookahead %s:", yysymbol_name (yytoken)));
  if (yytoken == YYSYMBOL_YYUNDEF)
    {
      YYDPRINTF ((stderr, " Always Err\n"));
      return 1;
    }
  while (1)
    {
      int yyrule = yypact[+*yyesp];
      if (yypact_value_is_default (yyrule)
          || (yyrule += yytoken) < 0 || YYLAST < yyrule
          || yycheck[yyrule] != yytoken)
        {
          /* Use the default action.  */
          yyrule = yydefact[+*yyesp];
          if (yyrule == 0)
            {
              YYDPRINTF ((stderr, " Err\n"));
              return 1;
            }
        }
      else
        {
          /* Use the action from yytable.  */
          yyrule = yytable[yyrule];
          if (yytable_value_is_error (yyrule))
            {
              YYDPRINTF ((stderr, " Err\n"));
              return 1;
            }
          if (0 < yyrule)
            {
              YYDPRINTF ((stderr, " S%d\n", yyrule));
              return 0;
            }
          yyrule = -yyrule;
        }
      /* By now we know we have to simulate a reduce.  */
      YYDPRINTF ((stderr, " R%d", yyrule - 1));
      {
        /* Pop the corresponding number of values from the stack.  */
        YYPTRDIFF_T yylen = yyr2[yyrule];
        /* First pop from the LAC stack as many tokens as possible.  */
        if (yyesp != yyes_prev)
          {
            YYPTRDIFF_T yysize = yyesp - *yyes + 1;
            if (yylen < yysize)
              {
                yyesp -= yylen;
                yylen = 0;
              }
            else
              {
                yyesp = yyes_prev;
                yylen -= yysize;
              }
          }
        /* Only afterwards look at the main stack.  */
        if (yylen)
          yyesp = yyes_prev -= yylen;
      }
      /* Push the resulting state of the reduction.  */
      {
        yy_state_fast_t yystate;
        {
          const int yylhs = yyr1[yyrule] - YYNTOKENS;
          const int yyi = yypgoto[yylhs] + *yyesp;
          yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyesp
                     ? yytable[yyi]
                     : yydefgoto[yylhs]);
        }
        if (yyesp == yyes_prev)
          {
            yyesp = *yyes;
            YY_IGNORE_USELESS_CAST_BEGIN
            *yyesp = YY_CAST (yy_state_t, yystate);
            YY_IGNORE_USELESS_CAST_END
          }
        else
          {
            if (yy_lac_stack_realloc (yyes_capacity, 1,
#if XI_YYDEBUG
                                      " (", ")",
#endif
                                      yyes, yyesa, &yyesp, yyes_prev))
              {
                YYDPRINTF ((stderr, "\n"));
                return YYENOMEM;
              }
            YY_IGNORE_USELESS_CAST_BEGIN
            *++yyesp = YY_CAST (yy_state_t, yystate);
            YY_IGNORE_USELESS_CAST_END
          }
        YYDPRINTF ((stderr, " G%d", yystate));
      }
    }
}

/* Context of a parse error.  */
typedef struct
{
  yy_state_t *yyssp;
  yy_state_t *yyesa;
  yy_state_t **yyes;
  YYPTRDIFF_T *yyes_capacity;
  yysymbol_kind_t yytoken;
  YYLTYPE *yylloc;
} yypcontext_t;

/* Put in YYARG at most YYARGN of the expected tokens given the
   current YYCTX, and return the number of tokens stored in YYARG.  If
   YYARG is null, return the number of expected tokens (guaranteed to
   be less than YYNTOKENS).  Return YYENOMEM on memory exhaustion.
   Return 0 if there are more than YYARGN expected tokens, yet fill
   YYARG up to YYARGN. */
static int
yypcontext_expected_tokens (const yypcontext_t *yyctx,
                            yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;

  int yyx;
  for (yyx = 0; yyx < YYNTOKENS; ++yyx)
    {
      yysymbol_kind_t yysym = YY_CAST (yysymbol_kind_t, yyx);
      if (yysym != YYSYMBOL_YYerror && yysym != YYSYMBOL_YYUNDEF)
        switch (yy_lac (yyctx->yyesa, yyctx->yyes, yyctx->yyes_capacity, yyctx->yyssp, yysym))
          {
          case YYENOMEM:
            return YYENOMEM;
          case 1:
            continue;
          default:
            if (!yyarg)
              ++yycount;
            else if (yycount == yyargn)
              return 0;
            else
              yyarg[yycount++] = yysym;
          }
    }
  if (yyarg && yycount == 0 && 0 < yyargn)
    yyarg[0] = YYSYMBOL_YYEMPTY;
  return yycount;
}




/* The kind of the lookahead of this context.  */
static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx)
{
  return yyctx->yytoken;
}

/* The location of the lookahead of this context.  */
static YYLTYPE *
yypcontext_location (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static YYLTYPE *
yypcontext_location (const yypcontext_t *yyctx)
{
  return yyctx->yylloc;
}

/* User defined function to report a syntax error.  */
static int
yyreport_syntax_error (const yypcontext_t *yyctx, void *scanner, struct xi_parser *p);

/*-----------------------------------------------.
| Release the memory associated to this symbol.  |
`-----------------------------------------------*/

static void
yydestruct (const char *yymsg,
            yysymbol_kind_t yykind, YYSTYPE *yyvaluep, YYLTYPE *yylocationp, void *scanner, struct xi_parser *p)
{
  YY_USE (yyvaluep);
  YY_USE (yylocationp);
  YY_USE (scanner);
  YY_USE (p);
  if (!yymsg)
    yymsg = "Deleting";
  YY_SYMBOL_PRINT (yymsg, yykind, yyvaluep, yylocationp);

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}






/*----------.
| yyparse.  |
`----------*/

int
yyparse (void *scanner, struct xi_parser *p)
{
/* Lookahead token kind.  */
int yychar;


/* The semantic value of the lookahead symbol.  */
/* Default value used for initialization, for pacifying older GCCs
   or non-GCC compilers.  */
YY_INITIAL_VALUE (static YYSTYPE yyval_default;)
YYSTYPE yylval YY_INITIAL_VALUE (= yyval_default);

/* Location data for the lookahead symbol.  */
static YYLTYPE yyloc_default
# if defined XI_YYLTYPE_IS_TRIVIAL && XI_YYLTYPE_IS_TRIVIAL
  = { 1, 1, 1, 1 }
# endif
;
YYLTYPE yylloc = yyloc_default;

    /* Number of syntax errors so far.  */
    int yynerrs = 0;

    yy_state_fast_t yystate = 0;
    /* Number of tokens to shift before error messages enabled.  */
    int yyerrstatus = 0;

    /* Refer to the stacks through separate pointers, to allow yyoverflow
       to reallocate them elsewhere.  */

    /* Their size.  */
    YYPTRDIFF_T yystacksize = YYINITDEPTH;

    /* The state stack: array, bottom, top.  */
    yy_state_t yyssa[YYINITDEPTH];
    yy_state_t *yyss = yyssa;
    yy_state_t *yyssp = yyss;

    /* The semantic value stack: array, bottom, top.  */
    YYSTYPE yyvsa[YYINITDEPTH];
    YYSTYPE *yyvs = yyvsa;
    YYSTYPE *yyvsp = yyvs;

    /* The location stack: array, bottom, top.  */
    YYLTYPE yylsa[YYINITDEPTH];
    YYLTYPE *yyls = yylsa;
    YYLTYPE *yylsp = yyls;

    yy_state_t yyesa[20];
    yy_state_t *yyes = yyesa;
    YYPTRDIFF_T yyes_capacity = 20 < YYMAXDEPTH ? 20 : YYMAXDEPTH;

  /* Whether LAC context is established.  A Boolean.  */
  int yy_lac_established = 0;
  int yyn;
  /* The return value of yyparse.  */
  int yyresult;
  /* Lookahead symbol kind.  */
  yysymbol_kind_t yytoken = YYSYMBOL_YYEMPTY;
  /* The variables used to return semantic value and location from the
     action routines.  */
  YYSTYPE yyval;
  YYLTYPE yyloc;

  /* The locations where the error started and ended.  */
  YYLTYPE yyerror_range[3];



#define YYPOPSTACK(N)   (yyvsp -= (N), yyssp -= (N), yylsp -= (N))

  /* The number of symbols on the RHS of the reduced rule.
     Keep to zero when no symbol should be popped.  */
  int yylen = 0;

  YYDPRINTF ((stderr, "Starting parse\n"));

  yychar = XI_YYEMPTY; /* Cause a token to be read.  */

  yylsp[0] = yylloc;
  goto yysetstate;


/*------------------------------------------------------------.
| yynewstate -- push a new state, which is found in yystate.  |
`------------------------------------------------------------*/
yynewstate:
  /* In all cases, when you get here, the value and location stacks
     have just been pushed.  So pushing a state here evens the stacks.  */
  yyssp++;


/*--------------------------------------------------------------------.
| yysetstate -- set current state (the top of the stack) to yystate.  |
`--------------------------------------------------------------------*/
yysetstate:
  YYDPRINTF ((stderr, "Entering state %d\n", yystate));
  YY_ASSERT (0 <= yystate && yystate < YYNSTATES);
  YY_IGNORE_USELESS_CAST_BEGIN
  *yyssp = YY_CAST (yy_state_t, yystate);
  YY_IGNORE_USELESS_CAST_END
  YY_STACK_PRINT (yyss, yyssp);

  if (yyss + yystacksize - 1 <= yyssp)
#if !defined yyoverflow && !defined YYSTACK_RELOCATE
    YYNOMEM;
#else
    {
      /* Get the current used size of the three stacks, in elements.  */
      YYPTRDIFF_T yysize = yyssp - yyss + 1;

# if defined yyoverflow
      {
        /* Give user a chance to reallocate the stack.  Use copies of
           these so that the &'s don't force the real ones into
           memory.  */
        yy_state_t *yyss1 = yyss;
        YYSTYPE *yyvs1 = yyvs;
        YYLTYPE *yyls1 = yyls;

        /* Each stack pointer address is followed by the size of the
           data in use in that stack, in bytes.  This used to be a
           conditional around just the two extra args, but that might
           be undefined if yyoverflow is a macro.  */
        yyoverflow (YY_("memory exhausted"),
                    &yyss1, yysize * YYSIZEOF (*yyssp),
                    &yyvs1, yysize * YYSIZEOF (*yyvsp),
                    &yyls1, yysize * YYSIZEOF (*yylsp),
                    &yystacksize);
        yyss = yyss1;
        yyvs = yyvs1;
        yyls = yyls1;
      }
# else /* defined YYSTACK_RELOCATE */
      /* Extend the stack our own way.  */
      if (YYMAXDEPTH <= yystacksize)
        YYNOMEM;
      yystacksize *= 2;
      if (YYMAXDEPTH < yystacksize)
        yystacksize = YYMAXDEPTH;

      {
        yy_state_t *yyss1 = yyss;
        union yyalloc *yyptr =
          YY_CAST (union yyalloc *,
                   YYSTACK_ALLOC (YY_CAST (YYSIZE_T, YYSTACK_BYTES (yystacksize))));
        if (! yyptr)
          YYNOMEM;
        YYSTACK_RELOCATE (yyss_alloc, yyss);
        YYSTACK_RELOCATE (yyvs_alloc, yyvs);
        YYSTACK_RELOCATE (yyls_alloc, yyls);
#  undef YYSTACK_RELOCATE
        if (yyss1 != yyssa)
          YYSTACK_FREE (yyss1);
      }
# endif

      yyssp = yyss + yysize - 1;
      yyvsp = yyvs + yysize - 1;
      yylsp = yyls + yysize - 1;

      YY_IGNORE_USELESS_CAST_BEGIN
      YYDPRINTF ((stderr, "Stack size increased to %ld\n",
                  YY_CAST (long, yystacksize)));
      YY_IGNORE_USELESS_CAST_END

      if (yyss + yystacksize - 1 <= yyssp)
        YYABORT;
    }
#endif /* !defined yyoverflow && !defined YYSTACK_RELOCATE */


  if (yystate == YYFINAL)
    YYACCEPT;

  goto yybackup;


/*-----------.
| yybackup.  |
`-----------*/
yybackup:
  /* Do appropriate processing given the current state.  Read a
     lookahead token if we need one and don't already have one.  */

  /* First try to decide what to do without reference to lookahead token.  */
  yyn = yypact[yystate];
  if (yypact_value_is_default (yyn))
    goto yydefault;

  /* Not known => get a lookahead token if don't already have one.  */

  /* YYCHAR is either empty, or end-of-input, or a valid lookahead.  */
  if (yychar == XI_YYEMPTY)
    {
      YYDPRINTF ((stderr, "Reading a token\n"));
      yychar = yylex (&yylval, &yylloc, scanner);
    }

  if (yychar <= XI_YYEOF)
    {
      yychar = XI_YYEOF;
      yytoken = YYSYMBOL_YYEOF;
      YYDPRINTF ((stderr, "Now at end of input.\n"));
    }
  else if (yychar == XI_YYerror)
    {
      /* The scanner already issued an error message, process directly
         to error recovery.  But do not keep the error token as
         lookahead, it is too special and may lead us to an endless
         loop in error recovery. */
      yychar = XI_YYUNDEF;
      yytoken = YYSYMBOL_YYerror;
      yyerror_range[1] = yylloc;
      goto yyerrlab1;
    }
  else
    {
      yytoken = YYTRANSLATE (yychar);
      YY_SYMBOL_PRINT ("Next token is", yytoken, &yylval, &yylloc);
    }

  /* If the proper action on seeing token YYTOKEN is to reduce or to
     detect an error, take that action.  */
  yyn += yytoken;
  if (yyn < 0 || YYLAST < yyn || yycheck[yyn] != yytoken)
    {
      YY_LAC_ESTABLISH;
      goto yydefault;
    }
  yyn = yytable[yyn];
  if (yyn <= 0)
    {
      if (yytable_value_is_error (yyn))
        goto yyerrlab;
      yyn = -yyn;
      YY_LAC_ESTABLISH;
      goto yyreduce;
    }

  /* Count tokens shifted since error; after three, turn off error
     status.  */
  if (yyerrstatus)
    yyerrstatus--;

  /* Shift the lookahead token.  */
  YY_SYMBOL_PRINT ("Shifting", yytoken, &yylval, &yylloc);
  yystate = yyn;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END
  *++yylsp = yylloc;

  /* Discard the shifted token.  */
  yychar = XI_YYEMPTY;
  YY_LAC_DISCARD ("shift");
  goto yynewstate;


/*-----------------------------------------------------------.
| yydefault -- do the default action for the current state.  |
`-----------------------------------------------------------*/
yydefault:
  yyn = yydefact[yystate];
  if (yyn == 0)
    goto yyerrlab;
  goto yyreduce;


/*-----------------------------.
| yyreduce -- do a reduction.  |
`-----------------------------*/
yyreduce:
  /* yyn is the number of a rule to reduce with.  */
  yylen = yyr2[yyn];

  /* If YYLEN is nonzero, implement the default value of the action:
     '$$ = $1'.

     Otherwise, the following line sets YYVAL to garbage.
     This behavior is undocumented and Bison
     users should not rely upon it.  Assigning to YYVAL
     unconditionally makes the parser a bit smaller, and it avoids a
     GCC warning that YYVAL may be used uninitialized.  */
  yyval = yyvsp[1-yylen];

  /* Default location. */
  YYLLOC_DEFAULT (yyloc, (yylsp - yylen), yylen);
  yyerror_range[1] = yyloc;
  YY_REDUCE_PRINT (yyn);
  {
    int yychar_backup = yychar;
    switch (yyn)
      {
  case 6: /* item: "'import'" "string" ';'  */
#line 136 "generator/parser.y"
                                         { add_import(p, (yyloc), (yyvsp[-1].str), false); }
#line 1792 "parser.tab.c"
    break;

  case 7: /* item: "'import'" "'arch'" "string" ';'  */
#line 137 "generator/parser.y"
                                         { add_import(p, (yyloc), (yyvsp[-1].str), true); }
#line 1798 "parser.tab.c"
    break;

  case 8: /* item: decl_core  */
#line 138 "generator/parser.y"
                                         { add_decl(p, (yyvsp[0].decl), NULL, (yylsp[0]).doc); }
#line 1804 "parser.tab.c"
    break;

  case 9: /* item: attrs decl_core  */
#line 139 "generator/parser.y"
                                         { add_decl(p, (yyvsp[0].decl), (yyvsp[-1].attrs).head, (yylsp[-1]).doc); }
#line 1810 "parser.tab.c"
    break;

  case 14: /* decl_core: "'const'" "identifier" ':' type '=' expr ';'  */
#line 150 "generator/parser.y"
                                               {
		(yyval.decl) = mk_decl(p, (yylsp[-5]), XI_DECL_CONST, (yyvsp[-5].str));
		(yyval.decl)->type = (yyvsp[-3].type);
		(yyval.decl)->expr = (yyvsp[-1].expr);
	}
#line 1820 "parser.tab.c"
    break;

  case 15: /* decl_core: "'type'" "identifier" '=' type ';'  */
#line 155 "generator/parser.y"
                                     {
		(yyval.decl) = mk_decl(p, (yylsp[-3]), XI_DECL_ALIAS, (yyvsp[-3].str));
		(yyval.decl)->type = (yyvsp[-1].type);
	}
#line 1829 "parser.tab.c"
    break;

  case 16: /* decl_core: "'enum'" "identifier" ':' type '{' variants_opt '}' opt_semi  */
#line 159 "generator/parser.y"
                                                               {
		(yyval.decl) = mk_decl(p, (yylsp[-6]), XI_DECL_ENUM, (yyvsp[-6].str));
		(yyval.decl)->type = (yyvsp[-4].type);
		(yyval.decl)->variants = (yyvsp[-2].variants).head;
	}
#line 1839 "parser.tab.c"
    break;

  case 17: /* decl_core: "'bitmap'" "identifier" ':' type '{' bits_opt '}' opt_semi  */
#line 164 "generator/parser.y"
                                                             {
		(yyval.decl) = mk_decl(p, (yylsp[-6]), XI_DECL_BITMAP, (yyvsp[-6].str));
		(yyval.decl)->type = (yyvsp[-4].type);
		(yyval.decl)->variants = (yyvsp[-2].variants).head;
	}
#line 1849 "parser.tab.c"
    break;

  case 18: /* decl_core: "'struct'" "identifier" '{' members_opt '}' opt_semi  */
#line 169 "generator/parser.y"
                                                       {
		(yyval.decl) = mk_decl(p, (yylsp[-4]), XI_DECL_STRUCT, (yyvsp[-4].str));
		(yyval.decl)->agg = mk_agg(p, (yylsp[-5]), false, (yyvsp[-2].members).head);
		(yyval.decl)->agg->owner = (yyval.decl);
	}
#line 1859 "parser.tab.c"
    break;

  case 19: /* decl_core: "'union'" "identifier" '{' members_opt '}' opt_semi  */
#line 174 "generator/parser.y"
                                                      {
		(yyval.decl) = mk_decl(p, (yylsp[-4]), XI_DECL_UNION, (yyvsp[-4].str));
		(yyval.decl)->agg = mk_agg(p, (yylsp[-5]), true, (yyvsp[-2].members).head);
		(yyval.decl)->agg->owner = (yyval.decl);
	}
#line 1869 "parser.tab.c"
    break;

  case 27: /* attrs: attr  */
#line 189 "generator/parser.y"
                            { (yyval.attrs).head = (yyval.attrs).tail = (yyvsp[0].attr); }
#line 1875 "parser.tab.c"
    break;

  case 28: /* attrs: attrs attr  */
#line 190 "generator/parser.y"
                            { (yyval.attrs) = (yyvsp[-1].attrs); (yyval.attrs).tail->next = (yyvsp[0].attr); (yyval.attrs).tail = (yyvsp[0].attr); }
#line 1881 "parser.tab.c"
    break;

  case 29: /* attr: '@' name  */
#line 194 "generator/parser.y"
                   {
		(yyval.attr) = NEW(struct xi_attr);
		(yyval.attr)->name = (yyvsp[0].str);
		(yyval.attr)->loc = (yylsp[0]).loc;
	}
#line 1891 "parser.tab.c"
    break;

  case 30: /* attr: '@' name '(' "string" ')'  */
#line 199 "generator/parser.y"
                                  {
		(yyval.attr) = NEW(struct xi_attr);
		(yyval.attr)->name = (yyvsp[-3].str);
		(yyval.attr)->loc = (yylsp[-3]).loc;
		(yyval.attr)->arg_kind = XI_ATTR_ARG_STRING;
		(yyval.attr)->str = (yyvsp[-1].str);
		(yyval.attr)->arg_loc = (yylsp[-1]).loc;
	}
#line 1904 "parser.tab.c"
    break;

  case 31: /* attr: '@' name '(' expr ')'  */
#line 207 "generator/parser.y"
                                {
		(yyval.attr) = NEW(struct xi_attr);
		(yyval.attr)->name = (yyvsp[-3].str);
		(yyval.attr)->loc = (yylsp[-3]).loc;
		(yyval.attr)->arg_kind = XI_ATTR_ARG_EXPR;
		(yyval.attr)->expr = (yyvsp[-1].expr);
		(yyval.attr)->arg_loc = (yylsp[-1]).loc;
	}
#line 1917 "parser.tab.c"
    break;

  case 32: /* variants_opt: %empty  */
#line 220 "generator/parser.y"
                               { (yyval.variants).head = (yyval.variants).tail = NULL; }
#line 1923 "parser.tab.c"
    break;

  case 35: /* variants: variant  */
#line 226 "generator/parser.y"
                               { (yyval.variants).head = (yyval.variants).tail = (yyvsp[0].variant); }
#line 1929 "parser.tab.c"
    break;

  case 36: /* variants: variants ',' variant  */
#line 227 "generator/parser.y"
                               { (yyval.variants) = (yyvsp[-2].variants); (yyval.variants).tail->next = (yyvsp[0].variant); (yyval.variants).tail = (yyvsp[0].variant); }
#line 1935 "parser.tab.c"
    break;

  case 37: /* variant: variant_core  */
#line 231 "generator/parser.y"
                               { (yyval.variant) = (yyvsp[0].variant); (yyval.variant)->doc = (yylsp[0]).doc; }
#line 1941 "parser.tab.c"
    break;

  case 38: /* variant: attrs variant_core  */
#line 232 "generator/parser.y"
                               { (yyval.variant) = (yyvsp[0].variant); (yyval.variant)->attrs = (yyvsp[-1].attrs).head; (yyval.variant)->doc = (yylsp[-1]).doc; }
#line 1947 "parser.tab.c"
    break;

  case 39: /* variant_core: name '=' expr  */
#line 236 "generator/parser.y"
                        {
		(yyval.variant) = NEW(struct xi_variant);
		(yyval.variant)->name = (yyvsp[-2].str);
		(yyval.variant)->loc = (yylsp[-2]).loc;
		(yyval.variant)->value = (yyvsp[0].expr);
	}
#line 1958 "parser.tab.c"
    break;

  case 40: /* bits_opt: %empty  */
#line 245 "generator/parser.y"
                               { (yyval.variants).head = (yyval.variants).tail = NULL; }
#line 1964 "parser.tab.c"
    break;

  case 43: /* bits: bit  */
#line 251 "generator/parser.y"
                               { (yyval.variants).head = (yyval.variants).tail = (yyvsp[0].variant); }
#line 1970 "parser.tab.c"
    break;

  case 44: /* bits: bits ',' bit  */
#line 252 "generator/parser.y"
                               { (yyval.variants) = (yyvsp[-2].variants); (yyval.variants).tail->next = (yyvsp[0].variant); (yyval.variants).tail = (yyvsp[0].variant); }
#line 1976 "parser.tab.c"
    break;

  case 45: /* bit: bit_core  */
#line 256 "generator/parser.y"
                               { (yyval.variant) = (yyvsp[0].variant); (yyval.variant)->doc = (yylsp[0]).doc; }
#line 1982 "parser.tab.c"
    break;

  case 46: /* bit: attrs bit_core  */
#line 257 "generator/parser.y"
                               { (yyval.variant) = (yyvsp[0].variant); (yyval.variant)->attrs = (yyvsp[-1].attrs).head; (yyval.variant)->doc = (yylsp[-1]).doc; }
#line 1988 "parser.tab.c"
    break;

  case 47: /* bit_core: name '=' expr  */
#line 261 "generator/parser.y"
                        {
		(yyval.variant) = NEW(struct xi_variant);
		(yyval.variant)->name = (yyvsp[-2].str);
		(yyval.variant)->loc = (yylsp[-2]).loc;
		(yyval.variant)->value = (yyvsp[0].expr);
	}
#line 1999 "parser.tab.c"
    break;

  case 48: /* bit_core: name '=' expr "'..'" expr  */
#line 267 "generator/parser.y"
                                    {
		(yyval.variant) = NEW(struct xi_variant);
		(yyval.variant)->name = (yyvsp[-4].str);
		(yyval.variant)->loc = (yylsp[-4]).loc;
		(yyval.variant)->value = (yyvsp[-2].expr);
		(yyval.variant)->value_hi = (yyvsp[0].expr);
	}
#line 2011 "parser.tab.c"
    break;

  case 49: /* members_opt: %empty  */
#line 279 "generator/parser.y"
                               { (yyval.members).head = (yyval.members).tail = NULL; }
#line 2017 "parser.tab.c"
    break;

  case 51: /* members: member  */
#line 284 "generator/parser.y"
                 {
		(yyval.members).head = (yyval.members).tail = (yyvsp[0].member);
	}
#line 2025 "parser.tab.c"
    break;

  case 52: /* members: members member  */
#line 287 "generator/parser.y"
                         {
		(yyval.members) = (yyvsp[-1].members);
		if ((yyvsp[0].member)) {
			if ((yyval.members).tail)
				(yyval.members).tail->next = (yyvsp[0].member);
			else
				(yyval.members).head = (yyvsp[0].member);
			(yyval.members).tail = (yyvsp[0].member);
		}
	}
#line 2040 "parser.tab.c"
    break;

  case 53: /* member: member_core  */
#line 300 "generator/parser.y"
                               { (yyval.member) = (yyvsp[0].member); (yyval.member)->doc = (yylsp[0]).doc; }
#line 2046 "parser.tab.c"
    break;

  case 54: /* member: attrs member_core  */
#line 301 "generator/parser.y"
                               { (yyval.member) = (yyvsp[0].member); (yyval.member)->attrs = (yyvsp[-1].attrs).head; (yyval.member)->doc = (yylsp[-1]).doc; }
#line 2052 "parser.tab.c"
    break;

  case 55: /* member: error ';'  */
#line 302 "generator/parser.y"
                               { (yyval.member) = NULL; }
#line 2058 "parser.tab.c"
    break;

  case 56: /* member_core: name ':' type ';'  */
#line 306 "generator/parser.y"
                            {
		(yyval.member) = NEW(struct xi_member);
		(yyval.member)->name = (yyvsp[-3].str);
		(yyval.member)->loc = (yylsp[-3]).loc;
		(yyval.member)->type = (yyvsp[-1].type);
	}
#line 2069 "parser.tab.c"
    break;

  case 57: /* arms_opt: %empty  */
#line 315 "generator/parser.y"
                               { (yyval.members).head = (yyval.members).tail = NULL; }
#line 2075 "parser.tab.c"
    break;

  case 59: /* arms: arm  */
#line 320 "generator/parser.y"
              {
		(yyval.members).head = (yyval.members).tail = (yyvsp[0].member);
	}
#line 2083 "parser.tab.c"
    break;

  case 60: /* arms: arms arm  */
#line 323 "generator/parser.y"
                   {
		(yyval.members) = (yyvsp[-1].members);
		if ((yyvsp[0].member)) {
			if ((yyval.members).tail)
				(yyval.members).tail->next = (yyvsp[0].member);
			else
				(yyval.members).head = (yyvsp[0].member);
			(yyval.members).tail = (yyvsp[0].member);
		}
	}
#line 2098 "parser.tab.c"
    break;

  case 61: /* arm: arm_core  */
#line 336 "generator/parser.y"
                               { (yyval.member) = (yyvsp[0].member); (yyval.member)->doc = (yylsp[0]).doc; }
#line 2104 "parser.tab.c"
    break;

  case 62: /* arm: attrs arm_core  */
#line 337 "generator/parser.y"
                               { (yyval.member) = (yyvsp[0].member); (yyval.member)->attrs = (yyvsp[-1].attrs).head; (yyval.member)->doc = (yylsp[-1]).doc; }
#line 2110 "parser.tab.c"
    break;

  case 63: /* arm: error ';'  */
#line 338 "generator/parser.y"
                               { (yyval.member) = NULL; }
#line 2116 "parser.tab.c"
    break;

  case 64: /* arm_core: labels "'=>'" name ':' type ';'  */
#line 342 "generator/parser.y"
                                         {
		(yyval.member) = NEW(struct xi_member);
		(yyval.member)->name = (yyvsp[-3].str);
		(yyval.member)->loc = (yylsp[-3]).loc;
		(yyval.member)->type = (yyvsp[-1].type);
		(yyval.member)->labels = (yyvsp[-5].labels).head;
	}
#line 2128 "parser.tab.c"
    break;

  case 65: /* arm_core: "'_'" "'=>'" name ':' type ';'  */
#line 349 "generator/parser.y"
                                             {
		(yyval.member) = NEW(struct xi_member);
		(yyval.member)->name = (yyvsp[-3].str);
		(yyval.member)->loc = (yylsp[-3]).loc;
		(yyval.member)->type = (yyvsp[-1].type);
		(yyval.member)->is_default_arm = true;
	}
#line 2140 "parser.tab.c"
    break;

  case 66: /* labels: label_expr  */
#line 360 "generator/parser.y"
                     {
		(yyval.labels).head = (yyval.labels).tail = NEW(struct xi_arm_label);
		(yyval.labels).head->expr = (yyvsp[0].expr);
	}
#line 2149 "parser.tab.c"
    break;

  case 67: /* labels: labels ',' label_expr  */
#line 364 "generator/parser.y"
                                {
		(yyval.labels) = (yyvsp[-2].labels);
		struct xi_arm_label *l = NEW(struct xi_arm_label);
		l->expr = (yyvsp[0].expr);
		(yyval.labels).tail->next = l;
		(yyval.labels).tail = l;
	}
#line 2161 "parser.tab.c"
    break;

  case 68: /* label_expr: "integer"  */
#line 374 "generator/parser.y"
                  {
		(yyval.expr) = NEW(struct xi_expr);
		(yyval.expr)->kind = XI_EXPR_INT;
		(yyval.expr)->loc = (yylsp[0]).loc;
		(yyval.expr)->lit = (yyvsp[0].num).v;
		(yyval.expr)->hex = (yyvsp[0].num).hex;
		(yyval.expr)->depth = 1;
	}
#line 2174 "parser.tab.c"
    break;

  case 69: /* label_expr: "identifier"  */
#line 382 "generator/parser.y"
                {
		(yyval.expr) = NEW(struct xi_expr);
		(yyval.expr)->kind = XI_EXPR_NAME;
		(yyval.expr)->loc = (yylsp[0]).loc;
		(yyval.expr)->name = (yyvsp[0].str);
		(yyval.expr)->depth = 1;
	}
#line 2186 "parser.tab.c"
    break;

  case 71: /* type: base_type dims  */
#line 395 "generator/parser.y"
                               { (yyvsp[0].dims).tail->u.array.elem = (yyvsp[-1].type); (yyval.type) = (yyvsp[0].dims).head; }
#line 2192 "parser.tab.c"
    break;

  case 72: /* dims: '[' expr ']'  */
#line 399 "generator/parser.y"
                       {
		(yyval.dims).head = (yyval.dims).tail = mk_array(p, (yylsp[-2]), (yyvsp[-1].expr));
		(yyval.dims).n = 1;
	}
#line 2201 "parser.tab.c"
    break;

  case 73: /* dims: dims '[' expr ']'  */
#line 403 "generator/parser.y"
                            {
		(yyval.dims) = (yyvsp[-3].dims);
		(yyval.dims).tail->u.array.elem = mk_array(p, (yylsp[-2]), (yyvsp[-1].expr));
		(yyval.dims).tail = (yyval.dims).tail->u.array.elem;
		(yyval.dims).n++;
		if ((yyval.dims).n > XI_MAX_ARRAY_DIMS) {
			xi_error(&p->ctx->diag, (yylsp[-2]).loc, "array has more than %u dimensions",
				 XI_MAX_ARRAY_DIMS);
			p->fatal = true;
			YYABORT;
		}
	}
#line 2218 "parser.tab.c"
    break;

  case 74: /* base_type: "identifier"  */
#line 418 "generator/parser.y"
                {
		(yyval.type) = mk_type(p, (yylsp[0]), XI_TYPE_REF);
		(yyval.type)->u.ref.name = (yyvsp[0].str);
	}
#line 2227 "parser.tab.c"
    break;

  case 75: /* base_type: "'handle'" '<' type '>'  */
#line 422 "generator/parser.y"
                                 {
		(yyval.type) = mk_type(p, (yylsp[-3]), XI_TYPE_HANDLE);
		(yyval.type)->u.target = (yyvsp[-1].type);
	}
#line 2236 "parser.tab.c"
    break;

  case 76: /* base_type: "'native_handle'" '<' type '>'  */
#line 426 "generator/parser.y"
                                        {
		(yyval.type) = mk_type(p, (yylsp[-3]), XI_TYPE_NATIVE_HANDLE);
		(yyval.type)->u.target = (yyvsp[-1].type);
	}
#line 2245 "parser.tab.c"
    break;

  case 77: /* base_type: "'struct'" '{' members_opt '}'  */
#line 430 "generator/parser.y"
                                        {
		(yyval.type) = mk_type(p, (yylsp[-3]), XI_TYPE_AGG);
		(yyval.type)->u.agg = mk_agg(p, (yylsp[-3]), false, (yyvsp[-1].members).head);
	}
#line 2254 "parser.tab.c"
    break;

  case 78: /* base_type: "'union'" '{' members_opt '}'  */
#line 434 "generator/parser.y"
                                       {
		(yyval.type) = mk_type(p, (yylsp[-3]), XI_TYPE_AGG);
		(yyval.type)->u.agg = mk_agg(p, (yylsp[-3]), true, (yyvsp[-1].members).head);
	}
#line 2263 "parser.tab.c"
    break;

  case 79: /* base_type: "'union'" "'switch'" '(' name ')' '{' arms_opt '}'  */
#line 438 "generator/parser.y"
                                                           {
		(yyval.type) = mk_type(p, (yylsp[-7]), XI_TYPE_AGG);
		(yyval.type)->u.agg = mk_agg(p, (yylsp[-7]), true, (yyvsp[-1].members).head);
		(yyval.type)->u.agg->tag_name = (yyvsp[-4].str);
		(yyval.type)->u.agg->tag_loc = (yylsp[-4]).loc;
	}
#line 2274 "parser.tab.c"
    break;

  case 80: /* base_type: "'arch'" '{' choices '}'  */
#line 444 "generator/parser.y"
                                  {
		(yyval.type) = mk_type(p, (yylsp[-3]), XI_TYPE_ARCH);
		(yyval.type)->u.arch.choices = (yyvsp[-1].choices).head;
	}
#line 2283 "parser.tab.c"
    break;

  case 81: /* base_type: "'arch'" '{' choices ',' '}'  */
#line 448 "generator/parser.y"
                                      {
		(yyval.type) = mk_type(p, (yylsp[-4]), XI_TYPE_ARCH);
		(yyval.type)->u.arch.choices = (yyvsp[-2].choices).head;
	}
#line 2292 "parser.tab.c"
    break;

  case 82: /* choices: choice  */
#line 455 "generator/parser.y"
                               { (yyval.choices).head = (yyval.choices).tail = (yyvsp[0].choice); }
#line 2298 "parser.tab.c"
    break;

  case 83: /* choices: choices ',' choice  */
#line 456 "generator/parser.y"
                               { (yyval.choices) = (yyvsp[-2].choices); (yyval.choices).tail->next = (yyvsp[0].choice); (yyval.choices).tail = (yyvsp[0].choice); }
#line 2304 "parser.tab.c"
    break;

  case 84: /* choice: "identifier" ':' type  */
#line 460 "generator/parser.y"
                         {
		(yyval.choice) = NEW(struct xi_arch_choice);
		(yyval.choice)->key = (yyvsp[-2].str);
		(yyval.choice)->loc = (yylsp[-2]).loc;
		(yyval.choice)->type = (yyvsp[0].type);
	}
#line 2315 "parser.tab.c"
    break;

  case 85: /* expr: "integer"  */
#line 471 "generator/parser.y"
                  {
		(yyval.expr) = NEW(struct xi_expr);
		(yyval.expr)->kind = XI_EXPR_INT;
		(yyval.expr)->loc = (yylsp[0]).loc;
		(yyval.expr)->lit = (yyvsp[0].num).v;
		(yyval.expr)->hex = (yyvsp[0].num).hex;
		(yyval.expr)->depth = 1;
	}
#line 2328 "parser.tab.c"
    break;

  case 86: /* expr: "identifier"  */
#line 479 "generator/parser.y"
                {
		(yyval.expr) = NEW(struct xi_expr);
		(yyval.expr)->kind = XI_EXPR_NAME;
		(yyval.expr)->loc = (yylsp[0]).loc;
		(yyval.expr)->name = (yyvsp[0].str);
		(yyval.expr)->depth = 1;
	}
#line 2340 "parser.tab.c"
    break;

  case 87: /* expr: '(' expr ')'  */
#line 486 "generator/parser.y"
                                 { (yyval.expr) = (yyvsp[-1].expr); }
#line 2346 "parser.tab.c"
    break;

  case 88: /* expr: '-' expr  */
#line 487 "generator/parser.y"
                                 { (yyval.expr) = mk_unary(p, (yyloc), XI_OP_NEG, (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2352 "parser.tab.c"
    break;

  case 89: /* expr: '+' expr  */
#line 488 "generator/parser.y"
                                 { (yyval.expr) = mk_unary(p, (yyloc), XI_OP_PLUS, (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2358 "parser.tab.c"
    break;

  case 90: /* expr: '~' expr  */
#line 489 "generator/parser.y"
                                 { (yyval.expr) = mk_unary(p, (yyloc), XI_OP_NOT, (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2364 "parser.tab.c"
    break;

  case 91: /* expr: expr '+' expr  */
#line 490 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_ADD, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2370 "parser.tab.c"
    break;

  case 92: /* expr: expr '-' expr  */
#line 491 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_SUB, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2376 "parser.tab.c"
    break;

  case 93: /* expr: expr '*' expr  */
#line 492 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_MUL, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2382 "parser.tab.c"
    break;

  case 94: /* expr: expr '/' expr  */
#line 493 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_DIV, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2388 "parser.tab.c"
    break;

  case 95: /* expr: expr '%' expr  */
#line 494 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_MOD, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2394 "parser.tab.c"
    break;

  case 96: /* expr: expr "'<<'" expr  */
#line 495 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_SHL, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2400 "parser.tab.c"
    break;

  case 97: /* expr: expr "'>>'" expr  */
#line 496 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_SHR, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2406 "parser.tab.c"
    break;

  case 98: /* expr: expr '&' expr  */
#line 497 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_AND, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2412 "parser.tab.c"
    break;

  case 99: /* expr: expr '|' expr  */
#line 498 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_OR, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2418 "parser.tab.c"
    break;

  case 100: /* expr: expr '^' expr  */
#line 499 "generator/parser.y"
                                 { (yyval.expr) = mk_binary(p, (yylsp[-1]), XI_OP_XOR, (yyvsp[-2].expr), (yyvsp[0].expr)); if (!(yyval.expr)) YYERROR; }
#line 2424 "parser.tab.c"
    break;


#line 2428 "parser.tab.c"

        default: break;
      }
    if (yychar_backup != yychar)
      YY_LAC_DISCARD ("yychar change");
  }
  /* User semantic actions sometimes alter yychar, and that requires
     that yytoken be updated with the new translation.  We take the
     approach of translating immediately before every use of yytoken.
     One alternative is translating here after every semantic action,
     but that translation would be missed if the semantic action invokes
     YYABORT, YYACCEPT, or YYERROR immediately after altering yychar or
     if it invokes YYBACKUP.  In the case of YYABORT or YYACCEPT, an
     incorrect destructor might then be invoked immediately.  In the
     case of YYERROR or YYBACKUP, subsequent parser actions might lead
     to an incorrect destructor call or verbose syntax error message
     before the lookahead is translated.  */
  YY_SYMBOL_PRINT ("-> $$ =", YY_CAST (yysymbol_kind_t, yyr1[yyn]), &yyval, &yyloc);

  YYPOPSTACK (yylen);
  yylen = 0;

  *++yyvsp = yyval;
  *++yylsp = yyloc;

  /* Now 'shift' the result of the reduction.  Determine what state
     that goes to, based on the state we popped back to and the rule
     number reduced by.  */
  {
    const int yylhs = yyr1[yyn] - YYNTOKENS;
    const int yyi = yypgoto[yylhs] + *yyssp;
    yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyssp
               ? yytable[yyi]
               : yydefgoto[yylhs]);
  }

  goto yynewstate;


/*--------------------------------------.
| yyerrlab -- here on detecting error.  |
`--------------------------------------*/
yyerrlab:
  /* Make sure we have latest lookahead translation.  See comments at
     user semantic actions for why this is necessary.  */
  yytoken = yychar == XI_YYEMPTY ? YYSYMBOL_YYEMPTY : YYTRANSLATE (yychar);
  /* If not already recovering from an error, report this error.  */
  if (!yyerrstatus)
    {
      ++yynerrs;
      {
        yypcontext_t yyctx
          = {yyssp, yyesa, &yyes, &yyes_capacity, yytoken, &yylloc};
        if (yychar != XI_YYEMPTY)
          YY_LAC_ESTABLISH;
        if (yyreport_syntax_error (&yyctx, scanner, p) == 2)
          YYNOMEM;
      }
    }

  yyerror_range[1] = yylloc;
  if (yyerrstatus == 3)
    {
      /* If just tried and failed to reuse lookahead token after an
         error, discard it.  */

      if (yychar <= XI_YYEOF)
        {
          /* Return failure if at end of input.  */
          if (yychar == XI_YYEOF)
            YYABORT;
        }
      else
        {
          yydestruct ("Error: discarding",
                      yytoken, &yylval, &yylloc, scanner, p);
          yychar = XI_YYEMPTY;
        }
    }

  /* Else will try to reuse lookahead token after shifting the error
     token.  */
  goto yyerrlab1;


/*---------------------------------------------------.
| yyerrorlab -- error raised explicitly by YYERROR.  |
`---------------------------------------------------*/
yyerrorlab:
  /* Pacify compilers when the user code never invokes YYERROR and the
     label yyerrorlab therefore never appears in user code.  */
  if (0)
    YYERROR;
  ++yynerrs;

  /* Do not reclaim the symbols of the rule whose action triggered
     this YYERROR.  */
  YYPOPSTACK (yylen);
  yylen = 0;
  YY_STACK_PRINT (yyss, yyssp);
  yystate = *yyssp;
  goto yyerrlab1;


/*-------------------------------------------------------------.
| yyerrlab1 -- common code for both syntax error and YYERROR.  |
`-------------------------------------------------------------*/
yyerrlab1:
  yyerrstatus = 3;      /* Each real token shifted decrements this.  */

  /* Pop stack until we find a state that shifts the error token.  */
  for (;;)
    {
      yyn = yypact[yystate];
      if (!yypact_value_is_default (yyn))
        {
          yyn += YYSYMBOL_YYerror;
          if (0 <= yyn && yyn <= YYLAST && yycheck[yyn] == YYSYMBOL_YYerror)
            {
              yyn = yytable[yyn];
              if (0 < yyn)
                break;
            }
        }

      /* Pop the current state because it cannot handle the error token.  */
      if (yyssp == yyss)
        YYABORT;

      yyerror_range[1] = *yylsp;
      yydestruct ("Error: popping",
                  YY_ACCESSING_SYMBOL (yystate), yyvsp, yylsp, scanner, p);
      YYPOPSTACK (1);
      yystate = *yyssp;
      YY_STACK_PRINT (yyss, yyssp);
    }

  /* If the stack popping above didn't lose the initial context for the
     current lookahead token, the shift below will for sure.  */
  YY_LAC_DISCARD ("error recovery");

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END

  yyerror_range[2] = yylloc;
  ++yylsp;
  YYLLOC_DEFAULT (*yylsp, yyerror_range, 2);

  /* Shift the error token.  */
  YY_SYMBOL_PRINT ("Shifting", YY_ACCESSING_SYMBOL (yyn), yyvsp, yylsp);

  yystate = yyn;
  goto yynewstate;


/*-------------------------------------.
| yyacceptlab -- YYACCEPT comes here.  |
`-------------------------------------*/
yyacceptlab:
  yyresult = 0;
  goto yyreturnlab;


/*-----------------------------------.
| yyabortlab -- YYABORT comes here.  |
`-----------------------------------*/
yyabortlab:
  yyresult = 1;
  goto yyreturnlab;


/*-----------------------------------------------------------.
| yyexhaustedlab -- YYNOMEM (memory exhaustion) comes here.  |
`-----------------------------------------------------------*/
yyexhaustedlab:
  yyerror (&yylloc, scanner, p, YY_("memory exhausted"));
  yyresult = 2;
  goto yyreturnlab;


/*----------------------------------------------------------.
| yyreturnlab -- parsing is finished, clean up and return.  |
`----------------------------------------------------------*/
yyreturnlab:
  if (yychar != XI_YYEMPTY)
    {
      /* Make sure we have latest lookahead translation.  See comments at
         user semantic actions for why this is necessary.  */
      yytoken = YYTRANSLATE (yychar);
      yydestruct ("Cleanup: discarding lookahead",
                  yytoken, &yylval, &yylloc, scanner, p);
    }
  /* Do not reclaim the symbols of the rule whose action triggered
     this YYABORT or YYACCEPT.  */
  YYPOPSTACK (yylen);
  YY_STACK_PRINT (yyss, yyssp);
  while (yyssp != yyss)
    {
      yydestruct ("Cleanup: popping",
                  YY_ACCESSING_SYMBOL (+*yyssp), yyvsp, yylsp, scanner, p);
      YYPOPSTACK (1);
    }
#ifndef yyoverflow
  if (yyss != yyssa)
    YYSTACK_FREE (yyss);
#endif
  if (yyes != yyesa)
    YYSTACK_FREE (yyes);

  return yyresult;
}

#line 502 "generator/parser.y"


static void yyerror(XI_YYLTYPE *loc, void *scanner, struct xi_parser *p, const char *msg)
{
	(void)scanner;
	p->syntax_errors++;
	if (!p->fatal)
		xi_error(&p->ctx->diag, loc->loc, "%s", msg);
}

/* How a token is named in "expected X before Y". */
static const char *token_text(yysymbol_kind_t sym)
{
	if (sym == YYSYMBOL_YYEOF)
		return "end of file";
	return yysymbol_name(sym);
}

/* Messages in gcc's manner: "expected ';' before '}'", listing up to
 * REPORT_MAX_EXPECTED alternatives. */
#define REPORT_MAX_EXPECTED 4

static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, struct xi_parser *p)
{
	(void)scanner;
	p->syntax_errors++;
	if (p->fatal)
		return 0;
	yysymbol_kind_t expected[REPORT_MAX_EXPECTED + 1];
	int n = yypcontext_expected_tokens(ctx, expected, REPORT_MAX_EXPECTED + 1);
	yysymbol_kind_t got = yypcontext_token(ctx);
	struct xi_strbuf msg = XI_STRBUF_INIT;
	if (n > 0 && n <= REPORT_MAX_EXPECTED) {
		xi_sb_adds(&msg, "expected ");
		for (int i = 0; i < n; i++) {
			if (i)
				xi_sb_adds(&msg, i == n - 1 ? " or " : ", ");
			xi_sb_adds(&msg, token_text(expected[i]));
		}
		xi_sb_printf(&msg, " before %s", token_text(got));
	} else {
		xi_sb_printf(&msg, "unexpected %s", token_text(got));
	}
	struct xi_loc loc = yypcontext_location(ctx)->loc;
	if (got == YYSYMBOL_YYEOF)
		loc.len = 1;
	xi_error(&p->ctx->diag, loc, "%s", xi_sb_str(&msg));
	xi_sb_free(&msg);
	return 0;
}

static struct xi_expr *check_depth(struct xi_parser *p, struct xi_expr *e)
{
	if (e->depth > XI_MAX_EXPR_DEPTH) {
		xi_error(&p->ctx->diag, e->loc, "expression is nested deeper than %u levels",
			 XI_MAX_EXPR_DEPTH);
		p->fatal = true;
		return NULL;
	}
	return e;
}

static struct xi_expr *mk_binary(struct xi_parser *p, XI_YYLTYPE loc, enum xi_op op,
				 struct xi_expr *a, struct xi_expr *b)
{
	struct xi_expr *e = NEW(struct xi_expr);
	e->kind = XI_EXPR_BINARY;
	e->op = op;
	e->loc = loc.loc;
	e->a = a;
	e->b = b;
	e->depth = (uint16_t)(1 + (a->depth > b->depth ? a->depth : b->depth));
	return check_depth(p, e);
}

static struct xi_expr *mk_unary(struct xi_parser *p, XI_YYLTYPE loc, enum xi_op op,
				struct xi_expr *a)
{
	struct xi_expr *e = NEW(struct xi_expr);
	e->kind = XI_EXPR_UNARY;
	e->op = op;
	e->loc = loc.loc;
	e->a = a;
	e->depth = (uint16_t)(1 + a->depth);
	return check_depth(p, e);
}

static struct xi_type *mk_type(struct xi_parser *p, XI_YYLTYPE loc, enum xi_type_kind kind)
{
	struct xi_type *t = NEW(struct xi_type);
	t->kind = kind;
	t->loc = loc.loc;
	return t;
}

/* One dimension of an array type; `T[N][M]` is N arrays of M elements, as
 * in C, so the first dimension is the outermost. The grammar links the
 * dimensions and sets the innermost element type. */
static struct xi_type *mk_array(struct xi_parser *p, XI_YYLTYPE loc, struct xi_expr *len)
{
	struct xi_type *t = mk_type(p, loc, XI_TYPE_ARRAY);
	t->u.array.len = len;
	return t;
}

static struct xi_agg *mk_agg(struct xi_parser *p, XI_YYLTYPE loc, bool is_union,
			     struct xi_member *members)
{
	struct xi_agg *a = NEW(struct xi_agg);
	a->is_union = is_union;
	a->loc = loc.loc;
	a->members = members;
	for (struct xi_member *m = members; m; m = m->next)
		a->nmembers++;
	return a;
}

static struct xi_decl *mk_decl(struct xi_parser *p, XI_YYLTYPE loc, enum xi_decl_kind kind,
			       const char *name)
{
	struct xi_decl *d = NEW(struct xi_decl);
	d->kind = kind;
	d->name = name;
	d->loc = loc.loc;
	d->module = p->module;
	return d;
}

static void add_decl(struct xi_parser *p, struct xi_decl *d, struct xi_attr *attrs, const char *doc)
{
	d->attrs = attrs;
	d->doc = doc;
	if (p->decls_tail)
		p->decls_tail->next = d;
	else
		p->decls = d;
	p->decls_tail = d;
	p->ndecls++;
}

static void add_import(struct xi_parser *p, XI_YYLTYPE loc, const char *path, bool is_arch)
{
	struct xi_import *im = NEW(struct xi_import);
	im->path = path;
	im->loc = loc.loc;
	im->is_arch = is_arch;
	if (p->imports_tail)
		p->imports_tail->next = im;
	else
		p->imports = im;
	p->imports_tail = im;
}
