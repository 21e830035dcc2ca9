/* src/lang/compile_expr.c — code generation for expressions, assignment targets, calls,
 * function and lambda bodies, comprehensions (their own function scope, as 3.11) and
 * constant folding with CPython's size limits. */
#include "compile.h"
#include <string.h>

#define EMIT(op, arg) do { if (ou_c_emit(c, (op), (arg)) < 0) return -1; } while (0)
#define JUMP_TO(op, l) do { if (ou_c_emit_jump(c, (op), (l)) < 0) return -1; } while (0)
#define BIND(l) do { if (ou_c_bind_label(c, (l)) < 0) return -1; } while (0)
#define VISIT(e) do { if (ou_c_expr(c, (e)) < 0) return -1; } while (0)

static const int binop_nb[] = {
    [OU_ADD] = OU_NB_ADD, [OU_SUB] = OU_NB_SUBTRACT, [OU_MULT] = OU_NB_MULTIPLY,
    [OU_MATMULT] = OU_NB_MATRIX_MULTIPLY, [OU_DIV] = OU_NB_TRUE_DIVIDE,
    [OU_MOD] = OU_NB_REMAINDER, [OU_POW] = OU_NB_POWER, [OU_LSHIFT] = OU_NB_LSHIFT,
    [OU_RSHIFT] = OU_NB_RSHIFT, [OU_BITOR] = OU_NB_OR, [OU_BITXOR] = OU_NB_XOR,
    [OU_BITAND] = OU_NB_AND, [OU_FLOORDIV] = OU_NB_FLOOR_DIVIDE,
};

/* ------------------------------------------------------------- folding -- */

#define MAX_INT_SIZE 128       /* bits (CPython's ast_opt.c limits) */
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

static ouro_ssize seq_len(OuroObject *o)
{
    if (ouro_str_check(o)) return ouro_str_length(o);
    if (ouro_bytes_check(o)) return ouro_bytes_length(o);
    if (ouro_tuple_check(o)) return OURO_TUPLE_SIZE(o);
    return -1;
}

/* Whether folding a op b stays within CPython's limits. */
static int fold_ok(int op, OuroObject *a, OuroObject *b)
{
    if (op == OU_MULT) {
        if (ouro_int_check(a) && ouro_int_check(b))
            return ouro_int_bit_length(a) + ouro_int_bit_length(b) <= MAX_INT_SIZE;
        OuroObject *seq = ouro_int_check(a) ? b : a, *n = ouro_int_check(a) ? a : b;
        ouro_ssize len = seq_len(seq);
        if (len >= 0 && ouro_int_check(n)) {
            int64_t k = ouro_int_as_int64(n);
            if (ouro_err_occurred()) {
                ouro_err_clear();
                return 0;
            }
            if (k <= 0)
                return 1;
            ouro_ssize limit = ouro_tuple_check(seq) ? MAX_COLLECTION_SIZE
                             : MAX_STR_SIZE;
            return len == 0 || (k <= limit / len);
        }
        return 1;
    }
    if (op == OU_POW && ouro_int_check(a) && ouro_int_check(b)) {
        if (ouro_int_sign(b) <= 0 || ouro_int_sign(a) == 0)
            return 1;
        uint64_t vbits = ouro_int_bit_length(a);
        int64_t w = ouro_int_as_int64(b);
        if (ouro_err_occurred()) {
            ouro_err_clear();
            return 0;
        }
        return vbits <= (uint64_t)(MAX_INT_SIZE / w);
    }
    if (op == OU_LSHIFT && ouro_int_check(a) && ouro_int_check(b)) {
        int64_t w = ouro_int_as_int64(b);
        if (ouro_err_occurred()) {
            ouro_err_clear();
            return 0;
        }
        return w < 0 || (w <= MAX_INT_SIZE && ouro_int_bit_length(a) <= (uint64_t)(MAX_INT_SIZE - w));
    }
    if (op == OU_ADD && ouro_str_check(a) && ouro_str_check(b))
        return ouro_str_length(a) + ouro_str_length(b) <= MAX_STR_SIZE;
    return 1;
}

static int is_foldable_constant(OuroObject *v)
{
    OuroType *t = OURO_TYPE(v);
    return t == &ouro_int_type || t == &ouro_float_type || t == &ouro_complex_type ||
           t == &ouro_str_type ||
           t == &ouro_bytes_type || t == &ouro_bool_type || t == &ouro_tuple_type ||
           v == OURO_NONE || v == OURO_ELLIPSIS;
}

