/* src/lang/eval_match.c — the run-time half of the match statement, out of the eval
 * loop: which subjects are sequences and mappings, looking up a mapping pattern's keys,
 * the copy for `**rest`, and class patterns with __match_args__. Narrative:
 * docs/internals/language.md ("The match statement"). */
#include "eval.h"
#include "lang.h"
#include "objects/objects.h"
#include <string.h>

int ou_ev_match_kind(OuroObject *subject)
{
    OuroType *t = OURO_TYPE(subject);
    if (ouro_type_has_flag(t, OURO_TPFLAG_DICT_SUBCLASS) || t == &ou_mappingproxy_type)
        return OU_MATCH_IS_MAPPING;
    /* collections.abc.Sequence's built-in members that ouro has; str, bytes and
     * bytearray are sequences too but never match a sequence pattern. */
    if (ouro_type_has_flag(t, OURO_TPFLAG_LIST_SUBCLASS | OURO_TPFLAG_TUPLE_SUBCLASS) ||
        t == &ouro_range_type)
        return OU_MATCH_IS_SEQUENCE;
    return 0;
}

/* The values of keys (a tuple) in map. Returns: new tuple, or None (new reference) when
 * a key is missing, or NULL with an exception (ValueError for keys that are equal, or
 * what map.get raised). */
OuroObject *ou_ev_match_keys(OuroObject *map, OuroObject *keys)
{
    ouro_ssize n = OURO_TUPLE_SIZE(keys);
    OuroObject *values = ouro_tuple_new(n), *seen = ouro_set_new(NULL);
    OuroObject *get = NULL, *dummy = NULL, *result = NULL;
    bool exact = OURO_IS_TYPE(map, &ouro_dict_type);
    if (!values || !seen)
        goto done;
    if (!exact && (!(get = ouro_object_getattr_str(map, "get")) ||
                   !(dummy = ouro_list_new(0))))   /* a marker no mapping can hold */
        goto done;
    for (ouro_ssize i = 0; i < n; i++) {
        OuroObject *key = OURO_TUPLE_GET(keys, i), *v;
        int dup = ouro_set_contains(seen, key);
        if (dup < 0 || (!dup && ouro_set_add(seen, key) < 0))
            goto done;
        if (dup) {
            OuroObject *r = ouro_object_repr(key);
            if (r)
                ouro_err_format(&ouro_exc_ValueError,
                                "mapping pattern checks duplicate key (%s)", ouro_str_utf8(r));
            OURO_XDECREF(r);
            goto done;
        }
        if (exact) {
            v = ouro_dict_get_item_with_error(map, key);
            if (!v && ouro_err_occurred())
                goto done;
            OURO_XINCREF(v);
        } else {
            OuroObject *args[2] = { key, dummy };
            if (!(v = ouro_object_vectorcall(get, args, 2, NULL)))
                goto done;
            if (v == dummy)
                OURO_CLEAR(v);
        }
        if (!v) {
            result = OURO_NEWREF(OURO_NONE);
            goto done;
        }
        OURO_TUPLE_SET(values, i, v);
    }
    result = OURO_NEWREF(values);
done:
    OURO_XDECREF(values);
    OURO_XDECREF(seen);
    OURO_XDECREF(get);
    OURO_XDECREF(dummy);
    return result;
}

OuroObject *ou_ev_dict_without_keys(OuroObject *map, OuroObject *keys)
{
    OuroObject *rest = ouro_dict_new();
    if (!rest || ou_ev_dict_update(rest, map) < 0)
        goto fail;
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(keys); i++)
        if (ouro_dict_del_item(rest, OURO_TUPLE_GET(keys, i)) < 0)
            goto fail;
    return rest;
fail:
    OURO_XDECREF(rest);
    return NULL;
}

/* The built-in types whose instances match `cls(x)` as themselves (CPython's
 * _Py_TPFLAGS_MATCH_SELF, inherited by subclasses). */
