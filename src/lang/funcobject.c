/* src/lang/funcobject.c — Python functions: a code object with its globals, defaults and
 * closure. Calls go through tp_vectorcall into the evaluation loop (eval.c). */
#include "eval.h"
#include <string.h>

/* Returns: borrowed dict, or NULL with an exception set. */
OuroObject *ou_builtins_for(OuroObject *globals)
{
    OuroObject *b = ouro_dict_get_item_str(globals, "__builtins__");
    if (b) {
        if (OURO_IS_TYPE(b, &ou_module_type))
            return ou_module_dict(b);
        if (ouro_object_type_check(b, &ouro_dict_type))
            return b;
    }
    if (ouro_err_occurred())
        return NULL;
    OuInterp *in = ou_interp();
    return in ? in->builtins_dict : NULL;
}

/* Returns: new reference, or NULL with an exception. qualname borrowed (NULL: the
 * code's). */
OuroObject *ou_function_new(OuroObject *code, OuroObject *globals, OuroObject *qualname)
{
    OuCode *co = (OuCode *)code;
    OuroObject *builtins = ou_builtins_for(globals);
    if (!builtins)
        return NULL;
    OuFunction *f = (OuFunction *)ouro_object_alloc(&ou_function_type);
    if (!f)
        return NULL;
    f->func_code = OURO_NEWREF(code);
    f->func_globals = OURO_NEWREF(globals);
    f->func_builtins = OURO_NEWREF(builtins);
    f->func_name = OURO_NEWREF(co->co_name);
    f->func_qualname = OURO_NEWREF(qualname ? qualname : co->co_qualname);
    /* The docstring is the first constant of a function whose body starts with one. */
    OuroObject *doc = OURO_NONE;
    if (OURO_TUPLE_SIZE(co->co_consts) > 0 && (co->co_flags & OU_CO_OPTIMIZED)) {
        OuroObject *c0 = OURO_TUPLE_GET(co->co_consts, 0);
        if (ouro_str_check(c0))
            doc = c0;
    }
    f->func_doc = OURO_NEWREF(doc);
    OuroObject *mod = ouro_dict_get_item_str(globals, "__name__");
    if (!mod && ouro_err_occurred()) {
        OURO_DECREF(f);
        return NULL;
    }
    f->func_module = mod ? OURO_NEWREF(mod) : NULL;
    ouro_gc_track((OuroObject *)f);
    return (OuroObject *)f;
}

static int func_clear(OuroObject *o)
{
    OuFunction *f = (OuFunction *)o;
    OURO_CLEAR(f->func_globals);
    OURO_CLEAR(f->func_builtins);
    OURO_CLEAR(f->func_module);
    OURO_CLEAR(f->func_defaults);
    OURO_CLEAR(f->func_kwdefaults);
    OURO_CLEAR(f->func_doc);
    OURO_CLEAR(f->func_dict);
    OURO_CLEAR(f->func_closure);
    OURO_CLEAR(f->func_annotations);
    return 0;
}

static void func_dealloc(OuroObject *o)
{
    OuFunction *f = (OuFunction *)o;
    ouro_gc_untrack(o);
    func_clear(o);
    OURO_CLEAR(f->func_code);
    OURO_CLEAR(f->func_name);
    OURO_CLEAR(f->func_qualname);
    ouro_object_free(o);
}

static int func_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuFunction *f = (OuFunction *)o;
    OuroObject *refs[] = { f->func_code, f->func_globals, f->func_builtins, f->func_module,
                           f->func_defaults, f->func_kwdefaults, f->func_doc, f->func_name,
                           f->func_dict, f->func_closure, f->func_annotations,
                           f->func_qualname };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static OuroObject *func_repr(OuroObject *o)
{
    return ouro_str_from_format("<function %U at %p>", ((OuFunction *)o)->func_qualname,
                                (void *)o);
}

static OuroObject *func_descr_get(OuroObject *func, OuroObject *obj, OuroObject *type)
{
    if (!obj || obj == OURO_NONE)
        return OURO_NEWREF(func);
    return ou_method_new(func, obj);
}

/* ---- attributes: plain fields with their CPython type rules */

static OuroObject *func_get_field(OuroObject *o, void *c)
{
    OuroObject *v = *(OuroObject **)((char *)o + (size_t)c);
    return OURO_NEWREF(v ? v : OURO_NONE);
}

