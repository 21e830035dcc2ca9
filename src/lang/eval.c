/* src/lang/eval.c — the evaluation loop: a stack machine over 32-bit instruction words,
 * computed-goto dispatch under GCC/Clang. Python-to-Python calls push a frame on the
 * thread's data stack and continue in this same C activation (no C recursion); errors
 * unwind through each code object's exception table (CPython 3.11's zero-cost scheme).
 * Narrative: docs/internals/language.md, "Compiler and evaluation loop". */
#include "eval.h"
#include "objects/intobject.h"
#include "objects/dictobject.h"
#include "objects/instvalues.h" /* shared-key instance values (issue 7) */
#include "objects/attrcache.h"  /* attribute caches keyed on class versions */
#include "runtime/gil.h"       /* the eval breaker hands the GIL over (issue 8) */
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define OU_COMPUTED_GOTO 1
#endif

/* ---------------------------------------------------------------- helpers -- */

/* NameError with its name attribute set, as CPython (exceptions.c does the setting). */
static void name_error(OuroObject *name)
{
    ou_name_error(name);
}

static void unbound_local(OuCode *co, int32_t i)
{
    OuroObject *name = OURO_TUPLE_GET(co->co_localsplusnames, i);
    if (co->co_kinds[i] & OU_KIND_FREE)
        ouro_err_format(&ouro_exc_NameError, "cannot access free variable '%U' where it is "
                        "not associated with a value in enclosing scope", name);
    else
        ouro_err_format(&ouro_exc_UnboundLocalError, "cannot access local variable '%U' "
                        "where it is not associated with a value", name);
}

/* Globals then builtins. New reference, or NULL with NameError / another error. */
static OuroObject *load_global(OuFrame *f, OuroObject *name)
{
    OuroObject *v = ouro_dict_get_item_with_error(f->f_globals, name);
    if (!v) {
        if (ouro_err_occurred())
            return NULL;
        v = ou_ev_mapping_get(f->f_builtins, name);
        if (!v) {
            if (!ouro_err_occurred())
                name_error(name);
            return NULL;
        }
        return v;
    }
    return OURO_NEWREF(v);
}

/* ------------------------------------------------------ LOAD_GLOBAL caches -- */

/* The cached value of name (borrowed), or NULL when the cache does not apply. Inline:
 * a call of a global function runs it once per call. The bound on i guards against a
 * new keys block at a freed one's address. */
static inline __attribute__((always_inline)) OuroObject *
cached_global(OuFrame *f, const OuGlobalCache *c, OuroObject *name)
{
    OuroObject *g = f->f_globals;
    if ((g->ob_tinfo & OURO_TID_MASK) != OU_TID_ouro_dict_type)
        return NULL;
    const OuDictKeys *k = OU_DICT(g)->ma_keys;
    if (k != c->gkeys || !k)
        return NULL;
    if (c->bkeys) {
        OuroObject *b = f->f_builtins;
        if (k->dk_nentries != c->gnentries ||
            (b->ob_tinfo & OURO_TID_MASK) != OU_TID_ouro_dict_type ||
            (k = OU_DICT(b)->ma_keys) != c->bkeys || !k)
            return NULL;
    }
    if (c->index >= k->dk_nentries)
        return NULL;
    const OuDictEntry *e = &ou_dk_entries(k)[c->index];
    return e->me_key == name ? e->me_value : NULL;
}

/* The index of the entry whose key is name itself (identity), or -1. */
static int64_t find_entry(OuroObject *d, OuroObject *name)
{
    const OuDictKeys *k = OU_DICT(d)->ma_keys;
    if (!k)
        return -1;
    const OuDictEntry *e = ou_dk_entries(k);
    for (int64_t i = 0; i < k->dk_nentries; i++)
        if (e[i].me_key == name && e[i].me_value)
            return i;
    return -1;
}

/* Records where name was found (after a successful slow lookup). Never fails: no cache
 * is kept when memory is short. */
static void fill_global_cache(OuFrame *f, OuCode *co, uint32_t oparg, OuroObject *name)
{
    if (!OURO_IS_TYPE(f->f_globals, &ouro_dict_type) ||
        !OURO_IS_TYPE(f->f_builtins, &ouro_dict_type))
        return;
    if (!co->co_gcache) {
        size_t n = (size_t)OURO_TUPLE_SIZE(co->co_names);
        co->co_gcache = ouro_mem_malloc(sizeof(OuGlobalCache) * (n ? n : 1));
        if (!co->co_gcache) {
            ouro_err_clear();
            return;
        }
        for (size_t i = 0; i < n; i++)
            co->co_gcache[i].index = -1;
    }
    OuGlobalCache *c = &co->co_gcache[oparg];
    const OuDictKeys *gk = OU_DICT(f->f_globals)->ma_keys;
    int64_t i = find_entry(f->f_globals, name);
    if (i >= 0) {
        c->gkeys = gk;
        c->bkeys = NULL;
        c->index = i;
        return;
    }
    i = find_entry(f->f_builtins, name);
    c->index = i;
    c->gkeys = gk;
    c->gnentries = gk ? gk->dk_nentries : 0;
    c->bkeys = i >= 0 ? OU_DICT(f->f_builtins)->ma_keys : NULL;
    if (i < 0)
        c->gkeys = NULL;
}

/* The attribute cache of co's name i, made on first use. NULL when memory is short
 * (the loop then runs without one; no exception is left set). */
static inline OuAttrCache *attr_cache(OuCode *co, uint32_t i)
{
    if (OU_UNLIKELY(!co->co_acache)) {
        size_t n = (size_t)OURO_TUPLE_SIZE(co->co_names);
        co->co_acache = ouro_mem_malloc(sizeof(OuAttrCache) * (n ? n : 1));
        if (!co->co_acache) {
            ouro_err_clear();
            return NULL;
        }
        memset(co->co_acache, 0, sizeof(OuAttrCache) * (n ? n : 1));
    }
    return &co->co_acache[i];
}

/* After a failed `del name` in a namespace: its KeyError becomes CPython's NameError
 * (other errors stay). Never fails. */
static void missing_name_error(OuroObject *name)
{
    if (ouro_err_matches(&ouro_exc_KeyError)) {
        ouro_err_clear();
        name_error(name);
    }
}

static OuroObject *load_name(OuFrame *f, OuroObject *name)
{
    if (!f->f_locals)
        return ouro_err_format(&ouro_exc_SystemError, "no locals when loading %R", name);
    OuroObject *v = ou_ev_mapping_get(f->f_locals, name);
    if (v || ouro_err_occurred())
        return v;
    return load_global(f, name);
}

static int handle_eval_breaker(struct OuroThreadState *ts)
{
    /* Issue 8: another thread asked for the GIL (src/runtime/gil.c). It clears the
     * breaker first, so a Ctrl-C arriving from here on sets it again. */
    if (ou_gil_handle_breaker(ts) < 0)
        return -1;
    /* Ctrl-C: KeyboardInterrupt in the thread it is meant for (src/runtime/signals.c). */
    return ouro_err_check_signals();
}
/* ------------------------------------------------------------------ the loop -- */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(int)(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define STACK_BASE() (frame->localsplus + frame->f_code->co_nlocalsplus)

#ifdef OU_COMPUTED_GOTO
#define TARGET(op) L_##op:
#define DISPATCH() do { word = *ip++; frame->next_instr = ip; oparg = OU_ARG(word); \
                        goto *targets[OU_OP(word)]; } while (0)
