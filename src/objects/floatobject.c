/* src/objects/floatobject.c — float: an IEEE double in a 16-byte object. Arithmetic,
 * comparison (exact against ints), hashing and round() follow CPython 3.11's floatobject.c;
 * repr is the shortest round-tripping string. Design notes: docs/internals/objects.md
 * ("float"); deliberate differences: docs/differences.md. */
#include "objects.h"
#include "strimpl.h"   /* memoryview (float(view) parses its bytes) */
#include "complexobject.h"
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------- creation -- */

OURO_API OuroObject *ouro_float_from_double(double v)
{
    OuroObject *o = ouro_object_alloc(&ouro_float_type);
    if (o)
        ((OuroFloat *)o)->ob_fval = v;
    return o;
}

/* float subclasses store the same double; heap types that carry a GC header are tracked
 * like any other complete instance. Returns: new reference, or NULL with an exception. */
static OuroObject *float_subtype_from_double(OuroType *type, double v)
{
    if (type == &ouro_float_type)
        return ouro_float_from_double(v);
    OuroObject *o = ouro_object_alloc(type);
    if (!o)
        return NULL;
    ((OuroFloat *)o)->ob_fval = v;
    if (ou_type_is_gc(type))
        ouro_gc_track(o);
    return o;
}

/* Exact floats only own their memory. Subclass instances are released by the language
 * layer's subtype dealloc, which also drops the class reference (as CPython). */
static void float_dealloc(OuroObject *o)
{
    ouro_object_free(o);
}

/* ----------------------------------------------------------------- conversion -- */

/* The double of an operand of a float binary operation (CPython's CONVERT_TO_DOUBLE).
 * Returns: 0 with *d set; 1 if o is neither float nor int (answer NotImplemented); -1
 * with OverflowError for an int too large for a double. */
static int operand_double(OuroObject *o, double *d)
{
    if (ouro_float_check(o)) {
        *d = ouro_float_value(o);
        return 0;
    }
    if (ouro_int_check(o)) {
        *d = ouro_int_as_double(o);
        return *d == -1.0 && ouro_err_occurred() ? -1 : 0;
    }
    return 1;
}

/* float(r) where r came from __float__: r must be a float. Steals: r.
 * Returns: 0 with *d set, or -1 with an exception. */
static int take_float_result(OuroObject *o, OuroObject *r, double *d)
{
    if (!r)
        return -1;
    if (!ouro_float_check(r)) {
        ouro_err_format(&ouro_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                        OURO_TYPE_NAME(o), OURO_TYPE_NAME(r));
        OURO_DECREF(r);
        return -1;
    }
    *d = ouro_float_value(r);
    OURO_DECREF(r);
    return 0;
}

/* __index__ then int-to-double, the fallback of float(o) for index-only types.
 * Returns: 0 with *d set, or -1 with an exception. */
static int index_double(OuroObject *o, double *d)
{
    OuroObject *i = ouro_number_index(o);
    if (!i)
        return -1;
    *d = ouro_int_as_double(i);
    OURO_DECREF(i);
    return *d == -1.0 && ouro_err_occurred() ? -1 : 0;
}

OURO_API double ouro_float_as_double(OuroObject *o)
{
    double d;
    if (ouro_float_check(o))
        return ouro_float_value(o);
    if (ouro_int_check_exact(o) || ouro_bool_check(o))
        return ouro_int_as_double(o);
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        if (take_float_result(o, nb->nb_float(o), &d) < 0)
            return -1.0;
        return d;
    }
    if (nb && nb->nb_index)
        return index_double(o, &d) < 0 ? -1.0 : d;
    ouro_err_format(&ouro_exc_TypeError, "must be real number, not %s", OURO_TYPE_NAME(o));
    return -1.0;
}

/* int(x) for a float value: truncates; CPython's messages for NaN and infinities.
 * Returns: new reference, or NULL with an exception. */
static OuroObject *double_to_int(double x)
{
    if (isnan(x))
        return ouro_err_format(&ouro_exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(x))
        return ouro_err_format(&ouro_exc_OverflowError,
                               "cannot convert float infinity to integer");
    return ouro_int_from_double(x);
}

/* ----------------------------------------------------------------------- repr --
 * Shortest round-trip digits without a dtoa of our own: the C library's printf and strtod
 * are correctly rounded, so the p-digit decimal nearest to v comes from printf and strtod
 * says whether it reads back as v. No decimal point is ever parsed (digits are read
 * around whatever point the locale prints; strtod gets "<digits>e<exp>"), so the C locale
 * does not matter. Why the search is this short: docs/internals/objects.md ("float"). */

/* A decimal candidate: the integer mant (p digits) times 10**exp10. */
typedef struct Decimal {
    uint64_t mant;
    int exp10;
} Decimal;

/* v (finite, > 0) printed once with WIDE_DIGITS significant digits: digits[i] is the
 * i-th digit, v ~ digits[0].digits[1..] * 10**exp. */
#define WIDE_DIGITS 26
typedef struct WideDigits {
    char digits[WIDE_DIGITS];
    int exp;
} WideDigits;

static const uint64_t pow10_u64[] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
    100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
    10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
    100000000000000000ull,
};

/* Exact powers of ten as doubles: 10**22 is the last one. */
static const double pow10_exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The double nearest to d. When mant and 10**|exp10| are both exact doubles, one IEEE
 * multiplication or division rounds correctly (Clinger's fast path); else strtod. */
static double decimal_value(Decimal d)
{
    if (d.mant <= ((uint64_t)1 << 53) && d.exp10 >= -22 && d.exp10 <= 22)
        return d.exp10 >= 0 ? (double)d.mant * pow10_exact[d.exp10]
                            : (double)d.mant / pow10_exact[-d.exp10];
    char buf[48];
    snprintf(buf, sizeof buf, "%llue%d", (unsigned long long)d.mant, d.exp10);
    return strtod(buf, NULL);
}

/* Reads "%.{n-1}e" output: the n significant digits and the decimal exponent. */
static int read_sci(const char *buf, char *digits)
{
    int n = 0;
    const char *q = buf;
    for (; *q && *q != 'e'; q++)
        if (*q >= '0' && *q <= '9')
            digits[n++] = *q;
    return *q == 'e' ? atoi(q + 1) : 0;
}

static void wide_digits(double v, WideDigits *w)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", WIDE_DIGITS - 1, v);
    w->exp = read_sci(buf, w->digits);
}

