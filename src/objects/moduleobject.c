/* src/objects/moduleobject.c — module objects: a namespace dict with a name, created by
 * import (the builtins part) or from a table of C functions (built-in modules). */
#include "typeimpl.h"
#include "lang/lang.h"

typedef struct OuModule {
    OuroObject ob_base;
    OuroObject *md_dict;   /* owned, never NULL once initialized */
    int md_builtin;        /* made from C definitions: repr says "(built-in)" */
    OuroObject *md_weaklist; /* weak references (issue 6) */
} OuModule;

#define MOD(o) ((OuModule *)(o))

/* Fills a fresh module dict with CPython's standard entries. 0 or -1. */
static int module_init_dict(OuroObject *d, OuroObject *name, OuroObject *doc)
{
    static const char *const nones[] = { "__package__", "__loader__", "__spec__" };
    if (ouro_dict_set_item_str(d, "__name__", name) < 0 ||
        ouro_dict_set_item_str(d, "__doc__", doc ? doc : OURO_NONE) < 0)
        return -1;
    for (size_t i = 0; i < OU_ARRAY_LEN(nones); i++)
        if (ouro_dict_set_item_str(d, nones[i], OURO_NONE) < 0)
            return -1;
    return 0;
}

static OuroObject *module_alloc(OuroType *t)
{
    OuModule *m = (OuModule *)ouro_object_alloc(t);
    if (!m)
        return NULL;
    if (!(m->md_dict = ouro_dict_new())) {
        OURO_DECREF(m);
        return NULL;
    }
    ouro_gc_track((OuroObject *)m);
    return (OuroObject *)m;
}

OuroObject *ou_module_new(OuroObject *name)
{
    OuroObject *m = module_alloc(&ou_module_type);
    if (m && module_init_dict(MOD(m)->md_dict, name, NULL) < 0)
        OURO_CLEAR(m);
    return m;
}

OuroObject *ou_module_dict(OuroObject *module)
{
    return MOD(module)->md_dict;
}

OuroObject *ou_module_from_defs(const char *name, const OuroMethodDef *defs, const char *doc)
{
    OuroObject *n = ouro_str_from_cstr(name), *m = NULL, *d = NULL;
    if (!n || (doc && !(d = ouro_str_from_cstr(doc))))
        goto done;
    if (!(m = module_alloc(&ou_module_type)))
        goto done;
    MOD(m)->md_builtin = 1;
    if (module_init_dict(MOD(m)->md_dict, n, d) < 0)
        goto fail;
    for (const OuroMethodDef *def = defs; def && def->ml_name; def++) {
        OuroObject *f = ou_cfunction_new(def, m, n);
        int r = f ? ouro_dict_set_item_str(MOD(m)->md_dict, def->ml_name, f) : -1;
        OURO_XDECREF(f);
        if (r < 0)
            goto fail;
    }
    goto done;
fail:
    ouro_dict_clear(MOD(m)->md_dict); /* its functions refer back to the module */
    OURO_CLEAR(m);
done:
    OURO_XDECREF(n);
    OURO_XDECREF(d);
    return m;
}

static int module_clear(OuroObject *o)
{
    OURO_CLEAR(MOD(o)->md_dict);
    return 0;
}

static void module_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    module_clear(o);
    ouro_object_free(o);
}

static int module_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    return MOD(o)->md_dict ? visit(MOD(o)->md_dict, arg) : 0;
}

/* module(name, doc=None) */
static int module_tp_init(OuroObject *self, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize n = OURO_TUPLE_SIZE(args);
    OuroObject *name = n > 0 ? OURO_TUPLE_GET(args, 0) : NULL;
    OuroObject *doc = n > 1 ? OURO_TUPLE_GET(args, 1) : NULL;
    if (kwargs) {
        OuroObject *v;
        if ((v = ouro_dict_get_item_str(kwargs, "name")))
            name = v;
        if ((v = ouro_dict_get_item_str(kwargs, "doc")))
            doc = v;
    }
    if (n > 2) {
        ouro_err_format(&ouro_exc_TypeError, "module() takes at most 2 arguments (%zd given)", n);
        return -1;
    }
    if (!name) {
        ouro_err_set_string(&ouro_exc_TypeError, "module() missing required argument 'name' (pos 1)");
        return -1;
    }
    if (!ouro_str_check(name)) {
        ouro_err_format(&ouro_exc_TypeError, "module() argument 'name' must be str, not %s",
                        OURO_TYPE_NAME(name));
        return -1;
    }
    if (!MOD(self)->md_dict && !(MOD(self)->md_dict = ouro_dict_new()))
        return -1;
    return module_init_dict(MOD(self)->md_dict, name, doc);
}

static OuroObject *module_tp_new(OuroType *t, OuroObject *args, OuroObject *kwargs)
{
    return module_alloc(t);
}

static OuroObject *module_repr(OuroObject *o)
{
    OuroObject *d = MOD(o)->md_dict;
    OuroObject *name = d ? ouro_dict_get_item_str(d, "__name__") : NULL;
    OuroObject *file = d ? ouro_dict_get_item_str(d, "__file__") : NULL;
    if (!name)
        name = OURO_NONE;
    if (file && ouro_str_check(file))
        return ouro_str_from_format("<module %R from %R>", name, file);
    if (MOD(o)->md_builtin)
        return ouro_str_from_format("<module %R (built-in)>", name);
    return ouro_str_from_format("<module %R>", name);
}

/* Attributes come from the dict; a missing one goes to the module's __getattr__ (PEP
 * 562), then "module 'm' has no attribute 'y'". */
static OuroObject *module_getattro(OuroObject *o, OuroObject *name)
{
    OuroObject *r = ou_generic_getattr_ex(o, name, NULL, 1);
    if (r || ouro_err_occurred())
        return r;
    OuroObject *d = MOD(o)->md_dict;
    OuroObject *ga = d ? ouro_dict_get_item_str(d, "__getattr__") : NULL;
    if (ga)
        return ouro_object_vectorcall(ga, &name, 1, NULL);
    OuroObject *mname = d ? ouro_dict_get_item_str(d, "__name__") : NULL;
    if (mname && ouro_str_check(mname))
        return ouro_err_format(&ouro_exc_AttributeError, "module '%U' has no attribute '%U'",
                               mname, name);
    return ouro_err_format(&ouro_exc_AttributeError, "module has no attribute '%U'", name);
}

static OuroObject *module_dir(OuroObject *self, OuroObject *unused)
{
    return ouro_dict_keys(MOD(self)->md_dict);
}

static const OuroMethodDef module_methods[] = {
    { "__dir__", OURO_METH(module_dir), OURO_METH_NOARGS, "Implement dir(module)." },
    { NULL, NULL, 0, NULL },
};

static const OuroMemberDef module_members[] = {
    { "__dict__", OURO_MEMBER_OBJECT, offsetof(OuModule, md_dict), OURO_MEMBER_READONLY, NULL },
    { NULL, 0, 0, 0, NULL },
};

OuroType ou_module_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "module",
    .tp_basicsize = sizeof(OuModule),
    .tp_weaklistoffset = offsetof(OuModule, md_weaklist), /* issue 6 */
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_BASETYPE,
    .tp_dealloc = module_dealloc,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = ouro_object_generic_setattr,
    .tp_init = module_tp_init,
    .tp_new = module_tp_new,
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_dictoffset = offsetof(OuModule, md_dict),
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.",
};
