/* src/objects/strmethods.c — the methods of str (ou_str_methods, str's tp_methods), with
 * CPython 3.11's results and messages. Searching works on the UTF-8 bytes; start/end
 * arguments and results are code point indices (converted with ou_str_offset_of /
 * ou_str_index_of: O(1) for ASCII strings, a walk otherwise). Character properties and case
 * mappings are Unicode 14.0 (unicodetab.c, unicodecase.c), as CPython 3.11. */
#include "objects/strimpl.h"

#include <string.h>

/* ===================================================================== helpers ===== */

/* The str of a builder's bytes (valid UTF-8 by construction); releases the builder.
 * Returns: new reference, or NULL with MemoryError. */
static OuroObject *finish(OuStrBuf *b)
{
    OuroObject *r = b->failed ? ouro_err_no_memory() : ou_str_from_valid(b->data, b->len);
    ou_strbuf_discard(b);
    return r;
}

static void put_cp(OuStrBuf *b, uint32_t c)
{
    char u[4];
    ou_strbuf_append(b, u, (size_t)ou_utf8_put(u, c));
}

static OuroObject *bool_result(bool v)
{
    return OURO_NEWREF(v ? OURO_TRUE : OURO_FALSE);
}

/* A new str of p[0..n) from within a str (valid UTF-8 at character boundaries). */
static OuroObject *make_sub(const char *p, ouro_ssize n)
{
    return ou_str_from_valid(p, (size_t)n);
}

static int append_steal(OuroObject *list, OuroObject *item)
{
    return ou_sl_append_steal(list, item);
}

static bool is_linebreak(uint32_t c)
{
    return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

static inline bool uc_space(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return ou_uc_isspace(c);
}

/* The code point range [start, end) (adjusted, start <= end) as byte offsets. */
static void window(OuroObject *s, ouro_ssize start, ouro_ssize end, ouro_ssize *b0,
                   ouro_ssize *b1)
{
    *b0 = ou_str_offset_of(s, start);
    *b1 = end == ou_str_len(s) ? ou_str_nbytes(s) : ou_str_offset_of(s, end);
}

/* Requires a str argument: "must be str, not int" (the find family, partition, ...). */
static bool need_str(OuroObject *o)
{
    if (ouro_str_check(o))
        return true;
    ouro_err_format(&ouro_exc_TypeError, "must be str, not %s", OURO_TYPE_NAME(o));
    return false;
}

/* ================================================================ find family ====== */

/* -1 not found, -2 error; else the code point index of sub in self[start:end]. */
static ouro_ssize find_impl(OuroObject *self, const char *name, OuroObject *const *args,
                            ouro_ssize nargs, bool reverse)
{
    ouro_ssize start, end;
    if (ou_arg_find_range(name, args, nargs, &start, &end) < 0 || !need_str(args[0]))
        return -2;
    OuroObject *sub = args[0];
    ouro_ssize len = ou_str_len(self);
    ou_adjust_indices(&start, &end, len);
    if (end - start < ou_str_len(sub))
        return -1;
    ouro_ssize b0, b1;
    window(self, start, end, &b0, &b1);
    const char *d = ou_str_data(self);
    ouro_ssize off = (reverse ? ou_sl_rfind : ou_sl_find)(d + b0, b1 - b0, ou_str_data(sub),
                                                          ou_str_nbytes(sub));
    if (off < 0)
        return -1;
    if (ou_str_is_ascii(self))
        return b0 + off;
    int kind;
    return start + ou_utf8_count(d + b0, (size_t)off, &kind);
}

static OuroObject *find_result(ouro_ssize r, bool raise)
{
    if (r == -2)
        return NULL;
    if (r == -1 && raise) {
        ouro_err_set_string(&ouro_exc_ValueError, "substring not found");
        return NULL;
    }
    return ouro_int_from_ssize(r);
}

static OuroObject *str_find(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return find_result(find_impl(self, "find", args, nargs, false), false);
}
static OuroObject *str_rfind(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return find_result(find_impl(self, "rfind", args, nargs, true), false);
}
static OuroObject *str_index(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return find_result(find_impl(self, "index", args, nargs, false), true);
}
static OuroObject *str_rindex(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return find_result(find_impl(self, "rindex", args, nargs, true), true);
}

static OuroObject *str_count(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize start, end;
    if (ou_arg_find_range("count", args, nargs, &start, &end) < 0 || !need_str(args[0]))
        return NULL;
    OuroObject *sub = args[0];
    ou_adjust_indices(&start, &end, ou_str_len(self));
    if (end - start < ou_str_len(sub))
        return ouro_int_from_ssize(0);
    if (ou_str_nbytes(sub) == 0)
        return ouro_int_from_ssize(end - start + 1);
    ouro_ssize b0, b1;
    window(self, start, end, &b0, &b1);
    return ouro_int_from_ssize(ou_sl_count(ou_str_data(self) + b0, b1 - b0, ou_str_data(sub),
                                           ou_str_nbytes(sub), INT64_MAX));
}

/* 1 if self[start:end] starts (or ends) with sub, 0 if not. */
static int tailmatch(OuroObject *self, OuroObject *sub, ouro_ssize start, ouro_ssize end,
                     bool at_end)
{
    ou_adjust_indices(&start, &end, ou_str_len(self));
    ouro_ssize sublen = ou_str_len(sub);
    if (end - sublen < start)
        return 0;
    if (sublen == 0)
        return 1;
    ouro_ssize b0, b1, nb = ou_str_nbytes(sub);
    window(self, start, end, &b0, &b1);
    if (b1 - b0 < nb)
        return 0;
    const char *p = ou_str_data(self) + (at_end ? b1 - nb : b0);
    return memcmp(p, ou_str_data(sub), (size_t)nb) == 0;
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
            if (!ouro_str_check(sub))
                return ouro_err_format(&ouro_exc_TypeError,
                                       "tuple for %s must only contain str, not %s", name,
                                       OURO_TYPE_NAME(sub));
            if (tailmatch(self, sub, start, end, at_end))
                return bool_result(true);
        }
        return bool_result(false);
    }
    if (!ouro_str_check(x))
        return ouro_err_format(&ouro_exc_TypeError,
                               "%s first arg must be str or a tuple of str, not %s", name,
                               OURO_TYPE_NAME(x));
    return bool_result(tailmatch(self, x, start, end, at_end));
}

