/* src/objects/strpercent.c — printf-style formatting: str % args and bytes % args
 * (CPython 3.11's PyUnicode_Format and _PyBytes_FormatEx), the nb_remainder of str and
 * bytes.
 *
 * One engine serves both: the result is built as bytes in an OuStrBuf (UTF-8 for str, raw
 * bytes for bytes) and only the conversions differ (%s is str() for str, the bytes of a
 * bytes-like object for bytes; %r/%a give ASCII text for bytes). Conversions: % s r a c
 * d i u o x X e E f F g G (and b for bytes), flags '-', '+', ' ', '#', '0', a width and a
 * precision (either may be '*'), and "%(key)" with a mapping argument. Integers are laid
 * out here (the precision pads digits with zeros, as printf); floats go through the
 * format-spec engine (ou_format_float) with the sign and precision, then get their width
 * here. Error messages are CPython's. */
#include "objects/strimpl.h"
#include "lang/lang.h" /* ou_object_ascii (formatspec.c) */

#include <stdio.h>
#include <string.h>

typedef struct Fmt {
    const char *p, *end, *start; /* format text being read, and its start (for indexes) */
    bool is_bytes;
    OuroObject *args;    /* borrowed: the right operand */
    OuroObject *dict;    /* borrowed: args when it is a mapping, else NULL */
    ouro_ssize argidx, arglen; /* arglen -1: a single non-tuple argument */
} Fmt;

typedef struct Conv {
    bool left, plus, space, alt, zero;
    ouro_ssize width, prec; /* -1: none */
} Conv;

