/* src/lang/parser_match.c — the match statement (PEP 634): `match` and `case` as soft
 * keywords, and the pattern grammar of Python 3.11 into the Match* nodes of ast.h. Each
 * parsing function returns its node (in the arena), or NULL with the error set.
 * Narrative: docs/internals/language.md (parser, "The match statement"). */
#include "parser.h"
#include "objects/objects.h"
#include <string.h>

static OuLoc here(OuParser *p)
{
    return ou_p_tokloc(ou_p_cur(p));
}

/* 1 if token t is the NAME spelled word (a soft keyword is an ordinary NAME). */
static bool tok_is(OuParser *p, const OuToken *t, const char *word)
{
    size_t n = strlen(word);
    return t->kind == OU_TOK_NAME && t->kw == 0 && t->len == n &&
           memcmp(p->src + t->start, word, n) == 0;
}

bool ou_p_at_match_stmt(OuParser *p)
{
    const OuToken *t = ou_p_cur(p);
    if (!tok_is(p, t, "match"))
        return false;
    int level = t->level;
    const OuToken *n = ou_p_peek(p, 1);
    /* `match x` followed by a name, number or string can only be a match statement
     * (as an expression statement it is invalid): parse it, to report "expected ':'". */
    if ((n->kind == OU_TOK_NAME && (n->kw == 0 || n->kw == OU_KW_NONE ||
         n->kw == OU_KW_TRUE || n->kw == OU_KW_FALSE)) ||
        n->kind == OU_TOK_NUMBER || n->kind == OU_TOK_STRING)
        return true;
    if (n->kind != OU_TOK_LPAR && n->kind != OU_TOK_LSQB && n->kind != OU_TOK_LBRACE &&
        n->kind != OU_TOK_MINUS && n->kind != OU_TOK_PLUS && n->kind != OU_TOK_TILDE &&
        n->kind != OU_TOK_STAR && !(n->kind == OU_TOK_NAME && (n->kw == OU_KW_NOT ||
        n->kw == OU_KW_LAMBDA)))
        return false;
    /* `match (x)`, `match[x]`, `match -x` are expressions too: a match statement only
     * if the line has a ':' outside brackets followed by the end of the line. Peeking
     * reads tokens ahead; they stay buffered for whichever parse follows. */
    for (int k = 1;; k++) {
        const OuToken *c = ou_p_peek(p, k);
        if (c->kind == OU_TOK_NEWLINE || c->kind == OU_TOK_ENDMARKER ||
            c->kind == OU_TOK_ERRORTOKEN)
            return false;
        if (c->kind == OU_TOK_COLON && c->level == level)
            return ou_p_peek(p, k + 1)->kind == OU_TOK_NEWLINE;
    }
}

/* ----------------------------------------------------------------- patterns -- */

static OuPattern *new_pattern(OuParser *p, OuPatternKind kind, OuLoc loc)
{
    OuPattern *pt = ou_ast_alloc(p->arena, sizeof *pt);
    if (!pt) {
        p->error = 1;
        return NULL;
    }
    pt->kind = kind;
    pt->loc = loc;
    return pt;
}

static OuPatternSeq pattern_seq(OuVec *v)
{
    OuPatternSeq s = { v->n, (OuPattern **)v->items };
    return s;
}

static OuPattern *pattern(OuParser *p);

/* 1 if the NUMBER token is imaginary (3j). */
static bool imaginary_tok(OuParser *p, const OuToken *t)
{
    return (p->src[t->start + t->len - 1] | 32) == 'j';
}

/* signed_number ['+'|'-' imaginary_number], as an expression (a literal pattern's
 * value or a mapping key). */
