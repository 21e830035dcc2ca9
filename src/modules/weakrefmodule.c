/* src/modules/weakrefmodule.c — the `_weakref` module (the C core: ref, proxy,
 * getweakrefcount, getweakrefs and the types) and the `weakref` module: the same core
 * plus WeakMethod, WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize, written
 * in Python (weakref_py.c) and run in the module's namespace. Narrative:
 * docs/internals/weakref.md. */
#include "modules.h"
#include "objects/weakrefobject.h"
#include <string.h>

/* The Python half of the weakref module (weakref_py.c). */
extern const char ou_weakref_py_source[];

static OuroObject *wr_getweakrefcount(OuroObject *self, OuroObject *o)
{
    return ouro_int_from_int64(ou_weakref_count(o));
}

/* getweakrefs(o): the list of weak references and proxies to o, in list order. */
static OuroObject *wr_getweakrefs(OuroObject *self, OuroObject *o)
{
    OuroObject **list = ou_weakref_list_of(o);
    OuroObject *res = ouro_list_new(0);
    for (OuWeakRef *r = list && res ? (OuWeakRef *)*list : NULL; r; r = r->wr_next) {
        if (ouro_list_append(res, (OuroObject *)r) < 0) {
            OURO_CLEAR(res);
            break;
        }
    }
    return res;
}

static OuroObject *wr_proxy(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("proxy", nargs, 1, 2) < 0)
        return NULL;
    return ouro_weakref_new_proxy(args[0], nargs > 1 ? args[1] : NULL);
}

/* _remove_dead_weakref(dict, key): deletes dict[key] if it is a dead weakref (the
 * WeakValueDictionary callback's helper, as CPython's). */
static OuroObject *wr_remove_dead(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("_remove_dead_weakref", nargs, 2, 2) < 0)
        return NULL;
    if (!ouro_dict_check(args[0]))
        return ouro_err_format(&ouro_exc_TypeError, "not a dict");
    OuroObject *v = ouro_dict_get_item_with_error(args[0], args[1]);
    if (!v) {
        if (ouro_err_occurred())
            return NULL;
        OURO_RETURN_NONE;
    }
    if (ouro_weakref_check(v) && ((OuWeakRef *)v)->wr_object == NULL &&
        ouro_dict_del_item(args[0], args[1]) < 0) {
        if (!ouro_err_matches(&ouro_exc_KeyError))
            return NULL;
        ouro_err_clear();
    }
    OURO_RETURN_NONE;
}

static const OuroMethodDef weakref_functions[] = {
    {"getweakrefcount", OURO_METH(wr_getweakrefcount), OURO_METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", OURO_METH(wr_getweakrefs), OURO_METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", OURO_METH(wr_proxy), OURO_METH_FASTCALL,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", OURO_METH(wr_remove_dead), OURO_METH_FASTCALL,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

/* The core module named name: functions and types. New reference, or NULL. */
static OuroObject *create_core(const char *name)
{
    OuroObject *m = ou_module_from_defs(name, weakref_functions,
                                        "Weak-reference support module.");
    if (!m)
        return NULL;
    OuroObject *d = ou_module_dict(m);
    static const struct { const char *name; OuroType *t; } types[] = {
        {"ref", &ouro_weakref_type}, {"ReferenceType", &ouro_weakref_type},
        {"ProxyType", &ou_weakproxy_type}, {"CallableProxyType", &ou_weakcallableproxy_type},
    };
    for (size_t i = 0; i < OU_ARRAY_LEN(types); i++)
        if (ouro_dict_set_item_str(d, types[i].name, (OuroObject *)types[i].t) < 0)
            goto fail;
    return m;
fail:
    OURO_DECREF(m);
    return NULL;
}

OuroObject *ou_weakref_core_create(void)
{
    return create_core("_weakref");
}

/* weakref: the core plus the Python half, run in the module's namespace. */
OuroObject *ou_weakref_create(void)
{
    return ou_module_run_frozen(create_core("weakref"), "weakref", ou_weakref_py_source);
}