static bool matches_self(OuroType *t)
{
    static OuroType *const self_types[] = {
        &ouro_bool_type, &ouro_bytearray_type, &ouro_bytes_type, &ouro_dict_type,
        &ouro_float_type, &ouro_frozenset_type, &ouro_int_type, &ouro_list_type,
        &ouro_set_type, &ouro_str_type, &ouro_tuple_type,
    };
    for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++)
        if (t == self_types[i] || ouro_type_is_subtype(t, self_types[i]))
            return true;
    return false;
}

/* subject.name for one sub-pattern, refusing a name seen before. New reference; NULL
 * without an exception when the attribute is missing (no match), NULL with one on
 * error. */
static OuroObject *class_attr(OuroObject *subject, OuroType *type, OuroObject *name,
                              OuroObject *seen)
{
    int dup = ouro_set_contains(seen, name);
    if (dup < 0 || (!dup && ouro_set_add(seen, name) < 0))
        return NULL;
    if (dup) {
        OuroObject *r = ouro_object_repr(name);
        if (r)
            ouro_err_format(&ouro_exc_TypeError, "%s() got multiple sub-patterns for attribute %s",
                            ouro_type_name(type), ouro_str_utf8(r));
        OURO_XDECREF(r);
        return NULL;
    }
    OuroObject *v = ouro_object_getattr(subject, name);
    if (!v && ouro_err_matches(&ouro_exc_AttributeError))
        ouro_err_clear();
    return v;
}

/* The names of the positional sub-patterns (a new tuple), or NULL with an exception;
 * *self set when the subject itself is the one positional value. */
static OuroObject *match_args(OuroType *type, int nargs, bool *self)
{
    *self = false;
    OuroObject *ma = ouro_object_getattr_str((OuroObject *)type, "__match_args__");
    if (ma && !OURO_IS_TYPE(ma, &ouro_tuple_type)) {
        ouro_err_format(&ouro_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                        ouro_type_name(type), OURO_TYPE_NAME(ma));
        OURO_DECREF(ma);
        return NULL;
    }
    if (!ma) {
        if (!ouro_err_matches(&ouro_exc_AttributeError))
            return NULL;
        ouro_err_clear();
        if (!(ma = ouro_tuple_new(0)))
            return NULL;
        *self = matches_self(type);
    }
    ouro_ssize allowed = *self ? 1 : OURO_TUPLE_SIZE(ma);
    if (allowed < nargs) {
        ouro_err_format(&ouro_exc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                        ouro_type_name(type), (int)allowed, allowed == 1 ? "" : "s", nargs);
        OURO_DECREF(ma);
        return NULL;
    }
    return ma;
}

OuroObject *ou_ev_match_class(OuroObject *subject, OuroObject *cls, int nargs,
                              OuroObject *kwnames)
{
    if (!ouro_object_type_check(cls, &ouro_type_type)) {
        ouro_err_set_string(&ouro_exc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    int inst = ou_object_isinstance(subject, cls);
    if (inst <= 0)
        return NULL;
    OuroType *type = (OuroType *)cls;
    ouro_ssize nkw = OURO_TUPLE_SIZE(kwnames);
    OuroObject *attrs = ouro_tuple_new(nargs + nkw), *seen = ouro_set_new(NULL), *ma = NULL;
    OuroObject *result = NULL;
    bool self = false;
    if (!attrs || !seen || (nargs && !(ma = match_args(type, nargs, &self))))
        goto done;
    for (int i = 0; i < nargs + nkw; i++) {
        OuroObject *v;
        if (i < nargs && self) {
            v = OURO_NEWREF(subject);
        } else {
            OuroObject *name = i < nargs ? OURO_TUPLE_GET(ma, i) : OURO_TUPLE_GET(kwnames, i - nargs);
            if (!OURO_IS_TYPE(name, &ouro_str_type)) {
                ouro_err_format(&ouro_exc_TypeError,
                                "__match_args__ elements must be strings (got %s)",
                                OURO_TYPE_NAME(name));
                goto done;
            }
            if (!(v = class_attr(subject, type, name, seen)))
                goto done;
        }
        OURO_TUPLE_SET(attrs, i, v);
    }
    result = OURO_NEWREF(attrs);
done:
    OURO_XDECREF(attrs);
    OURO_XDECREF(seen);
    OURO_XDECREF(ma);
    return result;
}
