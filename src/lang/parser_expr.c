/* src/lang/parser_expr.c — expressions by recursive descent with Python 3.11's
 * precedence (lambda/ternary, or, and, not, comparisons, | ^ & << >> + - * / // % @,
 * unary, **, await, primaries, atoms), displays and comprehensions, call arguments,
 * subscripts and slices, parameters, and the validation of assignment targets. */
#include "parser.h"
#include "objects/objects.h"
#include <string.h>

static OuExpr *primary(OuParser *p);
static OuExpr *factor(OuParser *p);
static OuExpr *named_expr(OuParser *p, bool check_assign);

static OuLoc start_of(const OuToken *t)
{
    OuLoc l = { t->lineno, t->col, t->end_lineno, t->end_col };
    return l;
}

static OuLoc span(const OuExpr *a, const OuExpr *b)
{
    OuLoc l = { a->loc.lineno, a->loc.col_offset, b->loc.end_lineno, b->loc.end_col_offset };
    return l;
}

/* A token that can begin an expression (for the optional parts of the grammar). */
static bool starts_expression(const OuToken *t)
{
    switch (t->kind) {
    case OU_TOK_NAME:
        return t->kw == 0 || t->kw == OU_KW_NONE || t->kw == OU_KW_TRUE ||
               t->kw == OU_KW_FALSE || t->kw == OU_KW_NOT || t->kw == OU_KW_LAMBDA ||
               t->kw == OU_KW_AWAIT;
    case OU_TOK_NUMBER: case OU_TOK_STRING: case OU_TOK_LPAR: case OU_TOK_LSQB:
    case OU_TOK_LBRACE: case OU_TOK_MINUS: case OU_TOK_PLUS: case OU_TOK_TILDE:
    case OU_TOK_STAR: case OU_TOK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static bool at_for(OuParser *p)
{
    return ou_p_at_kw(p, OU_KW_FOR) ||
           (ou_p_at_kw(p, OU_KW_ASYNC) && ou_p_peek(p, 1)->kw == OU_KW_FOR);
}

/* ------------------------------------------------------------ target checks -- */

const char *ou_p_expr_name(const OuExpr *e)
{
    switch (e->kind) {
    case OU_ATTRIBUTE_KIND: return "attribute";
    case OU_SUBSCRIPT_KIND: return "subscript";
    case OU_STARRED_KIND: return "starred";
    case OU_NAME_KIND: return "name";
    case OU_LIST_KIND: return "list";
    case OU_TUPLE_KIND: return "tuple";
    case OU_LAMBDA_KIND: return "lambda";
    case OU_CALL_KIND: return "function call";
    case OU_BOOLOP_KIND: case OU_BINOP_KIND: case OU_UNARYOP_KIND: return "expression";
    case OU_GENERATOREXP_KIND: return "generator expression";
    case OU_YIELD_KIND: case OU_YIELDFROM_KIND: return "yield expression";
    case OU_AWAIT_KIND: return "await expression";
    case OU_LISTCOMP_KIND: return "list comprehension";
    case OU_SETCOMP_KIND: return "set comprehension";
    case OU_DICTCOMP_KIND: return "dict comprehension";
    case OU_DICT_KIND: return "dict literal";
    case OU_SET_KIND: return "set display";
    case OU_JOINEDSTR_KIND: case OU_FORMATTEDVALUE_KIND: return "f-string expression";
    case OU_CONSTANT_KIND: {
        OuroObject *v = e->v.constant.value;
        if (v == OURO_NONE) return "None";
        if (v == OURO_TRUE) return "True";
        if (v == OURO_FALSE) return "False";
        if (v == OURO_ELLIPSIS) return "ellipsis";
        return "literal";
    }
    case OU_COMPARE_KIND: return "comparison";
    case OU_IFEXP_KIND: return "conditional expression";
    case OU_NAMEDEXPR_KIND: return "named expression";
    default: return "expression";
    }
}

OuExpr *ou_p_invalid_target(OuExpr *e, int targets_type)
{
    switch (e->kind) {
    case OU_LIST_KIND:
    case OU_TUPLE_KIND:
        for (int i = 0; i < e->v.list.elts.n; i++) {
            OuExpr *bad = ou_p_invalid_target(e->v.list.elts.items[i], targets_type);
            if (bad)
                return bad;
        }
        return NULL;
    case OU_STARRED_KIND:
        if (targets_type == OU_DEL_TARGETS)
            return e;
        return ou_p_invalid_target(e->v.starred.value, targets_type);
    case OU_COMPARE_KIND:
        if (targets_type == OU_FOR_TARGETS) {
            if (e->v.compare.ops[0] == OU_IN)
                return ou_p_invalid_target(e->v.compare.left, targets_type);
            return NULL;
        }
        return e;
    case OU_NAME_KIND:
    case OU_SUBSCRIPT_KIND:
    case OU_ATTRIBUTE_KIND:
        return NULL;
    default:
        return e;
    }
}

static void set_ctx(OuExpr *e, OuExprContext ctx)
{
    switch (e->kind) {
    case OU_NAME_KIND: e->v.name.ctx = ctx; break;
    case OU_ATTRIBUTE_KIND: e->v.attribute.ctx = ctx; break;
    case OU_SUBSCRIPT_KIND: e->v.subscript.ctx = ctx; break;
    case OU_STARRED_KIND:
        e->v.starred.ctx = ctx;
        set_ctx(e->v.starred.value, ctx);
        break;
    case OU_LIST_KIND:
    case OU_TUPLE_KIND:
        e->v.list.ctx = ctx;
        for (int i = 0; i < e->v.list.elts.n; i++)
            set_ctx(e->v.list.elts.items[i], ctx);
        break;
    default:
        break;
    }
}

int ou_p_set_context(OuParser *p, OuExpr *e, OuExprContext ctx, int targets_type)
{
    OuExpr *bad = ou_p_invalid_target(e, targets_type);
    if (bad) {
        ou_p_error_at(p, &ouro_exc_SyntaxError, &bad->loc, "cannot %s %s",
                      targets_type == OU_DEL_TARGETS ? "delete" : "assign to",
                      ou_p_expr_name(bad));
        return -1;
    }
    set_ctx(e, ctx);
    return 0;
}

/* ------------------------------------------------------------ comprehensions -- */

/* for_if_clauses: one or more `for targets in disjunction (if disjunction)*`. */
static int for_if_clauses(OuParser *p, OuComprehensionSeq *out)
{
    OuVec gens = { 0 };
    while (at_for(p)) {
        OuComprehension *c = ou_ast_alloc(p->arena, sizeof *c);
        if (!c) {
            p->error = 1;
            return -1;
        }
        c->is_async = ou_p_accept_kw(p, OU_KW_ASYNC);
        ou_p_next(p);   /* for */
        if (!(c->target = ou_p_star_targets(p, OU_FOR_TARGETS)))
            return -1;
        if (!ou_p_accept_kw(p, OU_KW_IN)) {
            ou_p_syntax_error(p);
            return -1;
        }
        if (!(c->iter = ou_p_disjunction(p)))
            return -1;
        OuVec ifs = { 0 };
        while (ou_p_accept_kw(p, OU_KW_IF)) {
            OuExpr *cond = ou_p_disjunction(p);
            if (!cond || ou_vec_push(p, &ifs, cond) < 0)
                return -1;
        }
        c->ifs = ou_p_exprseq(&ifs);
        if (ou_vec_push(p, &gens, c) < 0)
            return -1;
    }
    out->n = gens.n;
    out->items = (OuComprehension **)gens.items;
    return 0;
}

/* A comprehension whose element (elt) was parsed; loc starts at the opening bracket. */
static OuExpr *comprehension(OuParser *p, OuExprKind kind, OuExpr *elt, OuLoc loc, int close)
{
    if (elt->kind == OU_STARRED_KIND)
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &elt->loc,
                             "iterable unpacking cannot be used in comprehension");
    OuComprehensionSeq gens;
    if (for_if_clauses(p, &gens) < 0)
        return NULL;
    if (!ou_p_accept(p, close))
        return ou_p_syntax_error(p);
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, kind, &loc);
    if (e) {
        e->v.comp.elt = elt;
        e->v.comp.generators = gens;
    }
    return e;
}