static OuroObject *str_startswith(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return starts_ends(self, "startswith", args, nargs, false);
}
static OuroObject *str_endswith(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return starts_ends(self, "endswith", args, nargs, true);
}

static OuroObject *str_removeprefix(OuroObject *self, OuroObject *arg)
{
    if (!ouro_str_check(arg))
        return ouro_err_format(&ouro_exc_TypeError,
                               "removeprefix() argument must be str, not %s", OURO_TYPE_NAME(arg));
    ouro_ssize n = ou_str_nbytes(self), k = ou_str_nbytes(arg);
    if (k && k <= n && memcmp(ou_str_data(self), ou_str_data(arg), (size_t)k) == 0)
        return make_sub(ou_str_data(self) + k, n - k);
    return ou_str_exact(self);
}

static OuroObject *str_removesuffix(OuroObject *self, OuroObject *arg)
{
    if (!ouro_str_check(arg))
        return ouro_err_format(&ouro_exc_TypeError,
                               "removesuffix() argument must be str, not %s", OURO_TYPE_NAME(arg));
    ouro_ssize n = ou_str_nbytes(self), k = ou_str_nbytes(arg);
    if (k && k <= n && memcmp(ou_str_data(self) + n - k, ou_str_data(arg), (size_t)k) == 0)
        return make_sub(ou_str_data(self), n - k);
    return ou_str_exact(self);
}

/* ====================================================================== split ====== */

/* Whitespace split of a str: runs of Unicode whitespace separate the fields. */
static OuroObject *split_whitespace(OuroObject *self, ouro_ssize maxcount, bool reverse)
{
    const char *s = ou_str_data(self);
    const unsigned char *base = (const unsigned char *)s;
    ouro_ssize n = ou_str_nbytes(self);
    bool exact = ouro_str_check_exact(self);
    OuroObject *list = ouro_list_new(0);
    if (!list)
        return NULL;
    if (!reverse) {
        ouro_ssize i = 0;
        while (maxcount-- > 0) {
            const unsigned char *p = base + i, *q;
            while (p < base + n && (q = p, uc_space(ou_utf8_next(&q))))
                p = q;
            i = p - base;
            if (i == n)
                break;
            ouro_ssize j = i;
            while (p < base + n && (q = p, !uc_space(ou_utf8_next(&q))))
                p = q;
            i = p - base;
            if (j == 0 && i == n && exact) {
                if (ouro_list_append(list, self) < 0)
                    goto error;
                break;
            }
            if (append_steal(list, make_sub(s + j, i - j)) < 0)
                goto error;
        }
        if (i < n) {
            const unsigned char *p = base + i, *q;
            while (p < base + n && (q = p, uc_space(ou_utf8_next(&q))))
                p = q;
            if (p < base + n && append_steal(list, make_sub((const char *)p, n - (p - base))) < 0)
                goto error;
        }
        return list;
    }
    ouro_ssize i = n;  /* exclusive end of the part still to scan */
    while (maxcount-- > 0) {
        const unsigned char *p = base + i, *q;
        while (p > base && (q = p, uc_space(ou_utf8_prev(&q))))
            p = q;
        i = p - base;
        if (i == 0)
            break;
        ouro_ssize j = i;
        while (p > base && (q = p, !uc_space(ou_utf8_prev(&q))))
            p = q;
        i = p - base;
        if (j == n && i == 0 && exact) {
            if (ouro_list_append(list, self) < 0)
                goto error;
            break;
        }
        if (append_steal(list, make_sub(s + i, j - i)) < 0)
            goto error;
    }
    if (i > 0) {
        const unsigned char *p = base + i, *q;
        while (p > base && (q = p, uc_space(ou_utf8_prev(&q))))
            p = q;
        if (p > base && append_steal(list, make_sub(s, p - base)) < 0)
            goto error;
    }
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
    if (!ouro_str_check(sep))
        return ouro_err_format(&ouro_exc_TypeError, "must be str or None, not %s",
                               OURO_TYPE_NAME(sep));
    if (ou_str_nbytes(sep) == 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "empty separator");
        return NULL;
    }
    return ou_sl_split_sep(self, ou_str_data(self), ou_str_nbytes(self), ou_str_data(sep),
                           ou_str_nbytes(sep), maxsplit, reverse, ouro_str_check_exact(self),
                           make_sub);
}

