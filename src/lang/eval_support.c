/* src/lang/eval_support.c — the slower work of the evaluation loop's instructions, out
 * of line: raise, except matching, unpacking, calls with * and **, imports, f-string
 * formatting, with, MAKE_FUNCTION. Each is named after its instruction's need. */
#include "eval.h"
#include <stdio.h>
#include <string.h>

/* locals[name] for LOAD_NAME: borrowed-to-new reference, NULL without exception when
 * absent, NULL with an exception on error. */
OuroObject *ou_ev_mapping_get(OuroObject *map, OuroObject *name)
{
    if (OURO_IS_TYPE(map, &ouro_dict_type)) {
        OuroObject *v = ouro_dict_get_item_with_error(map, name);
        OURO_XINCREF(v);
        return v;
    }
    OuroObject *v = ouro_object_getitem(map, name);
    if (!v && ouro_err_matches(&ouro_exc_KeyError))
        ouro_err_clear();
    return v;
}

/* raise exc from cause. Returns -1 always (the exception is set). */
int ou_ev_do_raise(OuroObject *exc, OuroObject *cause)
{
    OuroObject *value = NULL;
    if (ouro_exception_type_check(exc)) {
        value = ouro_object_vectorcall(exc, NULL, 0, NULL);
        if (!value)
            goto fail;
        if (!ouro_exception_check(value)) {
            ouro_err_format(&ouro_exc_TypeError, "calling %R should have returned an instance "
                            "of BaseException, not %s", exc, OURO_TYPE_NAME(value));
            goto fail;
        }
    } else if (ouro_exception_check(exc)) {
        value = OURO_NEWREF(exc);
    } else {
        ouro_err_format(&ouro_exc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        OuroObject *c = NULL;
        if (ouro_exception_type_check(cause)) {
            if (!(c = ouro_object_vectorcall(cause, NULL, 0, NULL)))
                goto fail;
        } else if (ouro_exception_check(cause)) {
            c = OURO_NEWREF(cause);
        } else if (cause != OURO_NONE) {
            ouro_err_format(&ouro_exc_TypeError,
                            "exception causes must derive from BaseException");
            goto fail;
        }
        ouro_exception_set_cause(value, c);
        ((OuroBaseException *)value)->suppress_context = 1;
    }
    ouro_err_set_object(OURO_TYPE(value), value);
fail:
    OURO_XDECREF(value);
    return -1;
}

int ou_ev_exc_match_check(OuroObject *t)
{
    if (ouro_exception_type_check(t))
        return 0;
    if (ouro_tuple_check(t)) {
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(t); i++)
            if (!ouro_exception_type_check(OURO_TUPLE_GET(t, i)))
                goto bad;
        return 0;
    }
bad:
    ouro_err_format(&ouro_exc_TypeError, "catching classes that do not inherit from "
                    "BaseException is not allowed");
    return -1;
}

int ou_ev_exc_matches(OuroObject *exc, OuroObject *t)
{
    if (ouro_tuple_check(t)) {
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(t); i++)
            if (ouro_object_type_check(exc, (OuroType *)OURO_TUPLE_GET(t, i)))
                return 1;
        return 0;
    }
    return ouro_object_type_check(exc, (OuroType *)t);
}

/* Unpacks seq into n values written at out[n-1] ... out[0] (the stack order: the first
 * item ends on top). With star >= 0, item `star` collects a list. 0 or -1. */
int ou_ev_unpack_iterable(OuroObject *seq, int before, int after, int star, OuroObject **out)
{
    OuroObject *it = ouro_object_get_iter(seq), *v;
    int i = 0, total = before + after + (star >= 0);
    if (!it) {
        if (ouro_err_matches(&ouro_exc_TypeError) && !OURO_TYPE(seq)->tp_iter &&
            !(OURO_TYPE(seq)->tp_as_sequence && OURO_TYPE(seq)->tp_as_sequence->sq_item)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_TypeError, "cannot unpack non-iterable %s object",
                            OURO_TYPE_NAME(seq));
        }
        return -1;
    }
    for (; i < before; i++) {
        if (!(v = ouro_iter_next(it))) {
            if (!ouro_err_occurred()) {
                if (star < 0)
                    ouro_err_format(&ouro_exc_ValueError, "not enough values to unpack "
                                    "(expected %d, got %d)", before, i);
                else
                    ouro_err_format(&ouro_exc_ValueError, "not enough values to unpack "
                                    "(expected at least %d, got %d)", before + after, i);
            }
            goto fail;
        }
        out[total - 1 - i] = v;
    }
    if (star < 0) {
        if ((v = ouro_iter_next(it))) {
            OURO_DECREF(v);
            ouro_err_format(&ouro_exc_ValueError, "too many values to unpack (expected %d)",
                            before);
            goto fail;
        }
        if (ouro_err_occurred())
            goto fail;
        OURO_DECREF(it);
        return 0;
    }
    OuroObject *rest = ouro_sequence_list(it);
    if (!rest)
        goto fail;
    ouro_ssize have = OURO_LIST_SIZE(rest);
    if (have < after) {
        ouro_err_format(&ouro_exc_ValueError, "not enough values to unpack "
                        "(expected at least %d, got %d)", before + after, before + (int)have);
        OURO_DECREF(rest);
        goto fail;
    }
    for (int j = 0; j < after; j++)
        out[after - 1 - j] = OURO_NEWREF(OURO_LIST_GET(rest, have - after + j));
    if (after && ouro_list_set_slice(rest, have - after, have, NULL) < 0) {
        for (int j = 0; j < after; j++)
            OURO_DECREF(out[j]);
        OURO_DECREF(rest);
        goto fail;
    }
    out[after] = rest;
    OURO_DECREF(it);
    return 0;
