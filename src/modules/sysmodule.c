/* src/modules/sysmodule.c — the sys module: argv, path, modules, the standard streams,
 * version information, recursion limit, reference counts and sizes, the display and
 * exception hooks. version_info, int_info, float_info and flags are plain tuples (no
 * struct sequences yet: docs/internals/language.md). */
#include "modules.h"
#include "runtime/runtime.h"
#include "runtime/gil.h" /* sys.get/setswitchinterval (issue 8) */
#include <limits.h>
#include <float.h>
#include <string.h>
#include <unistd.h>

#define OU_PY_VERSION "3.11.7"

static OuroObject *sys_dict(void)
{
    OuInterp *in = ou_interp();
    return in ? in->sys_dict : NULL;
}

/* sys.exit([status]): raises SystemExit(status). */
static OuroObject *sys_exit(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("exit", nargs, 0, 1) < 0)
        return NULL;
    ouro_err_set_object(&ouro_exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

/* sys._getframe([depth]): the frame object depth calls below the innermost Python frame
 * (issue 4, language-gaps pass). Returns: new reference, or NULL with ValueError "call
 * stack is not deep enough" / TypeError. */
static OuroObject *sys_getframe(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("_getframe", nargs, 0, 1) < 0)
        return NULL;
    ouro_ssize depth = 0;
    if (nargs) {
        if (ouro_float_check(args[0]))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "'float' object cannot be interpreted as an integer");
        depth = ouro_number_as_ssize(args[0], &ouro_exc_OverflowError);
        if (depth == -1 && ouro_err_occurred())
            return NULL;
    }
    OuroObject *f = ou_eval_current_frame();
    if (f)
        OURO_INCREF(f);
    while (f && depth-- > 0) {
        OuroObject *back = ouro_object_getattr_str(f, "f_back");
        OURO_DECREF(f);
        if (!back)
            return NULL;
        if (back == OURO_NONE) {
            OURO_DECREF(back);
            back = NULL;
        }
        f = back;
    }
    if (!f)
        return ouro_err_format(&ouro_exc_ValueError, "call stack is not deep enough");
    return f;
}

static OuroObject *sys_getrecursionlimit(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_int64(ou_tstate()->recursion_limit);
}

static OuroObject *sys_setrecursionlimit(OuroObject *self, OuroObject *arg)
{
    if (ouro_float_check(arg))
        return ouro_err_format(&ouro_exc_TypeError,
                               "'float' object cannot be interpreted as an integer");
    int64_t v = ouro_int_as_int64(arg);
    if (v == -1 && ouro_err_occurred())
        return NULL;
    if (v < 1)
        return ouro_err_format(&ouro_exc_ValueError,
                               "recursion limit must be greater or equal than 1");
    if (v > INT_MAX)
        return ouro_err_format(&ouro_exc_OverflowError, "Python int too large to convert to C int");
    struct OuroThreadState *ts = ou_tstate();
    if (ts->recursion_depth >= v)
        return ouro_err_format(&ouro_exc_RecursionError,
                               "cannot set the recursion limit to %d at the recursion depth "
                               "%d: the limit is too low", (int)v, ts->recursion_depth);
    for (struct OuroThreadState *t = ts->runtime->tstates; t; t = t->next_tstate)
        t->recursion_limit = (int)v;
    OURO_RETURN_NONE;
}

/* The argument's reference count as CPython reports it: the count includes the
 * reference the call itself holds. Immortal objects report a large constant. */
static OuroObject *sys_getrefcount(OuroObject *self, OuroObject *arg)
{
    if (ouro_is_immortal(arg))
        return ouro_int_from_int64(4294967295LL);
    return ouro_int_from_int64((int64_t)arg->ob_refcnt);
}

