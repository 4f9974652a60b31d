/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison interface for Yacc-like parsers in C

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

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_XI_YY_PARSER_TAB_H_INCLUDED
# define YY_XI_YY_PARSER_TAB_H_INCLUDED
/* Debug traces.  */
#ifndef XI_YYDEBUG
# if defined YYDEBUG
#if YYDEBUG
#   define XI_YYDEBUG 1
#  else
#   define XI_YYDEBUG 0
#  endif
# else /* ! defined YYDEBUG */
#  define XI_YYDEBUG 0
# endif /* ! defined YYDEBUG */
#endif  /* ! defined XI_YYDEBUG */
#if XI_YYDEBUG
extern int xi_yydebug;
#endif
/* "%code requires" blocks.  */
#line 16 "generator/parser.y"

#include "parse.h"

#line 61 "parser.tab.h"

/* Token kinds.  */
#ifndef XI_YYTOKENTYPE
# define XI_YYTOKENTYPE
  enum xi_yytokentype
  {
    XI_YYEMPTY = -2,
    XI_YYEOF = 0,                  /* "end of file"  */
    XI_YYerror = 256,              /* error  */
    XI_YYUNDEF = 257,              /* "invalid token"  */
    IDENT = 258,                   /* "identifier"  */
    INTEGER = 259,                 /* "integer"  */
    STRING = 260,                  /* "string"  */
    KW_IMPORT = 261,               /* "'import'"  */
    KW_ARCH = 262,                 /* "'arch'"  */
    KW_CONST = 263,                /* "'const'"  */
    KW_TYPE = 264,                 /* "'type'"  */
    KW_ENUM = 265,                 /* "'enum'"  */
    KW_BITMAP = 266,               /* "'bitmap'"  */
    KW_STRUCT = 267,               /* "'struct'"  */
    KW_UNION = 268,                /* "'union'"  */
    KW_SWITCH = 269,               /* "'switch'"  */
    KW_HANDLE = 270,               /* "'handle'"  */
    KW_NATIVE_HANDLE = 271,        /* "'native_handle'"  */
    ARROW = 272,                   /* "'=>'"  */
    DOTDOT = 273,                  /* "'..'"  */
    SHL = 274,                     /* "'<<'"  */
    SHR = 275,                     /* "'>>'"  */
    UNDERSCORE = 276,              /* "'_'"  */
    UNARY = 277                    /* UNARY  */
  };
  typedef enum xi_yytokentype xi_yytoken_kind_t;
#endif

/* Value type.  */
#if ! defined XI_YYSTYPE && ! defined XI_YYSTYPE_IS_DECLARED
union XI_YYSTYPE
{
#line 73 "generator/parser.y"

	const char *str;
	struct xi_num_tok num;
	struct xi_expr *expr;
	struct xi_type *type;
	struct xi_attr *attr;
	struct xi_member *member;
	struct xi_decl *decl;
	struct xi_variant *variant;
	struct xi_arm_label *label;
	struct xi_arch_choice *choice;
	struct { struct xi_member *head, *tail; } members;
	struct { struct xi_variant *head, *tail; } variants;
	struct { struct xi_attr *head, *tail; } attrs;
	struct { struct xi_arm_label *head, *tail; } labels;
	struct { struct xi_arch_choice *head, *tail; } choices;
	struct { struct xi_type *head, *tail; unsigned n; } dims;

#line 119 "parser.tab.h"

};
typedef union XI_YYSTYPE XI_YYSTYPE;
# define XI_YYSTYPE_IS_TRIVIAL 1
# define XI_YYSTYPE_IS_DECLARED 1
#endif

/* Location type.  */
#if ! defined XI_YYLTYPE && ! defined XI_YYLTYPE_IS_DECLARED
typedef struct XI_YYLTYPE XI_YYLTYPE;
struct XI_YYLTYPE
{
  int first_line;
  int first_column;
  int last_line;
  int last_column;
};
# define XI_YYLTYPE_IS_DECLARED 1
# define XI_YYLTYPE_IS_TRIVIAL 1
#endif




int xi_yyparse (void *scanner, struct xi_parser *p);

/* "%code provides" blocks.  */
#line 20 "generator/parser.y"

int xi_yylex(XI_YYSTYPE *lval, XI_YYLTYPE *lloc, void *scanner);

#line 151 "parser.tab.h"

#endif /* !YY_XI_YY_PARSER_TAB_H_INCLUDED  */
