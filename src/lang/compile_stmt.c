/* src/lang/compile_stmt.c — code generation for statements: control flow with frame
 * blocks (what break/continue/return must undo: iterators, handlers, finally bodies,
 * with exits), try/except/finally and with as CPython 3.11 lays them out. */
#include "compile.h"
#include <string.h>

#define EMIT(op, arg) do { if (ou_c_emit(c, (op), (arg)) < 0) return -1; } while (0)
#define JUMP_TO(op, l) do { if (ou_c_emit_jump(c, (op), (l)) < 0) return -1; } while (0)
#define BIND(l) do { if (ou_c_bind_label(c, (l)) < 0) return -1; } while (0)
#define VISIT(e) do { if (ou_c_expr(c, (e)) < 0) return -1; } while (0)
#define BODY(b) do { if (ou_c_body(c, (b)) < 0) return -1; } while (0)

int ou_c_body(OuCompiler *c, const OuStmtSeq *body)
{
    for (int i = 0; i < body->n; i++)
        if (ou_c_stmt(c, body->items[i]) < 0)
            return -1;
    return 0;
}

static int load_none(OuCompiler *c) { return ou_c_load_const(c, OURO_NONE); }

/* name = None; del name (the end of `except E as name`). */
static int clear_name(OuCompiler *c, OuroObject *name)
{
    if (load_none(c) < 0 || ou_c_nameop(c, name, OU_STORE) < 0)
        return -1;
    return ou_c_nameop(c, name, OU_DEL);
}

static int call_exit_with_nones(OuCompiler *c)
{
    for (int i = 0; i < 3; i++)
        if (load_none(c) < 0)
            return -1;
    EMIT(OP_CALL, 2);
    EMIT(OP_POP_TOP, 0);
    return 0;
}

/* Emits what leaving block b early needs. */
static int unwind_block(OuCompiler *c, const OuFBlock *b, int preserve_tos)
{
    switch (b->type) {
    case FB_WHILE: case FB_EXCEPTION_HANDLER: case FB_TRY_EXCEPT:
        return 0;
    case FB_FOR:
        if (preserve_tos)
            EMIT(OP_SWAP, 2);
        EMIT(OP_POP_TOP, 0);
        return 0;
    case FB_FINALLY_TRY:
        if (!preserve_tos)
            return ou_c_body(c, b->finalbody);
        /* A break/continue/return inside this inlined finally body must drop the value
           being returned through it. */
        if (ou_c_push_fblock(c, FB_POP_VALUE, -1, -1, &c->u->loc) < 0 ||
            ou_c_body(c, b->finalbody) < 0)
            return -1;
        ou_c_pop_fblock(c);
        return 0;
    case FB_POP_VALUE:
        if (preserve_tos)
            EMIT(OP_SWAP, 2);
        EMIT(OP_POP_TOP, 0);
        return 0;
    case FB_FINALLY_END:
        if (preserve_tos)
            EMIT(OP_SWAP, 2);
        EMIT(OP_POP_TOP, 0);
        if (preserve_tos)
            EMIT(OP_SWAP, 2);
        EMIT(OP_POP_EXCEPT, 0);
        return 0;
    case FB_HANDLER_CLEANUP:
        if (preserve_tos)
            EMIT(OP_SWAP, 2);
        EMIT(OP_POP_EXCEPT, 0);
        return b->name ? clear_name(c, b->name) : 0;
    case FB_WITH:
        if (preserve_tos)
            EMIT(OP_SWAP, 2);
        return call_exit_with_nones(c);
    }
    return 0;
}

/* Unwinds the blocks above index stop (and stop itself when include_stop), emitting
 * their cleanups with the handler and block stacks as outside each block. */
static int unwind_to(OuCompiler *c, int stop, int include_stop, int preserve_tos)
{
    OuCUnit *u = c->u;
    int saved_nf = u->nfblocks, saved_nh = u->nhstack, rc = 0;
    OuFBlock saved[OU_MAX_BLOCKS];
    memcpy(saved, u->fblocks, sizeof saved);
    for (int i = saved_nf - 1; rc == 0 && i >= stop + !include_stop; i--) {
        OuFBlock b = saved[i];
        u->nfblocks = i;
        u->nhstack = b.handlers_depth;
        rc = unwind_block(c, &b, preserve_tos);
    }
    memcpy(u->fblocks, saved, sizeof saved);
    u->nfblocks = saved_nf;
    u->nhstack = saved_nh;
    return rc;
}

