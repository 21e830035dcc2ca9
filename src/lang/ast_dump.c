/* src/lang/ast_dump.c — ast.dump() of a tree, as python3 3.11 prints it (fields in
 * Python.asdl order, optional fields omitted when None), and the list of node positions
 * in ast.walk() order: both for comparing the parser with CPython in tests. */
#include "ast.h"
#include "objects/objects.h"
#include "mem/mem.h"
#include <string.h>
#include <stdio.h>

typedef struct Dump {
    OuStrBuf b;
    int err;
} Dump;

static void put(Dump *d, const char *s) { ou_strbuf_append_cstr(&d->b, s); }

static void put_repr(Dump *d, OuroObject *o)
{
    if (ou_strbuf_append_repr(&d->b, o) < 0)
        d->err = 1;
}

static void dump_expr(Dump *d, const OuExpr *e);
static void dump_stmts(Dump *d, const OuStmtSeq *s);

/* ", name=" before every field but the first. */
static void field(Dump *d, const char *name, bool first)
{
    if (!first)
        put(d, ", ");
    put(d, name);
    put(d, "=");
}

static void dump_opt_expr(Dump *d, const char *name, const OuExpr *e)
{
    if (e) {
        field(d, name, false);
        dump_expr(d, e);
    }
}

static void dump_exprs(Dump *d, const OuExprSeq *s)
{
    put(d, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            put(d, ", ");
        if (s->items[i])
            dump_expr(d, s->items[i]);
        else
            put(d, "None");
    }
    put(d, "]");
}

static const char *ctx_name(OuExprContext c)
{
    return c == OU_STORE ? "Store()" : c == OU_DEL ? "Del()" : "Load()";
}

static const char *const operator_names[] = {
    "", "Add()", "Sub()", "Mult()", "MatMult()", "Div()", "Mod()", "Pow()", "LShift()",
    "RShift()", "BitOr()", "BitXor()", "BitAnd()", "FloorDiv()"
};
static const char *const unary_names[] = { "", "Invert()", "Not()", "UAdd()", "USub()" };
static const char *const cmp_names[] = {
    "", "Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()", "Is()", "IsNot()", "In()",
    "NotIn()"
};

static void dump_arg(Dump *d, const OuArg *a)
{
    put(d, "arg(arg=");
    put_repr(d, a->arg);
    dump_opt_expr(d, "annotation", a->annotation);
    put(d, ")");
}

static void dump_args_seq(Dump *d, const OuArgSeq *s)
{
    put(d, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            put(d, ", ");
        dump_arg(d, s->items[i]);
    }
    put(d, "]");
}

static void dump_arguments(Dump *d, const OuArguments *a)
{
    put(d, "arguments(posonlyargs=");
    dump_args_seq(d, &a->posonlyargs);
    put(d, ", args=");
    dump_args_seq(d, &a->args);
    if (a->vararg) {
        put(d, ", vararg=");
        dump_arg(d, a->vararg);
    }
    put(d, ", kwonlyargs=");
    dump_args_seq(d, &a->kwonlyargs);
    put(d, ", kw_defaults=");
    dump_exprs(d, &a->kw_defaults);
    if (a->kwarg) {
        put(d, ", kwarg=");
        dump_arg(d, a->kwarg);
    }
    put(d, ", defaults=");
    dump_exprs(d, &a->defaults);
    put(d, ")");
}

static void dump_keywords(Dump *d, const OuKeywordSeq *s)
{
    put(d, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            put(d, ", ");
        put(d, "keyword(");
        if (s->items[i]->arg) {
            put(d, "arg=");
            put_repr(d, s->items[i]->arg);
            put(d, ", ");
        }
        put(d, "value=");
        dump_expr(d, s->items[i]->value);
        put(d, ")");
    }
    put(d, "]");
}

static void dump_generators(Dump *d, const OuComprehensionSeq *s)
{
    put(d, "[");
    for (int i = 0; i < s->n; i++) {
        const OuComprehension *c = s->items[i];
        if (i)
            put(d, ", ");
        put(d, "comprehension(target=");
        dump_expr(d, c->target);
        put(d, ", iter=");
        dump_expr(d, c->iter);
        put(d, ", ifs=");
        dump_exprs(d, &c->ifs);
        put(d, c->is_async ? ", is_async=1)" : ", is_async=0)");
    }
    put(d, "]");
}

static void dump_constant(Dump *d, const OuExpr *e)
{
    put(d, "Constant(value=");
    put_repr(d, e->v.constant.value);
    if (e->v.constant.kind) {
        put(d, ", kind='");
        put(d, e->v.constant.kind);
        put(d, "'");
    }
    put(d, ")");
}