/* ------------------------------------------------------------------ displays -- */

/* The rest of a comma-separated list after its first item, up to (and including)
 * close. Items are star_named_expressions. */
static int rest_of_items(OuParser *p, OuVec *items, int close)
{
    while (ou_p_accept(p, OU_TOK_COMMA)) {
        if (ou_p_at(p, close))
            break;
        OuExpr *e = ou_p_star_named_expression(p);
        if (!e || ou_vec_push(p, items, e) < 0)
            return -1;
    }
    if (!ou_p_accept(p, close)) {
        ou_p_syntax_error(p);
        return -1;
    }
    return 0;
}

static OuExpr *seq_node(OuParser *p, OuExprKind kind, OuVec *items, OuLoc loc)
{
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, kind, &loc);
    if (e) {
        e->v.list.elts = ou_p_exprseq(items);
        e->v.list.ctx = OU_LOAD;
    }
    return e;
}

static OuExpr *paren_atom(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    ou_p_next(p);
    OuVec items = { 0 };
    if (ou_p_accept(p, OU_TOK_RPAR))
        return seq_node(p, OU_TUPLE_KIND, &items, loc);
    if (ou_p_at_kw(p, OU_KW_YIELD)) {
        OuExpr *y = ou_p_yield_expr(p);
        if (y && !ou_p_accept(p, OU_TOK_RPAR))
            return ou_p_syntax_error(p);
        return y;
    }
    OuExpr *first = ou_p_star_named_expression(p);
    if (!first)
        return NULL;
    if (at_for(p))
        return comprehension(p, OU_GENERATOREXP_KIND, first, loc, OU_TOK_RPAR);
    if (ou_p_at(p, OU_TOK_COMMA)) {
        if (ou_vec_push(p, &items, first) < 0 || rest_of_items(p, &items, OU_TOK_RPAR) < 0)
            return NULL;
        return seq_node(p, OU_TUPLE_KIND, &items, loc);
    }
    if (!ou_p_accept(p, OU_TOK_RPAR))
        return ou_p_syntax_error(p);
    if (first->kind == OU_STARRED_KIND)
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &first->loc,
                             "cannot use starred expression here");
    return first;
}

static OuExpr *list_atom(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    ou_p_next(p);
    OuVec items = { 0 };
    if (ou_p_accept(p, OU_TOK_RSQB))
        return seq_node(p, OU_LIST_KIND, &items, loc);
    OuExpr *first = ou_p_star_named_expression(p);
    if (!first)
        return NULL;
    if (at_for(p))
        return comprehension(p, OU_LISTCOMP_KIND, first, loc, OU_TOK_RSQB);
    if (ou_vec_push(p, &items, first) < 0 || rest_of_items(p, &items, OU_TOK_RSQB) < 0)
        return NULL;
    return seq_node(p, OU_LIST_KIND, &items, loc);
}

/* The value after `key:`. */
static OuExpr *dict_value(OuParser *p)
{
    if (ou_p_at(p, OU_TOK_RBRACE) || ou_p_at(p, OU_TOK_COMMA)) {
        OuLoc l = ou_p_tokloc(&p->toks[p->pos - 1]);
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                             "expression expected after dictionary key and ':'");
    }
    return ou_p_expression(p);
}

/* One `key: value` or `**mapping` of a dict display. 0 or -1. */
static int dict_item(OuParser *p, OuVec *keys, OuVec *values)
{
    if (ou_p_accept(p, OU_TOK_DOUBLESTAR)) {
        OuExpr *v = ou_p_bitwise_or(p);
        if (!v)
            return -1;
        return ou_vec_push(p, keys, NULL) < 0 || ou_vec_push(p, values, v) < 0 ? -1 : 0;
    }
    OuExpr *k = ou_p_expression(p);
    if (!k)
        return -1;
    if (!ou_p_accept(p, OU_TOK_COLON)) {
        if (ou_p_at(p, OU_TOK_COMMA) || ou_p_at(p, OU_TOK_RBRACE)) {
            OuLoc l = k->loc;
            l.end_col_offset = -1;
            ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "':' expected after dictionary key");
        } else {
            ou_p_syntax_error(p);
        }
        return -1;
    }
    OuExpr *v = dict_value(p);
    if (!v)
        return -1;
    return ou_vec_push(p, keys, k) < 0 || ou_vec_push(p, values, v) < 0 ? -1 : 0;
}