/* The p-digit decimal nearest to v (v finite, > 0; p <= 17), ties to even as printf.
 * Rounded from the wide digits unless they end in 50...0, where the wide rounding may
 * have made a tie out of a value just below or above it: then printf at p digits. */
static Decimal nearest_decimal(double v, int p, const WideDigits *w)
{
    Decimal d = { 0, w->exp - (p - 1) };
    const char *dg = w->digits;
    for (int i = 0; i < p; i++)
        d.mant = d.mant * 10 + (uint64_t)(dg[i] - '0');
    bool rest_zero = true;
    for (int i = p + 1; i < WIDE_DIGITS && rest_zero; i++)
        rest_zero = dg[i] == '0';
    if (dg[p] == '5' && rest_zero) {
        char buf[64], digits[24];
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        d.exp10 = read_sci(buf, digits) - (p - 1);
        d.mant = 0;
        for (int i = 0; i < p; i++)
            d.mant = d.mant * 10 + (uint64_t)(digits[i] - '0');
        return d;
    }
    if (dg[p] >= '5') {
        if (++d.mant == pow10_u64[p]) {
            d.mant = pow10_u64[p - 1];
            d.exp10++;
        }
    }
    return d;
}

/* Is there a p-digit decimal that reads back as v? Only two can: the nearest one, and
 * its neighbour on the other side of v (the rounding interval of v is narrower below
 * powers of two, so the nearest may miss where the other one hits). Stores the winner. */
static bool round_trips_at(double v, int p, const WideDigits *w, Decimal *out)
{
    Decimal d = nearest_decimal(v, p, w);
    double back = decimal_value(d);
    if (back == v) {
        *out = d;
        return true;
    }
    if (back < v) {
        if (++d.mant == pow10_u64[p]) {
            d.mant = pow10_u64[p - 1];
            d.exp10++;
        }
    } else {
        if (--d.mant < pow10_u64[p - 1]) {
            d.mant = pow10_u64[p] - 1;
            d.exp10--;
        }
    }
    if (decimal_value(d) != v)
        return false;
    *out = d;
    return true;
}

/* The shortest decimal that reads back as v (v finite, > 0). If some p-digit decimal
 * round-trips, so does a (p+1)-digit one (append a zero): the predicate is monotone. */
static Decimal shortest_decimal(double v)
{
    WideDigits w;
    Decimal d;
    wide_digits(v, &w);
    if (v >= DBL_MIN) {
        /* Any decimal of at most 15 digits survives decimal -> double -> 15 digits (DBL_DIG)
         * for normal doubles, so if the 15-digit nearest round-trips it is the shortest
         * one padded with zeros; otherwise only 16 or 17 digits can work. */
        d = nearest_decimal(v, 15, &w);
        if (decimal_value(d) == v)
            return d;
        if (round_trips_at(v, 16, &w, &d))
            return d;
        return nearest_decimal(v, 17, &w);
    }
    /* Subnormals have fewer bits than DBL_DIG assumes: binary search over 1..17. */
    int lo = 1, hi = 17;
    Decimal best = nearest_decimal(v, 17, &w);
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (round_trips_at(v, mid, &w, &d)) {
            best = d;
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return best;
}

/* Writes repr(v) into buf (at least 32 bytes) and returns its length. Python's layout:
 * positional when -4 <= exponent < 16 with at least one digit after the point, else
 * d[.ddd]e[+-]XX. */
static size_t format_repr(double v, char *buf)
{
    char *p = buf;
    if (isnan(v))
        return (size_t)sprintf(buf, "nan");
    if (signbit(v)) {
        *p++ = '-';
        v = -v;
    }
    if (isinf(v))
        return (size_t)(p - buf) + (size_t)sprintf(p, "inf");
    if (v == 0.0)
        return (size_t)(p - buf) + (size_t)sprintf(p, "0.0");

    Decimal d = shortest_decimal(v);
    while (d.mant % 10 == 0) {
        d.mant /= 10;
        d.exp10++;
    }
    char digits[24];
    int n = sprintf(digits, "%llu", (unsigned long long)d.mant);
    int decpt = n + d.exp10; /* v = 0.digits * 10**decpt */

    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = 0; i < -decpt; i++)
                *p++ = '0';
            memcpy(p, digits, (size_t)n);
            p += n;
        } else if (decpt >= n) {
            memcpy(p, digits, (size_t)n);
            p += n;
            for (int i = n; i < decpt; i++)
                *p++ = '0';
            *p++ = '.';
            *p++ = '0';
        } else {
            memcpy(p, digits, (size_t)decpt);
            p += decpt;
            *p++ = '.';
            memcpy(p, digits + decpt, (size_t)(n - decpt));
            p += n - decpt;
        }
        *p = '\0';
        return (size_t)(p - buf);
    }
    *p++ = digits[0];
    if (n > 1) {
        *p++ = '.';
        memcpy(p, digits + 1, (size_t)(n - 1));
        p += n - 1;
    }
    int e = decpt - 1;
    p += sprintf(p, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return (size_t)(p - buf);
}

OURO_API size_t ouro_float_format_repr(double v, char *buf, size_t size)
{
    char tmp[32];
    size_t n = format_repr(v, tmp);
    if (size > 0) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(buf, tmp, k);
        buf[k] = '\0';
    }
    return n;
}

OURO_API OuroObject *ouro_float_repr_double(double v)
{
    char buf[32];
    size_t n = format_repr(v, buf);
    return ouro_str_from_utf8(buf, n);
}

