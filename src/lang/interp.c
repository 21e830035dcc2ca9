/* src/lang/interp.c — the interpreter state of a runtime (OuInterp): the builtins and sys
 * modules and sys.modules, built on first use and torn down with the runtime through the
 * hook of runtime.h. Narrative: docs/internals/language.md, "Builtins, modules and the
 * command". */
#include "modules/modules.h"
#include "runtime/runtime.h"
#include <stdlib.h>

/* Sets every value of a module dict to None, then empties it: functions hold their module
 * dict (__globals__) and the dict holds them, a cycle that only this (or the collector)
 * breaks. Names with one leading underscore go first, __builtins__ last, as CPython's
 * _PyModule_ClearDict. */
static void clear_module_dict(OuroObject *d)
{
    for (int pass = 0; pass < 2; pass++) {
        ouro_ssize pos = 0;
        OuroObject *k, *v;
        while (ouro_dict_next(d, &pos, &k, &v)) {
            if (v == OURO_NONE || !ouro_str_check(k))
                continue;
            const char *s = ouro_str_utf8(k);
            bool underscore = s[0] == '_' && s[1] != '_';
            if ((pass == 0) != underscore || ouro_str_equal_cstr(k, "__builtins__"))
                continue;
            /* Replacing a value keeps the dict's layout: the iteration stays valid. */
            OURO_INCREF(k);
            if (ouro_dict_set_item(d, k, OURO_NONE) < 0)
                ouro_err_clear();
            OURO_DECREF(k);
        }
    }
    ouro_dict_clear(d);
}

/* Clears the dict of every module in sys.modules, the later imports first, then sys and
 * builtins, then drops them. */
static void clear_modules(OuInterp *in)
{
    if (!in->modules)
        return;
    OuroObject *mods = ouro_dict_values(in->modules);
    OuroObject *list = mods ? ouro_sequence_list(mods) : NULL;
    OURO_XDECREF(mods);
    if (!list) {
        ouro_err_clear();
        return;
    }
    for (ouro_ssize i = OURO_LIST_SIZE(list) - 1; i >= 0; i--) {
        OuroObject *m = OURO_LIST_GET(list, i);
        if (m == in->builtins || m == in->sys || !OURO_IS_TYPE(m, &ou_module_type))
            continue;
        clear_module_dict(ou_module_dict(m));
    }
    if (in->main_module)
        clear_module_dict(ou_module_dict(in->main_module));
    OURO_DECREF(list);
    ouro_dict_clear(in->modules);
    if (in->sys_dict)
        clear_module_dict(in->sys_dict);
    if (in->builtins_dict)
        clear_module_dict(in->builtins_dict);
}

void ou_interp_run_exit_handlers(void)
{
    OuroRuntime *rt = ouro_runtime_current();
    OuInterp *in = rt ? rt->lang : NULL;
    if (!in || in->exit_handlers_done)
        return;
    in->exit_handlers_done = true;
    OuroObject *pending = ouro_err_fetch(); /* the handlers run independent of it */
    /* atexit's callbacks, newest first (weakref.finalize registers its exit function
     * there, as in CPython) */
    ou_atexit_run(in);
    ouro_err_restore(pending);
}

static void interp_fini(OuroRuntime *rt)
{
    OuInterp *in = rt->lang;
    if (!in)
        return;
    OuroObject *pending = ouro_err_fetch(); /* keep teardown independent of it */
    OURO_XDECREF(pending);
    ou_interp_run_exit_handlers(); /* if the embedder did not run them before */
    OURO_CLEAR(in->atexit);   /* callbacks registered by the handlers themselves */
    ou_sys_flush_std();
    clear_modules(in);
    OURO_CLEAR(in->main_module);
    OURO_CLEAR(in->linecache);
    in->sys_dict = NULL;
    in->builtins_dict = NULL;
    OURO_CLEAR(in->sys);
    OURO_CLEAR(in->builtins);
    OURO_CLEAR(in->modules);
    for (struct OuroThreadState *ts = rt->tstates; ts; ts = ts->next_tstate) {
        OURO_CLEAR(ts->curexc);
        OURO_CLEAR(ts->exc_info);
    }
    rt->lang = NULL;
    rt->lang_fini = NULL;
    rt->print_exception = NULL; /* issue 5 */
    rt->unraisable_hook = NULL;
    free(in);
}

OuInterp *ou_interp(void)
{
    OuroRuntime *rt = ouro_runtime_current();
    if (rt->lang)
        return rt->lang;
    OuInterp *in = calloc(1, sizeof(*in));
    if (!in) {
        ouro_err_no_memory();
        return NULL;
    }
    /* Installed first so that a failure half-way is torn down by the same code. */
    rt->lang = in;
    rt->lang_fini = interp_fini;
    rt->print_exception = ou_print_exception_alone; /* unraisable reports (issue 5) */
    rt->unraisable_hook = ou_sys_unraisable_hook;   /* a program's sys.unraisablehook */
    if (!(in->modules = ouro_dict_new()) || !(in->builtins = ou_builtins_create()))
        goto fail;
    in->builtins_dict = ou_module_dict(in->builtins);
    if (!(in->sys = ou_sys_create(in)))
        goto fail;
    in->sys_dict = ou_module_dict(in->sys);
    if (ouro_dict_set_item_str(in->modules, "builtins", in->builtins) < 0 ||
        ouro_dict_set_item_str(in->modules, "sys", in->sys) < 0)
        goto fail;
    return in;
fail:;
    OuroObject *exc = ouro_err_fetch();
    interp_fini(rt);
    ouro_err_restore(exc);
    return NULL;
}
