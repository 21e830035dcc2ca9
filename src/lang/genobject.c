/* src/lang/genobject.c — generators: a function call whose frame lives inside the
 * generator object and is resumed by next()/send()/throw(); close() (and finalization of
 * a suspended generator) throws GeneratorExit in, so that `finally` blocks run. */
#include "eval.h"
#include <stdio.h>

static OuGen *gen_of(OuroObject *o) { return (OuGen *)o; }

/* Returns: new generator, or NULL with an exception (a binding error). Args borrowed. */
OuroObject *ou_gen_new_from_frame(OuFunction *func, OuroObject *const *args, size_t nargs,
                                  OuroObject *kwnames)
{
    OuCode *co = (OuCode *)func->func_code;
    OuGen *g = (OuGen *)ouro_object_alloc_var(&ou_generator_type,
                                              (ouro_ssize)OU_FRAME_SLOTS(co));
    if (!g)
        return NULL;
    OuFrame *f = OU_GEN_FRAME(g);
    ou_frame_init(f, func, NULL);
    f->owner = OU_FRAME_GENERATOR;
    g->gi_state = OU_GEN_CREATED;
    g->gi_name = OURO_NEWREF(func->func_name);
    g->gi_qualname = OURO_NEWREF(func->func_qualname);
    if (ou_frame_bind_args(f, func, args, nargs, kwnames) < 0) {
        g->gi_state = OU_GEN_COMPLETED;
        ou_frame_clear(f);
        OURO_DECREF(g);
        return NULL;
    }
    ouro_gc_track((OuroObject *)g);
    return (OuroObject *)g;
}

/* Turns a StopIteration escaping the generator's body into RuntimeError (PEP 479). */
static void stop_iteration_to_runtime_error(void)
{
    if (!ouro_err_matches(&ouro_exc_StopIteration))
        return;
    OuroObject *stop = ouro_err_fetch();
    ouro_err_format(&ouro_exc_RuntimeError, "generator raised StopIteration");
    OuroObject *exc = ouro_err_fetch();
    if (exc) {
        ouro_exception_set_cause(exc, OURO_NEWREF(stop));
        ouro_exception_set_context(exc, stop);
        ouro_err_restore(exc);
    } else {
        OURO_DECREF(stop);
    }
}

/* Resumes g. arg: pushed as the value of the suspended yield (NULL: nothing pushed).
 * exc: raise the pending exception at the resume point. Returns the yielded value, or
 * NULL: then *returned (when not NULL) holds the return value and no exception is set,
 * else StopIteration(value) or the error is set. */
static OuroObject *gen_resume(OuGen *g, OuroObject *arg, int exc, OuroObject **returned)
{
    struct OuroThreadState *ts = ou_tstate();
    OuFrame *f = OU_GEN_FRAME(g);
    if (returned)
        *returned = NULL;
    if (g->gi_state == OU_GEN_RUNNING)
        return ouro_err_format(&ouro_exc_ValueError, "generator already executing");
    if (g->gi_state == OU_GEN_COMPLETED) {
        if (!exc && !returned)
            ouro_err_set_object(&ouro_exc_StopIteration, NULL);
        else if (!exc)
            *returned = OURO_NEWREF(OURO_NONE);
        return NULL;
    }
    if (g->gi_state == OU_GEN_CREATED && arg && arg != OURO_NONE && !exc)
        return ouro_err_format(&ouro_exc_TypeError,
                               "can't send non-None value to a just-started generator");
    if (g->gi_state == OU_GEN_SUSPENDED && arg && !exc)
        f->localsplus[f->stacktop++] = OURO_NEWREF(arg);
    /* The exception being handled inside the generator travels with it. */
    OuroObject *saved = ts->exc_info;
    ts->exc_info = g->gi_exc ? g->gi_exc : saved;
    if (!g->gi_exc)
        OURO_XINCREF(saved);
    g->gi_exc = NULL;
    g->gi_state = OU_GEN_RUNNING;
    OuroObject *r = ou_eval_frame(ts, f, exc);
    OuroObject *cur = ts->exc_info;
    ts->exc_info = saved;
    if (g->gi_state == OU_GEN_SUSPENDED) {
        if (cur != saved)
            g->gi_exc = cur;
        else
            OURO_XDECREF(cur);
        return r;
    }
    OURO_XDECREF(cur);
    g->gi_state = OU_GEN_COMPLETED;
    if (!r) {
        stop_iteration_to_runtime_error();
        return NULL;
    }
    if (returned) {
        *returned = r;
        return NULL;
    }
    if (r == OURO_NONE)
        ouro_err_set_object(&ouro_exc_StopIteration, NULL);
    else
        ouro_err_set_object(&ouro_exc_StopIteration, r);
    OURO_DECREF(r);
    return NULL;
}