static OuroObject *sys_getsizeof(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("getsizeof", nargs, 1, 2) < 0)
        return NULL;
    OuroObject *r = ou_mod_call_method(args[0], "__sizeof__", NULL, 0, NULL);
    if (!r) {
        if (!ouro_err_matches(&ouro_exc_AttributeError) && !ouro_err_matches(&ouro_exc_TypeError))
            return nargs == 2 ? (ouro_err_clear(), OURO_NEWREF(args[1])) : NULL;
        ouro_err_clear();
        return ouro_int_from_uint64(ouro_object_footprint(args[0]));
    }
    /* Issue 5: as CPython, __sizeof__ must give an int >= 0, and a GC object's size
     * includes its GC header (8 bytes here, 16 in CPython). */
    ouro_ssize n = ouro_number_as_ssize(r, &ouro_exc_OverflowError);
    OURO_DECREF(r);
    if (n == -1 && ouro_err_occurred()) {
        if (nargs == 2 && ouro_err_matches(&ouro_exc_TypeError)) {
            ouro_err_clear();
            return OURO_NEWREF(args[1]);
        }
        return NULL;
    }
    if (n < 0)
        return ouro_err_format(&ouro_exc_ValueError, "__sizeof__() should return >= 0");
    if (ou_gc_has_head(args[0]))
        n += OU_GC_HEAD_SIZE;
    return ouro_int_from_ssize(n);
}

/* sys._debugmallocstats(): the allocator's size classes, pools and arenas, to stderr, in
 * the spirit of CPython's report (issue 5). Never fails. */
static OuroObject *sys_debugmallocstats(OuroObject *self, OuroObject *unused)
{
    OuroMemStats st;
    ouro_mem_stats(&st);
    fflush(stdout);
    FILE *f = stderr;
    fprintf(f, "Small block threshold = %d, in %u size classes.\n\n", OURO_MEM_SMALL_MAX,
            (unsigned)st.nclasses);
    fprintf(f, "class   size   num pools   blocks in use  avail blocks\n"
               "-----   ----   ---------   -------------  ------------\n");
    for (uint32_t i = 0; i < st.nclasses; i++) {
        const OuroMemClassStats *c = &st.classes[i];
        if (!c->pools && !c->blocks_in_use)
            continue;
        fprintf(f, "%5u %6u %11llu %15llu %13llu\n", (unsigned)i, (unsigned)c->block_size,
                (unsigned long long)c->pools, (unsigned long long)c->blocks_in_use,
                (unsigned long long)c->blocks_free);
    }
    fprintf(f, "\n");
#define LINE(label, v) fprintf(f, "%-40s= %21llu\n", label, (unsigned long long)(v))
    LINE("# arenas allocated total", st.arenas_allocated_total);
    LINE("# arenas reclaimed", st.arenas_released_total);
    LINE("# arenas highwater mark", st.arenas_peak);
    LINE("# arenas allocated current", st.arenas_in_use);
    LINE("# bytes per arena", st.arena_size);
    LINE("# bytes per pool", st.pool_size);
    LINE("# pools in use", st.pools_in_use);
    LINE("# bytes in allocated blocks (small)", st.small_bytes_in_use);
    LINE("# large blocks in use", st.large_blocks_in_use);
    LINE("# bytes in large blocks", st.large_bytes_in_use);
    LINE("# bytes in use", st.bytes_in_use);
    LINE("# bytes in use, peak", st.peak_bytes_in_use);
    LINE("# bytes committed", st.committed_bytes);
    LINE("# allocations total", st.allocs_total);
    LINE("# frees total", st.frees_total);
#undef LINE
    if (st.use_malloc)
        fprintf(f, "(OURO_MALLOC=malloc: blocks come from the system allocator)\n");
    fflush(f);
    OURO_RETURN_NONE;
}

static OuroObject *sys_intern(OuroObject *self, OuroObject *arg)
{
    if (!ouro_str_check_exact(arg))
        return ouro_err_format(&ouro_exc_TypeError, "intern() argument must be str, not %s",
                               OURO_TYPE_NAME(arg));
    OuroObject *s = OURO_NEWREF(arg);
    ouro_str_intern_in_place(&s);
    return s;
}

