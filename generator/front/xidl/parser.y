/* The xidl grammar: a pure bison parser with locations.
 *
 * Error recovery resynchronises at ';' and '}', so one run reports every
 * syntax error of a file. Each documented item (declaration, member,
 * variant, bit, arm) starts with a non-empty symbol, so the doc comment of
 * its first token reaches the rule as @$.doc. */

/* ylwrap expects yacc's file names. */
%file-prefix "y"
%define api.pure full
%define api.prefix {xi_yy}
%define parse.error custom
/* Canonical LR tables without default reductions in states that need a
 * lookahead detect a syntax error on the token itself, before any
 * reduction, so the "expected" lists are exact, as parse.lac would make
 * them, without LAC's simulation of the stack on each lookahead. States
 * with a single reduction still reduce without reading a token, so the
 * lexer runs at the same points as with the default tables. */
%define lr.type canonical-lr
%define lr.default-reduction consistent
%locations
%param {void *scanner}
%parse-param {struct xi_parser *p}
/* Every location is in the file being parsed: the lexer leaves the file
 * of the lookahead's location as set here. */
%initial-action { @$.loc.file = p->src->id; }

%code requires {
#include "parse.h"
}

%code provides {
int xi_yylex(XI_YYSTYPE *lval, XI_YYLTYPE *lloc, void *scanner);
}

%code {
#include <string.h>

#include "comments.h"
#include "cond.h"
#include "limits.h"

#define YYMAXDEPTH XI_MAX_PARSE_DEPTH

/* convert keeps the span of every item and the braces of every container
 * (comments.h); a compilation does not. */
#define KEEP_ITEM(node, where)                                              \
	do {                                                                 \
		if (__builtin_expect(p->cm != NULL, 0))                      \
			keep_item(p, (node), &(where));                      \
	} while (0)
#define KEEP_CONT(node, open, close)                                        \
	do {                                                                 \
		if (__builtin_expect(p->cm != NULL, 0))                      \
			keep_cont(p, (node), &(open), &(close));             \
	} while (0)

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

static struct xi_expr *mk_binary(struct xi_parser *p, XI_YYLTYPE loc, enum xi_op op,
				 struct xi_expr *a, struct xi_expr *b);
static struct xi_expr *mk_sizeof(struct xi_parser *p, XI_YYLTYPE loc, enum xi_expr_kind kind,
				 struct xi_type *t);
static struct xi_expr *mk_unary(struct xi_parser *p, XI_YYLTYPE loc, enum xi_op op,
				struct xi_expr *a);
static struct xi_type *mk_type(struct xi_parser *p, XI_YYLTYPE loc, enum xi_type_kind kind);
static struct xi_agg *mk_agg(struct xi_parser *p, XI_YYLTYPE loc, bool is_union,
			     struct xi_member *members);
static struct xi_decl *mk_decl(struct xi_parser *p, XI_YYLTYPE loc, enum xi_decl_kind kind,
			       const char *name);
static struct xi_member *mk_member(struct xi_parser *p, XI_YYLTYPE loc, const char *name,
				   struct xi_type *type);
static struct xi_member *mk_anonymous(struct xi_parser *p, XI_YYLTYPE loc, struct xi_type *type);
static void add_decl(struct xi_parser *p, struct xi_decl *d, struct xi_attr *attrs,
		     const XI_YYLTYPE *where);
/* Out of the way of the parser's hot loop: a compilation never calls them. */
__attribute__((cold, noinline))
static void keep_item(struct xi_parser *p, const void *node, const XI_YYLTYPE *where);
__attribute__((cold, noinline))
static void keep_cont(struct xi_parser *p, const void *node, const XI_YYLTYPE *open,
		      const XI_YYLTYPE *close);
static struct xi_attr *new_attr(struct xi_parser *p, XI_YYLTYPE loc, const char *name);
static void c_name_if_args(struct xi_parser *p, struct xi_attr *a, const char *text, struct xi_loc at);
static struct xi_type *named_type(struct xi_parser *p, XI_YYLTYPE loc, const char *name);
static void missing_semicolon(struct xi_parser *p, XI_YYLTYPE member);
static bool c_type_word(const char *w, bool first);
static void missing_semicolon_after(struct xi_parser *p, XI_YYLTYPE before);
static struct xi_import *add_import(struct xi_parser *p, XI_YYLTYPE loc, const char *path,
				     bool is_arch);
static void add_inner_attr(struct xi_parser *p, struct xi_attr *a);
static struct xi_type *mk_array(struct xi_parser *p, XI_YYLTYPE loc, struct xi_expr *len);
static struct xi_str_part *str_part(struct xi_parser *p, XI_YYLTYPE loc, const char *text,
				    const char *name);
static struct xi_expr *mk_int(struct xi_parser *p, XI_YYLTYPE loc, struct xi_num_tok num);
static struct xi_expr *mk_call(struct xi_parser *p, XI_YYLTYPE loc, const char *callee,
			       XI_YYLTYPE callee_loc, struct xi_expr *args);
static struct xi_expr *mk_arg(struct xi_parser *p, struct xi_expr *arg, struct xi_expr *next);
}

%union {
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
	struct xi_import_file *ifile;
	struct { struct xi_member *head, *tail; } members;
	struct { struct xi_variant *head, *tail; } variants;
	struct { struct xi_attr *head, *tail; } attrs;
	struct { const char *text; const char *name; struct xi_loc at; } ctok;
	const struct xi_cond *cond;
	struct { struct xi_arm_label *head, *tail; } labels;
	struct { struct xi_arch_choice *head, *tail; } choices;
	struct { struct xi_import_file *head, *tail; } ifiles;
	struct { struct xi_type *head, *tail; unsigned n; } dims;
	struct { struct xi_str_part *head, *tail; } strs;
	struct { struct xi_param *head, *tail; unsigned n; } params;
}