static OuExpr *dict_rest(OuParser *p, OuVec *keys, OuVec *values, OuLoc loc)
{
    while (ou_p_accept(p, OU_TOK_COMMA)) {
        if (ou_p_at(p, OU_TOK_RBRACE))
            break;
        if (dict_item(p, keys, values) < 0)
            return NULL;
    }
    if (!ou_p_accept(p, OU_TOK_RBRACE))
        return ou_p_syntax_error(p);
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, OU_DICT_KIND, &loc);
    if (e) {
        e->v.dict.keys = ou_p_exprseq(keys);
        e->v.dict.values = ou_p_exprseq(values);
    }
    return e;
}

static OuExpr *brace_atom(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    ou_p_next(p);
    OuVec keys = { 0 }, values = { 0 };
    if (ou_p_at(p, OU_TOK_RBRACE) || ou_p_at(p, OU_TOK_DOUBLESTAR)) {
        if (!ou_p_at(p, OU_TOK_RBRACE) && dict_item(p, &keys, &values) < 0)
            return NULL;
        if (ou_p_at(p, OU_TOK_RBRACE) && keys.n == 0) {
            ou_p_next(p);
            ou_p_end(p, &loc);
            return ou_p_expr(p, OU_DICT_KIND, &loc);
        }
        return dict_rest(p, &keys, &values, loc);
    }
    OuExpr *first = ou_p_star_named_expression(p);
    if (!first)
        return NULL;
    if (ou_p_accept(p, OU_TOK_COLON)) {
        OuExpr *v = dict_value(p);
        if (!v)
            return NULL;
        if (at_for(p)) {
            OuComprehensionSeq gens;
            if (for_if_clauses(p, &gens) < 0)
                return NULL;
            if (!ou_p_accept(p, OU_TOK_RBRACE))
                return ou_p_syntax_error(p);
            ou_p_end(p, &loc);
            OuExpr *e = ou_p_expr(p, OU_DICTCOMP_KIND, &loc);
            if (e) {
                e->v.dictcomp.key = first;
                e->v.dictcomp.value = v;
                e->v.dictcomp.generators = gens;
            }
            return e;
        }
        if (ou_vec_push(p, &keys, first) < 0 || ou_vec_push(p, &values, v) < 0)
            return NULL;
        return dict_rest(p, &keys, &values, loc);
    }
    if (at_for(p))
        return comprehension(p, OU_SETCOMP_KIND, first, loc, OU_TOK_RBRACE);
    OuVec items = { 0 };
    if (ou_vec_push(p, &items, first) < 0 || rest_of_items(p, &items, OU_TOK_RBRACE) < 0)
        return NULL;
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, OU_SET_KIND, &loc);
    if (e)
        e->v.set.elts = ou_p_exprseq(&items);
    return e;
}

static OuExpr *atom(OuParser *p)
{
    const OuToken *t = ou_p_cur(p);
    OuLoc loc = start_of(t);
    switch (t->kind) {
    case OU_TOK_NAME: {
        OuroObject *v = NULL;
        switch (t->kw) {
        case 0: {
            OuToken nt = ou_p_next(p);
            OuroObject *id = ou_p_name(p, &nt);
            OuExpr *e = id ? ou_p_expr(p, OU_NAME_KIND, &loc) : NULL;
            if (e) {
                e->v.name.id = id;
                e->v.name.ctx = OU_LOAD;
            }
            return e;
        }
        case OU_KW_NONE: v = OURO_NONE; break;
        case OU_KW_TRUE: v = OURO_TRUE; break;
        case OU_KW_FALSE: v = OURO_FALSE; break;
        default: return ou_p_syntax_error(p);
        }
        ou_p_next(p);
        return ou_p_constant(p, v, &loc);
    }
    case OU_TOK_NUMBER: {
        OuToken nt = ou_p_next(p);
        return ou_p_number(p, &nt);
    }
    case OU_TOK_STRING:
        return ou_p_strings(p);
    case OU_TOK_ELLIPSIS:
        ou_p_next(p);
        return ou_p_constant(p, OURO_ELLIPSIS, &loc);
    case OU_TOK_LPAR: {
        if (ou_p_enter(p) < 0)
            return NULL;
        OuExpr *e = paren_atom(p);
        ou_p_leave(p);
        return e;
    }
    case OU_TOK_LSQB: {
        if (ou_p_enter(p) < 0)
            return NULL;
        OuExpr *e = list_atom(p);
        ou_p_leave(p);
        return e;
    }
    case OU_TOK_LBRACE: {
        if (ou_p_enter(p) < 0)
            return NULL;
        OuExpr *e = brace_atom(p);
        ou_p_leave(p);
        return e;
    }
    default:
        return ou_p_syntax_error(p);
    }
}

/* ----------------------------------------------------------------- primaries -- */

static OuKeyword *new_keyword(OuParser *p, OuroObject *arg, OuExpr *value, OuLoc loc)
{
    OuKeyword *k = ou_ast_alloc(p->arena, sizeof *k);
    if (!k) {
        p->error = 1;
        return NULL;
    }
    k->arg = arg;
    k->value = value;
    k->loc = loc;
    return k;
}

/* One positional argument (maybe a generator expression, which must then be the only
 * argument: it spans the call's parentheses). */
static OuExpr *positional_arg(OuParser *p, int nargs_before, const OuLoc *call_start)
{
    OuExpr *e = named_expr(p, false);
    if (!e || !at_for(p))
        return e;
    if (e->kind == OU_STARRED_KIND)
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &e->loc,
                             "iterable unpacking cannot be used in comprehension");
    OuComprehensionSeq gens;
    if (for_if_clauses(p, &gens) < 0)
        return NULL;
    OuLoc l = e->loc;
    ou_p_end(p, &l);
    if (nargs_before > 0 || !ou_p_at(p, OU_TOK_RPAR))
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                             "Generator expression must be parenthesized");
    const OuToken *close = ou_p_cur(p);
    l.lineno = call_start->lineno;
    l.col_offset = call_start->col_offset;
    l.end_lineno = close->end_lineno;
    l.end_col_offset = close->end_col;
    OuExpr *g = ou_p_expr(p, OU_GENERATOREXP_KIND, &l);
    if (g) {
        g->v.comp.elt = e;
        g->v.comp.generators = gens;
    }
    return g;
}

