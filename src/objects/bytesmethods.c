/* src/objects/bytesmethods.c — the methods that bytes and bytearray share (CPython's
 * stringlib, one implementation for both), with CPython 3.11's results and messages. They
 * read self and their arguments as (pointer, length) through ou_bl_* (strimpl.h) and build
 * results of self's kind: bytes for bytes, a new bytearray for bytearray. Character
 * classes are ASCII, as CPython's. */
#include "objects/strimpl.h"

#include <stdio.h>
#include <string.h>

/* ===================================================================== helpers ===== */

/* A bytes holding a copy of p[0..n). New reference, or NULL. */
static OuroObject *make_bytes(const char *p, ouro_ssize n)
{
    return ouro_bytes_from_data(p, (size_t)n);
}

/* A bytearray holding a copy of p[0..n). New reference, or NULL. */
static OuroObject *make_bytearray(const char *p, ouro_ssize n)
{
    return ouro_bytearray_from_data(p, (size_t)n);
}

/* A result of self's kind holding a copy of p[0..n). New reference, or NULL. */
static OuroObject *make(OuroObject *self, const char *p, ouro_ssize n)
{
    return ou_bl_is_bytearray(self) ? make_bytearray(p, n) : make_bytes(p, n);
}

/* A result of self's kind with n uninitialized bytes, written through ou_bl_data.
 * New reference, or NULL. */
static OuroObject *alloc_like(OuroObject *self, ouro_ssize n)
{
    return ou_bl_is_bytearray(self) ? ou_bytearray_alloc(n) : ou_bytes_alloc(n);
}

/* The unchanged value as a result: bytes itself (an exact bytes of a subclass), a new
 * bytearray (a bytearray method never returns self). New reference, or NULL. */
static OuroObject *exact(OuroObject *b)
{
    if (ouro_is_type(b, &ouro_bytes_type))
        return OURO_NEWREF(b);
    return make(b, ou_bl_data(b), ou_bl_size(b));
}

static OuroObject *bool_result(bool v)
{
    return OURO_NEWREF(v ? OURO_TRUE : OURO_FALSE);
}

static bool need_bytes(OuroObject *o)
{
    if (ou_bl_check(o))
        return true;
    if (ou_bl_view_error(o))
        return false;
    ouro_err_format(&ouro_exc_TypeError, "a bytes-like object is required, not '%s'",
                    OURO_TYPE_NAME(o));
    return false;
}

static inline bool b_space(unsigned c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}
static inline bool b_lower(unsigned c) { return c >= 'a' && c <= 'z'; }
static inline bool b_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
static inline bool b_alpha(unsigned c) { return b_lower(c) || b_upper(c); }
static inline bool b_digit(unsigned c) { return c >= '0' && c <= '9'; }
static inline bool b_alnum(unsigned c) { return b_alpha(c) || b_digit(c); }

static bool has_index(OuroObject *o)
{
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

/* ================================================================ find family ====== */

/* The needle of find/count/index: an int byte or bytes. 0, or -1 with an exception. */
static int needle(OuroObject *sub, char *one, const char **p, ouro_ssize *n)
{
    if (has_index(sub)) {
        int v = ou_bytes_byte_arg(sub);
        if (v < 0)
            return -1;
        *one = (char)v;
        *p = one;
        *n = 1;
        return 0;
    }
    if (!ou_bl_check(sub)) {
        if (ou_bl_view_error(sub))
            return -1;
        ouro_err_format(&ouro_exc_TypeError,
                        "argument should be integer or bytes-like object, not '%s'",
                        OURO_TYPE_NAME(sub));
        return -1;
    }
    *p = ou_bl_data(sub);
    *n = ou_bl_size(sub);
    return 0;
}

/* -2 error, -1 not found, else the index. */
static ouro_ssize find_impl(OuroObject *self, const char *name, OuroObject *const *args,
                            ouro_ssize nargs, bool reverse)
{
    ouro_ssize start, end, nn;
    const char *np;
    char one;
    if (ou_arg_find_range(name, args, nargs, &start, &end) < 0 ||
        needle(args[0], &one, &np, &nn) < 0)
        return -2;
    ou_adjust_indices(&start, &end, ou_bl_size(self));
    if (end - start < nn)
        return -1;
    const char *d = ou_bl_data(self) + start;
    ouro_ssize r = (reverse ? ou_sl_rfind : ou_sl_find)(d, end - start, np, nn);
    return r < 0 ? -1 : start + r;
}

static OuroObject *find_result(ouro_ssize r, bool raise)
{
    if (r == -2)
        return NULL;
    if (r == -1 && raise) {
        ouro_err_set_string(&ouro_exc_ValueError, "subsection not found");
        return NULL;
    }
    return ouro_int_from_ssize(r);
}

static OuroObject *bytes_find(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return find_result(find_impl(self, "find", args, nargs, false), false);
}
static OuroObject *bytes_rfind(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return find_result(find_impl(self, "rfind", args, nargs, true), false);
}
static OuroObject *bytes_index(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return find_result(find_impl(self, "index", args, nargs, false), true);
}
static OuroObject *bytes_rindex(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return find_result(find_impl(self, "rindex", args, nargs, true), true);
}

static OuroObject *bytes_count(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize start, end, nn;
    const char *np;
    char one;
    if (ou_arg_find_range("count", args, nargs, &start, &end) < 0 ||
        needle(args[0], &one, &np, &nn) < 0)
        return NULL;
    ou_adjust_indices(&start, &end, ou_bl_size(self));
    if (end - start < nn)
        return ouro_int_from_ssize(0);
    if (nn == 0)
        return ouro_int_from_ssize(end - start + 1);
    return ouro_int_from_ssize(
        ou_sl_count(ou_bl_data(self) + start, end - start, np, nn, INT64_MAX));
}

static int tailmatch(OuroObject *self, OuroObject *sub, ouro_ssize start, ouro_ssize end,
                     bool at_end)
{
    ou_adjust_indices(&start, &end, ou_bl_size(self));
    ouro_ssize n = ou_bl_size(sub);
    if (end - n < start)
        return 0;
    const char *p = ou_bl_data(self) + (at_end ? end - n : start);
    return memcmp(p, ou_bl_data(sub), (size_t)n) == 0;
}

static OuroObject *starts_ends(OuroObject *self, const char *name, OuroObject *const *args,
                               ouro_ssize nargs, bool at_end)
{
    ouro_ssize start, end;
    if (ou_arg_find_range(name, args, nargs, &start, &end) < 0)
        return NULL;
    OuroObject *x = args[0];
    if (ouro_tuple_check(x)) {
        for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(x); i++) {
            OuroObject *sub = OURO_TUPLE_GET(x, i);
            if (!need_bytes(sub))
                return NULL;
            if (tailmatch(self, sub, start, end, at_end))
                return bool_result(true);
        }
        return bool_result(false);
    }
    if (!ou_bl_check(x) && ou_bl_view_error(x))
        return NULL;
    if (!ou_bl_check(x))
        return ouro_err_format(&ouro_exc_TypeError,
                               "%s first arg must be bytes or a tuple of bytes, not %s", name,
                               OURO_TYPE_NAME(x));
    return bool_result(tailmatch(self, x, start, end, at_end));
}