static OuroObject *float_repr(OuroObject *o)
{
    return ouro_float_repr_double(ouro_float_value(o));
}

/* -------------------------------------------------------------------- parsing --
 * float(s): the grammar is checked here (underscores only between digits, as CPython's
 * _Py_string_to_number_with_underscores), and the digits, stripped of underscores and
 * of the decimal point, go to strtod as "<digits>e<exp>" so the locale plays no part. */

/* Python's ASCII whitespace (Py_ISSPACE): what float() strips. */
static bool ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Case-insensitive match of the word w (lower case) at s[0..n). */
static bool word_at(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n != k)
        return false;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 0x20) != w[i])
            return false;
    return true;
}

/* Scans digit ( ["_"] digit )* at s[*i..n), appending the digits to out (if not NULL).
 * Returns: the number of digits, or -1 for a misplaced underscore. */
static ouro_ssize scan_digitpart(const char *s, size_t n, size_t *i, char *out, size_t *olen)
{
    ouro_ssize count = 0;
    while (*i < n) {
        char c = s[*i];
        if (is_digit(c)) {
            if (out)
                out[(*olen)++] = c;
            count++;
            (*i)++;
        } else if (c == '_' && count > 0 && *i + 1 < n && is_digit(s[*i + 1])) {
            (*i)++;
        } else {
            break;
        }
    }
    if (*i < n && s[*i] == '_')
        return -1;
    return count;
}

/* Parses stripped ASCII text s[0..n) as a Python float literal into *out; buf (n + 32
 * bytes) is scratch. Returns: 0, or -1 if the text is not a float. Never raises. */
static int parse_ascii(const char *s, size_t n, char *buf, double *out)
{
    size_t i = 0, len = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (word_at(s + i, n - i, "inf") || word_at(s + i, n - i, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return 0;
    }
    if (word_at(s + i, n - i, "nan")) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    if (neg)
        buf[len++] = '-';
    ouro_ssize intdigits = scan_digitpart(s, n, &i, buf, &len);
    ouro_ssize fracdigits = 0;
    if (intdigits < 0)
        return -1;
    if (i < n && s[i] == '.') {
        i++;
        if (i < n && is_digit(s[i]))
            fracdigits = scan_digitpart(s, n, &i, buf, &len);
        if (fracdigits < 0)
            return -1;
    }
    if (intdigits + fracdigits == 0)
        return -1;
    long long exp10 = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        bool eneg = false;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        size_t start = i;
        if (i >= n || !is_digit(s[i]) || scan_digitpart(s, n, &i, NULL, NULL) < 0)
            return -1;
        /* Beyond 10**9 the value is 0 or inf whatever the digits: saturate. */
        for (size_t k = start; k < i; k++)
            if (s[k] != '_' && exp10 < 1000000000LL)
                exp10 = exp10 * 10 + (s[k] - '0');
        if (eneg)
            exp10 = -exp10;
    }
    if (i != n)
        return -1;
    snprintf(buf + len, 32, "e%lld", exp10 - fracdigits);
    *out = strtod(buf, NULL);
    return 0;
}

/* Zero digits of the Unicode 14 decimal-digit blocks (each holds 0..9 in order), for the
 * non-ASCII digits float() accepts ('٣.٥' is 3.5), as CPython's _PyUnicode_TransformDecimal
 * AndSpaceToASCII. Generated with unicodedata.decimal from Python 3.11. */
static const uint32_t unicode_zeros[] = {
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80,
    0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50,
    0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
    0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0,
    0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
    0x1e2f0, 0x1e950, 0x1fbf0,
};

/* The ASCII character float() reads for a non-ASCII code point: '0'..'9' for a decimal
 * digit, ' ' for whitespace (str.isspace), '?' (invalid) otherwise. complex(str) maps
 * its text with it too (complexobject.h). */
char ou_float_unicode_to_ascii(uint32_t cp)
{
    if (cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
        cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000)
        return ' ';
    for (size_t k = 0; k < OU_ARRAY_LEN(unicode_zeros); k++)
        if (cp >= unicode_zeros[k] && cp < unicode_zeros[k] + 10)
            return (char)('0' + (cp - unicode_zeros[k]));
    return '?';
}

/* Decodes one UTF-8 sequence at s[*i..n) (s[*i] >= 0x80); invalid bytes give 0xFFFD. */
static uint32_t utf8_next(const unsigned char *s, size_t n, size_t *i)
{
    unsigned char c = s[*i];
    int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    uint32_t cp = len == 4 ? c & 0x07u : len == 3 ? c & 0x0fu : c & 0x1fu;
    if (len == 1 || *i + (size_t)len > n) {
        (*i)++;
        return 0xfffd;
    }
    for (int k = 1; k < len; k++) {
        if ((s[*i + (size_t)k] & 0xc0) != 0x80) {
            (*i)++;
            return 0xfffd;
        }
        cp = (cp << 6) | (s[*i + (size_t)k] & 0x3fu);
    }
    *i += (size_t)len;
    return cp;
}

/* Parses text s[0..n) as float() does; unicode: s is str text (non-ASCII digits and
 * spaces allowed), else bytes. Returns: 0 with *out set, 1 if s is not a float, -1 with
 * MemoryError. */
static int parse_float_text(const char *s, size_t n, bool unicode, double *out)
{
    char small[160];
    char *mem = NULL, *ascii = NULL, *buf = small;
    int rc = -1;
    bool non_ascii = false;
    for (size_t i = 0; i < n; i++)
        non_ascii |= (unsigned char)s[i] >= 0x80;
    if (non_ascii && !unicode)
        return 1;
    size_t need = (non_ascii ? n : 0) + n + 32;
    if (need > sizeof small) {
        mem = ou_mem_alloc(need);
        if (!mem) {
            ouro_err_no_memory();
            return -1;
        }
        buf = mem;
    }
    if (non_ascii) {
        /* Map to ASCII first, as CPython does, then parse the ASCII text. */
        size_t k = 0;
        ascii = buf;
        buf += n;
        for (size_t i = 0; i < n;) {
            if ((unsigned char)s[i] < 0x80)
                ascii[k++] = s[i++];
            else
                ascii[k++] = ou_float_unicode_to_ascii(utf8_next((const unsigned char *)s, n, &i));
        }
        s = ascii;
        n = k;
    }
    while (n > 0 && ascii_space(*s)) {
        s++;
        n--;
    }
    while (n > 0 && ascii_space(s[n - 1]))
        n--;
    rc = parse_ascii(s, n, buf, out) < 0 ? 1 : 0;
    ou_mem_free(mem);
    return rc;
}

