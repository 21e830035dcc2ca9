/* src/lang/parser_stmt.c — statements: simple statements (assignments and their target
 * checks, del, import, global, ...), blocks with their IndentationErrors, and the
 * compound statements (if, while, for, try, with, def, class, decorators). */
#include "parser.h"
#include "objects/objects.h"
#include <string.h>

static OuLoc here(OuParser *p)
{
    return ou_p_tokloc(ou_p_cur(p));
}

static OuStmt *finish(OuParser *p, OuStmtKind kind, OuLoc loc)
{
    ou_p_end(p, &loc);
    return ou_p_stmt(p, kind, &loc);
}

static bool at_expr_start(OuParser *p)
{
    const OuToken *t = ou_p_cur(p);
    switch (t->kind) {
    case OU_TOK_NAME:
        return t->kw == 0 || t->kw == OU_KW_NONE || t->kw == OU_KW_TRUE ||
               t->kw == OU_KW_FALSE || t->kw == OU_KW_NOT || t->kw == OU_KW_LAMBDA ||
               t->kw == OU_KW_AWAIT || t->kw == OU_KW_YIELD;
    case OU_TOK_NUMBER: case OU_TOK_STRING: case OU_TOK_LPAR: case OU_TOK_LSQB:
    case OU_TOK_LBRACE: case OU_TOK_MINUS: case OU_TOK_PLUS: case OU_TOK_TILDE:
    case OU_TOK_STAR: case OU_TOK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static int expect_colon(OuParser *p)
{
    if (ou_p_accept(p, OU_TOK_COLON))
        return 0;
    if (ou_p_at(p, OU_TOK_NEWLINE)) {
        OuLoc l = here(p);
        l.end_lineno = l.lineno;
        l.end_col_offset = l.col_offset;
        ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "expected ':'");
    } else {
        ou_p_syntax_error(p);
    }
    return -1;
}

/* NAME as an identifier (not a keyword). NULL with an error. */
static OuroObject *expect_name(OuParser *p, OuToken *out)
{
    if (!ou_p_at(p, OU_TOK_NAME))
        return ou_p_syntax_error(p);
    OuToken t = ou_p_next(p);
    if (out)
        *out = t;
    return ou_p_name(p, &t);
}

/* ------------------------------------------------------------------- blocks -- */

/* 1 if only DEDENTs are left before the end of the input (a block header at the end of
 * an indented block: the REPL should ask for more, and CPython reports the header). */
static bool at_end(OuParser *p)
{
    int k = 0;
    while (ou_p_peek(p, k)->kind == OU_TOK_DEDENT)
        k++;
    return ou_p_peek(p, k)->kind == OU_TOK_ENDMARKER;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts. what/line name the header
 * for "expected an indented block after 'if' statement on line 3". */
static int block(OuParser *p, OuStmtSeq *out, const char *what, int line)
{
    OuVec body = { 0 };
    if (ou_p_accept(p, OU_TOK_NEWLINE)) {
        if (!ou_p_accept(p, OU_TOK_INDENT)) {
            if (p->error)
                return -1;
            OuLoc l = here(p);
            if (at_end(p)) {
                const OuToken *nl = &p->toks[p->pos - 1];
                l = ou_p_tokloc(nl);
                l.end_col_offset = -2;
                p->lx.incomplete = 1;
            }
            else if (ou_p_at(p, OU_TOK_DEDENT)) {
                l.col_offset = -1;      /* CPython's offset 0, end -1 at a dedent */
                l.end_col_offset = -2;
            }
            ou_p_error_at(p, &ouro_exc_IndentationError,
                          &l, "expected an indented block after %s on line %d", what, line);
            return -1;
        }
        if (ou_p_statements_until(p, &body, OU_TOK_DEDENT) < 0)
            return -1;
        ou_p_next(p);
    } else {
        if (ou_p_at(p, OU_TOK_ENDMARKER))
            p->lx.incomplete = 1;
        if (ou_p_statement(p, &body) < 0)
            return -1;
    }
    *out = ou_p_stmtseq(&body);
    return 0;
}

/* End of a compound statement: the end of its last body statement. */
static void end_at_last(OuStmt *s, const OuStmtSeq *seq)
{
    if (seq->n) {
        s->loc.end_lineno = seq->items[seq->n - 1]->loc.end_lineno;
        s->loc.end_col_offset = seq->items[seq->n - 1]->loc.end_col_offset;
    }
}

int ou_p_expect_colon(OuParser *p)
{
    return expect_colon(p);
}

int ou_p_block(OuParser *p, OuStmtSeq *out, const char *what, int line)
{
    return block(p, out, what, line);
}

/* ------------------------------------------------------------ simple statements -- */

static int augassign_op(int kind)
{
    switch (kind) {
    case OU_TOK_PLUSEQUAL: return OU_ADD;
    case OU_TOK_MINEQUAL: return OU_SUB;
    case OU_TOK_STAREQUAL: return OU_MULT;
    case OU_TOK_ATEQUAL: return OU_MATMULT;
    case OU_TOK_SLASHEQUAL: return OU_DIV;
    case OU_TOK_PERCENTEQUAL: return OU_MOD;
    case OU_TOK_AMPEREQUAL: return OU_BITAND;
    case OU_TOK_VBAREQUAL: return OU_BITOR;
    case OU_TOK_CIRCUMFLEXEQUAL: return OU_BITXOR;
    case OU_TOK_LEFTSHIFTEQUAL: return OU_LSHIFT;
    case OU_TOK_RIGHTSHIFTEQUAL: return OU_RSHIFT;
    case OU_TOK_DOUBLESTAREQUAL: return OU_POW;
    case OU_TOK_DOUBLESLASHEQUAL: return OU_FLOORDIV;
    default: return 0;
    }
}

static OuExpr *rhs(OuParser *p)
{
    return ou_p_at_kw(p, OU_KW_YIELD) ? ou_p_yield_expr(p) : ou_p_star_expressions(p);
}

/* Could the expression come out of bitwise_or (CPython's rule for "Maybe you meant
 * '=='")? Displays that are valid targets are excluded, as are True/False/None. */
static bool bitwise_level(const OuExpr *e)
{
    switch (e->kind) {
    case OU_BOOLOP_KIND: case OU_COMPARE_KIND: case OU_IFEXP_KIND: case OU_LAMBDA_KIND:
    case OU_STARRED_KIND: case OU_NAMEDEXPR_KIND: case OU_TUPLE_KIND: case OU_LIST_KIND:
    case OU_GENERATOREXP_KIND: case OU_YIELD_KIND: case OU_YIELDFROM_KIND:
        return false;
    case OU_UNARYOP_KIND:
        return e->v.unaryop.op != OU_NOT;
    case OU_CONSTANT_KIND:
        return e->v.constant.value != OURO_NONE && e->v.constant.value != OURO_TRUE &&
               e->v.constant.value != OURO_FALSE;
    default:
        return true;
    }
}

static int check_assign_target(OuParser *p, OuExpr *t, int index, OuExpr *next_value, bool more,
                               bool parenthesized)
{
    if ((t->kind == OU_YIELD_KIND || t->kind == OU_YIELDFROM_KIND) && !(index == 0 && parenthesized)) {
        ou_p_error_at(p, &ouro_exc_SyntaxError, &t->loc,
                      "assignment to yield expression not possible");
        return -1;
    }
    OuExpr *bad = ou_p_invalid_target(t, OU_STAR_TARGETS);
    bool atom = parenthesized && index == 0 && t->kind != OU_TUPLE_KIND;
    if (bad && index == 0 && (bitwise_level(t) || atom) && next_value && bitwise_level(next_value) &&
        next_value->kind != OU_TUPLE_KIND && !more) {
        ou_p_error_at(p, &ouro_exc_SyntaxError, &t->loc,
                      "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      ou_p_expr_name(t));
        return -1;
    }
    return ou_p_set_context(p, t, OU_STORE, OU_STAR_TARGETS);
}

static OuStmt *assignment(OuParser *p, OuExpr *first, OuLoc loc, bool parenthesized)
{
    OuVec targets = { 0 };
    OuExpr *value = first;
    while (ou_p_accept(p, OU_TOK_EQUAL)) {
        if (ou_vec_push(p, &targets, value) < 0 || !(value = rhs(p)))
            return NULL;
    }
    for (int i = 0; i < targets.n; i++) {
        OuExpr *next = i + 1 < targets.n ? targets.items[i + 1] : value;
        if (check_assign_target(p, targets.items[i], i, next, i + 1 < targets.n, parenthesized) < 0)
            return NULL;
    }
    OuStmt *s = finish(p, OU_ASSIGN_KIND, loc);
    if (s) {
        s->v.assign.targets = ou_p_exprseq(&targets);
        s->v.assign.value = value;
    }
    return s;
}

static OuStmt *annassign(OuParser *p, OuExpr *target, OuLoc loc, bool parenthesized)
{
    if (target->kind == OU_TUPLE_KIND || target->kind == OU_LIST_KIND)
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &target->loc,
                             "only single target (not %s) can be annotated",
                             target->kind == OU_TUPLE_KIND ? "tuple" : "list");
    if (target->kind != OU_NAME_KIND && target->kind != OU_ATTRIBUTE_KIND &&
        target->kind != OU_SUBSCRIPT_KIND)
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &target->loc,
                             "illegal target for annotation");
    ou_p_next(p);   /* ':' */
    OuExpr *ann = ou_p_expression(p);
    if (!ann)
        return NULL;
    OuExpr *value = NULL;
    if (ou_p_accept(p, OU_TOK_EQUAL) && !(value = rhs(p)))
        return NULL;
    if (ou_p_set_context(p, target, OU_STORE, OU_STAR_TARGETS) < 0)
        return NULL;
    OuStmt *s = finish(p, OU_ANNASSIGN_KIND, loc);
    if (s) {
        s->v.annassign.target = target;
        s->v.annassign.annotation = ann;
        s->v.annassign.value = value;
        s->v.annassign.simple = target->kind == OU_NAME_KIND && !parenthesized;
    }
    return s;
}

/* Expression statements, assignments of every kind. */
static OuStmt *expr_stmt(OuParser *p)
{
    OuLoc loc = here(p);
    bool parenthesized = ou_p_at(p, OU_TOK_LPAR);
    OuExpr *e = rhs(p);
    if (!e)
        return NULL;
    int kind = ou_p_cur(p)->kind;
    if (kind == OU_TOK_EQUAL)
        return assignment(p, e, loc, parenthesized);
    int op = augassign_op(kind);
    if (op) {
        if (e->kind != OU_NAME_KIND && e->kind != OU_ATTRIBUTE_KIND && e->kind != OU_SUBSCRIPT_KIND)
            return ou_p_error_at(p, &ouro_exc_SyntaxError, &e->loc,
                                 "'%s' is an illegal expression for augmented assignment",
                                 ou_p_expr_name(e));
        ou_p_next(p);
        OuExpr *v = rhs(p);
        if (!v || ou_p_set_context(p, e, OU_STORE, OU_STAR_TARGETS) < 0)
            return NULL;
        OuStmt *s = finish(p, OU_AUGASSIGN_KIND, loc);
        if (s) {
            s->v.augassign.target = e;
            s->v.augassign.op = op;
            s->v.augassign.value = v;
        }
        return s;
    }
    if (kind == OU_TOK_COLON)
        return annassign(p, e, loc, parenthesized);
    if (kind == OU_TOK_COLONEQUAL && e->kind != OU_NAME_KIND)
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &e->loc,
                             "cannot use assignment expressions with %s", ou_p_expr_name(e));
    if (e->kind == OU_NAME_KIND && at_expr_start(p) &&
        (ouro_str_equal_cstr(e->v.name.id, "print") || ouro_str_equal_cstr(e->v.name.id, "exec"))) {
        const char *name = ouro_str_utf8(e->v.name.id);
        OuExpr *arg = ou_p_star_expressions(p);
        if (!arg)
            return NULL;
        OuLoc l = { e->loc.lineno, e->loc.col_offset, arg->loc.end_lineno, arg->loc.end_col_offset };
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                             "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                             name, name);
    }
    OuStmt *s = finish(p, OU_EXPR_KIND, loc);
    if (s)
        s->v.expr.value = e;
    return s;
}