%token <str> IDENT "identifier"
%token <num> INTEGER "integer"
%token <str> STRING "string"
%token <str> KW_IMPORT "'import'" KW_ARCH "'arch'" KW_CONST "'const'" KW_TYPE "'type'"
%token <str> KW_ENUM "'enum'" KW_BITMAP "'bitmap'" KW_STRUCT "'struct'" KW_UNION "'union'"
%token <str> KW_SWITCH "'switch'" KW_HANDLE "'handle'" KW_NATIVE_HANDLE "'native_handle'" KW_PTR "'ptr'"
%token <str> KW_SIZEOF "'sizeof'" KW_ALIGNOF "'alignof'"
%token AT_BANG "'@!'"
%token <ctok> AT_IF "'@if'"
%token ARROW "'=>'" DOTDOT "'..'" SHL "'<<'" SHR "'>>'" UNDERSCORE "'_'"

%left '|'
%left '^'
%left '&'
%left SHL SHR
%left '+' '-'
%left '*' '/' '%'
%precedence UNARY

%type <str> name keyword_name c_type_words
%type <expr> expr label_expr args
%type <params> params
%type <type> type base_type compound_type anonymous_agg
%type <attr> attr inner_attr
%type <attrs> attrs
%type <members> members members_opt arms arms_opt
%type <member> member member_open unterminated arm arm_core
%type <variants> variants variants_opt bits bits_opt
%type <variant> variant variant_core bit bit_core
%type <labels> labels
%type <choices> choices
%type <choice> choice
%type <ifiles> import_files
%type <ifile> import_file
%type <dims> dims
%type <strs> string_value
%type <decl> decl_core

%%

file
	: %empty
	| items
	;

items
	: item
	| items item
	;

item
	: KW_IMPORT STRING ';'           { add_import(p, @$, $2, false); }
	| KW_IMPORT KW_ARCH STRING ';'   { add_import(p, @$, $3, true); }
	| KW_IMPORT KW_ARCH '{' import_files '}' ';'
	                                 { add_import(p, @$, NULL, true)->files = $4.head; }
	| KW_IMPORT KW_ARCH '{' import_files ',' '}' ';'
	                                 { add_import(p, @$, NULL, true)->files = $4.head; }
	| decl_core                      { add_decl(p, $1, NULL, &@$); }
	| attrs decl_core                { add_decl(p, $2, $1.head, &@$); }
	| inner_attr                     { add_inner_attr(p, $1); }
	| group
	| error ';'                      { p->in_fn_body = false; }
	| error '}'                      { p->in_fn_body = false; }
	;

/* `@if(cond) { declarations }`: each declaration inside has the condition
 * (and its own, if it has one). */
group
	: AT_IF '{' {
		if (strcmp($1.name, "if"))
			xi_error(&p->ctx->diag, @1.loc, "'@%s' applies to a struct or union, "
				 "not to a group of declarations", $1.name);
		else if (@1.doc)
			xi_error(&p->ctx->diag, @1.loc, "a doc comment documents a declaration, not an "
				 "@if group: write it before a declaration of the group");
		$<cond>$ = p->group_cond;
		p->group_cond = xi_cond_and(p->ctx, p->group_cond,
					    xi_cond_parse(p->ctx, $1.text, $1.at));
	} group_items '}' opt_semi {
		p->group_cond = $<cond>3;
	}
	;

group_items
	: %empty
	| group_items group_item
	;

group_item
	: decl_core                      { add_decl(p, $1, NULL, &@$); }
	| attrs decl_core                { add_decl(p, $2, $1.head, &@$); }
	| group
	| error ';'                      { p->in_fn_body = false; }
	;

opt_semi
	: %empty
	| ';'
	;

decl_core
	: KW_CONST IDENT ':' type '=' expr ';' {
		$$ = mk_decl(p, @2, XI_DECL_CONST, $2);
		$$->type = $4;
		$$->expr = $6;
	}
	| KW_CONST IDENT '=' expr ';' {
		$$ = mk_decl(p, @2, XI_DECL_CONST, $2);
		$$->const_alias = true;
		$$->expr = $4;
	}
	| KW_CONST IDENT ':' type '=' string_value ';' {
		$$ = mk_decl(p, @2, XI_DECL_CONST, $2);
		$$->type = $4;
		$$->str_parts = $6.head;
	}
	| KW_CONST IDENT '(' params ')' ':' type '=' { p->in_fn_body = true; } expr ';' {
		p->in_fn_body = false;
		$$ = mk_decl(p, @2, XI_DECL_CONST, $2);
		$$->type = $7;
		$$->expr = $10;
		$$->params = $4.head;
		$$->nparams = $4.n;
		$$->parameterised = true;
	}
	| KW_TYPE IDENT '=' type ';' {
		$$ = mk_decl(p, @2, XI_DECL_ALIAS, $2);
		$$->type = $4;
	}
	| KW_ENUM IDENT ':' type '{' variants_opt '}' opt_semi {
		$$ = mk_decl(p, @2, XI_DECL_ENUM, $2);
		$$->type = $4;
		$$->variants = $6.head;
		KEEP_CONT($$, @5, @7);
	}
	| KW_BITMAP IDENT ':' type '{' bits_opt '}' opt_semi {
		$$ = mk_decl(p, @2, XI_DECL_BITMAP, $2);
		$$->type = $4;
		$$->variants = $6.head;
		KEEP_CONT($$, @5, @7);
	}
	| KW_STRUCT IDENT '{' members_opt '}' opt_semi {
		$$ = mk_decl(p, @2, XI_DECL_STRUCT, $2);
		$$->agg = mk_agg(p, @1, false, $4.head);
		$$->agg->owner = $$;
		KEEP_CONT($$, @3, @5);
	}
	| KW_UNION IDENT '{' members_opt '}' opt_semi {
		$$ = mk_decl(p, @2, XI_DECL_UNION, $2);
		$$->agg = mk_agg(p, @1, true, $4.head);
		$$->agg->owner = $$;
		KEEP_CONT($$, @3, @5);
	}
	;

/* Names of members, variants and bits: C identifiers, which include some
 * of xidl's keywords. */
name
	: IDENT
	| keyword_name
	;

keyword_name
	: KW_TYPE | KW_HANDLE | KW_ARCH | KW_BITMAP | KW_IMPORT | KW_NATIVE_HANDLE | KW_PTR
	;

attrs
	: attr              { $$.head = $$.tail = $1; }
	| attrs attr        { $$ = $1; $$.tail->next = $2; $$.tail = $2; }
	;

