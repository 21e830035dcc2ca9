/* src/lang/compile.c — the compiler's units (one per code object), instruction emission
 * with static stack-depth tracking, labels, the exception-handler stack (each emitted
 * instruction is tagged with the innermost active handler; assembly turns runs of equal
 * tags into the exception table), and assembly into code objects. Statements and
 * expressions are compile_stmt.c and compile_expr.c. */
#include "compile.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ou_c_error(OuCompiler *c, const OuLoc *loc, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ou_st_error(&c->si, loc, "%s", msg);
}

/* ------------------------------------------------------------- emission -- */

int ou_c_grow(void **p, int *cap, int need, size_t item)
{
    if (need <= *cap)
        return 0;
    int n = *cap ? *cap * 2 : 8;
    while (n < need)
        n *= 2;
    void *q = ouro_mem_realloc(*p, item * (size_t)n);
    if (!q) {
        ouro_err_no_memory();
        return -1;
    }
    *p = q;
    *cap = n;
    return 0;
}

/* The stack effect of op with arg: on fall-through (jump = 0) or when the jump is
 * taken (jump = 1). */
static int stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OP_NOP: case OP_SWAP: case OP_DELETE_FAST: case OP_DELETE_NAME:
    case OP_DELETE_GLOBAL: case OP_DELETE_DEREF: case OP_MAKE_CELL: case OP_COPY_FREE_VARS:
    case OP_LOAD_ATTR: case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE: case OP_UNARY_NOT:
    case OP_UNARY_INVERT: case OP_JUMP: case OP_JUMP_BACK: case OP_GET_ITER:
    case OP_LIST_TO_TUPLE: case OP_YIELD_VALUE: case OP_CHECK_EXC_MATCH:
    case OP_GET_YIELD_FROM_ITER: case OP_SETUP_ANNOTATIONS: case OP_RETURN_CONST:
        return 0;
    case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_NAME: case OP_STORE_GLOBAL:
    case OP_STORE_DEREF: case OP_DELETE_ATTR: case OP_BINARY_SUBSCR: case OP_BINARY_OP:
    case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP: case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE:
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: case OP_DICT_MERGE: case OP_RETURN_VALUE: case OP_IMPORT_NAME:
    case OP_IMPORT_STAR: case OP_RERAISE: case OP_POP_EXCEPT: case OP_PRINT_EXPR:
        return -1;
    case OP_PUSH_NULL: case OP_COPY: case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_NAME:
    case OP_LOAD_GLOBAL: case OP_LOAD_DEREF: case OP_LOAD_CLOSURE: case OP_LOAD_CLASSDEREF:
    case OP_LOAD_METHOD: case OP_LOAD_BUILD_CLASS: case OP_IMPORT_FROM: case OP_PUSH_EXC_INFO:
    case OP_BEFORE_WITH: case OP_WITH_EXCEPT_START: case OP_LOAD_ASSERTION_ERROR:
    case OP_MATCH_SEQUENCE: case OP_MATCH_MAPPING: case OP_GET_LEN: case OP_MATCH_KEYS:
        return 1;
    case OP_COPY_DICT_WITHOUT_KEYS: return -1;
    case OP_MATCH_CLASS: return -2;
    case OP_LOAD_GLOBAL_NULL: return 2;
    /* Superinstructions only appear after assembly: no stack effect is asked of them. */
    case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_MAP_ADD: return -2;
    case OP_STORE_SUBSCR: return -3;
    case OP_BUILD_SLICE: case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET:
    case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_SEND: return jump ? -1 : 0;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_CALL: return -(arg + 1);
    case OP_CALL_KW: return -(arg + 2);
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_MAKE_FUNCTION: return -__builtin_popcount((unsigned)arg);
    case OP_RAISE_VARARGS: return -arg;
    case OP_FORMAT_VALUE: return (arg & OU_FV_HAVE_SPEC) ? -1 : 0;
    }
    return 0;
}