static int innermost_loop(OuCUnit *u)
{
    for (int i = u->nfblocks - 1; i >= 0; i--)
        if (u->fblocks[i].type == FB_WHILE || u->fblocks[i].type == FB_FOR)
            return i;
    return -1;
}

static int c_return(OuCompiler *c, const OuStmt *s)
{
    OuCUnit *u = c->u;
    if (u->type == CU_MODULE || u->type == CU_CLASS)
        return ou_c_error(c, &s->loc, "'return' outside function");
    if (s->v.return_.value)
        VISIT(s->v.return_.value);
    else if (load_none(c) < 0)
        return -1;
    int depth = u->depth;
    if (unwind_to(c, 0, 1, 1) < 0)
        return -1;
    u->loc = s->loc;
    EMIT(OP_RETURN_VALUE, 0);
    u->depth = depth - 1;
    return 0;
}

static int c_break_continue(OuCompiler *c, const OuStmt *s)
{
    OuCUnit *u = c->u;
    int loop = innermost_loop(u), brk = s->kind == OU_BREAK_KIND;
    if (loop < 0)
        return ou_c_error(c, &s->loc, brk ? "'break' outside loop"
                                          : "'continue' not properly in loop");
    int depth = u->depth;
    if (unwind_to(c, loop, brk, 0) < 0)
        return -1;
    /* The jump itself runs outside the blocks it leaves (JUMP_BACK may raise from the
       eval breaker: no inner handler must see that). */
    int saved_nh = u->nhstack;
    u->nhstack = u->fblocks[loop].handlers_depth;
    int rc = brk ? ou_c_emit_jump(c, OP_JUMP, u->fblocks[loop].exit)
                 : ou_c_emit_jump(c, OP_JUMP_BACK, u->fblocks[loop].start);
    u->nhstack = saved_nh;
    u->depth = depth;
    return rc;
}