static int func_set_str(OuroObject *o, OuroObject *v, void *c)
{
    const char *what = (size_t)c == offsetof(OuFunction, func_name) ? "__name__" : "__qualname__";
    if (!v || !ouro_str_check(v)) {
        ouro_err_format(&ouro_exc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    OURO_SETREF(*(OuroObject **)((char *)o + (size_t)c), OURO_NEWREF(v));
    return 0;
}

static int func_set_any(OuroObject *o, OuroObject *v, void *c)
{
    OURO_XINCREF(v);
    OURO_SETREF(*(OuroObject **)((char *)o + (size_t)c), v);
    return 0;
}

static int func_set_defaults(OuroObject *o, OuroObject *v, void *c)
{
    if (v == OURO_NONE)
        v = NULL;
    if (v && !ouro_tuple_check(v)) {
        ouro_err_format(&ouro_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    return func_set_any(o, v, c);
}

static int func_set_kwdefaults(OuroObject *o, OuroObject *v, void *c)
{
    if (v == OURO_NONE)
        v = NULL;
    if (v && !ouro_object_type_check(v, &ouro_dict_type)) {
        ouro_err_format(&ouro_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    return func_set_any(o, v, c);
}

static OuroObject *func_get_lazy_dict(OuroObject *o, void *c)
{
    OuroObject **slot = (OuroObject **)((char *)o + (size_t)c);
    if (!*slot && !(*slot = ouro_dict_new()))
        return NULL;
    return OURO_NEWREF(*slot);
}

static int func_set_dict(OuroObject *o, OuroObject *v, void *c)
{
    if (!v || !ouro_object_type_check(v, &ouro_dict_type)) {
        ouro_err_format(&ouro_exc_TypeError, (size_t)c == offsetof(OuFunction, func_dict)
                        ? "setting function's dictionary to a non-dict"
                        : "__annotations__ must be set to a dict object");
        return -1;
    }
    return func_set_any(o, v, c);
}

static int func_set_code(OuroObject *o, OuroObject *v, void *c)
{
    if (!v || !OURO_IS_TYPE(v, &ou_code_type)) {
        ouro_err_format(&ouro_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    OuFunction *f = (OuFunction *)o;
    int32_t nfree = ((OuCode *)v)->co_nfreevars;
    int32_t nclosure = f->func_closure ? (int32_t)OURO_TUPLE_SIZE(f->func_closure) : 0;
    if (nfree != nclosure) {
        ouro_err_format(&ouro_exc_ValueError,
                        "%U() requires a code object with %d free vars, not %d",
                        f->func_name, (int)nclosure, (int)nfree);
        return -1;
    }
    return func_set_any(o, v, c);
}

#define FOFF(f) ((void *)offsetof(OuFunction, f))
static const OuroGetSetDef func_getset[] = {
    {"__code__", func_get_field, func_set_code, NULL, FOFF(func_code)},
    {"__defaults__", func_get_field, func_set_defaults, NULL, FOFF(func_defaults)},
    {"__kwdefaults__", func_get_field, func_set_kwdefaults, NULL, FOFF(func_kwdefaults)},
    {"__annotations__", func_get_lazy_dict, func_set_dict, NULL, FOFF(func_annotations)},
    {"__dict__", func_get_lazy_dict, func_set_dict, NULL, FOFF(func_dict)},
    {"__name__", func_get_field, func_set_str, NULL, FOFF(func_name)},
    {"__qualname__", func_get_field, func_set_str, NULL, FOFF(func_qualname)},
    {"__doc__", func_get_field, func_set_any, NULL, FOFF(func_doc)},
    {"__module__", func_get_field, func_set_any, NULL, FOFF(func_module)},
    {"__globals__", func_get_field, NULL, NULL, FOFF(func_globals)},
    {"__builtins__", func_get_field, NULL, NULL, FOFF(func_builtins)},
    {"__closure__", func_get_field, NULL, NULL, FOFF(func_closure)},
    {NULL, NULL, NULL, NULL, NULL},
};

static OuroObject *func_call(OuroObject *func, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize n = OURO_TUPLE_SIZE(args), nk = kwargs ? ouro_dict_size(kwargs) : 0;
    OuroObject *small[8], **stack = small, *kwnames = NULL, *r = NULL;
    if (n + nk > 8 && !(stack = ouro_mem_malloc(sizeof(OuroObject *) * (size_t)(n + nk))))
        return ouro_err_no_memory();
    for (ouro_ssize i = 0; i < n; i++)
        stack[i] = OURO_TUPLE_GET(args, i);
    if (nk) {
        if (!(kwnames = ouro_tuple_new(nk)))
            goto done;
        ouro_ssize pos = 0, i = 0;
        OuroObject *k, *v;
        while (ouro_dict_next(kwargs, &pos, &k, &v)) {
            OURO_TUPLE_SET(kwnames, i, OURO_NEWREF(k));
            stack[n + i++] = v;
        }
    }
    r = ou_function_vectorcall(func, stack, (size_t)n, kwnames);
done:
    OURO_XDECREF(kwnames);
    if (stack != small)
        ouro_mem_free(stack);
    return r;
}

OuroType ou_function_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "function",
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_METHOD_DESCRIPTOR,
    .tp_basicsize = sizeof(OuFunction),
    .tp_dealloc = func_dealloc,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_repr = func_repr,
    .tp_call = func_call,
    .tp_vectorcall = ou_function_vectorcall,
    .tp_descr_get = func_descr_get,
    .tp_getset = func_getset,
    .tp_dictoffset = offsetof(OuFunction, func_dict),
    .tp_weaklistoffset = offsetof(OuFunction, func_weakreflist),
};