static int push_instr(OuCompiler *c, int op, int arg, int is_jump)
{
    OuCUnit *u = c->u;
    if ((uint32_t)arg > OU_MAX_ARG)
        return ou_c_error(c, &u->loc, "too many constants, names or instructions");
    if (ou_c_grow((void **)&u->code, &u->code_cap, u->ncode + 1, sizeof(OuInstr)) < 0)
        return -1;
    OuInstr *in = &u->code[u->ncode++];
    in->word = OU_INSTR(op, arg);
    in->is_jump = (uint8_t)is_jump;
    in->handler = u->nhstack ? u->hstack[u->nhstack - 1] : -1;
    in->pos.lineno = u->loc.lineno;
    in->pos.end_lineno = u->loc.end_lineno;
    in->pos.col = u->loc.col_offset;
    in->pos.end_col = u->loc.end_col_offset;
    return 0;
}

static void adjust_depth(OuCUnit *u, int delta)
{
    u->depth += delta;
    if (u->depth > u->maxdepth)
        u->maxdepth = u->depth;
    if (u->depth < 0)
        u->depth = 0;   /* cannot happen for well-formed code; keeps the size sane */
}

/* The instruction that does the previous one's work and op's in one dispatch, or -1:
 * PUSH_NULL LOAD_GLOBAL (a call of a global) and LOAD_CONST RETURN_VALUE. Only when
 * nothing can jump between the two and both have the same handler. */
static int fused_op(OuCUnit *u, int op)
{
    if (!u->ncode || u->last_bound == u->ncode)
        return -1;
    const OuInstr *prev = &u->code[u->ncode - 1];
    if (prev->is_jump || prev->handler != (u->nhstack ? u->hstack[u->nhstack - 1] : -1))
        return -1;
    int pop = (int)OU_OP(prev->word);
    if (pop == OP_PUSH_NULL && op == OP_LOAD_GLOBAL)
        return OP_LOAD_GLOBAL_NULL;
    if (pop == OP_LOAD_CONST && op == OP_RETURN_VALUE)
        return OP_RETURN_CONST;
    return -1;
}

int ou_c_emit(OuCompiler *c, int op, int arg)
{
    OuCUnit *u = c->u;
    int fop = fused_op(u, op);
    if (fop >= 0) {
        /* Rewrites the previous instruction in place; its stack effect is counted. */
        OuInstr *prev = &u->code[u->ncode - 1];
        if (fop == OP_RETURN_CONST)
            arg = (int)OU_ARG(prev->word);
        prev->word = OU_INSTR(fop, arg);
        prev->pos.lineno = u->loc.lineno;
        prev->pos.end_lineno = u->loc.end_lineno;
        prev->pos.col = u->loc.col_offset;
        prev->pos.end_col = u->loc.end_col_offset;
        adjust_depth(u, stack_effect(op, arg, 0));
        return 0;
    }
    if (push_instr(c, op, arg, 0) < 0)
        return -1;
    adjust_depth(u, stack_effect(op, arg, 0));
    return 0;
}

int32_t ou_c_new_label(OuCompiler *c)
{
    OuCUnit *u = c->u;
    if (ou_c_grow((void **)&u->labels, &u->labels_cap, u->nlabels + 1, sizeof(OuLabelInfo)) < 0)
        return -1;
    u->labels[u->nlabels].target = -1;
    u->labels[u->nlabels].depth = -1;
    return u->nlabels++;
}

static void label_depth(OuCUnit *u, int32_t label, int depth)
{
    if (u->labels[label].depth < depth)
        u->labels[label].depth = depth;
    if (depth > u->maxdepth)
        u->maxdepth = depth;
}

int ou_c_emit_jump(OuCompiler *c, int op, int32_t label)
{
    OuCUnit *u = c->u;
    if (label < 0 || push_instr(c, op, label, 1) < 0)
        return -1;
    label_depth(u, label, u->depth + stack_effect(op, 0, 1));
    adjust_depth(u, stack_effect(op, 0, 0));
    return 0;
}

int ou_c_bind_label(OuCompiler *c, int32_t label)
{
    OuCUnit *u = c->u;
    if (label < 0)
        return -1;
    u->labels[label].target = u->ncode;
    u->last_bound = u->ncode;
    if (u->labels[label].depth >= 0)
        u->depth = u->labels[label].depth;
    return 0;
}

int ou_c_push_handler(OuCompiler *c, int32_t label, int depth)
{
    OuCUnit *u = c->u;
    if (label < 0) /* ou_c_new_label failed: MemoryError is set */
        return -1;
    if (u->nhstack == (int)(sizeof u->hstack / sizeof u->hstack[0]))
        return ou_c_error(c, &u->loc, "too many statically nested blocks");
    if (ou_c_grow((void **)&u->hrecs, &u->hrecs_cap, u->nhrecs + 1, sizeof(OuHandlerRec)) < 0)
        return -1;
    u->hrecs[u->nhrecs].label = label;
    u->hrecs[u->nhrecs].depth = depth;
    /* The handler starts with the exception pushed on the cut stack. */
    label_depth(u, label, depth + 1);
    u->hstack[u->nhstack++] = u->nhrecs++;
    return 0;
}