/* ValueError "could not convert string to float: <repr of what>". Returns NULL. */
static OuroObject *conversion_error(OuroObject *what)
{
    return ouro_err_format(&ouro_exc_ValueError, "could not convert string to float: %R",
                           what);
}

OURO_API OuroObject *ouro_float_from_string(const char *s, size_t len)
{
    double v;
    int rc = parse_float_text(s, len, true, &v);
    if (rc < 0)
        return NULL;
    if (rc == 0)
        return ouro_float_from_double(v);
    /* The message quotes the text as str; text that is not UTF-8 is quoted as bytes. */
    OuroObject *what = ouro_str_from_utf8(s, len);
    if (!what) {
        if (ouro_err_matches(&ouro_exc_MemoryError))
            return NULL;
        ouro_err_clear();
        if (!(what = ouro_bytes_from_data(s, len)))
            return NULL;
    }
    conversion_error(what);
    OURO_DECREF(what);
    return NULL;
}

/* float(s) for a str, bytes, bytearray or memoryview object s. Returns: 0 with *out, or -1 with an
 * exception. */
static int string_object_double(OuroObject *s, double *out)
{
    int rc;
    if (ouro_str_check(s))
        rc = parse_float_text(ouro_str_utf8(s), (size_t)ouro_str_byte_length(s), true, out);
    else if (ouro_bytearray_check(s))
        rc = parse_float_text(ouro_bytearray_data(s), (size_t)ouro_bytearray_length(s), false,
                              out);
    else if (ou_memoryview_check(s)) {   /* its bytes (any layout); the error shows the view */
        OuroObject *b = ou_memoryview_tobytes(s);
        if (!b)
            return -1;
        rc = parse_float_text(ouro_bytes_data(b), (size_t)ouro_bytes_length(b), false, out);
        OURO_DECREF(b);
    } else
        rc = parse_float_text(ouro_bytes_data(s), (size_t)ouro_bytes_length(s), false, out);
    if (rc > 0)
        conversion_error(s);
    return rc == 0 ? 0 : -1;
}

/* ----------------------------------------------------------------------- hash -- */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

/* CPython's _Py_HashDouble: the value reduced modulo 2**61 - 1, so that a float equal to
 * an int (or, later, to a Fraction or Decimal) hashes like it. */
OURO_API ouro_hash ouro_float_hash_double(double v, OuroObject *owner)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? HASH_INF : -HASH_INF;
        return ouro_hash_pointer(owner);
    }
    int e, sign = 1;
    double m = frexp(v, &e);
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* 28 bits at a time: m * 2**e == x * 2**(e - 28k) for the integer x built here. */
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    /* Multiplying by 2**e is a rotation modulo 2**61 - 1. */
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1)
        x = (uint64_t)-2;
    return (ouro_hash)x;
}

static ouro_hash float_hash(OuroObject *o)
{
    return ouro_float_hash_double(ouro_float_value(o), o);
}

/* ----------------------------------------------------------------- comparison -- */

static OuroObject *compare_result(int c, int op)
{
    bool r;
    switch (op) {
    case OURO_LT: r = c < 0; break;
    case OURO_LE: r = c <= 0; break;
    case OURO_EQ: r = c == 0; break;
    case OURO_NE: r = c != 0; break;
    case OURO_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
}

/* A NaN is unequal to everything and neither smaller nor larger. */
static OuroObject *unordered_result(int op)
{
    return OURO_NEWREF(op == OURO_NE ? OURO_TRUE : OURO_FALSE);
}

/* float vs float with IEEE rules; float vs int exactly (2**53 + 1 > 2.0**53, however
 * large the int), never through a lossy conversion. */
static OuroObject *float_richcompare(OuroObject *v, OuroObject *w, int op)
{
    if (!ouro_float_check(v))
        OURO_RETURN_NOTIMPLEMENTED;
    double a = ouro_float_value(v);
    int c;
    if (ouro_float_check(w)) {
        double b = ouro_float_value(w);
        if (isnan(a) || isnan(b))
            return unordered_result(op);
        return compare_result(a < b ? -1 : a > b ? 1 : 0, op);
    }
    if (!ouro_int_check(w))
        OURO_RETURN_NOTIMPLEMENTED;
    if (isnan(a))
        return unordered_result(op);
    if (isinf(a))
        c = a > 0 ? 1 : -1;
    else
        c = -ouro_int_compare_double(w, a);
    return compare_result(c, op);
}

/* ----------------------------------------------------------------- arithmetic -- */

/* Both operands as doubles, or return NotImplemented / NULL from the calling slot. */
#define CONVERT_OPERANDS(v, w, a, b)                   \
    do {                                               \
        int rc_ = operand_double(v, &a);               \
        if (rc_ == 0)                                  \
            rc_ = operand_double(w, &b);               \
        if (rc_ > 0)                                   \
            OURO_RETURN_NOTIMPLEMENTED;                \
        if (rc_ < 0)                                   \
            return NULL;                               \
    } while (0)

static OuroObject *float_add(OuroObject *v, OuroObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return ouro_float_from_double(a + b);
}

static OuroObject *float_sub(OuroObject *v, OuroObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return ouro_float_from_double(a - b);
}

static OuroObject *float_mul(OuroObject *v, OuroObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    return ouro_float_from_double(a * b);
}

static OuroObject *float_div(OuroObject *v, OuroObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0)
        return ouro_err_format(&ouro_exc_ZeroDivisionError, "float division by zero");
    return ouro_float_from_double(a / b);
}