/* sys.displayhook(value): prints repr(value) to sys.stdout and keeps it as builtins._ */
static OuroObject *sys_displayhook(OuroObject *self, OuroObject *value)
{
    if (value == OURO_NONE)
        OURO_RETURN_NONE;
    OuInterp *in = ou_interp();
    if (!in || ouro_dict_set_item_str(in->builtins_dict, "_", OURO_NONE) < 0)
        return NULL;
    OuroObject *out = ou_sys_get("stdout");
    if (!out)
        return ouro_err_format(&ouro_exc_RuntimeError, "lost sys.stdout");
    OuroObject *r = ouro_object_repr(value);
    OuroObject *nl = ouro_str_intern_cstr("\n");
    int rc = r ? ou_file_write_str(out, r) : -1;
    OURO_XDECREF(r);
    if (rc < 0 || ou_file_write_str(out, nl) < 0 ||
        ouro_dict_set_item_str(in->builtins_dict, "_", value) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *sys_excepthook(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("excepthook", nargs, 3, 3) < 0)
        return NULL;
    ou_print_exception(args[1]);
    OURO_RETURN_NONE;
}

static OuroObject *sys_exception(OuroObject *self, OuroObject *unused)
{
    OuroObject *e = ou_tstate()->exc_info;
    return OURO_NEWREF(e ? e : OURO_NONE);
}

/* Issue 8: the GIL's switch interval, validated as CPython's. */
static OuroObject *sys_getswitchinterval(OuroObject *self, OuroObject *unused)
{
    return ouro_float_from_double(ou_gil_get_interval(ouro_runtime_current()));
}

static OuroObject *sys_setswitchinterval(OuroObject *self, OuroObject *arg)
{
    if (!ouro_float_check(arg) && !ouro_int_check(arg))
        return ouro_err_format(&ouro_exc_TypeError, "must be real number, not %s",
                               OURO_TYPE(arg)->tp_name);
    double v = ouro_float_as_double(arg);
    if (v == -1.0 && ouro_err_occurred())
        return NULL;
    if (!(v > 0.0))
        return ouro_err_format(&ouro_exc_ValueError, "switch interval must be strictly positive");
    ou_gil_set_interval(ouro_runtime_current(), v);
    return OURO_NEWREF(OURO_NONE);
}

static OuroObject *sys_exc_info(OuroObject *self, OuroObject *unused)
{
    OuroObject *e = ou_tstate()->exc_info;
    if (!e || e == OURO_NONE)
        return ouro_tuple_pack(3, OURO_NONE, OURO_NONE, OURO_NONE);
    OuroObject *tb = ((OuroBaseException *)e)->traceback;
    return ouro_tuple_pack(3, (OuroObject *)OURO_TYPE(e), e, tb ? tb : OURO_NONE);
}

static OuroObject *sys_get_int_max_str_digits(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_int64(ou_objstate()->int_max_str_digits);
}

static OuroObject *sys_set_int_max_str_digits(OuroObject *self, OuroObject *const *args,
                                              ouro_ssize nargs, OuroObject *kwnames)
{
    static const char *const kwlist[] = { "maxdigits" };
    OuroObject *a[1];
    if (ou_builtin_parse_args("set_int_max_str_digits", args, nargs, kwnames, kwlist, 1, 1, a) < 0)
        return NULL;
    int64_t v = ouro_int_as_int64(a[0]);
    if (v == -1 && ouro_err_occurred())
        return NULL;
    if (v != 0 && v < 640)
        return ouro_err_format(&ouro_exc_ValueError, "maxdigits must be 0 or larger than 640");
    ou_objstate()->int_max_str_digits = v;
    OURO_RETURN_NONE;
}

static OuroObject *sys_utf8(OuroObject *self, OuroObject *unused)
{
    return ouro_str_from_cstr("utf-8");
}

/* sys.unraisablehook(unraisable): the default report of an exception that could not be
 * raised (__del__, weakref callbacks, ...). Returns None, or NULL with TypeError. */
static OuroObject *sys_unraisablehook(OuroObject *self, OuroObject *arg)
{
    if (!OURO_IS_TYPE(arg, &ou_unraisable_args_type))
        return ouro_err_format(&ouro_exc_TypeError,
                               "sys.unraisablehook argument type must be UnraisableHookArgs");
    OuroObject *exc = OURO_TUPLE_GET(arg, 1), *msg = OURO_TUPLE_GET(arg, 3);
    OuroObject *obj = OURO_TUPLE_GET(arg, 4);
    if (msg != OURO_NONE && !ouro_str_check(msg))
        return ouro_err_format(&ouro_exc_TypeError, "err_msg must be str, not %s",
                               OURO_TYPE_NAME(msg));
    if (exc == OURO_NONE) { /* only a type: CPython prints its name */
        OuroObject *t = OURO_TUPLE_GET(arg, 0);
        exc = t != OURO_NONE ? ouro_object_vectorcall(t, NULL, 0, NULL) : NULL;
        if (!exc)
            ouro_err_clear();
        else {
            ou_err_print_unraisable(exc, msg == OURO_NONE ? NULL : ouro_str_utf8(msg),
                                    obj == OURO_NONE ? NULL : obj);
            OURO_DECREF(exc);
        }
        OURO_RETURN_NONE;
    }
    ou_err_print_unraisable(exc, msg == OURO_NONE ? NULL : ouro_str_utf8(msg),
                            obj == OURO_NONE ? NULL : obj);
    OURO_RETURN_NONE;
}

int ou_sys_unraisable_hook(OuroObject *exc, const char *err_msg, OuroObject *obj)
{
    OuroObject *hook = ou_sys_get("unraisablehook");
    if (!hook || hook == OURO_NONE || hook == ou_sys_get("__unraisablehook__"))
        return 0;
    OuroObject *tb = ((OuroBaseException *)exc)->traceback;
    OuroObject *msg = err_msg ? ouro_str_from_cstr(err_msg) : OURO_NEWREF(OURO_NONE);
    OuroObject *items = msg ? ouro_tuple_pack(5, (OuroObject *)OURO_TYPE(exc), exc,
                                              tb ? tb : OURO_NONE, msg,
                                              obj ? obj : OURO_NONE) : NULL;
    OuroObject *args = items ? ou_structseq_new(&ou_unraisable_args_type, items) : NULL;
    OURO_XDECREF(items);
    OURO_XDECREF(msg);
    OURO_INCREF(hook); /* the hook may replace sys.unraisablehook */
    OuroObject *r = args ? ouro_object_vectorcall(hook, &args, 1, NULL) : NULL;
    OURO_XDECREF(args);
    if (r) {
        OURO_DECREF(r);
    } else {
        /* The hook failed: its own exception is reported, the original is dropped, as
         * CPython does. */
        OuroObject *e2 = ouro_err_fetch();
        if (e2) {
            ou_err_print_unraisable(e2, "Exception ignored in sys.unraisablehook", hook);
            OURO_DECREF(e2);
        }
    }
    OURO_DECREF(hook);
    return 1;
}

/* sys.getallocatedblocks(): the allocator's live blocks (objects, and the memory they
 * own), as CPython counts pymalloc's. New reference. */
static OuroObject *sys_getallocatedblocks(OuroObject *self, OuroObject *unused)
{
    OuroMemStats st;
    ouro_mem_stats(&st);
    return ouro_int_from_uint64(st.allocs_total - st.frees_total);
}

/* sys.is_finalizing(): True once the runtime's teardown has begun (__del__ methods and
 * weakref callbacks that run at exit see it). New reference. */
static OuroObject *sys_is_finalizing(OuroObject *self, OuroObject *unused)
{
    return ouro_bool_from_long(ouro_runtime_current()->finalizing);
}

/* sys._clear_type_cache(): drops the method cache (and with it the eval loop's attribute
 * caches, which are valid for one type epoch). Returns None. */
static OuroObject *sys_clear_type_cache(OuroObject *self, OuroObject *unused)
{
    ou_type_cache_clear();
    OURO_RETURN_NONE;
}

/* sys.call_tracing(func, args): func(*args) (CPython's also re-enables tracing inside;
 * ouro has no tracing). New reference, or NULL. */
static OuroObject *sys_call_tracing(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("call_tracing", nargs, 2, 2) < 0)
        return NULL;
    if (!ouro_tuple_check(args[1]))
        return ouro_err_format(&ouro_exc_TypeError,
                               "call_tracing() argument 2 must be tuple, not %s",
                               OURO_TYPE_NAME(args[1]));
    return ouro_object_vectorcall(args[0], OURO_TUPLE_ITEMS(args[1]),
                                  (size_t)OURO_TUPLE_SIZE(args[1]), NULL);
}