void ou_c_pop_handler(OuCompiler *c)
{
    c->u->nhstack--;
}

int ou_c_push_fblock(OuCompiler *c, int type, int32_t start, int32_t exit, const OuLoc *loc)
{
    OuCUnit *u = c->u;
    if (u->nfblocks == OU_MAX_BLOCKS)
        return ou_c_error(c, loc, "too many statically nested blocks");
    OuFBlock *b = &u->fblocks[u->nfblocks++];
    memset(b, 0, sizeof *b);
    b->type = type;
    b->start = start;
    b->exit = exit;
    b->handlers_depth = u->nhstack;
    return 0;
}

void ou_c_pop_fblock(OuCompiler *c)
{
    c->u->nfblocks--;
}

/* -------------------------------------------------------- constants, names -- */

/* The index of constant v in co_consts, added if new. Exact strs and ints are shared
 * through consts_map (an int and a str never compare equal; bools, floats and tuples
 * are not looked up there), the singletons through singleton_idx; other constants
 * (code objects, floats, tuples) are appended. -1 with an exception. */
int ou_c_const(OuCompiler *c, OuroObject *v)
{
    OuCUnit *u = c->u;
    OuroObject *consts = u->consts;
    int si = v == OURO_NONE ? 0 : v == ouro_true ? 1 : v == ouro_false ? 2
           : v == OURO_ELLIPSIS ? 3 : -1;
    if (si >= 0 && u->singleton_idx[si])
        return u->singleton_idx[si] - 1;
    int mapped = OURO_IS_TYPE(v, &ouro_str_type) || OURO_IS_TYPE(v, &ouro_int_type);
    if (mapped) {
        OuroObject *i = ouro_dict_get_item_with_error(u->consts_map, v);
        if (i)
            return (int)ouro_int_as_int64(i);
        if (ouro_err_occurred())
            return -1;
    }
    if (ouro_list_append(consts, v) < 0)
        return -1;
    int idx = (int)OURO_LIST_SIZE(consts) - 1;
    if (si >= 0)
        u->singleton_idx[si] = idx + 1;
    if (mapped) {
        OuroObject *i = ouro_int_from_int64(idx);
        int rc = i ? ouro_dict_set_item(u->consts_map, v, i) : -1;
        OURO_XDECREF(i);
        if (rc < 0)
            return -1;
    }
    return idx;
}

int ou_c_load_const(OuCompiler *c, OuroObject *v)
{
    int i = ou_c_const(c, v);
    return i < 0 ? -1 : ou_c_emit(c, OP_LOAD_CONST, i);
}

static int index_in(OuroObject *list, OuroObject *map, OuroObject *name)
{
    OuroObject *v = ouro_dict_get_item_with_error(map, name);
    if (v)
        return (int)ouro_int_as_int64(v);
    if (ouro_err_occurred())
        return -1;
    OuroObject *i = ouro_int_from_int64(OURO_LIST_SIZE(list));
    if (!i || ouro_dict_set_item(map, name, i) < 0 || ouro_list_append(list, name) < 0) {
        OURO_XDECREF(i);
        return -1;
    }
    OURO_DECREF(i);
    return (int)OURO_LIST_SIZE(list) - 1;
}

int ou_c_name_index(OuCompiler *c, OuroObject *name)
{
    OuroObject *m = ou_mangle(c->u->private_name, name);
    if (!m)
        return -1;
    int i = index_in(c->u->names, c->u->names_map, m);
    OURO_DECREF(m);
    return i;
}

static int lp_index(OuCUnit *u, OuroObject *name)
{
    OuroObject *v = ouro_dict_get_item_with_error(u->lp_map, name);
    return v ? (int)ouro_int_as_int64(v) : -1;
}

