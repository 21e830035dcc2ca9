/* src/objects/complexobject.c — complex: two IEEE doubles in a 24-byte object. Mixed
 * arithmetic converts int and float operands to complex first, as CPython 3.11 does;
 * hash, repr, complex(str) and the pow special cases follow CPython 3.11. format() lives
 * with the other number formats in formatspec.c. Notes: docs/internals/objects.md
 * ("complex"). */
#include "objects.h"
#include "complexobject.h"
#include "lang/lang.h"
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* A complex value while computing. */
typedef struct Cx {
    double re, im;
} Cx;

/* ------------------------------------------------------------------- creation -- */

OURO_API OuroObject *ouro_complex_from_doubles(double real, double imag)
{
    OuroObject *o = ouro_object_alloc(&ouro_complex_type);
    if (o) {
        ((OuroComplex *)o)->cv_real = real;
        ((OuroComplex *)o)->cv_imag = imag;
    }
    return o;
}

static OuroObject *cx_new(Cx c) { return ouro_complex_from_doubles(c.re, c.im); }

/* An instance of type (complex or a subclass) holding c; subclasses with a GC header are
 * tracked like any complete instance. Returns: new reference, or NULL with an exception. */
static OuroObject *complex_subtype_from(OuroType *type, Cx c)
{
    if (type == &ouro_complex_type)
        return cx_new(c);
    OuroObject *o = ouro_object_alloc(type);
    if (!o)
        return NULL;
    ((OuroComplex *)o)->cv_real = c.re;
    ((OuroComplex *)o)->cv_imag = c.im;
    if (ou_type_is_gc(type))
        ouro_gc_track(o);
    return o;
}

/* Exact complexes only own their memory; subclass instances go through the language
 * layer's subtype dealloc. */
static void complex_dealloc(OuroObject *o)
{
    ouro_object_free(o);
}

static Cx cx_value(OuroObject *o)
{
    return (Cx){ ouro_complex_real(o), ouro_complex_imag(o) };
}

/* ----------------------------------------------------------------- operands -- */

/* The operand of a binary operation as a complex (CPython's TO_COMPLEX): complex, float
 * and int (an int too large for a double raises OverflowError).
 * Returns: 0 with *c set; 1 for any other type (answer NotImplemented); -1 on error. */
static int operand_complex(OuroObject *o, Cx *c)
{
    if (ouro_complex_check(o)) {
        *c = cx_value(o);
        return 0;
    }
    if (ouro_float_check(o)) {
        *c = (Cx){ ouro_float_value(o), 0.0 };
        return 0;
    }
    if (ouro_int_check(o)) {
        double d = ouro_int_as_double(o);
        if (d == -1.0 && ouro_err_occurred())
            return -1;
        *c = (Cx){ d, 0.0 };
        return 0;
    }
    return 1;
}

#define CONVERT_OPERANDS(v, w, a, b)                   \
    do {                                               \
        int rc_ = operand_complex(v, &a);              \
        if (rc_ == 0)                                  \
            rc_ = operand_complex(w, &b);              \
        if (rc_ > 0)                                   \
            OURO_RETURN_NOTIMPLEMENTED;                \
        if (rc_ < 0)                                   \
            return NULL;                               \
    } while (0)

/* ----------------------------------------------------------- complex algebra -- */

static Cx cx_prod(Cx a, Cx b)
{
    return (Cx){ a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re };
}

/* a / b by Smith's method (scale by the larger part of b, so that |b|**2 never
 * overflows). Returns: 0 with *r set, or -1 when b is zero (*r is 0). NaN parts in b
 * give NaN. */
static int cx_quot(Cx a, Cx b, Cx *r)
{
    double abs_re = fabs(b.re), abs_im = fabs(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) {
            *r = (Cx){ 0.0, 0.0 };
            return -1;
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        *r = (Cx){ (a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom };
    } else if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        *r = (Cx){ (a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom };
    } else {
        *r = (Cx){ NAN, NAN }; /* a NaN in b: neither comparison held */
    }
    return 0;
}

/* x ** n for n >= 0 by binary powering (exact for small exponents, unlike exp/log). */
static Cx cx_powu(Cx x, long n)
{
    Cx r = { 1.0, 0.0 }, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = cx_prod(r, p);
        p = cx_prod(p, p);
    }
    return r;
}

/* The outcome of a power: a value, or "zero to a negative or complex power" (which
 * CPython reports through errno EDOM, also when x ** -n underflowed to a zero divisor). */