/* Python's modulo: the result has the sign of the divisor (a zero too). */
static double python_mod(double a, double b)
{
    double mod = fmod(a, b);
    if (mod) {
        if ((b < 0) != (mod < 0))
            mod += b;
    } else {
        /* fmod's zero sign varies across platforms: take the divisor's. */
        mod = copysign(0.0, b);
    }
    return mod;
}

static OuroObject *float_rem(OuroObject *v, OuroObject *w)
{
    double a, b;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0)
        return ouro_err_format(&ouro_exc_ZeroDivisionError, "float modulo");
    return ouro_float_from_double(python_mod(a, b));
}

/* CPython's _float_div_mod: a == b*q + m with m of the sign of b, q integral. */
static void div_mod(double a, double b, double *q, double *m)
{
    double mod = fmod(a, b);
    /* fmod is exact, so a - mod is a multiple of b up to one rounding of the division. */
    double div = (a - mod) / b;
    if (mod) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    if (div) {
        /* Snap the quotient to the nearest integer. */
        *q = floor(div);
        if (div - *q > 0.5)
            *q += 1.0;
    } else {
        *q = copysign(0.0, a / b);
    }
    *m = mod;
}

static OuroObject *float_floor_div(OuroObject *v, OuroObject *w)
{
    double a, b, q, m;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0)
        return ouro_err_format(&ouro_exc_ZeroDivisionError, "float floor division by zero");
    div_mod(a, b, &q, &m);
    return ouro_float_from_double(q);
}

static OuroObject *float_divmod(OuroObject *v, OuroObject *w)
{
    double a, b, q, m;
    OuroObject *qo = NULL, *mo = NULL, *r = NULL;
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0.0)
        return ouro_err_format(&ouro_exc_ZeroDivisionError, "float divmod()");
    div_mod(a, b, &q, &m);
    if (!(qo = ouro_float_from_double(q)) || !(mo = ouro_float_from_double(m)))
        goto done;
    r = ouro_tuple_pack(2, qo, mo);
done:
    OURO_XDECREF(qo);
    OURO_XDECREF(mo);
    return r;
}

/* OverflowError(34, 'Numerical result out of range'), as CPython's PyErr_SetFromErrno(
 * ERANGE) after pow() overflowed. Returns NULL. */
static OuroObject *range_error(void)
{
    OuroObject *code = NULL, *msg = NULL, *args = NULL, *exc = NULL;
    if (!(code = ouro_int_from_int64(ERANGE)) ||
        !(msg = ouro_str_from_cstr("Numerical result out of range")) ||
        !(args = ouro_tuple_pack(2, code, msg)) ||
        !(exc = ouro_exception_new(&ouro_exc_OverflowError, args)))
        goto done;
    ouro_err_set_object(&ouro_exc_OverflowError, exc);
done:
    OURO_XDECREF(code);
    OURO_XDECREF(msg);
    OURO_XDECREF(args);
    OURO_XDECREF(exc);
    return NULL;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* a ** b with CPython's special cases, sorted out before the C library sees them. */
static OuroObject *float_pow(OuroObject *v, OuroObject *w, OuroObject *z)
{
    double a, b;
    bool negate = false;
    if (z && z != OURO_NONE)
        return ouro_err_format(&ouro_exc_TypeError, "pow() 3rd argument not allowed unless "
                               "all arguments are integers");
    CONVERT_OPERANDS(v, w, a, b);
    if (b == 0)
        return ouro_float_from_double(1.0); /* even 0**0 and nan**0 */
    if (isnan(a))
        return ouro_float_from_double(a);
    if (isnan(b))
        return ouro_float_from_double(a == 1.0 ? 1.0 : b);
    if (isinf(b)) {
        /* |a| < 1: 0 for +inf, inf for -inf; |a| > 1 the other way; |a| == 1: 1. */
        a = fabs(a);
        if (a == 1.0)
            return ouro_float_from_double(1.0);
        return ouro_float_from_double((b > 0.0) == (a > 1.0) ? fabs(b) : 0.0);
    }
    if (isinf(a)) {
        bool odd = is_odd_integer(b);
        if (b > 0.0)
            return ouro_float_from_double(odd ? a : fabs(a));
        return ouro_float_from_double(odd ? copysign(0.0, a) : 0.0);
    }
    if (a == 0.0) {
        if (b < 0.0)
            return ouro_err_format(&ouro_exc_ZeroDivisionError,
                                   "0.0 cannot be raised to a negative power");
        return ouro_float_from_double(is_odd_integer(b) ? a : 0.0);
    }
    if (a < 0.0) {
        /* A negative base to a fractional power has a complex result (as CPython). */
        if (b != floor(b))
            return ouro_complex_type.tp_as_number->nb_power(v, w, z);
        a = -a;
        negate = is_odd_integer(b);
    }
    if (a == 1.0) /* also (-1) ** huge, which some libms get wrong */
        return ouro_float_from_double(negate ? -1.0 : 1.0);
    double r = pow(a, b);
    if (isinf(r))
        return range_error();
    return ouro_float_from_double(negate ? -r : r);
}

/* The value as an exact float: self for a float, a new float for a subclass instance. */
static OuroObject *float_float(OuroObject *v)
{
    if (OURO_IS_TYPE(v, &ouro_float_type))
        return OURO_NEWREF(v);
    return ouro_float_from_double(ouro_float_value(v));
}

static OuroObject *float_neg(OuroObject *v) { return ouro_float_from_double(-ouro_float_value(v)); }
static OuroObject *float_abs(OuroObject *v) { return ouro_float_from_double(fabs(ouro_float_value(v))); }
static int float_bool(OuroObject *v) { return ouro_float_value(v) != 0.0; }
static OuroObject *float_int(OuroObject *v) { return double_to_int(ouro_float_value(v)); }

static const OuroNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};