OuroObject *ou_c_fold(OuCompiler *c, const OuExpr *e)
{
    switch (e->kind) {
    case OU_CONSTANT_KIND:
        return OURO_NEWREF(e->v.constant.value);
    case OU_UNARYOP_KIND: {
        if (e->v.unaryop.op == OU_NOT)
            return NULL;
        OuroObject *v = ou_c_fold(c, e->v.unaryop.operand), *r = NULL;
        if (!v || ouro_str_check(v) || ouro_bytes_check(v) || ouro_tuple_check(v) ||
            v == OURO_NONE || v == OURO_ELLIPSIS) {
            OURO_XDECREF(v);
            return NULL;
        }
        switch (e->v.unaryop.op) {
        case OU_USUB: r = ouro_number_negative(v); break;
        case OU_UADD: r = ouro_number_positive(v); break;
        default: r = ouro_float_check(v) ? NULL : ouro_number_invert(v); break;
        }
        OURO_DECREF(v);
        if (!r)
            ouro_err_clear();   /* folding never raises: the error happens at run time */
        return r;
    }
    case OU_BINOP_KIND: {
        OuroObject *a = ou_c_fold(c, e->v.binop.left), *b = a ? ou_c_fold(c, e->v.binop.right) : NULL, *r = NULL;
        if (a && b && is_foldable_constant(a) && is_foldable_constant(b) &&
            fold_ok(e->v.binop.op, a, b)) {
            r = ou_binary_op(a, b, binop_nb[e->v.binop.op]);
            if (!r)
                ouro_err_clear();
            else if (!is_foldable_constant(r) || (seq_len(r) > MAX_STR_SIZE))
                OURO_CLEAR(r);
        }
        OURO_XDECREF(a);
        OURO_XDECREF(b);
        return r;
    }
    case OU_TUPLE_KIND: {
        if (e->v.list.ctx != OU_LOAD)
            return NULL;
        const OuExprSeq *elts = &e->v.list.elts;
        OuroObject *t = ouro_tuple_new(elts->n);
        if (!t)
            return NULL;
        for (int i = 0; i < elts->n; i++) {
            OuroObject *v = elts->items[i]->kind == OU_STARRED_KIND ? NULL
                          : ou_c_fold(c, elts->items[i]);
            if (!v) {
                OURO_DECREF(t);
                return NULL;
            }
            OURO_TUPLE_SET(t, i, v);
        }
        return t;
    }
    default:
        return NULL;
    }
}

/* ---------------------------------------------------------- collections -- */

static int has_starred(const OuExprSeq *elts)
{
    for (int i = 0; i < elts->n; i++)
        if (elts->items[i]->kind == OU_STARRED_KIND)
            return 1;
    return 0;
}

/* Builds a list/tuple/set of elts with * unpacking: BUILD_x n, or a list grown with
 * LIST_APPEND / LIST_EXTEND (SET_ADD / SET_UPDATE). */