/* Jumps to label when test's truth equals cond (short-circuit without building bools). */
static int jump_if(OuCompiler *c, const OuExpr *e, int32_t label, int cond)
{
    if (e->kind == OU_UNARYOP_KIND && e->v.unaryop.op == OU_NOT)
        return jump_if(c, e->v.unaryop.operand, label, !cond);
    if (e->kind == OU_BOOLOP_KIND) {
        int is_or = e->v.boolop.op == OU_OR;
        int32_t next = label;
        if (is_or != cond && (next = ou_c_new_label(c)) < 0)
            return -1;
        const OuExprSeq *v = &e->v.boolop.values;
        for (int i = 0; i < v->n - 1; i++)
            if (jump_if(c, v->items[i], next, is_or) < 0)
                return -1;
        if (jump_if(c, v->items[v->n - 1], label, cond) < 0)
            return -1;
        if (next != label)
            BIND(next);
        return 0;
    }
    if (e->kind == OU_COMPARE_KIND && e->v.compare.n == 1 &&
        (e->v.compare.ops[0] == OU_IS || e->v.compare.ops[0] == OU_ISNOT) &&
        e->v.compare.comparators.items[0]->kind == OU_CONSTANT_KIND &&
        e->v.compare.comparators.items[0]->v.constant.value == OURO_NONE) {
        /* `x is None` / `x is not None` tests jump on x itself (as CPython 3.11). */
        VISIT(e->v.compare.left);
        c->u->loc = e->loc;
        int jump_on_none = (e->v.compare.ops[0] == OU_IS) == cond;
        JUMP_TO(jump_on_none ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE, label);
        return 0;
    }
    VISIT(e);
    JUMP_TO(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    return 0;
}

int ou_c_jump_if(OuCompiler *c, const OuExpr *e, int32_t label, int cond)
{
    return jump_if(c, e, label, cond);
}

static int c_if(OuCompiler *c, const OuStmt *s)
{
    int32_t end = ou_c_new_label(c), orelse = s->v.if_.orelse.n ? ou_c_new_label(c) : end;
    if (jump_if(c, s->v.if_.test, orelse, 0) < 0)
        return -1;
    BODY(&s->v.if_.body);
    if (s->v.if_.orelse.n) {
        JUMP_TO(OP_JUMP, end);
        BIND(orelse);
        BODY(&s->v.if_.orelse);
    }
    BIND(end);
    return 0;
}

static int c_while(OuCompiler *c, const OuStmt *s)
{
    int32_t start = ou_c_new_label(c), orelse = ou_c_new_label(c), end = ou_c_new_label(c);
    BIND(start);
    const OuExpr *t = s->v.while_.test;
    int always = t->kind == OU_CONSTANT_KIND && ouro_object_is_true(t->v.constant.value) == 1;
    if (!always && jump_if(c, t, orelse, 0) < 0)
        return -1;
    if (ou_c_push_fblock(c, FB_WHILE, start, end, &s->loc) < 0)
        return -1;
    BODY(&s->v.while_.body);
    ou_c_pop_fblock(c);
    JUMP_TO(OP_JUMP_BACK, start);
    BIND(orelse);
    BODY(&s->v.while_.orelse);
    BIND(end);
    return 0;
}

static int c_for(OuCompiler *c, const OuStmt *s)
{
    int32_t start = ou_c_new_label(c), cleanup = ou_c_new_label(c), end = ou_c_new_label(c);
    VISIT(s->v.for_.iter);
    c->u->loc = s->loc;
    EMIT(OP_GET_ITER, 0);
    BIND(start);
    JUMP_TO(OP_FOR_ITER, cleanup);
    if (ou_c_push_fblock(c, FB_FOR, start, end, &s->loc) < 0)
        return -1;
    if (ou_c_store_target(c, s->v.for_.target) < 0)
        return -1;
    BODY(&s->v.for_.body);
    ou_c_pop_fblock(c);
    c->u->loc = s->loc;
    JUMP_TO(OP_JUMP_BACK, start);
    BIND(cleanup);
    BODY(&s->v.for_.orelse);
    BIND(end);
    return 0;
}

/* [.., prev, exc] handler: restores the handled exception and re-raises exc. */
static int emit_cleanup(OuCompiler *c, int32_t label)
{
    BIND(label);
    EMIT(OP_SWAP, 2);
    EMIT(OP_POP_EXCEPT, 0);
    EMIT(OP_RERAISE, 0);
    return 0;
}

static int c_handler(OuCompiler *c, const OuExceptHandler *h, int32_t end, int depth)
{
    OuCUnit *u = c->u;
    int32_t next = ou_c_new_label(c);
    u->loc = h->loc;
    if (h->type) {
        VISIT(h->type);
        EMIT(OP_CHECK_EXC_MATCH, 0);
        JUMP_TO(OP_POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
        if (ou_c_nameop(c, h->name, OU_STORE) < 0)
            return -1;
        int32_t name_cleanup = ou_c_new_label(c);
        if (ou_c_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, &h->loc) < 0)
            return -1;
        u->fblocks[u->nfblocks - 1].name = h->name;
        if (ou_c_push_handler(c, name_cleanup, depth + 1) < 0)
            return -1;
        BODY(&h->body);
        ou_c_pop_handler(c);
        ou_c_pop_fblock(c);
        EMIT(OP_POP_EXCEPT, 0);
        if (clear_name(c, h->name) < 0)
            return -1;
        JUMP_TO(OP_JUMP, end);
        BIND(name_cleanup);
        if (clear_name(c, h->name) < 0)
            return -1;
        EMIT(OP_RERAISE, 0);
    } else {
        EMIT(OP_POP_TOP, 0);
        if (ou_c_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, &h->loc) < 0)
            return -1;
        BODY(&h->body);
        ou_c_pop_fblock(c);
        EMIT(OP_POP_EXCEPT, 0);
        JUMP_TO(OP_JUMP, end);
    }
    BIND(next);
    return 0;
}