OuroObject *ou_gen_send_ex(OuroObject *gen, OuroObject *arg, int exc, OuroObject **returned)
{
    return gen_resume(gen_of(gen), arg, exc, returned);
}

/* The sub-iterator of a `yield from` the generator is suspended in, or NULL. Borrowed. */
static OuroObject *gen_yf(OuGen *g)
{
    if (g->gi_state != OU_GEN_SUSPENDED)
        return NULL;
    OuFrame *f = OU_GEN_FRAME(g);
    uint32_t w = f->next_instr[-1];
    if (OU_OP(w) != OP_YIELD_VALUE || OU_ARG(w) != 1)
        return NULL;
    return f->localsplus[f->stacktop - 1];
}

/* next(gen): at the end NULL, with StopIteration(value) only when the generator
 * returned something other than None (as CPython's gen_iternext). */
static OuroObject *gen_iternext(OuroObject *o)
{
    OuroObject *ret = NULL, *r = gen_resume(gen_of(o), OURO_NONE, 0, &ret);
    if (ret && ret != OURO_NONE)
        ouro_err_set_object(&ouro_exc_StopIteration, ret);
    OURO_XDECREF(ret);
    return r;
}

static OuroObject *gen_send(OuroObject *o, OuroObject *arg)
{
    return gen_resume(gen_of(o), arg, 0, NULL);
}

static int close_subiter(OuroObject *yf);

static OuroObject *gen_close_impl(OuGen *g)
{
    if (g->gi_state == OU_GEN_CREATED) {
        g->gi_state = OU_GEN_COMPLETED;
        ou_frame_clear(OU_GEN_FRAME(g));
        OURO_RETURN_NONE;
    }
    if (g->gi_state == OU_GEN_COMPLETED)
        OURO_RETURN_NONE;
    OuroObject *yf = gen_yf(g);
    int err = 0;
    if (yf) {
        g->gi_state = OU_GEN_RUNNING;
        err = close_subiter(yf);
        g->gi_state = OU_GEN_SUSPENDED;
    }
    if (!err)
        ouro_err_set_object(&ouro_exc_GeneratorExit, NULL);
    OuroObject *r = gen_resume(g, NULL, 1, NULL);
    if (r) {
        OURO_DECREF(r);
        return ouro_err_format(&ouro_exc_RuntimeError, "generator ignored GeneratorExit");
    }
    if (ouro_err_matches(&ouro_exc_StopIteration) || ouro_err_matches(&ouro_exc_GeneratorExit)) {
        ouro_err_clear();
        OURO_RETURN_NONE;
    }
    return NULL;
}

static int close_subiter(OuroObject *yf)
{
    OuroObject *r;
    if (OURO_IS_TYPE(yf, &ou_generator_type)) {
        r = gen_close_impl(gen_of(yf));
    } else {
        OuroObject *m = ouro_object_getattr_str(yf, "close");
        if (!m) {
            ouro_err_clear();
            return 0;
        }
        r = ouro_object_vectorcall(m, NULL, 0, NULL);
        OURO_DECREF(m);
    }
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

static OuroObject *gen_close(OuroObject *o, OuroObject *unused)
{
    return gen_close_impl(gen_of(o));
}

/* The exception throw(typ, val, tb) raises. New reference or NULL. */
static OuroObject *make_thrown(OuroObject *typ, OuroObject *val, OuroObject *tb)
{
    OuroObject *exc;
    if (ouro_exception_type_check(typ)) {
        if (val && val != OURO_NONE && ouro_object_type_check(val, (OuroType *)typ))
            exc = OURO_NEWREF(val);
        else if (!val || val == OURO_NONE)
            exc = ouro_object_vectorcall(typ, NULL, 0, NULL);
        else if (ouro_tuple_check(val))
            exc = ouro_object_call(typ, val, NULL);
        else
            exc = ouro_object_vectorcall(typ, &val, 1, NULL);
    } else if (ouro_exception_check(typ)) {
        if (val && val != OURO_NONE)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "instance exception may not have a separate value");
        exc = OURO_NEWREF(typ);
    } else {
        return ouro_err_format(&ouro_exc_TypeError, "exceptions must be classes or instances "
                               "deriving from BaseException, not %s", OURO_TYPE_NAME(typ));
    }
    if (exc && tb && tb != OURO_NONE) {
        OURO_INCREF(tb);
        OURO_SETREF(((OuroBaseException *)exc)->traceback, tb);
    }
    return exc;
}