/* -------------------------------------------------------------------- methods -- */

static OuroObject *float_is_integer(OuroObject *self, OuroObject *unused)
{
    double x = ouro_float_value(self);
    return ouro_bool_from_long(isfinite(x) && floor(x) == x);
}

static OuroObject *float_conjugate(OuroObject *self, OuroObject *unused)
{
    return float_float(self);
}

static OuroObject *float_trunc(OuroObject *self, OuroObject *unused)
{
    return double_to_int(ouro_float_value(self));
}

static OuroObject *float_floor(OuroObject *self, OuroObject *unused)
{
    return double_to_int(floor(ouro_float_value(self)));
}

static OuroObject *float_ceil(OuroObject *self, OuroObject *unused)
{
    return double_to_int(ceil(ouro_float_value(self)));
}

static OuroObject *float_getnewargs(OuroObject *self, OuroObject *unused)
{
    OuroObject *f = ouro_float_from_double(ouro_float_value(self));
    if (!f)
        return NULL;
    OuroObject *r = ouro_tuple_pack(1, f);
    OURO_DECREF(f);
    return r;
}

/* 2**k as an int (0 <= k <= 1074). Returns: new reference, or NULL with an exception. */
static OuroObject *int_pow2(int k)
{
    if (k <= DBL_MAX_EXP - 1)
        return ouro_int_from_double(ldexp(1.0, k));
    OuroObject *one = ouro_int_from_int64(1), *shift = ouro_int_from_int64(k), *r = NULL;
    if (one && shift)
        r = ouro_number_lshift(one, shift);
    OURO_XDECREF(one);
    OURO_XDECREF(shift);
    return r;
}

/* x == n / d in lowest terms with d > 0 (d a power of two). */
static OuroObject *float_as_integer_ratio(OuroObject *self, OuroObject *unused)
{
    double x = ouro_float_value(self);
    OuroObject *num = NULL, *den = NULL, *r = NULL;
    int e;
    if (isinf(x))
        return ouro_err_format(&ouro_exc_OverflowError,
                               "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return ouro_err_format(&ouro_exc_ValueError, "cannot convert NaN to integer ratio");
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    /* m is now an integer of at most 53 bits (an exact int64). */
    if (e > 0) {
        num = ouro_int_from_double(ldexp(m, e));
        den = ouro_int_from_int64(1);
    } else {
        num = ouro_int_from_int64((int64_t)m);
        den = int_pow2(-e);
    }
    if (num && den)
        r = ouro_tuple_pack(2, num, den);
    OURO_XDECREF(num);
    OURO_XDECREF(den);
    return r;
}

/* The decimal digits of x rounded to the multiple of 10**-ndigits nearest to it, ties to
 * even, as text strtod reads: "[-]0<digits>e<exp>". For ndigits >= 0 the C library's
 * exact "%.*f" rounds; for ndigits < 0 we round the exact integer part ourselves. buf
 * must hold 700 bytes (sign, 309 integer digits, 323 decimals, point, exponent). */
static void round_decimal(double x, int ndigits, char *buf)
{
    char tmp[700];
    char *p = buf;
    if (signbit(x))
        *p++ = '-';
    *p++ = '0'; /* room for a carry */
    x = fabs(x);
    if (ndigits >= 0) {
        snprintf(tmp, sizeof tmp, "%.*f", ndigits, x);
        for (const char *q = tmp; *q; q++)
            if (is_digit(*q))
                *p++ = *q;
        sprintf(p, "e%d", -ndigits);
        return;
    }
    /* The integer part is exact in a double and printf prints it exactly. */
    double t = trunc(x);
    int n = snprintf(tmp, sizeof tmp, "%.0f", t);
    int drop = -ndigits, keep = n - drop;
    bool sticky = x != t;
    if (keep < 0 || (t == 0.0)) {
        sprintf(p, "e%d", drop); /* below half a unit: rounds to zero */
        return;
    }
    memcpy(p, tmp, (size_t)keep);
    /* Round up past half, or at exactly half when the kept part is odd. */
    bool up = false;
    if (tmp[keep] > '5') {
        up = true;
    } else if (tmp[keep] == '5') {
        for (int k = keep + 1; k < n && !up; k++)
            up = tmp[k] != '0';
        up = up || sticky || (keep > 0 && (tmp[keep - 1] - '0') % 2 == 1);
    }
    char *last = p + keep - 1;
    if (up) {
        /* Carry; the '0' written before the digits absorbs a carry out of them. */
        while (*last == '9')
            *last-- = '0';
        (*last)++;
    }
    sprintf(p + keep, "e%d", drop);
}

/* round(x, ndigits) for finite x: correctly rounded (round(2.675, 2) == 2.67, since the
 * double 2.675 is just below it), as CPython's double_round. */
static OuroObject *double_round(double x, ouro_ssize ndigits)
{
    /* Beyond these, x rounds to itself / to a zero of its sign (0.30103 > log10(2)). */
    const ouro_ssize max_digits = (ouro_ssize)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const ouro_ssize min_digits = -(ouro_ssize)((DBL_MAX_EXP + 1) * 0.30103);
    char buf[720];
    if (ndigits > max_digits)
        return ouro_float_from_double(x);
    if (ndigits < min_digits)
        return ouro_float_from_double(0.0 * x);
    round_decimal(x, (int)ndigits, buf);
    errno = 0;
    double r = strtod(buf, NULL);
    if (errno == ERANGE && fabs(r) >= 1.0)
        return ouro_err_format(&ouro_exc_OverflowError, "rounded value too large to represent");
    return ouro_float_from_double(r);
}

/* __round__(ndigits=None): an int without ndigits (ties to even), else a float. */
static OuroObject *float_round(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double x = ouro_float_value(self);
    if (nargs > 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "__round__ expected at most 1 argument, got %zd", nargs);
    if (nargs == 0 || args[0] == OURO_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);
        return double_to_int(r);
    }
    ouro_ssize ndigits = ouro_number_as_ssize(args[0], NULL);
    if (ndigits == -1 && ouro_err_occurred())
        return NULL;
    if (!isfinite(x))
        return ouro_float_from_double(x);
    return double_round(x, ndigits);
}