static int c_try_except(OuCompiler *c, const OuStmt *s)
{
    OuCUnit *u = c->u;
    int depth = u->depth;
    int32_t except = ou_c_new_label(c), end = ou_c_new_label(c), cleanup = ou_c_new_label(c);
    if (ou_c_push_fblock(c, FB_TRY_EXCEPT, -1, -1, &s->loc) < 0 ||
        ou_c_push_handler(c, except, depth) < 0)
        return -1;
    BODY(&s->v.try_.body);
    ou_c_pop_handler(c);
    ou_c_pop_fblock(c);
    BODY(&s->v.try_.orelse);
    JUMP_TO(OP_JUMP, end);
    BIND(except);                               /* [exc] */
    if (ou_c_push_handler(c, cleanup, depth + 1) < 0)
        return -1;
    EMIT(OP_PUSH_EXC_INFO, 0);                  /* [prev, exc] */
    for (int i = 0; i < s->v.try_.handlers.n; i++) {
        const OuExceptHandler *h = s->v.try_.handlers.items[i];
        if (!h->type && i != s->v.try_.handlers.n - 1)
            return ou_c_error(c, &h->loc, "default 'except:' must be last");
        if (c_handler(c, h, end, depth) < 0)
            return -1;
    }
    EMIT(OP_RERAISE, 0);                        /* no handler matched */
    ou_c_pop_handler(c);
    if (emit_cleanup(c, cleanup) < 0)
        return -1;
    BIND(end);
    u->depth = depth;
    return 0;
}

static int c_try(OuCompiler *c, const OuStmt *s)
{
    if (!s->v.try_.finalbody.n)
        return c_try_except(c, s);
    OuCUnit *u = c->u;
    int depth = u->depth;
    int32_t exc = ou_c_new_label(c), end = ou_c_new_label(c), cleanup = ou_c_new_label(c);
    if (ou_c_push_fblock(c, FB_FINALLY_TRY, -1, -1, &s->loc) < 0)
        return -1;
    u->fblocks[u->nfblocks - 1].finalbody = &s->v.try_.finalbody;
    if (ou_c_push_handler(c, exc, depth) < 0)
        return -1;
    if (s->v.try_.handlers.n) {
        if (c_try_except(c, s) < 0)
            return -1;
    } else {
        BODY(&s->v.try_.body);
    }
    ou_c_pop_handler(c);
    ou_c_pop_fblock(c);
    BODY(&s->v.try_.finalbody);
    JUMP_TO(OP_JUMP, end);
    BIND(exc);                                  /* [exc] */
    if (ou_c_push_handler(c, cleanup, depth + 1) < 0)
        return -1;
    EMIT(OP_PUSH_EXC_INFO, 0);
    if (ou_c_push_fblock(c, FB_FINALLY_END, -1, -1, &s->loc) < 0)
        return -1;
    BODY(&s->v.try_.finalbody);
    ou_c_pop_fblock(c);
    EMIT(OP_RERAISE, 0);
    ou_c_pop_handler(c);
    if (emit_cleanup(c, cleanup) < 0)
        return -1;
    BIND(end);
    u->depth = depth;
    return 0;
}

static int c_with_item(OuCompiler *c, const OuStmt *s, int i)
{
    OuCUnit *u = c->u;
    const OuWithItem *item = s->v.with.items.items[i];
    int depth = u->depth;
    int32_t exc = ou_c_new_label(c), end = ou_c_new_label(c), cleanup = ou_c_new_label(c);
    int32_t suppress = ou_c_new_label(c);
    VISIT(item->context_expr);
    u->loc = s->loc;
    EMIT(OP_BEFORE_WITH, 0);                    /* [exit, value] */
    if (ou_c_push_fblock(c, FB_WITH, -1, -1, &s->loc) < 0 ||
        ou_c_push_handler(c, exc, depth + 1) < 0)
        return -1;
    if (item->optional_vars) {
        if (ou_c_store_target(c, item->optional_vars) < 0)
            return -1;
    } else {
        EMIT(OP_POP_TOP, 0);
    }
    if (i + 1 < s->v.with.items.n) {
        if (c_with_item(c, s, i + 1) < 0)
            return -1;
    } else {
        BODY(&s->v.with.body);
    }
    ou_c_pop_handler(c);
    ou_c_pop_fblock(c);
    u->loc = s->loc;
    if (call_exit_with_nones(c) < 0)
        return -1;
    JUMP_TO(OP_JUMP, end);
    BIND(exc);                                  /* [exit, exc] */
    if (ou_c_push_handler(c, cleanup, depth + 2) < 0)
        return -1;
    EMIT(OP_PUSH_EXC_INFO, 0);                  /* [exit, prev, exc] */
    EMIT(OP_WITH_EXCEPT_START, 0);
    JUMP_TO(OP_POP_JUMP_IF_TRUE, suppress);
    EMIT(OP_RERAISE, 0);
    BIND(suppress);
    EMIT(OP_POP_TOP, 0);
    EMIT(OP_POP_EXCEPT, 0);
    ou_c_pop_handler(c);
    EMIT(OP_POP_TOP, 0);
    JUMP_TO(OP_JUMP, end);
    if (emit_cleanup(c, cleanup) < 0)
        return -1;
    BIND(end);
    u->depth = depth;
    return 0;
}