static OuroObject *bytes_startswith(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return starts_ends(self, "startswith", args, nargs, false);
}
static OuroObject *bytes_endswith(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return starts_ends(self, "endswith", args, nargs, true);
}

static OuroObject *bytes_removeprefix(OuroObject *self, OuroObject *arg)
{
    if (!need_bytes(arg))
        return NULL;
    ouro_ssize n = ou_bl_size(self), k = ou_bl_size(arg);
    if (k && k <= n && memcmp(ou_bl_data(self), ou_bl_data(arg), (size_t)k) == 0)
        return make(self, ou_bl_data(self) + k, n - k);
    return exact(self);
}

static OuroObject *bytes_removesuffix(OuroObject *self, OuroObject *arg)
{
    if (!need_bytes(arg))
        return NULL;
    ouro_ssize n = ou_bl_size(self), k = ou_bl_size(arg);
    if (k && k <= n && memcmp(ou_bl_data(self) + n - k, ou_bl_data(arg), (size_t)k) == 0)
        return make(self, ou_bl_data(self), n - k);
    return exact(self);
}

/* ==================================================================== split ======= */

static OuroObject *split_whitespace(OuroObject *self, ouro_ssize maxcount, bool reverse)
{
    const char *s = ou_bl_data(self);
    ouro_ssize n = ou_bl_size(self);
    bool isexact = ouro_is_type(self, &ouro_bytes_type);
    OuroObject *list = ouro_list_new(0);
    if (!list)
        return NULL;
    if (!reverse) {
        ouro_ssize i = 0;
        while (maxcount-- > 0) {
            while (i < n && b_space((unsigned char)s[i]))
                i++;
            if (i == n)
                break;
            ouro_ssize j = i;
            while (i < n && !b_space((unsigned char)s[i]))
                i++;
            if (j == 0 && i == n && isexact) {
                if (ouro_list_append(list, self) < 0)
                    goto error;
                break;
            }
            if (ou_sl_append_steal(list, make(self, s + j, i - j)) < 0)
                goto error;
        }
        while (i < n && b_space((unsigned char)s[i]))
            i++;
        if (i < n && ou_sl_append_steal(list, make(self, s + i, n - i)) < 0)
            goto error;
        return list;
    }
    ouro_ssize i = n;
    while (maxcount-- > 0) {
        while (i > 0 && b_space((unsigned char)s[i - 1]))
            i--;
        if (i == 0)
            break;
        ouro_ssize j = i;
        while (i > 0 && !b_space((unsigned char)s[i - 1]))
            i--;
        if (j == n && i == 0 && isexact) {
            if (ouro_list_append(list, self) < 0)
                goto error;
            break;
        }
        if (ou_sl_append_steal(list, make(self, s + i, j - i)) < 0)
            goto error;
    }
    while (i > 0 && b_space((unsigned char)s[i - 1]))
        i--;
    if (i > 0 && ou_sl_append_steal(list, make(self, s, i)) < 0)
        goto error;
    if (ouro_list_reverse(list) < 0)
        goto error;
    return list;
error:
    OURO_DECREF(list);
    return NULL;
}