static int lp_add(OuCUnit *u, OuroObject *name, uint8_t kind)
{
    int i = lp_index(u, name);
    if (i >= 0) {
        u->kinds[i] |= kind;
        return i;
    }
    if (ou_c_grow((void **)&u->kinds, &u->kinds_cap, u->nkinds + 1, 1) < 0)
        return -1;
    i = index_in(u->lpnames, u->lp_map, name);
    if (i < 0)
        return -1;
    u->kinds[u->nkinds++] = kind;
    return i;
}

int ou_c_deref_index(OuCompiler *c, OuroObject *name)
{
    return lp_index(c->u, name);
}

int ou_c_nameop(OuCompiler *c, OuroObject *rawname, OuExprContext ctx)
{
    OuCUnit *u = c->u;
    OuroObject *name = ou_mangle(u->private_name, rawname);
    if (!name)
        return -1;
    int flags = ou_symtable_lookup(u->ste, name), sc = OU_SC_OF(flags), rc;
    int optimized = u->type != CU_MODULE && u->type != CU_CLASS;
    enum { FAST, DEREF, GLOBAL, NAME } kind = NAME;
    if (ouro_str_equal_cstr(name, "__class__") && u->type == CU_CLASS)
        sc = 0;  /* the class body's own __class__ is a plain name */
    if (sc == OU_SC_FREE || sc == OU_SC_CELL)
        kind = DEREF;
    else if (sc == OU_SC_LOCAL)
        kind = optimized ? FAST : NAME;
    else if (sc == OU_SC_GLOBAL_IMPLICIT)
        kind = optimized ? GLOBAL : NAME;
    else if (sc == OU_SC_GLOBAL_EXPLICIT)
        kind = GLOBAL;
    static const int ops[4][3] = {
        { OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST },
        { OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF },
        { OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL },
        { OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME },
    };
    int op = ops[kind][ctx - 1], arg;
    if (kind == FAST || kind == DEREF) {
        arg = lp_index(u, name);
        if (kind == DEREF && ctx == OU_LOAD && u->type == CU_CLASS)
            op = OP_LOAD_CLASSDEREF;
    } else {
        arg = index_in(u->names, u->names_map, name);
    }
    rc = arg < 0 ? -1 : ou_c_emit(c, op, arg);
    if (arg < 0 && !ouro_err_occurred())
        ouro_err_format(&ouro_exc_SystemError, "compiler: no slot for %R", name);
    OURO_DECREF(name);
    return rc;
}

/* ---------------------------------------------------------------- units -- */

static int name_cmp(const void *a, const void *b)
{
    return ouro_str_compare(*(OuroObject *const *)a, *(OuroObject *const *)b);
}

/* Appends the names of ste with resolution sc (sorted, as CPython) to the localsplus. */
static int add_sorted(OuCUnit *u, int sc, uint8_t kind, int also_free_class)
{
    OuroObject *list = ouro_list_new(0), *name, *v;
    ouro_ssize pos = 0;
    int rc = -1;
    if (!list)
        return -1;
    while (ouro_dict_next(u->ste->symbols, &pos, &name, &v)) {
        int flags = (int)ouro_int_as_int64(v);
        int want = OU_SC_OF(flags) == sc || (also_free_class && (flags & OU_DEF_FREE_CLASS));
        if (want && lp_index(u, name) < 0 && ouro_list_append(list, name) < 0)
            goto done;
    }
    if (OURO_LIST_SIZE(list) > 1)
        qsort(((OuroList *)list)->ob_item, (size_t)OURO_LIST_SIZE(list), sizeof(OuroObject *), name_cmp);
    for (ouro_ssize i = 0; i < OURO_LIST_SIZE(list); i++)
        if (lp_add(u, OURO_LIST_GET(list, i), kind) < 0)
            goto done;
    rc = 0;
done:
    OURO_DECREF(list);
    return rc;
}

