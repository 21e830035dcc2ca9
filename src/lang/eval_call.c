/* src/lang/eval_call.c — calling Python functions: the per-thread data stack of frames,
 * argument binding with CPython's messages, the function vectorcall, exec of module code
 * and the introspection entry points of lang.h. The loop itself is eval.c. */
#include "eval.h"
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ data stack -- */

#define OU_CHUNK_BYTES (64 * 1024)

/* Returns: the frame's memory (uninitialised), or NULL with MemoryError. Frames are
 * carved from chunks; a chunk is freed when its last frame pops, so an idle thread
 * holds none. System memory: the chunks are not objects. */
OuFrame *ou_frame_push(struct OuroThreadState *ts, OuCode *code)
{
    size_t slots = OU_FRAME_SLOTS(code);
    if (ts->datastack_top && ts->datastack_top + slots <= ts->datastack_limit) {
        OuFrame *f = (OuFrame *)ts->datastack_top;
        ts->datastack_top += slots;
        return f;
    }
    size_t bytes = sizeof(OuStackChunk) + slots * sizeof(OuroObject *);
    if (bytes < OU_CHUNK_BYTES)
        bytes = OU_CHUNK_BYTES;
    OuStackChunk *c = malloc(bytes);
    if (!c) {
        ouro_err_no_memory();
        return NULL;
    }
    c->previous = ts->datastack_chunk;
    c->size = bytes;
    c->top_saved = ts->datastack_top;
    ts->datastack_chunk = c;
    ts->datastack_limit = (OuroObject **)((char *)c + bytes);
    ts->datastack_top = c->data + slots;
    return (OuFrame *)c->data;
}

/* Never fails. f must be the last frame pushed. */
void ou_frame_pop(struct OuroThreadState *ts, OuFrame *f)
{
    OuStackChunk *c = ts->datastack_chunk;
    if ((OuroObject **)f == c->data) {
        ts->datastack_chunk = c->previous;
        ts->datastack_top = c->top_saved;
        ts->datastack_limit = c->previous
            ? (OuroObject **)((char *)c->previous + c->previous->size) : NULL;
        free(c);
        return;
    }
    ts->datastack_top = (OuroObject **)f;
}

/* Never fails. Takes a new reference to func and to locals. */
void ou_frame_init(OuFrame *f, OuFunction *func, OuroObject *locals)
{
    OuCode *co = (OuCode *)func->func_code;
    OURO_INCREF(func);
    OURO_XINCREF(locals);
    ou_frame_init_header(f, func, co, locals);
    memset(f->localsplus, 0, sizeof(OuroObject *) * (size_t)co->co_nlocalsplus);
}

/* ----------------------------------------------------------- argument binding -- */

static OuroObject *func_qualname(OuFunction *func) { return func->func_qualname; }

/* "'a', 'b', and 'c'" as CPython's format_missing. */
static OuroObject *join_names(OuroObject *names)
{
    ouro_ssize n = OURO_LIST_SIZE(names);
    OuroObject *s = NULL;
    if (n == 1)
        return ouro_str_from_format("'%U'", OURO_LIST_GET(names, 0));
    if (n == 2)
        return ouro_str_from_format("'%U' and '%U'", OURO_LIST_GET(names, 0),
                                    OURO_LIST_GET(names, 1));
    s = ouro_str_from_cstr("");
    for (ouro_ssize i = 0; s && i < n; i++) {
        OuroObject *part = ouro_str_from_format(i == n - 1 ? "and '%U'" : "'%U', ",
                                                OURO_LIST_GET(names, i));
        OuroObject *t = part ? ouro_str_concat(s, part) : NULL;
        OURO_XDECREF(part);
        OURO_SETREF(s, t);
    }
    return s;
}