static int c_sequence(OuCompiler *c, const OuExprSeq *elts, int build_op)
{
    if (!has_starred(elts)) {
        for (int i = 0; i < elts->n; i++)
            VISIT(elts->items[i]);
        EMIT(build_op, elts->n);
        return 0;
    }
    int is_set = build_op == OP_BUILD_SET;
    int seen = 0;
    /* Items before the first star go into the initial build. */
    while (seen < elts->n && elts->items[seen]->kind != OU_STARRED_KIND) {
        VISIT(elts->items[seen]);
        seen++;
    }
    EMIT(is_set ? OP_BUILD_SET : OP_BUILD_LIST, seen);
    for (int i = seen; i < elts->n; i++) {
        const OuExpr *x = elts->items[i];
        if (x->kind == OU_STARRED_KIND) {
            VISIT(x->v.starred.value);
            EMIT(is_set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            VISIT(x);
            EMIT(is_set ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (build_op == OP_BUILD_TUPLE)
        EMIT(OP_LIST_TO_TUPLE, 0);
    return 0;
}

static int c_dict(OuCompiler *c, const OuExpr *e)
{
    const OuExprSeq *keys = &e->v.dict.keys, *vals = &e->v.dict.values;
    int pending = 0, built = 0;
    for (int i = 0; i < vals->n; i++) {
        if (!keys->items[i]) {
            if (!built) {
                EMIT(OP_BUILD_MAP, pending);
                built = 1;
            } else if (pending) {
                EMIT(OP_BUILD_MAP, pending);
                EMIT(OP_DICT_UPDATE, 1);
            }
            pending = 0;
            VISIT(vals->items[i]);
            EMIT(OP_DICT_UPDATE, 1);
            continue;
        }
        VISIT(keys->items[i]);
        VISIT(vals->items[i]);
        pending++;
    }
    if (!built) {
        EMIT(OP_BUILD_MAP, pending);
    } else if (pending) {
        EMIT(OP_BUILD_MAP, pending);
        EMIT(OP_DICT_UPDATE, 1);
    }
    return 0;
}

/* --------------------------------------------------------------- calls -- */

/* Calls the callable already on the stack (with n_already - 1 fixed positional args
 * after it... n_already counts the callable's extra pushed args, e.g. __build_class__'s
 * func and name = 2). Stack on entry: [NULL, callable, fixed...]. */
int ou_c_call_helper(OuCompiler *c, int n_fixed, const OuExprSeq *args,
                     const OuKeywordSeq *kws, const OuLoc *loc)
{
    int dstar = 0;
    for (int i = 0; i < kws->n; i++)
        dstar |= kws->items[i]->arg == NULL;
    if (!has_starred(args) && !dstar) {
        for (int i = 0; i < args->n; i++)
            VISIT(args->items[i]);
        for (int i = 0; i < kws->n; i++)
            VISIT(kws->items[i]->value);
        c->u->loc = *loc;
        if (!kws->n) {
            EMIT(OP_CALL, n_fixed + args->n);
            return 0;
        }
        OuroObject *names = ouro_tuple_new(kws->n);
        if (!names)
            return -1;
        for (int i = 0; i < kws->n; i++)
            OURO_TUPLE_SET(names, i, OURO_NEWREF(kws->items[i]->arg));
        int rc = ou_c_load_const(c, names);
        OURO_DECREF(names);
        if (rc < 0)
            return -1;
        EMIT(OP_CALL_KW, n_fixed + args->n + kws->n);
        return 0;
    }
    /* The general form: CALL_FUNCTION_EX with an args tuple and a kwargs dict. */
    if (n_fixed == 0 && args->n == 1 && args->items[0]->kind == OU_STARRED_KIND) {
        VISIT(args->items[0]->v.starred.value);
    } else {
        EMIT(OP_BUILD_LIST, n_fixed);
        for (int i = 0; i < args->n; i++) {
            const OuExpr *a = args->items[i];
            if (a->kind == OU_STARRED_KIND) {
                VISIT(a->v.starred.value);
                EMIT(OP_LIST_EXTEND, 1);
            } else {
                VISIT(a);
                EMIT(OP_LIST_APPEND, 1);
            }
        }
        EMIT(OP_LIST_TO_TUPLE, 0);
    }
    if (kws->n) {
        int pending = 0, built = 0;
        for (int i = 0; i < kws->n; i++) {
            const OuKeyword *k = kws->items[i];
            if (!k->arg) {
                if (pending || !built) {
                    EMIT(OP_BUILD_MAP, pending);
                    if (built)
                        EMIT(OP_DICT_MERGE, 1);
                    built = 1;
                    pending = 0;
                }
                VISIT(k->value);
                EMIT(OP_DICT_MERGE, 1);
                continue;
            }
            if (ou_c_load_const(c, k->arg) < 0)
                return -1;
            VISIT(k->value);
            pending++;
        }
        if (pending) {
            EMIT(OP_BUILD_MAP, pending);
            if (built)
                EMIT(OP_DICT_MERGE, 1);
        }
    }
    c->u->loc = *loc;
    EMIT(OP_CALL_FUNCTION_EX, kws->n ? 1 : 0);
    return 0;
}

static int c_call(OuCompiler *c, const OuExpr *e)
{
    const OuExpr *f = e->v.call.func;
    int simple = !has_starred(&e->v.call.args);
    for (int i = 0; i < e->v.call.keywords.n; i++)
        simple &= e->v.call.keywords.items[i]->arg != NULL;
    if (f->kind == OU_ATTRIBUTE_KIND && f->v.attribute.ctx == OU_LOAD && simple) {
        int ni = ou_c_name_index(c, f->v.attribute.attr);
        if (ni < 0)
            return -1;
        VISIT(f->v.attribute.value);
        c->u->loc = f->loc;
        EMIT(OP_LOAD_METHOD, ni);
        return ou_c_call_helper(c, 0, &e->v.call.args, &e->v.call.keywords, &e->loc);
    }
    EMIT(OP_PUSH_NULL, 0);
    VISIT(f);
    return ou_c_call_helper(c, 0, &e->v.call.args, &e->v.call.keywords, &e->loc);
}

/* ------------------------------------------------------- functions ------ */

/* Pushes defaults / kwdefaults / annotations for a def or lambda; sets *flags. */
int ou_c_defaults(OuCompiler *c, const OuArguments *a, const OuExpr *returns, int *flags)
{
    if (a->defaults.n) {
        for (int i = 0; i < a->defaults.n; i++)
            VISIT(a->defaults.items[i]);
        EMIT(OP_BUILD_TUPLE, a->defaults.n);
        *flags |= OU_MF_DEFAULTS;
    }
    int nkw = 0;
    for (int i = 0; i < a->kwonlyargs.n; i++) {
        if (!a->kw_defaults.items[i])
            continue;
        OuroObject *name = ou_mangle(c->u->private_name, a->kwonlyargs.items[i]->arg);
        int rc = name ? ou_c_load_const(c, name) : -1;
        OURO_XDECREF(name);
        if (rc < 0)
            return -1;
        VISIT(a->kw_defaults.items[i]);
        nkw++;
    }
    if (nkw) {
        EMIT(OP_BUILD_MAP, nkw);
        *flags |= OU_MF_KWDEFAULTS;
    }
    int nann = 0;
    const OuArgSeq *seqs[] = { &a->posonlyargs, &a->args };
    const OuArg *extra[4] = { a->vararg, NULL, a->kwarg, NULL };
    for (int pass = 0; pass < 4; pass++) {
        const OuArgSeq *seq = pass == 0 ? seqs[0] : pass == 1 ? seqs[1] : pass == 2 ? NULL : &a->kwonlyargs;
        int n = seq ? seq->n : 0;
        for (int i = 0; i <= n; i++) {
            const OuArg *arg = i < n ? seq->items[i] : NULL;
            if (i == n) {
                /* After args: *args; after kwonly: **kwargs (CPython's order). */
                arg = pass == 1 ? extra[0] : pass == 3 ? extra[2] : NULL;
            }
            if (!arg || !arg->annotation)
                continue;
            OuroObject *name = ou_mangle(c->u->private_name, arg->arg);
            int rc = name ? ou_c_load_const(c, name) : -1;
            OURO_XDECREF(name);
            if (rc < 0)
                return -1;
            VISIT(arg->annotation);
            nann++;
        }
    }
    if (returns) {
        OuroObject *r = ouro_str_intern_cstr("return");
        if (!r || ou_c_load_const(c, r) < 0)
            return -1;
        VISIT(returns);
        nann++;
    }
    if (nann) {
        EMIT(OP_BUILD_MAP, nann);
        *flags |= OU_MF_ANNOTATIONS;
    }
    return 0;
}

static void set_arg_counts(OuCUnit *u, const OuArguments *a)
{
    u->argcount = a->posonlyargs.n + a->args.n;
    u->posonly = a->posonlyargs.n;
    u->kwonly = a->kwonlyargs.n;
    if (a->vararg)
        u->flags |= OU_CO_VARARGS;
    if (a->kwarg)
        u->flags |= OU_CO_VARKEYWORDS;
}

/* 1 if the body's code cannot run off its end: the last instruction is a return and no
 * jump lands after it (an `if x: return 1` at the end jumps past its return when false). */
static int ends_with_return(OuCompiler *c)
{
    OuCUnit *u = c->u;
    if (!u->ncode)
        return 0;
    for (int i = 0; i < u->nlabels; i++)
        if (u->labels[i].target == u->ncode)
            return 0;
    int op = (int)OU_OP(u->code[u->ncode - 1].word);
    return op == OP_RETURN_VALUE || op == OP_RETURN_CONST;
}

/* Compiles a def's body into a code object and pushes the function (the defaults etc.
 * are already on the stack; flags from ou_c_defaults are recomputed here). */
int ou_c_function_body(OuCompiler *c, const OuStmt *s)
{
    const OuArguments *a = s->v.functiondef.args;
    int flags = 0;
    if (a->defaults.n)
        flags |= OU_MF_DEFAULTS;
    for (int i = 0; i < a->kw_defaults.n; i++)
        if (a->kw_defaults.items[i]) {
            flags |= OU_MF_KWDEFAULTS;
            break;
        }
    /* Annotations: recomputed the same way ou_c_defaults decided. */
    int ann = s->v.functiondef.returns != NULL;
    const OuArgSeq *seqs[] = { &a->posonlyargs, &a->args, &a->kwonlyargs };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < seqs[k]->n; i++)
            ann |= seqs[k]->items[i]->annotation != NULL;
    ann |= (a->vararg && a->vararg->annotation) || (a->kwarg && a->kwarg->annotation);
    if (ann)
        flags |= OU_MF_ANNOTATIONS;
    if (ou_c_enter_scope(c, s->v.functiondef.name, CU_FUNCTION, s, s->loc.lineno) < 0)
        return -1;
    OuCUnit *u = c->u;
    set_arg_counts(u, a);
    const OuStmtSeq *body = &s->v.functiondef.body;
    int start = 0, rc = 0;
    /* The docstring (or None) is always constant 0 of a function. */
    OuroObject *doc = OURO_NONE;
    if (body->n && body->items[0]->kind == OU_EXPR_KIND &&
        body->items[0]->v.expr.value->kind == OU_CONSTANT_KIND &&
        ouro_str_check(body->items[0]->v.expr.value->v.constant.value)) {
        doc = body->items[0]->v.expr.value->v.constant.value;
        start = 1;
    }
    if (ou_c_const(c, doc) < 0)
        rc = -1;
    for (int i = start; rc == 0 && i < body->n; i++)
        rc = ou_c_stmt(c, body->items[i]);
    if (rc == 0 && !ends_with_return(c)) {
        int k = ou_c_const(c, OURO_NONE);
        rc = k < 0 ? -1 : ou_c_emit(c, OP_RETURN_CONST, k);
    }
    OuroObject *code = rc == 0 ? ou_c_assemble(c) : NULL;
    ou_c_exit_scope(c);
    if (!code)
        return -1;
    rc = ou_c_make_closure(c, code, flags);
    OURO_DECREF(code);
    return rc;
}

int ou_c_lambda(OuCompiler *c, const OuExpr *e)
{
    const OuArguments *a = e->v.lambda.args;
    int flags = 0;
    if (ou_c_defaults(c, a, NULL, &flags) < 0)
        return -1;
    OuroObject *name = ouro_str_intern_cstr("<lambda>");
    if (!name || ou_c_enter_scope(c, name, CU_LAMBDA, e, e->loc.lineno) < 0)
        return -1;
    set_arg_counts(c->u, a);
    int rc = ou_c_const(c, OURO_NONE) < 0 ? -1 : 0;   /* no docstring */
    if (rc == 0)
        rc = ou_c_expr(c, e->v.lambda.body);
    if (rc == 0 && !c->u->ste->is_generator)
        rc = ou_c_emit(c, OP_RETURN_VALUE, 0);
    else if (rc == 0)
        rc = ou_c_emit(c, OP_RETURN_VALUE, 0);
    OuroObject *code = rc == 0 ? ou_c_assemble(c) : NULL;
    ou_c_exit_scope(c);
    if (!code)
        return -1;
    rc = ou_c_make_closure(c, code, flags);
    OURO_DECREF(code);
    return rc;
}

/* ------------------------------------------------------ comprehensions -- */

static int comp_generator(OuCompiler *c, const OuExpr *e, const OuComprehensionSeq *gens,
                          int gi, int depth)
{
    const OuComprehension *g = gens->items[gi];
    int32_t start = ou_c_new_label(c), end = ou_c_new_label(c);
    if (gi == 0) {
        EMIT(OP_LOAD_FAST, 0);              /* .0: the outermost iterator */
    } else {
        VISIT(g->iter);
        EMIT(OP_GET_ITER, 0);
    }
    BIND(start);
    JUMP_TO(OP_FOR_ITER, end);
    if (ou_c_store_target(c, g->target) < 0)
        return -1;
    for (int i = 0; i < g->ifs.n; i++) {
        VISIT(g->ifs.items[i]);
        JUMP_TO(OP_POP_JUMP_IF_FALSE, start);
    }
    if (gi + 1 < gens->n) {
        if (comp_generator(c, e, gens, gi + 1, depth + 1) < 0)
            return -1;
    } else {
        c->u->loc = e->loc;
        switch (e->kind) {
        case OU_GENERATOREXP_KIND:
            VISIT(e->v.comp.elt);
            EMIT(OP_YIELD_VALUE, 0);
            EMIT(OP_POP_TOP, 0);
            break;
        case OU_LISTCOMP_KIND:
            VISIT(e->v.comp.elt);
            EMIT(OP_LIST_APPEND, depth + 1);
            break;
        case OU_SETCOMP_KIND:
            VISIT(e->v.comp.elt);
            EMIT(OP_SET_ADD, depth + 1);
            break;
        default:
            VISIT(e->v.dictcomp.key);
            VISIT(e->v.dictcomp.value);
            EMIT(OP_MAP_ADD, depth + 1);
            break;
        }
    }
    JUMP_TO(OP_JUMP_BACK, start);
    BIND(end);
    return 0;
}

static int c_comprehension(OuCompiler *c, const OuExpr *e)
{
    const OuComprehensionSeq *gens = e->kind == OU_DICTCOMP_KIND
        ? &e->v.dictcomp.generators : &e->v.comp.generators;
    static const char *names[] = { "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>" };
    int idx = e->kind == OU_LISTCOMP_KIND ? 0 : e->kind == OU_SETCOMP_KIND ? 1
            : e->kind == OU_DICTCOMP_KIND ? 2 : 3;
    for (int i = 0; i < gens->n; i++)
        if (gens->items[i]->is_async) /* no coroutines in ouro */
            return ou_c_error(c, &e->loc, "asynchronous comprehension outside of an "
                              "asynchronous function");
    OuroObject *name = ouro_str_intern_cstr(names[idx]);
    EMIT(OP_PUSH_NULL, 0);
    if (!name || ou_c_enter_scope(c, name, CU_COMPREHENSION, e, e->loc.lineno) < 0)
        return -1;
    OuCUnit *u = c->u;
    u->argcount = 1;
    int rc = 0;
    if (e->kind != OU_GENERATOREXP_KIND)
        rc = ou_c_emit(c, e->kind == OU_LISTCOMP_KIND ? OP_BUILD_LIST
                          : e->kind == OU_SETCOMP_KIND ? OP_BUILD_SET : OP_BUILD_MAP, 0);
    if (rc == 0)
        rc = comp_generator(c, e, gens, 0, e->kind == OU_GENERATOREXP_KIND ? 0 : 1);
    if (rc == 0) {
        if (e->kind == OU_GENERATOREXP_KIND) {
            int k = ou_c_const(c, OURO_NONE);
            rc = k < 0 ? -1 : ou_c_emit(c, OP_RETURN_CONST, k);
        } else {
            rc = ou_c_emit(c, OP_RETURN_VALUE, 0);
        }
    }
    OuroObject *code = rc == 0 ? ou_c_assemble(c) : NULL;
    ou_c_exit_scope(c);
    if (!code)
        return -1;
    rc = ou_c_make_closure(c, code, 0);
    OURO_DECREF(code);
    if (rc < 0)
        return -1;
    VISIT(gens->items[0]->iter);
    c->u->loc = e->loc;
    EMIT(OP_GET_ITER, 0);
    EMIT(OP_CALL, 1);
    return 0;
}

/* ------------------------------------------------------------- targets -- */

static int unpack_target(OuCompiler *c, const OuExpr *t)
{
    const OuExprSeq *elts = &t->v.list.elts;
    int star = -1;
    for (int i = 0; i < elts->n; i++) {
        if (elts->items[i]->kind != OU_STARRED_KIND)
            continue;
        if (star >= 0)
            return ou_c_error(c, &elts->items[i]->loc, "multiple starred expressions in assignment");
        star = i;
    }
    c->u->loc = t->loc;
    if (star < 0) {
        EMIT(OP_UNPACK_SEQUENCE, elts->n);
    } else {
        if (star > 255 || elts->n - star - 1 > 0xffff)
            return ou_c_error(c, &t->loc, "too many expressions in star-unpacking assignment");
        EMIT(OP_UNPACK_EX, star | ((elts->n - star - 1) << 8));
    }
    for (int i = 0; i < elts->n; i++) {
        const OuExpr *x = elts->items[i];
        if (ou_c_store_target(c, x->kind == OU_STARRED_KIND ? x->v.starred.value : x) < 0)
            return -1;
    }
    return 0;
}

int ou_c_store_target(OuCompiler *c, const OuExpr *t)
{
    switch (t->kind) {
    case OU_NAME_KIND:
        return ou_c_nameop(c, t->v.name.id, OU_STORE);
    case OU_ATTRIBUTE_KIND: {
        int ni = ou_c_name_index(c, t->v.attribute.attr);
        if (ni < 0)
            return -1;
        VISIT(t->v.attribute.value);
        c->u->loc = t->loc;
        EMIT(OP_STORE_ATTR, ni);
        return 0;
    }
    case OU_SUBSCRIPT_KIND:
        VISIT(t->v.subscript.value);
        VISIT(t->v.subscript.slice);
        c->u->loc = t->loc;
        EMIT(OP_STORE_SUBSCR, 0);
        return 0;
    case OU_LIST_KIND: case OU_TUPLE_KIND:
        return unpack_target(c, t);
    case OU_STARRED_KIND:
        return ou_c_error(c, &t->loc, "starred assignment target must be in a list or tuple");
    default:
        return ou_c_error(c, &t->loc, "cannot assign to expression");
    }
}

/* ---------------------------------------------------------- expressions -- */

static int c_compare(OuCompiler *c, const OuExpr *e)
{
    static const int cmp[] = {
        [OU_EQ] = OURO_EQ, [OU_NOTEQ] = OURO_NE, [OU_LT] = OURO_LT, [OU_LTE] = OURO_LE,
        [OU_GT] = OURO_GT, [OU_GTE] = OURO_GE,
    };
    int n = e->v.compare.n;
    int32_t cleanup = n > 1 ? ou_c_new_label(c) : -1, end = n > 1 ? ou_c_new_label(c) : -1;
    VISIT(e->v.compare.left);
    for (int i = 0; i < n; i++) {
        VISIT(e->v.compare.comparators.items[i]);
        if (i < n - 1) {
            EMIT(OP_SWAP, 2);
            EMIT(OP_COPY, 2);
        }
        c->u->loc = e->loc;
        OuCmpOp op = e->v.compare.ops[i];
        switch (op) {
        case OU_IS: EMIT(OP_IS_OP, 0); break;
        case OU_ISNOT: EMIT(OP_IS_OP, 1); break;
        case OU_IN: EMIT(OP_CONTAINS_OP, 0); break;
        case OU_NOTIN: EMIT(OP_CONTAINS_OP, 1); break;
        default: EMIT(OP_COMPARE_OP, cmp[op]); break;
        }
        if (i < n - 1)
            JUMP_TO(OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (n > 1) {
        JUMP_TO(OP_JUMP, end);
        BIND(cleanup);
        EMIT(OP_SWAP, 2);
        EMIT(OP_POP_TOP, 0);
        BIND(end);
    }
    return 0;
}

static int c_boolop(OuCompiler *c, const OuExpr *e)
{
    int32_t end = ou_c_new_label(c);
    const OuExprSeq *v = &e->v.boolop.values;
    int op = e->v.boolop.op == OU_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    for (int i = 0; i < v->n - 1; i++) {
        VISIT(v->items[i]);
        JUMP_TO(op, end);
    }
    VISIT(v->items[v->n - 1]);
    BIND(end);
    return 0;
}

static int c_fstring_part(OuCompiler *c, const OuExpr *e)
{
    int flags = 0;
    VISIT(e->v.formattedvalue.value);
    switch (e->v.formattedvalue.conversion) {
    case 's': flags = OU_FV_STR; break;
    case 'r': flags = OU_FV_REPR; break;
    case 'a': flags = OU_FV_ASCII; break;
    default: break;
    }
    if (e->v.formattedvalue.format_spec) {
        VISIT(e->v.formattedvalue.format_spec);
        flags |= OU_FV_HAVE_SPEC;
    }
    c->u->loc = e->loc;
    EMIT(OP_FORMAT_VALUE, flags);
    return 0;
}

static int c_joinedstr(OuCompiler *c, const OuExpr *e)
{
    const OuExprSeq *v = &e->v.joinedstr.values;
    if (v->n == 1 && v->items[0]->kind == OU_CONSTANT_KIND)
        return ou_c_load_const(c, v->items[0]->v.constant.value);
    if (v->n == 0) {
        OuroObject *empty = ouro_str_from_cstr("");
        int rc = empty ? ou_c_load_const(c, empty) : -1;
        OURO_XDECREF(empty);
        return rc;
    }
    for (int i = 0; i < v->n; i++)
        VISIT(v->items[i]);
    if (v->n > 1)
        EMIT(OP_BUILD_STRING, v->n);
    return 0;
}

static int c_yield(OuCompiler *c, const OuExpr *e)
{
    if (c->u->type != CU_FUNCTION && c->u->type != CU_LAMBDA)
        return ou_c_error(c, &e->loc, "'yield' outside function");
    if (e->kind == OU_YIELD_KIND) {
        if (e->v.yield.value)
            VISIT(e->v.yield.value);
        else if (ou_c_load_const(c, OURO_NONE) < 0)
            return -1;
        c->u->loc = e->loc;
        EMIT(OP_YIELD_VALUE, 0);
        return 0;
    }
    int32_t send = ou_c_new_label(c), exit = ou_c_new_label(c);
    VISIT(e->v.yieldfrom.value);
    c->u->loc = e->loc;
    EMIT(OP_GET_YIELD_FROM_ITER, 0);
    if (ou_c_load_const(c, OURO_NONE) < 0)
        return -1;
    BIND(send);
    JUMP_TO(OP_SEND, exit);
    EMIT(OP_YIELD_VALUE, 1);
    JUMP_TO(OP_JUMP_BACK, send);
    BIND(exit);
    return 0;
}

static int c_subscript(OuCompiler *c, const OuExpr *e)
{
    VISIT(e->v.subscript.value);
    VISIT(e->v.subscript.slice);
    c->u->loc = e->loc;
    EMIT(OP_BINARY_SUBSCR, 0);
    return 0;
}

static int c_slice(OuCompiler *c, const OuExpr *e)
{
    const OuExpr *parts[3] = { e->v.slice.lower, e->v.slice.upper, e->v.slice.step };
    int n = parts[2] ? 3 : 2;
    for (int i = 0; i < n; i++) {
        if (parts[i])
            VISIT(parts[i]);
        else if (ou_c_load_const(c, OURO_NONE) < 0)
            return -1;
    }
    EMIT(OP_BUILD_SLICE, n);
    return 0;
}

static int c_expr_inner(OuCompiler *c, const OuExpr *e)
{
    switch (e->kind) {
    case OU_CONSTANT_KIND:
        return ou_c_load_const(c, e->v.constant.value);
    case OU_BOOLOP_KIND: return c_boolop(c, e);
    case OU_BINOP_KIND: case OU_UNARYOP_KIND: case OU_TUPLE_KIND: {
        if (e->kind != OU_TUPLE_KIND || e->v.list.ctx == OU_LOAD) {
            OuroObject *k = ou_c_fold(c, e);
            if (k) {
                int rc = ou_c_load_const(c, k);
                OURO_DECREF(k);
                return rc;
            }
            if (ouro_err_occurred())
                return -1;
        }
        if (e->kind == OU_TUPLE_KIND)
            return c_sequence(c, &e->v.list.elts, OP_BUILD_TUPLE);
        if (e->kind == OU_BINOP_KIND) {
            VISIT(e->v.binop.left);
            VISIT(e->v.binop.right);
            c->u->loc = e->loc;
            EMIT(OP_BINARY_OP, binop_nb[e->v.binop.op]);
            return 0;
        }
        VISIT(e->v.unaryop.operand);
        c->u->loc = e->loc;
        switch (e->v.unaryop.op) {
        case OU_INVERT: EMIT(OP_UNARY_INVERT, 0); break;
        case OU_NOT: EMIT(OP_UNARY_NOT, 0); break;
        case OU_UADD: EMIT(OP_UNARY_POSITIVE, 0); break;
        default: EMIT(OP_UNARY_NEGATIVE, 0); break;
        }
        return 0;
    }
    case OU_NAMEDEXPR_KIND:
        VISIT(e->v.namedexpr.value);
        EMIT(OP_COPY, 1);
        return ou_c_store_target(c, e->v.namedexpr.target);
    case OU_LAMBDA_KIND: return ou_c_lambda(c, e);
    case OU_IFEXP_KIND: {
        int32_t orelse = ou_c_new_label(c), end = ou_c_new_label(c);
        VISIT(e->v.ifexp.test);
        JUMP_TO(OP_POP_JUMP_IF_FALSE, orelse);
        VISIT(e->v.ifexp.body);
        JUMP_TO(OP_JUMP, end);
        BIND(orelse);
        VISIT(e->v.ifexp.orelse);
        BIND(end);
        return 0;
    }
    case OU_DICT_KIND: return c_dict(c, e);
    case OU_SET_KIND: return c_sequence(c, &e->v.set.elts, OP_BUILD_SET);
    case OU_LIST_KIND: return c_sequence(c, &e->v.list.elts, OP_BUILD_LIST);
    case OU_LISTCOMP_KIND: case OU_SETCOMP_KIND: case OU_DICTCOMP_KIND:
    case OU_GENERATOREXP_KIND:
        return c_comprehension(c, e);
    case OU_YIELD_KIND: case OU_YIELDFROM_KIND: return c_yield(c, e);
    case OU_AWAIT_KIND: /* no coroutines in ouro: never inside an async function */
        return ou_c_error(c, &e->loc, c->u->ste->kind == OU_ST_FUNCTION
                          ? "'await' outside async function" : "'await' outside function");
    case OU_COMPARE_KIND: return c_compare(c, e);
    case OU_CALL_KIND: return c_call(c, e);
    case OU_FORMATTEDVALUE_KIND: return c_fstring_part(c, e);
    case OU_JOINEDSTR_KIND: return c_joinedstr(c, e);
    case OU_ATTRIBUTE_KIND: {
        int ni = ou_c_name_index(c, e->v.attribute.attr);
        if (ni < 0)
            return -1;
        VISIT(e->v.attribute.value);
        c->u->loc = e->loc;
        EMIT(OP_LOAD_ATTR, ni);
        return 0;
    }
    case OU_SUBSCRIPT_KIND: return c_subscript(c, e);
    case OU_STARRED_KIND:
        return ou_c_error(c, &e->loc, "can't use starred expression here");
    case OU_NAME_KIND: return ou_c_nameop(c, e->v.name.id, OU_LOAD);
    case OU_SLICE_KIND: return c_slice(c, e);
    }
    return ou_c_error(c, &e->loc, "unsupported expression");
}

int ou_c_expr(OuCompiler *c, const OuExpr *e)
{
    OuCUnit *u = c->u;
    if (++c->nesting > 3000) {
        c->nesting--;
        return ou_c_error(c, &e->loc, "too many nested expressions");
    }
    OuLoc saved = u->loc;
    u->loc = e->loc;
    int rc = c_expr_inner(c, e);
    c->u->loc = saved;
    c->nesting--;
    return rc;
}
