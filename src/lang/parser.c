/* src/lang/parser.c — the hand-written recursive-descent parser's core: the token
 * buffer, node allocation, SyntaxError reporting (CPython's rules for which error wins),
 * and ou_parse. Statements: parser_stmt.c; expressions: parser_expr.c; literals:
 * parser_str.c. Notes: docs/internals/language.md (parser). */
#include "parser.h"
#include "objects/objects.h"
#include "mem/mem.h"
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>

/* ------------------------------------------------------------------ vectors -- */

int ou_vec_push(OuParser *p, OuVec *v, void *item)
{
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **items = ou_ast_alloc(p->arena, (size_t)cap * sizeof *items);
        if (!items) {
            p->error = 1;
            return -1;
        }
        if (v->n)
            memcpy(items, v->items, (size_t)v->n * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return 0;
}

OuExprSeq ou_p_exprseq(OuVec *v)
{
    OuExprSeq s = { v->n, (OuExpr **)v->items };
    return s;
}

OuStmtSeq ou_p_stmtseq(OuVec *v)
{
    OuStmtSeq s = { v->n, (OuStmt **)v->items };
    return s;
}

/* ------------------------------------------------------------------- tokens -- */

/* Reads one more token into the buffer. 0, or -1 with the error set. */
static int fill(OuParser *p)
{
    if (p->ntoks == p->captoks) {
        int cap = p->captoks ? p->captoks * 2 : 256;
        OuToken *t = ou_mem_realloc(p->toks, (size_t)cap * sizeof *t);
        if (!t) {
            ouro_err_no_memory();
            return -1;
        }
        p->toks = t;
        p->captoks = cap;
    }
    OuToken *t = &p->toks[p->ntoks];
    if (p->lx.done) {
        *t = p->toks[p->ntoks - 1];   /* ENDMARKER again */
    } else if (ou_lexer_next(&p->lx, t) < 0) {
        p->lex_failed = 1;
        return -1;
    }
    if (p->line_off || p->col_off) {
        if (t->lineno == 1)
            t->col += p->col_off;
        if (t->end_lineno == 1)
            t->end_col += p->col_off;
        t->lineno += p->line_off;
        t->end_lineno += p->line_off;
    }
    p->ntoks++;
    return 0;
}

const OuToken *ou_p_peek_slow(OuParser *p, int k)
{
    while (p->pos + k >= p->ntoks) {
        if (p->error || fill(p) < 0) {
            p->error = 1;
            p->dummy.kind = OU_TOK_ERRORTOKEN;
            p->dummy.kw = 0;
            return &p->dummy;
        }
    }
    return &p->toks[p->pos + k];
}

OuToken ou_p_next(OuParser *p)
{
    OuToken t = *ou_p_cur(p);
    if (!p->error)
        p->pos++;
    return t;
}

bool ou_p_accept(OuParser *p, int kind)
{
    if (!ou_p_at(p, kind))
        return false;
    p->pos++;
    return true;
}

bool ou_p_accept_kw(OuParser *p, int kw)
{
    if (!ou_p_at_kw(p, kw))
        return false;
    p->pos++;
    return true;
}

void ou_p_end(OuParser *p, OuLoc *loc)
{
    const OuToken *t = &p->toks[p->pos > 0 ? p->pos - 1 : 0];
    loc->end_lineno = t->end_lineno;
    loc->end_col_offset = t->end_col;
}

OuLoc ou_p_tokloc(const OuToken *t)
{
    OuLoc l = { t->lineno, t->col, t->end_lineno, t->end_col };
    return l;
}

OuroObject *ou_p_name(OuParser *p, const OuToken *t)
{
    OuroObject *s = ouro_str_from_utf8(p->src + t->start, t->len);
    if (!s) {
        p->error = 1;
        return NULL;
    }
    ouro_str_intern_in_place(&s);
    if (!ouro_is_immortal(s) && ou_ast_keep(p->arena, s) < 0) {
        p->error = 1;
        return NULL;
    }
    return s;
}

/* -------------------------------------------------------------------- nodes -- */

OuExpr *ou_p_expr(OuParser *p, OuExprKind kind, const OuLoc *loc)
{
    OuExpr *e = ou_ast_alloc(p->arena, sizeof *e);
    if (!e) {
        p->error = 1;
        return NULL;
    }
    e->kind = kind;
    e->loc = *loc;
    return e;
}

OuStmt *ou_p_stmt(OuParser *p, OuStmtKind kind, const OuLoc *loc)
{
    OuStmt *s = ou_ast_alloc(p->arena, sizeof *s);
    if (!s) {
        p->error = 1;
        return NULL;
    }
    s->kind = kind;
    s->loc = *loc;
    return s;
}

OuExpr *ou_p_constant(OuParser *p, OuroObject *value, const OuLoc *loc)
{
    if (!value || ou_ast_keep(p->arena, value) < 0) {
        p->error = 1;
        return NULL;
    }
    OuExpr *e = ou_p_expr(p, OU_CONSTANT_KIND, loc);
    if (e)
        e->v.constant.value = value;
    return e;
}

/* ------------------------------------------------------------------- errors -- */

int ou_p_enter(OuParser *p)
{
    if (++p->depth > OU_PARSE_MAXDEPTH) {
        if (!p->error)
            ouro_err_set_string(&ouro_exc_RecursionError,
                                "maximum recursion depth exceeded during compilation");
        p->error = 1;
        return -1;
    }
    return 0;
}

void *ou_p_error_at(OuParser *p, OuroType *type, const OuLoc *loc, const char *fmt, ...)
{
    if (p->error)
        return NULL;
    p->error = 1;
    char msg[512];
    int n = 0;
    if (p->fstring)
        n = snprintf(msg, sizeof msg, "f-string: ");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    size_t start = 0, len = 0;
    const char *line = NULL;
    OuLoc l = *loc;
    if (p->fstring) {
        /* CPython 3.11 reports errors inside an f-string expression at positions in
         * the parenthesized expression text, not in the file. */
        if (l.lineno == p->line_off + 1)
            l.col_offset -= p->col_off;
        if (l.end_lineno == p->line_off + 1)
            l.end_col_offset -= p->col_off;
        l.lineno -= p->line_off;
        l.end_lineno -= p->line_off;
    }
    if (ou_source_line(p->src, p->len, l.lineno, &start, &len) == 0) {
        line = p->src + start;
        /* CPython's text of an error spanning lines has no newline. */
        if (l.end_lineno != l.lineno && len > 0 && line[len - 1] == '\n')
            len--;
    }
    ou_syntax_error_set(type, p->filename, l.lineno, l.col_offset, l.end_lineno,
                        l.end_col_offset, line, len, msg);
    return NULL;
}

/* After a plain "invalid syntax": CPython reads the rest of the file and reports a
 * tokenizer error found there instead (an unclosed bracket, a bad string, ...). */
static void check_rest_of_source(OuParser *p, int err_line, bool lookahead)
{
    if (p->lex_failed || p->fstring)
        return;
    OuroObject *generic = ouro_err_fetch();
    OuToken t;
    p->lx.unclosed_text_nonl = 1;   /* CPython's text for it has no newline here */
    while (!p->lx.done) {
        if (ou_lexer_next(&p->lx, &t) < 0) {
            /* An unclosed bracket wins only when it opened on an earlier line than the
             * error, or when CPython's parser would have read up to the end looking
             * for the rest of the expression. */
            if (p->lx.unclosed && !lookahead &&
                p->lx.parenline[p->lx.level - 1] >= err_line) {
                OuroObject *exc = ouro_err_fetch();
                OURO_XDECREF(exc);
                p->lx.incomplete = 0;
                break;
            }
            OURO_XDECREF(generic);   /* the tokenizer error replaces the generic one */
            return;
        }
    }
    ouro_err_restore(generic);
}

void *ou_p_syntax_error(OuParser *p)
{
    if (p->error)
        return NULL;
    OuToken cur = *ou_p_cur(p);   /* copies: peeking further may move the buffer */
    const OuToken *t = &cur;
    if (p->error)
        return NULL;
    OuLoc loc = ou_p_tokloc(t);
    if (t->kind == OU_TOK_INDENT) {
        p->error = 1;
        size_t start = 0, len = 0;
        const char *line = NULL;
        if (ou_source_line(p->src, p->len, t->lineno, &start, &len) == 0)
            line = p->src + start;
        /* CPython's offset is the width of the indentation, its end -1. */
        ou_syntax_error_set(&ouro_exc_IndentationError, p->filename, t->lineno, t->col - 1,
                            t->lineno, -2, line, len, "unexpected indent");
        return NULL;
    }
    if (t->kind == OU_TOK_DEDENT) {
        ou_p_error_at(p, &ouro_exc_IndentationError, &loc, "unexpected unindent");
        return NULL;
    }
    OuToken prevtok = p->pos > 0 ? p->toks[p->pos - 1] : cur;
    const OuToken *prev = p->pos > 0 ? &prevtok : NULL;
    bool starts_expr = (t->kind == OU_TOK_NAME && (t->kw == 0 || t->kw == OU_KW_NONE ||
                        t->kw == OU_KW_TRUE || t->kw == OU_KW_FALSE || t->kw == OU_KW_LAMBDA ||
                        t->kw == OU_KW_NOT)) ||
                       t->kind == OU_TOK_NUMBER || t->kind == OU_TOK_STRING ||
                       t->kind == OU_TOK_LPAR || t->kind == OU_TOK_LSQB ||
                       t->kind == OU_TOK_LBRACE || t->kind == OU_TOK_TILDE;
    bool prev_ends_expr = prev && ((prev->kind == OU_TOK_NAME && (prev->kw == 0 ||
                        prev->kw == OU_KW_NONE || prev->kw == OU_KW_TRUE || prev->kw == OU_KW_FALSE)) ||
                        prev->kind == OU_TOK_NUMBER || prev->kind == OU_TOK_STRING ||
                        prev->kind == OU_TOK_RPAR || prev->kind == OU_TOK_RSQB ||
                        prev->kind == OU_TOK_RBRACE);
    bool comma_hint = starts_expr && prev_ends_expr && t->level > 0 && !p->no_comma_hint &&
        !(prev->kind == OU_TOK_NAME && t->kind == OU_TOK_STRING);
    int err_line = t->lineno;
    bool lookahead = comma_hint && ou_p_peek(p, 1)->kind == OU_TOK_ERRORTOKEN && p->lex_failed;
    if (lookahead) {
        /* CPython read past the second expression and met the lexer's error. */
        p->error = 1;
        return NULL;
    }
    if (comma_hint) {
        /* Two expressions side by side inside brackets. */
        OuLoc r = loc;
        int i = p->pos - 1;
        while (i > 0 && p->toks[i - 1].kind != OU_TOK_COMMA && p->toks[i - 1].kind != OU_TOK_LPAR &&
               p->toks[i - 1].kind != OU_TOK_LSQB && p->toks[i - 1].kind != OU_TOK_LBRACE &&
               p->toks[i - 1].kind != OU_TOK_COLON && p->toks[i - 1].kind != OU_TOK_EQUAL &&
               p->toks[i - 1].level >= t->level && !(p->toks[i - 1].kind == OU_TOK_NAME && p->toks[i - 1].kw))
            i--;
        r.lineno = p->toks[i].lineno;
        r.col_offset = p->toks[i].col;
        ou_p_error_at(p, &ouro_exc_SyntaxError, &r, "invalid syntax. Perhaps you forgot a comma?");
    } else {
        ou_p_error_at(p, &ouro_exc_SyntaxError, &loc, "invalid syntax");
    }
    p->generic_error = 1;
    check_rest_of_source(p, err_line, false);
    return NULL;
}

/* --------------------------------------------------------------------- entry -- */

static OuMod *parse_mod(OuParser *p)
{
    OuMod *m = ou_ast_alloc(p->arena, sizeof *m);
    if (!m)
        return NULL;
    OuVec body = { 0 };
    switch (p->mode) {
    case OU_PARSE_FILE:
        m->kind = OU_MODULE_KIND;
        if (ou_p_statements_until(p, &body, OU_TOK_ENDMARKER) < 0)
            return NULL;
        break;
    case OU_PARSE_SINGLE:
        m->kind = OU_INTERACTIVE_KIND;
        if (ou_p_accept(p, OU_TOK_NEWLINE) || ou_p_at(p, OU_TOK_ENDMARKER))
            break;
        if (ou_p_statement(p, &body) < 0)
            return NULL;
        while (ou_p_accept(p, OU_TOK_NEWLINE))
            ;
        if (!ou_p_at(p, OU_TOK_ENDMARKER)) {
            /* At the end of the first statement's line, as CPython. */
            OuLoc loc = ou_p_tokloc(&p->toks[p->pos - 1]);
            return ou_p_error_at(p, &ouro_exc_SyntaxError, &loc,
                                 "multiple statements found while compiling a single statement");
        }
        break;
    case OU_PARSE_EVAL:
        m->kind = OU_EXPRESSION_KIND;
        while (ou_p_accept(p, OU_TOK_NEWLINE))
            ;
        if (!(m->expr = ou_p_star_expressions(p)))
            return NULL;
        while (ou_p_accept(p, OU_TOK_NEWLINE))
            ;
        if (!ou_p_at(p, OU_TOK_ENDMARKER))
            return ou_p_syntax_error(p);
        break;
    }
    m->body = ou_p_stmtseq(&body);
    return m;
}

OuMod *ou_parse(OuAstArena *a, const char *src, size_t len, const char *filename,
                OuParseMode mode, int *incomplete)
{
    if (incomplete)
        *incomplete = 0;
    OuParser *p = ou_mem_alloc(sizeof *p);
    if (!p) {
        ouro_err_no_memory();
        return NULL;
    }
    memset(p, 0, sizeof *p);
    p->arena = a;
    p->filename = filename;
    p->mode = mode;
    OuMod *m = NULL;
    if (memchr(src, '\r', len)) {
        /* Universal newlines, as CPython's tokenizer: \r\n and \r become \n. */
        char *copy = ou_ast_alloc(a, len + 1);
        if (!copy)
            goto done;
        size_t n = 0;
        for (size_t i = 0; i < len; i++) {
            if (src[i] == '\r') {
                copy[n++] = '\n';
                if (i + 1 < len && src[i + 1] == '\n')
                    i++;
            } else {
                copy[n++] = src[i];
            }
        }
        src = copy;
        len = n;
    }
    if (ou_lexer_init(&p->lx, src, len, filename) < 0)
        goto done;
    p->src = p->lx.src;
    p->len = p->lx.len;
    m = parse_mod(p);
    if (!m && !ouro_err_occurred())
        ouro_err_set_string(&ouro_exc_SystemError, "parser failed without an exception");
    if (!m && incomplete && p->lx.incomplete)
        *incomplete = 1;
done:
    if (!m && incomplete && p->lx.incomplete)
        *incomplete = 1;
    ou_mem_free(p->toks);
    ou_mem_free(p);
    return m;
}

OuExpr *ou_p_fstring_expr(OuParser *parent, const char *s, size_t n, int lineno, int col)
{
    /* As CPython 3.11: the expression is parsed in parentheses, "(" text ")", so that
     * it may span lines and a bare tuple gets the parentheses' positions. */
    char *text = ou_ast_alloc(parent->arena, n + 4);
    OuParser *p = text ? ou_mem_alloc(sizeof *p) : NULL;
    if (!p) {
        parent->error = 1;
        ouro_err_no_memory();
        return NULL;
    }
    text[0] = '(';
    memcpy(text + 1, s, n);
    text[n + 1] = ')';
    text[n + 2] = '\n';   /* CPython's errors show this text, newline included */
    memset(p, 0, sizeof *p);
    p->arena = parent->arena;
    p->filename = parent->filename;
    p->mode = OU_PARSE_EVAL;
    p->fstring = parent->fstring + 1;
    p->depth = parent->depth;
    p->line_off = lineno - 1;
    p->col_off = col - 1;
    p->lx.src = text;   /* already known to be valid UTF-8 without NULs */
    p->lx.len = n + 3;
    p->lx.lineno = 1;
    p->lx.filename = parent->filename;
    p->src = text;
    p->len = n + 3;
    OuExpr *e = ou_p_star_expressions(p);
    if (e && !ou_p_at(p, OU_TOK_NEWLINE) && !ou_p_at(p, OU_TOK_ENDMARKER)) {
        e = NULL;
        ou_p_syntax_error(p);
    }
    if (!e)
        parent->error = 1;
    ou_mem_free(p->toks);
    ou_mem_free(p);
    return e;
}

/* ------------------------------------------------------------ compiler errors -- */

/* Line lineno of file path (with its newline), in a malloc'ed buffer; NULL if the
 * file or the line cannot be read. */
static char *read_file_line(const char *path, int lineno, size_t *n)
{
    if (!path || path[0] == '<')
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len = -1;
    for (int l = 1; l <= lineno; l++)
        if ((len = getline(&line, &cap, f)) < 0)
            break;
    fclose(f);
    if (len < 0) {
        free(line);
        return NULL;
    }
    *n = (size_t)len;
    return line;
}

OuroObject *ou_syntax_error_at(OuroType *type, OuroObject *filename, const OuLoc *loc,
                               const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *fn = filename && ouro_str_check(filename) ? ouro_str_utf8(filename) : NULL;
    size_t n = 0;
    char *line = read_file_line(fn, loc->lineno, &n);
    ou_syntax_error_set(type ? type : &ouro_exc_SyntaxError, fn, loc->lineno, loc->col_offset,
                        loc->end_lineno, loc->end_col_offset, line, n, msg);
    free(line);
    return NULL;
}