enum { POW_OK, POW_ZERO_DIV };

static int cx_powi(Cx x, long n, Cx *r)
{
    if (n > 0) {
        *r = cx_powu(x, n);
        return POW_OK;
    }
    return cx_quot((Cx){ 1.0, 0.0 }, cx_powu(x, -n), r) < 0 ? POW_ZERO_DIV : POW_OK;
}

/* a ** b through polar form, for exponents that are not small integers. */
static int cx_pow_polar(Cx a, Cx b, Cx *r)
{
    if (b.re == 0.0 && b.im == 0.0) {
        *r = (Cx){ 1.0, 0.0 };
        return POW_OK;
    }
    if (a.re == 0.0 && a.im == 0.0) {
        *r = (Cx){ 0.0, 0.0 };
        return b.im != 0.0 || b.re < 0.0 ? POW_ZERO_DIV : POW_OK;
    }
    double vabs = hypot(a.re, a.im);
    double len = pow(vabs, b.re);
    double at = atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    *r = (Cx){ len * cos(phase), len * sin(phase) };
    return POW_OK;
}

/* ----------------------------------------------------------------- arithmetic -- */

static OuroObject *complex_add(OuroObject *v, OuroObject *w)
{
    Cx a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return cx_new((Cx){ a.re + b.re, a.im + b.im });
}

static OuroObject *complex_sub(OuroObject *v, OuroObject *w)
{
    Cx a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return cx_new((Cx){ a.re - b.re, a.im - b.im });
}

static OuroObject *complex_mul(OuroObject *v, OuroObject *w)
{
    Cx a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return cx_new(cx_prod(a, b));
}

static OuroObject *complex_div(OuroObject *v, OuroObject *w)
{
    Cx a, b, r;
    CONVERT_OPERANDS(v, w, a, b);
    if (cx_quot(a, b, &r) < 0)
        return ouro_err_format(&ouro_exc_ZeroDivisionError, "complex division by zero");
    return cx_new(r);
}

/* a ** b: small integral exponents (|n| <= 100) by repeated multiplication, others in
 * polar form. A result with an infinite part is an OverflowError (CPython's ERANGE
 * check), a NaN one is not; a libm domain error is CPython's ZeroDivisionError. Also
 * float's answer for a negative base to a fractional power (floatobject.c calls this
 * slot). Returns: new reference, or NULL with an exception. */
static OuroObject *complex_pow(OuroObject *v, OuroObject *w, OuroObject *z)
{
    Cx a, b, r;
    int rc;
    CONVERT_OPERANDS(v, w, a, b);
    if (z && z != OURO_NONE)
        return ouro_err_format(&ouro_exc_ValueError, "complex modulo");
    errno = 0;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0)
        rc = cx_powi(a, (long)b.re, &r);
    else
        rc = cx_pow_polar(a, b, &r);
    /* CPython reads errno after the libm calls: EDOM (cos(inf) of an infinite phase,
     * say) is reported as the zero-power error; ERANGE only with an infinite part. */
    bool inf_part = isinf(r.re) || isinf(r.im);
    if (rc == POW_ZERO_DIV || (errno == EDOM))
        return ouro_err_format(&ouro_exc_ZeroDivisionError,
                               "0.0 to a negative or complex power");
    if (inf_part)
        return ouro_err_format(&ouro_exc_OverflowError, "complex exponentiation");
    return cx_new(r);
}

static OuroObject *complex_neg(OuroObject *v)
{
    return ouro_complex_from_doubles(-ouro_complex_real(v), -ouro_complex_imag(v));
}

/* +z, complex(z) and z.__complex__(): z itself when exact, else a plain complex copy. */
static OuroObject *complex_pos(OuroObject *v)
{
    if (OURO_IS_TYPE(v, &ouro_complex_type))
        return OURO_NEWREF(v);
    return cx_new(cx_value(v));
}

/* abs(z): an infinite part wins over a NaN one; a finite z whose modulus overflows is
 * an OverflowError. */
static OuroObject *complex_abs(OuroObject *v)
{
    Cx c = cx_value(v);
    if (!isfinite(c.re) || !isfinite(c.im)) {
        if (isinf(c.re))
            return ouro_float_from_double(fabs(c.re));
        if (isinf(c.im))
            return ouro_float_from_double(fabs(c.im));
        return ouro_float_from_double(NAN);
    }
    double r = hypot(c.re, c.im);
    if (isinf(r))
        return ouro_err_format(&ouro_exc_OverflowError, "absolute value too large");
    return ouro_float_from_double(r);
}