int ou_p_call_args(OuParser *p, OuExprSeq *args_out, OuKeywordSeq *kws_out, const OuLoc *call_start)
{
    OuVec args = { 0 }, kws = { 0 };
    bool seen_kw = false, seen_kwunpack = false;
    while (!ou_p_at(p, OU_TOK_RPAR)) {
        OuLoc loc = start_of(ou_p_cur(p));
        if (ou_p_accept(p, OU_TOK_STAR)) {
            OuExpr *v = ou_p_expression(p);
            if (!v)
                return -1;
            ou_p_end(p, &loc);
            if (seen_kwunpack) {
                OuLoc l = loc;
                l.end_lineno = l.lineno;
                l.end_col_offset = l.col_offset + 1;
                ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                              "iterable argument unpacking follows keyword argument unpacking");
                return -1;
            }
            OuExpr *s = ou_p_expr(p, OU_STARRED_KIND, &loc);
            if (!s)
                return -1;
            s->v.starred.value = v;
            s->v.starred.ctx = OU_LOAD;
            if (ou_vec_push(p, &args, s) < 0)
                return -1;
        } else if (ou_p_accept(p, OU_TOK_DOUBLESTAR)) {
            OuExpr *v = ou_p_expression(p);
            if (!v)
                return -1;
            ou_p_end(p, &loc);
            OuKeyword *k = new_keyword(p, NULL, v, loc);
            if (!k || ou_vec_push(p, &kws, k) < 0)
                return -1;
            seen_kwunpack = true;
        } else if (ou_p_cur(p)->kind == OU_TOK_NAME && ou_p_peek(p, 1)->kind == OU_TOK_EQUAL) {
            OuToken nt = ou_p_next(p);
            if (nt.kw) {
                if (nt.kw == OU_KW_TRUE || nt.kw == OU_KW_FALSE || nt.kw == OU_KW_NONE) {
                    OuLoc l = ou_p_tokloc(&nt);
                    ou_p_next(p);   /* '=': the range ends there, as CPython's */
                    ou_p_end(p, &l);
                    ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "cannot assign to %.*s",
                                  (int)nt.len, p->src + nt.start);
                } else {
                    p->pos--;
                    ou_p_syntax_error(p);
                }
                return -1;
            }
            ou_p_next(p);
            OuroObject *name = ou_p_name(p, &nt);
            OuExpr *v = name ? ou_p_expression(p) : NULL;
            if (!v)
                return -1;
            ou_p_end(p, &loc);
            OuKeyword *k = new_keyword(p, name, v, loc);
            if (!k || ou_vec_push(p, &kws, k) < 0)
                return -1;
            seen_kw = true;
        } else {
            OuExpr *e = positional_arg(p, args.n + kws.n, call_start);
            if (!e)
                return -1;
            if (ou_p_accept(p, OU_TOK_EQUAL)) {
                OuLoc l = e->loc;
                ou_p_end(p, &l);
                ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                              "expression cannot contain assignment, perhaps you meant \"==\"?");
                return -1;
            }
            if (seen_kwunpack || seen_kw) {
                /* CPython points at the token after the argument. */
                OuLoc l = ou_p_tokloc(ou_p_cur(p));
                ou_p_error_at(p, &ouro_exc_SyntaxError, &l, seen_kwunpack ?
                              "positional argument follows keyword argument unpacking" :
                              "positional argument follows keyword argument");
                return -1;
            }
            if (ou_vec_push(p, &args, e) < 0)
                return -1;
        }
        if (!ou_p_accept(p, OU_TOK_COMMA))
            break;
    }
    if (!ou_p_accept(p, OU_TOK_RPAR)) {
        ou_p_syntax_error(p);
        return -1;
    }
    *args_out = ou_p_exprseq(&args);
    kws_out->n = kws.n;
    kws_out->items = (OuKeyword **)kws.items;
    return 0;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named or starred expr. */
static OuExpr *slice_item(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    OuExpr *lower = NULL;
    if (!ou_p_at(p, OU_TOK_COLON)) {
        if (ou_p_at(p, OU_TOK_STAR))
            return ou_p_star_named_expression(p);
        lower = ou_p_named_expression(p);
        if (!lower || !ou_p_at(p, OU_TOK_COLON))
            return lower;
    }
    ou_p_next(p);
    OuExpr *upper = NULL, *step = NULL;
    if (!ou_p_at(p, OU_TOK_COLON) && !ou_p_at(p, OU_TOK_COMMA) && !ou_p_at(p, OU_TOK_RSQB) &&
        !(upper = ou_p_expression(p)))
        return NULL;
    if (ou_p_accept(p, OU_TOK_COLON) && !ou_p_at(p, OU_TOK_COMMA) && !ou_p_at(p, OU_TOK_RSQB) &&
        !(step = ou_p_expression(p)))
        return NULL;
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, OU_SLICE_KIND, &loc);
    if (e) {
        e->v.slice.lower = lower;
        e->v.slice.upper = upper;
        e->v.slice.step = step;
    }
    return e;
}

static OuExpr *subscript_slices(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    OuExpr *first = slice_item(p);
    if (!first || (!ou_p_at(p, OU_TOK_COMMA) && first->kind != OU_STARRED_KIND))
        return first;
    OuVec items = { 0 };
    if (ou_vec_push(p, &items, first) < 0)
        return NULL;
    while (ou_p_accept(p, OU_TOK_COMMA)) {
        if (ou_p_at(p, OU_TOK_RSQB))
            break;
        OuExpr *e = slice_item(p);
        if (!e || ou_vec_push(p, &items, e) < 0)
            return NULL;
    }
    return seq_node(p, OU_TUPLE_KIND, &items, loc);
}

