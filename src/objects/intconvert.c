/* src/objects/intconvert.c — int conversions: to and from double (correctly rounded,
 * exact comparison), true division, parsing (int(s, base)), decimal and power-of-two
 * base strings, and bytes. Layout: intobject.h. */
#include "intobject.h"
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------- doubles -- */

static OuroObject *int_float_overflow(void)
{
    return ouro_err_format(&ouro_exc_OverflowError, "int too large to convert to float");
}

OURO_API double ouro_int_as_double(OuroObject *o)
{
    if (ou_int_is_word(o))
        return (double)ou_int_word(o); /* the conversion rounds half to even */
    OuIntView v;
    ou_int_view(&v, o);
    uint64_t bits = ou_mag_bit_length(v.d, v.n);
    if (bits > DBL_MAX_EXP) {
        int_float_overflow();
        return -1.0;
    }
    /* The top DBL_MANT_DIG + 2 bits, the lowest one made sticky (or'ed with every bit
     * below): converting that to double rounds exactly as rounding the whole would. */
    uint64_t shift = bits - (DBL_MANT_DIG + 2);
    uint64_t x = ou_mag_bits(v.d, v.n, shift, DBL_MANT_DIG + 2);
    if (ou_mag_any_below(v.d, v.n, shift))
        x |= 1;
    double d = ldexp((double)x, (int)shift);
    if (isinf(d)) {
        int_float_overflow();
        return -1.0;
    }
    return v.sign < 0 ? -d : d;
}

OURO_API OuroObject *ouro_int_from_double(double v)
{
    if (isnan(v))
        return ouro_err_format(&ouro_exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(v))
        return ouro_err_format(&ouro_exc_OverflowError, "cannot convert float infinity to integer");
    double t = trunc(v);
    if (fabs(t) < 9223372036854775808.0) /* 2^63 */
        return ou_int_from_word((int64_t)t);
    /* |t| = m * 2^(e - 53) with a 53-bit integer m and e > 63 */
    int e;
    double fr = frexp(fabs(t), &e);
    OuroObject *m = ou_int_from_word((int64_t)ldexp(fr, DBL_MANT_DIG)), *r;
    if (!m)
        return NULL;
    r = ou_int_lshift(m, (uint64_t)(e - DBL_MANT_DIG));
    OURO_DECREF(m);
    if (r && t < 0)
        OURO_SETREF(r, ou_int_neg(r));
    return r;
}

OURO_API int ouro_int_compare_double(OuroObject *o, double d)
{
    if (isnan(d))
        return 2;
    if (isinf(d))
        return d > 0 ? -1 : 1;
    if (ou_int_is_word(o)) {
        int64_t x = ou_int_word(o);
        if (x >= -(INT64_C(1) << DBL_MANT_DIG) && x <= (INT64_C(1) << DBL_MANT_DIG)) {
            double xd = (double)x; /* exact */
            return (xd > d) - (xd < d);
        }
    }
    OuIntView v;
    ou_int_view(&v, o);
    int ds = (d > 0) - (d < 0);
    if (v.sign != ds)
        return v.sign < ds ? -1 : 1;
    if (v.sign == 0)
        return 0;
    /* Same sign, both nonzero: compare magnitudes exactly. */
    double ad = fabs(d);
    int e;
    frexp(ad, &e); /* ad in [2^(e-1), 2^e): its integer part has e bits */
    uint64_t obits = ou_mag_bit_length(v.d, v.n);
    int c;
    if (e <= 0) {
        c = 1; /* |d| < 1 <= |o| */
    } else if (obits != (uint64_t)e) {
        c = obits < (uint64_t)e ? -1 : 1;
    } else if (e <= DBL_MANT_DIG) {
        double ip, fp = modf(ad, &ip);
        uint64_t ipi = (uint64_t)ip, oi = ou_mag_bits(v.d, v.n, 0, 64);
        c = oi != ipi ? (oi < ipi ? -1 : 1) : (fp > 0 ? -1 : 0);
    } else {
        /* d is an integer m * 2^sh with m of 53 bits: compare o's top 53 bits with m,
         * then o's lower bits with zero */
        uint64_t sh = (uint64_t)e - DBL_MANT_DIG;
        uint64_t m = (uint64_t)ldexp(ad, -(int)sh);
        uint64_t top = ou_mag_bits(v.d, v.n, sh, DBL_MANT_DIG);
        c = top != m ? (top < m ? -1 : 1) : ou_mag_any_below(v.d, v.n, sh);
    }
    return v.sign * c;
}

