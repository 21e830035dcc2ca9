/* src/modules/copymodule.c — the `copy` module: copy, deepcopy and Error are Python
 * (copy_py.c), run in the namespace of a module that has one C helper, _heaptype, which
 * the Python half needs to tell a class statement's class from a built-in type (ouro has
 * no object.__reduce_ex__ to say "cannot pickle" for it). Narrative:
 * docs/internals/language.md, "### copy". */
#include "modules.h"
#include <string.h>

/* The Python half of the copy module (copy_py.c). */
extern const char ou_copy_py_source[];

/* _heaptype(cls): True if cls was made at run time (a class statement or type()), False
 * for a built-in type. New reference (an immortal bool), or NULL if cls is not a type. */
static OuroObject *copy_heaptype(OuroObject *self, OuroObject *cls)
{
    if (!(OURO_TYPE(cls)->tp_flags & OURO_TPFLAG_TYPE_SUBCLASS))
        return ouro_err_format(&ouro_exc_TypeError, "_heaptype() argument must be a type");
    return ouro_bool_from_long((((OuroType *)cls)->tp_flags & OURO_TPFLAG_HEAPTYPE) != 0);
}

static const OuroMethodDef copy_functions[] = {
    {"_heaptype", OURO_METH(copy_heaptype), OURO_METH_O,
     "Return True if the class was created at run time."},
    {NULL, NULL, 0, NULL},
};

/* copy: the helper, then the Python half run in the module's namespace. New reference,
 * or NULL. */
OuroObject *ou_copy_create(void)
{
    OuroObject *m = ou_module_from_defs("copy", copy_functions,
                                        "Generic (shallow and deep) copying operations.");
    return ou_module_run_frozen(m, "copy", ou_copy_py_source);
}