static OuExpr *primary(OuParser *p)
{
    OuLoc st = start_of(ou_p_cur(p));
    OuExpr *e = atom(p);
    int depth = p->depth;
    while (e) {
        OuLoc loc = { st.lineno, st.col_offset, 0, 0 };
        if ((ou_p_at(p, OU_TOK_DOT) || ou_p_at(p, OU_TOK_LPAR) || ou_p_at(p, OU_TOK_LSQB)) &&
            ou_p_enter(p) < 0) {
            e = NULL;   /* each trailer nests the tree: bounded as recursion */
            break;
        }
        if (ou_p_accept(p, OU_TOK_DOT)) {
            if (!ou_p_at(p, OU_TOK_NAME)) {
                e = ou_p_syntax_error(p);
                break;
            }
            OuToken nt = ou_p_next(p);
            OuroObject *attr = ou_p_name(p, &nt);
            ou_p_end(p, &loc);
            OuExpr *a = attr ? ou_p_expr(p, OU_ATTRIBUTE_KIND, &loc) : NULL;
            if (!a) {
                e = NULL;
                break;
            }
            a->v.attribute.value = e;
            a->v.attribute.attr = attr;
            a->v.attribute.ctx = OU_LOAD;
            e = a;
        } else if (ou_p_at(p, OU_TOK_LPAR)) {
            OuLoc open = start_of(ou_p_cur(p));
            ou_p_next(p);
            OuExpr *c = ou_p_expr(p, OU_CALL_KIND, &loc);
            if (!c || ou_p_call_args(p, &c->v.call.args, &c->v.call.keywords, &open) < 0) {
                e = NULL;
                break;
            }
            ou_p_end(p, &c->loc);
            c->v.call.func = e;
            e = c;
        } else if (ou_p_accept(p, OU_TOK_LSQB)) {
            OuExpr *s = subscript_slices(p);
            OuExpr *x = NULL;
            if (s && !ou_p_accept(p, OU_TOK_RSQB))
                ou_p_syntax_error(p);
            else if (s)
                ou_p_end(p, &loc);
            if (!s || p->error || !(x = ou_p_expr(p, OU_SUBSCRIPT_KIND, &loc))) {
                e = NULL;
                break;
            }
            x->v.subscript.value = e;
            x->v.subscript.slice = s;
            x->v.subscript.ctx = OU_LOAD;
            e = x;
        } else {
            break;
        }
    }
    p->depth = depth;
    return e;
}

/* ------------------------------------------------------------------ operators -- */

static OuExpr *power(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    OuExpr *e;
    if (ou_p_accept_kw(p, OU_KW_AWAIT)) {
        OuExpr *v = primary(p);
        if (!v)
            return NULL;
        ou_p_end(p, &loc);
        if (!(e = ou_p_expr(p, OU_AWAIT_KIND, &loc)))
            return NULL;
        e->v.await_.value = v;
    } else if (!(e = primary(p))) {
        return NULL;
    }
    if (!ou_p_accept(p, OU_TOK_DOUBLESTAR))
        return e;
    OuExpr *r = factor(p);
    if (!r)
        return NULL;
    OuLoc l = loc;
    ou_p_end(p, &l);
    OuExpr *b = ou_p_expr(p, OU_BINOP_KIND, &l);
    if (b) {
        b->v.binop.left = e;
        b->v.binop.op = OU_POW;
        b->v.binop.right = r;
    }
    return b;
}

static OuExpr *factor(OuParser *p)
{
    const OuToken *t = ou_p_cur(p);
    int op = t->kind == OU_TOK_PLUS ? OU_UADD : t->kind == OU_TOK_MINUS ? OU_USUB :
             t->kind == OU_TOK_TILDE ? OU_INVERT : 0;
    if (!op) {
        if (ou_p_enter(p) < 0)
            return NULL;
        OuExpr *e = power(p);
        ou_p_leave(p);
        return e;
    }
    OuLoc loc = start_of(t);
    ou_p_next(p);
    if (ou_p_enter(p) < 0)
        return NULL;
    OuExpr *operand = factor(p);
    ou_p_leave(p);
    if (!operand)
        return NULL;
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, OU_UNARYOP_KIND, &loc);
    if (e) {
        e->v.unaryop.op = op;
        e->v.unaryop.operand = operand;
    }
    return e;
}

/* Binary levels, loosest first: | ^ & (<< >>) (+ -) (* / // % @). */
enum { LVL_OR, LVL_XOR, LVL_AND, LVL_SHIFT, LVL_ARITH, LVL_TERM, LVL_FACTOR };

static int binop_at(int level, int kind)
{
    switch (level) {
    case LVL_OR: return kind == OU_TOK_VBAR ? OU_BITOR : 0;
    case LVL_XOR: return kind == OU_TOK_CIRCUMFLEX ? OU_BITXOR : 0;
    case LVL_AND: return kind == OU_TOK_AMPER ? OU_BITAND : 0;
    case LVL_SHIFT: return kind == OU_TOK_LEFTSHIFT ? OU_LSHIFT : kind == OU_TOK_RIGHTSHIFT ? OU_RSHIFT : 0;
    case LVL_ARITH: return kind == OU_TOK_PLUS ? OU_ADD : kind == OU_TOK_MINUS ? OU_SUB : 0;
    case LVL_TERM:
        switch (kind) {
        case OU_TOK_STAR: return OU_MULT;
        case OU_TOK_SLASH: return OU_DIV;
        case OU_TOK_DOUBLESLASH: return OU_FLOORDIV;
        case OU_TOK_PERCENT: return OU_MOD;
        case OU_TOK_AT: return OU_MATMULT;
        default: return 0;
        }
    default: return 0;
    }
}

static OuExpr *binary(OuParser *p, int level)
{
    if (level == LVL_FACTOR)
        return factor(p);
    OuLoc st = start_of(ou_p_cur(p));
    OuExpr *left = binary(p, level + 1);
    int op, depth = p->depth;
    while (left && (op = binop_at(level, ou_p_cur(p)->kind)) != 0) {
        /* Each operator nests the tree one level deeper: bounded like recursion, so
         * that the compiler's walk of the tree is bounded too. */
        OuExpr *right = NULL, *b = NULL;
        ou_p_next(p);
        if (ou_p_enter(p) < 0 || !(right = binary(p, level + 1)))
            left = NULL;
        OuLoc l = st;
        ou_p_end(p, &l);
        if (left && (b = ou_p_expr(p, OU_BINOP_KIND, &l)) != NULL) {
            b->v.binop.left = left;
            b->v.binop.op = op;
            b->v.binop.right = right;
        }
        left = b;
    }
    p->depth = depth;
    return left;
}

OuExpr *ou_p_bitwise_or(OuParser *p)
{
    return binary(p, LVL_OR);
}

