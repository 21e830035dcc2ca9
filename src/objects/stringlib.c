/* src/objects/stringlib.c — what str and bytes methods share: argument parsing with
 * CPython's messages, index adjustment, and byte-level searching (str searches its UTF-8
 * bytes: UTF-8 is self-synchronizing, so a byte match is a code point match). */
#include "objects/strimpl.h"

#include <string.h>

/* =================================================================== arguments ===== */

int ou_arg_clinic_count(const char *name, ouro_ssize nargs, ouro_ssize min, ouro_ssize max)
{
    if (nargs < min) {
        ouro_err_format(&ouro_exc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                        min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        ouro_err_format(&ouro_exc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                        min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int ou_arg_tuple_count(const char *name, ouro_ssize nargs, ouro_ssize min, ouro_ssize max)
{
    if (nargs < min) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes at least %zd argument%s (%zd given)",
                        name, min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes at most %zd argument%s (%zd given)",
                        name, max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int ou_arg_parse_kw(const char *name, OuroObject *const *args, ouro_ssize nargs,
                    OuroObject *kwnames, const char *const *kwlist, ouro_ssize nparams,
                    OuroObject **out)
{
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    for (ouro_ssize i = 0; i < nparams; i++)
        out[i] = NULL;
    if (nargs + nkw > nparams) {
        if (nargs == 0)
            ouro_err_format(&ouro_exc_TypeError,
                            "%s() takes at most %zd keyword argument%s (%zd given)", name,
                            nparams, nparams == 1 ? "" : "s", nkw);
        else
            ouro_err_format(&ouro_exc_TypeError, "%s() takes at most %zd argument%s (%zd given)",
                            name, nparams, nparams == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (ouro_ssize i = 0; i < nargs; i++)
        out[i] = args[i];
    for (ouro_ssize k = 0; k < nkw; k++) {
        OuroObject *key = OURO_TUPLE_GET(kwnames, k);
        ouro_ssize i = 0;
        while (i < nparams && !ouro_str_equal_cstr(key, kwlist[i]))
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
    return 0;
}

int ou_arg_tabsize(OuroObject *const *args, ouro_ssize nargs, OuroObject *kwnames,
                   ouro_ssize *tabsize)
{
    static const char *const kwlist[] = {"tabsize"};
    OuroObject *a[1];
    *tabsize = 8;
    if (ou_arg_parse_kw("expandtabs", args, nargs, kwnames, kwlist, 1, a) < 0)
        return -1;
    return a[0] ? ou_arg_ssize(a[0], tabsize) : 0;
}

int ou_arg_ssize(OuroObject *o, ouro_ssize *out)
{
    OuroObject *i = ouro_number_index(o);
    if (!i)
        return -1;
    ouro_ssize v = ouro_int_as_ssize(i);
    OURO_DECREF(i);
    if (v == -1 && ouro_err_occurred())
        return -1;
    *out = v;
    return 0;
}

int ou_arg_slice_index(OuroObject *o, ouro_ssize *out)
{
    if (!o || o == OURO_NONE)
        return 0;
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    if (!nb || !nb->nb_index) {
        ouro_err_set_string(&ouro_exc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ouro_ssize v = ouro_number_as_ssize(o, NULL);  /* clamped, as _PyEval_SliceIndex */
    if (v == -1 && ouro_err_occurred())
        return -1;
    *out = v;
    return 0;
}

void ou_adjust_indices(ouro_ssize *start, ouro_ssize *end, ouro_ssize len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0 && (*end += len) < 0)
        *end = 0;
    if (*start < 0 && (*start += len) < 0)
        *start = 0;
}

int ou_arg_find_range(const char *name, OuroObject *const *args, ouro_ssize nargs,
                      ouro_ssize *start, ouro_ssize *end)
{
    if (ou_arg_tuple_count(name, nargs, 1, 3) < 0)
        return -1;
    *start = 0;
    *end = INT64_MAX;
    if (nargs > 1 && ou_arg_slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && ou_arg_slice_index(args[2], end) < 0)
        return -1;
    return 0;
}

/* ===================================================================== searching ===== */

ouro_ssize ou_sl_find(const char *h, ouro_ssize hn, const char *n, ouro_ssize nn)
{
    if (nn == 0)
        return 0;
    if (nn > hn)
        return -1;
    const char *p = nn == 1 ? memchr(h, n[0], (size_t)hn) : memmem(h, (size_t)hn, n, (size_t)nn);
    return p ? p - h : -1;
}

ouro_ssize ou_sl_rfind(const char *h, ouro_ssize hn, const char *n, ouro_ssize nn)
{
    if (nn == 0)
        return hn;
    if (nn > hn)
        return -1;
    if (nn == 1) {
        const char *p = memrchr(h, n[0], (size_t)hn);
        return p ? p - h : -1;
    }
    for (ouro_ssize i = hn - nn; i >= 0; i--) {
        const char *p = memrchr(h, n[0], (size_t)i + 1);
        if (!p)
            return -1;
        i = p - h;
        if (memcmp(p, n, (size_t)nn) == 0)
            return i;
    }
    return -1;
}

ouro_ssize ou_sl_count(const char *h, ouro_ssize hn, const char *n, ouro_ssize nn,
                       ouro_ssize maxcount)
{
    ouro_ssize count = 0;
    OU_ASSERT(nn > 0);
    while (count < maxcount) {
        ouro_ssize i = ou_sl_find(h, hn, n, nn);
        if (i < 0)
            break;
        count++;
        h += i + nn;
        hn -= i + nn;
    }
    return count;
}

/* ============================================================ results, sequences ===== */

int ou_sl_append_steal(OuroObject *list, OuroObject *item)
{
    if (!item)
        return -1;
    int r = ouro_list_append(list, item);
    OURO_DECREF(item);
    return r;
}

int ou_sl_fast_sequence(OuroObject *o, const char *msg, OuroObject **seq,
                        OuroObject ***items, ouro_ssize *n)
{
    if (ouro_list_check_exact(o) || ouro_tuple_check_exact(o)) {
        *seq = OURO_NEWREF(o);
    } else {
        OuroObject *it = ouro_object_get_iter(o);
        if (!it) {
            if (ouro_err_matches(&ouro_exc_TypeError))
                ouro_err_set_string(&ouro_exc_TypeError, msg);
            return -1;
        }
        *seq = ouro_sequence_list(it);
        OURO_DECREF(it);
        if (!*seq)
            return -1;
    }
    if (ouro_list_check_exact(*seq)) {
        *items = ((OuroList *)*seq)->ob_item;
        *n = OURO_LIST_SIZE(*seq);
    } else {
        *items = OURO_TUPLE_ITEMS(*seq);
        *n = OURO_TUPLE_SIZE(*seq);
    }
    return 0;
}


OuroObject *ou_sl_split_sep(OuroObject *self, const char *s, ouro_ssize n, const char *sep,
                            ouro_ssize sepn, ouro_ssize maxcount, bool reverse, bool exact,
                            OuroObject *(*make)(const char *, ouro_ssize))
{
    OuroObject *list = ouro_list_new(0);
    if (!list)
        return NULL;
    ouro_ssize count = 0;
    if (!reverse) {
        ouro_ssize i = 0;
        while (maxcount-- > 0) {
            ouro_ssize pos = ou_sl_find(s + i, n - i, sep, sepn);
            if (pos < 0)
                break;
            if (ou_sl_append_steal(list, make(s + i, pos)) < 0)
                goto error;
            count++;
            i += pos + sepn;
        }
        if (count == 0 && exact) {
            if (ouro_list_append(list, self) < 0)
                goto error;
        } else if (ou_sl_append_steal(list, make(s + i, n - i)) < 0) {
            goto error;
        }
        return list;
    }
    ouro_ssize j = n;
    while (maxcount-- > 0) {
        ouro_ssize pos = ou_sl_rfind(s, j, sep, sepn);
        if (pos < 0)
            break;
        if (ou_sl_append_steal(list, make(s + pos + sepn, j - pos - sepn)) < 0)
            goto error;
        count++;
        j = pos;
    }
    if (count == 0 && exact) {
        if (ouro_list_append(list, self) < 0)
            goto error;
    } else if (ou_sl_append_steal(list, make(s, j)) < 0) {
        goto error;
    }
    if (ouro_list_reverse(list) < 0)
        goto error;
    return list;
error:
    OURO_DECREF(list);
    return NULL;
}

