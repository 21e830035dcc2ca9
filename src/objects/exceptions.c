/* src/objects/exceptions.c — BaseException and the built-in exception hierarchy of
 * CPython 3.11. One layout (OuroBaseException) serves every built-in exception; the extra
 * attributes some carry (StopIteration.value, OSError.errno, ...) come with the language
 * layer, read from args. */
#include "objects.h"

static void exc_clear_refs(OuroBaseException *e)
{
    OURO_CLEAR(e->dict);
    OURO_CLEAR(e->args);
    OURO_CLEAR(e->notes);
    OURO_CLEAR(e->traceback);
    OURO_CLEAR(e->context);
    OURO_CLEAR(e->cause);
}

static int exc_clear(OuroObject *o)
{
    exc_clear_refs((OuroBaseException *)o);
    return 0;
}

static void exc_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    exc_clear_refs((OuroBaseException *)o);
    ouro_object_free(o);
}

static int exc_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroBaseException *e = (OuroBaseException *)o;
    OuroObject *refs[] = { e->dict, e->args, e->notes, e->traceback, e->context, e->cause };
    for (size_t i = 0; i < OU_ARRAY_LEN(refs); i++) {
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

OURO_API OuroObject *ouro_exception_new(OuroType *type, OuroObject *args)
{
    OuroBaseException *e = (OuroBaseException *)ouro_object_alloc(type);
    if (!e)
        return NULL;
    e->args = args ? OURO_NEWREF(args) : ouro_tuple_new(0);
    if (!e->args) {
        OURO_DECREF(e);
        return NULL;
    }
    ouro_gc_track((OuroObject *)e);
    return (OuroObject *)e;
}

static OuroObject *exc_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    return ouro_exception_new(type, args);
}

static int exc_init(OuroObject *o, OuroObject *args, OuroObject *kwargs)
{
    OuroBaseException *e = (OuroBaseException *)o;
    if (kwargs && ouro_dict_size(kwargs))
        return ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments",
                               OURO_TYPE_NAME(o)), -1;
    if (args && args != e->args)
        OURO_SETREF(e->args, OURO_NEWREF(args));
    return 0;
}

OURO_API OuroObject *ouro_exception_args(OuroObject *exc)
{
    return ((OuroBaseException *)exc)->args;
}

OURO_API void ouro_exception_set_context(OuroObject *exc, OuroObject *context)
{
    OURO_SETREF(((OuroBaseException *)exc)->context, context);
}

OURO_API void ouro_exception_set_cause(OuroObject *exc, OuroObject *cause)
{
    OuroBaseException *e = (OuroBaseException *)exc;
    OURO_SETREF(e->cause, cause);
    e->suppress_context = 1;
}

/* str(e): "" for no args, str(arg) for one, str(args) for several. */
static OuroObject *exc_str(OuroObject *o)
{
    OuroObject *args = ((OuroBaseException *)o)->args;
    switch (OURO_TUPLE_SIZE(args)) {
    case 0:
        return ouro_str_from_utf8("", 0);
    case 1:
        return ouro_object_str(OURO_TUPLE_GET(args, 0));
    default:
        return ouro_object_str(args);
    }
}

/* KeyError shows the missing key as its repr: str(KeyError('a')) == "'a'". */
static OuroObject *keyerror_str(OuroObject *o)
{
    OuroObject *args = ((OuroBaseException *)o)->args;
    if (OURO_TUPLE_SIZE(args) == 1)
        return ouro_object_repr(OURO_TUPLE_GET(args, 0));
    return exc_str(o);
}

/* repr(e): "Name(arg)" for one argument, "Name" + repr(args) otherwise: ValueError(),
 * ValueError(1, 2). */
static OuroObject *exc_repr(OuroObject *o)
{
    OuroObject *args = ((OuroBaseException *)o)->args;
    const char *name = OURO_TYPE_NAME(o);
    if (OURO_TUPLE_SIZE(args) == 1)
        return ouro_str_from_format("%s(%R)", name, OURO_TUPLE_GET(args, 0));
    if (OURO_TUPLE_SIZE(args) == 0)
        return ouro_str_from_format("%s()", name);
    return ouro_str_from_format("%s%R", name, args);
}

#define OU_EXC_FLAGS (OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE | OURO_TPFLAG_BASE_EXC_SUBCLASS)

/* Every built-in exception: its name and base; the slots come from BaseException (set in
 * ou_exceptions_ready) through ordinary inheritance. */
#define ouro_exc_object ouro_object_type /* BaseException's base */
#define OU_DEFINE_EXC(name, base) \
    OURO_API OuroType ouro_exc_##name = { \
        .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE), \
        .tp_name = #name, \
        .tp_basicsize = sizeof(OuroBaseException), \
        .tp_flags = OU_EXC_FLAGS, \
        .tp_base = &ouro_exc_##base, \
    };
OURO_EXCEPTION_TYPES(OU_DEFINE_EXC)
#undef OU_DEFINE_EXC
#undef ouro_exc_object

static OuroType *const exception_types[] = {
#define OU_EXC_ENTRY(name, base) &ouro_exc_##name,
    OURO_EXCEPTION_TYPES(OU_EXC_ENTRY)
#undef OU_EXC_ENTRY
};

/* Called once per process by typelist.c after the static types are ready. 0 or -1. */
int ou_exceptions_ready(void);
int ou_exceptions_ready(void)
{
    OuroType *b = &ouro_exc_BaseException;
    b->tp_dealloc = exc_dealloc;
    b->tp_traverse = exc_traverse;
    b->tp_clear = exc_clear;
    b->tp_repr = exc_repr;
    b->tp_str = exc_str;
    b->tp_new = exc_new;
    b->tp_init = exc_init;
    b->tp_doc = "Common base class for all exceptions";
    ouro_exc_KeyError.tp_str = keyerror_str;
    for (size_t i = 0; i < OU_ARRAY_LEN(exception_types); i++)
        ou_type_table_add(exception_types[i], (uint32_t)(OU_TID_exc_BaseException + i));
    for (size_t i = 0; i < OU_ARRAY_LEN(exception_types); i++)
        if (ouro_type_ready(exception_types[i]) < 0)
            return -1;
    return 0;
}