static int complex_bool(OuroObject *v)
{
    return ouro_complex_real(v) != 0.0 || ouro_complex_imag(v) != 0.0;
}

static const OuroNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

/* ------------------------------------------------------- comparison and hash -- */

/* Only == and != : a complex equals an int exactly when its imaginary part is zero and
 * its real part equals the int (compared exactly, through float's comparison). */
static OuroObject *complex_richcompare(OuroObject *v, OuroObject *w, int op)
{
    if ((op != OURO_EQ && op != OURO_NE) || !ouro_complex_check(v))
        OURO_RETURN_NOTIMPLEMENTED;
    Cx a = cx_value(v);
    bool equal;
    if (ouro_int_check(w)) {
        if (a.im != 0.0) {
            equal = false;
        } else {
            OuroObject *re = ouro_float_from_double(a.re);
            if (!re)
                return NULL;
            OuroObject *r = ouro_float_type.tp_richcompare(re, w, op);
            OURO_DECREF(re);
            return r;
        }
    } else if (ouro_float_check(w)) {
        equal = a.re == ouro_float_value(w) && a.im == 0.0;
    } else if (ouro_complex_check(w)) {
        Cx b = cx_value(w);
        equal = a.re == b.re && a.im == b.im;
    } else {
        OURO_RETURN_NOTIMPLEMENTED;
    }
    return OURO_NEWREF(equal == (op == OURO_EQ) ? OURO_TRUE : OURO_FALSE);
}

/* CPython's: hash(real) + 1000003 * hash(imag) in unsigned arithmetic, so a complex with
 * a zero imaginary part hashes as its real part (hash(1+0j) == hash(1)). NaN parts hash
 * by the complex's identity. */
#define IMAG_HASH_MULTIPLIER 1000003u

static ouro_hash complex_hash(OuroObject *o)
{
    uint64_t hr = (uint64_t)ouro_float_hash_double(ouro_complex_real(o), o);
    uint64_t hi = (uint64_t)ouro_float_hash_double(ouro_complex_imag(o), o);
    uint64_t h = hr + IMAG_HASH_MULTIPLIER * hi;
    if (h == (uint64_t)-1)
        h = (uint64_t)-2;
    return (ouro_hash)h;
}

/* ----------------------------------------------------------------------- repr -- */

/* repr of one part: float's shortest repr without the ".0" of integral values ("1",
 * "-0", "1e+16", "nan"). buf holds at least 32 bytes. */