static OuExpr *number_expr(OuParser *p)
{
    OuLoc loc = here(p);
    bool neg = ou_p_accept(p, OU_TOK_MINUS);
    if (!ou_p_at(p, OU_TOK_NUMBER))
        return ou_p_syntax_error(p);
    OuToken nt = ou_p_next(p);
    OuExpr *e = ou_p_number(p, &nt);
    if (!e)
        return NULL;
    if (neg) {
        OuLoc l = loc;
        ou_p_end(p, &l);
        OuExpr *u = ou_p_expr(p, OU_UNARYOP_KIND, &l);
        if (!u)
            return NULL;
        u->v.unaryop.op = OU_USUB;
        u->v.unaryop.operand = e;
        e = u;
    }
    if (!ou_p_at(p, OU_TOK_PLUS) && !ou_p_at(p, OU_TOK_MINUS))
        return e;
    if (imaginary_tok(p, &nt)) {
        OuLoc l = ou_p_tokloc(&nt);
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                             "real number required in complex literal");
    }
    OuOperator op = ou_p_next(p).kind == OU_TOK_PLUS ? OU_ADD : OU_SUB;
    if (!ou_p_at(p, OU_TOK_NUMBER))
        return ou_p_syntax_error(p);
    OuToken it = ou_p_next(p);
    if (!imaginary_tok(p, &it)) {
        OuLoc l = ou_p_tokloc(&it);
        return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                             "imaginary number required in complex literal");
    }
    OuExpr *im = ou_p_number(p, &it);
    OuLoc l = loc;
    ou_p_end(p, &l);
    OuExpr *b = im ? ou_p_expr(p, OU_BINOP_KIND, &l) : NULL;
    if (!b)
        return NULL;
    b->v.binop.left = e;
    b->v.binop.op = op;
    b->v.binop.right = im;
    return b;
}

/* name_or_attr: NAME ('.' NAME)*, as a Name or an Attribute chain (Load). *dotted is
 * set when there is at least one dot. */
static OuExpr *name_or_attr(OuParser *p, bool *dotted)
{
    OuToken t = ou_p_next(p);
    OuLoc loc = ou_p_tokloc(&t);
    OuroObject *id = ou_p_name(p, &t);
    OuExpr *e = id ? ou_p_expr(p, OU_NAME_KIND, &loc) : NULL;
    if (!e)
        return NULL;
    e->v.name.id = id;
    e->v.name.ctx = OU_LOAD;
    *dotted = false;
    while (ou_p_accept(p, OU_TOK_DOT)) {
        if (!ou_p_at(p, OU_TOK_NAME))
            return ou_p_syntax_error(p);
        OuToken at = ou_p_next(p);
        OuroObject *attr = ou_p_name(p, &at);
        OuLoc l = loc;
        ou_p_end(p, &l);
        OuExpr *a = attr ? ou_p_expr(p, OU_ATTRIBUTE_KIND, &l) : NULL;
        if (!a)
            return NULL;
        a->v.attribute.value = e;
        a->v.attribute.attr = attr;
        a->v.attribute.ctx = OU_LOAD;
        e = a;
        *dotted = true;
    }
    return e;
}

/* A literal as a mapping key or the value of a literal pattern: numbers, strings, None,
 * True, False. NULL without an error (*none set) if the current token starts none. */
static OuExpr *literal_expr(OuParser *p, bool *none)
{
    const OuToken *t = ou_p_cur(p);
    *none = false;
    if (t->kind == OU_TOK_NUMBER || t->kind == OU_TOK_MINUS)
        return number_expr(p);
    if (t->kind == OU_TOK_STRING)
        return ou_p_strings(p);
    if (t->kind == OU_TOK_NAME &&
        (t->kw == OU_KW_NONE || t->kw == OU_KW_TRUE || t->kw == OU_KW_FALSE)) {
        OuroObject *v = t->kw == OU_KW_NONE ? OURO_NONE : t->kw == OU_KW_TRUE ? OURO_TRUE
                                                                              : OURO_FALSE;
        OuLoc loc = here(p);
        ou_p_next(p);
        return ou_p_constant(p, ouro_newref(v), &loc);
    }
    *none = true;
    return NULL;
}

/* NAME as a capture target: not `_`, not followed by '.', '(' or '='. */
static OuroObject *capture_target(OuParser *p)
{
    if (!ou_p_at(p, OU_TOK_NAME) || tok_is(p, ou_p_cur(p), "_"))
        return ou_p_syntax_error(p);
    OuToken t = ou_p_next(p);
    if (ou_p_at(p, OU_TOK_DOT) || ou_p_at(p, OU_TOK_LPAR) || ou_p_at(p, OU_TOK_EQUAL))
        return ou_p_syntax_error(p);
    return ou_p_name(p, &t);
}

