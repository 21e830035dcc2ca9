/* src/objects/strtranslate.c — str.maketrans (a static method) and str.translate, as
 * CPython 3.11's unicode_maketrans_impl and _PyUnicode_TranslateCharmap: the table is any
 * object with __getitem__, looked up with each character's ordinal; a LookupError keeps
 * the character, None deletes it, an int or a str replaces it. Messages are CPython's. */
#include "objects/strimpl.h"

#include <string.h>

/* Adds key -> value (both borrowed) to d, key converted to its ordinal when it is a
 * 1-character str. 0, or -1 with an exception. */
static int put_key(OuroObject *d, OuroObject *key, OuroObject *value)
{
    if (ouro_str_check(key)) {
        if (ouro_str_length(key) != 1) {
            ouro_err_set_string(&ouro_exc_ValueError,
                                "string keys in translate table must be of length 1");
            return -1;
        }
        OuroObject *k = ouro_int_from_int64(ouro_str_codepoint_at(key, 0));
        if (!k)
            return -1;
        int rc = ouro_dict_set_item(d, k, value);
        OURO_DECREF(k);
        return rc;
    }
    if (ouro_int_check(key))
        return ouro_dict_set_item(d, key, value);
    ouro_err_set_string(&ouro_exc_TypeError, "keys in translate table must be strings or integers");
    return -1;
}

/* str.maketrans(x[, y[, z]]). Returns: new dict, or NULL with an exception set. */
OuroObject *ou_str_maketrans(OuroObject *unused, OuroObject *const *args, ouro_ssize nargs)
{
    if (nargs < 1 || nargs > 3)
        return ouro_err_format(&ouro_exc_TypeError, nargs < 1
                               ? "maketrans expected at least 1 argument, got %zd"
                               : "maketrans expected at most 3 arguments, got %zd", nargs);
    OuroObject *d = ouro_dict_new();
    if (!d)
        return NULL;
    if (nargs == 1) {
        OuroObject *x = args[0];
        if (!ouro_dict_check(x)) {
            ouro_err_set_string(&ouro_exc_TypeError,
                                "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        OuroObject *items = ouro_dict_items(x);
        if (!items)
            goto fail;
        for (ouro_ssize i = 0; i < ouro_list_size(items); i++) {
            OuroObject *kv = ouro_list_get_item(items, i);
            if (put_key(d, OURO_TUPLE_GET(kv, 0), OURO_TUPLE_GET(kv, 1)) < 0) {
                OURO_DECREF(items);
                goto fail;
            }
        }
        OURO_DECREF(items);
        return d;
    }
    for (ouro_ssize i = 0; i < nargs; i++)
        if (!ouro_str_check(args[i])) {
            if (i == 0)
                ouro_err_set_string(&ouro_exc_TypeError, "first maketrans argument must be a "
                                    "string if there is a second argument");
            else
                ouro_err_format(&ouro_exc_TypeError, "maketrans() argument %zd must be str, "
                                "not %s", i + 1, OURO_TYPE_NAME(args[i]));
            goto fail;
        }
    ouro_ssize n = ouro_str_length(args[0]);
    if (n != ouro_str_length(args[1])) {
        ouro_err_set_string(&ouro_exc_ValueError,
                            "the first two maketrans arguments must have equal length");
        goto fail;
    }
    for (ouro_ssize i = 0; i < n; i++) {
        OuroObject *k = ouro_int_from_int64(ouro_str_codepoint_at(args[0], i));
        OuroObject *v = ouro_int_from_int64(ouro_str_codepoint_at(args[1], i));
        int rc = k && v ? ouro_dict_set_item(d, k, v) : -1;
        OURO_XDECREF(k);
        OURO_XDECREF(v);
        if (rc < 0)
            goto fail;
    }
    if (nargs == 3) {
        for (ouro_ssize i = 0; i < ouro_str_length(args[2]); i++) {
            OuroObject *k = ouro_int_from_int64(ouro_str_codepoint_at(args[2], i));
            int rc = k ? ouro_dict_set_item(d, k, OURO_NONE) : -1;
            OURO_XDECREF(k);
            if (rc < 0)
                goto fail;
        }
    }
    return d;
fail:
    OURO_DECREF(d);
    return NULL;
}

/* str.translate(table). Returns: new str, or NULL with an exception set. */
OuroObject *ou_str_translate(OuroObject *self, OuroObject *table)
{
    OuStrBuf b;
    ou_strbuf_init(&b);
    const unsigned char *p = (const unsigned char *)ou_str_data(self);
    const unsigned char *end = p + ou_str_nbytes(self);
    while (p < end) {
        const unsigned char *start = p;
        uint32_t c = ou_utf8_next(&p);
        OuroObject *key = ouro_int_from_int64(c);
        OuroObject *v = key ? ouro_object_getitem(table, key) : NULL;
        OURO_XDECREF(key);
        if (!v) {
            if (!key || !ouro_err_matches(&ouro_exc_LookupError))
                goto fail;
            ouro_err_clear(); /* not in the table: the character stays */
            ou_strbuf_append(&b, (const char *)start, (size_t)(p - start));
            continue;
        }
        if (v == OURO_NONE) {
            /* deleted */
        } else if (ouro_int_check(v)) {
            int ovf = 0;
            int64_t x = ouro_int_as_int64_and_overflow(v, &ovf);
            if (ovf || x < 0 || x > 0x10FFFF) {
                OURO_DECREF(v);
                ouro_err_set_string(&ouro_exc_ValueError,
                                    "character mapping must be in range(0x110000)");
                goto fail;
            }
            char enc[4];
            ou_strbuf_append(&b, enc, (size_t)ou_utf8_put(enc, (uint32_t)x));
        } else if (ouro_str_check(v)) {
            ou_strbuf_append(&b, ou_str_data(v), (size_t)ou_str_nbytes(v));
        } else {
            OURO_DECREF(v);
            ouro_err_set_string(&ouro_exc_TypeError,
                                "character mapping must return integer, None or str");
            goto fail;
        }
        OURO_DECREF(v);
    }
    if (b.failed) {
        ou_strbuf_discard(&b);
        return ouro_err_no_memory();
    }
    return ou_strbuf_finish(&b);
fail:
    ou_strbuf_discard(&b);
    return NULL;
}