static OuroObject *str_split(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                             OuroObject *kwnames)
{
    return split_impl(self, "split", args, nargs, kwnames, false);
}
static OuroObject *str_rsplit(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                              OuroObject *kwnames)
{
    return split_impl(self, "rsplit", args, nargs, kwnames, true);
}

static OuroObject *str_splitlines(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    static const char *const kwlist[] = {"keepends"};
    OuroObject *a[1];
    ouro_ssize keepends = 0;
    if (ou_arg_parse_kw("splitlines", args, nargs, kwnames, kwlist, 1, a) < 0 ||
        (a[0] && ou_arg_ssize(a[0], &keepends) < 0))
        return NULL;
    const char *s = ou_str_data(self);
    const unsigned char *base = (const unsigned char *)s, *p = base;
    const unsigned char *end = base + ou_str_nbytes(self);
    OuroObject *list = ouro_list_new(0);
    if (!list)
        return NULL;
    while (p < end) {
        const unsigned char *start = p, *q = p;
        uint32_t c = 0;
        while (p < end && (q = p, !is_linebreak(c = ou_utf8_next(&q))))
            p = q;
        const unsigned char *eol = p;
        if (p < end) {
            p = q;
            if (c == '\r' && p < end && *p == '\n')
                p++;
            if (keepends)
                eol = p;
        }
        if (start == base && eol == end && ouro_str_check_exact(self)) {
            if (ouro_list_append(list, self) < 0)
                goto error;
            break;
        }
        if (append_steal(list, make_sub((const char *)start, eol - start)) < 0)
            goto error;
    }
    return list;
error:
    OURO_DECREF(list);
    return NULL;
}