/* A comparison operator at the current token (consumed), or 0. */
static int comp_op(OuParser *p)
{
    const OuToken *t = ou_p_cur(p);
    int op = 0;
    switch (t->kind) {
    case OU_TOK_EQEQUAL: op = OU_EQ; break;
    case OU_TOK_NOTEQUAL: op = OU_NOTEQ; break;
    case OU_TOK_LESS: op = OU_LT; break;
    case OU_TOK_LESSEQUAL: op = OU_LTE; break;
    case OU_TOK_GREATER: op = OU_GT; break;
    case OU_TOK_GREATEREQUAL: op = OU_GTE; break;
    case OU_TOK_NAME:
        if (t->kw == OU_KW_IN) {
            op = OU_IN;
        } else if (t->kw == OU_KW_IS) {
            ou_p_next(p);
            return ou_p_accept_kw(p, OU_KW_NOT) ? OU_ISNOT : OU_IS;
        } else if (t->kw == OU_KW_NOT && ou_p_peek(p, 1)->kw == OU_KW_IN) {
            ou_p_next(p);
            op = OU_NOTIN;
        }
        break;
    default:
        break;
    }
    if (op)
        ou_p_next(p);
    return op;
}

static OuExpr *comparison(OuParser *p)
{
    OuLoc st = start_of(ou_p_cur(p));
    OuExpr *left = ou_p_bitwise_or(p);
    if (!left)
        return NULL;
    int op = comp_op(p);
    if (!op)
        return left;
    OuVec ops = { 0 }, comps = { 0 };
    do {
        OuExpr *right = ou_p_bitwise_or(p);
        if (!right || ou_vec_push(p, &ops, (void *)(intptr_t)op) < 0 ||
            ou_vec_push(p, &comps, right) < 0)
            return NULL;
    } while ((op = comp_op(p)) != 0);
    OuLoc l = st;
    ou_p_end(p, &l);
    OuExpr *e = ou_p_expr(p, OU_COMPARE_KIND, &l);
    OuCmpOp *cops = ou_ast_alloc(p->arena, (size_t)ops.n * sizeof *cops);
    if (!e || !cops) {
        p->error = 1;
        return NULL;
    }
    for (int i = 0; i < ops.n; i++)
        cops[i] = (OuCmpOp)(intptr_t)ops.items[i];
    e->v.compare.left = left;
    e->v.compare.n = ops.n;
    e->v.compare.ops = cops;
    e->v.compare.comparators = ou_p_exprseq(&comps);
    return e;
}

static OuExpr *inversion(OuParser *p)
{
    if (!ou_p_at_kw(p, OU_KW_NOT))
        return comparison(p);
    OuLoc loc = start_of(ou_p_cur(p));
    ou_p_next(p);
    if (ou_p_enter(p) < 0)
        return NULL;
    OuExpr *operand = inversion(p);
    ou_p_leave(p);
    if (!operand)
        return NULL;
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, OU_UNARYOP_KIND, &loc);
    if (e) {
        e->v.unaryop.op = OU_NOT;
        e->v.unaryop.operand = operand;
    }
    return e;
}

/* and / or: one BoolOp with every operand. */
static OuExpr *boolop(OuParser *p, int kw)
{
    OuLoc st = start_of(ou_p_cur(p));
    OuExpr *first = kw == OU_KW_OR ? boolop(p, OU_KW_AND) : inversion(p);
    if (!first || !ou_p_at_kw(p, kw))
        return first;
    OuVec values = { 0 };
    if (ou_vec_push(p, &values, first) < 0)
        return NULL;
    while (ou_p_accept_kw(p, kw)) {
        OuExpr *e = kw == OU_KW_OR ? boolop(p, OU_KW_AND) : inversion(p);
        if (!e || ou_vec_push(p, &values, e) < 0)
            return NULL;
    }
    OuLoc l = st;
    ou_p_end(p, &l);
    OuExpr *e = ou_p_expr(p, OU_BOOLOP_KIND, &l);
    if (e) {
        e->v.boolop.op = kw == OU_KW_OR ? OU_OR : OU_AND;
        e->v.boolop.values = ou_p_exprseq(&values);
    }
    return e;
}

OuExpr *ou_p_disjunction(OuParser *p)
{
    return boolop(p, OU_KW_OR);
}

static OuExpr *lambdef(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    ou_p_next(p);
    OuArguments *args = ou_p_parameters(p, 1);
    if (!args)
        return NULL;
    if (!ou_p_accept(p, OU_TOK_COLON))
        return ou_p_syntax_error(p);
    OuExpr *body = ou_p_expression(p);
    if (!body)
        return NULL;
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, OU_LAMBDA_KIND, &loc);
    if (e) {
        e->v.lambda.args = args;
        e->v.lambda.body = body;
    }
    return e;
}

OuExpr *ou_p_expression(OuParser *p)
{
    if (ou_p_enter(p) < 0)
        return NULL;
    int saved_hint = p->no_comma_hint;
    p->no_comma_hint = 0;
    OuExpr *r = NULL;
    if (ou_p_at_kw(p, OU_KW_LAMBDA)) {
        r = lambdef(p);
        goto done;
    }
    OuLoc st = start_of(ou_p_cur(p));
    OuExpr *body = ou_p_disjunction(p);
    if (!body || !ou_p_accept_kw(p, OU_KW_IF)) {
        r = body;
        goto done;
    }
    OuExpr *test = ou_p_disjunction(p);
    if (!test)
        goto done;
    if (!ou_p_accept_kw(p, OU_KW_ELSE)) {
        if (ou_p_at(p, OU_TOK_NEWLINE) || ou_p_at(p, OU_TOK_RPAR) || ou_p_at(p, OU_TOK_COMMA) ||
            ou_p_at(p, OU_TOK_RSQB) || ou_p_at(p, OU_TOK_RBRACE) || ou_p_at(p, OU_TOK_COLON)) {
            OuLoc l = span(body, test);
            ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "expected 'else' after 'if' expression");
        } else {
            ou_p_syntax_error(p);
        }
        goto done;
    }
    OuExpr *orelse = ou_p_expression(p);
    if (!orelse)
        goto done;
    OuLoc l = st;
    ou_p_end(p, &l);
    if ((r = ou_p_expr(p, OU_IFEXP_KIND, &l)) != NULL) {
        r->v.ifexp.test = test;
        r->v.ifexp.body = body;
        r->v.ifexp.orelse = orelse;
    }