#else
#define TARGET(op) case OP_##op: L_##op:
#define DISPATCH() goto dispatch
#endif
/* A superinstruction's second half: takes the next word (left in place by the
 * assembler) and runs the handler of its opcode, without a dispatch. */
#define SECOND_HALF(op) do { word = *ip++; frame->next_instr = ip; oparg = OU_ARG(word); \
                             goto L_##op; } while (0)

/* Loads the running state of `frame` into the loop's registers. */
#define LOAD_FRAME() do { co = frame->f_code; ip = frame->next_instr; \
        sp = frame->localsplus + frame->stacktop; locals = frame->localsplus; \
        consts = OURO_TUPLE_ITEMS(co->co_consts); names = OURO_TUPLE_ITEMS(co->co_names); } while (0)
#define SAVE_SP() (frame->stacktop = (int32_t)(sp - frame->localsplus))

static inline int64_t word_of(OuroObject *o) { return ((OuroInt *)o)->ival; }
/* An exact int in word form (the type id is compared: no type-table load). */
static inline bool is_word_int(OuroObject *o)
{
    return (o->ob_tinfo & OURO_TID_MASK) == OU_TID_ouro_int_type &&
           ((OuroInt *)o)->ival != OU_INT_BIG;
}

/* Int fast paths of BINARY_OP on word values: false when the slow path must run (the
 * result would not be a word, or the operation has no fast path); else *out is set. */
static inline __attribute__((always_inline)) bool
int_fast_word(int64_t x, int64_t y, int op, int64_t *out)
{
    int64_t r;
    switch (op) {
    case OU_NB_ADD: case OU_NB_INPLACE_ADD:
        if (__builtin_add_overflow(x, y, &r) || r == OU_INT_BIG) return false;
        break;
    case OU_NB_SUBTRACT: case OU_NB_INPLACE_ADD + OU_NB_SUBTRACT:
        if (__builtin_sub_overflow(x, y, &r) || r == OU_INT_BIG) return false;
        break;
    case OU_NB_MULTIPLY: case OU_NB_INPLACE_ADD + OU_NB_MULTIPLY:
        if (__builtin_mul_overflow(x, y, &r) || r == OU_INT_BIG) return false;
        break;
    case OU_NB_AND: case OU_NB_INPLACE_ADD + OU_NB_AND: r = x & y; break;
    case OU_NB_OR: case OU_NB_INPLACE_ADD + OU_NB_OR: r = x | y; break;
    case OU_NB_XOR: case OU_NB_INPLACE_ADD + OU_NB_XOR: r = x ^ y; break;
    case OU_NB_REMAINDER: case OU_NB_INPLACE_ADD + OU_NB_REMAINDER:
        if (y <= 0 || x < 0) return false;
        r = x % y;
        break;
    case OU_NB_FLOOR_DIVIDE: case OU_NB_INPLACE_ADD + OU_NB_FLOOR_DIVIDE:
        if (y <= 0 || x < 0) return false;
        r = x / y;
        break;
    case OU_NB_RSHIFT: case OU_NB_INPLACE_ADD + OU_NB_RSHIFT:
        if (y < 0) return false;
        r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;   /* floor, as Python's >> */
        break;
    case OU_NB_LSHIFT: case OU_NB_INPLACE_ADD + OU_NB_LSHIFT:
        if (y < 0 || y >= 62 || x > (INT64_MAX >> y) || x < -(INT64_MAX >> y)) return false;
        r = x * ((int64_t)1 << y);
        break;
    default:
        return false;
    }
    *out = r;
    return true;
}

static inline bool is_exact_float(OuroObject *o)
{
    return (o->ob_tinfo & OURO_TID_MASK) == OU_TID_ouro_float_type;
}

/* Float fast paths of BINARY_OP: NULL (no exception) when the slow path must run (it
 * also raises the division errors). */
static OuroObject *float_fast(double x, double y, int op)
{
    switch (op) {
    case OU_NB_ADD: case OU_NB_INPLACE_ADD: return ouro_float_from_double(x + y);
    case OU_NB_SUBTRACT: case OU_NB_INPLACE_ADD + OU_NB_SUBTRACT:
        return ouro_float_from_double(x - y);
    case OU_NB_MULTIPLY: case OU_NB_INPLACE_ADD + OU_NB_MULTIPLY:
        return ouro_float_from_double(x * y);
    case OU_NB_TRUE_DIVIDE: case OU_NB_INPLACE_ADD + OU_NB_TRUE_DIVIDE:
        return y != 0.0 ? ouro_float_from_double(x / y) : NULL;
    default:
        return NULL;
    }
}

static int compare_ints(int64_t x, int64_t y, int op)
{
    switch (op) {
    case OURO_LT: return x < y;
    case OURO_LE: return x <= y;
    case OURO_EQ: return x == y;
    case OURO_NE: return x != y;
    case OURO_GT: return x > y;
    default: return x >= y;
    }
}

/* The data-stack room for a frame of code: ou_frame_push's common case inline. */
static inline OuFrame *frame_push(struct OuroThreadState *ts, OuCode *code)
{
    size_t slots = OU_FRAME_SLOTS(code);
    if (OU_LIKELY(ts->datastack_top && ts->datastack_top + slots <= ts->datastack_limit)) {
        OuFrame *f = (OuFrame *)ts->datastack_top;
        ts->datastack_top += slots;
        return f;
    }
    return ou_frame_push(ts, code);
}

/* ou_frame_pop inline: a frame that does not start its chunk just lowers the top. */
static inline void frame_pop(struct OuroThreadState *ts, OuFrame *f)
{
    if (OU_LIKELY((OuroObject **)f != ts->datastack_chunk->data))
        ts->datastack_top = (OuroObject **)f;
    else
        ou_frame_pop(ts, f);
}

/* Leaves frame at a return or while unwinding: clears it and pops it off the data stack
 * (a generator's frame stays in its generator). Returns the caller's frame to resume, or
 * NULL when the loop must return to its C caller (a generator, or the entry frame). */
static inline OuFrame *leave_frame(struct OuroThreadState *ts, OuFrame *frame)
{
    ts->recursion_depth--;
    ts->current_frame = frame->previous;
    if (frame->owner == OU_FRAME_GENERATOR) {
        ou_frame_clear(frame);
        return NULL;
    }
    OuFrame *caller = frame->previous;
    int entry = frame->is_entry;
    if (OU_LIKELY(!frame->frame_obj)) {
        /* No frame object outlives the call: drop what the frame holds right here. */
        for (int32_t i = 0; i < frame->stacktop; i++)
            OURO_XDECREF(frame->localsplus[i]);
        frame->stacktop = 0;
        OURO_CLEAR(frame->f_locals);
        OURO_CLEAR(frame->f_func);
    } else {
        ou_frame_clear(frame);
    }
    frame_pop(ts, frame);
    return entry ? NULL : caller;
}

static OuroObject *eval_frame(struct OuroThreadState *ts, OuFrame *frame, int throwflag);

/* C stack the nested activations of the loop may use (calls from C into Python:
 * __repr__, sort keys, ...) before RecursionError, whatever the recursion limit: Python
 * to Python calls use none, so this only bounds C recursion. Threads get 8 MiB. */