static const OuroMethodDef sys_methods[] = {
    { "exit", OURO_METH(sys_exit), OURO_METH_FASTCALL, "Exit the interpreter by raising SystemExit(status)." },
    { "_getframe", OURO_METH(sys_getframe), OURO_METH_FASTCALL, "Return a frame object from the call stack." },
    { "getswitchinterval", OURO_METH(sys_getswitchinterval), OURO_METH_NOARGS, "Return the current thread switch interval; see sys.setswitchinterval()." },
    { "setswitchinterval", OURO_METH(sys_setswitchinterval), OURO_METH_O, "Set the ideal thread switching delay inside the Python interpreter." }, /* issue 8 */
    { "getrecursionlimit", OURO_METH(sys_getrecursionlimit), OURO_METH_NOARGS, "Return the current value of the recursion limit." },
    { "setrecursionlimit", OURO_METH(sys_setrecursionlimit), OURO_METH_O, "Set the maximum depth of the Python interpreter stack to n." },
    { "getrefcount", OURO_METH(sys_getrefcount), OURO_METH_O, "Return the reference count of object." },
    { "getsizeof", OURO_METH(sys_getsizeof), OURO_METH_FASTCALL, "Return the size of object in bytes." },
    { "intern", OURO_METH(sys_intern), OURO_METH_O, "``Intern'' the given string." },
    { "_debugmallocstats", OURO_METH(sys_debugmallocstats), OURO_METH_NOARGS, "Print summary info to stderr about the state of the allocator (issue 5)." },
    { "displayhook", OURO_METH(sys_displayhook), OURO_METH_O, "Print an object to sys.stdout and also save it in builtins._" },
    { "excepthook", OURO_METH(sys_excepthook), OURO_METH_FASTCALL, "Handle an exception by displaying it with a traceback on sys.stderr." },
    { "exception", OURO_METH(sys_exception), OURO_METH_NOARGS, "Return the current exception." },
    { "unraisablehook", OURO_METH(sys_unraisablehook), OURO_METH_O, "Handle an unraisable exception." },
    { "getallocatedblocks", OURO_METH(sys_getallocatedblocks), OURO_METH_NOARGS, "Return the number of memory blocks currently allocated." },
    { "is_finalizing", OURO_METH(sys_is_finalizing), OURO_METH_NOARGS, "Return True if Python is exiting." },
    { "_clear_type_cache", OURO_METH(sys_clear_type_cache), OURO_METH_NOARGS, "Clear the internal type lookup cache." },
    { "call_tracing", OURO_METH(sys_call_tracing), OURO_METH_FASTCALL, "Call func(*args), while tracing is enabled." },
    { "getdefaultencoding", OURO_METH(sys_utf8), OURO_METH_NOARGS, "Return the current default encoding used by the Unicode implementation." },
    { "getfilesystemencoding", OURO_METH(sys_utf8), OURO_METH_NOARGS, "Return the encoding used to convert Unicode filenames to OS filenames." },
    { "exc_info", OURO_METH(sys_exc_info), OURO_METH_NOARGS, "Return current exception information: (type, value, traceback)." },
    { "get_int_max_str_digits", OURO_METH(sys_get_int_max_str_digits), OURO_METH_NOARGS, "Return the maximum string digits limit for non-binary int<->str conversions." },
    { "set_int_max_str_digits", OURO_METH(sys_set_int_max_str_digits), OURO_METH_FASTCALL | OURO_METH_KEYWORDS, "Set the maximum string digits limit for non-binary int<->str conversions." },
    { NULL, NULL, 0, NULL },
};

