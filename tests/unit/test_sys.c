/* tests/unit/test_sys.c — the interpreter state and the sys module from C: creation and
 * teardown without leaks, sys functions through their table, import of built-in and .py
 * modules, running source in __main__, and the uncaught-exception report. */
#include "test.h"
#include "modules/modules.h"
#include "runtime/tstate.h"
#include <stdlib.h>
#include <unistd.h>

static OuroObject *sys_call(const char *name, int n, OuroObject *a0)
{
    const OuroMethodDef *d = ou_sys_methods();
    while (d->ml_name && strcmp(d->ml_name, name) != 0)
        d++;
    if (!d->ml_name)
        return NULL;
    OuroObject *args[1] = { a0 };
    switch (d->ml_flags) {
    case OURO_METH_NOARGS:
        return ((ouro_cfunction)(void *)d->ml_meth)(NULL, NULL);
    case OURO_METH_O:
        return ((ouro_cfunction)(void *)d->ml_meth)(NULL, a0);
    case OURO_METH_FASTCALL:
        return ((ouro_cfunction_fast)(void *)d->ml_meth)(NULL, args, n);
    default:
        return ((ouro_cfunction_fast_kw)(void *)d->ml_meth)(NULL, args, n, NULL);
    }
}

/* The interpreter state is built on demand and torn down by ouro_runtime_free (RUN checks
 * that nothing is left). */
static void test_interp_lifecycle(void)
{
    OuInterp *in = ou_interp();
    CHECK(in != NULL);
    CHECK(ou_interp() == in);
    CHECK(in->builtins && in->sys && in->modules && in->sys_dict && in->builtins_dict);
    CHECK(ouro_dict_get_item_str(in->modules, "builtins") == in->builtins);
    CHECK(ouro_dict_get_item_str(in->modules, "sys") == in->sys);
    CHECK(ouro_dict_get_item_str(in->builtins_dict, "len") != NULL);
    CHECK(ouro_dict_get_item_str(in->builtins_dict, "ValueError") == (OuroObject *)&ouro_exc_ValueError);
    CHECK(ou_sys_get("stdout") != NULL && OURO_IS_TYPE(ou_sys_get("stdout"), &ou_textfile_type));
    CHECK_REPR(ouro_dict_get_item_str(in->sys_dict, "version_info"),
               "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)");
}

static void test_sys_functions(void)
{
    CHECK(ou_interp() != NULL);
    OuroObject *r = sys_call("getrecursionlimit", 0, NULL);
    CHECK_REPR(r, "1000");
    OURO_DECREF(r);
    OuroObject *v = ouro_int_from_int64(50);
    r = sys_call("setrecursionlimit", 1, v);
    CHECK(r == OURO_NONE);
    CHECK_INT(ou_tstate()->recursion_limit, 50);
    OURO_DECREF(v);
    v = ouro_int_from_int64(0);
    CHECK(!sys_call("setrecursionlimit", 1, v));
    CHECK_RAISED(&ouro_exc_ValueError, "recursion limit must be greater or equal than 1");
    OURO_DECREF(v);
    OuroObject *l = ouro_list_new(0);
    r = sys_call("getrefcount", 1, l);
    CHECK_REPR(r, "1"); /* called from C: no caller stack slot holds it */
    OURO_DECREF(r);
    OURO_DECREF(l);
    CHECK(!sys_call("exit", 1, OURO_NONE));
    CHECK_RAISED(&ouro_exc_SystemExit, "None");
    r = sys_call("exc_info", 0, NULL);
    CHECK_REPR(r, "(None, None, None)");
    OURO_DECREF(r);
    v = ouro_int_from_int64(10);
    CHECK(!sys_call("set_int_max_str_digits", 1, v));
    CHECK_RAISED(&ouro_exc_ValueError, "maxdigits must be 0 or larger than 640");
    OURO_DECREF(v);
    OuroObject *s = ouro_str_from_cstr("not yet interned xyz");
    r = sys_call("intern", 1, s);
    CHECK(r && ouro_str_is_interned(r));
    OURO_XDECREF(r);
    OURO_DECREF(s);
    /* displayhook keeps the value as builtins._ */
    v = ouro_int_from_int64(1234567);
    int saved = dup(1);
    FILE *devnull = freopen("/dev/null", "w", stdout);
    r = sys_call("displayhook", 1, v);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    (void)devnull;
    CHECK(r == OURO_NONE);
    CHECK(ouro_dict_get_item_str(ou_interp()->builtins_dict, "_") == v);
    OURO_DECREF(v);
}