#define OU_C_STACK_BUDGET (3u << 20)

/* Called with f on top of the thread's frame chain or to be pushed on it (f->previous is
 * set here for an entry frame). Returns: new reference (the return or yielded value), or
 * NULL with an exception set. An entry frame is cleared and popped before returning
 * unless it belongs to a generator (then the generator does it). */
OuroObject *ou_eval_frame(struct OuroThreadState *ts, OuFrame *frame, int throwflag)
{
    char probe;
    if (ts->c_eval_depth == 0)
        ts->c_stack_base = &probe;
    else if ((size_t)(ts->c_stack_base - &probe) > OU_C_STACK_BUDGET) {
        ouro_err_format(&ouro_exc_RecursionError, "maximum recursion depth exceeded");
        frame->previous = NULL;
        ou_frame_clear(frame);
        if (frame->owner == OU_FRAME_THREAD)
            ou_frame_pop(ts, frame);
        return NULL;
    }
    ts->c_eval_depth++;
    OuroObject *r = eval_frame(ts, frame, throwflag);
    ts->c_eval_depth--;
    return r;
}

static OuroObject *eval_frame(struct OuroThreadState *ts, OuFrame *frame, int throwflag)
{
#ifdef OU_COMPUTED_GOTO
    static void *const targets[OP_COUNT_ + 1] = {
#define OU_OP_TARGET_(n) [OP_##n] = &&L_##n,
        OU_OPCODES(OU_OP_TARGET_)
#undef OU_OP_TARGET_
        [OP_COUNT_] = &&L_unknown_opcode,
    };
#endif
    OuCode *co;
    const uint32_t *ip;
    OuroObject **sp, **locals, *const *consts, *const *names;
    uint32_t word, oparg;
    OuroObject *retval = NULL, *kwnames = NULL;

    frame->previous = ts->current_frame;
    ts->current_frame = frame;
    frame->is_entry = 1;
start_frame:
    if (++ts->recursion_depth > ts->recursion_limit) {
        ouro_err_format(&ouro_exc_RecursionError, "maximum recursion depth exceeded");
        LOAD_FRAME();
        goto exit_unwind;
    }
    LOAD_FRAME();
    if (throwflag) {
        throwflag = 0;
        goto error;
    }
#ifdef OU_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    word = *ip++;
    frame->next_instr = ip;
    oparg = OU_ARG(word);
    switch (OU_OP(word)) {
#endif

    TARGET(NOP) { DISPATCH(); }
    TARGET(POP_TOP) {
        OuroObject *v = POP();
        OURO_XDECREF(v);
        DISPATCH();
    }
    TARGET(PUSH_NULL) { PUSH(NULL); DISPATCH(); }
    TARGET(COPY) {
        OuroObject *v = PEEK(oparg);
        OURO_XINCREF(v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(SWAP) {
        OuroObject *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }
    TARGET(LOAD_CONST) { PUSH(OURO_NEWREF(consts[oparg])); DISPATCH(); }
    TARGET(RETURN_CONST) { retval = OURO_NEWREF(consts[oparg]); goto do_return; }
    /* The bodies shared by an instruction and the superinstructions starting with it. */
#define LOAD_FAST_BODY() do { OuroObject *v_ = locals[oparg]; \
        if (OU_UNLIKELY(!v_)) { unbound_local(co, (int32_t)oparg); goto error; } \
        PUSH(OURO_NEWREF(v_)); } while (0)
#define STORE_FAST_BODY() do { OuroObject *old_ = locals[oparg]; locals[oparg] = POP(); \
        OURO_XDECREF(old_); } while (0)
    TARGET(LOAD_FAST) { LOAD_FAST_BODY(); DISPATCH(); }
    TARGET(STORE_FAST) { STORE_FAST_BODY(); DISPATCH(); }
    TARGET(LOAD_FAST__LOAD_FAST) { LOAD_FAST_BODY(); SECOND_HALF(LOAD_FAST); }
    TARGET(LOAD_FAST__LOAD_CONST) { LOAD_FAST_BODY(); SECOND_HALF(LOAD_CONST); }
    TARGET(LOAD_CONST__LOAD_FAST) {
        PUSH(OURO_NEWREF(consts[oparg]));
        SECOND_HALF(LOAD_FAST);
    }
    TARGET(STORE_FAST__LOAD_FAST) { STORE_FAST_BODY(); SECOND_HALF(LOAD_FAST); }
    TARGET(STORE_FAST__STORE_FAST) { STORE_FAST_BODY(); SECOND_HALF(STORE_FAST); }
    TARGET(DELETE_FAST) {
        OuroObject *old = locals[oparg];
        if (!old) {
            unbound_local(co, (int32_t)oparg);
            goto error;
        }
        locals[oparg] = NULL;
        OURO_DECREF(old);
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        OuroObject *v;
        if (frame->f_locals == frame->f_globals)
            goto load_global; /* module code: locals are the globals (cached lookup) */
        v = load_name(frame, names[oparg]);
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        OuroObject *v = POP();
        int rc = frame->f_locals ? ouro_object_setitem(frame->f_locals, names[oparg], v) : -1;
        OURO_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        if (ouro_object_delitem(frame->f_locals, names[oparg]) < 0) {
            missing_name_error(names[oparg]);
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL_NULL) {
        PUSH(NULL);     /* PUSH_NULL fused in: the global is called next */
        goto load_global;
    }
    TARGET(LOAD_GLOBAL) {
    load_global:;
        OuroObject *name = names[oparg], *v;
        if (co->co_gcache && co->co_gcache[oparg].index >= 0 &&
            (v = cached_global(frame, &co->co_gcache[oparg], name))) {
            PUSH(OURO_NEWREF(v));
            DISPATCH();
        }
        v = load_global(frame, name);
        if (!v)
            goto error;
        fill_global_cache(frame, co, oparg, name);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        OuroObject *v = POP();
        int rc = ouro_dict_set_item(frame->f_globals, names[oparg], v);
        OURO_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        if (ouro_dict_del_item(frame->f_globals, names[oparg]) < 0) {
            missing_name_error(names[oparg]);
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        OuroObject *v = ((OuCell *)locals[oparg])->ob_ref;
        if (!v) {
            unbound_local(co, (int32_t)oparg);
            goto error;
        }
        PUSH(OURO_NEWREF(v));
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        OuroObject *name = OURO_TUPLE_GET(co->co_localsplusnames, oparg);
        OuroObject *v = ou_ev_mapping_get(frame->f_locals, name);
        if (!v) {
            if (ouro_err_occurred())
                goto error;
            v = ((OuCell *)locals[oparg])->ob_ref;
            if (!v) {
                unbound_local(co, (int32_t)oparg);
                goto error;
            }
            OURO_INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        OuCell *c = (OuCell *)locals[oparg];
        OuroObject *old = c->ob_ref;
        c->ob_ref = POP();
        OURO_XDECREF(old);
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        OuCell *c = (OuCell *)locals[oparg];
        OuroObject *old = c->ob_ref;
        if (!old) {
            unbound_local(co, (int32_t)oparg);
            goto error;
        }
        c->ob_ref = NULL;
        OURO_DECREF(old);
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) { PUSH(OURO_NEWREF(locals[oparg])); DISPATCH(); }
    TARGET(MAKE_CELL) {
        /* An argument (or a fresh variable) captured by an inner function moves into a
           cell in place. */
        OuroObject *v = locals[oparg], *c = ou_cell_new(v);
        if (!c)
            goto error;
        locals[oparg] = c;
        OURO_XDECREF(v);
        DISPATCH();
    }
    TARGET(COPY_FREE_VARS) {
        OuroObject *closure = ((OuFunction *)frame->f_func)->func_closure;
        int32_t off = co->co_nlocalsplus - (int32_t)oparg;
        for (uint32_t i = 0; i < oparg; i++)
            locals[off + (int32_t)i] = OURO_NEWREF(OURO_TUPLE_GET(closure, i));
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        OuroObject *owner = TOP(), *v;
        OuroType *ot = OURO_TYPE(owner);
        OuAttrCache *ac = attr_cache(co, oparg);
        if (ac && ou_attr_cache_valid(ac, ot) && (ac->flags & OU_AC_GENERIC_GET)) {
            int miss = 0;
            v = ou_attr_cache_load(ac, owner, &miss);
            if (OU_LIKELY(!miss)) {
                OURO_DECREF(owner);
                SET_TOP(v);
                if (!v) {
                    sp--;
                    goto error;
                }
                DISPATCH();
            }
        }
        if (ac && ou_attr_cache_stale(ac, ot))
            ou_attr_cache_fill(ac, ot, names[oparg]);
        if (ot->tp_getattro == ouro_object_generic_getattr && ot->tp_dictoffset > 0) {
            /* The generic protocol inlined for instances with a __dict__: a data
               descriptor on the type, else the instance dict, else the class attribute. */
            OuroObject *d = ou_type_lookup(ot, names[oparg]);
            if (!d || !OURO_TYPE(d)->tp_descr_set) {
                OuroObject *dict = *(OuroObject **)((char *)owner + ot->tp_dictoffset);
                OuValues *iv = ou_values_of(dict); /* shared-key values: issue 7 */
                OURO_XINCREF(d);   /* a key comparison below may run code */
                v = iv ? ou_values_get(ot, iv, names[oparg])
                       : dict ? ouro_dict_get_item_with_error(dict, names[oparg]) : NULL;
                if (v || (d && !OURO_TYPE(d)->tp_descr_get && !ouro_err_occurred())) {
                    SET_TOP(OURO_NEWREF(v ? v : d));
                    OURO_XDECREF(d);
                    OURO_DECREF(owner);
                    DISPATCH();
                }
                OURO_XDECREF(d);
            }
        }
        v = ouro_object_getattr(owner, names[oparg]);
        OURO_DECREF(owner);
        SET_TOP(v);
        if (!v) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        /* [obj] -> [meth, obj] when the attribute is a plain method found on the type
           (no bound method is built), else [NULL, attr]. */
        OuroObject *owner = TOP(), *name = names[oparg];
        OuroType *t = OURO_TYPE(owner);
        OuAttrCache *ac = attr_cache(co, oparg);
        if (ac && ou_attr_cache_valid(ac, t) && (ac->flags & OU_AC_GENERIC_GET)) {
            OuroObject *own = NULL;
            if ((ac->flags & OU_AC_METHOD) && ou_attr_cache_own(ac, owner, &own) == 0) {
                SET_TOP(OURO_NEWREF(ac->descr));    /* [function, self]: no binding */
                PUSH(owner);
                DISPATCH();
            }
            int miss = 0;
            OuroObject *v = ou_attr_cache_load(ac, owner, &miss);
            if (OU_LIKELY(!miss)) {
                OURO_DECREF(owner);
                SET_TOP(NULL);
                if (!v)
                    goto error;
                PUSH(v);
                DISPATCH();
            }
        }
        if (ac && ou_attr_cache_stale(ac, t))
            ou_attr_cache_fill(ac, t, name);
        if (t->tp_getattro == ouro_object_generic_getattr) {
            OuroObject *d = ou_type_lookup(t, name);
            if (d && (OURO_TYPE(d)->tp_flags & OURO_TPFLAG_METHOD_DESCRIPTOR)) {
                OuroObject **dp = ou_object_dict_slot(owner); /* negative offsets too */
                OuValues *iv = dp ? ou_values_of(*dp) : NULL; /* issue 7 */
                int shadowed = iv ? ou_values_get(t, iv, name) != NULL
                                  : dp && *dp ? ouro_dict_contains(*dp, name) : 0;
                if (shadowed < 0)
                    goto error;
                if (!shadowed) {
                    SET_TOP(OURO_NEWREF(d));
                    PUSH(owner);
                    DISPATCH();
                }
            }
        }
        OuroObject *v = ouro_object_getattr(owner, name);
        OURO_DECREF(owner);
        if (!v) {
            sp--;
            goto error;
        }
        SET_TOP(NULL);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        OuroObject *owner = POP(), *v = POP();
        OuroType *ot = OURO_TYPE(owner);
        int rc;
        OuAttrCache *ac = attr_cache(co, oparg);
        if (ac && ou_attr_cache_valid(ac, ot) && (ac->flags & OU_AC_GENERIC_SET) &&
            (rc = ou_attr_cache_store(ac, owner, names[oparg], v)) <= 0)
            goto store_attr_done;
        if (ac && ou_attr_cache_stale(ac, ot))
            ou_attr_cache_fill(ac, ot, names[oparg]);
        OuroObject **dictp = ot->tp_dictoffset > 0
            ? (OuroObject **)((char *)owner + ot->tp_dictoffset) : NULL;
        if (ot->tp_setattro == ouro_object_generic_setattr && dictp && *dictp) {
            /* The generic protocol inlined: no data descriptor -> the instance dict,
               or its shared-key values (issue 7). */
            OuroObject *d = ou_type_lookup(ot, names[oparg]);
            if (!d || !OURO_TYPE(d)->tp_descr_set) {
                rc = ou_values_of(*dictp) ? ou_values_setattr(owner, dictp, names[oparg], v)
                                          : ouro_dict_set_item(*dictp, names[oparg], v);
                goto store_attr_done;
            }
        }
        rc = ouro_object_setattr(owner, names[oparg], v);
    store_attr_done:
        OURO_DECREF(v);
        OURO_DECREF(owner);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        OuroObject *owner = POP();
        int rc = ouro_object_setattr(owner, names[oparg], NULL);
        OURO_DECREF(owner);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        OuroObject *sub = POP(), *container = TOP(), *v;
        if (OURO_IS_TYPE(container, &ouro_list_type) && is_word_int(sub)) {
            int64_t i = word_of(sub);
            if (i < 0)
                i += OURO_LIST_SIZE(container);
            if (i >= 0 && i < OURO_LIST_SIZE(container)) {
                v = OURO_NEWREF(OURO_LIST_GET(container, i));
                goto subscr_done;
            }
        } else if (OURO_IS_TYPE(container, &ouro_tuple_type) && is_word_int(sub)) {
            int64_t i = word_of(sub);
            if (i < 0)
                i += OURO_TUPLE_SIZE(container);
            if (i >= 0 && i < OURO_TUPLE_SIZE(container)) {
                v = OURO_NEWREF(OURO_TUPLE_GET(container, i));
                goto subscr_done;
            }
        } else if (OURO_IS_TYPE(container, &ouro_dict_type)) {
            v = ouro_dict_get_item_with_error(container, sub);
            if (v) {
                OURO_INCREF(v);
                goto subscr_done;
            }
            if (ouro_err_occurred())
                goto subscr_done;   /* unhashable key: the error stands */
        }
        v = ouro_object_getitem(container, sub);
    subscr_done:
        OURO_DECREF(sub);
        OURO_DECREF(container);
        SET_TOP(v);
        if (!v) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        OuroObject *sub = POP(), *container = POP(), *v = POP();
        int rc = ouro_object_setitem(container, sub, v);
        OURO_DECREF(v);
        OURO_DECREF(container);
        OURO_DECREF(sub);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        OuroObject *sub = POP(), *container = POP();
        int rc = ouro_object_delitem(container, sub);
        OURO_DECREF(container);
        OURO_DECREF(sub);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        OuroObject *step = oparg == 3 ? POP() : NULL, *stop = POP(), *start = TOP();
        OuroObject *s = ouro_slice_new(start, stop, step);
        OURO_DECREF(start);
        OURO_DECREF(stop);
        OURO_XDECREF(step);
        SET_TOP(s);
        if (!s) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        OuroObject *b = POP(), *a = TOP(), *r = NULL;
        int64_t w;
        if (is_word_int(a) && is_word_int(b)) {
            if (int_fast_word(word_of(a), word_of(b), (int)oparg, &w)) {
                /* An operand whose only reference is the stack's is dead after this
                 * instruction: reuse it for the result instead of freeing one int and
                 * allocating another (refcnt 1 also rules out a == b). Not for values
                 * of the small-int cache, which must stay the only objects of their
                 * values; ints are immutable only to Python code, and nothing else can
                 * see an object the stack owns alone. */
                if (w < OURO_SMALL_INT_MIN || w > OURO_SMALL_INT_MAX) {
                    if (a->ob_refcnt == 1) {
                        ((OuroInt *)a)->ival = w;
                        OURO_DECREF(b);
                        DISPATCH();
                    }
                    if (b->ob_refcnt == 1) {
                        ((OuroInt *)b)->ival = w;
                        OURO_DECREF(a);
                        SET_TOP(b);
                        DISPATCH();
                    }
                }
                r = ouro_int_from_int64(w);
                if (!r) {
                    OURO_DECREF(b);
                    OURO_DECREF(a);
                    sp--;
                    goto error;
                }
            }
        }
        else if (is_exact_float(a) && is_exact_float(b))
            r = float_fast(((OuroFloat *)a)->ob_fval, ((OuroFloat *)b)->ob_fval, (int)oparg);
        else if ((oparg == OU_NB_ADD || oparg == OU_NB_INPLACE_ADD) &&
                 (a->ob_tinfo & OURO_TID_MASK) == OU_TID_ouro_str_type &&
                 (b->ob_tinfo & OURO_TID_MASK) == OU_TID_ouro_str_type)
            r = ouro_str_concat(a, b);
        if (!r && !ouro_err_occurred())
            r = ou_binary_op(a, b, (int)oparg);
        if (!r) {
            OURO_DECREF(b);
            OURO_DECREF(a);
            sp--;
            goto error;
        }
        OURO_DECREF(b);
        OURO_DECREF(a);
        SET_TOP(r);
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        OuroObject *v = TOP(), *r = ouro_number_negative(v);
        OURO_DECREF(v);
        SET_TOP(r);
        if (!r) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE) {
        OuroObject *v = TOP(), *r = ouro_number_positive(v);
        OURO_DECREF(v);
        SET_TOP(r);
        if (!r) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        OuroObject *v = TOP(), *r = ouro_number_invert(v);
        OURO_DECREF(v);
        SET_TOP(r);
        if (!r) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        OuroObject *v = TOP();
        int t = ouro_object_is_true(v);
        OURO_DECREF(v);
        if (t < 0) {
            sp--;
            goto error;
        }
        SET_TOP(t ? ouro_false : ouro_true);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        OuroObject *b = POP(), *a = TOP(), *r;
        if (is_word_int(a) && is_word_int(b)) {
            int t = compare_ints(word_of(a), word_of(b), (int)oparg);
            uint32_t next = *ip;
            OURO_DECREF(b);
            OURO_DECREF(a);
            /* Fused with a following conditional jump: no bool is pushed. */
            if (OU_OP(next) == OP_POP_JUMP_IF_FALSE || OU_OP(next) == OP_POP_JUMP_IF_TRUE) {
                sp--;
                ip++;
                if (t == (OU_OP(next) == OP_POP_JUMP_IF_TRUE))
                    ip = co->co_code + OU_ARG(next);
                DISPATCH();
            }
            SET_TOP(t ? ouro_true : ouro_false);
            DISPATCH();
        }
        else
            r = ouro_object_richcompare(a, b, (int)oparg);
        OURO_DECREF(b);
        OURO_DECREF(a);
        SET_TOP(r);
        if (!r) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(IS_OP) {
        OuroObject *b = POP(), *a = TOP();
        int r = (a == b) ^ (int)oparg;
        OURO_DECREF(b);
        OURO_DECREF(a);
        SET_TOP(r ? ouro_true : ouro_false);
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        OuroObject *b = POP(), *a = TOP();
        int r = ouro_sequence_contains(b, a);
        OURO_DECREF(b);
        OURO_DECREF(a);
        if (r < 0) {
            sp--;
            goto error;
        }
        SET_TOP((r ^ (int)oparg) ? ouro_true : ouro_false);
        DISPATCH();
    }
    TARGET(JUMP) { ip = co->co_code + oparg; DISPATCH(); }
    TARGET(JUMP_BACK) {
        ip = co->co_code + oparg;
        if (OU_UNLIKELY(ts->eval_breaker) && handle_eval_breaker(ts) < 0)
            goto error;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        OuroObject *v = POP();
        int t;
        if (v == ouro_false) t = 0;
        else if (v == ouro_true) t = 1;
        else {
            t = ouro_object_is_true(v);
            OURO_DECREF(v);
            if (t < 0)
                goto error;
        }
        if (!t)
            ip = co->co_code + oparg;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        OuroObject *v = POP();
        int t;
        if (v == ouro_false) t = 0;
        else if (v == ouro_true) t = 1;
        else {
            t = ouro_object_is_true(v);
            OURO_DECREF(v);
            if (t < 0)
                goto error;
        }
        if (t)
            ip = co->co_code + oparg;
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = ouro_object_is_true(TOP());
        if (t < 0)
            goto error;
        if (!t) {
            ip = co->co_code + oparg;
        } else {
            OuroObject *v = POP();
            OURO_DECREF(v);
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = ouro_object_is_true(TOP());
        if (t < 0)
            goto error;
        if (t) {
            ip = co->co_code + oparg;
        } else {
            OuroObject *v = POP();
            OURO_DECREF(v);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        OuroObject *v = POP();
        if (v == OURO_NONE)
            ip = co->co_code + oparg;
        OURO_DECREF(v);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        OuroObject *v = POP();
        if (v != OURO_NONE)
            ip = co->co_code + oparg;
        OURO_DECREF(v);
        DISPATCH();
    }
    TARGET(GET_ITER) {
        OuroObject *v = TOP(), *it = ouro_object_get_iter(v);
        OURO_DECREF(v);
        SET_TOP(it);
        if (!it) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        OuroObject *it = TOP(), *next = OURO_TYPE(it)->tp_iternext(it);
        if (next) {
            PUSH(next);
            DISPATCH();
        }
        if (ouro_err_occurred()) {
            if (!ouro_err_matches(&ouro_exc_StopIteration))
                goto error;
            ouro_err_clear();
        }
        sp--;
        OURO_DECREF(it);
        ip = co->co_code + oparg;
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        OuroObject *t = ouro_tuple_from_array(sp - oparg, (ouro_ssize)oparg);
        if (!t)
            goto error;
        for (uint32_t i = 0; i < oparg; i++)
            OURO_DECREF(sp[-(int)oparg + (int)i]);
        sp -= oparg;
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        OuroObject *l = ouro_list_new((ouro_ssize)oparg);
        if (!l)
            goto error;
        for (uint32_t i = 0; i < oparg; i++)
            OURO_LIST_SET(l, i, sp[-(int)oparg + (int)i]);  /* the stack's references move */
        sp -= oparg;
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        OuroObject *s = ouro_set_new(NULL);
        int rc = s ? 0 : -1;
        for (uint32_t i = 0; i < oparg; i++) {
            OuroObject *v = sp[-(int)oparg + (int)i];
            if (rc == 0)
                rc = ouro_set_add(s, v);
            OURO_DECREF(v);
        }
        sp -= oparg;
        if (rc < 0) {
            OURO_XDECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        OuroObject *d = ouro_dict_new();
        int rc = d ? 0 : -1;
        for (uint32_t i = 0; i < oparg; i++) {
            OuroObject *k = sp[-2 * (int)oparg + 2 * (int)i], *v = sp[-2 * (int)oparg + 2 * (int)i + 1];
            if (rc == 0)
                rc = ouro_dict_set_item(d, k, v);
            OURO_DECREF(k);
            OURO_DECREF(v);
        }
        sp -= 2 * oparg;
        if (rc < 0) {
            OURO_XDECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        OuroObject *v = POP();
        int rc = ouro_list_append(PEEK(oparg), v);
        OURO_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(SET_ADD) {
        OuroObject *v = POP();
        int rc = ouro_set_add(PEEK(oparg), v);
        OURO_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        OuroObject *v = POP(), *k = POP();
        int rc = ouro_dict_set_item(PEEK(oparg), k, v);
        OURO_DECREF(v);
        OURO_DECREF(k);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        OuroObject *v = POP();
        int rc = ouro_list_extend(PEEK(oparg), v);
        if (rc < 0 && ouro_err_matches(&ouro_exc_TypeError) && !OURO_TYPE(v)->tp_iter &&
            !(OURO_TYPE(v)->tp_as_sequence && OURO_TYPE(v)->tp_as_sequence->sq_item)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_TypeError, "Value after * must be an iterable, not %s",
                            OURO_TYPE_NAME(v));
        }
        OURO_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        OuroObject *v = POP(), *it = ouro_object_get_iter(v), *x;
        OURO_DECREF(v);
        if (!it)
            goto error;
        while ((x = ouro_iter_next(it))) {
            int rc = ouro_set_add(PEEK(oparg), x);
            OURO_DECREF(x);
            if (rc < 0)
                break;
        }
        OURO_DECREF(it);
        if (ouro_err_occurred())
            goto error;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        OuroObject *v = POP();
        int rc = ou_ev_dict_update(PEEK(oparg), v);
        OURO_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        /* For f(**m): the callable sits below the dict being built ([NULL, f, args, d]). */
        OuroObject *v = POP();
        int rc = ou_ev_dict_merge_kwargs(PEEK(oparg + 2), PEEK(oparg), v);
        OURO_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        OuroObject *l = TOP(), *t = ouro_list_as_tuple(l);
        OURO_DECREF(l);
        SET_TOP(t);
        if (!t) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        OuroObject *seq = POP();
        if ((OURO_IS_TYPE(seq, &ouro_tuple_type) && OURO_TUPLE_SIZE(seq) == (ouro_ssize)oparg) ||
            (OURO_IS_TYPE(seq, &ouro_list_type) && OURO_LIST_SIZE(seq) == (ouro_ssize)oparg)) {
            OuroObject **items = OURO_IS_TYPE(seq, &ouro_tuple_type)
                ? OURO_TUPLE_ITEMS(seq) : ((OuroList *)seq)->ob_item;
            for (int i = (int)oparg - 1; i >= 0; i--)
                PUSH(OURO_NEWREF(items[i]));
            OURO_DECREF(seq);
            DISPATCH();
        }
        int rc = ou_ev_unpack_iterable(seq, (int)oparg, 0, -1, sp);
        OURO_DECREF(seq);
        if (rc < 0)
            goto error;
        sp += oparg;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        OuroObject *seq = POP();
        int before = (int)(oparg & 0xff), after = (int)(oparg >> 8);
        int rc = ou_ev_unpack_iterable(seq, before, after, before, sp);
        OURO_DECREF(seq);
        if (rc < 0)
            goto error;
        sp += before + after + 1;
        DISPATCH();
    }
    TARGET(CALL_KW) {
        kwnames = POP();
        goto do_call;
    }
    TARGET(CALL) {
        kwnames = NULL;
    do_call:;
        /* [NULL, callable, args...] or [method, self, args...]; with CALL_KW the last
           len(kwnames) arguments are the keyword values. */
        int is_meth = PEEK(oparg + 2) != NULL;
        if (!is_meth && OURO_IS_TYPE(PEEK(oparg + 1), &ou_method_type)) {
            /* [NULL, bound method, args] -> [function, self, args]: a Python method
               then runs in this activation like any Python call. */
            OuMethodLayout *bm = (OuMethodLayout *)PEEK(oparg + 1);
            PEEK(oparg + 2) = OURO_NEWREF(bm->im_func);
            PEEK(oparg + 1) = OURO_NEWREF(bm->im_self);
            OURO_DECREF(bm);
            is_meth = 1;
        }
        int nargs = (int)oparg + is_meth;
        int nkw = kwnames ? (int)OURO_TUPLE_SIZE(kwnames) : 0;
        OuroObject *callable = PEEK(nargs + 1), **args = sp - nargs;
        if (OU_UNLIKELY(ts->eval_breaker) && handle_eval_breaker(ts) < 0) {
            OURO_XDECREF(kwnames);
            goto error;
        }
        if ((callable->ob_tinfo & OURO_TID_MASK) == OU_TID_ou_function_type &&
            !(((OuCode *)((OuFunction *)callable)->func_code)->co_flags & OU_CO_GENERATOR)) {
            /* Python to Python: a new frame on the data stack; the arguments move from
               this stack into its locals (stolen: no reference count changes). */
            OuFunction *fn = (OuFunction *)callable;
            OuCode *fco = (OuCode *)fn->func_code;
            SAVE_SP();
            OuFrame *nf = frame_push(ts, fco);
            if (!nf) {
                OURO_XDECREF(kwnames);
                goto error;
            }
            if (!kwnames && fco->co_argcount == nargs && fco->co_kwonlyargcount == 0 &&
                !(fco->co_flags & (OU_CO_VARARGS | OU_CO_VARKEYWORDS))) {
                /* The common call: the frame steals the callable and the arguments
                   from this stack (no reference count changes at all). */
                ou_frame_init_header(nf, fn, fco, NULL);
                /* Plain loops: a few words each, cheaper than calls to memcpy/memset. */
                int32_t i = 0;
                for (; i < nargs; i++)
                    nf->localsplus[i] = args[i];
                for (; i < fco->co_nlocalsplus; i++)
                    nf->localsplus[i] = NULL;
                sp -= nargs + 1 + !is_meth;  /* arguments, callable, NULL or moved self */
                SAVE_SP();
                frame->next_instr = ip;
                nf->previous = frame;
                ts->current_frame = nf;
                frame = nf;
                goto start_frame;
            }
            ou_frame_init(nf, fn, NULL);
            int rc = ou_frame_bind_args(nf, fn, args, (size_t)(nargs - nkw), kwnames);
            for (int i = 0; i < nargs; i++)
                OURO_DECREF(args[i]);
            OURO_XDECREF(kwnames);
            if (rc < 0) {
                sp -= nargs;
                SAVE_SP();
                ou_frame_clear(nf);
                ou_frame_pop(ts, nf);
                goto error;
            }
            sp -= nargs;
            OURO_DECREF(callable);       /* the new frame holds its own reference */
            sp -= 1 + !is_meth;          /* the callable and the NULL (or self moved) */
            SAVE_SP();
            frame->next_instr = ip;
            nf->previous = frame;
            ts->current_frame = nf;
            frame = nf;
            goto start_frame;
        }
        SAVE_SP();
        OuroObject *r = ouro_object_vectorcall(callable, args, (size_t)(nargs - nkw), kwnames);
        OURO_XDECREF(kwnames);
        for (OuroObject **p = sp - oparg - 2; p < sp; p++)
            OURO_XDECREF(*p);
        sp -= oparg + 2;
        if (!r)
            goto error;
        PUSH(r);
        /* As CPython 3.11 after a call into C: a signal that came during it (Ctrl-C out of
           a wait, _thread.interrupt_main) is raised here, inside the caller's try. */
        if (OU_UNLIKELY(ts->eval_breaker) && handle_eval_breaker(ts) < 0)
            goto error;
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        OuroObject *kwargs = oparg & 1 ? POP() : NULL, *args = POP(), *func = TOP(), *r = NULL;
        if (!ouro_tuple_check(args)) {
            OuroObject *t = ouro_sequence_tuple(args);
            if (!t) {
                if (ouro_err_matches(&ouro_exc_TypeError) && !OURO_TYPE(args)->tp_iter &&
                    !(OURO_TYPE(args)->tp_as_sequence && OURO_TYPE(args)->tp_as_sequence->sq_item)) {
                    ouro_err_clear();
                    OuroObject *desc = ou_ev_callable_desc(func);
                    if (desc) {
                        ouro_err_format(&ouro_exc_TypeError, "%U argument after * must be an "
                                        "iterable, not %s", desc, OURO_TYPE_NAME(args));
                        OURO_DECREF(desc);
                    }
                }
                goto call_ex_done;
            }
            OURO_SETREF(args, t);
        }
        if (kwargs && !OURO_IS_TYPE(kwargs, &ouro_dict_type)) {
            OuroObject *d = ouro_dict_new();
            if (!d || ou_ev_dict_merge_kwargs(func, d, kwargs) < 0) {
                OURO_XDECREF(d);
                goto call_ex_done;
            }
            OURO_SETREF(kwargs, d);
        }
        SAVE_SP();
        r = ou_ev_call_ex(func, args, kwargs);
    call_ex_done:
        OURO_XDECREF(kwargs);
        OURO_DECREF(args);
        OURO_DECREF(func);
        sp--;
        OuroObject *null = POP();       /* the PUSH_NULL below the callable */
        OURO_XDECREF(null);
        if (!r)
            goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        OuroObject *code = POP(), *vals[4];
        int n = 0;
        for (int bit = 1; bit <= OU_MF_CLOSURE; bit <<= 1)
            n += (oparg & (uint32_t)bit) != 0;
        for (int i = 0; i < n; i++)
            vals[i] = sp[-n + i];
        sp -= n;
        OuroObject *fn = ou_ev_make_function(frame, code, (int)oparg, vals);
        if (!fn)
            goto error;
        PUSH(fn);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        retval = POP();
    do_return:
        SAVE_SP();
        if (!(frame = leave_frame(ts, frame)))
            return retval;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }
    TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE_SP();
        frame->next_instr = ip;
        ts->recursion_depth--;
        ts->current_frame = frame->previous;
        frame->previous = NULL;
        ((OuGen *)((char *)frame - offsetof(OuGen, gi_data)))->gi_state = OU_GEN_SUSPENDED;
        return retval;
    }
    TARGET(LOAD_BUILD_CLASS) {
        OuroObject *name = ouro_str_intern_cstr("__build_class__");
        OuroObject *bc = name ? ou_ev_mapping_get(frame->f_builtins, name) : NULL;
        if (!bc) {
            if (!ouro_err_occurred())
                ouro_err_format(&ouro_exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        OuroObject *fromlist = POP(), *level = TOP();
        SAVE_SP();
        OuroObject *m = ou_ev_import_name(frame, names[oparg], fromlist, level);
        OURO_DECREF(fromlist);
        OURO_DECREF(level);
        SET_TOP(m);
        if (!m) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        OuroObject *v = ou_ev_import_from(TOP(), names[oparg]);
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        OuroObject *m = POP();
        int rc = ou_ev_import_star(frame, m);
        OURO_DECREF(m);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
    TARGET(RAISE_VARARGS) {
        if (oparg == 0) {
            if (!ts->exc_info || ts->exc_info == OURO_NONE) {
                ouro_err_format(&ouro_exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            ouro_err_restore(OURO_NEWREF(ts->exc_info));
            goto exception_unwind;
        }
        OuroObject *cause = oparg == 2 ? POP() : NULL, *exc = POP();
        ou_ev_do_raise(exc, cause);
        OURO_DECREF(exc);
        OURO_XDECREF(cause);
        goto error;
    }
    TARGET(RERAISE) {
        ouro_err_restore(POP());
        goto exception_unwind;
    }
    TARGET(PUSH_EXC_INFO) {
        OuroObject *exc = TOP(), *prev = ts->exc_info;
        SET_TOP(prev ? prev : OURO_NONE);
        ts->exc_info = OURO_NEWREF(exc);
        PUSH(exc);
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        OuroObject *v = POP(), *old = ts->exc_info;
        ts->exc_info = v == OURO_NONE ? NULL : v;
        OURO_XDECREF(old);
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        OuroObject *t = POP();
        if (ou_ev_exc_match_check(t) < 0) {
            OURO_DECREF(t);
            goto error;
        }
        int m = ou_ev_exc_matches(TOP(), t);
        OURO_DECREF(t);
        PUSH(m ? ouro_true : ouro_false);
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        OuroObject *mgr = TOP(), *enter = ou_ev_special_bound(mgr, "__enter__"), *exit = NULL;
        if (!enter) {
            if (!ouro_err_occurred())
                ouro_err_format(&ouro_exc_TypeError, "'%s' object does not support the "
                                "context manager protocol", OURO_TYPE_NAME(mgr));
            goto error;
        }
        if (!(exit = ou_ev_special_bound(mgr, "__exit__"))) {
            if (!ouro_err_occurred())
                ouro_err_format(&ouro_exc_TypeError, "'%s' object does not support the "
                                "context manager protocol (missed __exit__ method)",
                                OURO_TYPE_NAME(mgr));
            OURO_DECREF(enter);
            goto error;
        }
        SET_TOP(exit);
        OURO_DECREF(mgr);
        SAVE_SP();
        OuroObject *r = ouro_object_vectorcall(enter, NULL, 0, NULL);
        OURO_DECREF(enter);
        if (!r)
            goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        /* [exit, prev_exc, exc] -> [exit, prev_exc, exc, exit(type, exc, tb)] */
        OuroObject *exc = TOP(), *exit = PEEK(3);
        OuroObject *tb = ((OuroBaseException *)exc)->traceback;
        OuroObject *args[3] = { (OuroObject *)OURO_TYPE(exc), exc, tb ? tb : OURO_NONE };
        SAVE_SP();
        OuroObject *r = ouro_object_vectorcall(exit, args, 3, NULL);
        if (!r)
            goto error;
        PUSH(r);
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(OURO_NEWREF(&ouro_exc_AssertionError));
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        OuroObject *spec = (oparg & OU_FV_HAVE_SPEC) ? POP() : NULL, *v = TOP();
        OuroObject *r = ou_ev_format_value(v, (int)(oparg & 3), spec);
        OURO_XDECREF(spec);
        OURO_DECREF(v);
        SET_TOP(r);
        if (!r) {
            sp--;
            goto error;
        }
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        OuroObject *s = ou_ev_build_string(sp - oparg, (int)oparg);
        for (uint32_t i = 0; i < oparg; i++)
            OURO_DECREF(sp[-(int)oparg + (int)i]);
        sp -= oparg;
        if (!s)
            goto error;
        PUSH(s);
        DISPATCH();
    }
    TARGET(GET_YIELD_FROM_ITER) {
        OuroObject *v = TOP();
        if (!OURO_IS_TYPE(v, &ou_generator_type)) {
            OuroObject *it = ouro_object_get_iter(v);
            OURO_DECREF(v);
            SET_TOP(it);
            if (!it) {
                sp--;
                goto error;
            }
        }
        DISPATCH();
    }
    TARGET(SEND) {
        /* [subiter, value] -> [subiter, yielded] or, when subiter returns, [result] and
           jump to oparg. */
        OuroObject *v = POP(), *recv = TOP(), *r, *returned = NULL;
        SAVE_SP();
        if (OURO_IS_TYPE(recv, &ou_generator_type)) {
            r = ou_gen_send_ex(recv, v, 0, &returned);
        } else if (v == OURO_NONE && OURO_TYPE(recv)->tp_iternext) {
            r = OURO_TYPE(recv)->tp_iternext(recv);
        } else {
            OuroObject *meth = ouro_object_getattr_str(recv, "send");
            r = meth ? ouro_object_vectorcall(meth, &v, 1, NULL) : NULL;
            OURO_XDECREF(meth);
        }
        OURO_DECREF(v);
        if (r) {
            PUSH(r);
            DISPATCH();
        }
        if (!returned) {
            if (ouro_err_occurred() && !ouro_err_matches(&ouro_exc_StopIteration))
                goto error;
            OuroObject *stop = ouro_err_fetch();
            if (stop) {
                OuroObject *a = ouro_exception_args(stop);
                returned = OURO_TUPLE_SIZE(a) ? OURO_NEWREF(OURO_TUPLE_GET(a, 0)) : OURO_NONE;
                OURO_DECREF(stop);
            } else {
                returned = OURO_NONE;
            }
        }
        OURO_DECREF(recv);
        SET_TOP(returned);
        ip = co->co_code + oparg;
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) {
        if (ou_ev_setup_annotations(frame) < 0)
            goto error;
        DISPATCH();
    }
    /* The match statement (eval_match.c): the subject stays below what they push. */
    TARGET(MATCH_SEQUENCE) {
        bool yes = ou_ev_match_kind(TOP()) == OU_MATCH_IS_SEQUENCE;
        PUSH(OURO_NEWREF(yes ? OURO_TRUE : OURO_FALSE));
        DISPATCH();
    }
    TARGET(MATCH_MAPPING) {
        bool yes = ou_ev_match_kind(TOP()) == OU_MATCH_IS_MAPPING;
        PUSH(OURO_NEWREF(yes ? OURO_TRUE : OURO_FALSE));
        DISPATCH();
    }
    TARGET(GET_LEN) {
        ouro_ssize n = ouro_object_length(TOP());
        OuroObject *v = n < 0 ? NULL : ouro_int_from_ssize(n);
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(MATCH_KEYS) {
        OuroObject *v = ou_ev_match_keys(SECOND(), TOP());
        if (!v)
            goto error;
        PUSH(v);
        DISPATCH();
    }
    TARGET(MATCH_CLASS) {
        OuroObject *names_ = POP(), *cls = POP(), *subject = TOP();
        OuroObject *v = ou_ev_match_class(subject, cls, (int)oparg, names_);
        OURO_DECREF(names_);
        OURO_DECREF(cls);
        if (!v && ouro_err_occurred())
            goto error;     /* the subject stays on the stack, which unwinding drops */
        SET_TOP(v ? v : OURO_NEWREF(OURO_NONE));
        OURO_DECREF(subject);
        DISPATCH();
    }
    TARGET(COPY_DICT_WITHOUT_KEYS) {
        OuroObject *keys = POP(), *subject = TOP();
        OuroObject *rest = ou_ev_dict_without_keys(subject, keys);
        OURO_DECREF(keys);
        if (!rest)
            goto error;
        SET_TOP(rest);
        OURO_DECREF(subject);
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        OuroObject *v = POP();
        int rc = ou_ev_print_expr(v);
        OURO_DECREF(v);
        if (rc < 0)
            goto error;
        DISPATCH();
    }
#ifdef OU_COMPUTED_GOTO
L_unknown_opcode:
#else
    default:
    }
#endif
    ouro_err_format(&ouro_exc_SystemError, "unknown opcode %d", (int)OU_OP(word));
    goto error;

error:
    /* An exception leaves the instruction at ip - 1: record this frame in its
       traceback, then look for a handler. */
    {
        OuroObject *fo = ou_frame_materialize(frame);
        if (fo)
            ou_traceback_add(fo);
    }
exception_unwind: {
        const OuExcEntry *h = ou_code_handler(co, (int32_t)(ip - co->co_code - 1));
        if (!h)
            goto exit_unwind;
        OuroObject **base = STACK_BASE() + h->depth;
        while (sp > base) {
            OuroObject *v = POP();
            OURO_XDECREF(v);
        }
        OuroObject *exc = ouro_err_fetch();
        if (!exc)
            exc = OURO_NEWREF(OURO_NONE);  /* cannot happen: an error always sets one */
        PUSH(exc);
        ip = co->co_code + h->handler;
        DISPATCH();
    }
exit_unwind:
    SAVE_SP();
    if (!(frame = leave_frame(ts, frame)))
        return NULL;
    LOAD_FRAME();
    goto error;
}