fail:
    for (int j = 0; j < i; j++)
        OURO_DECREF(out[total - 1 - j]);
    OURO_DECREF(it);
    return -1;
}

/* func(*args, **kwargs): args a tuple, kwargs a dict or NULL. */
OuroObject *ou_ev_call_ex(OuroObject *func, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize n = OURO_TUPLE_SIZE(args), nk = kwargs ? ouro_dict_size(kwargs) : 0;
    if (!nk)
        return ouro_object_vectorcall(func, OURO_TUPLE_ITEMS(args), (size_t)n, NULL);
    OuroObject **stack = ouro_mem_malloc(sizeof(OuroObject *) * (size_t)(n + nk));
    if (!stack)
        return ouro_err_no_memory();
    OuroObject *kwnames = ouro_tuple_new(nk), *r = NULL;
    if (kwnames) {
        memcpy(stack, OURO_TUPLE_ITEMS(args), sizeof(OuroObject *) * (size_t)n);
        ouro_ssize pos = 0, i = 0;
        OuroObject *k, *v;
        while (ouro_dict_next(kwargs, &pos, &k, &v)) {
            if (!ouro_str_check(k)) {
                ouro_err_format(&ouro_exc_TypeError, "keywords must be strings");
                goto done;
            }
            OURO_TUPLE_SET(kwnames, i, OURO_NEWREF(k));
            stack[n + i++] = v;
        }
        r = ouro_object_vectorcall(func, stack, (size_t)n, kwnames);
    }
done:
    OURO_XDECREF(kwnames);
    ouro_mem_free(stack);
    return r;
}

/* A short name of a callable for "f() argument after ** ..." messages. */
OuroObject *ou_ev_callable_desc(OuroObject *func)
{
    if (OURO_IS_TYPE(func, &ou_function_type)) {
        OuFunction *fn = (OuFunction *)func;
        OuroObject *mod = fn->func_module;
        if (mod && ouro_str_check(mod) && !ouro_str_equal_cstr(mod, "builtins"))
            return ouro_str_from_format("%U.%U()", mod, fn->func_qualname);
        return ouro_str_from_format("%U()", fn->func_qualname);
    }
    return ouro_str_from_format("%s object", OURO_TYPE_NAME(func));
}

/* DICT_MERGE: adds mapping src to dict d, refusing repeated keys. 0 or -1. */
int ou_ev_dict_merge_kwargs(OuroObject *func, OuroObject *d, OuroObject *src)
{
    OuroObject *keys = NULL;
    if (!ouro_object_type_check(src, &ouro_dict_type)) {
        keys = ouro_object_getattr_str(src, "keys");
        if (!keys) {
            ouro_err_clear();
            OuroObject *desc = ou_ev_callable_desc(func);
            if (desc) {
                ouro_err_format(&ouro_exc_TypeError, "%U argument after ** must be a "
                                "mapping, not %s", desc, OURO_TYPE_NAME(src));
                OURO_DECREF(desc);
            }
            return -1;
        }
        OURO_DECREF(keys);
        OuroObject *tmp = ouro_dict_new();
        if (!tmp)
            return -1;
        OuroObject *ks = ouro_object_vectorcall(keys = ouro_object_getattr_str(src, "keys"),
                                                NULL, 0, NULL);
        OURO_XDECREF(keys);
        OuroObject *it = ks ? ouro_object_get_iter(ks) : NULL, *k;
        OURO_XDECREF(ks);
        while (it && (k = ouro_iter_next(it))) {
            OuroObject *v = ouro_object_getitem(src, k);
            int rc = v ? ouro_dict_set_item(tmp, k, v) : -1;
            OURO_XDECREF(v);
            OURO_DECREF(k);
            if (rc < 0)
                break;
        }
        OURO_XDECREF(it);
        if (ouro_err_occurred()) {
            OURO_DECREF(tmp);
            return -1;
        }
        int rc = ou_ev_dict_merge_kwargs(func, d, tmp);
        OURO_DECREF(tmp);
        return rc;
    }
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (ouro_dict_next(src, &pos, &k, &v)) {
        int has = ouro_dict_contains(d, k);
        if (has < 0)
            return -1;
        if (has) {
            OuroObject *desc = ou_ev_callable_desc(func);
            if (desc) {
                ouro_err_format(&ouro_exc_TypeError,
                                "%U got multiple values for keyword argument '%S'", desc, k);
                OURO_DECREF(desc);
            }
            return -1;
        }
        if (ouro_dict_set_item(d, k, v) < 0)
            return -1;
    }
    return 0;
}