static int c_raise(OuCompiler *c, const OuStmt *s)
{
    int n = 0;
    if (s->v.raise.exc) {
        VISIT(s->v.raise.exc);
        n++;
        if (s->v.raise.cause) {
            VISIT(s->v.raise.cause);
            n++;
        }
    }
    c->u->loc = s->loc;
    EMIT(OP_RAISE_VARARGS, n);
    return 0;
}

static int c_assert(OuCompiler *c, const OuStmt *s)
{
    int32_t end = ou_c_new_label(c);
    if (jump_if(c, s->v.assert_.test, end, 1) < 0)
        return -1;
    /* Tracebacks point at the test, as CPython's. */
    c->u->loc = s->v.assert_.test->loc;
    EMIT(OP_LOAD_ASSERTION_ERROR, 0);
    if (s->v.assert_.msg) {
        VISIT(s->v.assert_.msg);
        c->u->loc = s->v.assert_.test->loc;
        EMIT(OP_CALL, 0);
    }
    EMIT(OP_RAISE_VARARGS, 1);
    BIND(end);
    return 0;
}

static int c_import(OuCompiler *c, const OuStmt *s)
{
    OuroObject *zero = ouro_int_from_int64(0);
    if (!zero)
        return -1;
    int zi = ou_c_const(c, zero);
    OURO_DECREF(zero);
    if (zi < 0)
        return -1;
    for (int i = 0; i < s->v.import.names.n; i++) {
        const OuAlias *a = s->v.import.names.items[i];
        int ni = ou_c_name_index(c, a->name);
        if (ni < 0)
            return -1;
        EMIT(OP_LOAD_CONST, zi);
        if (load_none(c) < 0)
            return -1;
        EMIT(OP_IMPORT_NAME, ni);
        const char *full = ouro_str_utf8(a->name), *dot = strchr(full, '.');
        if (a->asname) {
            while (dot) {
                const char *next = strchr(dot + 1, '.');
                size_t n = next ? (size_t)(next - dot - 1) : strlen(dot + 1);
                OuroObject *part = ouro_str_from_utf8(dot + 1, n);
                int pi = part ? ou_c_name_index(c, part) : -1;
                OURO_XDECREF(part);
                if (pi < 0)
                    return -1;
                EMIT(OP_IMPORT_FROM, pi);
                EMIT(OP_SWAP, 2);
                EMIT(OP_POP_TOP, 0);
                dot = next;
            }
            if (ou_c_nameop(c, a->asname, OU_STORE) < 0)
                return -1;
        } else {
            OuroObject *first = dot ? ouro_str_from_utf8(full, (size_t)(dot - full))
                                    : OURO_NEWREF(a->name);
            if (first)
                ouro_str_intern_in_place(&first);
            int rc = first ? ou_c_nameop(c, first, OU_STORE) : -1;
            OURO_XDECREF(first);
            if (rc < 0)
                return -1;
        }
    }
    return 0;
}

static int c_importfrom(OuCompiler *c, const OuStmt *s)
{
    const OuAliasSeq *names = &s->v.importfrom.names;
    OuroObject *level = ouro_int_from_int64(s->v.importfrom.level), *fl = ouro_tuple_new(names->n);
    int rc = -1;
    if (!level || !fl)
        goto done;
    for (int i = 0; i < names->n; i++)
        OURO_TUPLE_SET(fl, i, OURO_NEWREF(names->items[i]->name));
    OuroObject *mod = s->v.importfrom.module;
    OuroObject *empty = mod ? NULL : ouro_str_from_cstr("");
    int mi = ou_c_name_index(c, mod ? mod : empty);
    OURO_XDECREF(empty);
    if (mi < 0 || ou_c_load_const(c, level) < 0 || ou_c_load_const(c, fl) < 0 ||
        ou_c_emit(c, OP_IMPORT_NAME, mi) < 0)
        goto done;
    for (int i = 0; i < names->n; i++) {
        const OuAlias *a = names->items[i];
        if (ouro_str_equal_cstr(a->name, "*")) {
            rc = ou_c_emit(c, OP_IMPORT_STAR, 0);
            goto done;
        }
        int ni = ou_c_name_index(c, a->name);
        if (ni < 0 || ou_c_emit(c, OP_IMPORT_FROM, ni) < 0 ||
            ou_c_nameop(c, a->asname ? a->asname : a->name, OU_STORE) < 0)
            goto done;
    }
    rc = ou_c_emit(c, OP_POP_TOP, 0);
done:
    OURO_XDECREF(level);
    OURO_XDECREF(fl);
    return rc;
}