static OuroObject *divide_result(double d, bool negate)
{
    return ouro_float_from_double(negate ? -d : d);
}

/* a / b correctly rounded (CPython's long_true_divide): compute the quotient to
 * DBL_MANT_DIG + 2 or 3 bits with a sticky bit, round half to even by hand (taking
 * subnormal results into account), scale. */
OuroObject *ou_int_true_divide(OuroObject *a, OuroObject *b)
{
    OuIntView va, vb;
    ou_int_view(&va, a);
    ou_int_view(&vb, b);
    if (vb.n == 0)
        return ouro_err_format(&ouro_exc_ZeroDivisionError, "division by zero");
    if (ou_int_is_word(a) && ou_int_is_word(b)) {
        int64_t x = ou_int_word(a), y = ou_int_word(b), lim = INT64_C(1) << DBL_MANT_DIG;
        if (x >= -lim && x <= lim && y >= -lim && y <= lim) /* both exact as doubles */
            return ouro_float_from_double((double)x / (double)y);
    }
    bool negate = (va.sign < 0) != (vb.sign < 0);
    if (va.n == 0)
        return divide_result(0.0, negate);
    int64_t abits = (int64_t)ou_mag_bit_length(va.d, va.n);
    int64_t bbits = (int64_t)ou_mag_bit_length(vb.d, vb.n);
    int64_t diff = abits - bbits;
    if (diff > DBL_MAX_EXP)
        goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return divide_result(0.0, negate);
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    /* x = floor(|a| / |b| / 2^shift), inexact when anything was dropped */
    bool inexact = false;
    int64_t nt;
    ou_digit *t;
    if (shift <= 0) {
        uint64_t ls = (uint64_t)-shift;
        nt = va.n + (int64_t)(ls / 32) + 1;
        if (!(t = ou_mem_alloc((size_t)(nt + nt + 2) * sizeof(ou_digit))))
            return ouro_err_no_memory();
        memset(t, 0, (size_t)nt * sizeof(ou_digit));
        ou_digit carry = 0;
        int s = (int)(ls % 32);
        for (int64_t i = 0; i < va.n; i++) {
            ou_twodigits w = ((ou_twodigits)va.d[i] << s) | carry;
            t[(int64_t)(ls / 32) + i] = (ou_digit)w;
            carry = (ou_digit)(w >> 32);
        }
        t[nt - 1] = carry;
    } else {
        uint64_t rs = (uint64_t)shift;
        nt = va.n - (int64_t)(rs / 32);
        if (!(t = ou_mem_alloc((size_t)(nt + nt + 2) * sizeof(ou_digit))))
            return ouro_err_no_memory();
        for (int64_t i = 0; i < nt; i++) {
            int64_t k = (int64_t)(rs / 32) + i;
            ou_twodigits hi = k + 1 < va.n ? va.d[k + 1] : 0;
            t[i] = (ou_digit)(((hi << 32) | va.d[k]) >> (rs % 32));
        }
        inexact = ou_mag_any_below(va.d, va.n, rs);
    }
    while (nt > 0 && t[nt - 1] == 0)
        nt--;
    uint64_t x;
    if (nt < vb.n || ou_mag_cmp(t, nt, vb.d, vb.n) < 0) {
        x = 0; /* cannot happen with the shift above; kept for safety */
        inexact = true;
    } else {
        ou_digit *q = t + nt + 1, *r = q + (nt - vb.n + 1);
        if (ou_mag_divrem(t, nt, vb.d, vb.n, q, r) < 0) {
            ou_mem_free(t);
            return NULL;
        }
        for (int64_t i = 0; i < vb.n; i++)
            inexact |= r[i] != 0;
        x = ou_mag_bits(q, nt - vb.n + 1, 0, 64);
    }
    ou_mem_free(t);
    int64_t xbits = x ? 64 - __builtin_clzll(x) : 0;
    /* bits to drop: down to DBL_MANT_DIG significant ones, more for a subnormal */
    int64_t extra = (xbits > DBL_MIN_EXP - shift ? xbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    OU_ASSERT(extra >= 2 && extra <= 3);
    uint64_t mask = (uint64_t)1 << (extra - 1), low = x | inexact; /* half, odd, sticky */
    x &= ~(2 * mask - 1);
    if ((low & mask) && (low & (3 * mask - 1)))
        x += 2 * mask;
    double dx = (double)x; /* exact */
    if (shift + xbits >= DBL_MAX_EXP &&
        (shift + xbits > DBL_MAX_EXP || dx == ldexp(1.0, (int)xbits)))
        goto overflow;
    return divide_result(ldexp(dx, (int)shift), negate);
overflow:
    return ouro_err_format(&ouro_exc_OverflowError,
                           "integer division result too large for a float");
}

/* ------------------------------------------------------------------- parsing -- */

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* The zero of each run of ten Unicode decimal digits (category Nd, Unicode 14 as in
 * Python 3.11) beyond ASCII, and the non-ASCII white space: int() reads them as ASCII. */
static const uint32_t nd_zeros[] = {
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80,
    0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50,
    0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
    0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0,
    0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
    0x1e2f0, 0x1e950, 0x1fbf0,
};

static bool is_unicode_space(uint32_t c)
{
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
           c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Rewrites valid UTF-8 text as ASCII for the parser: non-ASCII digits and spaces become
 * their ASCII forms, anything else non-ASCII becomes \x01 (never valid). Returns the
 * length written to out (which has room for len bytes). */
static size_t text_to_ascii(const unsigned char *s, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            out[n++] = (char)c;
            i++;
            continue;
        }
        int k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        uint32_t cp = c & (0x3F >> (k - 1));
        for (int j = 1; j < k && i + (size_t)j < len; j++)
            cp = (cp << 6) | (s[i + (size_t)j] & 0x3F);
        i += (size_t)k;
        char r = '\x01';
        if (is_unicode_space(cp)) {
            r = ' ';
        } else {
            for (size_t z = 0; z < OU_ARRAY_LEN(nd_zeros); z++)
                if (cp >= nd_zeros[z] && cp < nd_zeros[z] + 10)
                    r = (char)('0' + (cp - nd_zeros[z]));
        }
        out[n++] = r;
    }
    return n;
}