static OuStmt *del_stmt(OuParser *p, OuLoc loc)
{
    OuVec targets = { 0 };
    do {
        if (!at_expr_start(p))
            break;
        OuExpr *t;
        if (ou_p_at(p, OU_TOK_STAR)) {
            t = ou_p_star_named_expression(p);
        } else {
            t = ou_p_bitwise_or(p);
        }
        if (!t)
            return NULL;
        if (!ou_p_at(p, OU_TOK_COMMA) && !ou_p_at(p, OU_TOK_NEWLINE) && !ou_p_at(p, OU_TOK_SEMI) &&
            !ou_p_at(p, OU_TOK_ENDMARKER)) {
            /* del f() or x: an expression that is not a target at all */
            OuExpr *whole = t;
            (void)whole;
            return ou_p_syntax_error(p);
        }
        if (ou_p_set_context(p, t, OU_DEL, OU_DEL_TARGETS) < 0 || ou_vec_push(p, &targets, t) < 0)
            return NULL;
    } while (ou_p_accept(p, OU_TOK_COMMA));
    if (targets.n == 0)
        return ou_p_syntax_error(p);
    OuStmt *s = finish(p, OU_DELETE_KIND, loc);
    if (s)
        s->v.delete_.targets = ou_p_exprseq(&targets);
    return s;
}