/* The next positional argument. Returns: borrowed reference, or NULL with TypeError. */
static OuroObject *next_arg(Fmt *f)
{
    if (f->arglen < 0) {
        if (f->argidx == 0) {
            f->argidx = 1;
            return f->args;
        }
    } else if (f->argidx < f->arglen) {
        return OURO_TUPLE_ITEMS(f->args)[f->argidx++];
    }
    ouro_err_set_string(&ouro_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* A '*' width or precision. Returns: the value, or -2 with an exception set. */
static ouro_ssize star_arg(Fmt *f)
{
    OuroObject *v = next_arg(f);
    if (!v)
        return -2;
    if (!ouro_int_check(v)) {
        ouro_err_set_string(&ouro_exc_TypeError, "* wants int");
        return -2;
    }
    ouro_ssize n = ouro_int_as_ssize(v);
    if (n == -1 && ouro_err_occurred())
        return -2;
    return n;
}

/* Appends text (n bytes, ncp characters) padded to the width. Never fails. */
static void put_padded(OuStrBuf *b, const Conv *c, const char *s, size_t n, ouro_ssize ncp)
{
    ouro_ssize pad = c->width > ncp ? c->width - ncp : 0;
    if (!c->left)
        for (ouro_ssize i = 0; i < pad; i++)
            ou_strbuf_append_char(b, ' ');
    ou_strbuf_append(b, s, n);
    if (c->left)
        for (ouro_ssize i = 0; i < pad; i++)
            ou_strbuf_append_char(b, ' ');
}

/* Appends a number's text: sign/prefix (the first `head` bytes of s) stay in front of the
 * zero padding. Never fails. */
static void put_number(OuStrBuf *b, const Conv *c, const char *s, size_t n, size_t head)
{
    ouro_ssize len = (ouro_ssize)n;
    if (c->zero && !c->left && c->width > len) {
        ou_strbuf_append(b, s, head);
        for (ouro_ssize i = len; i < c->width; i++)
            ou_strbuf_append_char(b, '0');
        ou_strbuf_append(b, s + head, n - head);
        return;
    }
    put_padded(b, c, s, n, len);
}

/* Appends a str object (str format) or its ASCII bytes (bytes format), with precision
 * truncation and width. 0, or -1 with an exception. */
static int put_text(OuStrBuf *b, const Conv *c, OuroObject *s)
{
    ouro_ssize ncp = ouro_str_length(s);
    const char *p = ouro_str_utf8(s);
    size_t n = (size_t)ouro_str_byte_length(s);
    if (c->prec >= 0 && ncp > c->prec) {
        const unsigned char *q = (const unsigned char *)p;
        for (ouro_ssize i = 0; i < c->prec; i++)
            ou_utf8_next(&q);
        n = (size_t)((const char *)q - p);
        ncp = c->prec;
    }
    put_padded(b, c, p, n, ncp);
    return 0;
}

/* %d %i %u %o %x %X. Returns 0, or -1 with an exception. */
static int put_int(OuStrBuf *b, const Conv *c, char type, OuroObject *v)
{
    OuroObject *iv = NULL, *absv = NULL, *digits = NULL, *spec = NULL;
    int rc = -1;
    bool hexo = type == 'o' || type == 'x' || type == 'X';
    if (ouro_int_check(v)) {
        iv = OURO_NEWREF(v);
    } else if (ouro_float_check(v) && !hexo) {
        iv = ouro_int_from_double(ouro_float_as_double(v));
    } else {
        iv = ouro_number_index(v);
        if (!iv && ouro_err_matches(&ouro_exc_TypeError)) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_TypeError, "%%%c format: %s is required, not %s", type,
                            hexo ? "an integer" : "a real number", OURO_TYPE_NAME(v));
        }
    }
    if (!iv)
        goto done;
    absv = ouro_number_absolute(iv);
    if (!absv)
        goto done;
    char t[2] = { type == 'i' || type == 'u' ? 'd' : type, 0 };
    spec = ouro_str_from_cstr(t);
    if (!spec)
        goto done;
    digits = ou_format_int(absv, spec);
    if (!digits)
        goto done;
    bool neg = ouro_int_sign(iv) < 0;
    OuStrBuf tmp;
    ou_strbuf_init(&tmp);
    if (neg)
        ou_strbuf_append_char(&tmp, '-');
    else if (c->plus)
        ou_strbuf_append_char(&tmp, '+');
    else if (c->space)
        ou_strbuf_append_char(&tmp, ' ');
    if (c->alt && hexo)
        ou_strbuf_append(&tmp, type == 'o' ? "0o" : type == 'x' ? "0x" : "0X", 2);
    size_t head = tmp.len;
    ouro_ssize nd = ouro_str_byte_length(digits);
    for (ouro_ssize i = nd; i < c->prec; i++)
        ou_strbuf_append_char(&tmp, '0');
    ou_strbuf_append(&tmp, ouro_str_utf8(digits), (size_t)nd);
    if (tmp.failed) {
        ou_strbuf_discard(&tmp);
        ouro_err_no_memory();
        goto done;
    }
    put_number(b, c, tmp.data, tmp.len, head);
    ou_strbuf_discard(&tmp);
    rc = 0;
done:
    OURO_XDECREF(iv);
    OURO_XDECREF(absv);
    OURO_XDECREF(digits);
    OURO_XDECREF(spec);
    return rc;
}

/* %e %E %f %F %g %G. Returns 0, or -1 with an exception. */
static int put_float(OuStrBuf *b, const Conv *c, char type, OuroObject *v)
{
    double d = ouro_float_as_double(v);
    if (d == -1.0 && ouro_err_occurred())
        return -1;
    char sp[48];
    snprintf(sp, sizeof sp, "%s%s.%ld%c", c->plus ? "+" : c->space ? " " : "",
             c->alt ? "#" : "", (long)(c->prec < 0 ? 6 : c->prec), type);
    OuroObject *fv = ouro_float_from_double(d);
    OuroObject *spec = fv ? ouro_str_from_cstr(sp) : NULL;
    OuroObject *s = spec ? ou_format_float(fv, spec) : NULL;
    OURO_XDECREF(fv);
    OURO_XDECREF(spec);
    if (!s)
        return -1;
    const char *p = ouro_str_utf8(s);
    size_t n = (size_t)ouro_str_byte_length(s);
    size_t head = (n > 0 && (p[0] == '-' || p[0] == '+' || p[0] == ' ')) ? 1 : 0;
    put_number(b, c, p, n, head); /* CPython zero-pads inf and nan too: '-0inf' */
    OURO_DECREF(s);
    return 0;
}