static void dump_expr2(Dump *d, const OuExpr *e)
{
    char num[32];
    switch (e->kind) {
    case OU_COMPARE_KIND:
        put(d, "Compare(left=");
        dump_expr(d, e->v.compare.left);
        put(d, ", ops=[");
        for (int i = 0; i < e->v.compare.n; i++) {
            if (i)
                put(d, ", ");
            put(d, cmp_names[e->v.compare.ops[i]]);
        }
        put(d, "], comparators=");
        dump_exprs(d, &e->v.compare.comparators);
        put(d, ")");
        break;
    case OU_CALL_KIND:
        put(d, "Call(func=");
        dump_expr(d, e->v.call.func);
        put(d, ", args=");
        dump_exprs(d, &e->v.call.args);
        put(d, ", keywords=");
        dump_keywords(d, &e->v.call.keywords);
        put(d, ")");
        break;
    case OU_FORMATTEDVALUE_KIND:
        put(d, "FormattedValue(value=");
        dump_expr(d, e->v.formattedvalue.value);
        snprintf(num, sizeof num, ", conversion=%d", e->v.formattedvalue.conversion);
        put(d, num);
        dump_opt_expr(d, "format_spec", e->v.formattedvalue.format_spec);
        put(d, ")");
        break;
    case OU_JOINEDSTR_KIND:
        put(d, "JoinedStr(values=");
        dump_exprs(d, &e->v.joinedstr.values);
        put(d, ")");
        break;
    case OU_CONSTANT_KIND:
        dump_constant(d, e);
        break;
    case OU_ATTRIBUTE_KIND:
        put(d, "Attribute(value=");
        dump_expr(d, e->v.attribute.value);
        put(d, ", attr=");
        put_repr(d, e->v.attribute.attr);
        put(d, ", ctx=");
        put(d, ctx_name(e->v.attribute.ctx));
        put(d, ")");
        break;
    case OU_SUBSCRIPT_KIND:
        put(d, "Subscript(value=");
        dump_expr(d, e->v.subscript.value);
        put(d, ", slice=");
        dump_expr(d, e->v.subscript.slice);
        put(d, ", ctx=");
        put(d, ctx_name(e->v.subscript.ctx));
        put(d, ")");
        break;
    case OU_STARRED_KIND:
        put(d, "Starred(value=");
        dump_expr(d, e->v.starred.value);
        put(d, ", ctx=");
        put(d, ctx_name(e->v.starred.ctx));
        put(d, ")");
        break;
    case OU_NAME_KIND:
        put(d, "Name(id=");
        put_repr(d, e->v.name.id);
        put(d, ", ctx=");
        put(d, ctx_name(e->v.name.ctx));
        put(d, ")");
        break;
    case OU_LIST_KIND:
    case OU_TUPLE_KIND:
        put(d, e->kind == OU_LIST_KIND ? "List(elts=" : "Tuple(elts=");
        dump_exprs(d, &e->v.list.elts);
        put(d, ", ctx=");
        put(d, ctx_name(e->v.list.ctx));
        put(d, ")");
        break;
    case OU_SLICE_KIND: {
        put(d, "Slice(");
        bool first = true;
        const OuExpr *parts[3] = { e->v.slice.lower, e->v.slice.upper, e->v.slice.step };
        const char *names[3] = { "lower", "upper", "step" };
        for (int i = 0; i < 3; i++)
            if (parts[i]) {
                field(d, names[i], first);
                dump_expr(d, parts[i]);
                first = false;
            }
        put(d, ")");
        break;
    }
    default:
        d->err = 1;
        break;
    }
}