static void part_repr(double v, char *buf)
{
    size_t n = ouro_float_format_repr(v, buf, 32);
    if (n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0')
        buf[n - 2] = '\0';
}

/* "2j" for a zero real part of positive sign, else "(1+2j)", "(-0-0j)", "(nan+infj)". */
static OuroObject *complex_repr(OuroObject *o)
{
    Cx c = cx_value(o);
    char re[32], im[32];
    part_repr(c.im, im);
    if (c.re == 0.0 && !signbit(c.re))
        return ouro_str_from_format("%sj", im);
    part_repr(c.re, re);
    return ouro_str_from_format("(%s%s%sj)", re, im[0] == '-' ? "" : "+", im);
}

/* -------------------------------------------------------------------- parsing --
 * complex(str): [ws] ["("] [ws] <real> | <imag>j | <real><signed imag>j | [sign]j |
 * <real><sign>j [ws] [")"] [ws]; numbers as float() reads them, underscores only between
 * digits (checked first, as CPython, with its own message). */

static bool ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Case-insensitive "word" (lower case) at s[i..n)? */
static bool word_at(const char *s, size_t n, size_t i, const char *word)
{
    size_t k = strlen(word);
    if (n - i < k)
        return false;
    for (size_t j = 0; j < k; j++)
        if ((s[i + j] | 0x20) != word[j])
            return false;
    return true;
}

/* Scans a float at s[*i..n): [sign] (inf | infinity | nan | digits [. digits] [e [sign]
 * digits]), the longest such prefix, as strtod would. Returns: 0 with *out and *i moved
 * past it, 1 if there is none (nothing moved), -1 with an exception. */
static int scan_float(const char *s, size_t n, size_t *i, double *out)
{
    size_t j = *i;
    if (j < n && (s[j] == '+' || s[j] == '-'))
        j++;
    if (word_at(s, n, j, "infinity"))
        j += 8;
    else if (word_at(s, n, j, "inf") || word_at(s, n, j, "nan"))
        j += 3;
    else {
        size_t digits = 0;
        for (; j < n && is_digit(s[j]); j++)
            digits++;
        if (j < n && s[j] == '.')
            for (j++; j < n && is_digit(s[j]); j++)
                digits++;
        if (digits == 0)
            return 1;
        if (j < n && (s[j] | 0x20) == 'e') {
            size_t k = j + 1;
            if (k < n && (s[k] == '+' || s[k] == '-'))
                k++;
            if (k < n && is_digit(s[k])) {
                while (k < n && is_digit(s[k]))
                    k++;
                j = k;
            }
        }
    }
    OuroObject *f = ouro_float_from_string(s + *i, j - *i);
    if (!f)
        return -1;
    *out = ouro_float_value(f);
    OURO_DECREF(f);
    *i = j;
    return 0;
}

/* Parses the stripped, underscore-free text s[0..n). Returns: 0 with *c, 1 if malformed,
 * -1 with an exception. */
static int parse_complex_body(const char *s, size_t n, Cx *c)
{
    size_t i = 0;
    double x = 0.0, y;
    int rc = scan_float(s, n, &i, &x);
    if (rc < 0)
        return -1;
    if (rc > 0) {
        /* No number: only "j", "+j", "-j". */
        double unit = 1.0;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            unit = s[i++] == '-' ? -1.0 : 1.0;
        if (i + 1 != n || (s[i] | 0x20) != 'j')
            return 1;
        *c = (Cx){ 0.0, unit };
        return 0;
    }
    if (i == n) {
        *c = (Cx){ x, 0.0 };
        return 0;
    }
    if ((s[i] | 0x20) == 'j') {
        *c = (Cx){ 0.0, x };
        return i + 1 == n ? 0 : 1;
    }
    if (s[i] != '+' && s[i] != '-')
        return 1;
    size_t sign_at = i;
    rc = scan_float(s, n, &i, &y);
    if (rc < 0)
        return -1;
    if (rc > 0) {
        /* "<real><sign>j" */
        y = s[sign_at] == '-' ? -1.0 : 1.0;
        i = sign_at + 1;
    }
    if (i + 1 != n || (s[i] | 0x20) != 'j')
        return 1;
    *c = (Cx){ x, y };
    return 0;
}

/* The ASCII stand-in of the UTF-8 sequence at s[*i] (a str's valid UTF-8, lead byte
 * >= 0x80), moving *i past it. */
static char ascii_of_utf8(const char *s, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    uint32_t cp = c & (len == 4 ? 0x07u : len == 3 ? 0x0fu : 0x1fu);
    for (int k = 1; k < len; k++)
        cp = (cp << 6) | ((unsigned char)s[*i + (size_t)k] & 0x3fu);
    *i += (size_t)len;
    return ou_float_unicode_to_ascii(cp);
}

/* complex(s) for a str s. Returns: 0 with *c, or -1 with an exception. */
static int parse_complex_str(OuroObject *str, Cx *c)
{
    const char *s = ouro_str_utf8(str);
    size_t n = (size_t)ouro_str_byte_length(str);
    char small[128], *buf = n < sizeof small ? small : ou_mem_alloc(n + 1);
    int rc = 1;
    if (!buf) {
        ouro_err_no_memory();
        return -1;
    }
    /* Non-ASCII digits and spaces become ASCII, as float() reads them. */
    size_t m = 0;
    for (size_t i = 0; i < n; m++)
        buf[m] = (unsigned char)s[i] < 0x80 ? s[i++] : ascii_of_utf8(s, &i);
    /* Underscores: each between two digits, then dropped. */
    size_t len = 0;
    for (size_t i = 0; i < m; i++) {
        if (buf[i] != '_') {
            buf[len++] = buf[i];
            continue;
        }
        if (i == 0 || i + 1 >= m || !is_digit(buf[i - 1]) || !is_digit(buf[i + 1])) {
            ouro_err_format(&ouro_exc_ValueError, "could not convert string to complex: %R",
                            str);
            rc = -1;
            goto done;
        }
    }
    const char *p = buf;
    while (len > 0 && ascii_space(*p))
        p++, len--;
    while (len > 0 && ascii_space(p[len - 1]))
        len--;
    if (len > 0 && *p == '(') {
        if (len < 2 || p[len - 1] != ')')
            goto done;
        p++;
        len -= 2;
        while (len > 0 && ascii_space(*p))
            p++, len--;
        while (len > 0 && ascii_space(p[len - 1]))
            len--;
    }
    if (memchr(p, '\0', len))
        goto done;
    if (len > 0)
        rc = parse_complex_body(p, len, c);
done:
    if (buf != small)
        ou_mem_free(buf);
    if (rc > 0)
        ouro_err_format(&ouro_exc_ValueError, "complex() arg is a malformed string");
    return rc == 0 ? 0 : -1;
}

/* ------------------------------------------------------------------------ new -- */

/* o.__complex__() looked up on o's type, if it has one. Returns: 1 with *out (a new
 * complex reference), 0 when o has no __complex__, -1 with an exception (a result that
 * is not a complex: TypeError). */
static int call_dunder_complex(OuroObject *o, OuroObject **out)
{
    OuroObject *name = ouro_str_intern_cstr("__complex__");
    if (!name)
        return -1;
    OuroObject *f = ou_type_lookup(OURO_TYPE(o), name);
    OURO_DECREF(name);
    if (!f)
        return ouro_err_occurred() ? -1 : 0;
    OuroObject *r = ouro_object_vectorcall(f, &o, 1, NULL);
    if (!r)
        return -1;
    if (!ouro_complex_check(r)) {
        ouro_err_format(&ouro_exc_TypeError, "__complex__ returned non-complex (type %s)",
                        OURO_TYPE_NAME(r));
        OURO_DECREF(r);
        return -1;
    }
    *out = r;
    return 1;
}

/* Does o convert with float() (nb_float or nb_index)? */
static bool has_float_slot(OuroObject *o)
{
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    return nb && (nb->nb_float || nb->nb_index);
}

/* float(o) for a number o. Returns: 0 with *d, or -1 with an exception. */
static int number_double(OuroObject *o, double *d)
{
    *d = ouro_float_as_double(o);
    return *d == -1.0 && ouro_err_occurred() ? -1 : 0;
}

/* Reads complex()'s real= / imag= keywords into *r and *i (positional ones already set).
 * Returns: 0, or -1 with CPython's TypeError. */
static int complex_keywords(OuroObject *kwargs, ouro_ssize nargs, OuroObject **r,
                            OuroObject **i)
{
    ouro_ssize pos = 0;
    OuroObject *key, *value;
    while (ouro_dict_next(kwargs, &pos, &key, &value)) {
        OuroObject **slot;
        ouro_ssize index;
        if (!ouro_str_check(key)) {
            ouro_err_format(&ouro_exc_TypeError, "keywords must be strings");
            return -1;
        }
        if (ouro_str_equal_cstr(key, "real"))
            slot = r, index = 1;
        else if (ouro_str_equal_cstr(key, "imag"))
            slot = i, index = 2;
        else {
            ouro_err_format(&ouro_exc_TypeError,
                            "'%U' is an invalid keyword argument for complex()", key);
            return -1;
        }
        if (nargs >= index) {
            ouro_err_format(&ouro_exc_TypeError,
                            "argument for complex() given by name ('%U') and position (%zd)",
                            key, index);
            return -1;
        }
        *slot = value;
    }
    return 0;
}

/* complex(real=0, imag=0) with CPython 3.11's rules: a str alone is parsed; otherwise
 * each argument is a complex (or has __complex__, first argument only) or a real number,
 * and the result is real + imag*1j computed part by part (complex(1+2j, 3+4j) == -3+5j). */
static OuroObject *complex_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    ouro_ssize nkw = kwargs ? ouro_dict_size(kwargs) : 0;
    OuroObject *r = nargs > 0 ? OURO_TUPLE_GET(args, 0) : NULL;
    OuroObject *i = nargs > 1 ? OURO_TUPLE_GET(args, 1) : NULL;
    OuroObject *owned = NULL, *result = NULL;
    Cx cr = { 0.0, 0.0 }, ci = { 0.0, 0.0 };
    bool cr_is_complex = false, ci_is_complex = false;
    if (nargs + nkw > 2)
        return ouro_err_format(&ouro_exc_TypeError,
                               "complex() takes at most 2 arguments (%zd given)", nargs + nkw);
    if (nkw && complex_keywords(kwargs, nargs, &r, &i) < 0)
        return NULL;
    if (!r)
        r = OURO_FALSE; /* complex(imag=2) is 0 + 2j, computed as below */
    if (ouro_str_check(r)) {
        if (i)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "complex() can't take second arg if first is a string");
        if (parse_complex_str(r, &cr) < 0)
            return NULL;
        return complex_subtype_from(type, cr);
    }
    if (i && ouro_str_check(i))
        return ouro_err_format(&ouro_exc_TypeError, "complex() second arg can't be a string");
    int rc = call_dunder_complex(r, &owned);
    if (rc < 0)
        return NULL;
    if (rc > 0)
        r = owned;
    else if (!ouro_complex_check(r) && !has_float_slot(r))
        return ouro_err_format(&ouro_exc_TypeError,
                               "complex() first argument must be a string or a number, not '%s'",
                               OURO_TYPE_NAME(r));
    if (i && !ouro_complex_check(i) && !has_float_slot(i)) {
        ouro_err_format(&ouro_exc_TypeError,
                        "complex() second argument must be a number, not '%s'",
                        OURO_TYPE_NAME(i));
        goto done;
    }
    /* complex(z) of an exact complex (or what __complex__ returned) is that object. */
    if (!i && type == &ouro_complex_type && OURO_IS_TYPE(r, &ouro_complex_type)) {
        result = OURO_NEWREF(r);
        goto done;
    }
    if (ouro_complex_check(r)) {
        cr = cx_value(r);
        cr_is_complex = true;
    } else if (number_double(r, &cr.re) < 0) {
        goto done;
    }
    if (!i) {
        ci.re = cr.im;
    } else if (ouro_complex_check(i)) {
        ci = cx_value(i);
        ci_is_complex = true;
    } else if (number_double(i, &ci.re) < 0) {
        goto done;
    }
    if (ci_is_complex)
        cr.re -= ci.im;
    if (cr_is_complex && i)
        ci.re += cr.im;
    result = complex_subtype_from(type, (Cx){ cr.re, ci.re });
