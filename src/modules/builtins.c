/* src/modules/builtins.c — the core functions of the builtins module (print, len, the
 * attribute functions, iter/next, min/max/sum, the numeric helpers...), with CPython
 * 3.11's behaviour and messages. Functions that need the compiler or the interpreter
 * state are in builtins_eval.c, the iterator types in builtins_iter.c. */
#include "modules.h"
#include <string.h>

/* ------------------------------------------------------------------ helpers -- */

int ou_builtin_check_nargs(const char *name, ouro_ssize nargs, ouro_ssize min, ouro_ssize max)
{
    if (nargs < min) {
        ouro_err_format(&ouro_exc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                        min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (max >= 0 && nargs > max) {
        ouro_err_format(&ouro_exc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                        min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int ou_builtin_no_kwargs(const char *name, OuroObject *kwnames)
{
    if (kwnames && OURO_TUPLE_SIZE(kwnames)) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

int ou_builtin_parse_args(const char *name, OuroObject *const *args, ouro_ssize nargs,
                          OuroObject *kwnames, const char *const *kwlist, ouro_ssize nparams,
                          ouro_ssize nrequired, OuroObject **out)
{
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    for (ouro_ssize i = 0; i < nparams; i++)
        out[i] = i < nargs ? args[i] : NULL;
    if (nargs > nparams) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes at most %zd argument%s (%zd given)",
                        name, nparams, nparams == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (ouro_ssize k = 0; k < nkw; k++) {
        OuroObject *key = OURO_TUPLE_GET(kwnames, k);
        ouro_ssize i = 0;
        while (i < nparams && !(kwlist[i][0] && ouro_str_equal_cstr(key, kwlist[i])))
            i++;
        if (i == nparams) {
            ouro_err_format(&ouro_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                            key, name);
            return -1;
        }
        if (out[i]) {
            ouro_err_format(&ouro_exc_TypeError,
                            "argument for %s() given by name ('%s') and position (%zd)", name,
                            kwlist[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (ouro_ssize i = 0; i < nrequired; i++)
        if (!out[i]) {
            if (kwlist[i][0])
                ouro_err_format(&ouro_exc_TypeError,
                                "%s() missing required argument '%s' (pos %zd)", name,
                                kwlist[i], i + 1);
            else
                ouro_err_format(&ouro_exc_TypeError,
                                "%s() takes at least %zd positional argument%s (%zd given)",
                                name, nrequired, nrequired == 1 ? "" : "s", nargs);
            return -1;
        }
    return 0;
}

/* "len() takes exactly one argument (0 given)": the METH_O message. */
static int one_arg(const char *name, ouro_ssize nargs, OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs(name, kwnames) < 0)
        return -1;
    if (nargs != 1) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes exactly one argument (%zd given)",
                        name, nargs);
        return -1;
    }
    return 0;
}

/* A C method of a static type found in its tp_methods (walking the bases), or NULL. */
static const OuroMethodDef *find_def(OuroType *t, const char *name)
{
    for (; t; t = t->tp_base) {
        if (t->tp_flags & OURO_TPFLAG_HEAPTYPE)
            return NULL;
        for (const OuroMethodDef *d = t->tp_methods; d && d->ml_name; d++)
            if (strcmp(d->ml_name, name) == 0)
                return d;
    }
    return NULL;
}

static OuroObject *call_def(const OuroMethodDef *d, OuroObject *self, OuroObject *const *args,
                            size_t nargs, OuroObject *kwnames)
{
    int f = d->ml_flags & ~(OURO_METH_CLASS | OURO_METH_STATIC);
    if (f != (OURO_METH_FASTCALL | OURO_METH_KEYWORDS) && kwnames && OURO_TUPLE_SIZE(kwnames))
        return ouro_err_format(&ouro_exc_TypeError, "%s() takes no keyword arguments",
                               d->ml_name);
    switch (f) {
    case OURO_METH_NOARGS:
        if (nargs)
            return ouro_err_format(&ouro_exc_TypeError, "%s() takes no arguments (%zu given)",
                                   d->ml_name, nargs);
        return ((ouro_cfunction)(void *)d->ml_meth)(self, NULL);
    case OURO_METH_O:
        if (nargs != 1)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "%s() takes exactly one argument (%zu given)", d->ml_name,
                                   nargs);
        return ((ouro_cfunction)(void *)d->ml_meth)(self, args[0]);
    case OURO_METH_FASTCALL:
        return ((ouro_cfunction_fast)(void *)d->ml_meth)(self, args, (ouro_ssize)nargs);
    default:
        return ((ouro_cfunction_fast_kw)(void *)d->ml_meth)(self, args, (ouro_ssize)nargs,
                                                            kwnames);
    }
}

OuroObject *ou_mod_call_method(OuroObject *obj, const char *name, OuroObject *const *args,
                           size_t nargs, OuroObject *kwnames)
{
    /* Static types: straight to the C method (also works before the type machinery
     * builds their dicts); classes: through attribute lookup. */
    const OuroMethodDef *d = find_def(OURO_TYPE(obj), name);
    if (d)
        return call_def(d, obj, args, nargs, kwnames);
    OuroObject *m = ouro_object_getattr_str(obj, name);
    if (!m)
        return NULL;
    OuroObject *r = ouro_object_vectorcall(m, args, nargs, kwnames);
    OURO_DECREF(m);
    return r;
}

static OuroObject *bool_obj(int v)
{
    return v < 0 ? NULL : OURO_NEWREF(v ? OURO_TRUE : OURO_FALSE);
}

/* -------------------------------------------------------------------- print -- */

/* sep / end: None (default) or a str. */
static int check_sep(const char *what, OuroObject *o, OuroObject **out)
{
    if (!o || o == OURO_NONE)
        return 0;
    if (!ouro_str_check(o)) {
        ouro_err_format(&ouro_exc_TypeError, "%s must be None or a string, not %s", what,
                        OURO_TYPE_NAME(o));
        return -1;
    }
    *out = o;
    return 0;
}

static int print_items(OuroObject *file, OuroObject *const *args, ouro_ssize n,
                       OuroObject *sep, OuroObject *end)
{
    for (ouro_ssize i = 0; i < n; i++) {
        if (i > 0 && ou_file_write_str(file, sep ? sep : ouro_str_intern_cstr(" ")) < 0)
            return -1;
        OuroObject *s = ouro_object_str(args[i]);
        if (!s)
            return -1;
        int rc = ou_file_write_str(file, s);
        OURO_DECREF(s);
        if (rc < 0)
            return -1;
    }
    if (end)
        return ou_file_write_str(file, end);
    OuroObject *nl = ouro_str_from_utf8("\n", 1);
    if (!nl)
        return -1;
    int rc = ou_file_write_str(file, nl);
    OURO_DECREF(nl);
    return rc;
}

static OuroObject *builtin_print(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                 OuroObject *kwnames)
{
    static const char *const kwlist[] = { "sep", "end", "file", "flush" };
    OuroObject *kw[4] = { NULL, NULL, NULL, NULL };
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    for (ouro_ssize k = 0; k < nkw; k++) {
        OuroObject *key = OURO_TUPLE_GET(kwnames, k);
        int i = 0;
        while (i < 4 && !ouro_str_equal_cstr(key, kwlist[i]))
            i++;
        if (i == 4)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "'%U' is an invalid keyword argument for print()", key);
        kw[i] = args[nargs + k];
    }
    OuroObject *sep = NULL, *end = NULL, *file = kw[2];
    if (check_sep("sep", kw[0], &sep) < 0 || check_sep("end", kw[1], &end) < 0)
        return NULL;
    if (!file || file == OURO_NONE) {
        file = ou_sys_get("stdout");
        if (!file) /* as CPython: nothing to print to */
            OURO_RETURN_NONE;
    }
    OURO_INCREF(file); /* a write() may rebind sys.stdout */
    int rc = print_items(file, args, nargs, sep, end);
    int fl = rc < 0 || !kw[3] ? 0 : ouro_object_is_true(kw[3]);
    if (fl > 0) {
        OuroObject *r = ou_mod_call_method(file, "flush", NULL, 0, NULL);
        fl = r ? 0 : -1;
        OURO_XDECREF(r);
    }
    OURO_DECREF(file);
    if (rc < 0 || fl < 0)
        return NULL;
    OURO_RETURN_NONE;
}

/* ------------------------------------------------------------ object basics -- */

static OuroObject *builtin_len(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    if (one_arg("len", nargs, kwnames) < 0)
        return NULL;
    ouro_ssize n = ouro_object_length(args[0]);
    return n < 0 ? NULL : ouro_int_from_ssize(n);
}

static OuroObject *builtin_id(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                              OuroObject *kwnames)
{
    if (one_arg("id", nargs, kwnames) < 0)
        return NULL;
    return ouro_int_from_uint64((uint64_t)(uintptr_t)args[0]);
}

static OuroObject *builtin_hash(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    if (one_arg("hash", nargs, kwnames) < 0)
        return NULL;
    ouro_hash h = ouro_object_hash(args[0]);
    return h == -1 ? NULL : ouro_int_from_int64(h);
}

static OuroObject *builtin_repr(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    if (one_arg("repr", nargs, kwnames) < 0)
        return NULL;
    return ouro_object_repr(args[0]);
}

/* ascii(o): repr with non-ASCII characters escaped as \xhh, \uhhhh, \Uhhhhhhhh. */
static OuroObject *builtin_ascii(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                 OuroObject *kwnames)
{
    if (one_arg("ascii", nargs, kwnames) < 0)
        return NULL;
    return ou_object_ascii(args[0]);
}

static OuroObject *builtin_callable(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                    OuroObject *kwnames)
{
    if (one_arg("callable", nargs, kwnames) < 0)
        return NULL;
    OuroType *t = OURO_TYPE(args[0]);
    return bool_obj(t->tp_call != NULL || t->tp_vectorcall != NULL);
}

static OuroObject *builtin_format(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    static const char *const kwlist[] = { "value", "format_spec" };
    OuroObject *a[2];
    if (ou_builtin_parse_args("format", args, nargs, kwnames, kwlist, 2, 1, a) < 0)
        return NULL;
    if (a[1] && !ouro_str_check(a[1]))
        return ouro_err_format(&ouro_exc_TypeError, "format() argument 2 must be str, not %s",
                               OURO_TYPE_NAME(a[1]));
    return ou_object_format(a[0], a[1]);
}

/* ------------------------------------------------------ isinstance/issubclass -- */
/* The type machinery (typeattr.c) does the work: tuples, __instancecheck__ and
 * __subclasscheck__ on metaclasses, CPython's messages. */

static OuroObject *builtin_isinstance(OuroObject *self, OuroObject *const *args,
                                      ouro_ssize nargs, OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("isinstance", kwnames) < 0 ||
        ou_builtin_check_nargs("isinstance", nargs, 2, 2) < 0)
        return NULL;
    return bool_obj(ou_object_isinstance(args[0], args[1]));
}

static OuroObject *builtin_issubclass(OuroObject *self, OuroObject *const *args,
                                      ouro_ssize nargs, OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("issubclass", kwnames) < 0 ||
        ou_builtin_check_nargs("issubclass", nargs, 2, 2) < 0)
        return NULL;
    return bool_obj(ou_object_issubclass(args[0], args[1]));
}

/* ------------------------------------------------------------- attributes -- */

static int need_name(OuroObject *name)
{
    if (ouro_str_check(name))
        return 0;
    ouro_err_format(&ouro_exc_TypeError, "attribute name must be string, not '%s'",
                    OURO_TYPE_NAME(name));
    return -1;
}

static OuroObject *builtin_getattr(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("getattr", kwnames) < 0 ||
        ou_builtin_check_nargs("getattr", nargs, 2, 3) < 0 || need_name(args[1]) < 0)
        return NULL;
    OuroObject *r = ouro_object_getattr(args[0], args[1]);
    if (!r && nargs == 3 && ouro_err_matches(&ouro_exc_AttributeError)) {
        ouro_err_clear();
        r = OURO_NEWREF(args[2]);
    }
    return r;
}

static OuroObject *builtin_hasattr(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("hasattr", kwnames) < 0 ||
        ou_builtin_check_nargs("hasattr", nargs, 2, 2) < 0 || need_name(args[1]) < 0)
        return NULL;
    OuroObject *r = ouro_object_getattr(args[0], args[1]);
    if (r) {
        OURO_DECREF(r);
        return OURO_NEWREF(OURO_TRUE);
    }
    if (!ouro_err_matches(&ouro_exc_AttributeError))
        return NULL;
    ouro_err_clear();
    return OURO_NEWREF(OURO_FALSE);
}

static OuroObject *builtin_setattr(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("setattr", kwnames) < 0 ||
        ou_builtin_check_nargs("setattr", nargs, 3, 3) < 0)
        return NULL;
    if (ouro_object_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

static OuroObject *builtin_delattr(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("delattr", kwnames) < 0 ||
        ou_builtin_check_nargs("delattr", nargs, 2, 2) < 0)
        return NULL;
    if (ouro_object_setattr(args[0], args[1], NULL) < 0)
        return NULL;
    OURO_RETURN_NONE;
}

/* --------------------------------------------------------------- iteration -- */

static OuroObject *builtin_iter(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("iter", kwnames) < 0 ||
        ou_builtin_check_nargs("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return ouro_object_get_iter(args[0]);
    OuroType *t = OURO_TYPE(args[0]);
    if (!t->tp_call && !t->tp_vectorcall)
        return ouro_err_format(&ouro_exc_TypeError, "iter(v, w): v must be callable");
    return ou_callable_iter_new(args[0], args[1]);
}

static OuroObject *builtin_next(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("next", kwnames) < 0 ||
        ou_builtin_check_nargs("next", nargs, 1, 2) < 0)
        return NULL;
    OuroType *t = OURO_TYPE(args[0]);
    if (!t->tp_iternext)
        return ouro_err_format(&ouro_exc_TypeError, "'%s' object is not an iterator",
                               OURO_TYPE_NAME(args[0]));
    OuroObject *r = t->tp_iternext(args[0]);
    if (r)
        return r;
    if (ouro_err_occurred()) {
        if (nargs < 2 || !ouro_err_matches(&ouro_exc_StopIteration))
            return NULL;
        ouro_err_clear();
    }
    if (nargs == 2)
        return OURO_NEWREF(args[1]);
    ouro_err_set_object(&ouro_exc_StopIteration, NULL);
    return NULL;
}

/* any / all: stops at the first item whose truth is `stop_on`. */
static OuroObject *any_all(const char *name, OuroObject *const *args, ouro_ssize nargs,
                           OuroObject *kwnames, int stop_on)
{
    if (one_arg(name, nargs, kwnames) < 0)
        return NULL;
    OuroObject *it = ouro_object_get_iter(args[0]);
    if (!it)
        return NULL;
    OuroObject *item;
    int found = 0;
    while (!found && (item = ouro_iter_next(it))) {
        int t = ouro_object_is_true(item);
        OURO_DECREF(item);
        if (t < 0) {
            OURO_DECREF(it);
            return NULL;
        }
        found = t == stop_on;
    }
    OURO_DECREF(it);
    if (ouro_err_occurred())
        return NULL;
    return bool_obj(found ? stop_on : !stop_on);
}

static OuroObject *builtin_any(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return any_all("any", args, nargs, kwnames, 1);
}

static OuroObject *builtin_all(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return any_all("all", args, nargs, kwnames, 0);
}

static OuroObject *builtin_sum(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    static const char *const kwlist[] = { "", "start" };
    OuroObject *a[2];
    if (ou_builtin_parse_args("sum", args, nargs, kwnames, kwlist, 2, 1, a) < 0)
        return NULL;
    OuroObject *acc = a[1] ? a[1] : ouro_int_from_int64(0);
    if (a[1]) {
        if (ouro_str_check(acc))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "sum() can't sum strings [use ''.join(seq) instead]");
        if (ouro_bytes_check(acc))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "sum() can't sum bytes [use b''.join(seq) instead]");
        if (ouro_bytearray_check(acc))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "sum() can't sum bytearray [use b''.join(seq) instead]");
        OURO_INCREF(acc);
    }
    OuroObject *it = ouro_object_get_iter(a[0]);
    if (!it) {
        OURO_DECREF(acc);
        return NULL;
    }
    OuroObject *item;
    while (acc && (item = ouro_iter_next(it))) {
        OuroObject *r = ouro_number_add(acc, item);
        OURO_DECREF(item);
        OURO_SETREF(acc, r);
    }
    OURO_DECREF(it);
    if (ouro_err_occurred())
        OURO_CLEAR(acc);
    return acc;
}