attr
	: '@' name {
		$$ = new_attr(p, @2, $2);
	}
	| AT_IF {
		$$ = new_attr(p, @1, $1.name); /* @if, @c_typedef_if, @c_name_if or @c_alias_if */
		$$->arg_kind = XI_ATTR_ARG_COND;
		$$->arg_loc = $1.at;
		if (!strcmp($1.name, "c_name_if") && $1.text)
			c_name_if_args(p, $$, $1.text, $1.at);
		else
			$$->cond = xi_cond_parse(p->ctx, $1.text, $1.at);
	}
	| '@' name '(' STRING ')' {
		$$ = new_attr(p, @2, $2);
		$$->arg_kind = XI_ATTR_ARG_STRING;
		$$->str = $4;
		$$->arg_loc = @4.loc;
	}
	| '@' name '(' expr ')' {
		$$ = new_attr(p, @2, $2);
		$$->arg_kind = XI_ATTR_ARG_EXPR;
		$$->expr = $4;
		$$->arg_loc = @4.loc;
	}
	;

/* An inner (file) attribute, `@!name` or `@!name(arg)`: it says something
 * of the whole file, and comes before the file's imports and declarations. */
inner_attr
	: AT_BANG name {
		$$ = new_attr(p, @2, $2);
	}
	| AT_BANG name '(' STRING ')' {
		$$ = new_attr(p, @2, $2);
		$$->arg_kind = XI_ATTR_ARG_STRING;
		$$->str = $4;
		$$->arg_loc = @4.loc;
	}
	| AT_BANG name '(' expr ')' {
		$$ = new_attr(p, @2, $2);
		$$->arg_kind = XI_ATTR_ARG_EXPR;
		$$->expr = $4;
		$$->arg_loc = @4.loc;
	}
	;

/* --- enums and bitmaps --- */

variants_opt
	: %empty               { $$.head = $$.tail = NULL; }
	| variants
	| variants ','
	;

variants
	: variant              { $$.head = $$.tail = $1; }
	| variants ',' variant { $$ = $1; $$.tail->next = $3; $$.tail = $3; }
	;

variant
	: variant_core         { $$ = $1; $$->doc = @1.doc; KEEP_ITEM($$, @$); }
	| attrs variant_core {
		$$ = $2;
		$$->doc = @1.doc;
		xi_attrs_met(p->ctx, XI_ATTRS_VARIANT, $$, $1.head);
		KEEP_ITEM($$, @$);
	}
	;

variant_core
	: name '=' expr {
		$$ = XI_NEW(&p->ctx->arena, struct xi_variant);
		$$->name = $1;
		$$->loc = @1.loc;
		$$->value = $3;
	}
	;

bits_opt
	: %empty               { $$.head = $$.tail = NULL; }
	| bits
	| bits ','
	;

bits
	: bit                  { $$.head = $$.tail = $1; }
	| bits ',' bit         { $$ = $1; $$.tail->next = $3; $$.tail = $3; }
	;

bit
	: bit_core             { $$ = $1; $$->doc = @1.doc; KEEP_ITEM($$, @$); }
	| attrs bit_core {
		$$ = $2;
		$$->doc = @1.doc;
		xi_attrs_met(p->ctx, XI_ATTRS_BIT, $$, $1.head);
		KEEP_ITEM($$, @$);
	}
	;

bit_core
	: name '=' expr {
		$$ = XI_NEW(&p->ctx->arena, struct xi_variant);
		$$->name = $1;
		$$->loc = @1.loc;
		$$->value = $3;
	}
	| name '=' expr DOTDOT expr {
		$$ = XI_NEW(&p->ctx->arena, struct xi_variant);
		$$->name = $1;
		$$->loc = @1.loc;
		$$->value = $3;
		$$->value_hi = $5;
	}
	;

/* --- structs and unions --- */

/* A missing ';' after the last member is the commonest slip: it is
 * reported here, and parsing goes on as if it were there. */
members_opt
	: %empty               { $$.head = $$.tail = NULL; }
	| members
	| unterminated {
		$$.head = $$.tail = $1;
	}
	| members unterminated {
		$$ = $1;
		if ($2) {
			if ($$.tail)
				$$.tail->next = $2;
			else
				$$.head = $2;
			$$.tail = $2;
		}
	}
	;

unterminated
	: member_open {
		$$ = $1;
		$$->doc = @1.doc;
		missing_semicolon(p, @1);
	}
	| attrs member_open {
		$$ = $2;
		$$->doc = @1.doc;
		xi_attrs_met(p->ctx, XI_ATTRS_MEMBER, $$, $1.head);
		missing_semicolon(p, @2);
	}
	;

members
	: member {
		$$.head = $$.tail = $1;
	}
	| members member {
		$$ = $1;
		if ($2) {
			if ($$.tail)
				$$.tail->next = $2;
			else
				$$.head = $2;
			$$.tail = $2;
		}
	}
	;

/* The ';' is part of these rules rather than of a rule of its own: every
 * reduction costs, and members are most of an input. */
member
	: member_open ';'      { $$ = $1; $$->doc = @1.doc; KEEP_ITEM($$, @$); }
	| attrs member_open ';' {
		$$ = $2;
		$$->doc = @1.doc;
		xi_attrs_met(p->ctx, XI_ATTRS_MEMBER, $$, $1.head);
		KEEP_ITEM($$, @$);
	}
	| error ';'            { $$ = NULL; }
	;

/* An IDENT, the commonest member name, is taken here rather than through
 * name, which would cost a reduction per member. */
member_open
	: IDENT ':' type         { $$ = mk_member(p, @1, $1, $3); }
	| keyword_name ':' type  { $$ = mk_member(p, @1, $1, $3); }
	| IDENT ':' type ':' INTEGER {
		$$ = mk_member(p, @1, $1, $3);
		xi_member_set_bit_width($$, $5.v.mag);
	}
	| keyword_name ':' type ':' INTEGER {
		$$ = mk_member(p, @1, $1, $3);
		xi_member_set_bit_width($$, $5.v.mag);
	}
	| anonymous_agg          { $$ = mk_anonymous(p, @1, $1); }
	;