done:
    OURO_XDECREF(owned);
    return result;
}

/* -------------------------------------------------------------------- methods -- */

static OuroObject *complex_conjugate(OuroObject *self, OuroObject *unused)
{
    return ouro_complex_from_doubles(ouro_complex_real(self), -ouro_complex_imag(self));
}

static OuroObject *complex_dunder_complex(OuroObject *self, OuroObject *unused)
{
    return complex_pos(self);
}

static OuroObject *complex_getnewargs(OuroObject *self, OuroObject *unused)
{
    OuroObject *re = ouro_float_from_double(ouro_complex_real(self));
    OuroObject *im = re ? ouro_float_from_double(ouro_complex_imag(self)) : NULL;
    OuroObject *r = im ? ouro_tuple_pack(2, re, im) : NULL;
    OURO_XDECREF(re);
    OURO_XDECREF(im);
    return r;
}

static const OuroMethodDef complex_methods[] = {
    { "conjugate", OURO_METH(complex_conjugate), OURO_METH_NOARGS,
      "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j." },
    { "__complex__", OURO_METH(complex_dunder_complex), OURO_METH_NOARGS,
      "Convert this value to exact type complex." },
    { "__format__", OURO_METH(ou_complex_format_method), OURO_METH_O,
      "Convert to a string according to format_spec." },
    { "__getnewargs__", OURO_METH(complex_getnewargs), OURO_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

/* Read-only members, as CPython's (setting one says "readonly attribute"). */
static const OuroMemberDef complex_members[] = {
    { "real", OURO_MEMBER_DOUBLE, offsetof(OuroComplex, cv_real), OURO_MEMBER_READONLY,
      "the real part of a complex number" },
    { "imag", OURO_MEMBER_DOUBLE, offsetof(OuroComplex, cv_imag), OURO_MEMBER_READONLY,
      "the imaginary part of a complex number" },
    { NULL, 0, 0, 0, NULL },
};

/* ----------------------------------------------------------------------- type -- */

OURO_API OuroType ouro_complex_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "complex",
    .tp_basicsize = sizeof(OuroComplex),
    .tp_flags = OURO_TPFLAG_BASETYPE,
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_str = complex_repr,
    .tp_hash = complex_hash,
    .tp_richcompare = complex_richcompare,
    .tp_new = complex_new,
    .tp_as_number = &complex_as_number,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
              "This is equivalent to (real + imag*1j) where imag defaults to 0.",
};