/* min / max over args (several) or one iterable, with key= and default=. */
static OuroObject *min_max(const char *name, OuroObject *const *args, ouro_ssize nargs,
                           OuroObject *kwnames, int op)
{
    OuroObject *key = NULL, *dflt = NULL;
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    for (ouro_ssize k = 0; k < nkw; k++) {
        OuroObject *kn = OURO_TUPLE_GET(kwnames, k);
        if (ouro_str_equal_cstr(kn, "key"))
            key = args[nargs + k];
        else if (ouro_str_equal_cstr(kn, "default"))
            dflt = args[nargs + k];
        else
            return ouro_err_format(&ouro_exc_TypeError,
                                   "'%U' is an invalid keyword argument for %s()", kn, name);
    }
    if (nargs == 0)
        return ouro_err_format(&ouro_exc_TypeError, "%s expected at least 1 argument, got 0",
                               name);
    if (nargs > 1 && dflt)
        return ouro_err_format(&ouro_exc_TypeError,
                               "Cannot specify a default for %s() with multiple positional "
                               "arguments", name);
    if (key == OURO_NONE)
        key = NULL;
    OuroObject *seq = nargs == 1 ? args[0] : NULL;
    OuroObject *tup = seq ? NULL : ouro_tuple_from_array(args, nargs);
    if (!seq && !tup)
        return NULL;
    OuroObject *it = ouro_object_get_iter(seq ? seq : tup);
    OURO_XDECREF(tup);
    if (!it)
        return NULL;
    OuroObject *best = NULL, *best_key = NULL, *item;
    while ((item = ouro_iter_next(it))) {
        OuroObject *k = key ? ouro_object_vectorcall(key, &item, 1, NULL) : OURO_NEWREF(item);
        int better = k ? (best ? ouro_object_richcompare_bool(k, best_key, op) : 1) : -1;
        if (better > 0) {
            OURO_SETREF(best, item);
            OURO_SETREF(best_key, k);
            continue;
        }
        OURO_DECREF(item);
        OURO_XDECREF(k);
        if (better < 0)
            break;
    }
    OURO_DECREF(it);
    OURO_XDECREF(best_key);
    if (ouro_err_occurred()) {
        OURO_XDECREF(best);
        return NULL;
    }
    if (!best) {
        if (dflt)
            return OURO_NEWREF(dflt);
        return ouro_err_format(&ouro_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}

static OuroObject *builtin_min(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return min_max("min", args, nargs, kwnames, OURO_LT);
}

static OuroObject *builtin_max(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return min_max("max", args, nargs, kwnames, OURO_GT);
}

static OuroObject *builtin_sorted(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    if (ou_builtin_check_nargs("sorted", nargs, 1, 1) < 0)
        return NULL;
    OuroObject *l = ouro_sequence_list(args[0]);
    if (!l)
        return NULL;
    /* CPython calls the bound list.sort through vectorcall, which counts a recursion
     * level (cfunction_enter_call): so the depth and message match in key recursion. */
    OuroObject *r = NULL;
    if (ou_enter_recursive_call(" while calling a Python object") == 0) {
        r = ou_mod_call_method(l, "sort", args + 1, 0, kwnames);
        ou_leave_recursive_call();
    }
    if (!r) {
        OURO_DECREF(l);
        return NULL;
    }
    OURO_DECREF(r);
    return l;
}

/* ------------------------------------------------------------------ numbers -- */

static OuroObject *builtin_abs(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    if (one_arg("abs", nargs, kwnames) < 0)
        return NULL;
    return ouro_number_absolute(args[0]);
}

static OuroObject *builtin_divmod(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("divmod", kwnames) < 0 ||
        ou_builtin_check_nargs("divmod", nargs, 2, 2) < 0)
        return NULL;
    return ouro_number_divmod(args[0], args[1]);
}

static OuroObject *builtin_pow(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    static const char *const kwlist[] = { "base", "exp", "mod" };
    OuroObject *a[3];
    if (ou_builtin_parse_args("pow", args, nargs, kwnames, kwlist, 3, 2, a) < 0)
        return NULL;
    return ouro_number_power(a[0], a[1], a[2] ? a[2] : OURO_NONE);
}

static OuroObject *builtin_round(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                 OuroObject *kwnames)
{
    static const char *const kwlist[] = { "number", "ndigits" };
    OuroObject *a[2];
    if (ou_builtin_parse_args("round", args, nargs, kwnames, kwlist, 2, 1, a) < 0)
        return NULL;
    bool has_nd = a[1] && a[1] != OURO_NONE;
    OuroObject *r = ou_mod_call_method(a[0], "__round__", a + 1, has_nd ? 1 : 0, NULL);
    if (!r && ouro_err_matches(&ouro_exc_AttributeError) &&
        !find_def(OURO_TYPE(a[0]), "__round__")) {
        ouro_err_clear();
        return ouro_err_format(&ouro_exc_TypeError, "type %s doesn't define __round__ method",
                               OURO_TYPE_NAME(a[0]));
    }
    return r;
}

static OuroObject *to_base(const char *name, OuroObject *const *args, ouro_ssize nargs,
                           OuroObject *kwnames, int base)
{
    if (one_arg(name, nargs, kwnames) < 0)
        return NULL;
    OuroObject *i = ouro_number_index(args[0]);
    if (!i)
        return NULL;
    OuroObject *r = ouro_int_to_base(i, base, true);
    OURO_DECREF(i);
    return r;
}

static OuroObject *builtin_hex(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return to_base("hex", args, nargs, kwnames, 16);
}

static OuroObject *builtin_oct(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return to_base("oct", args, nargs, kwnames, 8);
}

static OuroObject *builtin_bin(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return to_base("bin", args, nargs, kwnames, 2);
}

static OuroObject *builtin_chr(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    if (one_arg("chr", nargs, kwnames) < 0)
        return NULL;
    int ovf = 0;
    OuroObject *i = ouro_number_index(args[0]);
    if (!i)
        return NULL;
    int64_t v = ouro_int_as_int64_and_overflow(i, &ovf);
    OURO_DECREF(i);
    if (ovf)
        return ouro_err_format(&ouro_exc_OverflowError,
                               "Python int too large to convert to C int");
    if (v < 0 || v > 0x10FFFF)
        return ouro_err_format(&ouro_exc_ValueError, "chr() arg not in range(0x110000)");
    return ouro_str_from_codepoint((uint32_t)v);
}

static OuroObject *builtin_ord(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    if (one_arg("ord", nargs, kwnames) < 0)
        return NULL;
    OuroObject *o = args[0];
    ouro_ssize n;
    if (ouro_str_check(o)) {
        n = ouro_str_length(o);
        if (n == 1)
            return ouro_int_from_int64(ouro_str_codepoint_at(o, 0));
    } else if (ouro_bytes_check(o)) {
        n = ouro_bytes_length(o);
        if (n == 1)
            return ouro_int_from_int64((unsigned char)ouro_bytes_data(o)[0]);
    } else if (ouro_bytearray_check(o)) {
        n = ouro_bytearray_length(o);
        if (n == 1)
            return ouro_int_from_int64((unsigned char)ouro_bytearray_data(o)[0]);
    } else {
        return ouro_err_format(&ouro_exc_TypeError,
                               "ord() expected string of length 1, but %s found",
                               OURO_TYPE_NAME(o));
    }
    return ouro_err_format(&ouro_exc_TypeError,
                           "ord() expected a character, but string of length %zd found", n);
}

#define FASTKW (OURO_METH_FASTCALL | OURO_METH_KEYWORDS)
/* OU_METH_COUNTED: the builtins CPython 3.11 has as METH_O or METH_VARARGS (their calls
 * count a recursion level there). Not len: CPython's specialized PRECALL_NO_KW_LEN skips
 * the count once the calling code is warm. */
const OuroMethodDef ou_builtins_core_methods[] = {
    { "print", OURO_METH(builtin_print), FASTKW, "Prints the values to a stream, or to sys.stdout by default." },
    { "len", OURO_METH(builtin_len), FASTKW, "Return the number of items in a container." },
    { "id", OURO_METH(builtin_id), FASTKW | OU_METH_COUNTED, "Return the identity of an object." },
    { "hash", OURO_METH(builtin_hash), FASTKW | OU_METH_COUNTED, "Return the hash value for the given object." },
    { "repr", OURO_METH(builtin_repr), FASTKW | OU_METH_COUNTED, "Return the canonical string representation of the object." },
    { "ascii", OURO_METH(builtin_ascii), FASTKW | OU_METH_COUNTED, "Return an ASCII-only representation of an object." },
    { "callable", OURO_METH(builtin_callable), FASTKW | OU_METH_COUNTED, "Return whether the object is callable." },
    { "format", OURO_METH(builtin_format), FASTKW, "Return value.__format__(format_spec)." },
    { "isinstance", OURO_METH(builtin_isinstance), FASTKW, "Return whether an object is an instance of a class or of a subclass thereof." },
    { "issubclass", OURO_METH(builtin_issubclass), FASTKW, "Return whether 'cls' is derived from another class or is the same class." },
    { "getattr", OURO_METH(builtin_getattr), FASTKW, "Get a named attribute from an object." },
    { "hasattr", OURO_METH(builtin_hasattr), FASTKW, "Return whether the object has an attribute with the given name." },
    { "setattr", OURO_METH(builtin_setattr), FASTKW, "Sets the named attribute on the given object to the specified value." },
    { "delattr", OURO_METH(builtin_delattr), FASTKW, "Deletes the named attribute from the given object." },
    { "iter", OURO_METH(builtin_iter), FASTKW, "Get an iterator from an object." },
    { "next", OURO_METH(builtin_next), FASTKW, "Return the next item from the iterator." },
    { "any", OURO_METH(builtin_any), FASTKW | OU_METH_COUNTED, "Return True if bool(x) is True for any x in the iterable." },
    { "all", OURO_METH(builtin_all), FASTKW | OU_METH_COUNTED, "Return True if bool(x) is True for all values x in the iterable." },
    { "sum", OURO_METH(builtin_sum), FASTKW, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers." },
    { "min", OURO_METH(builtin_min), FASTKW | OU_METH_COUNTED, "With a single iterable argument, return its smallest item." },
    { "max", OURO_METH(builtin_max), FASTKW | OU_METH_COUNTED, "With a single iterable argument, return its biggest item." },
    { "sorted", OURO_METH(builtin_sorted), FASTKW, "Return a new list containing all items from the iterable in ascending order." },
    { "abs", OURO_METH(builtin_abs), FASTKW | OU_METH_COUNTED, "Return the absolute value of the argument." },
    { "divmod", OURO_METH(builtin_divmod), FASTKW, "Return the tuple (x//y, x%y)." },
    { "pow", OURO_METH(builtin_pow), FASTKW, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments." },
    { "round", OURO_METH(builtin_round), FASTKW, "Round a number to a given precision in decimal digits." },
    { "hex", OURO_METH(builtin_hex), FASTKW | OU_METH_COUNTED, "Return the hexadecimal representation of an integer." },
    { "oct", OURO_METH(builtin_oct), FASTKW | OU_METH_COUNTED, "Return the octal representation of an integer." },
    { "bin", OURO_METH(builtin_bin), FASTKW | OU_METH_COUNTED, "Return the binary representation of an integer." },
    { "chr", OURO_METH(builtin_chr), FASTKW | OU_METH_COUNTED, "Return a Unicode string of one character with ordinal i." },
    { "ord", OURO_METH(builtin_ord), FASTKW | OU_METH_COUNTED, "Return the Unicode code point for a one-character string." },
    { NULL, NULL, 0, NULL },
};
