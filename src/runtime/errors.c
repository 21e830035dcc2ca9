/* src/runtime/errors.c — raising and inspecting exceptions. The current exception is one
 * owned instance in the thread state (tstate->curexc); C functions signal failure by
 * returning NULL/-1 with it set. */
#include "runtime.h"
#include <stdio.h>

/* Links exc.__context__ to the exception being handled, as raising inside an except block
 * does, breaking any cycle this would create (CPython's _PyErr_SetObject rule). */
static void chain_context(OuroObject *exc)
{
    OuroObject *handled = ou_tstate()->exc_info;
    if (!handled || handled == exc)
        return;
    OuroBaseException *o = (OuroBaseException *)handled;
    while (o->context) {
        if (o->context == exc) {
            OURO_CLEAR(o->context);
            break;
        }
        o = (OuroBaseException *)o->context;
    }
    ouro_exception_set_context(exc, OURO_NEWREF(handled));
}

OURO_API void ouro_err_restore(OuroObject *exc)
{
    struct OuroThreadState *ts = ou_tstate();
    OURO_SETREF(ts->curexc, exc);
}

OURO_API OuroObject *ouro_err_fetch(void)
{
    struct OuroThreadState *ts = ou_tstate();
    OuroObject *exc = ts->curexc;
    ts->curexc = NULL;
    return exc;
}

OURO_API void ouro_err_clear(void)
{
    ouro_err_restore(NULL);
}

OURO_API void ouro_err_set_object(OuroType *type, OuroObject *value)
{
    OuroObject *exc;
    if (value && ouro_exception_check(value) && ouro_object_type_check(value, type)) {
        exc = OURO_NEWREF(value);
    } else {
        /* value is the single argument, always (unlike PyErr_SetObject, a tuple is not
         * spread): KeyError((1, 2)) stays one key. */
        OuroObject *args = value ? ouro_tuple_pack(1, value) : ouro_tuple_new(0);
        if (!args)
            return; /* MemoryError is set */
        exc = ouro_exception_new(type, args);
        OURO_DECREF(args);
        if (!exc)
            return;
    }
    chain_context(exc);
    ouro_err_restore(exc);
}

OURO_API void ouro_err_set_string(OuroType *type, const char *msg)
{
    OuroObject *s = ouro_str_from_cstr(msg);
    if (!s)
        return;
    ouro_err_set_object(type, s);
    OURO_DECREF(s);
}

OURO_API OuroObject *ouro_err_format(OuroType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    OuroObject *msg = ouro_str_from_vformat(fmt, ap);
    va_end(ap);
    if (msg) {
        ouro_err_set_object(type, msg);
        OURO_DECREF(msg);
    }
    return NULL;
}

OURO_API OuroObject *ouro_err_no_memory(void)
{
    OuroObject *exc = ou_objstate()->memory_error;
    if (!exc)
        ou_fatal("out of memory while starting the runtime");
    /* One reused instance: forget where it was raised last time. */
    OuroBaseException *e = (OuroBaseException *)exc;
    OURO_CLEAR(e->traceback);
    OURO_CLEAR(e->context);
    OURO_CLEAR(e->cause);
    ouro_err_restore(OURO_NEWREF(exc));
    return NULL;
}

OURO_API OuroObject *ouro_err_bad_internal_call(const char *where)
{
    return ouro_err_format(&ouro_exc_SystemError, "%s: bad argument to internal function",
                           where);
}

OURO_API OuroType *ouro_err_occurred(void)
{
    struct OuroThreadState *ts = ou_tstate();
    return ts && ts->curexc ? OURO_TYPE(ts->curexc) : NULL;
}

OURO_API int ouro_err_matches(OuroType *type)
{
    OuroObject *exc = ou_tstate()->curexc;
    return exc && ouro_object_type_check(exc, type);
}

OURO_API void ouro_err_print(void)
{
    OuroObject *exc = ouro_err_fetch();
    if (!exc)
        return;
    OuroObject *s = ouro_object_str(exc);
    if (!s)
        ouro_err_clear();
    fflush(stdout);
    if (s && ouro_str_byte_length(s))
        fprintf(stderr, "%s: %s\n", OURO_TYPE_NAME(exc), ouro_str_utf8(s));
    else
        fprintf(stderr, "%s\n", OURO_TYPE_NAME(exc));
    OURO_XDECREF(s);
    OURO_DECREF(exc);
}

/* ---------------------------------------------------------- unraisable exceptions -- */

void ou_err_print_unraisable(OuroObject *exc, const char *err_msg, OuroObject *obj)
{
    OuroObject *rep = NULL;
    if (obj) {
        rep = ouro_object_repr(obj);
        if (!rep)
            ouro_err_clear();
    }
    fflush(stdout);
    /* CPython's default sys.unraisablehook layout */
    if (obj)
        fprintf(stderr, "%s: %s\n", err_msg ? err_msg : "Exception ignored in",
                rep ? ouro_str_utf8(rep) : "<object repr() failed>");
    else if (err_msg)
        fprintf(stderr, "%s:\n", err_msg);
    OURO_XDECREF(rep);
    OuroRuntime *rt = ouro_runtime_current();
    if (rt && rt->print_exception) {
        rt->print_exception(exc);
        ouro_err_clear(); /* the printer may fail; unraisable means nothing escapes */
    } else {
        ouro_err_restore(OURO_NEWREF(exc));
        ouro_err_print();
    }
    fflush(stderr);
}

static void write_unraisable(const char *msg, OuroObject *obj)
{
    OuroObject *exc = ouro_err_fetch();
    if (!exc)
        return;
    char head[256];
    if (msg)
        snprintf(head, sizeof head, "Exception ignored %s", msg);
    OuroRuntime *rt = ouro_runtime_current();
    /* A sys.unraisablehook set by the program reports it instead (issue 5's hook). */
    if (!(rt && rt->unraisable_hook && rt->unraisable_hook(exc, msg ? head : NULL, obj)))
        ou_err_print_unraisable(exc, msg ? head : NULL, obj);
    OURO_DECREF(exc);
}

OURO_API void ouro_err_write_unraisable(OuroObject *obj)
{
    write_unraisable(NULL, obj);
}

OURO_API void ouro_err_write_unraisable_msg(const char *msg, OuroObject *obj)
{
    write_unraisable(msg, obj);
}