/* ---------------------------------------------------------------- attributes -- */

/* A struct sequence of type t from a tuple (stolen). */
static OuroObject *structseq(OuroType *t, OuroObject *tuple)
{
    if (!tuple)
        return NULL;
    OuroObject *r = ou_structseq_new(t, tuple);
    OURO_DECREF(tuple);
    return r;
}

static int set_steal(OuroObject *d, const char *name, OuroObject *v)
{
    if (!v)
        return -1;
    int rc = ouro_dict_set_item_str(d, name, v);
    OURO_DECREF(v);
    return rc;
}

/* The C library's threads version ("NPTL 2.36"), or "" (sys.thread_info.version), in
 * buf. Returns buf. */
static const char *pthread_version(char *buf, size_t size)
{
    buf[0] = 0;
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, buf, size);
    if (n == 0 || n > size)
        buf[0] = 0;
#endif
    return buf;
}

/* A tuple from a printf-like list: 'i' int64, 'd' double, 's' C string, 'b' bool. */
static OuroObject *tuple_of(const char *kinds, ...)
{
    va_list ap;
    va_start(ap, kinds);
    ouro_ssize n = (ouro_ssize)strlen(kinds);
    OuroObject *t = ouro_tuple_new(n);
    for (ouro_ssize i = 0; t && i < n; i++) {
        OuroObject *v;
        switch (kinds[i]) {
        case 'i': v = ouro_int_from_int64(va_arg(ap, long long)); break;
        case 'd': v = ouro_float_from_double(va_arg(ap, double)); break;
        case 'b': v = OURO_NEWREF(va_arg(ap, int) ? OURO_TRUE : OURO_FALSE); break;
        default: v = ouro_str_from_cstr(va_arg(ap, const char *)); break;
        }
        if (!v)
            OURO_CLEAR(t);
        else
            OURO_TUPLE_SET(t, i, v);
    }
    va_end(ap);
    return t;
}