static void dump_expr(Dump *d, const OuExpr *e)
{
    switch (e->kind) {
    case OU_BOOLOP_KIND:
        put(d, e->v.boolop.op == OU_AND ? "BoolOp(op=And(), values=" : "BoolOp(op=Or(), values=");
        dump_exprs(d, &e->v.boolop.values);
        put(d, ")");
        break;
    case OU_NAMEDEXPR_KIND:
        put(d, "NamedExpr(target=");
        dump_expr(d, e->v.namedexpr.target);
        put(d, ", value=");
        dump_expr(d, e->v.namedexpr.value);
        put(d, ")");
        break;
    case OU_BINOP_KIND:
        put(d, "BinOp(left=");
        dump_expr(d, e->v.binop.left);
        put(d, ", op=");
        put(d, operator_names[e->v.binop.op]);
        put(d, ", right=");
        dump_expr(d, e->v.binop.right);
        put(d, ")");
        break;
    case OU_UNARYOP_KIND:
        put(d, "UnaryOp(op=");
        put(d, unary_names[e->v.unaryop.op]);
        put(d, ", operand=");
        dump_expr(d, e->v.unaryop.operand);
        put(d, ")");
        break;
    case OU_LAMBDA_KIND:
        put(d, "Lambda(args=");
        dump_arguments(d, e->v.lambda.args);
        put(d, ", body=");
        dump_expr(d, e->v.lambda.body);
        put(d, ")");
        break;
    case OU_IFEXP_KIND:
        put(d, "IfExp(test=");
        dump_expr(d, e->v.ifexp.test);
        put(d, ", body=");
        dump_expr(d, e->v.ifexp.body);
        put(d, ", orelse=");
        dump_expr(d, e->v.ifexp.orelse);
        put(d, ")");
        break;
    case OU_DICT_KIND:
        put(d, "Dict(keys=");
        dump_exprs(d, &e->v.dict.keys);
        put(d, ", values=");
        dump_exprs(d, &e->v.dict.values);
        put(d, ")");
        break;
    case OU_SET_KIND:
        put(d, "Set(elts=");
        dump_exprs(d, &e->v.set.elts);
        put(d, ")");
        break;
    case OU_LISTCOMP_KIND:
    case OU_SETCOMP_KIND:
    case OU_GENERATOREXP_KIND:
        put(d, e->kind == OU_LISTCOMP_KIND ? "ListComp(elt=" :
               e->kind == OU_SETCOMP_KIND ? "SetComp(elt=" : "GeneratorExp(elt=");
        dump_expr(d, e->v.comp.elt);
        put(d, ", generators=");
        dump_generators(d, &e->v.comp.generators);
        put(d, ")");
        break;
    case OU_DICTCOMP_KIND:
        put(d, "DictComp(key=");
        dump_expr(d, e->v.dictcomp.key);
        put(d, ", value=");
        dump_expr(d, e->v.dictcomp.value);
        put(d, ", generators=");
        dump_generators(d, &e->v.dictcomp.generators);
        put(d, ")");
        break;
    case OU_AWAIT_KIND:
    case OU_YIELD_KIND:
    case OU_YIELDFROM_KIND:
        put(d, e->kind == OU_AWAIT_KIND ? "Await(" : e->kind == OU_YIELD_KIND ? "Yield(" : "YieldFrom(");
        if (e->v.yield.value) {
            put(d, "value=");
            dump_expr(d, e->v.yield.value);
        }
        put(d, ")");
        break;
    default:
        dump_expr2(d, e);
        break;
    }
}

static void dump_alias(Dump *d, const OuAliasSeq *s)
{
    put(d, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            put(d, ", ");
        put(d, "alias(name=");
        put_repr(d, s->items[i]->name);
        if (s->items[i]->asname) {
            put(d, ", asname=");
            put_repr(d, s->items[i]->asname);
        }
        put(d, ")");
    }
    put(d, "]");
}

static void dump_pattern(Dump *d, const OuPattern *pt);

static void dump_patterns(Dump *d, const OuPatternSeq *s)
{
    put(d, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            put(d, ", ");
        dump_pattern(d, s->items[i]);
    }
    put(d, "]");
}

/* A name field that ast.dump omits when None; *first tracks the comma. */
static void dump_opt_name(Dump *d, const char *name, OuroObject *v, bool *first)
{
    if (!v)
        return;
    field(d, name, *first);
    put_repr(d, v);
    *first = false;
}

static void dump_pattern(Dump *d, const OuPattern *pt)
{
    bool first = true;
    switch (pt->kind) {
    case OU_MATCHVALUE_KIND:
        put(d, "MatchValue(value=");
        dump_expr(d, pt->v.value.value);
        break;
    case OU_MATCHSINGLETON_KIND:
        put(d, "MatchSingleton(value=");
        put_repr(d, pt->v.singleton.value);
        break;
    case OU_MATCHSEQUENCE_KIND:
    case OU_MATCHOR_KIND:
        put(d, pt->kind == OU_MATCHOR_KIND ? "MatchOr(patterns=" : "MatchSequence(patterns=");
        dump_patterns(d, &pt->v.seq.patterns);
        break;
    case OU_MATCHMAPPING_KIND:
        put(d, "MatchMapping(keys=");
        dump_exprs(d, &pt->v.mapping.keys);
        put(d, ", patterns=");
        dump_patterns(d, &pt->v.mapping.patterns);
        first = false;
        dump_opt_name(d, "rest", pt->v.mapping.rest, &first);
        break;
    case OU_MATCHCLASS_KIND:
        put(d, "MatchClass(cls=");
        dump_expr(d, pt->v.cls.cls);
        put(d, ", patterns=");
        dump_patterns(d, &pt->v.cls.patterns);
        put(d, ", kwd_attrs=[");
        for (int i = 0; i < pt->v.cls.kwd_attrs.n; i++) {
            if (i)
                put(d, ", ");
            put_repr(d, pt->v.cls.kwd_attrs.items[i]);
        }
        put(d, "], kwd_patterns=");
        dump_patterns(d, &pt->v.cls.kwd_patterns);
        break;
    case OU_MATCHSTAR_KIND:
        put(d, "MatchStar(");
        dump_opt_name(d, "name", pt->v.star.name, &first);
        break;
    case OU_MATCHAS_KIND:
        put(d, "MatchAs(");
        if (pt->v.as.pattern) {
            put(d, "pattern=");
            dump_pattern(d, pt->v.as.pattern);
            first = false;
        }
        dump_opt_name(d, "name", pt->v.as.name, &first);
        break;
    default:
        d->err = 1;
        break;
    }
    put(d, ")");
}

