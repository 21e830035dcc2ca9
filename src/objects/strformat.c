/* src/objects/strformat.c — ouro_str_from_format: CPython 3.11's PyUnicode_FromFormat
 * subset, which ouro_err_format builds its messages with.
 *
 * Conversions: %% %c %d %i %u %x (with l, ll, z size modifiers), %p, %s (UTF-8 C string,
 * invalid bytes become U+FFFD as CPython's "replace"), %U (str object), %V (str object or,
 * if NULL, a C string), %S str(obj), %R repr(obj), %A ascii(obj), %T the type name of an
 * object. A '0' flag, a width and a precision may come between % and the conversion:
 * for numbers as printf does; for the string conversions the width pads with spaces on
 * the left and the precision truncates, both in code points (for %s, the precision counts
 * bytes of the C string, as CPython). An unknown conversion copies the rest of the format
 * as it is, as CPython does (the arguments cannot be skipped). */
#include "objects/strimpl.h"

#include <stdio.h>
#include <string.h>

typedef struct Spec {
    bool zeropad;
    ouro_ssize width, precision;  /* -1: none */
    int size;                     /* 0, 'l' (long), 'q' (long long), 'z' (size_t) */
} Spec;

static void append_spaces(OuStrBuf *b, ouro_ssize n)
{
    for (; n > 0; n--)
        ou_strbuf_append_char(b, ' ');
}

/* Appends valid UTF-8 text of ncp code points with the spec's width and precision. */
static void append_text(OuStrBuf *b, const Spec *sp, const char *p, size_t n, ouro_ssize ncp)
{
    if (sp->precision >= 0 && ncp > sp->precision) {
        const unsigned char *q = (const unsigned char *)p;
        for (ouro_ssize i = 0; i < sp->precision; i++)
            ou_utf8_next(&q);
        n = (size_t)((const char *)q - p);
        ncp = sp->precision;
    }
    if (sp->width > ncp)
        append_spaces(b, sp->width - ncp);
    ou_strbuf_append(b, p, n);
}

static void append_strobj(OuStrBuf *b, const Spec *sp, OuroObject *s)
{
    append_text(b, sp, ou_str_data(s), (size_t)ou_str_nbytes(s), ou_str_len(s));
}

/* A C string (UTF-8; the precision limits the bytes read); invalid sequences are replaced
 * by U+FFFD one decoder error at a time, as CPython's "replace" error handler. */
static void append_cstr(OuStrBuf *b, const Spec *sp, const char *s)
{
    size_t n = 0;
    if (sp->precision < 0)
        n = strlen(s);
    else
        while ((ouro_ssize)n < sp->precision && s[n])
            n++;
    /* Fast path: valid UTF-8. */
    size_t end;
    const char *why;
    ouro_ssize bad = ou_utf8_check(s, n, &end, &why);
    int kind;
    Spec text = *sp;
    text.precision = -1;
    if (bad < 0) {
        append_text(b, &text, s, n, ou_utf8_count(s, n, &kind));
        return;
    }
    OuStrBuf tmp;
    ou_strbuf_init(&tmp);
    size_t i = 0;
    while (bad >= 0) {  /* offsets are relative to s + i */
        ou_strbuf_append(&tmp, s + i, (size_t)bad);
        ou_strbuf_append(&tmp, "\xEF\xBF\xBD", 3);
        i += end;
        bad = ou_utf8_check(s + i, n - i, &end, &why);
    }
    ou_strbuf_append(&tmp, s + i, n - i);
    if (tmp.failed)
        b->failed = true;
    else
        append_text(b, &text, tmp.data, tmp.len, ou_utf8_count(tmp.data, tmp.len, &kind));
    ou_strbuf_discard(&tmp);
}

/* A number already printed in buf (digits, maybe a '-'), padded as printf pads it: the
 * precision is a minimum number of digits, the width pads with spaces on the left, or with
 * zeros after the sign under the 0 flag (when no precision is given). */
static void append_number(OuStrBuf *b, const Spec *sp, const char *buf)
{
    bool neg = buf[0] == '-';
    const char *digits = buf + neg;
    ouro_ssize nd = (ouro_ssize)strlen(digits);
    ouro_ssize zeros = sp->precision > nd ? sp->precision - nd : 0;
    ouro_ssize body = (neg ? 1 : 0) + zeros + nd;
    ouro_ssize pad = sp->width > body ? sp->width - body : 0;
    if (sp->zeropad && sp->precision < 0) {
        zeros += pad;
        pad = 0;
    }
    append_spaces(b, pad);
    if (neg)
        ou_strbuf_append_char(b, '-');
    for (; zeros > 0; zeros--)
        ou_strbuf_append_char(b, '0');
    ou_strbuf_append(b, digits, (size_t)nd);
}

/* ascii(o): repr(o) with non-ASCII code points escaped. */
static int append_ascii(OuStrBuf *b, const Spec *sp, OuroObject *o)
{
    OuroObject *r = ouro_object_repr(o);
    if (!r)
        return -1;
    OuStrBuf tmp;
    ou_strbuf_init(&tmp);
    const unsigned char *p = (const unsigned char *)ou_str_data(r);
    const unsigned char *end = p + ou_str_nbytes(r);
    while (p < end) {
        uint32_t c = ou_utf8_next(&p);
        char esc[12];
        if (c < 0x80)
            ou_strbuf_append_char(&tmp, (char)c);
        else {
            int n = c <= 0xFF ? snprintf(esc, sizeof esc, "\\x%02x", c)
                  : c <= 0xFFFF ? snprintf(esc, sizeof esc, "\\u%04x", c)
                  : snprintf(esc, sizeof esc, "\\U%08x", c);
            ou_strbuf_append(&tmp, esc, (size_t)n);
        }
    }
    OURO_DECREF(r);
    if (tmp.failed)
        b->failed = true;
    else
        append_text(b, sp, tmp.data, tmp.len, (ouro_ssize)tmp.len);
    ou_strbuf_discard(&tmp);
    return 0;
}