static int add_streams(OuroObject *d)
{
    struct { const char *name, *dunder, *fname, *mode; FILE *fp; } s[] = {
        { "stdin", "__stdin__", "<stdin>", "r", stdin },
        { "stdout", "__stdout__", "<stdout>", "w", stdout },
        { "stderr", "__stderr__", "<stderr>", "w", stderr },
    };
    for (int i = 0; i < 3; i++) {
        OuroObject *f = ou_file_from_fp(s[i].fp, s[i].fname, s[i].mode, false);
        if (!f || ouro_dict_set_item_str(d, s[i].name, f) < 0 ||
            ouro_dict_set_item_str(d, s[i].dunder, f) < 0) {
            OURO_XDECREF(f);
            return -1;
        }
        OURO_DECREF(f);
    }
    return 0;
}

/* sys.implementation: a namespace (a module object here) with name, version, cache_tag. */
static OuroObject *make_implementation(void)
{
    OuroObject *name = ouro_str_from_cstr("implementation");
    OuroObject *m = name ? ou_module_new(name) : NULL;
    OURO_XDECREF(name);
    if (!m)
        return NULL;
    OuroObject *d = ou_module_dict(m);
    if (set_steal(d, "name", ouro_str_from_cstr("ouro")) < 0 ||
        set_steal(d, "version", tuple_of("iiisi", (long long)0, (long long)1, (long long)0, "alpha",
                                         (long long)0)) < 0 ||
        ouro_dict_set_item_str(d, "cache_tag", OURO_NONE) < 0 ||
        set_steal(d, "hexversion", ouro_int_from_int64(0x000100a0)) < 0)
        OURO_CLEAR(m);
    return m;
}

static OuroObject *executable_path(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    return ouro_str_from_utf8(n > 0 ? buf : "", n > 0 ? (size_t)n : 0);
}