int ou_ev_dict_update(OuroObject *d, OuroObject *src)
{
    if (ouro_object_type_check(src, &ouro_dict_type))
        return ouro_dict_merge(d, src, 1);
    OuroObject *keys = ouro_object_getattr_str(src, "keys");
    if (!keys) {
        if (ouro_err_matches(&ouro_exc_AttributeError)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_TypeError, "'%s' object is not a mapping",
                            OURO_TYPE_NAME(src));
        }
        return -1;
    }
    OURO_DECREF(keys);
    return ou_ev_dict_merge_kwargs(NULL, d, src);
}

/* Looks a special method up and binds it (with/enter). New reference or NULL (no
 * exception when absent). */
OuroObject *ou_ev_special_bound(OuroObject *o, const char *name)
{
    OuroObject *n = ouro_str_intern_cstr(name);
    if (!n)
        return NULL;
    OuroObject *d = ou_type_lookup(OURO_TYPE(o), n);
    if (!d)
        return NULL;
    ouro_descrgetfunc g = OURO_TYPE(d)->tp_descr_get;
    return g ? g(d, o, (OuroObject *)OURO_TYPE(o)) : OURO_NEWREF(d);
}

OuroObject *ou_ev_import_name(OuFrame *f, OuroObject *name, OuroObject *fromlist,
                               OuroObject *level)
{
    if (ouro_int_sign(level) != 0) /* relative: import.c resolves it (builtins part) */
        return ou_import_name(name, f->f_globals, fromlist, (int)ouro_int_as_int64(level));
    OuroObject *mod = ou_import_module(name);
    if (!mod || (fromlist != OURO_NONE && ouro_object_is_true(fromlist)))
        return mod;
    const char *s = ouro_str_utf8(name), *dot = strchr(s, '.');
    if (!dot)
        return mod;
    OURO_DECREF(mod);
    OuroObject *top = ouro_str_from_utf8(s, (size_t)(dot - s));
    if (!top)
        return NULL;
    mod = ou_import_module(top);
    OURO_DECREF(top);
    return mod;
}

OuroObject *ou_ev_import_from(OuroObject *mod, OuroObject *name)
{
    OuroObject *v = ouro_object_getattr(mod, name);
    if (v || !ouro_err_matches(&ouro_exc_AttributeError))
        return v;
    ouro_err_clear();
    OuroObject *mname = ouro_object_getattr_str(mod, "__name__");
    if (mname && ouro_str_check(mname)) {
        OuroObject *full = ouro_str_from_format("%U.%U", mname, name);
        if (full) {
            v = ou_import_module(full);
            OURO_DECREF(full);
            if (v) {
                OURO_DECREF(mname);
                return v;
            }
        }
    }
    ouro_err_clear();
    OuroObject *file = ouro_object_getattr_str(mod, "__file__");
    if (!file)
        ouro_err_clear();
    if (mname && file && ouro_str_check(file))
        ouro_err_format(&ouro_exc_ImportError, "cannot import name '%U' from '%U' (%U)",
                        name, mname, file);
    else if (mname && ouro_str_check(mname))
        ouro_err_format(&ouro_exc_ImportError, "cannot import name '%U' from '%U' "
                        "(unknown location)", name, mname);
    else
        ouro_err_format(&ouro_exc_ImportError, "cannot import name '%U'", name);
    OURO_XDECREF(mname);
    OURO_XDECREF(file);
    return NULL;
}