/* dotted_name: NAME ('.' NAME)* as one interned str. */
static OuroObject *dotted_name(OuParser *p)
{
    OuToken first;
    OuroObject *name = expect_name(p, &first);
    if (!name || !ou_p_at(p, OU_TOK_DOT))
        return name;
    size_t start = first.start, end = first.start + first.len;
    OuStrBuf b;
    ou_strbuf_init(&b);
    ou_strbuf_append(&b, p->src + first.start, first.len);
    while (ou_p_accept(p, OU_TOK_DOT)) {
        OuToken t;
        if (!expect_name(p, &t)) {
            ou_strbuf_discard(&b);
            return NULL;
        }
        ou_strbuf_append_char(&b, '.');
        ou_strbuf_append(&b, p->src + t.start, t.len);
        end = t.start + t.len;
    }
    (void)start;
    (void)end;
    OuroObject *s = ou_strbuf_finish(&b);
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

static OuAlias *alias(OuParser *p, bool dotted)
{
    OuLoc loc = here(p);
    OuAlias *a = ou_ast_alloc(p->arena, sizeof *a);
    if (!a) {
        p->error = 1;
        return NULL;
    }
    if (!(a->name = dotted ? dotted_name(p) : expect_name(p, NULL)))
        return NULL;
    if (ou_p_accept_kw(p, OU_KW_AS) && !(a->asname = expect_name(p, NULL)))
        return NULL;
    ou_p_end(p, &loc);
    a->loc = loc;
    return a;
}

static OuStmt *import_stmt(OuParser *p, OuLoc loc)
{
    OuVec names = { 0 };
    do {
        OuAlias *a = alias(p, true);
        if (!a || ou_vec_push(p, &names, a) < 0)
            return NULL;
    } while (ou_p_accept(p, OU_TOK_COMMA));
    OuStmt *s = finish(p, OU_IMPORT_KIND, loc);
    if (s) {
        s->v.import.names.n = names.n;
        s->v.import.names.items = (OuAlias **)names.items;
    }
    return s;
}

static OuStmt *from_stmt(OuParser *p, OuLoc loc)
{
    int level = 0;
    for (;;) {
        if (ou_p_accept(p, OU_TOK_DOT))
            level++;
        else if (ou_p_accept(p, OU_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    OuroObject *module = NULL;
    if (!ou_p_at_kw(p, OU_KW_IMPORT) || level == 0) {
        if (!(module = dotted_name(p)))
            return NULL;
    }
    if (!ou_p_accept_kw(p, OU_KW_IMPORT))
        return ou_p_syntax_error(p);
    OuVec names = { 0 };
    if (ou_p_at(p, OU_TOK_STAR)) {
        OuLoc sl = here(p);
        ou_p_next(p);
        OuAlias *a = ou_ast_alloc(p->arena, sizeof *a);
        if (!a || !(a->name = ouro_str_intern_cstr("*"))) {
            p->error = 1;
            return NULL;
        }
        a->loc = sl;
        if (ou_vec_push(p, &names, a) < 0)
            return NULL;
    } else {
        bool paren = ou_p_accept(p, OU_TOK_LPAR);
        do {
            if (paren && ou_p_at(p, OU_TOK_RPAR) && names.n > 0)
                break;
            OuAlias *a = alias(p, false);
            if (!a || ou_vec_push(p, &names, a) < 0)
                return NULL;
            if (!paren && ou_p_at(p, OU_TOK_COMMA) &&
                (ou_p_peek(p, 1)->kind == OU_TOK_NEWLINE || ou_p_peek(p, 1)->kind == OU_TOK_SEMI)) {
                OuLoc l = ou_p_tokloc(ou_p_peek(p, 1));
                return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                                     "trailing comma not allowed without surrounding parentheses");
            }
        } while (ou_p_accept(p, OU_TOK_COMMA));
        if (paren && !ou_p_accept(p, OU_TOK_RPAR))
            return ou_p_syntax_error(p);
    }
    OuStmt *s = finish(p, OU_IMPORTFROM_KIND, loc);
    if (s) {
        s->v.importfrom.module = module;
        s->v.importfrom.names.n = names.n;
        s->v.importfrom.names.items = (OuAlias **)names.items;
        s->v.importfrom.level = level;
    }
    return s;
}

static OuStmt *global_stmt(OuParser *p, OuLoc loc, OuStmtKind kind)
{
    OuVec names = { 0 };
    do {
        OuroObject *n = expect_name(p, NULL);
        if (!n || ou_vec_push(p, &names, n) < 0)
            return NULL;
    } while (ou_p_accept(p, OU_TOK_COMMA));
    OuStmt *s = finish(p, kind, loc);
    if (s) {
        s->v.global.names.n = names.n;
        s->v.global.names.items = (OuroObject **)names.items;
    }
    return s;
}

static OuStmt *keyword_stmt(OuParser *p, int kw)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    OuStmt *s;
    switch (kw) {
    case OU_KW_PASS: return finish(p, OU_PASS_KIND, loc);
    case OU_KW_BREAK: return finish(p, OU_BREAK_KIND, loc);
    case OU_KW_CONTINUE: return finish(p, OU_CONTINUE_KIND, loc);
    case OU_KW_RETURN: {
        OuExpr *v = NULL;
        if (at_expr_start(p) && !(v = ou_p_star_expressions(p)))
            return NULL;
        if ((s = finish(p, OU_RETURN_KIND, loc)))
            s->v.return_.value = v;
        return s;
    }
    case OU_KW_RAISE: {
        OuExpr *exc = NULL, *cause = NULL;
        if (at_expr_start(p)) {
            if (!(exc = ou_p_expression(p)))
                return NULL;
            if (ou_p_accept_kw(p, OU_KW_FROM) && !(cause = ou_p_expression(p)))
                return NULL;
        }
        if ((s = finish(p, OU_RAISE_KIND, loc))) {
            s->v.raise.exc = exc;
            s->v.raise.cause = cause;
        }
        return s;
    }
    case OU_KW_ASSERT: {
        OuExpr *test = ou_p_expression(p), *msg = NULL;
        if (!test)
            return NULL;
        if (ou_p_accept(p, OU_TOK_COMMA) && !(msg = ou_p_expression(p)))
            return NULL;
        if ((s = finish(p, OU_ASSERT_KIND, loc))) {
            s->v.assert_.test = test;
            s->v.assert_.msg = msg;
        }
        return s;
    }
    case OU_KW_DEL: return del_stmt(p, loc);
    case OU_KW_IMPORT: return import_stmt(p, loc);
    case OU_KW_FROM: return from_stmt(p, loc);
    case OU_KW_GLOBAL: return global_stmt(p, loc, OU_GLOBAL_KIND);
    case OU_KW_NONLOCAL: return global_stmt(p, loc, OU_NONLOCAL_KIND);
    default:
        p->pos--;
        return ou_p_syntax_error(p);
    }
}

static OuStmt *simple_stmt(OuParser *p)
{
    const OuToken *t = ou_p_cur(p);
    if (t->kind == OU_TOK_NAME) {
        switch (t->kw) {
        case OU_KW_PASS: case OU_KW_BREAK: case OU_KW_CONTINUE: case OU_KW_RETURN:
        case OU_KW_RAISE: case OU_KW_ASSERT: case OU_KW_DEL: case OU_KW_IMPORT:
        case OU_KW_FROM: case OU_KW_GLOBAL: case OU_KW_NONLOCAL:
            return keyword_stmt(p, t->kw);
        default:
            break;
        }
    }
    return expr_stmt(p);
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int simple_stmts(OuParser *p, OuVec *out)
{
    for (;;) {
        OuStmt *s = simple_stmt(p);
        if (!s || ou_vec_push(p, out, s) < 0)
            return -1;
        if (!ou_p_accept(p, OU_TOK_SEMI))
            break;
        if (ou_p_at(p, OU_TOK_NEWLINE))
            break;
    }
    if (!ou_p_accept(p, OU_TOK_NEWLINE)) {
        ou_p_syntax_error(p);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------- compound statements -- */

static OuStmt *if_stmt(OuParser *p, const char *what)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    OuExpr *test = ou_p_named_expression(p);
    if (!test || expect_colon(p) < 0)
        return NULL;
    OuStmt *s = ou_p_stmt(p, OU_IF_KIND, &loc);
    if (!s || block(p, &s->v.if_.body, what, loc.lineno) < 0)
        return NULL;
    s->v.if_.test = test;
    end_at_last(s, &s->v.if_.body);
    if (ou_p_at_kw(p, OU_KW_ELIF)) {
        OuStmt *elif = if_stmt(p, "'elif' statement");
        OuVec v = { 0 };
        if (!elif || ou_vec_push(p, &v, elif) < 0)
            return NULL;
        s->v.if_.orelse = ou_p_stmtseq(&v);
        end_at_last(s, &s->v.if_.orelse);
    } else if (ou_p_at_kw(p, OU_KW_ELSE)) {
        int line = ou_p_cur(p)->lineno;
        ou_p_next(p);
        if (expect_colon(p) < 0 || block(p, &s->v.if_.orelse, "'else' statement", line) < 0)
            return NULL;
        end_at_last(s, &s->v.if_.orelse);
    }
    return s;
}

/* An optional `else: block` (while, for, try). */
static int else_block(OuParser *p, OuStmt *s, OuStmtSeq *orelse)
{
    if (!ou_p_at_kw(p, OU_KW_ELSE))
        return 0;
    int line = ou_p_cur(p)->lineno;
    ou_p_next(p);
    if (expect_colon(p) < 0 || block(p, orelse, "'else' statement", line) < 0)
        return -1;
    end_at_last(s, orelse);
    return 0;
}

static OuStmt *while_stmt(OuParser *p)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    OuExpr *test = ou_p_named_expression(p);
    if (!test || expect_colon(p) < 0)
        return NULL;
    OuStmt *s = ou_p_stmt(p, OU_WHILE_KIND, &loc);
    if (!s || block(p, &s->v.while_.body, "'while' statement", loc.lineno) < 0)
        return NULL;
    s->v.while_.test = test;
    end_at_last(s, &s->v.while_.body);
    return else_block(p, s, &s->v.while_.orelse) < 0 ? NULL : s;
}

static OuStmt *for_stmt(OuParser *p, OuLoc loc, bool is_async)
{
    ou_p_next(p);
    OuExpr *target = ou_p_star_targets(p, OU_FOR_TARGETS);
    if (!target)
        return NULL;
    if (!ou_p_accept_kw(p, OU_KW_IN))
        return ou_p_syntax_error(p);
    OuExpr *iter = ou_p_star_expressions(p);
    if (!iter || expect_colon(p) < 0)
        return NULL;
    OuStmt *s = ou_p_stmt(p, is_async ? OU_ASYNCFOR_KIND : OU_FOR_KIND, &loc);
    if (!s || block(p, &s->v.for_.body, "'for' statement", loc.lineno) < 0)
        return NULL;
    s->v.for_.target = target;
    s->v.for_.iter = iter;
    end_at_last(s, &s->v.for_.body);
    return else_block(p, s, &s->v.for_.orelse) < 0 ? NULL : s;
}

static OuExceptHandler *except_clause(OuParser *p)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    OuExceptHandler *h = ou_ast_alloc(p->arena, sizeof *h);
    if (!h) {
        p->error = 1;
        return NULL;
    }
    if (ou_p_at(p, OU_TOK_STAR)) {
        OuLoc l = here(p);
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "except* is not supported by ouro");
    }
    if (!ou_p_at(p, OU_TOK_COLON)) {
        if (!(h->type = ou_p_expression(p)))
            return NULL;
        if (ou_p_at(p, OU_TOK_COMMA)) {
            OuExpr *first = h->type;
            while (ou_p_accept(p, OU_TOK_COMMA))
                if (!ou_p_expression(p))
                    return NULL;
            OuLoc l = first->loc;
            ou_p_end(p, &l);
            return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                                 "multiple exception types must be parenthesized");
        }
        if (ou_p_accept_kw(p, OU_KW_AS) && !(h->name = expect_name(p, NULL)))
            return NULL;
    }
    if (expect_colon(p) < 0 || block(p, &h->body, "'except' statement", loc.lineno) < 0)
        return NULL;
    h->loc = loc;
    if (h->body.n) {
        h->loc.end_lineno = h->body.items[h->body.n - 1]->loc.end_lineno;
        h->loc.end_col_offset = h->body.items[h->body.n - 1]->loc.end_col_offset;
    }
    return h;
}

