/* src/lang/parser.h — what the parser's files share (parser.c: tokens, errors, entry;
 * parser_stmt.c: statements; parser_expr.c: expressions and targets; parser_str.c:
 * string literals and f-strings; parser_match.c: the match statement). Internal to the parser; the contract with the
 * compiler is ast.h. */
#ifndef OU_PARSER_H
#define OU_PARSER_H

#include "ast.h"
#include "lexer.h"
#include "base/base.h"

#define OU_PARSE_MAXDEPTH 3000  /* nesting of the recursive descent before
                                   RecursionError (CPython's compiler gives up near it) */

typedef struct OuParser {
    OuAstArena *arena;
    OuLexer lx;
    OuToken *toks;             /* tokens read so far (ou_mem; grown by doubling) */
    int ntoks, captoks;
    int pos;                   /* index of the current token */
    const char *src;           /* the lexer's source (after a BOM) */
    size_t len;
    const char *filename;
    OuParseMode mode;
    int depth;                 /* recursion depth of the descent */
    int error;                 /* an exception is set: unwind */
    int lex_failed;            /* the error came from the lexer */
    int generic_error;         /* the error is a plain "invalid syntax" */
    int no_comma_hint;         /* in parameters: no "Perhaps you forgot a comma?" */
    /* f-string expressions: a sub-parser whose positions are shifted into the string */
    int fstring;               /* nesting of f-strings (0: not in one) */
    int line_off, col_off;     /* added to token lines / to columns on the first line */
    OuToken dummy;             /* handed out after a lexer error */
} OuParser;

/* A growable array in the arena (the old array is left behind when it grows). */
typedef struct OuVec {
    int n, cap;
    void **items;
} OuVec;
int ou_vec_push(OuParser *p, OuVec *v, void *item);

/* ---- tokens (parser.c) */
/* The token at pos + k (reading it if needed). Valid until the next read: copy it. After
 * a lexer error: an ERRORTOKEN with the error set. */
const OuToken *ou_p_peek_slow(OuParser *p, int k);
static inline const OuToken *ou_p_peek(OuParser *p, int k)
{
    if (OU_LIKELY(p->pos + k < p->ntoks))
        return &p->toks[p->pos + k];
    return ou_p_peek_slow(p, k);
}
static inline const OuToken *ou_p_cur(OuParser *p) { return ou_p_peek(p, 0); }
/* 1 if the current token has this kind (not a keyword) / is this keyword. */
static inline bool ou_p_at(OuParser *p, int kind)
{
    const OuToken *t = ou_p_cur(p);
    return t->kind == kind && t->kw == 0;
}
static inline bool ou_p_at_kw(OuParser *p, int kw)
{
    const OuToken *t = ou_p_cur(p);
    return t->kind == OU_TOK_NAME && t->kw == kw;
}
/* Consumes the current token; returns a copy of it. */
OuToken ou_p_next(OuParser *p);
/* Consumes the current token if it has this kind / keyword: 1, else 0. */
bool ou_p_accept(OuParser *p, int kind);
bool ou_p_accept_kw(OuParser *p, int kw);
/* End of the last consumed token. */
void ou_p_end(OuParser *p, OuLoc *loc);
/* Location of a token. */
OuLoc ou_p_tokloc(const OuToken *t);
/* The identifier of a NAME token: an interned str (immortal). NULL with an error. */
OuroObject *ou_p_name(OuParser *p, const OuToken *t);

/* ---- errors (parser.c). All return NULL so that `return ou_p_error(...)` reads well;
 * none overrides an error already set. */
void *ou_p_error_at(OuParser *p, OuroType *type, const OuLoc *loc, const char *fmt, ...)
    OU_PRINTF(4, 5);
/* "invalid syntax" at the current token (or a tokenizer error found further on). */
void *ou_p_syntax_error(OuParser *p);
/* Depth accounting: 0, or -1 with RecursionError. */
int ou_p_enter(OuParser *p);
static inline void ou_p_leave(OuParser *p) { p->depth--; }

/* ---- nodes */
OuExpr *ou_p_expr(OuParser *p, OuExprKind kind, const OuLoc *loc);
OuStmt *ou_p_stmt(OuParser *p, OuStmtKind kind, const OuLoc *loc);
OuExprSeq ou_p_exprseq(OuVec *v);
OuStmtSeq ou_p_stmtseq(OuVec *v);
/* A Constant node holding value (stolen). NULL with an error. */
OuExpr *ou_p_constant(OuParser *p, OuroObject *value, const OuLoc *loc);

/* ---- expressions (parser_expr.c): each returns the node or NULL with an error */
OuExpr *ou_p_expression(OuParser *p);            /* expression (ternary, lambda) */
OuExpr *ou_p_named_expression(OuParser *p);
OuExpr *ou_p_star_expressions(OuParser *p);      /* a, *b, c  -> Tuple */
OuExpr *ou_p_star_named_expression(OuParser *p);
OuExpr *ou_p_yield_expr(OuParser *p);
OuExpr *ou_p_disjunction(OuParser *p);
OuExpr *ou_p_bitwise_or(OuParser *p);
/* star_targets as for `for` and comprehensions: ['*'] bitwise_or items, Store. */
OuExpr *ou_p_star_targets(OuParser *p, int for_targets);
/* Parameters of def (lambda: 0) up to ')' (lambda: ':'). */
OuArguments *ou_p_parameters(OuParser *p, int is_lambda);
/* Call arguments after '(' up to ')' (consumed). */
int ou_p_call_args(OuParser *p, OuExprSeq *args, OuKeywordSeq *kws, const OuLoc *call_start);
/* The name CPython uses for an expression kind in messages ("function call"). */
const char *ou_p_expr_name(const OuExpr *e);
/* Sets the context of a target (Store/Del) after checking it like CPython: 0, or -1
 * with "cannot assign to %s" / "cannot delete %s". */
enum { OU_STAR_TARGETS = 0, OU_DEL_TARGETS, OU_FOR_TARGETS };
int ou_p_set_context(OuParser *p, OuExpr *e, OuExprContext ctx, int targets_type);
/* The invalid part of a target, or NULL if it is a valid one. */
OuExpr *ou_p_invalid_target(OuExpr *e, int targets_type);

/* ---- strings (parser_str.c): an atom of one or more adjacent STRING tokens */
OuExpr *ou_p_strings(OuParser *p);
/* A number token. */
OuExpr *ou_p_number(OuParser *p, const OuToken *t);

/* ---- statements (parser_stmt.c) */
int ou_p_statements_until(OuParser *p, OuVec *out, int end_kind);
int ou_p_statement(OuParser *p, OuVec *out);
/* ':' or "expected ':'" / "invalid syntax": 0 or -1. */
int ou_p_expect_colon(OuParser *p);
/* block: NEWLINE INDENT statements DEDENT | simple_stmts; what/line name the header in
 * "expected an indented block after 'case' statement on line 3". 0 or -1. */
int ou_p_block(OuParser *p, OuStmtSeq *out, const char *what, int line);

/* ---- the match statement (parser_match.c) */
/* 1 if the statement at the current token is a match statement (`match` is a soft
 * keyword: `match = 1`, `match(x)` stay expressions). May read tokens ahead. */
bool ou_p_at_match_stmt(OuParser *p);
/* The match statement at the current token, or NULL with an error. */
OuStmt *ou_p_match_stmt(OuParser *p);

/* Sub-parser for the expression of an f-string at src[start..end) of the parent, whose
 * first byte sits at (lineno, col) of the file. Returns the expression or NULL. */
OuExpr *ou_p_fstring_expr(OuParser *parent, const char *s, size_t n, int lineno, int col);

#endif