static OuroObject *limit_error_in(int64_t limit, int64_t ndigits)
{
    return ouro_err_format(&ouro_exc_ValueError,
                           "Exceeds the limit (%lld digits) for integer string conversion: "
                           "value has %lld digits; use sys.set_int_max_str_digits() to "
                           "increase the limit", (long long)limit, (long long)ndigits);
}

/* Converts the digits of s[0..n) (underscores skipped, all valid in base) to an int. */
static OuroObject *convert_digits(const char *s, const char *end, int64_t ndigits, int base,
                                  int sign)
{
    OuBigInt *z;
    if ((base & (base - 1)) == 0) {
        int bits = __builtin_ctz((unsigned)base);
        z = ou_int_alloc_big((ndigits * bits + 31) / 32 + 1);
        if (!z)
            return NULL;
        uint64_t pos = 0; /* bit position of the next digit, from the end */
        for (const char *p = end; p > s;) {
            unsigned char c = (unsigned char)*--p;
            if (c == '_')
                continue;
            uint64_t v = (uint64_t)digit_value(c) << (pos % 32);
            z->digit[pos / 32] |= (ou_digit)v;
            if (v >> 32)
                z->digit[pos / 32 + 1] |= (ou_digit)(v >> 32);
            pos += (uint64_t)bits;
        }
        return ou_int_finish(z, sign);
    }
    /* Chunks of k digits, each worth base^k < 2^32: z = z * base^k + chunk. */
    int k = 1;
    uint64_t full = (uint64_t)base;
    while (full * (uint64_t)base <= 0xFFFFFFFFu) {
        full *= (uint64_t)base;
        k++;
    }
    int bits_per_digit = 32 - __builtin_clz((unsigned)base); /* an upper bound */
    z = ou_int_alloc_big((ndigits * bits_per_digit + 31) / 32 + 1);
    if (!z)
        return NULL;
    int64_t used = 0;
    const char *p = s;
    while (p < end) {
        ou_digit chunk = 0, mult = 1;
        for (int i = 0; i < k && p < end; p++) {
            if (*p == '_')
                continue;
            chunk = chunk * (ou_digit)base + (ou_digit)digit_value((unsigned char)*p);
            mult *= (ou_digit)base;
            i++;
        }
        if (mult == 1)
            break; /* only underscores were left (cannot happen: they sit between digits) */
        ou_digit carry = ou_mag_mul1_add(z->digit, used, mult, chunk);
        if (carry)
            z->digit[used++] = carry;
    }
    return ou_int_finish(z, sign);
}