/* star_pattern | pattern, the items of sequence patterns. */
static OuPattern *maybe_star_pattern(OuParser *p)
{
    if (!ou_p_at(p, OU_TOK_STAR))
        return pattern(p);
    OuLoc loc = here(p);
    ou_p_next(p);
    OuroObject *name = NULL;
    if (tok_is(p, ou_p_cur(p), "_"))
        ou_p_next(p);
    else if (!(name = capture_target(p)))
        return NULL;
    ou_p_end(p, &loc);
    OuPattern *pt = new_pattern(p, OU_MATCHSTAR_KIND, loc);
    if (pt)
        pt->v.star.name = name;
    return pt;
}

/* The items of a sequence pattern up to the closing token (consumed). */
static int sequence_items(OuParser *p, OuVec *items, int close)
{
    while (!ou_p_at(p, close)) {
        OuPattern *it = maybe_star_pattern(p);
        if (!it || ou_vec_push(p, items, it) < 0)
            return -1;
        if (!ou_p_accept(p, OU_TOK_COMMA))
            break;
    }
    if (!ou_p_accept(p, close)) {
        ou_p_syntax_error(p);
        return -1;
    }
    return 0;
}

/* '(' ... ')': a group (the inner pattern itself) or a sequence pattern. */
static OuPattern *paren_pattern(OuParser *p)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    OuVec items = { 0 };
    if (!ou_p_at(p, OU_TOK_RPAR)) {
        OuPattern *first = maybe_star_pattern(p);
        if (!first)
            return NULL;
        if (!ou_p_at(p, OU_TOK_COMMA)) {
            if (first->kind == OU_MATCHSTAR_KIND || !ou_p_accept(p, OU_TOK_RPAR))
                return ou_p_syntax_error(p);
            return first;
        }
        ou_p_next(p);
        if (ou_vec_push(p, &items, first) < 0)
            return NULL;
    }
    if (sequence_items(p, &items, OU_TOK_RPAR) < 0)
        return NULL;
    ou_p_end(p, &loc);
    OuPattern *pt = new_pattern(p, OU_MATCHSEQUENCE_KIND, loc);
    if (pt)
        pt->v.seq.patterns = pattern_seq(&items);
    return pt;
}

static OuPattern *mapping_pattern(OuParser *p)
{
    OuLoc loc = here(p);
    ou_p_next(p);
    OuVec keys = { 0 }, pats = { 0 };
    OuroObject *rest = NULL;
    while (!ou_p_at(p, OU_TOK_RBRACE)) {
        if (ou_p_accept(p, OU_TOK_DOUBLESTAR)) {
            if (!(rest = capture_target(p)))
                return NULL;
            ou_p_accept(p, OU_TOK_COMMA);
            break;
        }
        bool none, dotted = false;
        OuExpr *key = literal_expr(p, &none);
        if (none) {
            if (!ou_p_at(p, OU_TOK_NAME))
                return ou_p_syntax_error(p);
            if (ou_p_peek(p, 1)->kind != OU_TOK_DOT) {
                ou_p_next(p);   /* CPython reports the token after a plain name */
                return ou_p_syntax_error(p);
            }
            key = name_or_attr(p, &dotted);
        }
        if (!key)
            return NULL;
        if (!ou_p_accept(p, OU_TOK_COLON))
            return ou_p_syntax_error(p);
        OuPattern *v = pattern(p);
        if (!v || ou_vec_push(p, &keys, key) < 0 || ou_vec_push(p, &pats, v) < 0)
            return NULL;
        if (!ou_p_accept(p, OU_TOK_COMMA))
            break;
    }
    if (!ou_p_accept(p, OU_TOK_RBRACE))
        return ou_p_syntax_error(p);
    ou_p_end(p, &loc);
    OuPattern *pt = new_pattern(p, OU_MATCHMAPPING_KIND, loc);
    if (pt) {
        pt->v.mapping.keys = ou_p_exprseq(&keys);
        pt->v.mapping.patterns = pattern_seq(&pats);
        pt->v.mapping.rest = rest;
    }
    return pt;
}