static void dump_match(Dump *d, const OuStmt *s)
{
    put(d, "Match(subject=");
    dump_expr(d, s->v.match.subject);
    put(d, ", cases=[");
    for (int i = 0; i < s->v.match.cases.n; i++) {
        const OuMatchCase *mc = s->v.match.cases.items[i];
        put(d, i ? ", match_case(pattern=" : "match_case(pattern=");
        dump_pattern(d, mc->pattern);
        dump_opt_expr(d, "guard", mc->guard);
        put(d, ", body=");
        dump_stmts(d, &mc->body);
        put(d, ")");
    }
    put(d, "])");
}

static void dump_body_orelse(Dump *d, const OuStmtSeq *body, const OuStmtSeq *orelse)
{
    put(d, ", body=");
    dump_stmts(d, body);
    put(d, ", orelse=");
    dump_stmts(d, orelse);
    put(d, ")");
}

static void dump_stmt2(Dump *d, const OuStmt *s)
{
    switch (s->kind) {
    case OU_TRY_KIND:
        put(d, "Try(body=");
        dump_stmts(d, &s->v.try_.body);
        put(d, ", handlers=[");
        for (int i = 0; i < s->v.try_.handlers.n; i++) {
            const OuExceptHandler *h = s->v.try_.handlers.items[i];
            put(d, i ? ", ExceptHandler(" : "ExceptHandler(");
            if (h->type) {
                put(d, "type=");
                dump_expr(d, h->type);
                put(d, ", ");
            }
            if (h->name) {
                put(d, "name=");
                put_repr(d, h->name);
                put(d, ", ");
            }
            put(d, "body=");
            dump_stmts(d, &h->body);
            put(d, ")");
        }
        put(d, "], orelse=");
        dump_stmts(d, &s->v.try_.orelse);
        put(d, ", finalbody=");
        dump_stmts(d, &s->v.try_.finalbody);
        put(d, ")");
        break;
    case OU_ASSERT_KIND:
        put(d, "Assert(test=");
        dump_expr(d, s->v.assert_.test);
        dump_opt_expr(d, "msg", s->v.assert_.msg);
        put(d, ")");
        break;
    case OU_IMPORT_KIND:
        put(d, "Import(names=");
        dump_alias(d, &s->v.import.names);
        put(d, ")");
        break;
    case OU_IMPORTFROM_KIND: {
        put(d, "ImportFrom(");
        if (s->v.importfrom.module) {
            put(d, "module=");
            put_repr(d, s->v.importfrom.module);
            put(d, ", ");
        }
        put(d, "names=");
        dump_alias(d, &s->v.importfrom.names);
        char num[32];
        snprintf(num, sizeof num, ", level=%d)", s->v.importfrom.level);
        put(d, num);
        break;
    }
    case OU_GLOBAL_KIND:
    case OU_NONLOCAL_KIND:
        put(d, s->kind == OU_GLOBAL_KIND ? "Global(names=[" : "Nonlocal(names=[");
        for (int i = 0; i < s->v.global.names.n; i++) {
            if (i)
                put(d, ", ");
            put_repr(d, s->v.global.names.items[i]);
        }
        put(d, "])");
        break;
    case OU_EXPR_KIND:
        put(d, "Expr(value=");
        dump_expr(d, s->v.expr.value);
        put(d, ")");
        break;
    case OU_PASS_KIND: put(d, "Pass()"); break;
    case OU_BREAK_KIND: put(d, "Break()"); break;
    case OU_CONTINUE_KIND: put(d, "Continue()"); break;
    case OU_MATCH_KIND: dump_match(d, s); break;
    default: d->err = 1; break;
    }
}