/* float.hex(): "[-]0x1.<13 hex digits>p<exp>" (0x0. for subnormals). */
static OuroObject *float_hex(OuroObject *self, OuroObject *unused)
{
    double x = ouro_float_value(self), m;
    char s[32], *p = s;
    int e;
    if (!isfinite(x))
        return ouro_float_repr_double(x);
    if (x == 0.0)
        return ouro_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    m = frexp(fabs(x), &e);
    /* Normal: 1.xxx * 2**(e-1); subnormal: 0.xxx * 2**(DBL_MIN_EXP - 1). */
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    *p++ = "0123456789abcdef"[(int)m];
    m -= (int)m;
    *p++ = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        *p++ = "0123456789abcdef"[(int)m];
        m -= (int)m;
    }
    *p = '\0';
    return ouro_str_from_format("%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+',
                                e < 0 ? -e : e);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Outcome of parsing a hexadecimal float. */
enum { HEX_OK, HEX_INVALID, HEX_OVERFLOW, HEX_TOO_LONG };

/* The hexadecimal coefficient digits[0..ndigits) (most significant first, already
 * stripped of leading zeros) times 2**exp, correctly rounded (half to even) as CPython's
 * float_fromhex. */
static int hex_round(const char *digits, long ndigits, long exp, double *out)
{
    /* digit(j): the j-th least significant digit. */
#define HEX_DIGIT(j) hex_value(digits[ndigits - 1 - (j)])
    long top_exp = exp + 4 * (ndigits - 1);
    for (int dg = HEX_DIGIT(ndigits - 1); dg != 0; dg /= 2)
        top_exp++;
    if (top_exp < DBL_MIN_EXP - DBL_MANT_DIG) {
        *out = 0.0;
        return HEX_OK;
    }
    if (top_exp > DBL_MAX_EXP)
        return HEX_OVERFLOW;
    /* lsb: exponent of the last bit kept (lower for subnormals). */
    long lsb = (top_exp > DBL_MIN_EXP ? top_exp : DBL_MIN_EXP) - DBL_MANT_DIG;
    double x = 0.0;
    if (exp >= lsb) {
        for (long i = ndigits - 1; i >= 0; i--)
            x = 16.0 * x + HEX_DIGIT(i);
        *out = ldexp(x, (int)exp);
        return HEX_OK;
    }
    int half_eps = 1 << (int)((lsb - exp - 1) % 4);
    long key = (lsb - exp - 1) / 4; /* the digit holding the first bit rounded away */
    for (long i = ndigits - 1; i > key; i--)
        x = 16.0 * x + HEX_DIGIT(i);
    int dg = HEX_DIGIT(key);
    x = 16.0 * x + (double)(dg & (16 - 2 * half_eps));
    if (dg & half_eps) {
        /* Exactly the half bit: round up unless every lower bit is 0 and the kept last
         * bit is even. */
        bool up = (dg & (3 * half_eps - 1)) != 0 ||
                  (half_eps == 8 && key + 1 < ndigits && (HEX_DIGIT(key + 1) & 1) != 0);
        for (long i = key - 1; i >= 0 && !up; i--)
            up = HEX_DIGIT(i) != 0;
        if (up) {
            x += 2 * half_eps;
            if (top_exp == DBL_MAX_EXP && x == ldexp((double)(2 * half_eps), DBL_MANT_DIG))
                return HEX_OVERFLOW;
        }
    }
    *out = ldexp(x, (int)(exp + 4 * key));
    return HEX_OK;
#undef HEX_DIGIT
}

/* Parses float.fromhex's text s[0..n): [sign] ["0x"] hex [. hex] [p [sign] dec], or inf /
 * infinity / nan, with surrounding whitespace. */
static int parse_hex(const char *s, size_t n, double *out)
{
    size_t i = 0;
    while (n > 0 && ascii_space(s[n - 1]))
        n--;
    while (i < n && ascii_space(s[i]))
        i++;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (word_at(s + i, n - i, "inf") || word_at(s + i, n - i, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return HEX_OK;
    }
    if (word_at(s + i, n - i, "nan")) {
        *out = neg ? -NAN : NAN;
        return HEX_OK;
    }
    if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'x')
        i += 2;
    /* Coefficient: collect the digits without the point into digits[] (a copy, since the
     * point may sit between them). */
    size_t start = i;
    long intdigits = 0, fracdigits = 0;
    while (i < n && hex_value(s[i]) >= 0)
        i++, intdigits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && hex_value(s[i]) >= 0)
            i++, fracdigits++;
    }
    long ndigits = intdigits + fracdigits;
    if (ndigits == 0)
        return HEX_INVALID;
    /* Keeps exp +- 4*ndigits far from overflowing a long (CPython's limit). */
    if (ndigits > (DBL_MIN_EXP - DBL_MANT_DIG - LONG_MIN / 2) / 4 ||
        ndigits > (LONG_MAX / 2 + 1 - DBL_MAX_EXP) / 4)
        return HEX_TOO_LONG;
    long exp = 0;
    if (i < n && (s[i] | 0x20) == 'p') {
        bool eneg = false;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        if (i >= n || !is_digit(s[i]))
            return HEX_INVALID;
        /* Saturates past LONG_MAX / 2, where any non-zero value overflows. */
        for (; i < n && is_digit(s[i]); i++)
            exp = exp <= LONG_MAX / 20 ? exp * 10 + (s[i] - '0') : LONG_MAX / 2 + 1;
        if (eneg)
            exp = -exp;
    }
    if (i != n)
        return HEX_INVALID;

    char small[64], *digits = ndigits <= (long)sizeof small ? small : ou_mem_alloc((size_t)ndigits);
    if (!digits)
        return -1;
    long k = 0;
    for (size_t j = start; k < ndigits; j++)
        if (s[j] != '.')
            digits[k++] = s[j];
    long lead = 0;
    while (lead < ndigits && digits[lead] == '0')
        lead++;
    int rc = HEX_OK;
    if (lead == ndigits || exp < LONG_MIN / 2)
        *out = 0.0;
    else if (exp > LONG_MAX / 2)
        rc = HEX_OVERFLOW;
    else
        rc = hex_round(digits + lead, ndigits - lead, exp - 4 * fracdigits, out);
    if (digits != small)
        ou_mem_free(digits);
    if (rc == HEX_OK && neg)
        *out = -*out;
    return rc;
}