static OuStmt *try_stmt(OuParser *p)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    if (expect_colon(p) < 0)
        return NULL;
    OuStmt *s = ou_p_stmt(p, OU_TRY_KIND, &loc);
    if (!s || block(p, &s->v.try_.body, "'try' statement", loc.lineno) < 0)
        return NULL;
    end_at_last(s, &s->v.try_.body);
    OuVec handlers = { 0 };
    while (ou_p_at_kw(p, OU_KW_EXCEPT)) {
        OuExceptHandler *h = except_clause(p);
        if (!h || ou_vec_push(p, &handlers, h) < 0)
            return NULL;
        s->loc.end_lineno = h->loc.end_lineno;
        s->loc.end_col_offset = h->loc.end_col_offset;
    }
    s->v.try_.handlers.n = handlers.n;
    s->v.try_.handlers.items = (OuExceptHandler **)handlers.items;
    if (handlers.n && else_block(p, s, &s->v.try_.orelse) < 0)
        return NULL;
    if (ou_p_at_kw(p, OU_KW_FINALLY)) {
        int line = ou_p_cur(p)->lineno;
        ou_p_next(p);
        if (expect_colon(p) < 0 || block(p, &s->v.try_.finalbody, "'finally' statement", line) < 0)
            return NULL;
        end_at_last(s, &s->v.try_.finalbody);
    } else if (handlers.n == 0) {
        if (p->error)
            return NULL;
        /* CPython points at the next statement, or at the end of the try block's
         * last line when there is none. */
        OuLoc l = here(p);
        if (ou_p_at(p, OU_TOK_ENDMARKER))
            p->lx.incomplete = 1;   /* the REPL waits for the except clause */
        if (ou_p_at(p, OU_TOK_ENDMARKER) || ou_p_at(p, OU_TOK_DEDENT)) {
            int k = p->pos - 1;
            while (k > 0 && p->toks[k].kind != OU_TOK_NEWLINE)
                k--;
            l = ou_p_tokloc(&p->toks[k]);
            l.end_col_offset = -2;
        }
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "expected 'except' or 'finally' block");
    }
    return s;
}