static OuroObject *gen_throw_impl(OuGen *g, OuroObject *typ, OuroObject *val, OuroObject *tb)
{
    OuroObject *yf = gen_yf(g);
    if (yf) {
        OuroObject *r = NULL;
        if (typ == (OuroObject *)&ouro_exc_GeneratorExit ||
            (ouro_exception_check(typ) && ouro_object_type_check(typ, &ouro_exc_GeneratorExit))) {
            g->gi_state = OU_GEN_RUNNING;
            int err = close_subiter(yf);
            g->gi_state = OU_GEN_SUSPENDED;
            if (err < 0)
                return gen_resume(g, NULL, 1, NULL);
            goto throw_here;
        }
        g->gi_state = OU_GEN_RUNNING;
        if (OURO_IS_TYPE(yf, &ou_generator_type)) {
            r = gen_throw_impl(gen_of(yf), typ, val, tb);
        } else {
            OuroObject *m = ouro_object_getattr_str(yf, "throw");
            if (!m) {
                g->gi_state = OU_GEN_SUSPENDED;
                ouro_err_clear();
                goto throw_here;
            }
            OuroObject *args[3] = { typ, val ? val : OURO_NONE, tb ? tb : OURO_NONE };
            r = ouro_object_vectorcall(m, args, tb ? 3 : val ? 2 : 1, NULL);
            OURO_DECREF(m);
        }
        g->gi_state = OU_GEN_SUSPENDED;
        if (r)
            return r;
        if (!ouro_err_matches(&ouro_exc_StopIteration))
            return gen_resume(g, NULL, 1, NULL);
        /* The sub-iterator finished: its value is the result of the yield from. */
        OuroObject *stop = ouro_err_fetch(), *a = ouro_exception_args(stop);
        OuroObject *value = OURO_TUPLE_SIZE(a) ? OURO_TUPLE_GET(a, 0) : OURO_NONE;
        OuFrame *f = OU_GEN_FRAME(g);
        OuroObject *sub = f->localsplus[f->stacktop - 1];
        f->localsplus[f->stacktop - 1] = OURO_NEWREF(value);
        OURO_DECREF(sub);
        OURO_DECREF(stop);
        uint32_t back = f->next_instr[0];             /* JUMP_BACK to the SEND */
        uint32_t send = f->f_code->co_code[OU_ARG(back)];
        f->next_instr = f->f_code->co_code + OU_ARG(send);
        return gen_resume(g, NULL, 0, NULL);
    }
throw_here:;
    OuroObject *exc = make_thrown(typ, val, tb);
    if (!exc)
        return NULL;
    ouro_err_restore(exc);
    if (g->gi_state == OU_GEN_COMPLETED)
        return NULL;
    return gen_resume(g, NULL, 1, NULL);
}