static int add_attributes(OuroObject *d, OuInterp *in)
{
    char ptv[64];
    OuroObject *path = ouro_list_new(0), *empty = ouro_str_from_cstr("");
    if (!path || !empty || ouro_list_append(path, empty) < 0) {
        OURO_XDECREF(path);
        OURO_XDECREF(empty);
        return -1;
    }
    OURO_DECREF(empty);
    if (set_steal(d, "path", path) < 0 || set_steal(d, "argv", ouro_list_new(0)) < 0 ||
        set_steal(d, "orig_argv", ouro_list_new(0)) < 0 ||
        set_steal(d, "warnoptions", ouro_list_new(0)) < 0 ||
        ouro_dict_set_item_str(d, "modules", in->modules) < 0 ||
        set_steal(d, "version", ouro_str_from_cstr(OU_PY_VERSION " (ouro " OURO_VERSION ")")) < 0 ||
        set_steal(d, "version_info", structseq(&ou_version_info_type, tuple_of("iiisi", (long long)3, (long long)11, (long long)7,
                                              "final", (long long)0))) < 0 ||
        set_steal(d, "hexversion", ouro_int_from_int64(0x030B07F0)) < 0 ||
        set_steal(d, "implementation", make_implementation()) < 0 ||
        set_steal(d, "platform", ouro_str_from_cstr("linux")) < 0 ||
        set_steal(d, "byteorder", ouro_str_from_cstr("little")) < 0 ||
        set_steal(d, "maxsize", ouro_int_from_int64(INT64_MAX)) < 0 ||
        set_steal(d, "maxunicode", ouro_int_from_int64(0x10FFFF)) < 0 ||
        set_steal(d, "executable", executable_path()) < 0 ||
        set_steal(d, "prefix", ouro_str_from_cstr("/usr/local")) < 0 ||
        set_steal(d, "exec_prefix", ouro_str_from_cstr("/usr/local")) < 0 ||
        set_steal(d, "base_prefix", ouro_str_from_cstr("/usr/local")) < 0 ||
        set_steal(d, "base_exec_prefix", ouro_str_from_cstr("/usr/local")) < 0 ||
        set_steal(d, "platlibdir", ouro_str_from_cstr("lib")) < 0 ||
        set_steal(d, "pycache_prefix", OURO_NEWREF(OURO_NONE)) < 0 ||
        set_steal(d, "abiflags", ouro_str_from_cstr("")) < 0 ||
        set_steal(d, "api_version", ouro_int_from_int64(1013)) < 0 ||
        set_steal(d, "float_repr_style", ouro_str_from_cstr("short")) < 0 ||
        /* str/bytes hashes are CPython's: SipHash-1-3 with a 128-bit key (strhash.c) */
        set_steal(d, "hash_info", structseq(&ou_hash_info_type, tuple_of("iiiiisiii", 64LL,
                  (long long)((1ULL << 61) - 1), 314159LL, 0LL, 1000003LL, "siphash13", 64LL,
                  128LL, 0LL))) < 0 ||
        /* locks are a mutex and a condition variable (threadmodule.c) */
        set_steal(d, "thread_info", structseq(&ou_thread_info_type, tuple_of("sss", "pthread",
                  "mutex+cond", pthread_version(ptv, sizeof ptv)))) < 0 ||
        set_steal(d, "copyright", ouro_str_from_cstr("ouro: see README.md")) < 0 ||
        set_steal(d, "dont_write_bytecode", OURO_NEWREF(OURO_TRUE)) < 0 ||
        set_steal(d, "builtin_module_names", ou_import_builtin_names()) < 0 ||
        set_steal(d, "int_info", structseq(&ou_int_info_type, tuple_of("iiii", (long long)30, (long long)4, (long long)4300,
                                          (long long)640))) < 0 ||
        set_steal(d, "float_info", structseq(&ou_float_info_type, tuple_of("diidiiiidii", DBL_MAX, (long long)DBL_MAX_EXP,
                                            (long long)DBL_MAX_10_EXP, DBL_MIN,
                                            (long long)DBL_MIN_EXP, (long long)DBL_MIN_10_EXP,
                                            (long long)DBL_DIG, (long long)DBL_MANT_DIG,
                                            DBL_EPSILON, (long long)2, (long long)1))) < 0 ||
        set_steal(d, "flags", structseq(&ou_flags_type, tuple_of("iiiiiiiiiiiiiiiiii", 0LL, 0LL, 0LL, 0LL, 1LL, 0LL, 0LL,
                                       0LL, 0LL, 0LL, 0LL, 1LL, 0LL, 0LL, 0LL, 0LL, 0LL,
                                       -1LL))) < 0)
        return -1;
    if (add_streams(d) < 0)
        return -1;
    /* The original hooks, as sys.__displayhook__ / __excepthook__. */
    OuroObject *hook = ouro_dict_get_item_str(d, "displayhook");
    OuroObject *ehook = ouro_dict_get_item_str(d, "excepthook");
    OuroObject *uhook = ouro_dict_get_item_str(d, "unraisablehook");
    if ((hook && ouro_dict_set_item_str(d, "__displayhook__", hook) < 0) ||
        (ehook && ouro_dict_set_item_str(d, "__excepthook__", ehook) < 0) ||
        (uhook && ouro_dict_set_item_str(d, "__unraisablehook__", uhook) < 0))
        return -1;
    return 0;
}

OuroObject *ou_sys_create(OuInterp *in)
{
    OuroObject *m = ou_module_from_defs("sys", sys_methods,
                                        "This module provides access to some objects used or "
                                        "maintained by the interpreter.");
    if (m && add_attributes(ou_module_dict(m), in) < 0)
        OURO_CLEAR(m);
    return m;
}

int ou_sys_set_argv(int argc, char **argv, const char *script_dir)
{
    OuroObject *d = sys_dict();
    if (!d)
        return -1;
    OuroObject *l = ouro_list_new(0);
    for (int i = 0; l && i < argc; i++) {
        OuroObject *s = ouro_str_from_cstr(argv[i]);
        if (!s || ouro_list_append(l, s) < 0)
            OURO_CLEAR(l);
        OURO_XDECREF(s);
    }
    if (set_steal(d, "argv", l) < 0)
        return -1;
    OuroObject *path = ouro_dict_get_item_str(d, "path");
    if (path && ouro_list_check(path) && OURO_LIST_SIZE(path) > 0) {
        OuroObject *dir = ouro_str_from_cstr(script_dir ? script_dir : "");
        if (!dir || ouro_list_set_item(path, 0, dir) < 0)
            return -1;
    }
    return 0;
}

const OuroMethodDef *ou_sys_methods(void) { return sys_methods; }