static OuWithItem *with_item(OuParser *p, int close)
{
    OuWithItem *w = ou_ast_alloc(p->arena, sizeof *w);
    if (!w) {
        p->error = 1;
        return NULL;
    }
    if (!(w->context_expr = ou_p_expression(p)))
        return NULL;
    if (ou_p_accept_kw(p, OU_KW_AS)) {
        OuExpr *t = ou_p_at(p, OU_TOK_STAR) ? ou_p_star_named_expression(p) : ou_p_bitwise_or(p);
        if (!t)
            return NULL;
        if (!ou_p_at(p, OU_TOK_COMMA) && !ou_p_at(p, close) && !ou_p_at(p, OU_TOK_COLON))
            return ou_p_syntax_error(p);
        if (ou_p_set_context(p, t, OU_STORE, OU_STAR_TARGETS) < 0)
            return NULL;
        w->optional_vars = t;
    }
    return w;
}

/* `with (a as b, c):` — the parenthesized form of 3.9+: '(' ... ')' directly followed
 * by ':'. Scans ahead without parsing. */
static bool parenthesized_items(OuParser *p)
{
    if (!ou_p_at(p, OU_TOK_LPAR))
        return false;
    int depth = 0;
    for (int k = 0;; k++) {
        const OuToken *t = ou_p_peek(p, k);
        if (p->error || t->kind == OU_TOK_ENDMARKER || t->kind == OU_TOK_NEWLINE)
            return false;
        if (t->kind == OU_TOK_LPAR || t->kind == OU_TOK_LSQB || t->kind == OU_TOK_LBRACE)
            depth++;
        else if (t->kind == OU_TOK_RPAR || t->kind == OU_TOK_RSQB || t->kind == OU_TOK_RBRACE)
            if (--depth == 0)
                return ou_p_peek(p, k + 1)->kind == OU_TOK_COLON;
    }
}