static void dump_stmt(Dump *d, const OuStmt *s)
{
    switch (s->kind) {
    case OU_FUNCTIONDEF_KIND:
    case OU_ASYNCFUNCTIONDEF_KIND:
        put(d, s->kind == OU_FUNCTIONDEF_KIND ? "FunctionDef(name=" : "AsyncFunctionDef(name=");
        put_repr(d, s->v.functiondef.name);
        put(d, ", args=");
        dump_arguments(d, s->v.functiondef.args);
        put(d, ", body=");
        dump_stmts(d, &s->v.functiondef.body);
        put(d, ", decorator_list=");
        dump_exprs(d, &s->v.functiondef.decorator_list);
        dump_opt_expr(d, "returns", s->v.functiondef.returns);
        put(d, ")");
        break;
    case OU_CLASSDEF_KIND:
        put(d, "ClassDef(name=");
        put_repr(d, s->v.classdef.name);
        put(d, ", bases=");
        dump_exprs(d, &s->v.classdef.bases);
        put(d, ", keywords=");
        dump_keywords(d, &s->v.classdef.keywords);
        put(d, ", body=");
        dump_stmts(d, &s->v.classdef.body);
        put(d, ", decorator_list=");
        dump_exprs(d, &s->v.classdef.decorator_list);
        put(d, ")");
        break;
    case OU_RETURN_KIND:
        put(d, "Return(");
        if (s->v.return_.value) {
            put(d, "value=");
            dump_expr(d, s->v.return_.value);
        }
        put(d, ")");
        break;
    case OU_DELETE_KIND:
        put(d, "Delete(targets=");
        dump_exprs(d, &s->v.delete_.targets);
        put(d, ")");
        break;
    case OU_ASSIGN_KIND:
        put(d, "Assign(targets=");
        dump_exprs(d, &s->v.assign.targets);
        put(d, ", value=");
        dump_expr(d, s->v.assign.value);
        put(d, ")");
        break;
    case OU_AUGASSIGN_KIND:
        put(d, "AugAssign(target=");
        dump_expr(d, s->v.augassign.target);
        put(d, ", op=");
        put(d, operator_names[s->v.augassign.op]);
        put(d, ", value=");
        dump_expr(d, s->v.augassign.value);
        put(d, ")");
        break;
    case OU_ANNASSIGN_KIND:
        put(d, "AnnAssign(target=");
        dump_expr(d, s->v.annassign.target);
        put(d, ", annotation=");
        dump_expr(d, s->v.annassign.annotation);
        dump_opt_expr(d, "value", s->v.annassign.value);
        put(d, s->v.annassign.simple ? ", simple=1)" : ", simple=0)");
        break;
    case OU_FOR_KIND:
    case OU_ASYNCFOR_KIND:
        put(d, s->kind == OU_FOR_KIND ? "For(target=" : "AsyncFor(target=");
        dump_expr(d, s->v.for_.target);
        put(d, ", iter=");
        dump_expr(d, s->v.for_.iter);
        dump_body_orelse(d, &s->v.for_.body, &s->v.for_.orelse);
        break;
    case OU_WHILE_KIND:
    case OU_IF_KIND:
        put(d, s->kind == OU_WHILE_KIND ? "While(test=" : "If(test=");
        dump_expr(d, s->v.while_.test);
        dump_body_orelse(d, &s->v.while_.body, &s->v.while_.orelse);
        break;
    case OU_WITH_KIND:
    case OU_ASYNCWITH_KIND:
        put(d, s->kind == OU_WITH_KIND ? "With(items=[" : "AsyncWith(items=[");
        for (int i = 0; i < s->v.with.items.n; i++) {
            const OuWithItem *w = s->v.with.items.items[i];
            put(d, i ? ", withitem(context_expr=" : "withitem(context_expr=");
            dump_expr(d, w->context_expr);
            dump_opt_expr(d, "optional_vars", w->optional_vars);
            put(d, ")");
        }
        put(d, "], body=");
        dump_stmts(d, &s->v.with.body);
        put(d, ")");
        break;
    case OU_RAISE_KIND: {
        put(d, "Raise(");
        if (s->v.raise.exc) {
            put(d, "exc=");
            dump_expr(d, s->v.raise.exc);
        }
        if (s->v.raise.cause) {
            put(d, s->v.raise.exc ? ", cause=" : "cause=");
            dump_expr(d, s->v.raise.cause);
        }
        put(d, ")");
        break;
    }
    default:
        dump_stmt2(d, s);
        break;
    }
}

static void dump_stmts(Dump *d, const OuStmtSeq *s)
{
    put(d, "[");
    for (int i = 0; i < s->n; i++) {
        if (i)
            put(d, ", ");
        dump_stmt(d, s->items[i]);
    }
    put(d, "]");
}

OuroObject *ou_ast_dump(const OuMod *m)
{
    Dump d;
    ou_strbuf_init(&d.b);
    d.err = 0;
    switch (m->kind) {
    case OU_MODULE_KIND:
        put(&d, "Module(body=");
        dump_stmts(&d, &m->body);
        put(&d, ", type_ignores=[])");
        break;
    case OU_INTERACTIVE_KIND:
        put(&d, "Interactive(body=");
        dump_stmts(&d, &m->body);
        put(&d, ")");
        break;
    case OU_EXPRESSION_KIND:
        put(&d, "Expression(body=");
        dump_expr(&d, m->expr);
        put(&d, ")");
        break;
    }
    if (d.err) {
        ou_strbuf_discard(&d.b);
        if (!ouro_err_occurred())
            ouro_err_set_string(&ouro_exc_SystemError, "ou_ast_dump: bad node");
        return NULL;
    }
    return ou_strbuf_finish(&d.b);
}