/* An anonymous struct or union member: its members belong to the
 * enclosing aggregate's scope, as in C11. */
anonymous_agg
	: KW_STRUCT '{' members_opt '}' {
		$$ = mk_type(p, @1, XI_TYPE_AGG);
		$$->u.agg = mk_agg(p, @1, false, $3.head);
		KEEP_CONT($$->u.agg, @2, @4);
	}
	| KW_UNION '{' members_opt '}' {
		$$ = mk_type(p, @1, XI_TYPE_AGG);
		$$->u.agg = mk_agg(p, @1, true, $3.head);
		KEEP_CONT($$->u.agg, @2, @4);
	}
	;

arms_opt
	: %empty               { $$.head = $$.tail = NULL; }
	| arms
	;

arms
	: arm {
		$$.head = $$.tail = $1;
	}
	| arms arm {
		$$ = $1;
		if ($2) {
			if ($$.tail)
				$$.tail->next = $2;
			else
				$$.head = $2;
			$$.tail = $2;
		}
	}
	;

arm
	: arm_core             { $$ = $1; $$->doc = @1.doc; KEEP_ITEM($$, @$); }
	| attrs arm_core {
		$$ = $2;
		$$->doc = @1.doc;
		xi_attrs_met(p->ctx, XI_ATTRS_MEMBER, $$, $1.head);
		KEEP_ITEM($$, @$);
	}
	| error ';'            { $$ = NULL; }
	;

arm_core
	: labels ARROW name ':' type ';' {
		$$ = XI_NEW(&p->ctx->arena, struct xi_member);
		$$->name = $3;
		$$->loc = @3.loc;
		$$->type = $5;
		$$->labels = $1.head;
	}
	| UNDERSCORE ARROW name ':' type ';' {
		$$ = XI_NEW(&p->ctx->arena, struct xi_member);
		$$->name = $3;
		$$->loc = @3.loc;
		$$->type = $5;
		$$->is_default_arm = true;
	}
	/* an arm whose names alias one storage: an anonymous union */
	| labels ARROW anonymous_agg ';' {
		$$ = mk_anonymous(p, @3, $3);
		$$->labels = $1.head;
	}
	;

/* An arm is selected by enum variants, constants or integers. */
labels
	: label_expr {
		$$.head = $$.tail = XI_NEW(&p->ctx->arena, struct xi_arm_label);
		$$.head->expr = $1;
	}
	| labels ',' label_expr {
		$$ = $1;
		struct xi_arm_label *l = XI_NEW(&p->ctx->arena, struct xi_arm_label);
		l->expr = $3;
		$$.tail->next = l;
		$$.tail = l;
	}
	;

label_expr
	: INTEGER                { $$ = mk_int(p, @1, $1); }
	| IDENT {
		$$ = XI_NEW(&p->ctx->arena, struct xi_expr);
		$$->kind = XI_EXPR_NAME;
		$$->loc = @1.loc;
		$$->name = $1;
		$$->depth = 1;
	}
	;

/* --- types --- */

/* A plain name, the commonest type, is reduced in one step, without
 * passing through base_type. */
type
	: IDENT                { $$ = named_type(p, @1, $1); }
	| c_type_words         { $$ = named_type(p, @1, $1); }
	| compound_type
	| base_type dims       { $2.tail->u.array.elem = $1; $$ = $2.head; }
	;

/* C's spelling of a type in several words ("unsigned long"): never a type
 * of xidl, but read as one name, so that resolution says what to write
 * instead rather than the parser asking for a ';' after "unsigned". */
c_type_words
	: IDENT IDENT {
		if (!c_type_word($1, true) || !c_type_word($2, false)) {
			missing_semicolon_after(p, @1);
			YYERROR;
		}
		$$ = xi_intern_words(p->ctx, $1, $2);
	}
	| c_type_words IDENT {
		if (!c_type_word($2, false)) {
			missing_semicolon_after(p, @1);
			YYERROR;
		}
		$$ = xi_intern_words(p->ctx, $1, $2);
	}
	;

dims
	: '[' expr ']' {
		$$.head = $$.tail = mk_array(p, @1, $2);
		$$.n = 1;
	}
	| '[' ']' {
		/* a flexible array member: the resolver checks where */
		$$.head = $$.tail = mk_array(p, @1, NULL);
		$$.n = 1;
	}
	| dims '[' expr ']' {
		$$ = $1;
		$$.tail->u.array.elem = mk_array(p, @2, $3);
		$$.tail = $$.tail->u.array.elem;
		$$.n++;
		if ($$.n > XI_MAX_ARRAY_DIMS) {
			xi_error(&p->ctx->diag, @2.loc, "array has more than %u dimensions",
				 XI_MAX_ARRAY_DIMS);
			p->fatal = true;
			YYABORT;
		}
	}
	| dims '[' ']' {
		$$ = $1;
		$$.tail->u.array.elem = mk_array(p, @2, NULL);
		$$.tail = $$.tail->u.array.elem;
		$$.n++;
		if ($$.n > XI_MAX_ARRAY_DIMS) {
			xi_error(&p->ctx->diag, @2.loc, "array has more than %u dimensions",
				 XI_MAX_ARRAY_DIMS);
			p->fatal = true;
			YYABORT;
		}
	}
	;

base_type
	: IDENT                { $$ = named_type(p, @1, $1); }
	| c_type_words         { $$ = named_type(p, @1, $1); }
	| compound_type
	;