/* cls '(' [positional, ...] [NAME '=' pattern, ...] ')' after cls. */
static OuPattern *class_pattern(OuParser *p, OuExpr *cls)
{
    ou_p_next(p);   /* '(' */
    OuVec pats = { 0 }, attrs = { 0 }, kwpats = { 0 };
    while (!ou_p_at(p, OU_TOK_RPAR)) {
        if (ou_p_at(p, OU_TOK_NAME) && ou_p_cur(p)->kw == 0 &&
            ou_p_peek(p, 1)->kind == OU_TOK_EQUAL) {
            OuToken nt = ou_p_next(p);
            ou_p_next(p);
            OuroObject *name = ou_p_name(p, &nt);
            OuPattern *v = name ? pattern(p) : NULL;
            if (!v || ou_vec_push(p, &attrs, name) < 0 || ou_vec_push(p, &kwpats, v) < 0)
                return NULL;
        } else {
            OuPattern *v = pattern(p);
            if (!v)
                return NULL;
            if (kwpats.n) {
                /* The error covers the run of positional patterns after the keywords. */
                OuLoc l = v->loc;
                while (ou_p_at(p, OU_TOK_COMMA) && ou_p_peek(p, 1)->kind != OU_TOK_RPAR &&
                       !(ou_p_peek(p, 1)->kind == OU_TOK_NAME &&
                         ou_p_peek(p, 2)->kind == OU_TOK_EQUAL)) {
                    ou_p_next(p);
                    OuPattern *w = pattern(p);
                    if (!w)
                        return NULL;
                    l.end_lineno = w->loc.end_lineno;
                    l.end_col_offset = w->loc.end_col_offset;
                }
                if (!ou_p_at(p, OU_TOK_COMMA) && !ou_p_at(p, OU_TOK_RPAR))
                    return ou_p_syntax_error(p);
                return ou_p_error_at(p, &ouro_exc_SyntaxError, &l,
                                     "positional patterns follow keyword patterns");
            }
            if (ou_vec_push(p, &pats, v) < 0)
                return NULL;
        }
        if (!ou_p_accept(p, OU_TOK_COMMA))
            break;
    }
    if (!ou_p_accept(p, OU_TOK_RPAR))
        return ou_p_syntax_error(p);
    OuLoc loc = cls->loc;
    ou_p_end(p, &loc);
    OuPattern *pt = new_pattern(p, OU_MATCHCLASS_KIND, loc);
    if (pt) {
        pt->v.cls.cls = cls;
        pt->v.cls.patterns = pattern_seq(&pats);
        pt->v.cls.kwd_attrs.n = attrs.n;
        pt->v.cls.kwd_attrs.items = (OuroObject **)attrs.items;
        pt->v.cls.kwd_patterns = pattern_seq(&kwpats);
    }
    return pt;
}

static OuPattern *closed_pattern(OuParser *p)
{
    const OuToken *t = ou_p_cur(p);
    OuLoc loc = here(p);
    switch (t->kind) {
    case OU_TOK_LPAR:
        return paren_pattern(p);
    case OU_TOK_LSQB: {
        ou_p_next(p);
        OuVec items = { 0 };
        if (sequence_items(p, &items, OU_TOK_RSQB) < 0)
            return NULL;
        ou_p_end(p, &loc);
        OuPattern *pt = new_pattern(p, OU_MATCHSEQUENCE_KIND, loc);
        if (pt)
            pt->v.seq.patterns = pattern_seq(&items);
        return pt;
    }
    case OU_TOK_LBRACE:
        return mapping_pattern(p);
    case OU_TOK_NAME:
        if (t->kw == OU_KW_NONE || t->kw == OU_KW_TRUE || t->kw == OU_KW_FALSE) {
            OuPattern *pt = new_pattern(p, OU_MATCHSINGLETON_KIND, loc);
            if (pt)
                pt->v.singleton.value = t->kw == OU_KW_NONE ? OURO_NONE :
                                        t->kw == OU_KW_TRUE ? OURO_TRUE : OURO_FALSE;
            ou_p_next(p);
            return pt;
        }
        if (t->kw)
            break;
        if (tok_is(p, t, "_")) {
            ou_p_next(p);
            return new_pattern(p, OU_MATCHAS_KIND, loc);
        }
        bool dotted;
        OuExpr *e = name_or_attr(p, &dotted);
        if (!e)
            return NULL;
        if (ou_p_at(p, OU_TOK_LPAR))
            return class_pattern(p, e);
        if (ou_p_at(p, OU_TOK_EQUAL))
            return ou_p_syntax_error(p);
        OuPattern *pt = new_pattern(p, dotted ? OU_MATCHVALUE_KIND : OU_MATCHAS_KIND, e->loc);
        if (pt && dotted)
            pt->v.value.value = e;
        else if (pt)
            pt->v.as.name = e->v.name.id;
        return pt;
    default: {
        bool none;
        OuExpr *lit = literal_expr(p, &none);
        if (none)
            break;
        OuPattern *vp = lit ? new_pattern(p, OU_MATCHVALUE_KIND, lit->loc) : NULL;
        if (vp)
            vp->v.value.value = lit;
        return vp;
    }
    }
    return ou_p_syntax_error(p);
}