static OuroObject *partition_impl(OuroObject *self, OuroObject *sep, bool reverse)
{
    if (!need_str(sep))
        return NULL;
    ouro_ssize n = ou_str_nbytes(self), k = ou_str_nbytes(sep);
    if (k == 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = ou_str_data(self);
    ouro_ssize pos = (reverse ? ou_sl_rfind : ou_sl_find)(s, n, ou_str_data(sep), k);
    OuroObject *parts[3] = {NULL, NULL, NULL}, *r = NULL;
    if (pos < 0) {
        parts[reverse ? 2 : 0] = ou_str_exact(self);
        parts[1] = ou_str_from_valid("", 0);
        parts[reverse ? 0 : 2] = ou_str_from_valid("", 0);
    } else {
        parts[0] = make_sub(s, pos);
        parts[1] = ou_str_exact(sep);
        parts[2] = make_sub(s + pos + k, n - pos - k);
    }
    if (parts[0] && parts[1] && parts[2])
        r = ouro_tuple_pack(3, parts[0], parts[1], parts[2]);
    for (int i = 0; i < 3; i++)
        OURO_XDECREF(parts[i]);
    return r;
}

static OuroObject *str_partition(OuroObject *self, OuroObject *sep)
{
    return partition_impl(self, sep, false);
}
static OuroObject *str_rpartition(OuroObject *self, OuroObject *sep)
{
    return partition_impl(self, sep, true);
}

/* ======================================================================= join ====== */

/* No code runs between the size pass and the copy pass (only type checks), so the items
 * of a list cannot change under us. */
static OuroObject *str_join(OuroObject *self, OuroObject *iterable)
{
    OuroObject *seq, **items, *r = NULL;
    ouro_ssize n;
    if (ou_sl_fast_sequence(iterable, "can only join an iterable", &seq, &items, &n) < 0)
        return NULL;
    if (n == 1 && ouro_str_check_exact(items[0])) {
        r = OURO_NEWREF(items[0]);
        goto done;
    }
    ouro_ssize seplen = ou_str_nbytes(self), total = 0, ncp = 0;
    int kind = ou_str_kind(self);
    for (ouro_ssize i = 0; i < n; i++) {
        OuroObject *x = items[i];
        if (!ouro_str_check(x)) {
            ouro_err_format(&ouro_exc_TypeError,
                            "sequence item %zd: expected str instance, %s found", i,
                            OURO_TYPE_NAME(x));
            goto done;
        }
        ouro_ssize add = ou_str_nbytes(x) + (i ? seplen : 0);
        if (total > OU_STR_MAX_BYTES - add) {
            ouro_err_set_string(&ouro_exc_OverflowError, "join() result is too long for a Python string");
            goto done;
        }
        total += add;
        ncp += ou_str_len(x) + (i ? ou_str_len(self) : 0);
        if (ou_str_kind(x) > kind)
            kind = ou_str_kind(x);
    }
    if (total == 0 || ncp == 1) {
        OuStrBuf b;
        ou_strbuf_init(&b);
        for (ouro_ssize i = 0; i < n; i++) {
            if (i)
                ou_strbuf_append(&b, ou_str_data(self), (size_t)seplen);
            ou_strbuf_append(&b, ou_str_data(items[i]), (size_t)ou_str_nbytes(items[i]));
        }
        r = finish(&b);  /* the "" and one-character singletons */
        goto done;
    }
    r = ou_str_alloc(total, ncp, kind);
    if (!r)
        goto done;
    char *o = ou_str_data(r);
    for (ouro_ssize i = 0; i < n; i++) {
        if (i) {
            memcpy(o, ou_str_data(self), (size_t)seplen);
            o += seplen;
        }
        memcpy(o, ou_str_data(items[i]), (size_t)ou_str_nbytes(items[i]));
        o += ou_str_nbytes(items[i]);
    }
done:
    OURO_DECREF(seq);
    return r;
}

/* ====================================================================== strip ====== */

static bool strip_in(const unsigned char *cs, const unsigned char *cend, uint32_t c)
{
    if (c < 0x80)
        return memchr(cs, (int)c, (size_t)(cend - cs)) != NULL;
    while (cs < cend)
        if (ou_utf8_next(&cs) == c)
            return true;
    return false;
}

/* Strips code points of chars (NULL: whitespace) from the left (1), right (2) or both. */
static OuroObject *strip_impl(OuroObject *self, const char *name, OuroObject *const *args,
                              ouro_ssize nargs, int where)
{
    if (ou_arg_clinic_count(name, nargs, 0, 1) < 0)
        return NULL;
    OuroObject *chars = nargs ? args[0] : NULL;
    if (chars == OURO_NONE)
        chars = NULL;
    if (chars && !ouro_str_check(chars))
        return ouro_err_format(&ouro_exc_TypeError, "%s arg must be None or str", name);
    const unsigned char *base = (const unsigned char *)ou_str_data(self);
    const unsigned char *p = base, *end = base + ou_str_nbytes(self), *q;
    const unsigned char *cs = chars ? (const unsigned char *)ou_str_data(chars) : NULL;
    const unsigned char *cend = chars ? cs + ou_str_nbytes(chars) : NULL;
#define IN_SET(c) (chars ? strip_in(cs, cend, (c)) : uc_space(c))
    if (where & 1)
        while (p < end && (q = p, IN_SET(ou_utf8_next(&q))))
            p = q;
    if (where & 2)
        while (end > p && (q = end, IN_SET(ou_utf8_prev(&q))))
            end = q;
#undef IN_SET
    if (p == base && end == base + ou_str_nbytes(self))
        return ou_str_exact(self);
    return make_sub((const char *)p, end - p);
}

static OuroObject *str_strip(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return strip_impl(self, "strip", args, nargs, 3);
}
static OuroObject *str_lstrip(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return strip_impl(self, "lstrip", args, nargs, 1);
}
static OuroObject *str_rstrip(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return strip_impl(self, "rstrip", args, nargs, 2);
}

/* ==================================================================== replace ====== */

static OuroObject *str_replace(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_arg_clinic_count("replace", nargs, 2, 3) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!ouro_str_check(args[i]))
            return ouro_err_format(&ouro_exc_TypeError, "replace() argument %d must be str, not %s",
                                   i + 1, OURO_TYPE_NAME(args[i]));
    ouro_ssize count = -1;
    if (nargs > 2 && ou_arg_ssize(args[2], &count) < 0)
        return NULL;
    if (count < 0)
        count = INT64_MAX;
    OuroObject *old = args[0], *new = args[1];
    const char *s = ou_str_data(self), *o = ou_str_data(old), *nw = ou_str_data(new);
    ouro_ssize n = ou_str_nbytes(self), on = ou_str_nbytes(old), nn = ou_str_nbytes(new);
    ouro_ssize found;
    if (on == 0)  /* insert new before every code point and at the end */
        found = ou_str_len(self) + 1 < count ? ou_str_len(self) + 1 : count;
    else
        found = ou_sl_count(s, n, o, on, count);
    if (found == 0)
        return ou_str_exact(self);
    if (nn > on && found > (OU_STR_MAX_BYTES - n) / (nn - on)) {
        ouro_err_set_string(&ouro_exc_OverflowError, "replace string is too long");
        return NULL;
    }
    OuStrBuf b;
    ou_strbuf_init(&b);
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    if (on == 0) {
        for (ouro_ssize k = 0; k < found; k++) {
            ou_strbuf_append(&b, nw, (size_t)nn);
            if (p < end) {
                const unsigned char *q = p;
                ou_utf8_next(&q);
                ou_strbuf_append(&b, (const char *)p, (size_t)(q - p));
                p = q;
            }
        }
    } else {
        for (ouro_ssize k = 0; k < found; k++) {
            ouro_ssize i = ou_sl_find((const char *)p, end - p, o, on);
            ou_strbuf_append(&b, (const char *)p, (size_t)i);
            ou_strbuf_append(&b, nw, (size_t)nn);
            p += i + on;
        }
    }
    ou_strbuf_append(&b, (const char *)p, (size_t)(end - p));
    return finish(&b);
}