compound_type
	: KW_HANDLE '<' type '>' {
		$$ = mk_type(p, @1, XI_TYPE_HANDLE);
		$$->u.target = $3;
	}
	| KW_HANDLE '<' KW_CONST type '>' {
		$$ = mk_type(p, @1, XI_TYPE_HANDLE);
		$$->u.target = $4;
		$$->target_const = true;
	}
	| KW_NATIVE_HANDLE '<' type '>' {
		$$ = mk_type(p, @1, XI_TYPE_NATIVE_HANDLE);
		$$->u.target = $3;
	}
	| KW_NATIVE_HANDLE '<' KW_CONST type '>' {
		$$ = mk_type(p, @1, XI_TYPE_NATIVE_HANDLE);
		$$->u.target = $4;
		$$->target_const = true;
	}
	| KW_PTR '<' type '>' {
		$$ = mk_type(p, @1, XI_TYPE_PTR);
		$$->u.target = $3;
	}
	| KW_PTR '<' KW_CONST type '>' {
		$$ = mk_type(p, @1, XI_TYPE_PTR);
		$$->u.target = $4;
		$$->target_const = true;
	}
	| KW_STRUCT '{' members_opt '}' {
		$$ = mk_type(p, @1, XI_TYPE_AGG);
		$$->u.agg = mk_agg(p, @1, false, $3.head);
		KEEP_CONT($$->u.agg, @2, @4);
	}
	| KW_UNION '{' members_opt '}' {
		$$ = mk_type(p, @1, XI_TYPE_AGG);
		$$->u.agg = mk_agg(p, @1, true, $3.head);
		KEEP_CONT($$->u.agg, @2, @4);
	}
	| KW_UNION KW_SWITCH '(' name ')' '{' arms_opt '}' {
		$$ = mk_type(p, @1, XI_TYPE_AGG);
		$$->u.agg = mk_agg(p, @1, true, $7.head);
		$$->u.agg->tag_name = $4;
		$$->u.agg->tag_loc = @4.loc;
		KEEP_CONT($$->u.agg, @6, @8);
	}
	| KW_ARCH '{' choices '}' {
		$$ = mk_type(p, @1, XI_TYPE_ARCH);
		$$->u.arch.choices = $3.head;
	}
	| KW_ARCH '{' choices ',' '}' {
		$$ = mk_type(p, @1, XI_TYPE_ARCH);
		$$->u.arch.choices = $3.head;
	}
	;

choices
	: choice               { $$.head = $$.tail = $1; }
	| choices ',' choice   { $$ = $1; $$.tail->next = $3; $$.tail = $3; }
	;

choice
	: IDENT ':' type {
		$$ = XI_NEW(&p->ctx->arena, struct xi_arch_choice);
		$$->key = $1;
		$$->loc = @1.loc;
		$$->type = $3;
	}
	;

import_files
	: import_file                   { $$.head = $$.tail = $1; }
	| import_files ',' import_file  { $$ = $1; $$.tail->next = $3; $$.tail = $3; }
	;

import_file
	: IDENT ':' STRING {
		$$ = XI_NEW(&p->ctx->arena, struct xi_import_file);
		$$->key = $1;
		$$->key_loc = @1.loc;
		$$->path = $3;
		$$->loc = @3.loc;
	}
	| IDENT ':' IDENT {
		/* `ppc: none`: no file for the family */
		$$ = XI_NEW(&p->ctx->arena, struct xi_import_file);
		$$->key = $1;
		$$->key_loc = @1.loc;
		$$->loc = @3.loc;
		$$->none = true;
		if (strcmp($3, "none"))
			xi_error(&p->ctx->diag, @3.loc, "expected a file name (a string) or 'none' "
				 "for family '%s'", $1);
	}
	;

/* The parameters of a parameterised constant: `x: u32, y: c_uint`. */
params
	: name ':' type {
		struct xi_param *q = XI_NEW(&p->ctx->arena, struct xi_param);
		q->name = $1;
		q->loc = @1.loc;
		q->type = $3;
		$$.head = $$.tail = q;
		$$.n = 1;
	}
	| params ',' name ':' type {
		struct xi_param *q = XI_NEW(&p->ctx->arena, struct xi_param);
		q->name = $3;
		q->loc = @3.loc;
		q->type = $5;
		$$ = $1;
		if ($$.n == XI_MAX_PARAMS)
			xi_error(&p->ctx->diag, @3.loc, "a constant has more than %u parameters",
				 XI_MAX_PARAMS);
		else {
			$$.tail->next = q;
			$$.tail = q;
			$$.n++;
		}
	}
	;

/* The arguments of a call, as an ARG chain (built from the right). */
args
	: expr                   { $$ = mk_arg(p, $1, NULL); }
	| expr ',' args          { $$ = mk_arg(p, $1, $3); }
	;

/* --- constant expressions --- */

/* A string constant's value: literals and names of other string
 * constants side by side, as C concatenates them; one literal at least
 * (a name alone is an expression, resolved to a string constant). */
string_value
	: STRING { $$.head = $$.tail = str_part(p, @1, $1, NULL); }
	| IDENT STRING {
		$$.head = str_part(p, @1, NULL, $1);
		$$.head->next = $$.tail = str_part(p, @2, $2, NULL);
	}
	| string_value STRING { $$ = $1; $$.tail = $$.tail->next = str_part(p, @2, $2, NULL); }
	| string_value IDENT { $$ = $1; $$.tail = $$.tail->next = str_part(p, @2, NULL, $2); }
	;

expr
	: INTEGER                { $$ = mk_int(p, @1, $1); }
	| IDENT {
		$$ = XI_NEW(&p->ctx->arena, struct xi_expr);
		$$->kind = XI_EXPR_NAME;
		$$->loc = @1.loc;
		$$->name = $1;
		$$->depth = 1;
	}
	| '(' expr ')'           { $$ = $2; }
	| IDENT '(' args ')'     { $$ = mk_call(p, @$, $1, @1, $3); if (!$$) YYERROR; }
	| KW_SIZEOF '(' IDENT ')'  { $$ = mk_sizeof(p, @$, XI_EXPR_SIZEOF, named_type(p, @3, $3)); }
	| KW_ALIGNOF '(' IDENT ')' { $$ = mk_sizeof(p, @$, XI_EXPR_ALIGNOF, named_type(p, @3, $3)); }
	| '-' expr %prec UNARY   { $$ = mk_unary(p, @$, XI_OP_NEG, $2); if (!$$) YYERROR; }
	| '+' expr %prec UNARY   { $$ = mk_unary(p, @$, XI_OP_PLUS, $2); if (!$$) YYERROR; }
	| '~' expr %prec UNARY   { $$ = mk_unary(p, @$, XI_OP_NOT, $2); if (!$$) YYERROR; }
	| expr '+' expr          { $$ = mk_binary(p, @2, XI_OP_ADD, $1, $3); if (!$$) YYERROR; }
	| expr '-' expr          { $$ = mk_binary(p, @2, XI_OP_SUB, $1, $3); if (!$$) YYERROR; }
	| expr '*' expr          { $$ = mk_binary(p, @2, XI_OP_MUL, $1, $3); if (!$$) YYERROR; }
	| expr '/' expr          { $$ = mk_binary(p, @2, XI_OP_DIV, $1, $3); if (!$$) YYERROR; }
	| expr '%' expr          { $$ = mk_binary(p, @2, XI_OP_MOD, $1, $3); if (!$$) YYERROR; }
	| expr SHL expr          { $$ = mk_binary(p, @2, XI_OP_SHL, $1, $3); if (!$$) YYERROR; }
	| expr SHR expr          { $$ = mk_binary(p, @2, XI_OP_SHR, $1, $3); if (!$$) YYERROR; }
	| expr '&' expr          { $$ = mk_binary(p, @2, XI_OP_AND, $1, $3); if (!$$) YYERROR; }
	| expr '|' expr          { $$ = mk_binary(p, @2, XI_OP_OR, $1, $3); if (!$$) YYERROR; }
	| expr '^' expr          { $$ = mk_binary(p, @2, XI_OP_XOR, $1, $3); if (!$$) YYERROR; }
	;