/* or_pattern ['as' NAME] */
static OuPattern *pattern(OuParser *p)
{
    if (ou_p_enter(p) < 0)
        return NULL;
    OuLoc loc = here(p);
    OuPattern *first = closed_pattern(p);
    if (first && ou_p_at(p, OU_TOK_VBAR)) {
        OuVec alts = { 0 };
        if (ou_vec_push(p, &alts, first) < 0)
            first = NULL;
        while (first && ou_p_accept(p, OU_TOK_VBAR)) {
            OuPattern *alt = closed_pattern(p);
            if (!alt || ou_vec_push(p, &alts, alt) < 0)
                first = NULL;
        }
        if (first) {
            OuLoc l = loc;
            ou_p_end(p, &l);
            if ((first = new_pattern(p, OU_MATCHOR_KIND, l)))
                first->v.seq.patterns = pattern_seq(&alts);
        }
    }
    if (first && ou_p_accept_kw(p, OU_KW_AS)) {
        OuroObject *name = NULL;
        if (tok_is(p, ou_p_cur(p), "_")) {
            OuLoc l = here(p);
            ou_p_error_at(p, &ouro_exc_SyntaxError, &l, "cannot use '_' as a target");
        } else if (!ou_p_at(p, OU_TOK_NAME)) {
            OuExpr *bad = ou_p_expression(p);
            if (bad)
                ou_p_error_at(p, &ouro_exc_SyntaxError, &bad->loc, "invalid pattern target");
        } else {
            name = capture_target(p);
        }
        OuPattern *as = NULL;
        if (name) {
            OuLoc l = loc;
            ou_p_end(p, &l);
            if ((as = new_pattern(p, OU_MATCHAS_KIND, l))) {
                as->v.as.pattern = first;
                as->v.as.name = name;
            }
        }
        first = as;
    }
    ou_p_leave(p);
    return first;
}

/* patterns: an open sequence `a, *b` (a MatchSequence) or one pattern. */
static OuPattern *case_patterns(OuParser *p)
{
    OuLoc loc = here(p);
    OuPattern *first = maybe_star_pattern(p);
    if (!first)
        return NULL;
    if (!ou_p_at(p, OU_TOK_COMMA)) {
        if (first->kind == OU_MATCHSTAR_KIND)
            return ou_p_syntax_error(p);
        return first;
    }
    OuVec items = { 0 };
    if (ou_vec_push(p, &items, first) < 0)
        return NULL;
    while (ou_p_accept(p, OU_TOK_COMMA)) {
        if (ou_p_at(p, OU_TOK_COLON) || ou_p_at_kw(p, OU_KW_IF))
            break;
        OuPattern *it = maybe_star_pattern(p);
        if (!it || ou_vec_push(p, &items, it) < 0)
            return NULL;
    }
    ou_p_end(p, &loc);
    OuPattern *pt = new_pattern(p, OU_MATCHSEQUENCE_KIND, loc);
    if (pt)
        pt->v.seq.patterns = pattern_seq(&items);
    return pt;
}

/* ---------------------------------------------------------------- statement -- */

/* subject_expr: star_named_expression ',' star_named_expressions? (a Tuple) |
 * named_expression */