/* Parses ASCII s[0..len) as int(s, base) does. NULL with *invalid set when the literal is
 * malformed (the caller words the error), NULL with an exception on other errors. */
static OuroObject *parse_ascii(const char *s, size_t len, int base, bool *invalid)
{
    const char *end = s + len;
    *invalid = false;
    while (s < end && is_space((unsigned char)*s))
        s++;
    int sign = 1;
    if (s < end && (*s == '+' || *s == '-'))
        sign = *s++ == '-' ? -1 : 1;
    char c1 = s + 1 < end ? (char)(s[1] | 0x20) : 0; /* the prefix letter, lowercased */
    bool zero_only = false; /* base 0 with a leading 0: only zeros are valid ("010") */
    if (base == 0) {
        if (s >= end || *s != '0')
            base = 10;
        else if (c1 == 'x')
            base = 16;
        else if (c1 == 'o')
            base = 8;
        else if (c1 == 'b')
            base = 2;
        else
            zero_only = true, base = 10;
    }
    if (s < end && *s == '0' &&
        ((base == 16 && c1 == 'x') || (base == 8 && c1 == 'o') || (base == 2 && c1 == 'b'))) {
        s += 2;
        if (s < end && *s == '_') /* one underscore may follow the prefix */
            s++;
    }
    if (s < end && *s == '_')
        goto invalid;
    const char *start = s;
    int64_t ndigits = 0;
    char prev = 0;
    for (; s < end && (digit_value((unsigned char)*s) < base || *s == '_'); prev = *s++) {
        if (*s != '_')
            ndigits++;
        else if (prev == '_')
            goto invalid;
    }
    if (prev == '_')
        goto invalid;
    if ((base & (base - 1)) != 0 && ndigits > OU_INT_MAX_STR_DIGITS_THRESHOLD) {
        int64_t limit = ou_int_max_str_digits();
        if (limit > 0 && ndigits > limit)
            return limit_error_in(limit, ndigits);
    }
    const char *digits_end = s;
    while (s < end && is_space((unsigned char)*s))
        s++;
    if (s != end || ndigits == 0)
        goto invalid;
    OuroObject *z = convert_digits(start, digits_end, ndigits, base, sign);
    if (z && zero_only && ouro_int_sign(z) != 0) {
        OURO_DECREF(z);
        goto invalid;
    }
    return z;
invalid:
    *invalid = true;
    return NULL;
}