%%

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

/* The text of a token, for messages: as in the source, cut if long. */
#define REPORT_MAX_TOKEN_TEXT 40

static const char *token_source(struct xi_parser *p, const struct xi_tok_place *t, char *buf,
				size_t size)
{
	size_t len;
	const char *line = xi_source_line(p->src, t->loc.line, &len);
	size_t col = t->loc.col - 1, n = t->loc.len;
	if (!line || col > len || n == 0)
		return NULL;
	if (n > len - col)
		n = len - col;
	if (n > REPORT_MAX_TOKEN_TEXT)
		snprintf(buf, size, "%.*s...", REPORT_MAX_TOKEN_TEXT, line + col);
	else
		snprintf(buf, size, "%.*s", (int)n, line + col);
	return buf;
}

/* "expected ';' after 'u32'", just after the token before the one the
 * error was found on, as gcc does: a missing ';' belongs at the end of
 * its line, not at the start of the next. False when there is no such
 * token. */
static bool expected_after(struct xi_parser *p, const char *what)
{
	const struct xi_tok_place *t = &p->before_last;
	char text[REPORT_MAX_TOKEN_TEXT + 4];
	if (!t->loc.file || !token_source(p, t, text, sizeof(text)))
		return false;
	struct xi_loc at = { t->end_line, t->end_col, t->loc.file, 1 };
	xi_error(&p->ctx->diag, at, "expected %s after '%s'", what, text);
	return true;
}

/* At the end of the file, inside brackets: point at the innermost one. */
static void note_unclosed(struct xi_parser *p)
{
	if (p->depth == 0 || p->depth > XI_MAX_NESTING)
		return;
	struct xi_loc at = p->open_at[p->depth - 1];
	size_t len;
	const char *line = xi_source_line(p->src, at.line, &len);
	char c = line && at.col >= 1 && at.col <= len ? line[at.col - 1] : '{';
	xi_note(&p->ctx->diag, at, "to match this '%c'", c);
}

static bool expects(const yysymbol_kind_t *expected, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(yysymbol_name(expected[i]), name))
			return true;
	return false;
}

/* Messages in gcc's manner: "expected ';' before '}'", listing up to
 * REPORT_MAX_EXPECTED alternatives; a missing ';' is reported after the
 * token it should follow, and a missing closing bracket at the end of the
 * file points at the bracket it should match. */
#define REPORT_MAX_EXPECTED 7

/* The tokens an expression may start with (the rule expr). */
#define EXPR_START_TOKENS 8

static bool is_expr_start(yysymbol_kind_t sym)
{
	static const char *const starts[EXPR_START_TOKENS] = {
		"identifier", "integer", "'+'", "'-'", "'('", "'~'", "'sizeof'", "'alignof'",
	};
	for (unsigned i = 0; i < EXPR_START_TOKENS; i++)
		if (!strcmp(yysymbol_name(sym), starts[i]))
			return true;
	return false;
}

static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, struct xi_parser *p)
{
	(void)scanner;
	p->syntax_errors++;
	if (p->fatal)
		return 0;
	yysymbol_kind_t expected[YYNTOKENS];
	int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
	yysymbol_kind_t got = yypcontext_token(ctx);
	if (n > 0 && expects(expected, n, "';'") && expected_after(p, "';'")) {
		if (got == YYSYMBOL_YYEOF)
			note_unclosed(p);
		return 0;
	}
	struct xi_strbuf msg = XI_STRBUF_INIT;
	static const char *const closers[] = { "'}'", "')'", "']'" };
	const char *closer = NULL;
	for (unsigned i = 0; got == YYSYMBOL_YYEOF && i < 3; i++)
		if (expects(expected, n, closers[i]))
			closer = closers[i];
	if (closer) {
		xi_sb_printf(&msg, "expected %s at end of file", closer);
	} else if (n > 0 && n <= REPORT_MAX_EXPECTED + EXPR_START_TOKENS - 1) {
		/* Where an expression may start, its first tokens are "an
		 * expression"; the other alternatives are listed. */
		const char *names[YYNTOKENS];
		int k = 0;
		bool expr = expects(expected, n, "'sizeof'");
		if (expr)
			names[k++] = "an expression";
		for (int i = 0; i < n; i++)
			if (!expr || !is_expr_start(expected[i]))
				names[k++] = token_text(expected[i]);
		if (k > REPORT_MAX_EXPECTED) {
			xi_sb_printf(&msg, "unexpected %s", token_text(got));
		} else {
			xi_sb_adds(&msg, "expected ");
			for (int i = 0; i < k; i++) {
				if (i)
					xi_sb_adds(&msg, i == k - 1 ? " or " : ", ");
				xi_sb_adds(&msg, names[i]);
			}
			xi_sb_printf(&msg, " before %s", token_text(got));
		}
	} else {
		xi_sb_printf(&msg, "unexpected %s", token_text(got));
	}
	struct xi_loc loc = yypcontext_location(ctx)->loc;
	if (got == YYSYMBOL_YYEOF)
		loc.len = 1;
	xi_error(&p->ctx->diag, loc, "%s", xi_sb_str(&msg));
	xi_sb_free(&msg);
	if (got == YYSYMBOL_YYEOF)
		note_unclosed(p);
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
	struct xi_expr *e = XI_NEW(&p->ctx->arena, struct xi_expr);
	e->kind = XI_EXPR_BINARY;
	e->op = op;
	e->loc = loc.loc;
	e->a = a;
	e->b = b;
	e->depth = (uint16_t)(1 + (a->depth > b->depth ? a->depth : b->depth));
	return check_depth(p, e);
}