/* ------------------------------------------------------------------ positions -- */

enum { T_STMT, T_EXPR, T_HANDLER, T_ARGS, T_ARG, T_KEYWORD, T_ALIAS, T_WITHITEM, T_COMP,
       T_CASE, T_PATTERN };
typedef struct WNode { int tag; const void *n; } WNode;
typedef struct Walk {
    WNode *q;
    size_t head, len, cap;
    int err;
} Walk;

static void wpush(Walk *w, int tag, const void *n)
{
    if (!n || w->err)
        return;
    if (w->len == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        WNode *q = ou_mem_realloc(w->q, cap * sizeof *q);
        if (!q) {
            w->err = 1;
            return;
        }
        w->q = q;
        w->cap = cap;
    }
    w->q[w->len].tag = tag;
    w->q[w->len].n = n;
    w->len++;
}

static void wexprs(Walk *w, const OuExprSeq *s)
{
    for (int i = 0; i < s->n; i++)
        wpush(w, T_EXPR, s->items[i]);
}

static void wstmts(Walk *w, const OuStmtSeq *s)
{
    for (int i = 0; i < s->n; i++)
        wpush(w, T_STMT, s->items[i]);
}

static void wargseq(Walk *w, const OuArgSeq *s)
{
    for (int i = 0; i < s->n; i++)
        wpush(w, T_ARG, s->items[i]);
}

static void wkeywords(Walk *w, const OuKeywordSeq *s)
{
    for (int i = 0; i < s->n; i++)
        wpush(w, T_KEYWORD, s->items[i]);
}

static void wgens(Walk *w, const OuComprehensionSeq *s)
{
    for (int i = 0; i < s->n; i++)
        wpush(w, T_COMP, s->items[i]);
}

static const char *const stmt_names[] = {
    "", "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
    "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
    "Raise", "Try", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass",
    "Break", "Continue", "Match"
};
static const char *const pattern_names[] = {
    "", "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping", "MatchClass",
    "MatchStar", "MatchAs", "MatchOr"
};

static void wpatterns(Walk *w, const OuPatternSeq *s)
{
    for (int i = 0; i < s->n; i++)
        wpush(w, T_PATTERN, s->items[i]);
}

static void wpattern_children(Walk *w, const OuPattern *pt)
{
    switch (pt->kind) {
    case OU_MATCHVALUE_KIND: wpush(w, T_EXPR, pt->v.value.value); break;
    case OU_MATCHSEQUENCE_KIND: case OU_MATCHOR_KIND: wpatterns(w, &pt->v.seq.patterns); break;
    case OU_MATCHMAPPING_KIND:
        wexprs(w, &pt->v.mapping.keys);
        wpatterns(w, &pt->v.mapping.patterns);
        break;
    case OU_MATCHCLASS_KIND:
        wpush(w, T_EXPR, pt->v.cls.cls);
        wpatterns(w, &pt->v.cls.patterns);
        wpatterns(w, &pt->v.cls.kwd_patterns);
        break;
    case OU_MATCHAS_KIND: wpush(w, T_PATTERN, pt->v.as.pattern); break;
    default: break;
    }
}
static const char *const expr_names[] = {
    "", "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
    "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
    "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript",
    "Starred", "Name", "List", "Tuple", "Slice"
};