/* %S / %R: str(o) or repr(o) with width and precision. */
static int append_conv(OuStrBuf *b, const Spec *sp, OuroObject *o, bool repr)
{
    OuroObject *s = repr ? ouro_object_repr(o) : ouro_object_str(o);
    if (!s)
        return -1;
    append_strobj(b, sp, s);
    OURO_DECREF(s);
    return 0;
}

static const char *parse_spec(const char *f, Spec *sp)
{
    sp->zeropad = false;
    sp->width = sp->precision = -1;
    sp->size = 0;
    if (*f == '0') {
        sp->zeropad = true;
        f++;
    }
    if (*f >= '0' && *f <= '9') {
        sp->width = 0;
        while (*f >= '0' && *f <= '9' && sp->width < 100000000)
            sp->width = sp->width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
        f++;
        sp->precision = 0;
        while (*f >= '0' && *f <= '9' && sp->precision < 100000000)
            sp->precision = sp->precision * 10 + (*f++ - '0');
    }
    if (f[0] == 'l' && f[1] == 'l') {
        sp->size = 'q';
        f += 2;
    } else if (f[0] == 'l' || f[0] == 'z') {
        sp->size = f[0];
        f++;
    }
    return f;
}

/* One conversion at *f (just after the '%' and the spec). 0, or -1 with an exception. */
static int convert(OuStrBuf *b, char conv, const Spec *sp, va_list *ap)
{
    char num[64];
    switch (conv) {
    case 'c': {
        int c = va_arg(*ap, int);
        if (c < 0 || c > 0x10FFFF) {
            ouro_err_set_string(&ouro_exc_OverflowError,
                                "character argument not in range(0x110000)");
            return -1;
        }
        char u[4];
        ou_strbuf_append(b, u, (size_t)ou_utf8_put(u, (uint32_t)c));
        return 0;
    }
    case 'd':
    case 'i':
        if (sp->size == 'l')
            snprintf(num, sizeof num, "%ld", va_arg(*ap, long));
        else if (sp->size == 'q')
            snprintf(num, sizeof num, "%lld", va_arg(*ap, long long));
        else if (sp->size == 'z')
            snprintf(num, sizeof num, "%td", va_arg(*ap, ptrdiff_t));
        else
            snprintf(num, sizeof num, "%d", va_arg(*ap, int));
        append_number(b, sp, num);
        return 0;
    case 'u':
    case 'x': {
        unsigned long long v;
        if (sp->size == 'l')
            v = va_arg(*ap, unsigned long);
        else if (sp->size == 'q')
            v = va_arg(*ap, unsigned long long);
        else if (sp->size == 'z')
            v = va_arg(*ap, size_t);
        else
            v = va_arg(*ap, unsigned int);
        snprintf(num, sizeof num, conv == 'u' ? "%llu" : "%llx", v);
        append_number(b, sp, num);
        return 0;
    }
    case 'p':
        snprintf(num, sizeof num, "0x%llx", (unsigned long long)(uintptr_t)va_arg(*ap, void *));
        append_number(b, sp, num);
        return 0;
    case 's':
        append_cstr(b, sp, va_arg(*ap, const char *));
        return 0;
    case 'U':
        append_strobj(b, sp, va_arg(*ap, OuroObject *));
        return 0;
    case 'V': {
        OuroObject *o = va_arg(*ap, OuroObject *);
        const char *s = va_arg(*ap, const char *);
        if (o)
            append_strobj(b, sp, o);
        else
            append_cstr(b, sp, s);
        return 0;
    }
    case 'S':
    case 'R':
        return append_conv(b, sp, va_arg(*ap, OuroObject *), conv == 'R');
    case 'A':
        return append_ascii(b, sp, va_arg(*ap, OuroObject *));
    case 'T':
        append_cstr(b, sp, OURO_TYPE_NAME(va_arg(*ap, OuroObject *)));
        return 0;
    default:
        return 1;  /* unknown: the caller copies the rest of the format */
    }
}

OuroObject *ouro_str_from_vformat(const char *fmt, va_list ap_in)
{
    OuStrBuf b;
    va_list ap;
    va_copy(ap, ap_in);
    ou_strbuf_init(&b);
    const char *f = fmt;
    while (*f) {
        if (*f != '%') {
            const char *q = strchr(f, '%');
            size_t n = q ? (size_t)(q - f) : strlen(f);
            ou_strbuf_append(&b, f, n);
            f += n;
            continue;
        }
        if (f[1] == '%') {
            ou_strbuf_append_char(&b, '%');
            f += 2;
            continue;
        }
        Spec sp;
        const char *conv = parse_spec(f + 1, &sp);
        int r = *conv ? convert(&b, *conv, &sp, &ap) : 1;
        if (r < 0)
            goto error;
        if (r > 0) {
            ou_strbuf_append_cstr(&b, f);
            break;
        }
        f = conv + 1;
    }
    va_end(ap);
    /* Not ou_strbuf_finish: %U and friends may carry lone surrogates. */
    OuroObject *r = b.failed ? ouro_err_no_memory() : ou_str_from_utf8_surrogates(b.data, b.len);
    ou_strbuf_discard(&b);
    return r;
error:
    va_end(ap);
    ou_strbuf_discard(&b);
    return NULL;
}

OuroObject *ouro_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    OuroObject *r = ouro_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}
