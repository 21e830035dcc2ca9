/* src/modules/atexitmodule.c — atexit: functions to call when the interpreter exits,
 * newest first, after the program (and its non-daemon threads) ended and before the
 * runtime is torn down, as CPython's. The callbacks live in the interpreter state
 * (OuInterp.atexit: a list of (func, args, kwargs) tuples); interp.c runs them. */
#include "modules.h"

/* The interpreter's callback list, made on first use. Borrowed, or NULL with an
 * exception. */
static OuroObject *callbacks(void)
{
    OuInterp *in = ou_interp();
    if (!in)
        return NULL;
    if (!in->atexit)
        in->atexit = ouro_list_new(0);
    return in->atexit;
}

/* register(func, *args, **kwargs) -> func. New reference, or NULL with TypeError. */
static OuroObject *atexit_register(OuroObject *m, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    if (nargs < 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "register() takes at least 1 argument (0 given)");
    OuroType *ft = OURO_TYPE(args[0]);
    if (!ft->tp_call && !ft->tp_vectorcall)
        return ouro_err_format(&ouro_exc_TypeError, "the first argument must be callable");
    OuroObject *list = callbacks();
    if (!list)
        return NULL;
    OuroObject *pos = ouro_tuple_from_array(args + 1, nargs - 1), *kw = NULL, *entry = NULL;
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    if (pos && nkw) {
        kw = ouro_dict_new();
        for (ouro_ssize i = 0; kw && i < nkw; i++)
            if (ouro_dict_set_item(kw, OURO_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                OURO_CLEAR(kw);
    }
    if (pos && (kw || !nkw))
        entry = ouro_tuple_pack(3, args[0], pos, kw ? kw : OURO_NONE);
    int rc = entry ? ouro_list_append(list, entry) : -1;
    OURO_XDECREF(entry);
    OURO_XDECREF(pos);
    OURO_XDECREF(kw);
    return rc < 0 ? NULL : OURO_NEWREF(args[0]);
}

/* unregister(func): removes every registration of func (compared with ==). Returns None,
 * or NULL with an exception from a comparison. */
static OuroObject *atexit_unregister(OuroObject *m, OuroObject *func)
{
    OuroObject *list = callbacks();
    if (!list)
        return NULL;
    for (ouro_ssize i = OURO_LIST_SIZE(list); --i >= 0;) {
        if (i >= OURO_LIST_SIZE(list)) /* a comparison changed the list */
            continue;
        OuroObject *entry = OURO_NEWREF(OURO_LIST_GET(list, i));
        int eq = ouro_object_richcompare_bool(OURO_TUPLE_GET(entry, 0), func, OURO_EQ);
        OURO_DECREF(entry);
        if (eq < 0)
            return NULL;
        if (eq && i < OURO_LIST_SIZE(list) && ouro_list_set_slice(list, i, i + 1, NULL) < 0)
            return NULL;
    }
    OURO_RETURN_NONE;
}

void ou_atexit_run(OuInterp *in)
{
    OuroObject *list = in->atexit;
    if (!list)
        return;
    in->atexit = NULL; /* callbacks registered while these run are not called */
    for (ouro_ssize i = OURO_LIST_SIZE(list); --i >= 0;) {
        if (i >= OURO_LIST_SIZE(list))
            continue;
        OuroObject *entry = OURO_NEWREF(OURO_LIST_GET(list, i));
        OuroObject *func = OURO_TUPLE_GET(entry, 0), *kw = OURO_TUPLE_GET(entry, 2);
        OuroObject *r = ouro_object_call(func, OURO_TUPLE_GET(entry, 1),
                                         kw == OURO_NONE ? NULL : kw);
        if (r)
            OURO_DECREF(r);
        else
            ouro_err_write_unraisable_msg("in atexit callback", func);
        OURO_DECREF(entry);
    }
    OURO_DECREF(list);
}

static OuroObject *atexit_run_exitfuncs(OuroObject *m, OuroObject *unused)
{
    OuInterp *in = ou_interp();
    if (!in)
        return NULL;
    ou_atexit_run(in);
    OURO_RETURN_NONE;
}

static OuroObject *atexit_clear(OuroObject *m, OuroObject *unused)
{
    OuInterp *in = ou_interp();
    if (!in)
        return NULL;
    OURO_CLEAR(in->atexit);
    OURO_RETURN_NONE;
}

static OuroObject *atexit_ncallbacks(OuroObject *m, OuroObject *unused)
{
    OuInterp *in = ou_interp();
    if (!in)
        return NULL;
    return ouro_int_from_ssize(in->atexit ? OURO_LIST_SIZE(in->atexit) : 0);
}

static const OuroMethodDef atexit_functions[] = {
    { "register", OURO_METH(atexit_register), OURO_METH_FASTCALL | OURO_METH_KEYWORDS,
      "Register a function to be executed upon normal program termination." },
    { "unregister", OURO_METH(atexit_unregister), OURO_METH_O,
      "Unregister an exit function which was previously registered using atexit.register." },
    { "_run_exitfuncs", OURO_METH(atexit_run_exitfuncs), OURO_METH_NOARGS,
      "Run all registered exit functions." },
    { "_clear", OURO_METH(atexit_clear), OURO_METH_NOARGS,
      "Clear the list of previously registered exit functions." },
    { "_ncallbacks", OURO_METH(atexit_ncallbacks), OURO_METH_NOARGS,
      "Return the number of registered exit functions." },
    { NULL, NULL, 0, NULL },
};

OuroObject *ou_atexit_create(void)
{
    return ou_module_from_defs("atexit", atexit_functions,
                               "allow programmer to define multiple exit functions to be "
                               "executed upon normal program termination.");
}