/* %c. Returns 0, or -1 with an exception. */
static int put_char(OuStrBuf *b, const Conv *c, bool is_bytes, OuroObject *v)
{
    char enc[4];
    size_t n;
    if (is_bytes) {
        if (ou_bl_check(v) && !ou_memoryview_check(v) && ou_bl_size(v) == 1) {
            enc[0] = ou_bl_data(v)[0];
        } else if (ouro_int_check(v)) {
            int ovf = 0;
            int64_t x = ouro_int_as_int64_and_overflow(v, &ovf);
            if (ovf || x < 0 || x > 255) {
                ouro_err_set_string(&ouro_exc_OverflowError, "%c arg not in range(256)");
                return -1;
            }
            enc[0] = (char)x;
        } else {
            ouro_err_set_string(&ouro_exc_TypeError,
                                "%c requires an integer in range(256) or a single byte");
            return -1;
        }
        put_padded(b, c, enc, 1, 1);
        return 0;
    }
    if (ouro_str_check(v) && ouro_str_length(v) == 1) {
        n = (size_t)ouro_str_byte_length(v);
        put_padded(b, c, ouro_str_utf8(v), n, 1);
        return 0;
    }
    if (!ouro_int_check(v)) {
        ouro_err_set_string(&ouro_exc_TypeError, "%c requires int or char");
        return -1;
    }
    int ovf = 0;
    int64_t x = ouro_int_as_int64_and_overflow(v, &ovf);
    if (ovf || x < 0 || x > 0x10FFFF) {
        ouro_err_set_string(&ouro_exc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    n = (size_t)ou_utf8_put(enc, (uint32_t)x);
    put_padded(b, c, enc, n, 1);
    return 0;
}

/* %s / %b of a bytes format: a bytes object or one with __bytes__ (the error names %b
 * for both, as CPython's). 0, or -1. */
static int put_bytes_of(OuStrBuf *b, const Conv *c, OuroObject *v)
{
    OuroObject *bv = NULL;
    if (ouro_bytes_check(v)) {
        bv = OURO_NEWREF(v);
    } else if (ouro_bytearray_check(v)) {
        bv = ouro_bytes_from_data(ou_bytearray_data(v), (size_t)ou_bytearray_size(v));
        if (!bv)
            return -1;
    } else if (ou_memoryview_check(v)) {
        if (!(bv = ou_memoryview_tobytes(v)))
            return -1;
    } else {
        OuroObject *m = ouro_object_getattr_str(v, "__bytes__");
        if (!m) {
            ouro_err_clear();
            ouro_err_format(&ouro_exc_TypeError,
                            "%%%c requires a bytes-like object, or an object that implements "
                            "__bytes__, not '%s'", 'b', OURO_TYPE_NAME(v));
            return -1;
        }
        bv = ouro_object_vectorcall(m, NULL, 0, NULL);
        OURO_DECREF(m);
        if (!bv)
            return -1;
        if (!ouro_bytes_check(bv)) {
            ouro_err_format(&ouro_exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                            OURO_TYPE_NAME(bv));
            OURO_DECREF(bv);
            return -1;
        }
    }
    ouro_ssize n = ouro_bytes_length(bv);
    if (c->prec >= 0 && n > c->prec)
        n = c->prec;
    put_padded(b, c, ouro_bytes_data(bv), (size_t)n, n);
    OURO_DECREF(bv);
    return 0;
}

/* Raises "unsupported format character 'y' (0x79) at index 3". Returns -1. */
static int bad_char(Fmt *f, const char *at)
{
    if (f->is_bytes) {
        unsigned char ch = (unsigned char)*at;
        ouro_err_format(&ouro_exc_ValueError,
                        "unsupported format character '%c' (0x%x) at index %zd",
                        ch >= 32 && ch < 127 ? ch : '?', (unsigned)ch, (ouro_ssize)(at - f->start));
        return -1;
    }
    const unsigned char *q = (const unsigned char *)at;
    uint32_t cp = ou_utf8_next(&q);
    char enc[5] = { 0 };
    ou_utf8_put(enc, cp);
    ouro_ssize idx = ou_utf8_count(f->start, (size_t)(at - f->start), &(int){ 0 });
    ouro_err_format(&ouro_exc_ValueError, "unsupported format character '%s' (0x%x) at index %zd",
                    enc, (unsigned)cp, idx);
    return -1;
}

/* One conversion, f->p just after its '%'. 0, or -1 with an exception. */
static int convert_one(Fmt *f, OuStrBuf *b)
{
    Conv c = { .width = -1, .prec = -1 };
    OuroObject *keyed = NULL; /* new reference: the mapping's value for %(key) */
    int rc = -1;
    if (f->p < f->end && *f->p == '(') {
        if (!f->dict) {
            ouro_err_set_string(&ouro_exc_TypeError, "format requires a mapping");
            return -1;
        }
        const char *k = ++f->p;
        int depth = 1;
        while (f->p < f->end && depth > 0) {
            if (*f->p == '(')
                depth++;
            else if (*f->p == ')')
                depth--;
            f->p++;
        }
        if (depth > 0) {
            ouro_err_set_string(&ouro_exc_ValueError, "incomplete format key");
            return -1;
        }
        size_t klen = (size_t)(f->p - 1 - k);
        OuroObject *key = f->is_bytes ? ouro_bytes_from_data(k, klen)
                                      : ou_str_from_utf8_surrogates(k, klen);
        if (!key)
            return -1;
        keyed = ouro_object_getitem(f->dict, key);
        OURO_DECREF(key);
        if (!keyed)
            return -1;
        /* CPython: after a key, further positional arguments are not consumed. */
        f->arglen = -1;
        f->argidx = -2;
    }
    for (; f->p < f->end; f->p++) {
        char ch = *f->p;
        if (ch == '-') c.left = true;
        else if (ch == '+') c.plus = true;
        else if (ch == ' ') c.space = true;
        else if (ch == '#') c.alt = true;
        else if (ch == '0') c.zero = true;
        else break;
    }
    if (f->p < f->end && *f->p == '*') {
        f->p++;
        c.width = star_arg(f);
        if (c.width == -2)
            goto done;
        if (c.width < 0) {
            c.left = true;
            c.width = -c.width;
        }
    } else {
        while (f->p < f->end && *f->p >= '0' && *f->p <= '9') {
            c.width = (c.width < 0 ? 0 : c.width) * 10 + (*f->p++ - '0');
            if (c.width > 100000000) {
                ouro_err_set_string(&ouro_exc_ValueError, "width too big");
                goto done;
            }
        }
    }
    if (f->p < f->end && *f->p == '.') {
        f->p++;
        c.prec = 0;
        if (f->p < f->end && *f->p == '*') {
            f->p++;
            c.prec = star_arg(f);
            if (c.prec == -2)
                goto done;
            if (c.prec < 0)
                c.prec = 0;
        } else {
            while (f->p < f->end && *f->p >= '0' && *f->p <= '9') {
                c.prec = c.prec * 10 + (*f->p++ - '0');
                if (c.prec > 100000000) {
                    ouro_err_set_string(&ouro_exc_ValueError, "precision too big");
                    goto done;
                }
            }
        }
    }
    /* printf length modifiers are accepted and ignored, as CPython does. */
    while (f->p < f->end && (*f->p == 'h' || *f->p == 'l' || *f->p == 'L'))
        f->p++;
    if (f->p >= f->end) {
        ouro_err_set_string(&ouro_exc_ValueError, "incomplete format");
        goto done;
    }
    const char *at = f->p++;
    char type = *at;
    if (type == '%') {
        ou_strbuf_append_char(b, '%');
        rc = 0;
        goto done;
    }
    OuroObject *v = keyed;
    bool known = strchr("sracdiuoxXeEfFgG", type) != NULL || (f->is_bytes && type == 'b');
    if (type == '\0' || !known) {
        rc = bad_char(f, at);
        goto done;
    }
    if (!v && !(v = next_arg(f)))
        goto done;
    switch (type) {
    case 's': case 'r': case 'a': case 'b': {
        if (f->is_bytes && (type == 's' || type == 'b')) {
            rc = put_bytes_of(b, &c, v);
            break;
        }
        OuroObject *s = type == 's' ? ouro_object_str(v)
                      : type == 'r' && !f->is_bytes ? ouro_object_repr(v)
                      : ou_object_ascii(v);
        if (!s)
            break;
        rc = put_text(b, &c, s);
        OURO_DECREF(s);
        break;
    }
    case 'c':
        rc = put_char(b, &c, f->is_bytes, v);
        break;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        rc = put_int(b, &c, type, v);
        break;
    default:
        rc = put_float(b, &c, type, v);
        break;
    }
done:
    OURO_XDECREF(keyed);
    return rc;
}

/* The engine. Returns: new str or bytes, or NULL with an exception set. */
static OuroObject *percent_format(const char *p, size_t n, OuroObject *args, bool is_bytes)
{
    Fmt f = { .p = p, .end = p + n, .start = p, .is_bytes = is_bytes, .args = args };
    if (ouro_tuple_check(args)) {
        f.arglen = OURO_TUPLE_SIZE(args);
    } else {
        f.arglen = -1;
        /* CPython: a mapping that is not a tuple or a str (or bytes) gives %(key). */
        const OuroType *t = OURO_TYPE(args);
        if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript && !ouro_str_check(args) &&
            !ouro_bytes_check(args))
            f.dict = args;
    }
    OuStrBuf b;
    ou_strbuf_init(&b);
    while (f.p < f.end) {
        const char *pct = memchr(f.p, '%', (size_t)(f.end - f.p));
        if (!pct) {
            ou_strbuf_append(&b, f.p, (size_t)(f.end - f.p));
            break;
        }
        ou_strbuf_append(&b, f.p, (size_t)(pct - f.p));
        f.p = pct + 1;
        if (convert_one(&f, &b) < 0) {
            ou_strbuf_discard(&b);
            return NULL;
        }
    }
    if (f.argidx >= 0 && f.argidx < (f.arglen < 0 ? 1 : f.arglen) && !f.dict) {
        ou_strbuf_discard(&b);
        return ouro_err_format(&ouro_exc_TypeError, is_bytes
            ? "not all arguments converted during bytes formatting"
            : "not all arguments converted during string formatting");
    }
    if (b.failed) {
        ou_strbuf_discard(&b);
        return ouro_err_no_memory();
    }
    if (!is_bytes)
        return ou_strbuf_finish(&b);
    OuroObject *r = ouro_bytes_from_data(b.data, b.len);
    ou_strbuf_discard(&b);
    return r;
}

/* str.__mod__: nb_remainder of str. Returns: new str, NotImplemented (new reference) when
 * the left operand is not a str, or NULL with an exception set. */
OuroObject *ou_str_mod(OuroObject *a, OuroObject *b)
{
    if (!ouro_str_check(a))
        return OURO_NEWREF(&ouro_notimplemented_object);
    return percent_format(ouro_str_utf8(a), (size_t)ouro_str_byte_length(a), b, false);
}

/* bytes.__mod__: nb_remainder of bytes. Returns: new bytes, NotImplemented (new
 * reference) when the left operand is not bytes, or NULL with an exception set. */
OuroObject *ou_bytes_mod(OuroObject *a, OuroObject *b)
{
    if (!ouro_bytes_check(a))
        return OURO_NEWREF(&ouro_notimplemented_object);
    return percent_format(ouro_bytes_data(a), (size_t)ouro_bytes_length(a), b, true);
}