done:
    p->no_comma_hint = saved_hint;
    ou_p_leave(p);
    return r;
}

/* CPython's invalid_named_expression: `x = 1` where a condition or an element is
 * expected (but not as an argument: the caller says). NULL with the error. */
static OuExpr *misused_assignment(OuParser *p, OuExpr *e)
{
    bool name = e->kind == OU_NAME_KIND;
    bool display = e->kind == OU_LIST_KIND || e->kind == OU_TUPLE_KIND ||
                   e->kind == OU_GENERATOREXP_KIND ||
                   (e->kind == OU_CONSTANT_KIND && (e->v.constant.value == OURO_TRUE ||
                    e->v.constant.value == OURO_FALSE || e->v.constant.value == OURO_NONE));
    switch (e->kind) {
    case OU_BOOLOP_KIND: case OU_COMPARE_KIND: case OU_IFEXP_KIND: case OU_LAMBDA_KIND:
    case OU_NAMEDEXPR_KIND:
        return ou_p_syntax_error(p);
    case OU_UNARYOP_KIND:
        if (e->v.unaryop.op == OU_NOT)
            return ou_p_syntax_error(p);
        break;
    default:
        break;
    }
    if (display)
        return ou_p_syntax_error(p);
    int mark = p->pos;
    ou_p_next(p);   /* '=' */
    OuExpr *b = ou_p_bitwise_or(p);
    if (!b)
        return NULL;
    if (ou_p_at(p, OU_TOK_EQUAL) || ou_p_at(p, OU_TOK_COLONEQUAL)) {
        p->pos = mark;
        return ou_p_syntax_error(p);
    }
    if (name) {
        OuLoc l = e->loc;
        ou_p_end(p, &l);
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                             "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    return ou_p_error_at(p, &ouro_exc_SyntaxError, &e->loc,
                         "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                         ou_p_expr_name(e));
}

OuExpr *ou_p_named_expression(OuParser *p)
{
    return named_expr(p, true);
}

static OuExpr *named_expr(OuParser *p, bool check_assign)
{
    if (ou_p_cur(p)->kind == OU_TOK_NAME && ou_p_cur(p)->kw == 0 &&
        ou_p_peek(p, 1)->kind == OU_TOK_COLONEQUAL) {
        OuToken nt = ou_p_next(p);
        ou_p_next(p);
        OuLoc tl = ou_p_tokloc(&nt);
        OuroObject *id = ou_p_name(p, &nt);
        OuExpr *target = id ? ou_p_expr(p, OU_NAME_KIND, &tl) : NULL;
        OuExpr *value = target ? ou_p_expression(p) : NULL;
        if (!value)
            return NULL;
        target->v.name.id = id;
        target->v.name.ctx = OU_STORE;
        OuLoc l = tl;
        ou_p_end(p, &l);
        OuExpr *e = ou_p_expr(p, OU_NAMEDEXPR_KIND, &l);
        if (e) {
            e->v.namedexpr.target = target;
            e->v.namedexpr.value = value;
        }
        return e;
    }
    OuExpr *e = ou_p_expression(p);
    if (e && ou_p_at(p, OU_TOK_COLONEQUAL))
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &e->loc,
                             "cannot use assignment expressions with %s", ou_p_expr_name(e));
    if (e && check_assign && ou_p_at(p, OU_TOK_EQUAL))
        return misused_assignment(p, e);
    return e;
}

static OuExpr *starred(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    ou_p_next(p);
    OuExpr *v = ou_p_bitwise_or(p);
    if (!v)
        return NULL;
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, OU_STARRED_KIND, &loc);
    if (e) {
        e->v.starred.value = v;
        e->v.starred.ctx = OU_LOAD;
    }
    return e;
}

OuExpr *ou_p_star_named_expression(OuParser *p)
{
    if (ou_p_at(p, OU_TOK_STAR))
        return starred(p);
    return ou_p_named_expression(p);
}

static OuExpr *star_expression(OuParser *p)
{
    if (ou_p_at(p, OU_TOK_STAR))
        return starred(p);
    return ou_p_expression(p);
}

OuExpr *ou_p_star_expressions(OuParser *p)
{
    OuLoc st = start_of(ou_p_cur(p));
    OuExpr *first = star_expression(p);
    if (!first || !ou_p_at(p, OU_TOK_COMMA))
        return first;
    OuVec items = { 0 };
    if (ou_vec_push(p, &items, first) < 0)
        return NULL;
    while (ou_p_accept(p, OU_TOK_COMMA)) {
        if (!starts_expression(ou_p_cur(p)))
            break;
        OuExpr *e = star_expression(p);
        if (!e || ou_vec_push(p, &items, e) < 0)
            return NULL;
    }
    return seq_node(p, OU_TUPLE_KIND, &items, st);
}

OuExpr *ou_p_star_targets(OuParser *p, int for_targets)
{
    OuLoc st = start_of(ou_p_cur(p));
    OuExpr *first = ou_p_at(p, OU_TOK_STAR) ? starred(p) : ou_p_bitwise_or(p);
    if (!first)
        return NULL;
    OuExpr *e = first;
    if (ou_p_at(p, OU_TOK_COMMA)) {
        OuVec items = { 0 };
        if (ou_vec_push(p, &items, first) < 0)
            return NULL;
        while (ou_p_accept(p, OU_TOK_COMMA)) {
            if (!starts_expression(ou_p_cur(p)))
                break;
            OuExpr *x = ou_p_at(p, OU_TOK_STAR) ? starred(p) : ou_p_bitwise_or(p);
            if (!x || ou_vec_push(p, &items, x) < 0)
                return NULL;
        }
        if (!(e = seq_node(p, OU_TUPLE_KIND, &items, st)))
            return NULL;
    }
    if (ou_p_set_context(p, e, OU_STORE, for_targets) < 0)
        return NULL;
    return e;
}