static OuroObject *split_impl(OuroObject *self, const char *name, OuroObject *const *args,
                              ouro_ssize nargs, OuroObject *kwnames, bool reverse)
{
    static const char *const kwlist[] = {"sep", "maxsplit"};
    OuroObject *a[2];
    if (ou_arg_parse_kw(name, args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    ouro_ssize maxsplit = -1;
    if (a[1] && ou_arg_ssize(a[1], &maxsplit) < 0)
        return NULL;
    if (maxsplit < 0)
        maxsplit = INT64_MAX;
    OuroObject *sep = a[0];
    if (!sep || sep == OURO_NONE)
        return split_whitespace(self, maxsplit, reverse);
    if (!need_bytes(sep))
        return NULL;
    if (ou_bl_size(sep) == 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "empty separator");
        return NULL;
    }
    return ou_sl_split_sep(self, ou_bl_data(self), ou_bl_size(self), ou_bl_data(sep),
                           ou_bl_size(sep), maxsplit, reverse,
                           ouro_is_type(self, &ouro_bytes_type),
                           ou_bl_is_bytearray(self) ? make_bytearray : make_bytes);
}

static OuroObject *bytes_split(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames)
{
    return split_impl(self, "split", args, nargs, kwnames, false);
}
static OuroObject *bytes_rsplit(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    return split_impl(self, "rsplit", args, nargs, kwnames, true);
}

static OuroObject *bytes_splitlines(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                    OuroObject *kwnames)
{
    static const char *const kwlist[] = {"keepends"};
    OuroObject *a[1];
    ouro_ssize keepends = 0;
    if (ou_arg_parse_kw("splitlines", args, nargs, kwnames, kwlist, 1, a) < 0 ||
        (a[0] && ou_arg_ssize(a[0], &keepends) < 0))
        return NULL;
    const char *s = ou_bl_data(self);
    ouro_ssize n = ou_bl_size(self), i = 0;
    OuroObject *list = ouro_list_new(0);
    if (!list)
        return NULL;
    while (i < n) {
        ouro_ssize start = i;
        while (i < n && s[i] != '\n' && s[i] != '\r')
            i++;
        ouro_ssize eol = i;
        if (i < n) {
            i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
            if (keepends)
                eol = i;
        }
        if (ou_sl_append_steal(list, make(self, s + start, eol - start)) < 0) {
            OURO_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static OuroObject *partition_impl(OuroObject *self, OuroObject *sep, bool reverse)
{
    if (!need_bytes(sep))
        return NULL;
    ouro_ssize n = ou_bl_size(self), k = ou_bl_size(sep);
    if (k == 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = ou_bl_data(self);
    ouro_ssize pos = (reverse ? ou_sl_rfind : ou_sl_find)(s, n, ou_bl_data(sep), k);
    OuroObject *parts[3], *r = NULL;
    if (pos < 0) {
        parts[reverse ? 2 : 0] = exact(self);
        parts[1] = make(self, "", 0);
        parts[reverse ? 0 : 2] = make(self, "", 0);
    } else {
        parts[0] = make(self, s, pos);
        /* bytes gives a bytearray separator back as it is (CPython's buffer object). */
        parts[1] = ou_bl_is_bytearray(self) ? make(self, ou_bl_data(sep), k)
                 : ou_bl_is_bytearray(sep) ? OURO_NEWREF(sep) : exact(sep);
        parts[2] = make(self, s + pos + k, n - pos - k);
    }
    if (parts[0] && parts[1] && parts[2])
        r = ouro_tuple_pack(3, parts[0], parts[1], parts[2]);
    for (int i = 0; i < 3; i++)
        OURO_XDECREF(parts[i]);
    return r;
}

static OuroObject *bytes_partition(OuroObject *self, OuroObject *sep)
{
    return partition_impl(self, sep, false);
}
static OuroObject *bytes_rpartition(OuroObject *self, OuroObject *sep)
{
    return partition_impl(self, sep, true);
}

/* ================================================================= join, strip ===== */

static OuroObject *bytes_join(OuroObject *self, OuroObject *iterable)
{
    OuroObject *seq, **items, *r = NULL;
    ouro_ssize n;
    if (ou_sl_fast_sequence(iterable, "can only join an iterable", &seq, &items, &n) < 0)
        return NULL;
    ouro_ssize seplen = ou_bl_size(self), total = 0;
    for (ouro_ssize i = 0; i < n; i++) {
        if (!ou_bl_check(items[i])) {
            ouro_err_format(&ouro_exc_TypeError,
                            "sequence item %zd: expected a bytes-like object, %s found", i,
                            OURO_TYPE_NAME(items[i]));
            goto done;
        }
        ouro_ssize add = ou_bl_size(items[i]) + (i ? seplen : 0);
        if (total > INT64_MAX / 2 - add) {
            ouro_err_set_string(&ouro_exc_OverflowError, "join() result is too long");
            goto done;
        }
        total += add;
    }
    if (n == 1 && ouro_is_type(items[0], &ouro_bytes_type) && !ou_bl_is_bytearray(self)) {
        r = OURO_NEWREF(items[0]);
        goto done;
    }
    if (!(r = alloc_like(self, total)))
        goto done;
    char *o = ou_bl_data(r);
    for (ouro_ssize i = 0; i < n; i++) {
        if (i) {
            memcpy(o, ou_bl_data(self), (size_t)seplen);
            o += seplen;
        }
        memcpy(o, ou_bl_data(items[i]), (size_t)ou_bl_size(items[i]));
        o += ou_bl_size(items[i]);
    }
done:
    OURO_DECREF(seq);
    return r;
}

static OuroObject *strip_impl(OuroObject *self, const char *name, OuroObject *const *args,
                              ouro_ssize nargs, int where)
{
    if (ou_arg_clinic_count(name, nargs, 0, 1) < 0)
        return NULL;
    OuroObject *chars = nargs && args[0] != OURO_NONE ? args[0] : NULL;
    if (chars && !need_bytes(chars))
        return NULL;
    bool set[256] = {false};
    if (chars)
        for (ouro_ssize i = 0; i < ou_bl_size(chars); i++)
            set[(unsigned char)ou_bl_data(chars)[i]] = true;
    else
        for (unsigned c = 0; c < 256; c++)
            set[c] = b_space(c);
    const unsigned char *s = (const unsigned char *)ou_bl_data(self);
    ouro_ssize i = 0, j = ou_bl_size(self);
    if (where & 1)
        while (i < j && set[s[i]])
            i++;
    if (where & 2)
        while (j > i && set[s[j - 1]])
            j--;
    if (i == 0 && j == ou_bl_size(self))
        return exact(self);
    return make(self, (const char *)s + i, j - i);
}

static OuroObject *bytes_strip(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return strip_impl(self, "strip", args, nargs, 3);
}
static OuroObject *bytes_lstrip(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return strip_impl(self, "lstrip", args, nargs, 1);
}
static OuroObject *bytes_rstrip(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return strip_impl(self, "rstrip", args, nargs, 2);
}

/* =================================================================== replace ====== */

static OuroObject *bytes_replace(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_arg_clinic_count("replace", nargs, 2, 3) < 0 || !need_bytes(args[0]) ||
        !need_bytes(args[1]))
        return NULL;
    ouro_ssize count = -1;
    if (nargs > 2 && ou_arg_ssize(args[2], &count) < 0)
        return NULL;
    if (count < 0)
        count = INT64_MAX;
    const char *s = ou_bl_data(self), *o = ou_bl_data(args[0]), *nw = ou_bl_data(args[1]);
    ouro_ssize n = ou_bl_size(self), on = ou_bl_size(args[0]), nn = ou_bl_size(args[1]);
    ouro_ssize found = on == 0 ? (n + 1 < count ? n + 1 : count) : ou_sl_count(s, n, o, on, count);
    if (found == 0)
        return exact(self);
    if (nn > on && found > (INT64_MAX / 2 - n) / (nn - on)) {
        ouro_err_set_string(&ouro_exc_OverflowError, "replace bytes is too long");
        return NULL;
    }
    OuroObject *r = alloc_like(self, n + found * (nn - on));
    if (!r)
        return NULL;
    char *out = ou_bl_data(r);
    ouro_ssize i = 0;
    for (ouro_ssize k = 0; k < found; k++) {
        ouro_ssize j = on == 0 ? 0 : ou_sl_find(s + i, n - i, o, on);
        memcpy(out, s + i, (size_t)j);
        out += j;
        memcpy(out, nw, (size_t)nn);
        out += nn;
        i += j + on;
        if (on == 0 && i < n)  /* between every byte */
            *out++ = s[i++];
    }
    memcpy(out, s + i, (size_t)(n - i));
    return r;
}

/* ===================================================================== cases ====== */

enum { B_LOWER, B_UPPER, B_SWAP, B_TITLE, B_CAPITALIZE };

static OuroObject *change_case(OuroObject *self, int mode)
{
    ouro_ssize n = ou_bl_size(self);
    OuroObject *r = alloc_like(self, n);
    if (!r)
        return NULL;
    const unsigned char *s = (const unsigned char *)ou_bl_data(self);
    unsigned char *o = (unsigned char *)ou_bl_data(r);
    bool prev_cased = false;
    for (ouro_ssize i = 0; i < n; i++) {
        unsigned c = s[i];
        bool up;
        switch (mode) {
        case B_LOWER: up = false; break;
        case B_UPPER: up = true; break;
        case B_SWAP: up = b_lower(c); break;
        case B_TITLE: up = !prev_cased; break;
        default: up = i == 0; break;
        }
        prev_cased = b_alpha(c);
        o[i] = (unsigned char)(up && b_lower(c) ? c - 32 : !up && b_upper(c) ? c + 32 : c);
    }
    return r;
}

static OuroObject *bytes_lower(OuroObject *self, OuroObject *unused) { return change_case(self, B_LOWER); }
static OuroObject *bytes_upper(OuroObject *self, OuroObject *unused) { return change_case(self, B_UPPER); }
static OuroObject *bytes_swapcase(OuroObject *self, OuroObject *unused) { return change_case(self, B_SWAP); }
static OuroObject *bytes_title(OuroObject *self, OuroObject *unused) { return change_case(self, B_TITLE); }
static OuroObject *bytes_capitalize(OuroObject *self, OuroObject *unused) { return change_case(self, B_CAPITALIZE); }

static OuroObject *all_of(OuroObject *self, bool (*pred)(unsigned))
{
    const unsigned char *s = (const unsigned char *)ou_bl_data(self);
    ouro_ssize n = ou_bl_size(self);
    if (n == 0)
        return bool_result(false);
    for (ouro_ssize i = 0; i < n; i++)
        if (!pred(s[i]))
            return bool_result(false);
    return bool_result(true);
}

static OuroObject *bytes_isalpha(OuroObject *self, OuroObject *unused) { return all_of(self, b_alpha); }
static OuroObject *bytes_isalnum(OuroObject *self, OuroObject *unused) { return all_of(self, b_alnum); }
static OuroObject *bytes_isdigit(OuroObject *self, OuroObject *unused) { return all_of(self, b_digit); }
static OuroObject *bytes_isspace(OuroObject *self, OuroObject *unused) { return all_of(self, b_space); }

static OuroObject *bytes_isascii(OuroObject *self, OuroObject *unused)
{
    const unsigned char *s = (const unsigned char *)ou_bl_data(self);
    for (ouro_ssize i = 0; i < ou_bl_size(self); i++)
        if (s[i] >= 0x80)
            return bool_result(false);
    return bool_result(true);
}

static OuroObject *cased_test(OuroObject *self, bool want_lower)
{
    const unsigned char *s = (const unsigned char *)ou_bl_data(self);
    bool cased = false;
    for (ouro_ssize i = 0; i < ou_bl_size(self); i++) {
        if (want_lower ? b_upper(s[i]) : b_lower(s[i]))
            return bool_result(false);
        if (want_lower ? b_lower(s[i]) : b_upper(s[i]))
            cased = true;
    }
    return bool_result(cased);
}

static OuroObject *bytes_islower(OuroObject *self, OuroObject *unused) { return cased_test(self, true); }
static OuroObject *bytes_isupper(OuroObject *self, OuroObject *unused) { return cased_test(self, false); }

static OuroObject *bytes_istitle(OuroObject *self, OuroObject *unused)
{
    const unsigned char *s = (const unsigned char *)ou_bl_data(self);
    bool cased = false, prev = false;
    for (ouro_ssize i = 0; i < ou_bl_size(self); i++) {
        if (b_upper(s[i])) {
            if (prev)
                return bool_result(false);
            prev = cased = true;
        } else if (b_lower(s[i])) {
            if (!prev)
                return bool_result(false);
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return bool_result(cased);
}

/* =================================================================== padding ====== */

static OuroObject *pad(OuroObject *self, ouro_ssize left, ouro_ssize right, char fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return exact(self);
    ouro_ssize n = ou_bl_size(self);
    OuroObject *r = alloc_like(self, left + n + right);
    if (!r)
        return NULL;
    char *o = ou_bl_data(r);
    memset(o, fill, (size_t)left);
    memcpy(o + left, ou_bl_data(self), (size_t)n);
    memset(o + left + n, fill, (size_t)right);
    return r;
}

static int pad_args(const char *name, OuroObject *const *args, ouro_ssize nargs,
                    ouro_ssize *width, char *fill)
{
    if (ou_arg_clinic_count(name, nargs, 1, 2) < 0 || ou_arg_ssize(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        /* bytes or bytearray only: CPython refuses a memoryview here */
        if (ou_memoryview_check(args[1]) || !ou_bl_check(args[1]) ||
            ou_bl_size(args[1]) != 1) {
            ouro_err_format(&ouro_exc_TypeError,
                            "%s() argument 2 must be a byte string of length 1, not %s", name,
                            OURO_TYPE_NAME(args[1]));
            return -1;
        }
        *fill = ou_bl_data(args[1])[0];
    }
    return 0;
}

static OuroObject *bytes_center(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize width;
    char fill;
    if (pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    ouro_ssize marg = width - ou_bl_size(self);
    if (marg <= 0)
        return exact(self);
    ouro_ssize left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static OuroObject *bytes_ljust(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize width;
    char fill;
    if (pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - ou_bl_size(self), fill);
}

static OuroObject *bytes_rjust(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize width;
    char fill;
    if (pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, width - ou_bl_size(self), 0, fill);
}

static OuroObject *bytes_zfill(OuroObject *self, OuroObject *arg)
{
    ouro_ssize width;
    if (ou_arg_ssize(arg, &width) < 0)
        return NULL;
    ouro_ssize fill = width - ou_bl_size(self);
    if (fill <= 0)
        return exact(self);
    OuroObject *r = pad(self, fill, 0, '0');
    if (r) {
        char *o = ou_bl_data(r);
        if (o[fill] == '+' || o[fill] == '-') {
            o[0] = o[fill];
            o[fill] = '0';
        }
    }
    return r;
}

/* ============================================================== decode, hex ======= */

static OuroObject *bytes_decode(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors"};
    OuroObject *a[2];
    if (ou_arg_parse_kw("decode", args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    if (ou_codec_args("decode", a[0], a[1]) < 0)
        return NULL;
    return ou_str_decode(ou_bl_data(self), (size_t)ou_bl_size(self), a[0], a[1]);
}

/* hex([sep[, bytes_per_sep]]): sep every |bytes_per_sep| bytes, counted from the right
 * when positive, from the left when negative (as CPython). */
OuroObject *ou_bytes_hex(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                         OuroObject *kwnames)
{
    static const char *const kwlist[] = {"sep", "bytes_per_sep"};
    OuroObject *a[2];
    if (ou_arg_parse_kw("hex", args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    ouro_ssize per = 1;
    if (a[1] && ou_arg_ssize(a[1], &per) < 0)
        return NULL;
    char sep = 0;
    if (a[0]) {
        ouro_ssize len;
        if (ouro_str_check(a[0]))
            len = ou_str_len(a[0]);
        else if (ouro_bytes_check(a[0]))
            len = ou_bl_size(a[0]);
        else if (ouro_bytearray_check(a[0]) || ou_memoryview_check(a[0]))
            /* they have a len(), but are refused later */
            return ouro_err_format(&ouro_exc_TypeError, "sep must be str or bytes.");
        else
            return ouro_err_format(&ouro_exc_TypeError, "object of type '%s' has no len()",
                                   OURO_TYPE_NAME(a[0]));
        if (len != 1) {
            ouro_err_set_string(&ouro_exc_ValueError, "sep must be length 1.");
            return NULL;
        }
        const char *sd = ouro_str_check(a[0]) ? ou_str_data(a[0]) : ou_bl_data(a[0]);
        if ((unsigned char)sd[0] >= 0x80) {
            ouro_err_set_string(&ouro_exc_ValueError, "sep must be ASCII.");
            return NULL;
        }
        sep = sd[0];
    }
    ouro_ssize n = ou_bl_size(self);
    ouro_ssize group = per < 0 ? -per : per;
    ouro_ssize nseps = sep && group && n ? (n - 1) / group : 0;
    if (!sep || !group)
        nseps = 0;
    if (n > (OU_STR_MAX_BYTES - nseps) / 2)
        return ouro_err_no_memory();
    OuroObject *r = ou_str_alloc(2 * n + nseps, 2 * n + nseps, 1);
    if (!r)
        return NULL;
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)ou_bl_data(self);
    char *o = ou_str_data(r);
    for (ouro_ssize i = 0; i < n; i++) {
        /* A separator goes before byte i when a group boundary falls there. */
        if (nseps && i > 0 && (per > 0 ? (n - i) % group == 0 : i % group == 0))
            *o++ = sep;
        *o++ = hex[s[i] >> 4];
        *o++ = hex[s[i] & 15];
    }
    return r;
}

static int hexval(unsigned c)
{
    return c >= '0' && c <= '9' ? (int)(c - '0') : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
         : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
}

/* bytes.fromhex(string): pairs of hex digits, ASCII whitespace allowed between pairs. */
static OuroObject *bytes_fromhex(OuroObject *type, OuroObject *arg)
{
    if (!ouro_str_check(arg))
        return ouro_err_format(&ouro_exc_TypeError, "fromhex() argument must be str, not %s",
                               OURO_TYPE_NAME(arg));
    const unsigned char *s = (const unsigned char *)ou_str_data(arg);
    ouro_ssize n = ou_str_nbytes(arg), k = 0, i = 0;
    OuroObject *r = ou_bytes_alloc(n / 2);
    if (!r)
        return NULL;
    unsigned char *o = (unsigned char *)ou_bl_data(r);
    while (i < n) {
        if (b_space(s[i])) {
            i++;
            continue;
        }
        int hi = hexval(s[i]), lo = i + 1 < n ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            ouro_ssize at = hi < 0 ? i : i + 1;
            OURO_DECREF(r);
            return ouro_err_format(&ouro_exc_ValueError,
                                   "non-hexadecimal number found in fromhex() arg at position %zd",
                                   ou_str_index_of(arg, at));
        }
        o[k++] = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    bool ba = type == (OuroObject *)&ouro_bytearray_type;
    OuroObject *out = (ba ? make_bytearray : make_bytes)(ou_bl_data(r), k);
    OURO_DECREF(r);
    if (out && !ba && type != (OuroObject *)&ouro_bytes_type) {
        OuroObject *args1 = ouro_tuple_pack(1, out);
        OURO_DECREF(out);
        out = args1 ? ouro_object_call(type, args1, NULL) : NULL;
        OURO_XDECREF(args1);
    }
    return out;
}

/* ============================================ translate, maketrans, expandtabs ====== */

/* translate(table, /, delete=b''): drops the bytes of delete, then maps each remaining
 * byte through table (a bytes-like of 256, or None for the identity). */
static OuroObject *bytes_translate(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                   OuroObject *kwnames)
{
    static const char *const kwlist[] = {"table", "delete"};
    OuroObject *a[2];
    if (ou_arg_parse_kw("translate", args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    if (!a[0])
        return ouro_err_format(&ouro_exc_TypeError,
                               "translate() takes at least 1 positional argument (0 given)");
    OuroObject *table = a[0] == OURO_NONE ? NULL : a[0];
    if ((table && !need_bytes(table)) || (a[1] && !need_bytes(a[1])))
        return NULL;
    if (table && ou_bl_size(table) != 256) {
        ouro_err_set_string(&ouro_exc_ValueError, "translation table must be 256 characters long");
        return NULL;
    }
    unsigned char map[256];
    bool drop[256] = {false};
    for (unsigned c = 0; c < 256; c++)
        map[c] = table ? (unsigned char)ou_bl_data(table)[c] : (unsigned char)c;
    ouro_ssize ndel = a[1] ? ou_bl_size(a[1]) : 0;
    for (ouro_ssize i = 0; i < ndel; i++)
        drop[(unsigned char)ou_bl_data(a[1])[i]] = true;
    const unsigned char *s = (const unsigned char *)ou_bl_data(self);
    ouro_ssize n = ou_bl_size(self), kept = 0;
    for (ouro_ssize i = 0; i < n; i++)
        kept += !drop[s[i]];
    if (!table && kept == n)
        return exact(self);
    OuroObject *r = alloc_like(self, kept);
    if (!r)
        return NULL;
    unsigned char *o = (unsigned char *)ou_bl_data(r);
    for (ouro_ssize i = 0; i < n; i++)
        if (!drop[s[i]])
            *o++ = map[s[i]];
    return r;
}

/* bytes.maketrans(frm, to) (a static method of both types): the 256-byte identity table
 * with frm[i] mapped to to[i]. Always a bytes. */
static OuroObject *bytes_maketrans(OuroObject *unused, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_arg_clinic_count("maketrans", nargs, 2, 2) < 0 || !need_bytes(args[0]) ||
        !need_bytes(args[1]))
        return NULL;
    ouro_ssize n = ou_bl_size(args[0]);
    if (n != ou_bl_size(args[1])) {
        ouro_err_set_string(&ouro_exc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    OuroObject *r = ou_bytes_alloc(256);
    if (!r)
        return NULL;
    unsigned char *o = (unsigned char *)ou_bytes_data(r);
    for (unsigned c = 0; c < 256; c++)
        o[c] = (unsigned char)c;
    for (ouro_ssize i = 0; i < n; i++)
        o[(unsigned char)ou_bl_data(args[0])[i]] = (unsigned char)ou_bl_data(args[1])[i];
    return r;
}

/* expandtabs(tabsize=8): each tab becomes spaces up to the next multiple of tabsize
 * (nothing when tabsize <= 0); \n and \r restart the column. Two passes: size, fill. */
static OuroObject *bytes_expandtabs(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                    OuroObject *kwnames)
{
    ouro_ssize tabsize;
    if (ou_arg_tabsize(args, nargs, kwnames, &tabsize) < 0)
        return NULL;
    const char *s = ou_bl_data(self);
    ouro_ssize n = ou_bl_size(self), total = 0, col = 0;
    if (!memchr(s, '\t', (size_t)n))
        return exact(self);
    for (int pass = 0; pass < 2; pass++) {
        char *o = NULL;
        OuroObject *r = NULL;
        if (pass == 1) {
            if (!(r = alloc_like(self, total)))
                return NULL;
            o = ou_bl_data(r);
        }
        col = 0;
        for (ouro_ssize i = 0; i < n; i++) {
            ouro_ssize add = 1;
            if (s[i] == '\t') {
                add = tabsize > 0 ? tabsize - col % tabsize : 0;
                col += add;
                if (o)
                    memset(o, ' ', (size_t)add);
            } else {
                col = s[i] == '\n' || s[i] == '\r' ? 0 : col + 1;
                if (o)
                    *o = s[i];
            }
            if (o)
                o += add;
            else if (total > INT64_MAX / 2 - add) {
                ouro_err_set_string(&ouro_exc_OverflowError, "result too long");
                return NULL;
            }
            total += pass == 0 ? add : 0;
        }
        if (r)
            return r;
    }
    return NULL;
}

/* ================================================================ the table ====== */

#define FAST OURO_METH_FASTCALL
#define FASTKW (OURO_METH_FASTCALL | OURO_METH_KEYWORDS)

/* The entries both types share (bytes.fromhex builds a bytearray for bytearray). */
#define SHARED_METHODS \
    {"capitalize", OURO_METH(bytes_capitalize), OURO_METH_NOARGS, "B.capitalize() -> copy of B"}, \
    {"center", OURO_METH(bytes_center), FAST, "Return a centered string of length width."}, \
    {"count", OURO_METH(bytes_count), FAST, "Return the number of non-overlapping occurrences of subsection sub."}, \
    {"decode", OURO_METH(bytes_decode), FASTKW, "Decode the bytes using the codec registered for encoding."}, \
    {"endswith", OURO_METH(bytes_endswith), FAST, "Return True if B ends with the specified suffix, False otherwise."}, \
    {"expandtabs", OURO_METH(bytes_expandtabs), FASTKW, "Return a copy where all tab characters are expanded using spaces."}, \
    {"find", OURO_METH(bytes_find), FAST, "Return the lowest index in B where subsection sub is found."}, \
    {"fromhex", OURO_METH(bytes_fromhex), OURO_METH_O | OURO_METH_CLASS, "Create a bytes object from a string of hexadecimal numbers."}, \
    {"hex", OURO_METH(ou_bytes_hex), FASTKW, "Create a string of hexadecimal numbers from a bytes object."}, \
    {"index", OURO_METH(bytes_index), FAST, "Return the lowest index in B where subsection sub is found."}, \
    {"isalnum", OURO_METH(bytes_isalnum), OURO_METH_NOARGS, "B.isalnum() -> bool"}, \
    {"isalpha", OURO_METH(bytes_isalpha), OURO_METH_NOARGS, "B.isalpha() -> bool"}, \
    {"isascii", OURO_METH(bytes_isascii), OURO_METH_NOARGS, "B.isascii() -> bool"}, \
    {"isdigit", OURO_METH(bytes_isdigit), OURO_METH_NOARGS, "B.isdigit() -> bool"}, \
    {"islower", OURO_METH(bytes_islower), OURO_METH_NOARGS, "B.islower() -> bool"}, \
    {"isspace", OURO_METH(bytes_isspace), OURO_METH_NOARGS, "B.isspace() -> bool"}, \
    {"istitle", OURO_METH(bytes_istitle), OURO_METH_NOARGS, "B.istitle() -> bool"}, \
    {"isupper", OURO_METH(bytes_isupper), OURO_METH_NOARGS, "B.isupper() -> bool"}, \
    {"join", OURO_METH(bytes_join), OURO_METH_O, "Concatenate any number of bytes objects."}, \
    {"ljust", OURO_METH(bytes_ljust), FAST, "Return a left-justified string of length width."}, \
    {"lower", OURO_METH(bytes_lower), OURO_METH_NOARGS, "B.lower() -> copy of B"}, \
    {"lstrip", OURO_METH(bytes_lstrip), FAST, "Strip leading bytes contained in the argument."}, \
    {"maketrans", OURO_METH(bytes_maketrans), FAST | OURO_METH_STATIC, "Return a translation table usable for the bytes or bytearray translate method."}, \
    {"partition", OURO_METH(bytes_partition), OURO_METH_O, "Partition the bytes into three parts using the given separator."}, \
    {"removeprefix", OURO_METH(bytes_removeprefix), OURO_METH_O, "Return a bytes object with the given prefix string removed if present."}, \
    {"removesuffix", OURO_METH(bytes_removesuffix), OURO_METH_O, "Return a bytes object with the given suffix string removed if present."}, \
    {"replace", OURO_METH(bytes_replace), FAST, "Return a copy with all occurrences of substring old replaced by new."}, \
    {"rfind", OURO_METH(bytes_rfind), FAST, "Return the highest index in B where subsection sub is found."}, \
    {"rindex", OURO_METH(bytes_rindex), FAST, "Return the highest index in B where subsection sub is found."}, \
    {"rjust", OURO_METH(bytes_rjust), FAST, "Return a right-justified string of length width."}, \
    {"rpartition", OURO_METH(bytes_rpartition), OURO_METH_O, "Partition the bytes into three parts using the given separator."}, \
    {"rsplit", OURO_METH(bytes_rsplit), FASTKW, "Return a list of the sections in the bytes, using sep as the delimiter."}, \
    {"rstrip", OURO_METH(bytes_rstrip), FAST, "Strip trailing bytes contained in the argument."}, \
    {"split", OURO_METH(bytes_split), FASTKW, "Return a list of the sections in the bytes, using sep as the delimiter."}, \
    {"splitlines", OURO_METH(bytes_splitlines), FASTKW, "Return a list of the lines in the bytes, breaking at line boundaries."}, \
    {"startswith", OURO_METH(bytes_startswith), FAST, "Return True if B starts with the specified prefix, False otherwise."}, \
    {"strip", OURO_METH(bytes_strip), FAST, "Strip leading and trailing bytes contained in the argument."}, \
    {"swapcase", OURO_METH(bytes_swapcase), OURO_METH_NOARGS, "B.swapcase() -> copy of B"}, \
    {"title", OURO_METH(bytes_title), OURO_METH_NOARGS, "B.title() -> copy of B"}, \
    {"translate", OURO_METH(bytes_translate), FASTKW, "Return a copy with each character mapped by the given translation table."}, \
    {"upper", OURO_METH(bytes_upper), OURO_METH_NOARGS, "B.upper() -> copy of B"}, \
    {"zfill", OURO_METH(bytes_zfill), OURO_METH_O, "Pad a numeric string with zeros on the left, to fill a field of the given width."},

const OuroMethodDef ou_bytes_methods[] = {
    SHARED_METHODS
    {NULL, NULL, 0, NULL},
};

const OuroMethodDef ou_bytearray_methods[] = {
    {"__alloc__", OURO_METH(ou_bytearray_alloc_method), OURO_METH_NOARGS, "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__sizeof__", OURO_METH(ou_bytearray_sizeof), OURO_METH_NOARGS, "Returns the size of the bytearray object in memory, in bytes."},
    {"append", OURO_METH(ou_bytearray_append), OURO_METH_O, "Append a single item to the end of the bytearray."},
    {"clear", OURO_METH(ou_bytearray_clear), OURO_METH_NOARGS, "Remove all items from the bytearray."},
    {"copy", OURO_METH(ou_bytearray_copy), OURO_METH_NOARGS, "Return a copy of B."},
    {"extend", OURO_METH(ou_bytearray_extend), OURO_METH_O, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", OURO_METH(ou_bytearray_insert), FAST, "Insert a single item into the bytearray before the given index."},
    {"pop", OURO_METH(ou_bytearray_pop), FAST, "Remove and return a single item from B."},
    {"remove", OURO_METH(ou_bytearray_remove), OURO_METH_O, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", OURO_METH(ou_bytearray_reverse), OURO_METH_NOARGS, "Reverse the order of the values in B in place."},
    SHARED_METHODS
    {NULL, NULL, 0, NULL},
};