static OuExpr *subject_expr(OuParser *p)
{
    OuLoc loc = here(p);
    OuExpr *first = ou_p_star_named_expression(p);
    if (!first)
        return NULL;
    if (!ou_p_at(p, OU_TOK_COMMA)) {
        if (first->kind == OU_STARRED_KIND)
            return ou_p_syntax_error(p);
        return first;
    }
    OuVec elts = { 0 };
    if (ou_vec_push(p, &elts, first) < 0)
        return NULL;
    while (ou_p_accept(p, OU_TOK_COMMA) && !ou_p_at(p, OU_TOK_COLON)) {
        OuExpr *e = ou_p_star_named_expression(p);
        if (!e || ou_vec_push(p, &elts, e) < 0)
            return NULL;
    }
    ou_p_end(p, &loc);
    OuExpr *t = ou_p_expr(p, OU_TUPLE_KIND, &loc);
    if (t) {
        t->v.list.elts = ou_p_exprseq(&elts);
        t->v.list.ctx = OU_LOAD;
    }
    return t;
}

static OuMatchCase *case_block(OuParser *p)
{
    int line = ou_p_cur(p)->lineno;
    ou_p_next(p);   /* case */
    OuMatchCase *mc = ou_ast_alloc(p->arena, sizeof *mc);
    if (!mc) {
        p->error = 1;
        return NULL;
    }
    int hint = p->no_comma_hint;
    p->no_comma_hint = 1;   /* patterns get no "Perhaps you forgot a comma?" */
    mc->pattern = case_patterns(p);
    p->no_comma_hint = hint;
    if (!mc->pattern)
        return NULL;
    if (ou_p_accept_kw(p, OU_KW_IF) && !(mc->guard = ou_p_named_expression(p)))
        return NULL;
    if (ou_p_expect_colon(p) < 0 || ou_p_block(p, &mc->body, "'case' statement", line) < 0)
        return NULL;
    return mc;
}

OuStmt *ou_p_match_stmt(OuParser *p)
{
    OuLoc loc = here(p);
    ou_p_next(p);   /* match */
    OuExpr *subject = subject_expr(p);
    if (!subject || ou_p_expect_colon(p) < 0)
        return NULL;
    OuStmt *s = ou_p_stmt(p, OU_MATCH_KIND, &loc);
    if (!s)
        return NULL;
    s->v.match.subject = subject;
    if (!ou_p_accept(p, OU_TOK_NEWLINE))
        return ou_p_syntax_error(p);
    if (!ou_p_accept(p, OU_TOK_INDENT)) {
        if (p->error)
            return NULL;
        OuLoc l = here(p);
        int k = 0;
        while (ou_p_peek(p, k)->kind == OU_TOK_DEDENT)
            k++;
        if (ou_p_peek(p, k)->kind == OU_TOK_ENDMARKER) {   /* the input ended */
            l = ou_p_tokloc(&p->toks[p->pos - 1]);
            l.end_col_offset = -2;
            p->lx.incomplete = 1;
        } else if (ou_p_at(p, OU_TOK_DEDENT)) {
            l.col_offset = -1;          /* CPython's offset 0, end -1 at a dedent */
            l.end_col_offset = -2;
        }
        return ou_p_error_at(p, &ouro_exc_IndentationError, &l,
                             "expected an indented block after 'match' statement on line %d",
                             loc.lineno);
    }
    OuVec cases = { 0 };
    do {
        if (!tok_is(p, ou_p_cur(p), "case"))
            return ou_p_syntax_error(p);
        OuMatchCase *mc = case_block(p);
        if (!mc || ou_vec_push(p, &cases, mc) < 0)
            return NULL;
    } while (!ou_p_at(p, OU_TOK_DEDENT) && !p->error);
    ou_p_next(p);
    s->v.match.cases.n = cases.n;
    s->v.match.cases.items = (OuMatchCase **)cases.items;
    OuMatchCase *last = s->v.match.cases.items[cases.n - 1];
    OuStmt *ls = last->body.items[last->body.n - 1];
    s->loc.end_lineno = ls->loc.end_lineno;
    s->loc.end_col_offset = ls->loc.end_col_offset;
    return s;
}
