/* src/lang/symtable.c — builds the scopes of a tree (pass 1: what each scope does with
 * each name) and resolves every name (pass 2: local, global, free or cell), as CPython's
 * symtable.c. Class scopes do not expose their names to nested functions; methods that
 * use super() or __class__ get a __class__ cell from the class. */
#include "symtable.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct StBuilder {
    const OuSrcInfo *si;
    OuSymScope *cur;
    OuroObject *private_name;   /* class name for mangling, or NULL (borrowed) */
} StBuilder;

int ou_st_error(const OuSrcInfo *si, const OuLoc *loc, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ou_syntax_error_at(&ouro_exc_SyntaxError, si->filename, loc, "%s", msg);
    return -1;
}

OuroObject *ou_mangle(OuroObject *privateobj, OuroObject *name)
{
    const char *s = ouro_str_utf8(name);
    size_t n = strlen(s);
    if (!privateobj || n < 3 || s[0] != '_' || s[1] != '_' ||
        (s[n - 1] == '_' && s[n - 2] == '_') || strchr(s, '.'))
        return OURO_NEWREF(name);
    const char *p = ouro_str_utf8(privateobj);
    while (*p == '_')
        p++;
    if (!*p)
        return OURO_NEWREF(name);
    OuroObject *r = ouro_str_from_format("_%s%s", p, s);
    if (r)
        ouro_str_intern_in_place(&r);
    return r;
}

/* --------------------------------------------------------------- scopes -- */

static OuSymScope *scope_new(StBuilder *b, int kind, OuroObject *name, const void *node,
                             int lineno)
{
    OuSymScope *s = ouro_mem_malloc(sizeof *s);
    if (!s) {
        ouro_err_no_memory();
        return NULL;
    }
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->node = node;
    s->lineno = lineno;
    s->name = OURO_NEWREF(name);
    s->symbols = ouro_dict_new();
    s->varnames = ouro_list_new(0);
    s->decl_lines = ouro_dict_new();
    if (!s->symbols || !s->varnames || !s->decl_lines) {
        ou_symtable_free(s);
        return NULL;
    }
    OuSymScope *parent = b ? b->cur : NULL;
    s->parent = parent;
    if (parent) {
        if (parent->nchildren == parent->cap) {
            int cap = parent->cap ? parent->cap * 2 : 4;
            OuSymScope **c = ouro_mem_realloc(parent->children, sizeof(*c) * (size_t)cap);
            if (!c) {
                ou_symtable_free(s);
                ouro_err_no_memory();
                return NULL;
            }
            parent->children = c;
            parent->cap = cap;
        }
        parent->children[parent->nchildren++] = s;
    }
    return s;
}

void ou_symtable_free(OuSymScope *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->nchildren; i++)
        ou_symtable_free(s->children[i]);
    ouro_mem_free(s->children);
    OURO_XDECREF(s->name);
    OURO_XDECREF(s->symbols);
    OURO_XDECREF(s->varnames);
    OURO_XDECREF(s->decl_lines);
    ouro_mem_free(s);
}

OuSymScope *ou_symtable_child(OuSymScope *s, const void *node)
{
    for (int i = 0; i < s->nchildren; i++)
        if (s->children[i]->node == node)
            return s->children[i];
    return NULL;
}

int ou_symtable_lookup(OuSymScope *s, OuroObject *name)
{
    OuroObject *v = ouro_dict_get_item_with_error(s->symbols, name);
    return v ? (int)ouro_int_as_int64(v) : 0;
}

static int set_flags(OuSymScope *s, OuroObject *name, int flags)
{
    OuroObject *v = ouro_int_from_int64(flags);
    if (!v)
        return -1;
    int rc = ouro_dict_set_item(s->symbols, name, v);
    OURO_DECREF(v);
    return rc;
}

/* Records that the current scope does `flag` with name (mangled in classes). */
static int add_def(StBuilder *b, OuroObject *rawname, int flag, const OuLoc *loc)
{
    OuSymScope *s = b->cur;
    OuroObject *name = ou_mangle(b->private_name, rawname);
    if (!name)
        return -1;
    int old = ou_symtable_lookup(s, name), rc = -1;
    if ((flag & OU_DEF_PARAM) && (old & OU_DEF_PARAM)) {
        ou_st_error(b->si, loc, "duplicate argument '%s' in function definition",
                           ouro_str_utf8(name));
        goto done;
    }
    if (set_flags(s, name, old | flag) < 0)
        goto done;
    if ((flag & OU_DEF_PARAM) && ouro_list_append(s->varnames, name) < 0)
        goto done;
    rc = 0;
done:
    OURO_DECREF(name);
    return rc;
}