static int c_delete(OuCompiler *c, const OuExpr *t)
{
    c->u->loc = t->loc;
    switch (t->kind) {
    case OU_NAME_KIND:
        return ou_c_nameop(c, t->v.name.id, OU_DEL);
    case OU_ATTRIBUTE_KIND: {
        VISIT(t->v.attribute.value);
        int ni = ou_c_name_index(c, t->v.attribute.attr);
        c->u->loc = t->loc;
        return ni < 0 ? -1 : ou_c_emit(c, OP_DELETE_ATTR, ni);
    }
    case OU_SUBSCRIPT_KIND:
        VISIT(t->v.subscript.value);
        VISIT(t->v.subscript.slice);
        c->u->loc = t->loc;
        return ou_c_emit(c, OP_DELETE_SUBSCR, 0);
    case OU_LIST_KIND: case OU_TUPLE_KIND:
        for (int i = 0; i < t->v.list.elts.n; i++)
            if (c_delete(c, t->v.list.elts.items[i]) < 0)
                return -1;
        return 0;
    default:
        return ou_c_error(c, &t->loc, "cannot delete expression");
    }
}

static int c_augassign(OuCompiler *c, const OuStmt *s)
{
    const OuExpr *t = s->v.augassign.target;
    static const int nb[] = {
        [OU_ADD] = OU_NB_ADD, [OU_SUB] = OU_NB_SUBTRACT, [OU_MULT] = OU_NB_MULTIPLY,
        [OU_MATMULT] = OU_NB_MATRIX_MULTIPLY, [OU_DIV] = OU_NB_TRUE_DIVIDE,
        [OU_MOD] = OU_NB_REMAINDER, [OU_POW] = OU_NB_POWER, [OU_LSHIFT] = OU_NB_LSHIFT,
        [OU_RSHIFT] = OU_NB_RSHIFT, [OU_BITOR] = OU_NB_OR, [OU_BITXOR] = OU_NB_XOR,
        [OU_BITAND] = OU_NB_AND, [OU_FLOORDIV] = OU_NB_FLOOR_DIVIDE,
    };
    int op = OU_NB_INPLACE(nb[s->v.augassign.op]);
    OuCUnit *u = c->u;
    switch (t->kind) {
    case OU_NAME_KIND:
        if (ou_c_nameop(c, t->v.name.id, OU_LOAD) < 0)
            return -1;
        VISIT(s->v.augassign.value);
        u->loc = s->loc;
        EMIT(OP_BINARY_OP, op);
        return ou_c_nameop(c, t->v.name.id, OU_STORE);
    case OU_ATTRIBUTE_KIND: {
        int ni = ou_c_name_index(c, t->v.attribute.attr);
        if (ni < 0)
            return -1;
        VISIT(t->v.attribute.value);
        u->loc = t->loc;
        EMIT(OP_COPY, 1);
        EMIT(OP_LOAD_ATTR, ni);
        VISIT(s->v.augassign.value);
        u->loc = s->loc;
        EMIT(OP_BINARY_OP, op);
        EMIT(OP_SWAP, 2);
        EMIT(OP_STORE_ATTR, ni);
        return 0;
    }
    case OU_SUBSCRIPT_KIND:
        VISIT(t->v.subscript.value);
        VISIT(t->v.subscript.slice);
        u->loc = t->loc;
        EMIT(OP_COPY, 2);
        EMIT(OP_COPY, 2);
        EMIT(OP_BINARY_SUBSCR, 0);
        VISIT(s->v.augassign.value);
        u->loc = s->loc;
        EMIT(OP_BINARY_OP, op);
        EMIT(OP_SWAP, 3);
        EMIT(OP_SWAP, 2);
        EMIT(OP_STORE_SUBSCR, 0);
        return 0;
    default:
        return ou_c_error(c, &t->loc, "'%s' is an illegal expression for augmented assignment",
                          "expression");
    }
}