static int build_localsplus(OuCUnit *u)
{
    OuSymScope *s = u->ste;
    if (u->type != CU_MODULE && u->type != CU_CLASS) {
        /* co_varnames: the parameters in order, then the other locals in the order the
           symbol table first met them (as CPython). */
        for (ouro_ssize i = 0; i < OURO_LIST_SIZE(s->varnames); i++) {
            OuroObject *name = OURO_LIST_GET(s->varnames, i);
            int flags = ou_symtable_lookup(s, name);
            if ((flags & OU_DEF_PARAM) &&
                lp_add(u, name, OU_KIND_LOCAL | (OU_SC_OF(flags) == OU_SC_CELL ? OU_KIND_CELL : 0)) < 0)
                return -1;
        }
        ouro_ssize pos = 0;
        OuroObject *name, *v;
        while (ouro_dict_next(s->symbols, &pos, &name, &v)) {
            int flags = (int)ouro_int_as_int64(v);
            if (!(flags & OU_DEF_PARAM) && OU_SC_OF(flags) == OU_SC_LOCAL &&
                lp_add(u, name, OU_KIND_LOCAL) < 0)
                return -1;
        }
        u->nlocals = (int)OURO_LIST_SIZE(u->lpnames);
    }
    if (add_sorted(u, OU_SC_CELL, OU_KIND_CELL, 0) < 0)
        return -1;
    if (s->needs_class_closure) {
        OuroObject *cls = ouro_str_intern_cstr("__class__");
        if (!cls || lp_add(u, cls, OU_KIND_CELL) < 0)
            return -1;
    }
    return add_sorted(u, OU_SC_FREE, OU_KIND_FREE, u->type == CU_CLASS);
}

static OuroObject *make_qualname(OuCompiler *c, OuroObject *name, int type)
{
    OuCUnit *p = c->u;
    if (!p || p->type == CU_MODULE)
        return OURO_NEWREF(name);
    if (type == CU_FUNCTION || type == CU_CLASS) {
        /* A function declared global in its parent is named plainly. */
        OuroObject *m = ou_mangle(p->private_name, name);
        int sc = m ? OU_SC_OF(ou_symtable_lookup(p->ste, m)) : 0;
        OURO_XDECREF(m);
        if (sc == OU_SC_GLOBAL_EXPLICIT)
            return OURO_NEWREF(name);
    }
    if (p->type == CU_CLASS)
        return ouro_str_from_format("%U.%U", p->qualname, name);
    return ouro_str_from_format("%U.<locals>.%U", p->qualname, name);
}

static void unit_free(OuCUnit *u)
{
    OURO_XDECREF(u->name);
    OURO_XDECREF(u->qualname);
    OURO_XDECREF(u->consts);
    OURO_XDECREF(u->names);
    OURO_XDECREF(u->lpnames);
    OURO_XDECREF(u->names_map);
    OURO_XDECREF(u->lp_map);
    OURO_XDECREF(u->consts_map);
    ouro_mem_free(u->kinds);
    ouro_mem_free(u->code);
    ouro_mem_free(u->labels);
    ouro_mem_free(u->hrecs);
    ouro_mem_free(u);
}

int ou_c_enter_scope(OuCompiler *c, OuroObject *name, int type, const void *node, int lineno)
{
    OuCUnit *u = ouro_mem_malloc(sizeof *u);
    if (!u) {
        ouro_err_no_memory();
        return -1;
    }
    memset(u, 0, sizeof *u);
    u->parent = c->u;
    u->type = type;
    u->ste = c->u ? ou_symtable_child(c->u->ste, node) : c->top;
    u->name = OURO_NEWREF(name);
    u->qualname = make_qualname(c, name, type);
    u->consts = ouro_list_new(0);
    u->names = ouro_list_new(0);
    u->lpnames = ouro_list_new(0);
    u->names_map = ouro_dict_new();
    u->lp_map = ouro_dict_new();
    u->consts_map = ouro_dict_new();
    u->firstlineno = lineno;
    u->loc = (OuLoc){ lineno, -1, lineno, -1 };
    u->private_name = type == CU_CLASS ? name : c->u ? c->u->private_name : NULL;
    if (!u->ste && !ouro_err_occurred())
        ouro_err_format(&ouro_exc_SystemError, "compiler: no symbol table for %R", name);
    if (!u->ste || !u->qualname || !u->consts || !u->names || !u->lpnames ||
        !u->names_map || !u->lp_map || !u->consts_map || build_localsplus(u) < 0) {
        unit_free(u);
        return -1;
    }
    c->u = u;
    /* Prologue: free variables come in from the closure; captured locals become cells. */
    int nfree = 0;
    for (int i = 0; i < u->nkinds; i++)
        nfree += (u->kinds[i] & OU_KIND_FREE) != 0;
    if (nfree && ou_c_emit(c, OP_COPY_FREE_VARS, nfree) < 0)
        return -1;
    for (int i = 0; i < u->nkinds; i++)
        if ((u->kinds[i] & OU_KIND_CELL) && ou_c_emit(c, OP_MAKE_CELL, i) < 0)
            return -1;
    return 0;
}