/* ====================================================================== cases ====== */

/* CPython's Final_Sigma context test for the capital sigma at byte offset at (width 2):
 * a cased letter before it (skipping case-ignorables) and none after it. */
static bool final_sigma(const unsigned char *base, const unsigned char *end,
                        const unsigned char *at)
{
    const unsigned char *p = at, *q;
    uint32_t c = 0;
    bool found = false;
    while (p > base) {
        q = p;
        c = ou_utf8_prev(&q);
        p = q;
        if (!ou_uc_iscaseignorable(c)) {
            found = true;
            break;
        }
    }
    if (!found || !ou_uc_iscased(c))
        return false;
    p = at + 2;
    while (p < end) {
        c = ou_utf8_next(&p);
        if (!ou_uc_iscaseignorable(c))
            return !ou_uc_iscased(c);
    }
    return true;
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static int lower_at(const unsigned char *base, const unsigned char *end,
                    const unsigned char *at, uint32_t c, uint32_t out[3])
{
    if (c == 0x3A3) {
        out[0] = final_sigma(base, end, at) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return ou_uc_tolower(c, out);
}

static OuroObject *ascii_case(OuroObject *self, int mode)
{
    ouro_ssize n = ou_str_nbytes(self);
    OuroObject *r = ou_str_alloc(n, n, 1);
    if (!r)
        return NULL;
    const char *s = ou_str_data(self);
    char *o = ou_str_data(r);
    bool prev_cased = false;
    for (ouro_ssize i = 0; i < n; i++) {
        char c = s[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        bool to_upper = mode == CASE_UPPER || (mode == CASE_SWAP && lo) ||
                        (mode == CASE_TITLE && !prev_cased) || (mode == CASE_CAPITALIZE && i == 0);
        if (to_upper && lo)
            c = (char)(c - 32);
        else if (!to_upper && up && mode != CASE_SWAP)
            c = (char)(c + 32);
        else if (mode == CASE_SWAP && up)
            c = (char)(c + 32);
        o[i] = c;
        prev_cased = up || lo;
    }
    return r;
}

static OuroObject *change_case(OuroObject *self, int mode)
{
    if (ou_str_is_ascii(self))
        return ascii_case(self, mode);
    const unsigned char *base = (const unsigned char *)ou_str_data(self);
    const unsigned char *end = base + ou_str_nbytes(self), *p = base;
    OuStrBuf b;
    ou_strbuf_init(&b);
    bool prev_cased = false;
    while (p < end) {
        const unsigned char *at = p;
        uint32_t c = ou_utf8_next(&p), m[3];
        int k;
        switch (mode) {
        case CASE_LOWER: k = lower_at(base, end, at, c, m); break;
        case CASE_UPPER: k = ou_uc_toupper(c, m); break;
        case CASE_FOLD: k = ou_uc_casefold(c, m); break;
        case CASE_SWAP:
            k = ou_uc_isupper(c) ? lower_at(base, end, at, c, m)
              : ou_uc_islower(c) ? ou_uc_toupper(c, m) : (m[0] = c, 1);
            break;
        case CASE_TITLE:
            k = prev_cased ? lower_at(base, end, at, c, m) : ou_uc_totitle(c, m);
            prev_cased = ou_uc_iscased(c);
            break;
        default: /* CASE_CAPITALIZE */
            k = at == base ? ou_uc_totitle(c, m) : lower_at(base, end, at, c, m);
            break;
        }
        for (int j = 0; j < k; j++)
            put_cp(&b, m[j]);
    }
    return finish(&b);
}

static OuroObject *str_lower(OuroObject *self, OuroObject *unused) { return change_case(self, CASE_LOWER); }
static OuroObject *str_upper(OuroObject *self, OuroObject *unused) { return change_case(self, CASE_UPPER); }
static OuroObject *str_casefold(OuroObject *self, OuroObject *unused) { return change_case(self, CASE_FOLD); }
static OuroObject *str_swapcase(OuroObject *self, OuroObject *unused) { return change_case(self, CASE_SWAP); }
static OuroObject *str_title(OuroObject *self, OuroObject *unused) { return change_case(self, CASE_TITLE); }
static OuroObject *str_capitalize(OuroObject *self, OuroObject *unused)
{
    return change_case(self, CASE_CAPITALIZE);
}

/* ================================================================= predicates ====== */

/* True when s is not empty and every code point satisfies pred. */
static OuroObject *all_of(OuroObject *self, bool (*pred)(uint32_t))
{
    const unsigned char *p = (const unsigned char *)ou_str_data(self);
    const unsigned char *end = p + ou_str_nbytes(self);
    if (p == end)
        return bool_result(false);
    while (p < end)
        if (!pred(ou_utf8_next(&p)))
            return bool_result(false);
    return bool_result(true);
}

static bool uc_isalnum(uint32_t c)
{
    return ou_uc_isalpha(c) || ou_uc_isdecimal(c) || ou_uc_isdigit(c) || ou_uc_isnumeric(c);
}

static OuroObject *str_isalpha(OuroObject *self, OuroObject *unused) { return all_of(self, ou_uc_isalpha); }
static OuroObject *str_isalnum(OuroObject *self, OuroObject *unused) { return all_of(self, uc_isalnum); }
static OuroObject *str_isdecimal(OuroObject *self, OuroObject *unused) { return all_of(self, ou_uc_isdecimal); }
static OuroObject *str_isdigit(OuroObject *self, OuroObject *unused) { return all_of(self, ou_uc_isdigit); }
static OuroObject *str_isnumeric(OuroObject *self, OuroObject *unused) { return all_of(self, ou_uc_isnumeric); }
static OuroObject *str_isspace(OuroObject *self, OuroObject *unused) { return all_of(self, uc_space); }

static OuroObject *str_isascii(OuroObject *self, OuroObject *unused)
{
    return bool_result(ou_str_is_ascii(self));
}

static OuroObject *str_isprintable(OuroObject *self, OuroObject *unused)
{
    const unsigned char *p = (const unsigned char *)ou_str_data(self);
    const unsigned char *end = p + ou_str_nbytes(self);
    while (p < end)
        if (!ou_uc_isprintable(ou_utf8_next(&p)))
            return bool_result(false);
    return bool_result(true);
}

/* islower: some cased character, none upper or title case (isupper: the reverse). */
static OuroObject *cased_test(OuroObject *self, bool want_lower)
{
    const unsigned char *p = (const unsigned char *)ou_str_data(self);
    const unsigned char *end = p + ou_str_nbytes(self);
    bool cased = false;
    while (p < end) {
        uint32_t c = ou_utf8_next(&p);
        bool lo = ou_uc_islower(c), up = ou_uc_isupper(c);
        if ((want_lower ? up : lo) || ou_uc_istitle(c))
            return bool_result(false);
        if (want_lower ? lo : up)
            cased = true;
    }
    return bool_result(cased);
}

static OuroObject *str_islower(OuroObject *self, OuroObject *unused) { return cased_test(self, true); }
static OuroObject *str_isupper(OuroObject *self, OuroObject *unused) { return cased_test(self, false); }

static OuroObject *str_istitle(OuroObject *self, OuroObject *unused)
{
    const unsigned char *p = (const unsigned char *)ou_str_data(self);
    const unsigned char *end = p + ou_str_nbytes(self);
    bool cased = false, prev_cased = false;
    while (p < end) {
        uint32_t c = ou_utf8_next(&p);
        if (ou_uc_isupper(c) || ou_uc_istitle(c)) {
            if (prev_cased)
                return bool_result(false);
            prev_cased = cased = true;
        } else if (ou_uc_islower(c)) {
            if (!prev_cased)
                return bool_result(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return bool_result(cased);
}

static OuroObject *str_isidentifier(OuroObject *self, OuroObject *unused)
{
    const unsigned char *p = (const unsigned char *)ou_str_data(self);
    const unsigned char *end = p + ou_str_nbytes(self);
    if (p == end)
        return bool_result(false);
    uint32_t c = ou_utf8_next(&p);
    if (!ou_uc_isxidstart(c) && c != '_')
        return bool_result(false);
    while (p < end)
        if (!ou_uc_isxidcontinue(ou_utf8_next(&p)))
            return bool_result(false);
    return bool_result(true);
}

/* =================================================================== padding ====== */

static OuroObject *pad(OuroObject *self, ouro_ssize left, ouro_ssize right, uint32_t fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return ou_str_exact(self);
    int w = ou_utf8_width(fill);
    ouro_ssize nb = ou_str_nbytes(self);
    if (left + right > (OU_STR_MAX_BYTES - nb) / w) {
        ouro_err_set_string(&ouro_exc_OverflowError, "padded string is too long");
        return NULL;
    }
    int kind = fill < 0x100 ? 1 : fill < 0x10000 ? 2 : 4;
    OuroObject *r = ou_str_alloc(nb + (left + right) * w, ou_str_len(self) + left + right,
                                 kind > ou_str_kind(self) ? kind : ou_str_kind(self));
    if (!r)
        return NULL;
    char *o = ou_str_data(r), u[4];
    ou_utf8_put(u, fill);
    for (ouro_ssize i = 0; i < left; i++, o += w)
        memcpy(o, u, (size_t)w);
    memcpy(o, ou_str_data(self), (size_t)nb);
    o += nb;
    for (ouro_ssize i = 0; i < right; i++, o += w)
        memcpy(o, u, (size_t)w);
    return r;
}

/* (width[, fillchar]) of center/ljust/rjust: 0, or -1 with CPython's errors. */
static int pad_args(const char *name, OuroObject *const *args, ouro_ssize nargs,
                    ouro_ssize *width, uint32_t *fill)
{
    if (ou_arg_clinic_count(name, nargs, 1, 2) < 0 || ou_arg_ssize(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        OuroObject *f = args[1];
        if (!ouro_str_check(f)) {
            ouro_err_format(&ouro_exc_TypeError,
                            "The fill character must be a unicode character, not %s",
                            OURO_TYPE_NAME(f));
            return -1;
        }
        if (ou_str_len(f) != 1) {
            ouro_err_set_string(&ouro_exc_TypeError,
                                "The fill character must be exactly one character long");
            return -1;
        }
        *fill = ouro_str_codepoint_at(f, 0);
    }
    return 0;
}

static OuroObject *str_center(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize width;
    uint32_t fill;
    if (pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    ouro_ssize marg = width - ou_str_len(self);
    if (marg <= 0)
        return ou_str_exact(self);
    ouro_ssize left = marg / 2 + (marg & width & 1);  /* as CPython */
    return pad(self, left, marg - left, fill);
}

static OuroObject *str_ljust(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize width;
    uint32_t fill;
    if (pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - ou_str_len(self), fill);
}

static OuroObject *str_rjust(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    ouro_ssize width;
    uint32_t fill;
    if (pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, width - ou_str_len(self), 0, fill);
}

static OuroObject *str_zfill(OuroObject *self, OuroObject *arg)
{
    ouro_ssize width;
    if (ou_arg_ssize(arg, &width) < 0)
        return NULL;
    ouro_ssize fill = width - ou_str_len(self);
    if (fill <= 0)
        return ou_str_exact(self);
    OuroObject *r = pad(self, fill, 0, '0');
    if (r) {
        char *o = ou_str_data(r);
        if (o[fill] == '+' || o[fill] == '-') {  /* the sign moves to the front */
            o[0] = o[fill];
            o[fill] = '0';
        }
    }
    return r;
}

static OuroObject *str_expandtabs(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    ouro_ssize tabsize;
    if (ou_arg_tabsize(args, nargs, kwnames, &tabsize) < 0)
        return NULL;
    const unsigned char *p = (const unsigned char *)ou_str_data(self);
    const unsigned char *end = p + ou_str_nbytes(self);
    if (!memchr(p, '\t', (size_t)(end - p)))
        return ou_str_exact(self);
    OuStrBuf b;
    ou_strbuf_init(&b);
    ouro_ssize col = 0;
    while (p < end) {
        const unsigned char *q = p;
        uint32_t c = ou_utf8_next(&q);
        if (c == '\t') {
            if (tabsize > 0) {
                ouro_ssize incr = tabsize - col % tabsize;
                if (b.len + (size_t)incr > (size_t)OU_STR_MAX_BYTES) {
                    ou_strbuf_discard(&b);
                    ouro_err_set_string(&ouro_exc_OverflowError, "new string is too long");
                    return NULL;
                }
                col += incr;
                while (incr--)
                    ou_strbuf_append_char(&b, ' ');
            }
        } else {
            col = c == '\n' || c == '\r' ? 0 : col + 1;
            ou_strbuf_append(&b, (const char *)p, (size_t)(q - p));
        }
        p = q;
    }
    return finish(&b);
}

/* ==================================================================== encode ====== */

static OuroObject *str_encode(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                              OuroObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors"};
    OuroObject *a[2];
    if (ou_arg_parse_kw("encode", args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    if (ou_codec_args("encode", a[0], a[1]) < 0)
        return NULL;
    return ou_str_encode(self, a[0], a[1]);
}

/* ================================================================ the table ====== */

#define FAST OURO_METH_FASTCALL
#define FASTKW (OURO_METH_FASTCALL | OURO_METH_KEYWORDS)

const OuroMethodDef ou_str_methods[] = {
    {"format", OURO_METH(ou_str_format_call), FASTKW, "Return a formatted version of the string, using substitutions from args and kwargs."},
    {"format_map", OURO_METH(ou_str_format_map), OURO_METH_O, "Return a formatted version of the string, using substitutions from mapping."},
    {"__format__", OURO_METH(ou_str_format_method), OURO_METH_O, "Return a formatted version of the string as described by format_spec."},
    {"encode", OURO_METH(str_encode), FASTKW, "Encode the string using the codec registered for encoding."},
    {"replace", OURO_METH(str_replace), FAST, "Return a copy with all occurrences of substring old replaced by new."},
    {"split", OURO_METH(str_split), FASTKW, "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", OURO_METH(str_rsplit), FASTKW, "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", OURO_METH(str_join), OURO_METH_O, "Concatenate any number of strings."},
    {"capitalize", OURO_METH(str_capitalize), OURO_METH_NOARGS, "Return a capitalized version of the string."},
    {"casefold", OURO_METH(str_casefold), OURO_METH_NOARGS, "Return a version of the string suitable for caseless comparisons."},
    {"title", OURO_METH(str_title), OURO_METH_NOARGS, "Return a version of the string where each word is titlecased."},
    {"center", OURO_METH(str_center), FAST, "Return a centered string of length width."},
    {"count", OURO_METH(str_count), FAST, "Return the number of non-overlapping occurrences of substring sub."},
    {"expandtabs", OURO_METH(str_expandtabs), FASTKW, "Return a copy where all tab characters are expanded using spaces."},
    {"find", OURO_METH(str_find), FAST, "Return the lowest index in S where substring sub is found."},
    {"partition", OURO_METH(str_partition), OURO_METH_O, "Partition the string into three parts using the given separator."},
    {"index", OURO_METH(str_index), FAST, "Return the lowest index in S where substring sub is found."},
    {"ljust", OURO_METH(str_ljust), FAST, "Return a left-justified string of length width."},
    {"lower", OURO_METH(str_lower), OURO_METH_NOARGS, "Return a copy of the string converted to lowercase."},
    {"lstrip", OURO_METH(str_lstrip), FAST, "Return a copy of the string with leading whitespace removed."},
    {"rfind", OURO_METH(str_rfind), FAST, "Return the highest index in S where substring sub is found."},
    {"rindex", OURO_METH(str_rindex), FAST, "Return the highest index in S where substring sub is found."},
    {"rjust", OURO_METH(str_rjust), FAST, "Return a right-justified string of length width."},
    {"rstrip", OURO_METH(str_rstrip), FAST, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", OURO_METH(str_rpartition), OURO_METH_O, "Partition the string into three parts using the given separator."},
    {"splitlines", OURO_METH(str_splitlines), FASTKW, "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", OURO_METH(str_strip), FAST, "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", OURO_METH(str_swapcase), OURO_METH_NOARGS, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"upper", OURO_METH(str_upper), OURO_METH_NOARGS, "Return a copy of the string converted to uppercase."},
    {"startswith", OURO_METH(str_startswith), FAST, "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", OURO_METH(str_endswith), FAST, "Return True if S ends with the specified suffix, False otherwise."},
    {"removeprefix", OURO_METH(str_removeprefix), OURO_METH_O, "Return a str with the given prefix string removed if present."},
    {"removesuffix", OURO_METH(str_removesuffix), OURO_METH_O, "Return a str with the given suffix string removed if present."},
    {"isascii", OURO_METH(str_isascii), OURO_METH_NOARGS, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", OURO_METH(str_islower), OURO_METH_NOARGS, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", OURO_METH(str_isupper), OURO_METH_NOARGS, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", OURO_METH(str_istitle), OURO_METH_NOARGS, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", OURO_METH(str_isspace), OURO_METH_NOARGS, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", OURO_METH(str_isdecimal), OURO_METH_NOARGS, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", OURO_METH(str_isdigit), OURO_METH_NOARGS, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", OURO_METH(str_isnumeric), OURO_METH_NOARGS, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", OURO_METH(str_isalpha), OURO_METH_NOARGS, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", OURO_METH(str_isalnum), OURO_METH_NOARGS, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", OURO_METH(str_isidentifier), OURO_METH_NOARGS, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", OURO_METH(str_isprintable), OURO_METH_NOARGS, "Return True if the string is printable, False otherwise."},
    {"zfill", OURO_METH(str_zfill), OURO_METH_O, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    /* strtranslate.c */
    {"maketrans", OURO_METH(ou_str_maketrans), OURO_METH_FASTCALL | OURO_METH_STATIC, "Return a translation table usable for str.translate()."},
    {"translate", OURO_METH(ou_str_translate), OURO_METH_O, "Replace each character in the string using the given translation table."},
    {NULL, NULL, 0, NULL},
};