static OuStmt *with_stmt(OuParser *p, OuLoc loc, bool is_async)
{
    ou_p_next(p);
    OuVec items = { 0 };
    bool paren = parenthesized_items(p);
    if (paren)
        ou_p_next(p);
    int close = paren ? OU_TOK_RPAR : OU_TOK_COLON;
    do {
        if (paren && ou_p_at(p, OU_TOK_RPAR) && items.n)
            break;
        OuWithItem *w = with_item(p, close);
        if (!w || ou_vec_push(p, &items, w) < 0)
            return NULL;
    } while (ou_p_accept(p, OU_TOK_COMMA));
    if (paren && !ou_p_accept(p, OU_TOK_RPAR))
        return ou_p_syntax_error(p);
    if (expect_colon(p) < 0)
        return NULL;
    OuStmt *s = ou_p_stmt(p, is_async ? OU_ASYNCWITH_KIND : OU_WITH_KIND, &loc);
    if (!s || block(p, &s->v.with.body, "'with' statement", loc.lineno) < 0)
        return NULL;
    s->v.with.items.n = items.n;
    s->v.with.items.items = (OuWithItem **)items.items;
    end_at_last(s, &s->v.with.body);
    return s;
}

static OuStmt *funcdef(OuParser *p, OuExprSeq decorators, OuLoc loc, bool is_async)
{
    ou_p_next(p);   /* def */
    OuroObject *name = expect_name(p, NULL);
    if (!name)
        return NULL;
    if (!ou_p_accept(p, OU_TOK_LPAR)) {
        if (p->error)
            return NULL;
        OuLoc l = here(p);
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "expected '('");
    }
    OuArguments *args = ou_p_parameters(p, 0);
    if (!args)
        return NULL;
    ou_p_next(p);   /* ')' */
    OuExpr *returns = NULL;
    if (ou_p_accept(p, OU_TOK_RARROW) && !(returns = ou_p_expression(p)))
        return NULL;
    if (expect_colon(p) < 0)
        return NULL;
    OuStmt *s = ou_p_stmt(p, is_async ? OU_ASYNCFUNCTIONDEF_KIND : OU_FUNCTIONDEF_KIND, &loc);
    if (!s || block(p, &s->v.functiondef.body, "function definition", loc.lineno) < 0)
        return NULL;
    s->v.functiondef.name = name;
    s->v.functiondef.args = args;
    s->v.functiondef.decorator_list = decorators;
    s->v.functiondef.returns = returns;
    end_at_last(s, &s->v.functiondef.body);
    return s;
}