/* float.fromhex(s), a classmethod: cls(value) for subclasses. */
static OuroObject *float_fromhex(OuroObject *cls, OuroObject *arg)
{
    double x = 0.0;
    if (!ouro_str_check(arg))
        return ouro_err_format(&ouro_exc_TypeError, "bad argument type for built-in operation");
    switch (parse_hex(ouro_str_utf8(arg), (size_t)ouro_str_byte_length(arg), &x)) {
    case HEX_OK:
        break;
    case HEX_INVALID:
        return ouro_err_format(&ouro_exc_ValueError, "invalid hexadecimal floating-point string");
    case HEX_OVERFLOW:
        return ouro_err_format(&ouro_exc_OverflowError,
                               "hexadecimal value too large to represent as a float");
    case HEX_TOO_LONG:
        return ouro_err_format(&ouro_exc_ValueError, "hexadecimal string too long to convert");
    default:
        return ouro_err_no_memory();
    }
    OuroObject *r = ouro_float_from_double(x);
    if (r && cls != (OuroObject *)&ouro_float_type)
        OURO_SETREF(r, ouro_object_vectorcall(cls, &r, 1, NULL));
    return r;
}

static const OuroMethodDef float_methods[] = {
    { "__format__", OURO_METH(ou_float_format_method), OURO_METH_O, "Formats the float according to format_spec." },
    { "conjugate", OURO_METH(float_conjugate), OURO_METH_NOARGS,
      "Return self, the complex conjugate of any float." },
    { "__trunc__", OURO_METH(float_trunc), OURO_METH_NOARGS,
      "Return the Integral closest to x between 0 and x." },
    { "__floor__", OURO_METH(float_floor), OURO_METH_NOARGS,
      "Return the floor as an Integral." },
    { "__ceil__", OURO_METH(float_ceil), OURO_METH_NOARGS,
      "Return the ceiling as an Integral." },
    { "__round__", OURO_METH(float_round), OURO_METH_FASTCALL,
      "Return the Integral closest to x, rounding half toward even.\n\n"
      "When an argument is passed, work like built-in round(x, ndigits)." },
    { "as_integer_ratio", OURO_METH(float_as_integer_ratio), OURO_METH_NOARGS,
      "Return integer ratio." },
    { "fromhex", OURO_METH(float_fromhex), OURO_METH_O | OURO_METH_CLASS,
      "Create a floating-point number from a hexadecimal string." },
    { "hex", OURO_METH(float_hex), OURO_METH_NOARGS,
      "Return a hexadecimal representation of a floating-point number." },
    { "is_integer", OURO_METH(float_is_integer), OURO_METH_NOARGS,
      "Return True if the float is an integer." },
    { "__getnewargs__", OURO_METH(float_getnewargs), OURO_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

static OuroObject *float_get_real(OuroObject *self, void *closure) { return float_float(self); }
static OuroObject *float_get_imag(OuroObject *self, void *closure) { return ouro_float_from_double(0.0); }

static const OuroGetSetDef float_getset[] = {
    { "real", float_get_real, NULL, "the real part of a complex number", NULL },
    { "imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

/* ------------------------------------------------------------------------ new -- */

/* float(x) as CPython's PyNumber_Float: __float__, then __index__, then text.
 * Returns: 0 with *out, or -1 with an exception. */
static int number_float(OuroObject *x, double *out)
{
    if (OURO_IS_TYPE(x, &ouro_float_type)) {
        *out = ouro_float_value(x);
        return 0;
    }
    if (ouro_int_check_exact(x) || ouro_bool_check(x)) {
        *out = ouro_int_as_double(x);
        return *out == -1.0 && ouro_err_occurred() ? -1 : 0;
    }
    const OuroNumberMethods *nb = OURO_TYPE(x)->tp_as_number;
    if (nb && nb->nb_float)
        return take_float_result(x, nb->nb_float(x), out);
    if (nb && nb->nb_index)
        return index_double(x, out);
    if (ouro_float_check(x)) {
        *out = ouro_float_value(x);
        return 0;
    }
    if (ouro_str_check(x) || ouro_bytes_check(x) || ouro_bytearray_check(x) ||
        ou_memoryview_check(x))
        return string_object_double(x, out);
    ouro_err_format(&ouro_exc_TypeError,
                    "float() argument must be a string or a real number, not '%s'",
                    OURO_TYPE_NAME(x));
    return -1;
}

static OuroObject *float_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    double v = 0.0;
    if (kwargs && ouro_dict_size(kwargs) > 0)
        return ouro_err_format(&ouro_exc_TypeError, "float() takes no keyword arguments");
    if (nargs > 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "float expected at most 1 argument, got %zd", nargs);
    if (nargs == 1) {
        OuroObject *x = OURO_TUPLE_GET(args, 0);
        /* float(1.5) is 1.5 itself. */
        if (type == &ouro_float_type && OURO_IS_TYPE(x, &ouro_float_type))
            return OURO_NEWREF(x);
        if (number_float(x, &v) < 0)
            return NULL;
    }
    return float_subtype_from_double(type, v);
}

/* ----------------------------------------------------------------------- type -- */

OURO_API OuroType ouro_float_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "float",
    .tp_basicsize = sizeof(OuroFloat),
    .tp_flags = OURO_TPFLAG_BASETYPE,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_str = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .tp_new = float_new,
    .tp_as_number = &float_as_number,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
};