void ou_c_exit_scope(OuCompiler *c)
{
    OuCUnit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

/* ------------------------------------------------------------- assembly -- */

/* Rewrites the first of each pair of adjacent instructions that have a superinstruction
 * (opcodes.h). Pairs may overlap: the second half always runs its own opcode. */
static void form_superinstructions(uint32_t *w, int n)
{
    for (int i = 0; i + 1 < n; i++) {
        int a = (int)OU_OP(w[i]), b = (int)OU_OP(w[i + 1]), s = -1;
        if (a == OP_LOAD_FAST)
            s = b == OP_LOAD_FAST ? OP_LOAD_FAST__LOAD_FAST
              : b == OP_LOAD_CONST ? OP_LOAD_FAST__LOAD_CONST : -1;
        else if (a == OP_STORE_FAST)
            s = b == OP_LOAD_FAST ? OP_STORE_FAST__LOAD_FAST
              : b == OP_STORE_FAST ? OP_STORE_FAST__STORE_FAST : -1;
        else if (a == OP_LOAD_CONST && b == OP_LOAD_FAST)
            s = OP_LOAD_CONST__LOAD_FAST;
        if (s >= 0)
            w[i] = OU_INSTR(s, OU_ARG(w[i]));
    }
}

OuroObject *ou_c_assemble(OuCompiler *c)
{
    OuCUnit *u = c->u;
    int n = u->ncode;
    uint32_t *words = ouro_mem_malloc(sizeof(uint32_t) * (size_t)(n ? n : 1));
    OuPos *pos = ouro_mem_malloc(sizeof(OuPos) * (size_t)(n ? n : 1));
    OuExcEntry *exc = ouro_mem_malloc(sizeof(OuExcEntry) * (size_t)(n ? n : 1));
    OuroObject *consts = NULL, *names = NULL, *lp = NULL, *code = NULL;
    int nexc = 0;
    if (!words || !pos || !exc) {
        ouro_err_no_memory();
        goto done;
    }
    for (int i = 0; i < n; i++) {
        OuInstr *in = &u->code[i];
        uint32_t w = in->word;
        if (in->is_jump)
            w = OU_INSTR(OU_OP(w), (uint32_t)u->labels[OU_ARG(w)].target);
        words[i] = w;
        pos[i] = in->pos;
        int h = in->handler;
        if (h < 0)
            continue;
        if (nexc && exc[nexc - 1].end == i && exc[nexc - 1].handler == u->labels[u->hrecs[h].label].target &&
            exc[nexc - 1].depth == u->hrecs[h].depth) {
            exc[nexc - 1].end = i + 1;
            continue;
        }
        exc[nexc].start = i;
        exc[nexc].end = i + 1;
        exc[nexc].handler = u->labels[u->hrecs[h].label].target;
        exc[nexc].depth = u->hrecs[h].depth;
        nexc++;
    }
    form_superinstructions(words, n);
    consts = ouro_list_as_tuple(u->consts);
    names = ouro_list_as_tuple(u->names);
    lp = ouro_list_as_tuple(u->lpnames);
    if (!consts || !names || !lp)
        goto done;
    int flags = u->flags;
    if (u->type != CU_MODULE && u->type != CU_CLASS)
        flags |= OU_CO_OPTIMIZED | OU_CO_NEWLOCALS;
    if (u->parent && u->parent->type != CU_MODULE)
        flags |= OU_CO_NESTED;
    if (u->ste->is_generator)
        flags |= OU_CO_GENERATOR;
    code = ou_code_new(words, pos, n, exc, nexc, consts, names, lp, u->kinds, c->si.filename,
                       u->name, u->qualname, u->argcount, u->posonly, u->kwonly, u->nlocals,
                       u->maxdepth + 2, flags, u->firstlineno);
done:
    ouro_mem_free(words);
    ouro_mem_free(pos);
    ouro_mem_free(exc);
    OURO_XDECREF(consts);
    OURO_XDECREF(names);
    OURO_XDECREF(lp);
    return code;
}

/* Pushes MAKE_FUNCTION's closure tuple for code (whose free variables are cells or free
 * variables of the current unit), then the code and MAKE_FUNCTION. */
int ou_c_make_closure(OuCompiler *c, OuroObject *code, int flags)
{
    OuCode *co = (OuCode *)code;
    if (co->co_nfreevars) {
        for (int32_t i = 0; i < co->co_nlocalsplus; i++) {
            if (!(co->co_kinds[i] & OU_KIND_FREE))
                continue;
            OuroObject *name = OURO_TUPLE_GET(co->co_localsplusnames, i);
            int j = lp_index(c->u, name);
            if (j < 0)
                return ouro_err_format(&ouro_exc_SystemError, "compiler: no cell for %R",
                                       name) ? -1 : -1;
            if (ou_c_emit(c, OP_LOAD_CLOSURE, j) < 0)
                return -1;
        }
        if (ou_c_emit(c, OP_BUILD_TUPLE, co->co_nfreevars) < 0)
            return -1;
        flags |= OU_MF_CLOSURE;
    }
    if (ou_c_load_const(c, code) < 0)
        return -1;
    return ou_c_emit(c, OP_MAKE_FUNCTION, flags);
}

/* ----------------------------------------------------------- entry points -- */

static int module_docstring(OuCompiler *c, const OuStmtSeq *body)
{
    if (!body->n || body->items[0]->kind != OU_EXPR_KIND)
        return 0;
    const OuExpr *e = body->items[0]->v.expr.value;
    if (e->kind != OU_CONSTANT_KIND || !ouro_str_check(e->v.constant.value))
        return 0;
    OuroObject *doc = ouro_str_intern_cstr("__doc__");
    c->u->loc = e->loc;
    if (!doc || ou_c_load_const(c, e->v.constant.value) < 0)
        return -1;
    return ou_c_nameop(c, doc, OU_STORE) < 0 ? -1 : 1;
}

static OuroObject *compile_mod(OuCompiler *c, const OuMod *m, OuParseMode mode)
{
    OuroObject *name = ouro_str_intern_cstr("<module>"), *code = NULL;
    if (!name || ou_c_enter_scope(c, name, CU_MODULE, m, 1) < 0)
        return NULL;
    int rc = 0;
    if (m->kind == OU_EXPRESSION_KIND) {
        c->u->loc = m->expr->loc;
        rc = ou_c_expr(c, m->expr);
        if (rc == 0)
            rc = ou_c_emit(c, OP_RETURN_VALUE, 0);
    } else {
        c->interactive = m->kind == OU_INTERACTIVE_KIND;
        if (c->top->has_annotations && ou_c_emit(c, OP_SETUP_ANNOTATIONS, 0) < 0)
            rc = -1;
        int skip = 0;
        if (rc == 0 && !c->interactive && (skip = module_docstring(c, &m->body)) < 0)
            rc = -1;
        for (int i = skip; rc == 0 && i < m->body.n; i++)
            rc = ou_c_stmt(c, m->body.items[i]);
        if (rc == 0) {
            OuroObject *none_idx = OURO_NONE;
            int k = ou_c_const(c, none_idx);
            rc = k < 0 ? -1 : ou_c_emit(c, OP_RETURN_CONST, k);
        }
    }
    if (rc == 0)
        code = ou_c_assemble(c);
    while (c->u)
        ou_c_exit_scope(c);
    (void)mode;
    return code;
}

static OuroObject *compile_with(const OuMod *m, OuroObject *filename, OuParseMode mode,
                                const char *src, size_t len)
{
    OuCompiler c;
    memset(&c, 0, sizeof c);
    c.si.filename = filename;
    c.si.src = src;
    c.si.len = len;
    c.top = ou_symtable_build(m, &c.si);
    if (!c.top)
        return NULL;
    OuroObject *code = compile_mod(&c, m, mode);
    ou_symtable_free(c.top);
    return code;
}

OuroObject *ou_compile_ast(const OuMod *m, OuroObject *filename, OuParseMode mode)
{
    return compile_with(m, filename, mode, NULL, 0);
}

OuroObject *ou_compile_source(const char *src, size_t len, const char *filename,
                              OuParseMode mode, int *incomplete)
{
    OuAstArena *a = ou_ast_arena_new();
    if (!a)
        return NULL;
    OuroObject *code = NULL, *fn = NULL;
    OuMod *m = ou_parse(a, src, len, filename, mode, incomplete);
    if (m && (fn = ouro_str_from_cstr(filename)))
        code = compile_with(m, fn, mode, src, len);
    OURO_XDECREF(fn);
    ou_ast_arena_free(a);
    return code;
}