static OuStmt *classdef(OuParser *p, OuExprSeq decorators)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    OuroObject *name = expect_name(p, NULL);
    if (!name)
        return NULL;
    OuStmt *s = ou_p_stmt(p, OU_CLASSDEF_KIND, &loc);
    if (!s)
        return NULL;
    if (ou_p_at(p, OU_TOK_LPAR)) {
        OuLoc open = here(p);
        ou_p_next(p);
        if (ou_p_call_args(p, &s->v.classdef.bases, &s->v.classdef.keywords, &open) < 0)
            return NULL;
    }
    if (expect_colon(p) < 0 || block(p, &s->v.classdef.body, "class definition", loc.lineno) < 0)
        return NULL;
    s->v.classdef.name = name;
    s->v.classdef.decorator_list = decorators;
    end_at_last(s, &s->v.classdef.body);
    return s;
}

static OuStmt *decorated(OuParser *p)
{
    OuVec decs = { 0 };
    while (ou_p_accept(p, OU_TOK_AT)) {
        OuExpr *d = ou_p_named_expression(p);
        if (!d || ou_vec_push(p, &decs, d) < 0)
            return NULL;
        if (!ou_p_accept(p, OU_TOK_NEWLINE))
            return ou_p_syntax_error(p);
    }
    OuExprSeq seq = ou_p_exprseq(&decs);
    if (ou_p_at(p, OU_TOK_ENDMARKER))
        p->lx.incomplete = 1;   /* the REPL waits for the definition */
    if (ou_p_at_kw(p, OU_KW_DEF))
        return funcdef(p, seq, here(p), false);
    if (ou_p_at_kw(p, OU_KW_CLASS))
        return classdef(p, seq);
    if (ou_p_at_kw(p, OU_KW_ASYNC) && ou_p_peek(p, 1)->kw == OU_KW_DEF) {
        OuLoc loc = here(p);
        ou_p_next(p);
        return funcdef(p, seq, loc, true);
    }
    return ou_p_syntax_error(p);
}