/* An integer literal; a C suffix only in a parameterised constant's body. */
static struct xi_expr *mk_int(struct xi_parser *p, XI_YYLTYPE loc, struct xi_num_tok num)
{
	struct xi_expr *e = XI_NEW(&p->ctx->arena, struct xi_expr);
	e->kind = XI_EXPR_INT;
	e->loc = loc.loc;
	e->lit = num.v;
	e->hex = num.hex;
	e->depth = 1;
	if (num.suffix != XI_SUFFIX_NONE && !p->in_fn_body)
		xi_error(&p->ctx->diag, loc.loc, "a C suffix on an integer literal is allowed only in "
			 "the body of a parameterised constant");
	else
		e->suffix = num.suffix;
	return e;
}

/* `F(args)`: a call of a parameterised constant, or a conversion to an
 * integer type; in a parameterised constant's body only. */
static struct xi_expr *mk_call(struct xi_parser *p, XI_YYLTYPE loc, const char *callee,
			       XI_YYLTYPE callee_loc, struct xi_expr *args)
{
	if (!p->in_fn_body)
		xi_error(&p->ctx->diag, callee_loc.loc, "a call is allowed only in the body of a "
			 "parameterised constant");
	struct xi_expr *f = XI_NEW(&p->ctx->arena, struct xi_expr);
	f->kind = XI_EXPR_NAME;
	f->loc = callee_loc.loc;
	f->name = callee;
	f->depth = 1;
	struct xi_expr *e = XI_NEW(&p->ctx->arena, struct xi_expr);
	e->kind = XI_EXPR_CALL;
	e->loc = loc.loc;
	e->a = f;
	e->b = args;
	e->depth = (uint16_t)(1 + args->depth);
	return check_depth(p, e);
}

/* One argument and those after it; depth covers them all. */
static struct xi_expr *mk_arg(struct xi_parser *p, struct xi_expr *arg, struct xi_expr *next)
{
	struct xi_expr *e = XI_NEW(&p->ctx->arena, struct xi_expr);
	e->kind = XI_EXPR_ARG;
	e->loc = arg->loc;
	e->a = arg;
	e->b = next;
	e->depth = (uint16_t)(1 + (next && next->depth > arg->depth ? next->depth : arg->depth));
	return e;
}

static struct xi_expr *mk_sizeof(struct xi_parser *p, XI_YYLTYPE loc, enum xi_expr_kind kind,
				 struct xi_type *t)
{
	struct xi_expr *e = XI_NEW(&p->ctx->arena, struct xi_expr);
	e->kind = kind;
	e->loc = loc.loc;
	e->type = t;
	e->depth = 1;
	return e;
}

static struct xi_expr *mk_unary(struct xi_parser *p, XI_YYLTYPE loc, enum xi_op op,
				struct xi_expr *a)
{
	struct xi_expr *e = XI_NEW(&p->ctx->arena, struct xi_expr);
	e->kind = XI_EXPR_UNARY;
	e->op = op;
	e->loc = loc.loc;
	e->a = a;
	e->depth = (uint16_t)(1 + a->depth);
	return check_depth(p, e);
}

static struct xi_type *mk_type(struct xi_parser *p, XI_YYLTYPE loc, enum xi_type_kind kind)
{
	struct xi_type *t = XI_NEW(&p->ctx->arena, struct xi_type);
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
	struct xi_agg *a = XI_NEW(&p->ctx->arena, struct xi_agg);
	a->is_union = is_union;
	a->loc = loc.loc;
	a->members = members;
	for (struct xi_member *m = members; m; m = m->next) {
		if (m->flags & XI_MEMBER_ANONYMOUS)
			m->name = xi_anonymous_name(p->ctx, a->nmembers);
		a->nmembers++;
	}
	return a;
}

static struct xi_decl *mk_decl(struct xi_parser *p, XI_YYLTYPE loc, enum xi_decl_kind kind,
			       const char *name)
{
	struct xi_decl *d = XI_NEW(&p->ctx->arena, struct xi_decl);
	d->kind = kind;
	d->name = name;
	d->loc = loc.loc;
	d->module = p->module;
	return d;
}

static struct xi_member *mk_member(struct xi_parser *p, XI_YYLTYPE loc, const char *name,
				   struct xi_type *type)
{
	struct xi_member *m = XI_NEW(&p->ctx->arena, struct xi_member);
	m->name = name;
	m->loc = loc.loc;
	m->type = type;
	return m;
}

/* The member that holds an anonymous aggregate: mk_agg names it. */
static struct xi_member *mk_anonymous(struct xi_parser *p, XI_YYLTYPE loc, struct xi_type *type)
{
	struct xi_member *m = mk_member(p, loc, NULL, type);
	m->flags |= XI_MEMBER_ANONYMOUS;
	type->u.agg->anonymous = true;
	return m;
}

/* The words of C's types of several words ("unsigned long long"): the
 * first of them (`first`), or any. */