static int c_annassign(OuCompiler *c, const OuStmt *s)
{
    OuCUnit *u = c->u;
    const OuExpr *t = s->v.annassign.target;
    if (s->v.annassign.value) {
        VISIT(s->v.annassign.value);
        if (ou_c_store_target(c, t) < 0)
            return -1;
    }
    if (t->kind == OU_NAME_KIND && s->v.annassign.simple &&
        (u->type == CU_MODULE || u->type == CU_CLASS)) {
        OuroObject *ann = ouro_str_intern_cstr("__annotations__");
        OuroObject *name = ou_mangle(u->private_name, t->v.name.id);
        int rc = -1;
        if (ann && name && ou_c_expr(c, s->v.annassign.annotation) == 0 &&
            ou_c_nameop(c, ann, OU_LOAD) == 0 && ou_c_load_const(c, name) == 0)
            rc = ou_c_emit(c, OP_STORE_SUBSCR, 0);
        OURO_XDECREF(name);
        return rc;
    }
    return 0;
}

static int c_funcdef(OuCompiler *c, const OuStmt *s)
{
    const OuExprSeq *decos = &s->v.functiondef.decorator_list;
    for (int i = 0; i < decos->n; i++) {
        EMIT(OP_PUSH_NULL, 0);
        VISIT(decos->items[i]);
    }
    c->u->loc = s->loc;
    int flags = 0;
    if (ou_c_defaults(c, s->v.functiondef.args, s->v.functiondef.returns, &flags) < 0)
        return -1;
    if (ou_c_function_body(c, s) < 0)
        return -1;
    c->u->loc = s->loc;
    for (int i = 0; i < decos->n; i++)
        EMIT(OP_CALL, 1);
    return ou_c_nameop(c, s->v.functiondef.name, OU_STORE);
}

static int class_body(OuCompiler *c, const OuStmt *s)
{
    OuCUnit *u = c->u;
    OuroObject *modname = ouro_str_intern_cstr("__name__");
    OuroObject *mod = ouro_str_intern_cstr("__module__"), *qn = ouro_str_intern_cstr("__qualname__");
    if (!modname || !mod || !qn)
        return -1;
    u->loc = s->loc;
    if (ou_c_nameop(c, modname, OU_LOAD) < 0 || ou_c_nameop(c, mod, OU_STORE) < 0 ||
        ou_c_load_const(c, u->qualname) < 0 || ou_c_nameop(c, qn, OU_STORE) < 0)
        return -1;
    const OuStmtSeq *body = &s->v.classdef.body;
    int start = 0;
    if (body->n && body->items[0]->kind == OU_EXPR_KIND &&
        body->items[0]->v.expr.value->kind == OU_CONSTANT_KIND &&
        ouro_str_check(body->items[0]->v.expr.value->v.constant.value)) {
        OuroObject *doc = ouro_str_intern_cstr("__doc__");
        if (!doc || ou_c_load_const(c, body->items[0]->v.expr.value->v.constant.value) < 0 ||
            ou_c_nameop(c, doc, OU_STORE) < 0)
            return -1;
        start = 1;
    }
    if (u->ste->has_annotations)
        EMIT(OP_SETUP_ANNOTATIONS, 0);
    for (int i = start; i < body->n; i++)
        if (ou_c_stmt(c, body->items[i]) < 0)
            return -1;
    if (u->ste->needs_class_closure) {
        OuroObject *cls = ouro_str_intern_cstr("__class__");
        OuroObject *cell = ouro_str_intern_cstr("__classcell__");
        int ci = cls ? ou_c_deref_index(c, cls) : -1;
        if (ci < 0 || !cell)
            return -1;
        EMIT(OP_LOAD_CLOSURE, ci);
        EMIT(OP_COPY, 1);
        if (ou_c_nameop(c, cell, OU_STORE) < 0)
            return -1;
        EMIT(OP_RETURN_VALUE, 0);
        return 0;
    }
    return ou_c_load_const(c, OURO_NONE) < 0 ? -1 : ou_c_emit(c, OP_RETURN_VALUE, 0);
}