static void missing_arguments(OuFunction *func, OuroObject **locals, int32_t start,
                              int32_t end, int32_t defcount, const char *kind)
{
    OuCode *co = (OuCode *)func->func_code;
    OuroObject *names = ouro_list_new(0), *joined = NULL;
    if (!names)
        return;
    for (int32_t i = start; i < end; i++) {
        if (locals[i])
            continue;
        if (kind[0] == 'k' && func->func_kwdefaults) {
            OuroObject *d = ouro_dict_get_item_with_error(
                func->func_kwdefaults, OURO_TUPLE_GET(co->co_localsplusnames, i));
            if (d)
                continue;
        }
        if (kind[0] == 'p' && i >= end - defcount)
            continue;
        if (ouro_list_append(names, OURO_TUPLE_GET(co->co_localsplusnames, i)) < 0)
            goto done;
    }
    ouro_ssize n = OURO_LIST_SIZE(names);
    if (!(joined = join_names(names)))
        goto done;
    ouro_err_format(&ouro_exc_TypeError, "%U() missing %d required %s argument%s: %U",
                    func_qualname(func), (int)n, kind, n == 1 ? "" : "s", joined);
done:
    OURO_XDECREF(joined);
    OURO_DECREF(names);
}

static void too_many_positional(OuFunction *func, OuroObject **locals, size_t given,
                                ouro_ssize ndefaults)
{
    OuCode *co = (OuCode *)func->func_code;
    int kwonly_given = 0;
    for (int32_t i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++)
        if (locals[i])
            kwonly_given++;
    OuroObject *sig, *kw = NULL;
    int32_t argc = co->co_argcount;
    if (ndefaults)
        sig = ouro_str_from_format("from %d to %d positional arguments",
                                   (int)(argc - ndefaults), (int)argc);
    else
        sig = ouro_str_from_format("%d positional argument%s", (int)argc, argc == 1 ? "" : "s");
    if (!sig)
        return;
    if (kwonly_given)
        kw = ouro_str_from_format(" positional argument%s (and %d keyword-only argument%s)",
                                  given != 1 ? "s" : "", kwonly_given,
                                  kwonly_given != 1 ? "s" : "");
    else
        kw = ouro_str_from_cstr("");
    if (kw)
        ouro_err_format(&ouro_exc_TypeError, "%U() takes %U but %d%U %s given",
                        func_qualname(func), sig, (int)given, kw,
                        given == 1 && !kwonly_given ? "was" : "were");
    OURO_DECREF(sig);
    OURO_XDECREF(kw);
}

/* The index of keyword name among the parameters that accept keywords, or -1. */
static int32_t find_keyword(OuCode *co, OuroObject *name, int32_t from, int32_t total)
{
    OuroObject **names = OURO_TUPLE_ITEMS(co->co_localsplusnames);
    for (int32_t j = from; j < total; j++)
        if (names[j] == name)
            return j;
    for (int32_t j = from; j < total; j++)
        if (ouro_str_equal(names[j], name))
            return j;
    return -1;
}

static int posonly_as_keyword(OuFunction *func, OuroObject *kwnames)
{
    OuCode *co = (OuCode *)func->func_code;
    OuroObject *names = ouro_list_new(0), *joined = NULL;
    int found = 1;                /* on error: do not raise another one */
    if (!names)
        return -1;
    for (int32_t j = 0; j < co->co_posonlyargcount; j++) {
        OuroObject *pn = OURO_TUPLE_GET(co->co_localsplusnames, j);
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(kwnames); i++)
            if (ouro_str_equal(pn, OURO_TUPLE_GET(kwnames, i)) &&
                ouro_list_append(names, pn) < 0)
                goto done;
    }
    found = OURO_LIST_SIZE(names) != 0;
    if (found && (joined = join_names(names)))
        ouro_err_format(&ouro_exc_TypeError, "%U() got some positional-only arguments "
                        "passed as keyword arguments: %U", func_qualname(func), joined);
done:
    OURO_XDECREF(joined);
    OURO_DECREF(names);
    return found;
}