int ou_ev_import_star(OuFrame *f, OuroObject *mod)
{
    OuroObject *dict = ouro_object_getattr_str(mod, "__dict__"), *all, *it, *k;
    if (!dict)
        return -1;
    int rc = -1;
    all = ouro_object_getattr_str(mod, "__all__");
    if (!all) {
        ouro_err_clear();
        all = ouro_dict_keys(dict);
    }
    if (!all || !(it = ouro_object_get_iter(all)))
        goto done;
    while ((k = ouro_iter_next(it))) {
        const char *s = ouro_str_check(k) ? ouro_str_utf8(k) : "";
        int skip = s[0] == '_';
        OuroObject *v = skip ? NULL : ouro_object_getattr(mod, k);
        int r = skip ? 0 : v ? ouro_object_setitem(f->f_locals, k, v) : -1;
        OURO_XDECREF(v);
        OURO_DECREF(k);
        if (r < 0) {
            OURO_DECREF(it);
            goto done;
        }
    }
    OURO_DECREF(it);
    rc = ouro_err_occurred() ? -1 : 0;
done:
    OURO_XDECREF(all);
    OURO_DECREF(dict);
    return rc;
}

OuroObject *ou_ev_format_value(OuroObject *v, int conv, OuroObject *spec)
{
    OuroObject *c = NULL;
    switch (conv) {
    case OU_FV_STR: c = ouro_object_str(v); break;
    case OU_FV_REPR: c = ouro_object_repr(v); break;
    case OU_FV_ASCII: c = ou_ev_ascii_of(v); break;
    default: c = OURO_NEWREF(v); break;
    }
    if (!c)
        return NULL;
    if (!spec && OURO_IS_TYPE(c, &ouro_str_type))
        return c;
    OuroObject *r = ou_format_value(c, spec);
    OURO_DECREF(c);
    return r;
}

OuroObject *ou_ev_build_string(OuroObject **items, int n)
{
    OuStrBuf b;
    ou_strbuf_init(&b);
    for (int i = 0; i < n; i++)
        if (ou_strbuf_append_str(&b, items[i]) < 0) {
            ou_strbuf_discard(&b);
            return NULL;
        }
    return ou_strbuf_finish(&b);
}

int ou_ev_setup_annotations(OuFrame *f)
{
    OuroObject *name = ouro_str_intern_cstr("__annotations__");
    if (!name)
        return -1;
    OuroObject *v = ou_ev_mapping_get(f->f_locals, name);
    if (v) {
        OURO_DECREF(v);
        return 0;
    }
    if (ouro_err_occurred() || !(v = ouro_dict_new()))
        return -1;
    int rc = ouro_object_setitem(f->f_locals, name, v);
    OURO_DECREF(v);
    return rc;
}

/* The REPL's echo: sys.displayhook(v) (which prints repr(v) and keeps it as
 * builtins._). 0 or -1. */
int ou_ev_print_expr(OuroObject *v)
{
    OuInterp *in = ou_interp();
    if (!in)
        return -1;
    OuroObject *hook = ouro_object_getattr_str(in->sys, "displayhook");
    if (!hook) {
        if (ouro_err_matches(&ouro_exc_AttributeError)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_RuntimeError, "lost sys.displayhook");
        }
        return -1;
    }
    OuroObject *r = ouro_object_vectorcall(hook, &v, 1, NULL);
    OURO_DECREF(hook);
    if (!r)
        return -1;
    OURO_DECREF(r);
    return 0;
}

/* ascii(v) through the builtins' function (the !a conversion). */
OuroObject *ou_ev_ascii_of(OuroObject *v)
{
    OuFrame *f = ou_tstate()->current_frame;
    OuroObject *name = ouro_str_intern_cstr("ascii");
    OuroObject *fn = name && f ? ou_ev_mapping_get(f->f_builtins, name) : NULL;
    if (!fn) {
        if (!ouro_err_occurred())
            return ouro_object_repr(v);
        return NULL;
    }
    OuroObject *r = ouro_object_vectorcall(fn, &v, 1, NULL);
    OURO_DECREF(fn);
    return r;
}

/* The function a MAKE_FUNCTION builds. Steals code and the flagged values. */
OuroObject *ou_ev_make_function(OuFrame *f, OuroObject *code, int flags, OuroObject **vals)
{
    OuFunction *fn = (OuFunction *)ou_function_new(code, f->f_globals, NULL);
    OURO_DECREF(code);
    int k = 0;
    OuroObject *defaults = flags & OU_MF_DEFAULTS ? vals[k++] : NULL;
    OuroObject *kwdefaults = flags & OU_MF_KWDEFAULTS ? vals[k++] : NULL;
    OuroObject *annotations = flags & OU_MF_ANNOTATIONS ? vals[k++] : NULL;
    OuroObject *closure = flags & OU_MF_CLOSURE ? vals[k++] : NULL;
    if (!fn) {
        OURO_XDECREF(defaults);
        OURO_XDECREF(kwdefaults);
        OURO_XDECREF(annotations);
        OURO_XDECREF(closure);
        return NULL;
    }
    fn->func_defaults = defaults;
    fn->func_kwdefaults = kwdefaults;
    fn->func_annotations = annotations;
    fn->func_closure = closure;
    return (OuroObject *)fn;
}