static OuroObject *invalid_literal(const char *s, size_t len, int base, OuroObject *orig)
{
    OuroObject *r, *src = NULL;
    if (!orig) {
        src = ouro_str_from_utf8(s, len);
        if (!src) { /* not UTF-8: show the bytes */
            if (!ouro_err_matches(&ouro_exc_UnicodeDecodeError))
                return NULL;
            ouro_err_clear();
            if (!(src = ouro_bytes_from_data(s, len)))
                return NULL;
        }
        orig = src;
    }
    r = ouro_object_repr(orig);
    OURO_XDECREF(src);
    if (!r)
        return NULL;
    if (ouro_str_length(r) > 200) /* CPython's %.200R */
        OURO_SETREF(r, ouro_str_substring(r, 0, 200));
    if (!r)
        return NULL;
    ouro_err_format(&ouro_exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    OURO_DECREF(r);
    return NULL;
}

OuroObject *ou_int_parse(const char *s, size_t len, int base, OuroObject *orig)
{
    if ((base != 0 && base < 2) || base > 36)
        return ouro_err_format(&ouro_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    bool text = !orig || ouro_str_check(orig), invalid, ascii = true;
    for (size_t i = 0; text && ascii && i < len; i++)
        ascii = (unsigned char)s[i] < 0x80;
    OuroObject *z;
    if (ascii) {
        z = parse_ascii(s, len, base, &invalid);
    } else {
        char small[256], *buf = len <= sizeof(small) ? small : ou_mem_alloc(len);
        if (!buf)
            return ouro_err_no_memory();
        z = parse_ascii(buf, text_to_ascii((const unsigned char *)s, len, buf), base, &invalid);
        if (buf != small)
            ou_mem_free(buf);
    }
    if (!z && invalid)
        return invalid_literal(s, len, base, orig);
    return z;
}

OURO_API OuroObject *ouro_int_from_string(const char *s, size_t len, int base)
{
    return ou_int_parse(s, len, base, NULL);
}

/* ------------------------------------------------------------------ printing -- */

static OuroObject *limit_error_out(int64_t limit)
{
    return ouro_err_format(&ouro_exc_ValueError,
                           "Exceeds the limit (%lld digits) for integer string conversion; "
                           "use sys.set_int_max_str_digits() to increase the limit",
                           (long long)limit);
}

#define CHUNK_DIGITS 9
#define CHUNK_BASE 1000000000u

OURO_API OuroObject *ouro_int_to_decimal(OuroObject *o)
{
    if (ou_int_is_word(o)) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)ou_int_word(o));
        return ouro_str_from_utf8(buf, (size_t)n);
    }
    OuIntView v;
    ou_int_view(&v, o);
    int64_t limit = ou_int_max_str_digits();
    uint64_t bits = ou_mag_bit_length(v.d, v.n);
    /* A lower bound of the digit count (log10(2) rounded down) refuses huge values
     * before the quadratic conversion. */
    if (limit > 0 && (uint64_t)((double)(bits - 1) * 0.30102999) + 1 > (uint64_t)limit)
        return limit_error_out(limit);
    /* Base 10^9 chunks, least significant first, by repeated division. */
    int64_t cap = v.n * 32 / 29 + 2, m = v.n, nc = 0;
    ou_digit *tmp = ou_mem_alloc((size_t)(v.n + cap) * sizeof(ou_digit));
    if (!tmp)
        return ouro_err_no_memory();
    ou_digit *chunks = tmp + v.n;
    memcpy(tmp, v.d, (size_t)v.n * sizeof(ou_digit));
    while (m > 0) {
        chunks[nc++] = ou_mag_divrem1(tmp, m, CHUNK_BASE);
        while (m > 0 && tmp[m - 1] == 0)
            m--;
    }
    char top[16];
    int ntop = snprintf(top, sizeof top, "%u", chunks[nc - 1]);
    int64_t ndigits = (nc - 1) * CHUNK_DIGITS + ntop;
    OuroObject *r = NULL;
    if (limit > 0 && ndigits > limit) {
        limit_error_out(limit);
        goto done;
    }
    size_t len = (size_t)ndigits + (v.sign < 0);
    char *buf = ou_mem_alloc(len + 1);
    if (!buf) {
        ouro_err_no_memory();
        goto done;
    }
    char *p = buf;
    if (v.sign < 0)
        *p++ = '-';
    memcpy(p, top, (size_t)ntop);
    p += ntop;
    for (int64_t i = nc - 2; i >= 0; i--) {
        ou_digit c = chunks[i];
        for (int j = CHUNK_DIGITS - 1; j >= 0; j--) {
            p[j] = (char)('0' + c % 10);
            c /= 10;
        }
        p += CHUNK_DIGITS;
    }
    r = ouro_str_from_utf8(buf, len);
    ou_mem_free(buf);
done:
    ou_mem_free(tmp);
    return r;
}