static int c_classdef(OuCompiler *c, const OuStmt *s)
{
    const OuExprSeq *decos = &s->v.classdef.decorator_list;
    for (int i = 0; i < decos->n; i++) {
        EMIT(OP_PUSH_NULL, 0);
        VISIT(decos->items[i]);
    }
    c->u->loc = s->loc;
    if (ou_c_enter_scope(c, s->v.classdef.name, CU_CLASS, s, s->loc.lineno) < 0)
        return -1;
    OuroObject *code = class_body(c, s) == 0 ? ou_c_assemble(c) : NULL;
    ou_c_exit_scope(c);
    if (!code)
        return -1;
    c->u->loc = s->loc;
    int rc = -1;
    if (ou_c_emit(c, OP_PUSH_NULL, 0) == 0 && ou_c_emit(c, OP_LOAD_BUILD_CLASS, 0) == 0 &&
        ou_c_make_closure(c, code, 0) == 0 && ou_c_load_const(c, s->v.classdef.name) == 0)
        rc = ou_c_call_helper(c, 2, &s->v.classdef.bases, &s->v.classdef.keywords, &s->loc);
    OURO_DECREF(code);
    if (rc < 0)
        return -1;
    for (int i = 0; i < decos->n; i++)
        EMIT(OP_CALL, 1);
    return ou_c_nameop(c, s->v.classdef.name, OU_STORE);
}

static int c_expr_stmt(OuCompiler *c, const OuStmt *s)
{
    const OuExpr *e = s->v.expr.value;
    if (c->interactive && c->u->type == CU_MODULE) {
        VISIT(e);
        c->u->loc = s->loc;
        EMIT(OP_PRINT_EXPR, 0);
        return 0;
    }
    if (e->kind == OU_CONSTANT_KIND)
        return 0;   /* no effect: CPython emits nothing */
    VISIT(e);
    EMIT(OP_POP_TOP, 0);
    return 0;
}

int ou_c_stmt(OuCompiler *c, const OuStmt *s)
{
    OuCUnit *u = c->u;
    u->loc = s->loc;
    switch (s->kind) {
    case OU_FUNCTIONDEF_KIND: return c_funcdef(c, s);
    /* ouro has no coroutines: async syntax is a SyntaxError (there is never an enclosing
     * async function, hence CPython's "outside async function" messages). */
    case OU_ASYNCFUNCTIONDEF_KIND:
        return ou_c_error(c, &s->loc, "'async def' is not supported (ouro has no coroutines)");
    case OU_ASYNCFOR_KIND: return ou_c_error(c, &s->loc, "'async for' outside async function");
    case OU_ASYNCWITH_KIND: return ou_c_error(c, &s->loc, "'async with' outside async function");
    case OU_CLASSDEF_KIND: return c_classdef(c, s);
    case OU_RETURN_KIND: return c_return(c, s);
    case OU_DELETE_KIND:
        for (int i = 0; i < s->v.delete_.targets.n; i++)
            if (c_delete(c, s->v.delete_.targets.items[i]) < 0)
                return -1;
        return 0;
    case OU_ASSIGN_KIND: {
        const OuExprSeq *t = &s->v.assign.targets;
        VISIT(s->v.assign.value);
        for (int i = 0; i < t->n; i++) {
            if (i < t->n - 1)
                EMIT(OP_COPY, 1);
            if (ou_c_store_target(c, t->items[i]) < 0)
                return -1;
        }
        return 0;
    }
    case OU_AUGASSIGN_KIND: return c_augassign(c, s);
    case OU_ANNASSIGN_KIND: return c_annassign(c, s);
    case OU_FOR_KIND: return c_for(c, s);
    case OU_WHILE_KIND: return c_while(c, s);
    case OU_IF_KIND: return c_if(c, s);
    case OU_WITH_KIND: return c_with_item(c, s, 0);
    case OU_RAISE_KIND: return c_raise(c, s);
    case OU_TRY_KIND: return c_try(c, s);
    case OU_ASSERT_KIND: return c_assert(c, s);
    case OU_IMPORT_KIND: return c_import(c, s);
    case OU_IMPORTFROM_KIND: return c_importfrom(c, s);
    case OU_EXPR_KIND: return c_expr_stmt(c, s);
    case OU_BREAK_KIND: case OU_CONTINUE_KIND: return c_break_continue(c, s);
    case OU_MATCH_KIND: return ou_c_match(c, s);
    case OU_GLOBAL_KIND: case OU_NONLOCAL_KIND: case OU_PASS_KIND:
        return 0;
    }
    return ou_c_error(c, &s->loc, "unsupported statement");
}