/* ------------------------------------------------------------ the walk -- */

static int visit_expr(StBuilder *b, const OuExpr *e);
static int visit_stmts(StBuilder *b, const OuStmtSeq *body);

static int visit_exprs(StBuilder *b, const OuExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (seq->items[i] && visit_expr(b, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int visit_params(StBuilder *b, const OuArguments *a)
{
    const OuArgSeq *seqs[] = { &a->posonlyargs, &a->args, &a->kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < seqs[k]->n; i++)
            if (add_def(b, seqs[k]->items[i]->arg, OU_DEF_PARAM, &seqs[k]->items[i]->loc) < 0)
                return -1;
    if (a->vararg && add_def(b, a->vararg->arg, OU_DEF_PARAM, &a->vararg->loc) < 0)
        return -1;
    if (a->kwarg && add_def(b, a->kwarg->arg, OU_DEF_PARAM, &a->kwarg->loc) < 0)
        return -1;
    return 0;
}

/* Defaults and annotations are evaluated in the enclosing scope. */
static int visit_arg_exprs(StBuilder *b, const OuArguments *a, const OuExpr *returns)
{
    if (visit_exprs(b, &a->defaults) < 0 || visit_exprs(b, &a->kw_defaults) < 0)
        return -1;
    const OuArgSeq *seqs[] = { &a->posonlyargs, &a->args, &a->kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < seqs[k]->n; i++)
            if (seqs[k]->items[i]->annotation &&
                visit_expr(b, seqs[k]->items[i]->annotation) < 0)
                return -1;
    if (a->vararg && a->vararg->annotation && visit_expr(b, a->vararg->annotation) < 0)
        return -1;
    if (a->kwarg && a->kwarg->annotation && visit_expr(b, a->kwarg->annotation) < 0)
        return -1;
    return returns ? visit_expr(b, returns) : 0;
}

static int enter(StBuilder *b, int kind, OuroObject *name, const void *node, int lineno)
{
    OuSymScope *s = scope_new(b, kind, name, node, lineno);
    if (!s)
        return -1;
    b->cur = s;
    return 0;
}

static const char *comp_what(int kind)
{
    switch (kind) {
    case OU_LISTCOMP_KIND: return "list comprehension";
    case OU_SETCOMP_KIND: return "set comprehension";
    case OU_DICTCOMP_KIND: return "dict comprehension";
    default: return "generator expression";
    }
}

static int visit_comprehension(StBuilder *b, const OuExpr *e)
{
    const OuComprehensionSeq *gens = e->kind == OU_DICTCOMP_KIND
        ? &e->v.dictcomp.generators : &e->v.comp.generators;
    static const char *names[] = { "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>" };
    int idx = e->kind == OU_LISTCOMP_KIND ? 0 : e->kind == OU_SETCOMP_KIND ? 1
            : e->kind == OU_DICTCOMP_KIND ? 2 : 3;
    /* The outermost iterable is evaluated in the enclosing scope. */
    if (visit_expr(b, gens->items[0]->iter) < 0)
        return -1;
    OuroObject *name = ouro_str_intern_cstr(names[idx]), *dot0 = ouro_str_intern_cstr(".0");
    if (!name || !dot0 || enter(b, OU_ST_FUNCTION, name, e, e->loc.lineno) < 0)
        return -1;
    OuSymScope *s = b->cur;
    s->comp_kind = e->kind;
    s->is_generator = e->kind == OU_GENERATOREXP_KIND;
    if (add_def(b, dot0, OU_DEF_PARAM, &e->loc) < 0)
        return -1;
    for (int i = 0; i < gens->n; i++) {
        const OuComprehension *g = gens->items[i];
        if ((i > 0 && visit_expr(b, g->iter) < 0) || visit_expr(b, g->target) < 0 ||
            visit_exprs(b, &g->ifs) < 0)
            return -1;
    }
    if (e->kind == OU_DICTCOMP_KIND) {
        if (visit_expr(b, e->v.dictcomp.key) < 0 || visit_expr(b, e->v.dictcomp.value) < 0)
            return -1;
    } else if (visit_expr(b, e->v.comp.elt) < 0) {
        return -1;
    }
    b->cur = s->parent;
    return 0;
}

static int visit_yield(StBuilder *b, const OuExpr *e)
{
    OuSymScope *s = b->cur;
    if (s->comp_kind)
        return ou_st_error(b->si, &e->loc, "'yield' inside %s", comp_what(s->comp_kind));
    if (s->kind != OU_ST_FUNCTION)
        return ou_st_error(b->si, &e->loc, "'yield' outside function");
    s->is_generator = 1;
    const OuExpr *v = e->kind == OU_YIELD_KIND ? e->v.yield.value : e->v.yieldfrom.value;
    return v ? visit_expr(b, v) : 0;
}

static int visit_name(StBuilder *b, const OuExpr *e)
{
    int flag = e->v.name.ctx == OU_LOAD ? OU_DEF_USE : OU_DEF_LOCAL;
    if (add_def(b, e->v.name.id, flag, &e->loc) < 0)
        return -1;
    /* super() inside a method needs the class's __class__ cell. */
    if (flag == OU_DEF_USE && b->cur->kind == OU_ST_FUNCTION &&
        ouro_str_equal_cstr(e->v.name.id, "super")) {
        OuroObject *cls = ouro_str_intern_cstr("__class__");
        if (!cls || add_def(b, cls, OU_DEF_USE, &e->loc) < 0)
            return -1;
    }
    return 0;
}

/* (y := ...) inside a comprehension binds y in the nearest enclosing function (or the
 * module): a local there, nonlocal (global) in each comprehension on the way (PEP 572). */
static int visit_comp_walrus(StBuilder *b, const OuExpr *target)
{
    OuSymScope *s = b->cur, *e = s;
    while (e->comp_kind)
        e = e->parent;
    if (e->kind == OU_ST_CLASS)
        return ou_st_error(b->si, &target->loc, "assignment expression within a "
                           "comprehension cannot be used in a class body");
    int rc = 0;
    for (OuSymScope *x = s; rc == 0 && x != e; x = x->parent) {
        b->cur = x;
        rc = add_def(b, target->v.name.id,
                     e->kind == OU_ST_MODULE ? OU_DEF_GLOBAL : OU_DEF_NONLOCAL, &target->loc);
        if (rc == 0 && e->kind != OU_ST_MODULE) {
            OuroObject *ln = ouro_int_from_int64(target->loc.lineno);
            rc = ln ? ouro_dict_set_item(x->decl_lines, target->v.name.id, ln) : -1;
            OURO_XDECREF(ln);
        }
    }
    b->cur = e;
    if (rc == 0)
        rc = add_def(b, target->v.name.id, OU_DEF_LOCAL, &target->loc);
    b->cur = s;
    return rc;
}

static int visit_expr(StBuilder *b, const OuExpr *e)
{
    switch (e->kind) {
    case OU_BOOLOP_KIND: return visit_exprs(b, &e->v.boolop.values);
    case OU_NAMEDEXPR_KIND:
        if (visit_expr(b, e->v.namedexpr.value) < 0)
            return -1;
        if (b->cur->comp_kind && e->v.namedexpr.target->kind == OU_NAME_KIND)
            return visit_comp_walrus(b, e->v.namedexpr.target);
        return visit_expr(b, e->v.namedexpr.target);
    case OU_BINOP_KIND:
        return visit_expr(b, e->v.binop.left) < 0 ? -1 : visit_expr(b, e->v.binop.right);
    case OU_UNARYOP_KIND: return visit_expr(b, e->v.unaryop.operand);
    case OU_LAMBDA_KIND: {
        if (visit_arg_exprs(b, e->v.lambda.args, NULL) < 0)
            return -1;
        OuroObject *name = ouro_str_intern_cstr("<lambda>");
        if (!name || enter(b, OU_ST_FUNCTION, name, e, e->loc.lineno) < 0)
            return -1;
        OuSymScope *s = b->cur;
        s->is_lambda = 1;
        if (visit_params(b, e->v.lambda.args) < 0 || visit_expr(b, e->v.lambda.body) < 0)
            return -1;
        b->cur = s->parent;
        return 0;
    }
    case OU_IFEXP_KIND:
        if (visit_expr(b, e->v.ifexp.test) < 0 || visit_expr(b, e->v.ifexp.body) < 0)
            return -1;
        return visit_expr(b, e->v.ifexp.orelse);
    case OU_DICT_KIND:
        return visit_exprs(b, &e->v.dict.keys) < 0 ? -1 : visit_exprs(b, &e->v.dict.values);
    case OU_SET_KIND: return visit_exprs(b, &e->v.set.elts);
    case OU_LISTCOMP_KIND: case OU_SETCOMP_KIND: case OU_DICTCOMP_KIND:
    case OU_GENERATOREXP_KIND:
        return visit_comprehension(b, e);
    case OU_AWAIT_KIND: return visit_expr(b, e->v.await_.value);
    case OU_YIELD_KIND: case OU_YIELDFROM_KIND: return visit_yield(b, e);
    case OU_COMPARE_KIND:
        return visit_expr(b, e->v.compare.left) < 0 ? -1 : visit_exprs(b, &e->v.compare.comparators);
    case OU_CALL_KIND:
        if (visit_expr(b, e->v.call.func) < 0 || visit_exprs(b, &e->v.call.args) < 0)
            return -1;
        for (int i = 0; i < e->v.call.keywords.n; i++)
            if (visit_expr(b, e->v.call.keywords.items[i]->value) < 0)
                return -1;
        return 0;
    case OU_FORMATTEDVALUE_KIND:
        if (visit_expr(b, e->v.formattedvalue.value) < 0)
            return -1;
        return e->v.formattedvalue.format_spec ? visit_expr(b, e->v.formattedvalue.format_spec) : 0;
    case OU_JOINEDSTR_KIND: return visit_exprs(b, &e->v.joinedstr.values);
    case OU_CONSTANT_KIND: return 0;
    case OU_ATTRIBUTE_KIND: return visit_expr(b, e->v.attribute.value);
    case OU_SUBSCRIPT_KIND:
        return visit_expr(b, e->v.subscript.value) < 0 ? -1 : visit_expr(b, e->v.subscript.slice);
    case OU_STARRED_KIND: return visit_expr(b, e->v.starred.value);
    case OU_NAME_KIND: return visit_name(b, e);
    case OU_LIST_KIND: case OU_TUPLE_KIND: return visit_exprs(b, &e->v.list.elts);
    case OU_SLICE_KIND:
        if (e->v.slice.lower && visit_expr(b, e->v.slice.lower) < 0)
            return -1;
        if (e->v.slice.upper && visit_expr(b, e->v.slice.upper) < 0)
            return -1;
        return e->v.slice.step ? visit_expr(b, e->v.slice.step) : 0;
    }
    return 0;
}

static int visit_global(StBuilder *b, const OuStmt *st)
{
    int nonlocal = st->kind == OU_NONLOCAL_KIND;
    OuSymScope *s = b->cur;
    if (nonlocal && s->kind == OU_ST_MODULE)
        return ou_st_error(b->si, &st->loc, "nonlocal declaration not allowed at module level");
    const char *what = nonlocal ? "nonlocal" : "global";
    for (int i = 0; i < st->v.global.names.n; i++) {
        OuroObject *name = ou_mangle(b->private_name, st->v.global.names.items[i]);
        if (!name)
            return -1;
        int cur = ou_symtable_lookup(s, name), rc = 0;
        const char *n = ouro_str_utf8(name);
        if (cur & (OU_DEF_PARAM | OU_DEF_LOCAL | OU_DEF_USE | OU_DEF_ANNOT)) {
            if (cur & OU_DEF_PARAM)
                rc = ou_st_error(b->si, &st->loc, "name '%s' is parameter and %s", n, what);
            else if (cur & OU_DEF_USE)
                rc = ou_st_error(b->si, &st->loc, "name '%s' is used prior to %s declaration", n, what);
            else if (cur & OU_DEF_ANNOT)
                rc = ou_st_error(b->si, &st->loc, "annotated name '%s' can't be %s", n, what);
            else
                rc = ou_st_error(b->si, &st->loc, "name '%s' is assigned to before %s declaration", n, what);
        } else if ((cur & OU_DEF_GLOBAL && nonlocal) || (cur & OU_DEF_NONLOCAL && !nonlocal)) {
            rc = ou_st_error(b->si, &st->loc, "name '%s' is nonlocal and global", n);
        } else {
            rc = set_flags(s, name, cur | (nonlocal ? OU_DEF_NONLOCAL : OU_DEF_GLOBAL));
            OuroObject *ln = rc == 0 && nonlocal ? ouro_int_from_int64(st->loc.lineno) : NULL;
            if (ln)
                rc = ouro_dict_set_item(s->decl_lines, name, ln);
            OURO_XDECREF(ln);
        }
        OURO_DECREF(name);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int visit_import(StBuilder *b, const OuStmt *st)
{
    const OuAliasSeq *names = st->kind == OU_IMPORT_KIND ? &st->v.import.names
                                                         : &st->v.importfrom.names;
    for (int i = 0; i < names->n; i++) {
        const OuAlias *a = names->items[i];
        if (ouro_str_equal_cstr(a->name, "*")) {
            if (b->cur->kind != OU_ST_MODULE)
                return ou_st_error(b->si, &st->loc, "import * only allowed at module level");
            continue;
        }
        OuroObject *bound = a->asname;
        int rc;
        if (!bound && st->kind == OU_IMPORT_KIND && strchr(ouro_str_utf8(a->name), '.')) {
            const char *s = ouro_str_utf8(a->name);
            OuroObject *first = ouro_str_from_utf8(s, (size_t)(strchr(s, '.') - s));
            if (!first)
                return -1;
            ouro_str_intern_in_place(&first);
            rc = add_def(b, first, OU_DEF_IMPORT | OU_DEF_LOCAL, &a->loc);
            OURO_DECREF(first);
        } else {
            rc = add_def(b, bound ? bound : a->name, OU_DEF_IMPORT | OU_DEF_LOCAL, &a->loc);
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int visit_funcdef(StBuilder *b, const OuStmt *st)
{
    if (add_def(b, st->v.functiondef.name, OU_DEF_LOCAL, &st->loc) < 0 ||
        visit_exprs(b, &st->v.functiondef.decorator_list) < 0 ||
        visit_arg_exprs(b, st->v.functiondef.args, st->v.functiondef.returns) < 0)
        return -1;
    if (enter(b, OU_ST_FUNCTION, st->v.functiondef.name, st, st->loc.lineno) < 0)
        return -1;
    OuSymScope *s = b->cur;
    if (visit_params(b, st->v.functiondef.args) < 0 || visit_stmts(b, &st->v.functiondef.body) < 0)
        return -1;
    b->cur = s->parent;
    return 0;
}

static int visit_classdef(StBuilder *b, const OuStmt *st)
{
    if (add_def(b, st->v.classdef.name, OU_DEF_LOCAL, &st->loc) < 0 ||
        visit_exprs(b, &st->v.classdef.decorator_list) < 0 ||
        visit_exprs(b, &st->v.classdef.bases) < 0)
        return -1;
    for (int i = 0; i < st->v.classdef.keywords.n; i++)
        if (visit_expr(b, st->v.classdef.keywords.items[i]->value) < 0)
            return -1;
    if (enter(b, OU_ST_CLASS, st->v.classdef.name, st, st->loc.lineno) < 0)
        return -1;
    OuSymScope *s = b->cur;
    OuroObject *saved = b->private_name;
    b->private_name = st->v.classdef.name;
    int rc = visit_stmts(b, &st->v.classdef.body);
    b->private_name = saved;
    b->cur = s->parent;
    return rc;
}

/* A pattern of a match statement: its captures bind, its values and classes are used. */
static int visit_pattern(StBuilder *b, const OuPattern *pt)
{
    switch (pt->kind) {
    case OU_MATCHVALUE_KIND: return visit_expr(b, pt->v.value.value);
    case OU_MATCHSINGLETON_KIND: return 0;
    case OU_MATCHSEQUENCE_KIND: case OU_MATCHOR_KIND:
        for (int i = 0; i < pt->v.seq.patterns.n; i++)
            if (visit_pattern(b, pt->v.seq.patterns.items[i]) < 0)
                return -1;
        return 0;
    case OU_MATCHMAPPING_KIND:
        if (visit_exprs(b, &pt->v.mapping.keys) < 0)
            return -1;
        for (int i = 0; i < pt->v.mapping.patterns.n; i++)
            if (visit_pattern(b, pt->v.mapping.patterns.items[i]) < 0)
                return -1;
        return pt->v.mapping.rest ? add_def(b, pt->v.mapping.rest, OU_DEF_LOCAL, &pt->loc) : 0;
    case OU_MATCHCLASS_KIND:
        if (visit_expr(b, pt->v.cls.cls) < 0)
            return -1;
        for (int i = 0; i < pt->v.cls.patterns.n; i++)
            if (visit_pattern(b, pt->v.cls.patterns.items[i]) < 0)
                return -1;
        for (int i = 0; i < pt->v.cls.kwd_patterns.n; i++)
            if (visit_pattern(b, pt->v.cls.kwd_patterns.items[i]) < 0)
                return -1;
        return 0;
    case OU_MATCHSTAR_KIND:
        return pt->v.star.name ? add_def(b, pt->v.star.name, OU_DEF_LOCAL, &pt->loc) : 0;
    case OU_MATCHAS_KIND:
        if (pt->v.as.pattern && visit_pattern(b, pt->v.as.pattern) < 0)
            return -1;
        return pt->v.as.name ? add_def(b, pt->v.as.name, OU_DEF_LOCAL, &pt->loc) : 0;
    }
    return 0;
}

static int visit_match(StBuilder *b, const OuStmt *st)
{
    if (visit_expr(b, st->v.match.subject) < 0)
        return -1;
    for (int i = 0; i < st->v.match.cases.n; i++) {
        const OuMatchCase *mc = st->v.match.cases.items[i];
        if (visit_pattern(b, mc->pattern) < 0 || (mc->guard && visit_expr(b, mc->guard) < 0) ||
            visit_stmts(b, &mc->body) < 0)
            return -1;
    }
    return 0;
}

static int visit_stmt(StBuilder *b, const OuStmt *st)
{
    switch (st->kind) {
    case OU_FUNCTIONDEF_KIND: case OU_ASYNCFUNCTIONDEF_KIND: return visit_funcdef(b, st);
    case OU_CLASSDEF_KIND: return visit_classdef(b, st);
    case OU_RETURN_KIND: return st->v.return_.value ? visit_expr(b, st->v.return_.value) : 0;
    case OU_DELETE_KIND: return visit_exprs(b, &st->v.delete_.targets);
    case OU_ASSIGN_KIND:
        return visit_exprs(b, &st->v.assign.targets) < 0 ? -1 : visit_expr(b, st->v.assign.value);
    case OU_AUGASSIGN_KIND:
        return visit_expr(b, st->v.augassign.target) < 0 ? -1 : visit_expr(b, st->v.augassign.value);
    case OU_ANNASSIGN_KIND: {
        const OuExpr *t = st->v.annassign.target;
        if (t->kind == OU_NAME_KIND) {
            int cur = ou_symtable_lookup(b->cur, t->v.name.id);
            if (cur & (OU_DEF_GLOBAL | OU_DEF_NONLOCAL))
                return ou_st_error(b->si, &st->loc, "annotated name '%s' can't be %s",
                                          ouro_str_utf8(t->v.name.id),
                                          cur & OU_DEF_GLOBAL ? "global" : "nonlocal");
            if (add_def(b, t->v.name.id, OU_DEF_ANNOT | (st->v.annassign.value ? OU_DEF_LOCAL : 0), &t->loc) < 0)
                return -1;
            if (st->v.annassign.simple && b->cur->kind != OU_ST_FUNCTION)
                b->cur->has_annotations = 1;
        } else if (visit_expr(b, t) < 0) {
            return -1;
        }
        if (b->cur->kind != OU_ST_FUNCTION && visit_expr(b, st->v.annassign.annotation) < 0)
            return -1;
        return st->v.annassign.value ? visit_expr(b, st->v.annassign.value) : 0;
    }
    case OU_FOR_KIND: case OU_ASYNCFOR_KIND:
        if (visit_expr(b, st->v.for_.target) < 0 || visit_expr(b, st->v.for_.iter) < 0 ||
            visit_stmts(b, &st->v.for_.body) < 0)
            return -1;
        return visit_stmts(b, &st->v.for_.orelse);
    case OU_MATCH_KIND: return visit_match(b, st);
    case OU_WHILE_KIND: case OU_IF_KIND:
        if (visit_expr(b, st->v.while_.test) < 0 || visit_stmts(b, &st->v.while_.body) < 0)
            return -1;
        return visit_stmts(b, &st->v.while_.orelse);
    case OU_WITH_KIND: case OU_ASYNCWITH_KIND:
        for (int i = 0; i < st->v.with.items.n; i++) {
            const OuWithItem *w = st->v.with.items.items[i];
            if (visit_expr(b, w->context_expr) < 0 ||
                (w->optional_vars && visit_expr(b, w->optional_vars) < 0))
                return -1;
        }
        return visit_stmts(b, &st->v.with.body);
    case OU_RAISE_KIND:
        if (st->v.raise.exc && visit_expr(b, st->v.raise.exc) < 0)
            return -1;
        return st->v.raise.cause ? visit_expr(b, st->v.raise.cause) : 0;
    case OU_TRY_KIND:
        if (visit_stmts(b, &st->v.try_.body) < 0)
            return -1;
        for (int i = 0; i < st->v.try_.handlers.n; i++) {
            const OuExceptHandler *h = st->v.try_.handlers.items[i];
            if (h->type && visit_expr(b, h->type) < 0)
                return -1;
            if (h->name && add_def(b, h->name, OU_DEF_LOCAL, &h->loc) < 0)
                return -1;
            if (visit_stmts(b, &h->body) < 0)
                return -1;
        }
        if (visit_stmts(b, &st->v.try_.orelse) < 0)
            return -1;
        return visit_stmts(b, &st->v.try_.finalbody);
    case OU_ASSERT_KIND:
        if (visit_expr(b, st->v.assert_.test) < 0)
            return -1;
        return st->v.assert_.msg ? visit_expr(b, st->v.assert_.msg) : 0;
    case OU_IMPORT_KIND: case OU_IMPORTFROM_KIND: return visit_import(b, st);
    case OU_GLOBAL_KIND: case OU_NONLOCAL_KIND: return visit_global(b, st);
    case OU_EXPR_KIND: return visit_expr(b, st->v.expr.value);
    case OU_PASS_KIND: case OU_BREAK_KIND: case OU_CONTINUE_KIND: return 0;
    }
    return 0;
}

static int visit_stmts(StBuilder *b, const OuStmtSeq *body)
{
    for (int i = 0; i < body->n; i++)
        if (visit_stmt(b, body->items[i]) < 0)
            return -1;
    return 0;
}

/* ---------------------------------------------------------- resolution -- */

/* Sets of names as dicts name -> None. */
static int set_add(OuroObject *set, OuroObject *name) { return ouro_dict_set_item(set, name, OURO_NONE); }
static int set_has(OuroObject *set, OuroObject *name) { return set && ouro_dict_contains(set, name) > 0; }
static void set_discard(OuroObject *set, OuroObject *name)
{
    if (ouro_dict_del_item(set, name) < 0)
        ouro_err_clear();
}

static int analyze(const OuSrcInfo *si, OuSymScope *s, OuroObject *bound, OuroObject *global,
                   OuroObject *free_out);

/* Resolves the names of s given the names bound in enclosing functions (bound) and the
 * names declared global there (global); adds the names s needs from outside to
 * free_out. */
static int analyze_names(const OuSrcInfo *si, OuSymScope *s, OuroObject *bound,
                         OuroObject *global, OuroObject *local, OuroObject *newglobal)
{
    ouro_ssize pos = 0;
    OuroObject *name, *v;
    while (ouro_dict_next(s->symbols, &pos, &name, &v)) {
        int flags = (int)ouro_int_as_int64(v), sc;
        if (flags & OU_DEF_GLOBAL) {
            sc = OU_SC_GLOBAL_EXPLICIT;
            if (set_add(newglobal, name) < 0)
                return -1;
        } else if (flags & OU_DEF_NONLOCAL) {
            if (!set_has(bound, name)) {
                OuroObject *ln = ouro_dict_get_item_with_error(s->decl_lines, name);
                int line = ln ? (int)ouro_int_as_int64(ln) : s->lineno;
                OuLoc loc = { line, 0, line, 0 };
                return ou_st_error(si, &loc, "no binding for nonlocal '%s' found",
                                          ouro_str_utf8(name));
            }
            sc = OU_SC_FREE;
        } else if (flags & OU_DEF_BOUND) {
            sc = OU_SC_LOCAL;
            if (set_add(local, name) < 0)
                return -1;
            set_discard(newglobal, name);
        } else if (set_has(bound, name)) {
            sc = OU_SC_FREE;
        } else {
            sc = OU_SC_GLOBAL_IMPLICIT;
        }
        if (set_flags(s, name, (flags & ((1 << OU_SC_SHIFT) - 1)) | (sc << OU_SC_SHIFT)) < 0)
            return -1;
    }
    return 0;
}

static int analyze_children(const OuSrcInfo *si, OuSymScope *s, OuroObject *bound,
                            OuroObject *global, OuroObject *local, OuroObject *newfree)
{
    OuroObject *newbound = ouro_dict_new(), *newglobal = ouro_dict_copy(global);
    int rc = -1;
    if (!newbound || !newglobal)
        goto done;
    if (s->kind != OU_ST_MODULE && bound && ouro_dict_merge(newbound, bound, 1) < 0)
        goto done;
    if (s->kind == OU_ST_FUNCTION && ouro_dict_merge(newbound, local, 1) < 0)
        goto done;
    if (s->kind == OU_ST_CLASS) {
        OuroObject *cls = ouro_str_intern_cstr("__class__");
        if (!cls || set_add(newbound, cls) < 0)
            goto done;
    }
    for (int i = 0; i < s->nchildren; i++)
        if (analyze(si, s->children[i], newbound, newglobal, newfree) < 0)
            goto done;
    rc = 0;
done:
    OURO_XDECREF(newbound);
    OURO_XDECREF(newglobal);
    return rc;
}

/* Names free in children that s binds become cells of s; the others pass through s as
 * free variables (added to s's symbols). */
static int settle_free(OuSymScope *s, OuroObject *newfree, OuroObject *free_out)
{
    ouro_ssize pos = 0;
    OuroObject *name, *v;
    if (s->kind == OU_ST_CLASS) {
        OuroObject *cls = ouro_str_intern_cstr("__class__");
        if (!cls)
            return -1;
        if (set_has(newfree, cls)) {
            s->needs_class_closure = 1;
            set_discard(newfree, cls);
        }
    }
    while (ouro_dict_next(newfree, &pos, &name, &v)) {
        int flags = ou_symtable_lookup(s, name), sc = OU_SC_OF(flags);
        if (s->kind == OU_ST_FUNCTION && (sc == OU_SC_LOCAL || sc == OU_SC_CELL)) {
            if (set_flags(s, name, (flags & ((1 << OU_SC_SHIFT) - 1)) | (OU_SC_CELL << OU_SC_SHIFT)) < 0)
                return -1;
            continue;
        }
        if (sc == OU_SC_GLOBAL_EXPLICIT)
            continue;
        if (s->kind == OU_ST_CLASS && sc == OU_SC_LOCAL) {
            /* Bound in the class body and free in a method: both meanings live on. */
            if (set_flags(s, name, flags | OU_DEF_FREE_CLASS) < 0)
                return -1;
        } else if (s->kind != OU_ST_MODULE && !flags) {
            if (set_flags(s, name, OU_SC_FREE << OU_SC_SHIFT) < 0)
                return -1;
        } else if (s->kind != OU_ST_MODULE && sc == OU_SC_GLOBAL_IMPLICIT) {
            if (set_flags(s, name, (flags & ((1 << OU_SC_SHIFT) - 1)) | (OU_SC_FREE << OU_SC_SHIFT)) < 0)
                return -1;
        }
        if (s->kind != OU_ST_MODULE && set_add(free_out, name) < 0)
            return -1;
    }
    /* s's own free names are needed from outside too. */
    pos = 0;
    while (ouro_dict_next(s->symbols, &pos, &name, &v)) {
        if (OU_SC_OF((int)ouro_int_as_int64(v)) == OU_SC_FREE && set_add(free_out, name) < 0)
            return -1;
    }
    return 0;
}

static int analyze(const OuSrcInfo *si, OuSymScope *s, OuroObject *bound, OuroObject *global,
                   OuroObject *free_out)
{
    OuroObject *local = ouro_dict_new(), *newglobal = ouro_dict_copy(global);
    OuroObject *newfree = ouro_dict_new();
    int rc = -1;
    if (!local || !newglobal || !newfree)
        goto done;
    if (analyze_names(si, s, bound, global, local, newglobal) < 0 ||
        analyze_children(si, s, bound, newglobal, local, newfree) < 0 ||
        settle_free(s, newfree, free_out) < 0)
        goto done;
    rc = 0;
done:
    OURO_XDECREF(local);
    OURO_XDECREF(newglobal);
    OURO_XDECREF(newfree);
    return rc;
}

OuSymScope *ou_symtable_build(const OuMod *m, const OuSrcInfo *si)
{
    OuroObject *name = ouro_str_intern_cstr("top");
    if (!name)
        return NULL;
    OuSymScope *top = scope_new(NULL, OU_ST_MODULE, name, m, 1);
    if (!top)
        return NULL;
    StBuilder b = { si, top, NULL };
    int rc;
    if (m->kind == OU_EXPRESSION_KIND)
        rc = visit_expr(&b, m->expr);
    else
        rc = visit_stmts(&b, &m->body);
    OuroObject *global = NULL, *free_out = NULL;
    if (rc == 0) {
        global = ouro_dict_new();
        free_out = ouro_dict_new();
        rc = global && free_out ? analyze(si, top, NULL, global, free_out) : -1;
    }
    OURO_XDECREF(global);
    OURO_XDECREF(free_out);
    if (rc < 0) {
        ou_symtable_free(top);
        return NULL;
    }
    return top;
}