static void wstmt_children(Walk *w, const OuStmt *s)
{
    switch (s->kind) {
    case OU_FUNCTIONDEF_KIND: case OU_ASYNCFUNCTIONDEF_KIND:
        wpush(w, T_ARGS, s->v.functiondef.args);
        wstmts(w, &s->v.functiondef.body);
        wexprs(w, &s->v.functiondef.decorator_list);
        wpush(w, T_EXPR, s->v.functiondef.returns);
        break;
    case OU_CLASSDEF_KIND:
        wexprs(w, &s->v.classdef.bases);
        wkeywords(w, &s->v.classdef.keywords);
        wstmts(w, &s->v.classdef.body);
        wexprs(w, &s->v.classdef.decorator_list);
        break;
    case OU_RETURN_KIND: wpush(w, T_EXPR, s->v.return_.value); break;
    case OU_DELETE_KIND: wexprs(w, &s->v.delete_.targets); break;
    case OU_ASSIGN_KIND:
        wexprs(w, &s->v.assign.targets);
        wpush(w, T_EXPR, s->v.assign.value);
        break;
    case OU_AUGASSIGN_KIND:
        wpush(w, T_EXPR, s->v.augassign.target);
        wpush(w, T_EXPR, s->v.augassign.value);
        break;
    case OU_ANNASSIGN_KIND:
        wpush(w, T_EXPR, s->v.annassign.target);
        wpush(w, T_EXPR, s->v.annassign.annotation);
        wpush(w, T_EXPR, s->v.annassign.value);
        break;
    case OU_FOR_KIND: case OU_ASYNCFOR_KIND:
        wpush(w, T_EXPR, s->v.for_.target);
        wpush(w, T_EXPR, s->v.for_.iter);
        wstmts(w, &s->v.for_.body);
        wstmts(w, &s->v.for_.orelse);
        break;
    case OU_WHILE_KIND: case OU_IF_KIND:
        wpush(w, T_EXPR, s->v.while_.test);
        wstmts(w, &s->v.while_.body);
        wstmts(w, &s->v.while_.orelse);
        break;
    case OU_WITH_KIND: case OU_ASYNCWITH_KIND:
        for (int i = 0; i < s->v.with.items.n; i++)
            wpush(w, T_WITHITEM, s->v.with.items.items[i]);
        wstmts(w, &s->v.with.body);
        break;
    case OU_RAISE_KIND:
        wpush(w, T_EXPR, s->v.raise.exc);
        wpush(w, T_EXPR, s->v.raise.cause);
        break;
    case OU_TRY_KIND:
        wstmts(w, &s->v.try_.body);
        for (int i = 0; i < s->v.try_.handlers.n; i++)
            wpush(w, T_HANDLER, s->v.try_.handlers.items[i]);
        wstmts(w, &s->v.try_.orelse);
        wstmts(w, &s->v.try_.finalbody);
        break;
    case OU_ASSERT_KIND:
        wpush(w, T_EXPR, s->v.assert_.test);
        wpush(w, T_EXPR, s->v.assert_.msg);
        break;
    case OU_IMPORT_KIND: case OU_IMPORTFROM_KIND: {
        const OuAliasSeq *a = s->kind == OU_IMPORT_KIND ? &s->v.import.names : &s->v.importfrom.names;
        for (int i = 0; i < a->n; i++)
            wpush(w, T_ALIAS, a->items[i]);
        break;
    }
    case OU_EXPR_KIND: wpush(w, T_EXPR, s->v.expr.value); break;
    case OU_MATCH_KIND:
        wpush(w, T_EXPR, s->v.match.subject);
        for (int i = 0; i < s->v.match.cases.n; i++)
            wpush(w, T_CASE, s->v.match.cases.items[i]);
        break;
    default: break;
    }
}

static void wexpr_children(Walk *w, const OuExpr *e)
{
    switch (e->kind) {
    case OU_BOOLOP_KIND: wexprs(w, &e->v.boolop.values); break;
    case OU_NAMEDEXPR_KIND:
        wpush(w, T_EXPR, e->v.namedexpr.target);
        wpush(w, T_EXPR, e->v.namedexpr.value);
        break;
    case OU_BINOP_KIND:
        wpush(w, T_EXPR, e->v.binop.left);
        wpush(w, T_EXPR, e->v.binop.right);
        break;
    case OU_UNARYOP_KIND: wpush(w, T_EXPR, e->v.unaryop.operand); break;
    case OU_LAMBDA_KIND:
        wpush(w, T_ARGS, e->v.lambda.args);
        wpush(w, T_EXPR, e->v.lambda.body);
        break;
    case OU_IFEXP_KIND:
        wpush(w, T_EXPR, e->v.ifexp.test);
        wpush(w, T_EXPR, e->v.ifexp.body);
        wpush(w, T_EXPR, e->v.ifexp.orelse);
        break;
    case OU_DICT_KIND:
        wexprs(w, &e->v.dict.keys);
        wexprs(w, &e->v.dict.values);
        break;
    case OU_SET_KIND: wexprs(w, &e->v.set.elts); break;
    case OU_LISTCOMP_KIND: case OU_SETCOMP_KIND: case OU_GENERATOREXP_KIND:
        wpush(w, T_EXPR, e->v.comp.elt);
        wgens(w, &e->v.comp.generators);
        break;
    case OU_DICTCOMP_KIND:
        wpush(w, T_EXPR, e->v.dictcomp.key);
        wpush(w, T_EXPR, e->v.dictcomp.value);
        wgens(w, &e->v.dictcomp.generators);
        break;
    case OU_AWAIT_KIND: case OU_YIELD_KIND: case OU_YIELDFROM_KIND:
        wpush(w, T_EXPR, e->v.yield.value);
        break;
    case OU_COMPARE_KIND:
        wpush(w, T_EXPR, e->v.compare.left);
        wexprs(w, &e->v.compare.comparators);
        break;
    case OU_CALL_KIND:
        wpush(w, T_EXPR, e->v.call.func);
        wexprs(w, &e->v.call.args);
        wkeywords(w, &e->v.call.keywords);
        break;
    case OU_FORMATTEDVALUE_KIND:
        wpush(w, T_EXPR, e->v.formattedvalue.value);
        wpush(w, T_EXPR, e->v.formattedvalue.format_spec);
        break;
    case OU_JOINEDSTR_KIND: wexprs(w, &e->v.joinedstr.values); break;
    case OU_ATTRIBUTE_KIND: wpush(w, T_EXPR, e->v.attribute.value); break;
    case OU_SUBSCRIPT_KIND:
        wpush(w, T_EXPR, e->v.subscript.value);
        wpush(w, T_EXPR, e->v.subscript.slice);
        break;
    case OU_STARRED_KIND: wpush(w, T_EXPR, e->v.starred.value); break;
    case OU_LIST_KIND: case OU_TUPLE_KIND: wexprs(w, &e->v.list.elts); break;
    case OU_SLICE_KIND:
        wpush(w, T_EXPR, e->v.slice.lower);
        wpush(w, T_EXPR, e->v.slice.upper);
        wpush(w, T_EXPR, e->v.slice.step);
        break;
    default: break;
    }
}