static void test_import(void)
{
    OuroObject *name = ouro_str_from_cstr("math");
    OuroObject *m = ou_import_module(name);
    CHECK(m != NULL);
    OuroObject *again = ou_import_module(name);
    CHECK(again == m);
    OURO_XDECREF(again);
    OuroObject *pi = m ? ouro_object_getattr_str(m, "pi") : NULL;
    CHECK_REPR(pi, "3.141592653589793");
    OURO_XDECREF(pi);
    OURO_XDECREF(m);
    OURO_DECREF(name);
    name = ouro_str_from_cstr("gc_not_yet");
    CHECK(!ou_import_module(name));
    CHECK_RAISED(&ouro_exc_ModuleNotFoundError, "No module named 'gc_not_yet'");
    OURO_DECREF(name);
    /* a .py module on sys.path */
    char dir[] = "/tmp/ouro_test_sysXXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[128];
    snprintf(path, sizeof path, "%s/tmod.py", dir);
    FILE *f = fopen(path, "w");
    fputs("X = 41 + 1\ndef g():\n    return X\n", f);
    fclose(f);
    OuroObject *sp = ouro_dict_get_item_str(ou_interp()->sys_dict, "path");
    OuroObject *d = ouro_str_from_cstr(dir);
    ouro_list_insert(sp, 0, d);
    OURO_DECREF(d);
    name = ouro_str_from_cstr("tmod");
    m = ou_import_module(name);
    CHECK(m != NULL);
    OuroObject *g = m ? ouro_object_getattr_str(m, "g") : NULL;
    OuroObject *r = g ? ouro_object_vectorcall(g, NULL, 0, NULL) : NULL;
    CHECK_REPR(r, "42");
    OURO_XDECREF(r);
    OURO_XDECREF(g);
    OURO_XDECREF(m);
    OURO_DECREF(name);
    unlink(path);
    rmdir(dir);
}

static void test_run_source(void)
{
    const char *src = "import sys\nresult = [len(sys.argv), __name__]\n";
    CHECK_INT(ou_run_source(src, strlen(src), "<test>", false), 0);
    OuroObject *mainmod = ou_interp()->main_module;
    CHECK(mainmod != NULL);
    CHECK_REPR(ouro_dict_get_item_str(ou_module_dict(mainmod), "result"), "[0, '__main__']");
    const char *bad = "raise SystemExit(7)\n";
    CHECK_INT(ou_run_source(bad, strlen(bad), "<test>", false), -1);
    CHECK_INT(ou_handle_uncaught(), 7);
    const char *syntax = "x = (\n";
    CHECK_INT(ou_run_source(syntax, strlen(syntax), "<test>", false), -1);
    CHECK(ouro_err_matches(&ouro_exc_SyntaxError));
    ouro_err_clear();
}

/* Allocation failure at every point of building the interpreter state and running a
 * small program: a clean error (or success), and no leak once the runtime is freed. */
static void test_alloc_failures(void)
{
    const char *src = "import math\nx = [math.floor(2.5), '{:>4}'.format(7)]\n";
    int failures = 0, successes = 0;
    for (uint64_t n = 1; n < 3000 && successes < 3; n++) {
        OuroRuntime *rt = ouro_runtime_new();
        if (!rt)
            continue;
        ouro_mem_fail_after(n, 0);
        int ok = ou_interp() != NULL && ou_run_source(src, strlen(src), "<fail>", false) == 0;
        ouro_mem_fail_after(0, 0);
        if (ok)
            successes++;
        else
            ouro_err_clear();
        uint64_t leaked = ouro_runtime_free(rt);
        if (leaked) {
            printf("#   allocation %llu failing: %llu bytes leaked\n", (unsigned long long)n,
                   (unsigned long long)leaked);
            failures++;
        }
    }
    CHECK(successes > 0);
    CHECK_INT(failures, 0);
}

int main(void)
{
    th_begin("sys");
    RUN_BARE(test_alloc_failures);
    RUN(test_interp_lifecycle);
    RUN(test_sys_functions);
    RUN(test_import);
    RUN(test_run_source);
    return th_end();
}