static OuroObject *gen_throw(OuroObject *o, OuroObject *const *args, ouro_ssize nargs)
{
    if (nargs < 1 || nargs > 3)
        return ouro_err_format(&ouro_exc_TypeError, "throw expected at least 1 argument, got %d",
                               (int)nargs);
    return gen_throw_impl(gen_of(o), args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

static void gen_finalize(OuroObject *o)
{
    OuGen *g = gen_of(o);
    if (g->gi_state != OU_GEN_SUSPENDED)
        return;
    OuroObject *saved = ouro_err_fetch();
    OuroObject *r = gen_close_impl(g);
    if (r) {
        OURO_DECREF(r);
    } else {
        /* An unraisable exception, reported as CPython does (with its traceback). */
        ouro_err_write_unraisable(o);
    }
    ouro_err_restore(saved);
}

static int gen_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuGen *g = gen_of(o);
    if (g->gi_exc && visit(g->gi_exc, arg))
        return 1;
    if (g->gi_state == OU_GEN_COMPLETED || g->gi_state == OU_GEN_RUNNING)
        return 0;
    OuFrame *f = OU_GEN_FRAME(g);
    if (f->f_func && visit(f->f_func, arg))
        return 1;
    if (f->frame_obj && visit(f->frame_obj, arg))
        return 1;
    for (int32_t i = 0; i < f->stacktop; i++)
        if (f->localsplus[i] && visit(f->localsplus[i], arg))
            return 1;
    return 0;
}

static int gen_tp_clear(OuroObject *o)
{
    OuGen *g = gen_of(o);
    OURO_CLEAR(g->gi_exc);
    if (g->gi_state == OU_GEN_CREATED || g->gi_state == OU_GEN_SUSPENDED) {
        g->gi_state = OU_GEN_COMPLETED;
        ou_frame_clear(OU_GEN_FRAME(g));
    }
    return 0;
}

static void gen_dealloc(OuroObject *o)
{
    OuGen *g = gen_of(o);
    ouro_gc_untrack(o);
    gen_tp_clear(o);
    OURO_CLEAR(g->gi_name);
    OURO_CLEAR(g->gi_qualname);
    ouro_object_free(o);
}

static OuroObject *gen_repr(OuroObject *o)
{
    return ouro_str_from_format("<generator object %U at %p>", gen_of(o)->gi_qualname,
                                (void *)o);
}

static OuroObject *gen_get(OuroObject *o, void *c)
{
    OuGen *g = gen_of(o);
    switch ((int)(intptr_t)c) {
    case 0: return OURO_NEWREF(g->gi_name);
    case 1: return OURO_NEWREF(g->gi_qualname);
    case 2: return OURO_NEWREF(g->gi_state == OU_GEN_RUNNING ? ouro_true : ouro_false);
    case 3: return OURO_NEWREF(OU_GEN_FRAME(g)->f_code);
    case 4: {
        if (g->gi_state == OU_GEN_COMPLETED)
            OURO_RETURN_NONE;
        OuroObject *fo = ou_frame_materialize(OU_GEN_FRAME(g));
        return fo ? OURO_NEWREF(fo) : NULL;
    }
    case 5: {
        OuroObject *yf = gen_yf(g);
        return OURO_NEWREF(yf ? yf : OURO_NONE);
    }
    default:
        return OURO_NEWREF(g->gi_state == OU_GEN_SUSPENDED ? ouro_true : ouro_false);
    }
}

static const OuroGetSetDef gen_getset[] = {
    {"__name__", gen_get, NULL, NULL, (void *)0},
    {"__qualname__", gen_get, NULL, NULL, (void *)1},
    {"gi_running", gen_get, NULL, NULL, (void *)2},
    {"gi_code", gen_get, NULL, NULL, (void *)3},
    {"gi_frame", gen_get, NULL, NULL, (void *)4},
    {"gi_yieldfrom", gen_get, NULL, NULL, (void *)5},
    {"gi_suspended", gen_get, NULL, NULL, (void *)6},
    {NULL, NULL, NULL, NULL, NULL},
};

static const OuroMethodDef gen_methods[] = {
    {"send", OURO_METH(gen_send), OURO_METH_O, NULL},
    {"throw", OURO_METH(gen_throw), OURO_METH_FASTCALL, NULL},
    {"close", OURO_METH(gen_close), OURO_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

OuroType ou_generator_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "generator",
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_HAS_FINALIZE,
    .tp_basicsize = sizeof(OuGen),
    .tp_itemsize = sizeof(OuroObject *),
    .tp_dealloc = gen_dealloc,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_tp_clear,
    .tp_finalize = gen_finalize,
    .tp_repr = gen_repr,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_weaklistoffset = offsetof(OuGen, gi_weakreflist),
};