static int bind_keywords(OuFrame *f, OuFunction *func, OuroObject *const *kwvals,
                         OuroObject *kwnames, OuroObject *kwdict)
{
    OuCode *co = (OuCode *)func->func_code;
    OuroObject **locals = f->localsplus;
    int32_t total = co->co_argcount + co->co_kwonlyargcount;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(kwnames); i++) {
        OuroObject *name = OURO_TUPLE_GET(kwnames, i), *v = kwvals[i];
        int32_t j = find_keyword(co, name, co->co_posonlyargcount, total);
        if (j < 0) {
            if (kwdict) {
                if (ouro_dict_set_item(kwdict, name, v) < 0)
                    return -1;
                continue;
            }
            if (posonly_as_keyword(func, kwnames) == 0)
                ouro_err_format(&ouro_exc_TypeError,
                                "%U() got an unexpected keyword argument '%U'",
                                func_qualname(func), name);
            return -1;
        }
        if (locals[j]) {
            ouro_err_format(&ouro_exc_TypeError, "%U() got multiple values for argument '%U'",
                            func_qualname(func), name);
            return -1;
        }
        locals[j] = OURO_NEWREF(v);
    }
    return 0;
}

static int bind_defaults(OuFrame *f, OuFunction *func, size_t nargs)
{
    OuCode *co = (OuCode *)func->func_code;
    OuroObject **locals = f->localsplus;
    ouro_ssize ndef = func->func_defaults ? OURO_TUPLE_SIZE(func->func_defaults) : 0;
    int32_t argc = co->co_argcount, total = argc + co->co_kwonlyargcount;
    if ((int32_t)nargs < argc) {
        int32_t m = argc - (int32_t)ndef;
        for (int32_t i = (int32_t)nargs; i < m; i++) {
            if (!locals[i]) {
                missing_arguments(func, locals, 0, argc, (int32_t)ndef, "positional");
                return -1;
            }
        }
        for (int32_t i = m > (int32_t)nargs ? m : (int32_t)nargs; i < argc; i++)
            if (!locals[i])
                locals[i] = OURO_NEWREF(OURO_TUPLE_GET(func->func_defaults, i - m));
    }
    for (int32_t i = argc; i < total; i++) {
        if (locals[i])
            continue;
        OuroObject *d = func->func_kwdefaults ? ouro_dict_get_item_with_error(
            func->func_kwdefaults, OURO_TUPLE_GET(co->co_localsplusnames, i)) : NULL;
        if (!d) {
            if (!ouro_err_occurred())
                missing_arguments(func, locals, argc, total, 0, "keyword-only");
            return -1;
        }
        locals[i] = OURO_NEWREF(d);
    }
    return 0;
}

int ou_frame_bind_args(OuFrame *f, OuFunction *func, OuroObject *const *args, size_t nargs,
                       OuroObject *kwnames)
{
    OuCode *co = (OuCode *)func->func_code;
    OuroObject **locals = f->localsplus, *kwdict = NULL;
    int32_t argc = co->co_argcount, total = argc + co->co_kwonlyargcount;
    int has_var = (co->co_flags & OU_CO_VARARGS) != 0;
    if (co->co_flags & OU_CO_VARKEYWORDS) {
        if (!(kwdict = ouro_dict_new()))
            return -1;
        locals[total + has_var] = kwdict;
    }
    size_t n = nargs < (size_t)argc ? nargs : (size_t)argc;
    for (size_t i = 0; i < n; i++)
        locals[i] = OURO_NEWREF(args[i]);
    if (has_var) {
        OuroObject *rest = ouro_tuple_from_array(args + n, (ouro_ssize)(nargs - n));
        if (!rest)
            return -1;
        locals[total] = rest;
    }
    if (kwnames && bind_keywords(f, func, args + nargs, kwnames, kwdict) < 0)
        return -1;
    if (!has_var && nargs > (size_t)argc) {
        too_many_positional(func, locals, nargs,
                            func->func_defaults ? OURO_TUPLE_SIZE(func->func_defaults) : 0);
        return -1;
    }
    return bind_defaults(f, func, nargs);
}

/* ------------------------------------------------------------------- entries -- */

/* Runs func's code in a fresh frame on the data stack (entered from C). */
static OuroObject *run_function(OuFunction *func, OuroObject *locals, OuroObject *const *args,
                                size_t nargs, OuroObject *kwnames)
{
    struct OuroThreadState *ts = ou_tstate();
    OuCode *co = (OuCode *)func->func_code;
    OuFrame *f = ou_frame_push(ts, co);
    if (!f)
        return NULL;
    ou_frame_init(f, func, locals);
    if (ou_frame_bind_args(f, func, args, nargs, kwnames) < 0) {
        ou_frame_clear(f);
        ou_frame_pop(ts, f);
        return NULL;
    }
    f->is_entry = 1;
    return ou_eval_frame(ts, f, 0);
}