OURO_API OuroObject *ouro_int_to_base(OuroObject *o, int base, bool prefix)
{
    if (base == 10)
        return ouro_int_to_decimal(o);
    if (base != 2 && base != 8 && base != 16)
        return ouro_err_bad_internal_call("ouro_int_to_base");
    OuIntView v;
    ou_int_view(&v, o);
    unsigned bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    uint64_t nbits = ou_mag_bit_length(v.d, v.n);
    size_t nchars = nbits ? (size_t)((nbits + bits - 1) / bits) : 1;
    size_t len = nchars + (v.sign < 0) + (prefix ? 2 : 0);
    char small[96], *buf = len <= sizeof(small) ? small : ou_mem_alloc(len);
    if (!buf)
        return ouro_err_no_memory();
    char *p = buf;
    if (v.sign < 0)
        *p++ = '-';
    if (prefix) {
        *p++ = '0';
        *p++ = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
    }
    for (size_t i = 0; i < nchars; i++)
        p[nchars - 1 - i] = "0123456789abcdef"[ou_mag_bits(v.d, v.n, (uint64_t)i * bits, bits)];
    OuroObject *r = ouro_str_from_utf8(buf, len);
    if (buf != small)
        ou_mem_free(buf);
    return r;
}

/* --------------------------------------------------------------------- bytes -- */

OuroObject *ou_int_to_bytes_impl(OuroObject *o, int64_t length, bool little, bool is_signed)
{
    OuIntView v;
    ou_int_view(&v, o);
    if (v.sign < 0 && !is_signed)
        return ouro_err_format(&ouro_exc_OverflowError, "can't convert negative int to unsigned");
    /* Bits the two's-complement form needs: -2^k fits in k + 1 bits, other negatives
     * and signed positives need one more than their magnitude. */
    uint64_t need = ou_mag_bit_length(v.d, v.n);
    if (v.sign > 0 && is_signed) {
        need++;
    } else if (v.sign < 0) {
        bool pow2 = __builtin_popcount(v.d[v.n - 1]) == 1;
        for (int64_t i = 0; pow2 && i < v.n - 1; i++)
            pow2 = v.d[i] == 0;
        need += !pow2;
    }
    if ((uint64_t)length < ((uint64_t)1 << 60) && need > (uint64_t)length * 8)
        return ouro_err_format(&ouro_exc_OverflowError, "int too big to convert");
    unsigned char *buf = ou_mem_alloc(length ? (size_t)length : 1);
    if (!buf)
        return ouro_err_no_memory();
    unsigned carry = 1;
    for (int64_t i = 0; i < length; i++) {
        unsigned b = (unsigned)ou_mag_bits(v.d, v.n, (uint64_t)i * 8, 8);
        if (v.sign < 0) {
            b = (~b & 0xFFu) + carry;
            carry = b >> 8;
            b &= 0xFFu;
        }
        buf[little ? i : length - 1 - i] = (unsigned char)b;
    }
    OuroObject *r = ouro_bytes_from_data(buf, (size_t)length);
    ou_mem_free(buf);
    return r;
}

OuroObject *ou_int_from_bytes_impl(const unsigned char *p, size_t n, bool little, bool is_signed)
{
    if (n == 0)
        return ou_int_from_word(0);
    if (n / 4 >= (size_t)OU_INT_MAX_DIGITS)
        return ouro_err_no_memory();
    int64_t nd = (int64_t)((n + 3) / 4);
    OuBigInt *z = ou_int_alloc_big(nd);
    if (!z)
        return NULL;
    for (size_t j = 0; j < n; j++) /* j: significance of the byte */
        z->digit[j / 4] |= (ou_digit)(little ? p[j] : p[n - 1 - j]) << (8 * (j % 4));
    bool neg = is_signed && ((little ? p[n - 1] : p[0]) & 0x80);
    if (neg) {
        /* sign-extend to whole digits, then negate the two's complement */
        for (size_t j = n; j < (size_t)nd * 4; j++)
            z->digit[j / 4] |= (ou_digit)0xFF << (8 * (j % 4));
        ou_twodigits carry = 1;
        for (int64_t i = 0; i < nd; i++) {
            carry += (ou_digit)~z->digit[i];
            z->digit[i] = (ou_digit)carry;
            carry >>= 32;
        }
    }
    return ou_int_finish(z, neg ? -1 : 1);
}
