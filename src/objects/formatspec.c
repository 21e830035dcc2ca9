/* src/objects/formatspec.c — the format-spec mini-language of format() / f-strings /
 * str.format for int, float, complex and str
 * ([[fill]align][sign][z][#][0][width][,|_][.prec][type]),
 * with CPython 3.11's results and messages (Python/formatter_unicode.c). Narrative:
 * docs/internals/language.md, "Formatting". */
#include "objects.h"
#include "complexobject.h"
#include "lang/lang.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A parsed spec. Absent parts: fill ' ', align 0, sign 0, width -1, precision -1, type 0. */
typedef struct OuFormatSpec {
    uint32_t fill;
    char align, sign, thousands;
    bool no_neg_0, alternate, fill_given;
    ouro_ssize width, precision;
    uint32_t type;
} OuFormatSpec;

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads a decimal number at s[*i]; -1 if none; -2 (ValueError set) on overflow. */
static ouro_ssize read_number(OuroObject *s, ouro_ssize *i, ouro_ssize n)
{
    ouro_ssize v = -1;
    for (; *i < n; (*i)++) {
        uint32_t c = ouro_str_codepoint_at(s, *i);
        if (c < '0' || c > '9')
            break;
        if (v < 0)
            v = 0;
        if (v > (INT64_MAX - 9) / 10) {
            ouro_err_set_string(&ouro_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (c - '0');
    }
    return v;
}

static int bad_thousands(char sep, uint32_t type)
{
    if (type > 32 && type < 127)
        ouro_err_format(&ouro_exc_ValueError, "Cannot specify '%c' with '%c'.", sep, (int)type);
    else
        ouro_err_format(&ouro_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep,
                        (unsigned)type);
    return -1;
}

/* Which separators the type accepts: ',' for decimal types, '_' for those and b/o/x/X. */
static int check_thousands(const OuFormatSpec *f)
{
    if (!f->thousands)
        return 0;
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        return f->thousands == '_' ? 0 : bad_thousands(f->thousands, f->type);
    default:
        return bad_thousands(f->thousands, f->type);
    }
}

/* Parses spec for an object of type tname whose default type code is default_type.
 * 0, or -1 with ValueError. */
static int parse_spec(OuroObject *spec, OuFormatSpec *f, char default_align,
                      uint32_t default_type, const char *tname)
{
    ouro_ssize n = ouro_str_length(spec), i = 0;
    *f = (OuFormatSpec){ .fill = ' ', .align = default_align, .width = -1, .precision = -1,
                         .type = default_type };
    bool align_given = false;
    if (n >= 2 && is_align(ouro_str_codepoint_at(spec, 1))) {
        f->fill = ouro_str_codepoint_at(spec, 0);
        f->align = (char)ouro_str_codepoint_at(spec, 1);
        f->fill_given = align_given = true;
        i = 2;
    } else if (n >= 1 && is_align(ouro_str_codepoint_at(spec, 0))) {
        f->align = (char)ouro_str_codepoint_at(spec, 0);
        align_given = true;
        i = 1;
    }
    uint32_t c = i < n ? ouro_str_codepoint_at(spec, i) : 0;
    if (c == '+' || c == '-' || c == ' ') {
        f->sign = (char)c;
        c = ++i < n ? ouro_str_codepoint_at(spec, i) : 0;
    }
    if (c == 'z') {
        f->no_neg_0 = true;
        c = ++i < n ? ouro_str_codepoint_at(spec, i) : 0;
    }
    if (c == '#') {
        f->alternate = true;
        c = ++i < n ? ouro_str_codepoint_at(spec, i) : 0;
    }
    if (c == '0' && !f->fill_given) {
        f->fill = '0';
        if (!align_given && default_align == '>')
            f->align = '=';
        i++;
    }
    f->width = read_number(spec, &i, n);
    if (f->width == -2)
        return -1;
    c = i < n ? ouro_str_codepoint_at(spec, i) : 0;
    if (c == ',' || c == '_') {
        f->thousands = (char)c;
        c = ++i < n ? ouro_str_codepoint_at(spec, i) : 0;
        if (c == ',' || c == '_') {
            ouro_err_set_string(&ouro_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (c == '.') {
        i++;
        f->precision = read_number(spec, &i, n);
        if (f->precision == -2)
            return -1;
        if (f->precision == -1) {
            ouro_err_set_string(&ouro_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (n - i > 1) {
        ouro_err_format(&ouro_exc_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                        spec, tname);
        return -1;
    }
    if (n - i == 1)
        f->type = ouro_str_codepoint_at(spec, i);
    return check_thousands(f);
}

static OuroObject *unknown_code(uint32_t type, const char *tname)
{
    if (type > 32 && type < 127)
        return ouro_err_format(&ouro_exc_ValueError,
                               "Unknown format code '%c' for object of type '%s'", (int)type, tname);
    return ouro_err_format(&ouro_exc_ValueError,
                           "Unknown format code '\\x%x' for object of type '%s'", (unsigned)type,
                           tname);
}

/* --------------------------------------------------------------------- layout -- */

static void put_cp(OuStrBuf *b, uint32_t c)
{
    char u[4];
    int k;
    if (c < 0x80) { u[0] = (char)c; k = 1; }
    else if (c < 0x800) { u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); k = 2; }
    else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F)); k = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); k = 4;
    }
    ou_strbuf_append(b, u, (size_t)k);
}

static void put_fill(OuStrBuf *b, uint32_t fill, ouro_ssize n)
{
    for (ouro_ssize i = 0; i < n; i++)
        put_cp(b, fill);
}

/* Counts code points of UTF-8 bytes. */
static ouro_ssize cp_count(const char *s, size_t n)
{
    ouro_ssize k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Writes the ASCII digits d[0..n) grouped by `group` with separator sep, padded with
 * zeros up to min_width characters (CPython's _PyUnicode_InsertThousandsGrouping). */
static void put_grouped(OuStrBuf *b, const char *d, ouro_ssize n, char sep, int group,
                        ouro_ssize min_width)
{
    char tmp[512];
    char *out = tmp;
    size_t cap = sizeof(tmp);
    size_t need = (size_t)(n + n / group + (min_width > 0 ? min_width : 0) + 8);
    if (need > cap) {
        out = ou_mem_alloc(need);
        if (!out) {
            b->failed = true;
            return;
        }
        cap = need;
    }
    size_t pos = cap; /* written backwards */
    ouro_ssize remaining = n;
    bool use_sep = false, broken = false;
    while (!broken) {
        ouro_ssize l = group;
        ouro_ssize want = remaining > min_width ? remaining : min_width;
        if (want < 1)
            want = 1;
        if (l > want)
            l = want;
        ouro_ssize zeros = l > remaining ? l - remaining : 0;
        ouro_ssize chars = remaining < l ? remaining : l;
        if (use_sep)
            out[--pos] = sep;
        for (ouro_ssize k = 0; k < chars; k++)
            out[--pos] = d[--remaining];
        for (ouro_ssize k = 0; k < zeros; k++)
            out[--pos] = '0';
        use_sep = true;
        min_width -= group;
        if (remaining <= 0 && min_width <= 0)
            broken = true;
        min_width -= 1;
    }
    ou_strbuf_append(b, out + pos, cap - pos);
    if (out != tmp)
        ou_mem_free(out);
}

/* Assembles sign + prefix + digits (grouped) + rest with fill/alignment/width.
 * digits are ASCII; rest is UTF-8. Returns: new str, or NULL with an exception. */
static OuroObject *layout_number(const OuFormatSpec *f, const char *sign, const char *prefix,
                                 const char *digits, ouro_ssize ndigits, const char *rest,
                                 size_t nrest, int group)
{
    OuStrBuf body;
    ou_strbuf_init(&body);
    ouro_ssize lead = (ouro_ssize)(strlen(sign) + strlen(prefix));
    ouro_ssize nrest_cp = cp_count(rest, nrest);
    ouro_ssize min_width = 0;
    if (f->fill == '0' && f->align == '=' && f->width > 0)
        min_width = f->width - lead - nrest_cp;
    if (f->thousands && group)
        put_grouped(&body, digits, ndigits, f->thousands, group, min_width);
    else {
        for (ouro_ssize k = ndigits; k < min_width; k++)
            ou_strbuf_append_char(&body, '0');
        ou_strbuf_append(&body, digits, (size_t)ndigits);
    }
    ou_strbuf_append(&body, rest, nrest);
    ouro_ssize total = lead + cp_count(body.data, body.len);
    ouro_ssize pad = f->width > total ? f->width - total : 0;
    OuStrBuf b;
    ou_strbuf_init(&b);
    char align = f->align;
    if (align == '>')
        put_fill(&b, f->fill, pad);
    else if (align == '^')
        put_fill(&b, f->fill, pad / 2);
    ou_strbuf_append_cstr(&b, sign);
    ou_strbuf_append_cstr(&b, prefix);
    if (align == '=')
        put_fill(&b, f->fill, pad);
    ou_strbuf_append(&b, body.data, body.len);
    if (align == '<')
        put_fill(&b, f->fill, pad);
    else if (align == '^')
        put_fill(&b, f->fill, pad - pad / 2);
    if (body.failed)
        b.failed = true;
    ou_strbuf_discard(&body);
    return ou_strbuf_finish(&b);
}

static const char *sign_for(const OuFormatSpec *f, bool negative)
{
    if (negative)
        return "-";
    return f->sign == '+' ? "+" : f->sign == ' ' ? " " : "";
}

/* ------------------------------------------------------------------------ str -- */

OuroObject *ou_format_str(OuroObject *s, OuroObject *spec)
{
    if (ouro_str_length(spec) == 0)
        return ouro_object_str(s);
    OuFormatSpec f;
    if (parse_spec(spec, &f, '<', 's', "str") < 0)
        return NULL;
    if (f.type != 's')
        return unknown_code(f.type, "str");
    if (f.sign)
        return ouro_err_format(&ouro_exc_ValueError, "Sign not allowed in string format specifier");
    if (f.no_neg_0)
        return ouro_err_format(&ouro_exc_ValueError,
                               "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return ouro_err_format(&ouro_exc_ValueError,
                               "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return ouro_err_format(&ouro_exc_ValueError,
                               "'=' alignment not allowed in string format specifier");
    ouro_ssize len = ouro_str_length(s);
    if (f.precision >= 0 && f.precision < len)
        len = f.precision;
    ouro_ssize pad = f.width > len ? f.width - len : 0;
    OuroObject *sub = ouro_str_substring(s, 0, len);
    if (!sub)
        return NULL;
    OuStrBuf b;
    ou_strbuf_init(&b);
    ouro_ssize left = f.align == '>' ? pad : f.align == '^' ? pad / 2 : 0;
    put_fill(&b, f.fill, left);
    ou_strbuf_append(&b, ouro_str_utf8(sub), (size_t)ouro_str_byte_length(sub));
    put_fill(&b, f.fill, pad - left);
    OURO_DECREF(sub);
    return ou_strbuf_finish(&b);
}

/* ---------------------------------------------------------------------- float -- */

/* Python's general format ('g', or '' with a precision) of finite v >= 0 into buf:
 * p significant digits; exponent when exp < -4 or exp >= p (p - 1 with add_dot_0). */
static void format_general(double v, int p, bool alt, bool add_dot_0, bool upper, char *buf,
                           size_t size)
{
    if (p == 0)
        p = 1;
    char tmp[64];
    snprintf(tmp, sizeof(tmp), "%.*e", p - 1, v);
    int exp = atoi(strchr(tmp, 'e') + 1);
    /* CPython's rule (format_float_short): exponent when decpt <= -4 or decpt > limit,
     * decpt being exp + 1; '' with a precision switches one digit earlier. */
    int limit = add_dot_0 ? p - 1 : p;
    bool use_exp = exp < -4 || exp >= limit;
    if (use_exp)
        snprintf(buf, size, "%.*e", p - 1, v);
    else
        snprintf(buf, size, "%.*f", p - 1 - exp, v);
    if (!alt) {
        /* Strip trailing zeros of the fraction, and a bare point. */
        char *e = strchr(buf, 'e');
        char expart[16] = "";
        if (e) {
            snprintf(expart, sizeof(expart), "%s", e);
            *e = 0;
        }
        if (strchr(buf, '.')) {
            size_t n = strlen(buf);
            while (n && buf[n - 1] == '0')
                buf[--n] = 0;
            if (n && buf[n - 1] == '.')
                buf[--n] = 0;
        }
        size_t n = strlen(buf);
        if (add_dot_0 && !e && !strchr(buf, '.'))
            snprintf(buf + n, size - n, ".0");
        n = strlen(buf);
        snprintf(buf + n, size - n, "%s", expart);
    } else if (!strchr(buf, '.')) {
        /* '#': always a point ("1.e+00"). */
        char *e = strchr(buf, 'e');
        char expart[16] = "";
        if (e) {
            snprintf(expart, sizeof(expart), "%s", e);
            *e = 0;
        }
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, ".%s", expart);
    }
    if (upper)
        for (char *q = buf; *q; q++)
            if (*q == 'e')
                *q = 'E';
}

/* Formats the finite or special v >= 0 (sign handled by the caller) as type with
 * precision into *out (an OuStrBuf). */
static void format_abs_double(OuStrBuf *out, double v, uint32_t type, int prec, bool alt)
{
    size_t cap = 400 + (size_t)prec;
    char small[512];
    char *buf = cap <= sizeof(small) ? small : ou_mem_alloc(cap);
    if (!buf) {
        out->failed = true;
        return;
    }
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (isinf(v) || isnan(v)) {
        snprintf(buf, cap, "%s", isinf(v) ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan"));
    } else if (type == 'r') {
        ouro_float_format_repr(v, buf, cap);
    } else if (type == 'e' || type == 'E') {
        snprintf(buf, cap, alt && prec == 0 ? "%#.*e" : "%.*e", prec, v);
        if (upper)
            for (char *q = buf; *q; q++)
                if (*q == 'e')
                    *q = 'E';
    } else if (type == 'f' || type == 'F') {
        snprintf(buf, cap, alt && prec == 0 ? "%#.*f" : "%.*f", prec, v);
    } else {
        format_general(v, prec, alt, type == 0, upper, buf, cap);
    }
    ou_strbuf_append_cstr(out, buf);
    if (buf != small)
        ou_mem_free(buf);
}

/* True when the formatted number shows only zero digits (so 'z' drops a minus sign);
 * false for "inf" and "nan", which have no digits. */
static bool all_zero_digits(const char *s)
{
    bool any = false;
    for (; *s && *s != 'e' && *s != 'E'; s++) {
        if (*s >= '1' && *s <= '9')
            return false;
        any |= *s == '0';
    }
    return any;
}

static OuroObject *format_double(double v, const OuFormatSpec *fin)
{
    OuFormatSpec f = *fin;
    uint32_t type = f.type;
    int prec = (int)(f.precision > 1000000 ? 1000000 : f.precision);
    if (type == 'n')
        type = 'g';
    bool pct = type == '%';
    if (pct) {
        type = 'f';
        v *= 100;
    }
    if (type == 0)
        type = prec < 0 ? 'r' : 0;
    if (prec < 0)
        prec = 6;
    bool neg = signbit(v) && !isnan(v);
    OuStrBuf num;
    ou_strbuf_init(&num);
    format_abs_double(&num, fabs(v), type, prec, f.alternate);
    if (pct)
        ou_strbuf_append_char(&num, '%');
    if (num.failed) {
        ou_strbuf_discard(&num);
        return ouro_err_no_memory();
    }
    ou_strbuf_append_char(&num, 0);
    const char *s = num.data;
    if (neg && f.no_neg_0 && all_zero_digits(s))
        neg = false;
    /* Split the integer digits (grouped) from the rest. */
    ouro_ssize nd = 0;
    while (s[nd] >= '0' && s[nd] <= '9')
        nd++;
    if (nd == 0 && f.thousands) /* inf / nan: no grouping */
        f.thousands = 0;
    const char *rest = s + nd;
    OuroObject *r = layout_number(&f, sign_for(&f, neg), "", s, nd, rest, strlen(rest),
                                  f.thousands ? 3 : 0);
    ou_strbuf_discard(&num);
    return r;
}

OuroObject *ou_format_float(OuroObject *x, OuroObject *spec)
{
    if (ouro_str_length(spec) == 0)
        return ouro_object_str(x);
    OuFormatSpec f;
    if (parse_spec(spec, &f, '>', 0, "float") < 0)
        return NULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        return unknown_code(f.type, "float");
    }
    return format_double(ouro_float_value(x), &f);
}

/* -------------------------------------------------------------------- complex -- */

/* Appends one part of a complex to out: its sign ('+' forced for the imaginary part
 * after a real one), the digits (grouped), the rest. type 'r' is repr without the ".0"
 * of integral values ('#' keeps the point: "2.", "1.e+16"). */
static void complex_part(OuStrBuf *out, double v, const OuFormatSpec *f, uint32_t type,
                         int prec, bool force_plus)
{
    OuStrBuf num;
    ou_strbuf_init(&num);
    format_abs_double(&num, fabs(v), type, prec, f->alternate);
    ou_strbuf_append(&num, "\0\0", 2); /* room for the '.' '#' may insert */
    if (num.failed) {
        ou_strbuf_discard(&num);
        out->failed = true;
        return;
    }
    char *s = num.data;
    size_t n = strlen(s);
    if (type == 'r' && n >= 2 && s[n - 2] == '.' && s[n - 1] == '0')
        s[n - (f->alternate ? 1 : 2)] = '\0';
    else if (type == 'r' && f->alternate && isfinite(v) && !strchr(s, '.')) {
        char *e = strchr(s, 'e');
        size_t at = e ? (size_t)(e - s) : n;
        memmove(s + at + 1, s + at, n - at + 1);
        s[at] = '.';
    }
    bool neg = signbit(v) && !isnan(v);
    if (neg && f->no_neg_0 && all_zero_digits(s))
        neg = false;
    ou_strbuf_append_cstr(out, neg ? "-" : force_plus ? "+" : sign_for(f, false));
    ouro_ssize nd = 0;
    while (s[nd] >= '0' && s[nd] <= '9')
        nd++;
    if (f->thousands && nd > 0)
        put_grouped(out, s, nd, f->thousands, 3, 0);
    else
        ou_strbuf_append(out, s, (size_t)nd);
    ou_strbuf_append_cstr(out, s + nd);
    ou_strbuf_discard(&num);
}

OuroObject *ou_format_complex(OuroObject *z, OuroObject *spec)
{
    double re = ouro_complex_real(z), im = ouro_complex_imag(z);
    if (ouro_str_length(spec) == 0)
        return ouro_object_str(z);
    OuFormatSpec f;
    if (parse_spec(spec, &f, '>', 0, "complex") < 0)
        return NULL;
    if (f.fill == '0')
        return ouro_err_format(&ouro_exc_ValueError,
                               "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return ouro_err_format(&ouro_exc_ValueError,
                               "'=' alignment flag is not allowed in complex format specifier");
    uint32_t type = f.type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        return unknown_code(type, "complex");
    }
    /* No type: like str(z), parentheses and all, with no real part when it is +0. */
    bool skip_re = false, parens = false;
    int default_prec = 6;
    if (type == 0) {
        type = 'r';
        default_prec = 0;
        if (re == 0.0 && !signbit(re))
            skip_re = true;
        else
            parens = true;
    }
    if (type == 'n')
        type = 'g';
    int prec = (int)(f.precision > 1000000 ? 1000000 : f.precision);
    if (prec < 0)
        prec = default_prec;
    else if (type == 'r')
        type = 'g';
    OuStrBuf body;
    ou_strbuf_init(&body);
    if (parens)
        ou_strbuf_append_char(&body, '(');
    if (!skip_re)
        complex_part(&body, re, &f, type, prec, false);
    complex_part(&body, im, &f, type, prec, !skip_re);
    ou_strbuf_append_cstr(&body, parens ? "j)" : "j");
    ouro_ssize total = cp_count(body.data, body.len);
    ouro_ssize pad = f.width > total ? f.width - total : 0;
    ouro_ssize left = f.align == '<' ? 0 : f.align == '^' ? pad / 2 : pad;
    OuStrBuf b;
    ou_strbuf_init(&b);
    put_fill(&b, f.fill, left);
    ou_strbuf_append(&b, body.data, body.len);
    put_fill(&b, f.fill, pad - left);
    if (body.failed)
        b.failed = true;
    ou_strbuf_discard(&body);
    return ou_strbuf_finish(&b);
}

/* ------------------------------------------------------------------------ int -- */

static OuroObject *format_char(OuroObject *v, const OuFormatSpec *f)
{
    if (f->sign)
        return ouro_err_format(&ouro_exc_ValueError,
                               "Sign not allowed with integer format specifier 'c'");
    if (f->alternate)
        return ouro_err_format(&ouro_exc_ValueError,
                               "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t c = ouro_int_as_int64(v);
    if (c == -1 && ouro_err_occurred())
        return NULL;
    if (c < 0 || c > 0x10FFFF)
        return ouro_err_format(&ouro_exc_OverflowError, "%%c arg not in range(0x110000)");
    OuStrBuf d;
    ou_strbuf_init(&d);
    put_cp(&d, (uint32_t)c);
    OuFormatSpec g = *f;
    if (g.align == '=')
        g.align = '>';
    OuroObject *r = layout_number(&g, "", "", "", 0, d.data, d.len, 0);
    ou_strbuf_discard(&d);
    return r;
}

static OuroObject *format_int_spec(OuroObject *v, const OuFormatSpec *f)
{
    if (f->precision >= 0)
        return ouro_err_format(&ouro_exc_ValueError,
                               "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return ouro_err_format(&ouro_exc_ValueError,
                               "Negative zero coercion (z) not allowed in integer format specifier");
    if (f->type == 'c')
        return format_char(v, f);
    int base = 10, group = 3;
    const char *prefix = "";
    switch (f->type) {
    case 'b': base = 2; group = 4; prefix = "0b"; break;
    case 'o': base = 8; group = 4; prefix = "0o"; break;
    case 'x': base = 16; group = 4; prefix = "0x"; break;
    case 'X': base = 16; group = 4; prefix = "0X"; break;
    default: break;
    }
    if (!f->alternate)
        prefix = "";
    bool neg = ouro_int_sign(v) < 0;
    OuroObject *a = neg ? ouro_number_absolute(v) : OURO_NEWREF(v);
    if (!a)
        return NULL;
    OuroObject *ds = base == 10 ? ouro_int_to_decimal(a) : ouro_int_to_base(a, base, false);
    OURO_DECREF(a);
    if (!ds)
        return NULL;
    const char *d = ouro_str_utf8(ds);
    ouro_ssize nd = ouro_str_byte_length(ds);
    OuroObject *r;
    if (f->type == 'X') {
        char *up = ou_mem_alloc((size_t)nd + 1);
        if (!up) {
            OURO_DECREF(ds);
            return ouro_err_no_memory();
        }
        for (ouro_ssize i = 0; i < nd; i++)
            up[i] = (d[i] >= 'a' && d[i] <= 'f') ? (char)(d[i] - 32) : d[i];
        r = layout_number(f, sign_for(f, neg), prefix, up, nd, "", 0, group);
        ou_mem_free(up);
    } else {
        r = layout_number(f, sign_for(f, neg), prefix, d, nd, "", 0, group);
    }
    OURO_DECREF(ds);
    return r;
}

OuroObject *ou_format_int(OuroObject *v, OuroObject *spec)
{
    if (ouro_str_length(spec) == 0)
        return ouro_object_str(v);
    OuFormatSpec f;
    if (parse_spec(spec, &f, '>', 'd', "int") < 0)
        return NULL;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_int_spec(v, &f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = ouro_int_as_double(v);
        if (d == -1.0 && ouro_err_occurred())
            return NULL;
        return format_double(d, &f);
    }
    default:
        return unknown_code(f.type, "int");
    }
}

/* --------------------------------------------------------------------- ascii -- */

OuroObject *ou_object_ascii(OuroObject *o)
{
    OuroObject *r = ouro_object_repr(o);
    if (!r)
        return NULL;
    ouro_ssize n = ouro_str_length(r);
    if (n == ouro_str_byte_length(r))
        return r;
    OuStrBuf b;
    ou_strbuf_init(&b);
    for (ouro_ssize i = 0; i < n; i++) {
        uint32_t c = ouro_str_codepoint_at(r, i);
        char tmp[16];
        if (c < 0x80) {
            ou_strbuf_append_char(&b, (char)c);
            continue;
        }
        snprintf(tmp, sizeof(tmp), c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x",
                 (unsigned)c);
        ou_strbuf_append_cstr(&b, tmp);
    }
    OURO_DECREF(r);
    return ou_strbuf_finish(&b);
}

/* ------------------------------------------------------------- the methods -- */

static OuroObject *need_spec(OuroObject *spec)
{
    if (ouro_str_check(spec))
        return spec;
    return ouro_err_format(&ouro_exc_TypeError, "__format__() argument must be str, not %s",
                           OURO_TYPE_NAME(spec));
}

OuroObject *ou_int_format_method(OuroObject *self, OuroObject *spec)
{
    return need_spec(spec) ? ou_format_int(self, spec) : NULL;
}

OuroObject *ou_float_format_method(OuroObject *self, OuroObject *spec)
{
    return need_spec(spec) ? ou_format_float(self, spec) : NULL;
}

OuroObject *ou_complex_format_method(OuroObject *self, OuroObject *spec)
{
    return need_spec(spec) ? ou_format_complex(self, spec) : NULL;
}

OuroObject *ou_str_format_method(OuroObject *self, OuroObject *spec)
{
    return need_spec(spec) ? ou_format_str(self, spec) : NULL;
}

/* object.__format__: str(self) for an empty spec, else TypeError. */
OuroObject *ou_object_format_method(OuroObject *self, OuroObject *spec)
{
    if (!need_spec(spec))
        return NULL;
    if (ouro_str_length(spec) > 0)
        return ouro_err_format(&ouro_exc_TypeError,
                               "unsupported format string passed to %s.__format__",
                               OURO_TYPE_NAME(self));
    return ouro_object_str(self);
}

/* The built-in formatting for value's nearest built-in base type (used when the type
 * machinery has no __format__ entry to call). */
static OuroObject *builtin_format(OuroObject *value, OuroObject *spec)
{
    if (ouro_bool_check(value) && ouro_str_length(spec) == 0)
        return ouro_object_str(value);
    if (ouro_int_check(value))
        return ou_format_int(value, spec);
    if (ouro_float_check(value))
        return ou_format_float(value, spec);
    if (ouro_complex_check(value))
        return ou_format_complex(value, spec);
    if (ouro_str_check(value))
        return ou_format_str(value, spec);
    return ou_object_format_method(value, spec);
}

OuroObject *ou_object_format(OuroObject *value, OuroObject *spec)
{
    OuroObject *empty = NULL;
    if (!spec) {
        empty = ouro_str_from_utf8("", 0);
        if (!empty)
            return NULL;
        spec = empty;
    }
    OuroObject *r;
    OuroType *t = OURO_TYPE(value);
    if (t == &ouro_str_type && ouro_str_length(spec) == 0) {
        r = OURO_NEWREF(value);
    } else if (t == &ouro_int_type || t == &ouro_float_type || t == &ouro_str_type ||
               t == &ouro_bool_type || !(t->tp_flags & OURO_TPFLAG_HEAPTYPE)) {
        r = builtin_format(value, spec);
    } else {
        /* A class: its __format__ through attribute lookup (bound to value). */
        OuroObject *meth = ouro_object_getattr_str(value, "__format__");
        if (meth) {
            r = ouro_object_vectorcall(meth, &spec, 1, NULL);
            OURO_DECREF(meth);
            if (r && !ouro_str_check(r)) {
                ouro_err_format(&ouro_exc_TypeError, "__format__ must return a str, not %s",
                                OURO_TYPE_NAME(r));
                OURO_CLEAR(r);
            }
        } else if (ouro_err_matches(&ouro_exc_AttributeError)) {
            ouro_err_clear();
            r = builtin_format(value, spec);
        } else {
            r = NULL;
        }
    }
    OURO_XDECREF(empty);
    return r;
}