OuExpr *ou_p_yield_expr(OuParser *p)
{
    OuLoc loc = start_of(ou_p_cur(p));
    ou_p_next(p);
    if (ou_p_accept_kw(p, OU_KW_FROM)) {
        OuExpr *v = ou_p_expression(p);
        if (!v)
            return NULL;
        ou_p_end(p, &loc);
        OuExpr *e = ou_p_expr(p, OU_YIELDFROM_KIND, &loc);
        if (e)
            e->v.yieldfrom.value = v;
        return e;
    }
    OuExpr *v = NULL;
    if (starts_expression(ou_p_cur(p)) && !(v = ou_p_star_expressions(p)))
        return NULL;
    ou_p_end(p, &loc);
    OuExpr *e = ou_p_expr(p, OU_YIELD_KIND, &loc);
    if (e)
        e->v.yield.value = v;
    return e;
}

/* ----------------------------------------------------------------- parameters -- */

static OuArg *param(OuParser *p, int is_lambda)
{
    if (!ou_p_at(p, OU_TOK_NAME)) {
        ou_p_syntax_error(p);
        return NULL;
    }
    OuToken nt = ou_p_next(p);
    OuArg *a = ou_ast_alloc(p->arena, sizeof *a);
    if (!a) {
        p->error = 1;
        return NULL;
    }
    a->loc = ou_p_tokloc(&nt);
    if (!(a->arg = ou_p_name(p, &nt)))
        return NULL;
    if (!is_lambda && ou_p_accept(p, OU_TOK_COLON)) {
        if (!(a->annotation = ou_p_at(p, OU_TOK_STAR) ? starred(p) : ou_p_expression(p)))
            return NULL;
        ou_p_end(p, &a->loc);
    }
    return a;
}

typedef struct Params {
    OuVec pos, kwonly, defaults, kw_defaults;
    int nposonly;
    bool slash, star;
} Params;

static int param_star(OuParser *p, OuArguments *a, Params *ps, int is_lambda, int close)
{
    OuToken star = ou_p_next(p);
    if (ps->star) {
        OuLoc l = ou_p_tokloc(&star);
        ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "* argument may appear only once");
        return -1;
    }
    ps->star = true;
    if (ou_p_at(p, OU_TOK_NAME))
        return (a->vararg = param(p, is_lambda)) ? 0 : -1;
    if (ou_p_at(p, close) || ou_p_at(p, OU_TOK_DOUBLESTAR) ||
        (ou_p_at(p, OU_TOK_COMMA) && (ou_p_peek(p, 1)->kind == close ||
                                      ou_p_peek(p, 1)->kind == OU_TOK_DOUBLESTAR))) {
        /* CPython points at the '*' of a def, at the token after it in a lambda. */
        OuLoc l = is_lambda ? ou_p_tokloc(ou_p_cur(p)) : ou_p_tokloc(&star);
        ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "named arguments must follow bare *");
        return -1;
    }
    if (!ou_p_at(p, OU_TOK_COMMA)) {
        ou_p_syntax_error(p);
        return -1;
    }
    return 0;
}

static int param_item(OuParser *p, OuArguments *a, Params *ps, int is_lambda, int close)
{
    const OuToken *t = ou_p_cur(p);
    if (t->kind == OU_TOK_SLASH) {
        OuToken sl = ou_p_next(p);
        OuLoc l = ou_p_tokloc(&sl);
        const char *msg = ps->slash ? "/ may appear only once" :
                          ps->star ? "/ must be ahead of *" :
                          NULL;
        if (ps->pos.n == 0) {
            p->pos--;
            ou_p_syntax_error(p);
            return -1;
        }
        if (msg) {
            ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "%s", msg);
            return -1;
        }
        ps->slash = true;
        ps->nposonly = ps->pos.n;
        return 0;
    }
    if (t->kind == OU_TOK_STAR)
        return param_star(p, a, ps, is_lambda, close);
    if (t->kind == OU_TOK_DOUBLESTAR) {
        ou_p_next(p);
        if (!(a->kwarg = param(p, is_lambda)))
            return -1;
        if (ou_p_at(p, OU_TOK_COMMA) && ou_p_peek(p, 1)->kind != close) {
            OuLoc l = ou_p_tokloc(ou_p_peek(p, 1));
            ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "arguments cannot follow var-keyword argument");
            return -1;
        }
        return 0;
    }
    if (a->kwarg) {
        ou_p_syntax_error(p);
        return -1;
    }
    OuArg *arg = param(p, is_lambda);
    if (!arg)
        return -1;
    OuExpr *def = NULL;
    if (ou_p_accept(p, OU_TOK_EQUAL) && !(def = ou_p_expression(p)))
        return -1;
    if (ps->star)
        return ou_vec_push(p, &ps->kwonly, arg) < 0 || ou_vec_push(p, &ps->kw_defaults, def) < 0 ? -1 : 0;
    if (!def && ps->defaults.n > 0) {
        ou_p_error_at(p, &ouro_exc_SyntaxError, &arg->loc,
                      "non-default argument follows default argument");
        return -1;
    }
    if (def && ou_vec_push(p, &ps->defaults, def) < 0)
        return -1;
    return ou_vec_push(p, &ps->pos, arg);
}

OuArguments *ou_p_parameters(OuParser *p, int is_lambda)
{
    int close = is_lambda ? OU_TOK_COLON : OU_TOK_RPAR;
    OuArguments *a = ou_ast_alloc(p->arena, sizeof *a);
    if (!a) {
        p->error = 1;
        return NULL;
    }
    Params ps;
    memset(&ps, 0, sizeof ps);
    int saved_hint = p->no_comma_hint;
    p->no_comma_hint = 1;
    while (!ou_p_at(p, close)) {
        if (param_item(p, a, &ps, is_lambda, close) < 0)
            return NULL;
        if (!ou_p_accept(p, OU_TOK_COMMA))
            break;
    }
    if (!ou_p_at(p, close)) {
        ou_p_syntax_error(p);
        return NULL;
    }
    p->no_comma_hint = saved_hint;
    a->posonlyargs.n = ps.nposonly;
    a->posonlyargs.items = (OuArg **)ps.pos.items;
    a->args.n = ps.pos.n - ps.nposonly;
    a->args.items = (OuArg **)ps.pos.items + ps.nposonly;
    a->kwonlyargs.n = ps.kwonly.n;
    a->kwonlyargs.items = (OuArg **)ps.kwonly.items;
    a->kw_defaults = ou_p_exprseq(&ps.kw_defaults);
    a->defaults = ou_p_exprseq(&ps.defaults);
    return a;
}