static bool c_type_word(const char *w, bool first)
{
	static const char *const starts[] = { "unsigned", "signed", "long", "short" };
	static const char *const others[] = { "int", "char" };
	for (size_t i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (!strcmp(w, starts[i]))
			return true;
	for (size_t i = 0; !first && i < sizeof(others) / sizeof(others[0]); i++)
		if (!strcmp(w, others[i]))
			return true;
	return false;
}

/* Two names in a row that are not C's words for a type: a ';' is missing
 * after the first ("x: u32" then "y: u32" on the next line). */
static void missing_semicolon_after(struct xi_parser *p, XI_YYLTYPE before)
{
	char text[REPORT_MAX_TOKEN_TEXT + 4];
	struct xi_tok_place t = { before.loc, before.end_line, before.end_col };
	const char *what = before.end_line == before.loc.line ? token_source(p, &t, text, sizeof(text))
							      : NULL;
	struct xi_loc at = { before.end_line, before.end_col, before.loc.file, 1 };
	p->syntax_errors++;
	if (what)
		xi_error(&p->ctx->diag, at, "expected ';' after '%s'", what);
	else
		xi_error(&p->ctx->diag, at, "expected ';'");
}

/* Report "expected ';' after 'u32'" at the end of a member, as the other
 * missing semicolons are. The '}' after the member is the lookahead. */
static void missing_semicolon(struct xi_parser *p, XI_YYLTYPE member)
{
	p->syntax_errors++;
	if (expected_after(p, "';'"))
		return;
	struct xi_loc at = member.loc;
	at.line = member.end_line;
	at.col = member.end_col;
	at.len = 1;
	xi_error(&p->ctx->diag, at, "expected ';' before '}'");
}

/* Attributes are only recorded here (xi_attrs_met), and handed over to
 * sema/attrs.c at the end of each declaration (add_decl). */
/* @c_name_if(COND, "NAME"): the lexer gave the text between the
 * parentheses; the name is the string after the last comma. */
static void c_name_if_args(struct xi_parser *p, struct xi_attr *a, const char *text, struct xi_loc at)
{
	const char *comma = strrchr(text, ',');
	const char *s = comma ? comma + 1 : NULL;
	while (s && (*s == ' ' || *s == '\t'))
		s++;
	size_t n = s ? strlen(s) : 0;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	bool ok = n >= 3 && s[0] == '"' && s[n - 1] == '"';
	for (size_t i = 1; ok && i + 1 < n; i++)
		ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
		     (i > 1 && s[i] >= '0' && s[i] <= '9');
	if (!ok) {
		xi_error(&p->ctx->diag, at, "'@c_name_if' takes a condition and a C name, as in "
			 "@c_name_if(xen, \"guest_user_regs\")");
		return;
	}
	struct xi_loc cond_at = at;
	cond_at.len = (uint16_t)(comma - text);
	a->cond = xi_cond_parse(p->ctx, xi_strndup(&p->ctx->arena, text, (size_t)(comma - text)),
				cond_at);
	a->str = xi_intern(p->ctx, s + 1, n - 2);
}

static struct xi_attr *new_attr(struct xi_parser *p, XI_YYLTYPE loc, const char *name)
{
	struct xi_attr *a = xi_attr_new(p->ctx);
	a->name = name;
	a->loc = loc.loc;
	return a;
}

/* A type name: primitives share one node each (see xi_prim_types); the
 * legacy-only ones get their own, so that their misuse can be located. */
static struct xi_type *named_type(struct xi_parser *p, XI_YYLTYPE loc, const char *name)
{
	int prim = xi_ctx_prim_by_interned(p->ctx, name);
	if (prim >= 0 && !xi_prims[prim].legacy_only)
		return &xi_prim_types[prim];
	struct xi_type *t = mk_type(p, loc, XI_TYPE_REF);
	t->u.ref.name = name;
	return t;
}

static void add_decl(struct xi_parser *p, struct xi_decl *d, struct xi_attr *attrs,
		     const XI_YYLTYPE *where)
{
	xi_attrs_met(p->ctx, XI_ATTRS_DECL, d, attrs);
	xi_attrs_done(p->ctx);
	if (p->group_cond)
		d->cond = xi_cond_and(p->ctx, p->group_cond, d->cond);
	d->doc = where->doc;
	KEEP_ITEM(d, *where);
	if (p->decls_tail)
		p->decls_tail->next = d;
	else
		p->decls = d;
	p->decls_tail = d;
	p->ndecls++;
}

/* A file attribute applies to the module; after an import or a
 * declaration it is refused (a reader of the file looks for them at its
 * top, as for Rust's inner attributes). */
static void add_inner_attr(struct xi_parser *p, struct xi_attr *a)
{
	if (p->decls || p->imports) {
		xi_error(&p->ctx->diag, a->loc,
			 "file attribute '@!%s' must come before the file's imports and declarations",
			 a->name);
		return; /* the node stays in the arena */
	}
	xi_attrs_met(p->ctx, XI_ATTRS_FILE, p->module, a);
	xi_attrs_done(p->ctx);
}

/* path NULL: an arch import map, whose entries the caller sets. */
static struct xi_import *add_import(struct xi_parser *p, XI_YYLTYPE loc, const char *path,
				    bool is_arch)
{
	struct xi_import *im = XI_NEW(&p->ctx->arena, struct xi_import);
	im->path = path;
	im->loc = loc.loc;
	im->is_arch = is_arch;
	im->is_map = path == NULL;
	loc.doc = NULL; /* an import has none */
	KEEP_ITEM(im, loc);
	if (p->imports_tail)
		p->imports_tail->next = im;
	else
		p->imports = im;
	p->imports_tail = im;
	return im;
}

static struct xi_pos start_of(const XI_YYLTYPE *where)
{
	return (struct xi_pos){ where->loc.line, where->loc.col };
}

static void keep_item(struct xi_parser *p, const void *node, const XI_YYLTYPE *where)
{
	struct xi_pos end = { where->end_line, where->end_col };
	xi_comments_item(p->cm, node, start_of(where), end, where->doc != NULL);
}

static void keep_cont(struct xi_parser *p, const void *node, const XI_YYLTYPE *open,
		      const XI_YYLTYPE *close)
{
	xi_comments_cont(p->cm, node, start_of(open), start_of(close));
}

static struct xi_str_part *str_part(struct xi_parser *p, XI_YYLTYPE loc, const char *text,
				    const char *name)
{
	struct xi_str_part *s = XI_NEW(&p->ctx->arena, struct xi_str_part);
	s->text = text;
	s->name = name;
	s->loc = loc.loc;
	return s;
}