/* Returns: new reference, or NULL with an exception set. Borrows everything. */
OuroObject *ou_function_vectorcall(OuroObject *callable, OuroObject *const *args,
                                   size_t nargs, OuroObject *kwnames)
{
    OuFunction *func = (OuFunction *)callable;
    if (((OuCode *)func->func_code)->co_flags & OU_CO_GENERATOR)
        return ou_gen_new_from_frame(func, args, nargs, kwnames);
    return run_function(func, NULL, args, nargs, kwnames);
}

OuroObject *ou_eval_code(OuroObject *code, OuroObject *globals, OuroObject *locals)
{
    if (!ouro_dict_get_item_str(globals, "__builtins__")) {
        if (ouro_err_occurred())
            return NULL;
        OuInterp *in = ou_interp();
        if (!in || ouro_dict_set_item_str(globals, "__builtins__", in->builtins) < 0)
            return NULL;
    }
    OuroObject *func = ou_function_new(code, globals, NULL);
    if (!func)
        return NULL;
    OuroObject *r = run_function((OuFunction *)func, locals ? locals : globals, NULL, 0, NULL);
    OURO_DECREF(func);
    return r;
}

OuroObject *ou_eval_class_body(OuroObject *func, OuroObject *ns)
{
    return run_function((OuFunction *)func, ns, NULL, 0, NULL);
}

OuroObject *ou_eval_current_frame(void)
{
    struct OuroThreadState *ts = ou_tstate();
    if (!ts->current_frame)
        return NULL;
    return ou_frame_materialize(ts->current_frame);
}

OuroObject *ou_eval_globals(void)
{
    OuFrame *f = ou_tstate()->current_frame;
    return f ? f->f_globals : NULL;
}

OuroObject *ou_eval_locals(void)
{
    OuFrame *f = ou_tstate()->current_frame;
    if (!f)
        return ouro_err_format(&ouro_exc_SystemError, "frame does not exist");
    return ou_frame_locals_of(f);
}

int ou_eval_super_args(OuroType **type, OuroObject **self)
{
    OuFrame *f = ou_tstate()->current_frame;
    if (!f) {
        ouro_err_format(&ouro_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    OuCode *co = f->f_code;
    if (co->co_argcount == 0) {
        ouro_err_format(&ouro_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    OuroObject *first = f->localsplus[0];
    /* The first argument may have been moved into a cell (it is captured). */
    if (first && (co->co_kinds[0] & OU_KIND_CELL) && OURO_IS_TYPE(first, &ou_cell_type))
        first = ((OuCell *)first)->ob_ref;
    if (!first) {
        ouro_err_format(&ouro_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int32_t i = co->co_nlocals; i < co->co_nlocalsplus; i++) {
        if (!(co->co_kinds[i] & OU_KIND_FREE) ||
            !ouro_str_equal_cstr(OURO_TUPLE_GET(co->co_localsplusnames, i), "__class__"))
            continue;
        OuroObject *cell = f->localsplus[i];
        OuroObject *cls = cell ? ((OuCell *)cell)->ob_ref : NULL;
        if (!cls) {
            ouro_err_format(&ouro_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!OURO_IS_TYPE(cls, &ouro_type_type) &&
            !ouro_type_is_subtype(OURO_TYPE(cls), &ouro_type_type)) {
            ouro_err_format(&ouro_exc_RuntimeError,
                            "super(): __class__ is not a type (%s)", OURO_TYPE_NAME(cls));
            return -1;
        }
        *type = (OuroType *)cls;
        *self = first;
        return 0;
    }
    ouro_err_format(&ouro_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

OuroObject *ou_eval_exc_info(void)
{
    OuroObject *e = ou_tstate()->exc_info;
    return e == OURO_NONE ? NULL : e;
}