static OuStmt *async_stmt(OuParser *p)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    OuExprSeq none = { 0, NULL };
    switch (ou_p_cur(p)->kw) {
    case OU_KW_DEF: return funcdef(p, none, loc, true);
    case OU_KW_FOR: return for_stmt(p, loc, true);
    case OU_KW_WITH: return with_stmt(p, loc, true);
    default: return ou_p_syntax_error(p);
    }
}

/* A compound statement at the current token, or NULL without an error if there is
 * none (*none set). */
static OuStmt *compound_stmt(OuParser *p, bool *none)
{
    const OuToken *t = ou_p_cur(p);
    *none = false;
    if (t->kind == OU_TOK_AT)
        return decorated(p);
    if (t->kind != OU_TOK_NAME) {
        *none = true;
        return NULL;
    }
    OuExprSeq nodecs = { 0, NULL };
    switch (t->kw) {
    case OU_KW_IF: return if_stmt(p, "'if' statement");
    case OU_KW_WHILE: return while_stmt(p);
    case OU_KW_FOR: return for_stmt(p, here(p), false);
    case OU_KW_TRY: return try_stmt(p);
    case OU_KW_WITH: return with_stmt(p, here(p), false);
    case OU_KW_DEF: return funcdef(p, nodecs, here(p), false);
    case OU_KW_CLASS: return classdef(p, nodecs);
    case OU_KW_ASYNC: return async_stmt(p);
    case 0:
        if (ou_p_at_match_stmt(p))
            return ou_p_match_stmt(p);
        *none = !p->error;
        return NULL;
    default:
        *none = true;
        return NULL;
    }
}

int ou_p_statement(OuParser *p, OuVec *out)
{
    if (ou_p_enter(p) < 0)
        return -1;
    bool none;
    OuStmt *s = compound_stmt(p, &none);
    int r;
    if (!none)
        r = s && ou_vec_push(p, out, s) == 0 ? 0 : -1;
    else
        r = simple_stmts(p, out);
    ou_p_leave(p);
    return r;
}

int ou_p_statements_until(OuParser *p, OuVec *out, int end_kind)
{
    while (!ou_p_at(p, end_kind)) {
        if (p->error)
            return -1;
        if (end_kind == OU_TOK_DEDENT && ou_p_at(p, OU_TOK_ENDMARKER)) {
            ou_p_syntax_error(p);
            return -1;
        }
        if (ou_p_statement(p, out) < 0)
            return -1;
    }
    return 0;
}