static void put_pos(Dump *d, bool *first, const char *name, const OuLoc *l)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s('%s', %d, %d, %d, %d)", *first ? "" : ", ", name,
             l->lineno, l->col_offset, l->end_lineno, l->end_col_offset);
    put(d, buf);
    *first = false;
}

/* Visits one node: prints its position if it has one, queues its children. */
static void wvisit(Walk *w, Dump *d, bool *first, const WNode *n)
{
    switch (n->tag) {
    case T_STMT: {
        const OuStmt *s = n->n;
        put_pos(d, first, stmt_names[s->kind], &s->loc);
        wstmt_children(w, s);
        break;
    }
    case T_EXPR: {
        const OuExpr *e = n->n;
        put_pos(d, first, expr_names[e->kind], &e->loc);
        wexpr_children(w, e);
        break;
    }
    case T_HANDLER: {
        const OuExceptHandler *h = n->n;
        put_pos(d, first, "ExceptHandler", &h->loc);
        wpush(w, T_EXPR, h->type);
        wstmts(w, &h->body);
        break;
    }
    case T_ARGS: {
        const OuArguments *a = n->n;
        wargseq(w, &a->posonlyargs);
        wargseq(w, &a->args);
        wpush(w, T_ARG, a->vararg);
        wargseq(w, &a->kwonlyargs);
        wexprs(w, &a->kw_defaults);
        wpush(w, T_ARG, a->kwarg);
        wexprs(w, &a->defaults);
        break;
    }
    case T_ARG:
        put_pos(d, first, "arg", &((const OuArg *)n->n)->loc);
        wpush(w, T_EXPR, ((const OuArg *)n->n)->annotation);
        break;
    case T_KEYWORD:
        put_pos(d, first, "keyword", &((const OuKeyword *)n->n)->loc);
        wpush(w, T_EXPR, ((const OuKeyword *)n->n)->value);
        break;
    case T_ALIAS:
        put_pos(d, first, "alias", &((const OuAlias *)n->n)->loc);
        break;
    case T_WITHITEM:
        wpush(w, T_EXPR, ((const OuWithItem *)n->n)->context_expr);
        wpush(w, T_EXPR, ((const OuWithItem *)n->n)->optional_vars);
        break;
    case T_CASE: {
        const OuMatchCase *mc = n->n;
        wpush(w, T_PATTERN, mc->pattern);
        wpush(w, T_EXPR, mc->guard);
        wstmts(w, &mc->body);
        break;
    }
    case T_PATTERN: {
        const OuPattern *pt = n->n;
        put_pos(d, first, pattern_names[pt->kind], &pt->loc);
        wpattern_children(w, pt);
        break;
    }
    case T_COMP: {
        const OuComprehension *c = n->n;
        wpush(w, T_EXPR, c->target);
        wpush(w, T_EXPR, c->iter);
        wexprs(w, &c->ifs);
        break;
    }
    }
}

OuroObject *ou_ast_positions(const OuMod *m)
{
    Walk w;
    memset(&w, 0, sizeof w);
    Dump d;
    ou_strbuf_init(&d.b);
    d.err = 0;
    if (m->kind == OU_EXPRESSION_KIND)
        wpush(&w, T_EXPR, m->expr);
    else
        wstmts(&w, &m->body);
    bool first = true;
    put(&d, "[");
    while (w.head < w.len && !w.err) {
        WNode n = w.q[w.head++];
        wvisit(&w, &d, &first, &n);
    }
    put(&d, "]");
    ou_mem_free(w.q);
    if (w.err || d.err) {
        ou_strbuf_discard(&d.b);
        return ouro_err_no_memory();
    }
    return ou_strbuf_finish(&d.b);
}
