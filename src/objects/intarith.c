/* src/objects/intarith.c — arbitrary-precision arithmetic for int: magnitudes (digit
 * arrays in base 2^32) and the signed operations built on them. The word-form fast paths
 * live in intobject.c; everything here works on any form. Layout: intobject.h. */
#include "intobject.h"
#include <string.h>

/* ------------------------------------------------------------------ magnitudes -- */

/* Compares two magnitudes without leading zeros. Never fails. */
int ou_mag_cmp(const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (int64_t i = na - 1; i >= 0; i--)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* z[0..na] = a + b with na >= nb (z has na + 1 digits; may alias a). */
static void mag_add(ou_digit *z, const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb)
{
    ou_twodigits carry = 0;
    int64_t i = 0;
    for (; i < nb; i++) {
        carry += (ou_twodigits)a[i] + b[i];
        z[i] = (ou_digit)carry;
        carry >>= 32;
    }
    for (; i < na; i++) {
        carry += a[i];
        z[i] = (ou_digit)carry;
        carry >>= 32;
    }
    z[na] = (ou_digit)carry;
}

/* z[0..na) = a - b where a >= b as magnitudes (z may alias a or b). */
static void mag_sub(ou_digit *z, const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb)
{
    ou_twodigits borrow = 0;
    int64_t i = 0;
    for (; i < nb; i++) {
        ou_twodigits t = (ou_twodigits)a[i] - b[i] - borrow;
        z[i] = (ou_digit)t;
        borrow = t >> 63; /* a wrapped difference has its top bit set */
    }
    for (; i < na; i++) {
        ou_twodigits t = (ou_twodigits)a[i] - borrow;
        z[i] = (ou_digit)t;
        borrow = t >> 63;
    }
    OU_ASSERT(borrow == 0);
}

/* Adds 1 to a[0..n); returns the carry out. */
static ou_digit mag_incr(ou_digit *a, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        if (++a[i] != 0)
            return 0;
    return 1;
}

/* Schoolbook product: z[0..na+nb) = a * b; z zeroed on entry and distinct from a, b. */
static void mag_mul_school(ou_digit *z, const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb)
{
    for (int64_t i = 0; i < na; i++) {
        ou_twodigits ai = a[i], carry = 0;
        if (!ai)
            continue;
        for (int64_t j = 0; j < nb; j++) {
            /* (2^32-1)^2 + 2 (2^32-1) == 2^64-1: never overflows */
            carry += ai * b[j] + z[i + j];
            z[i + j] = (ou_digit)carry;
            carry >>= 32;
        }
        z[i + nb] = (ou_digit)carry;
    }
}

/* Karatsuba below this many digits of the shorter operand is slower than schoolbook. */
#define KARATSUBA_CUTOFF 48

/* Adds a[0..na) into z[0..nz) (nz >= na); the carry must not run past nz. */
static void mag_add_into(ou_digit *z, int64_t nz, const ou_digit *a, int64_t na)
{
    ou_twodigits carry = 0;
    int64_t i = 0;
    for (; i < na; i++) {
        carry += (ou_twodigits)z[i] + a[i];
        z[i] = (ou_digit)carry;
        carry >>= 32;
    }
    for (; carry && i < nz; i++) {
        carry += z[i];
        z[i] = (ou_digit)carry;
        carry >>= 32;
    }
}

/* Subtracts a[0..na) from z[0..nz); z >= a. */
static void mag_sub_from(ou_digit *z, int64_t nz, const ou_digit *a, int64_t na)
{
    ou_twodigits borrow = 0;
    int64_t i = 0;
    for (; i < na; i++) {
        ou_twodigits t = (ou_twodigits)z[i] - a[i] - borrow;
        z[i] = (ou_digit)t;
        borrow = t >> 63;
    }
    for (; borrow && i < nz; i++) {
        ou_twodigits t = (ou_twodigits)z[i] - borrow;
        z[i] = (ou_digit)t;
        borrow = t >> 63;
    }
}

static int64_t mag_trim(const ou_digit *a, int64_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

/* Scratch digits needed by mag_mul for operands of na >= nb digits. */
static int64_t karatsuba_scratch(int64_t na, int64_t nb)
{
    if (nb < KARATSUBA_CUTOFF)
        return 0;
    int64_t h = (na + 1) / 2;
    /* (a0 + a1), (b0 + b1), their product, then the recursion's own scratch */
    return 4 * (h + 1) + karatsuba_scratch(h + 1, h + 1);
}

/* z[0..na+nb) = a * b (z zeroed, distinct from a and b); na >= nb. Karatsuba when both
 * are long and of similar length; tmp has karatsuba_scratch(na, nb) digits. */
static void mag_mul_rec(ou_digit *z, const ou_digit *a, int64_t na, const ou_digit *b,
                        int64_t nb, ou_digit *tmp)
{
    int64_t h = (na + 1) / 2;
    if (nb < KARATSUBA_CUTOFF || nb <= h) {
        mag_mul_school(z, a, na, b, nb);
        return;
    }
    /* a = a1 B^h + a0, b = b1 B^h + b0; a*b = z2 B^2h + (z1 - z2 - z0) B^h + z0 with
     * z1 = (a0 + a1)(b0 + b1). */
    const ou_digit *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    int64_t na0 = mag_trim(a0, h), na1 = na - h, nb0 = mag_trim(b0, h), nb1 = nb - h;
    ou_digit *sa = tmp, *sb = sa + h + 1, *p = sb + h + 1, *rest = p + 2 * (h + 1);
    memset(sa, 0, (size_t)(4 * (h + 1)) * sizeof(ou_digit));
    memcpy(sa, a0, (size_t)na0 * sizeof(ou_digit));
    mag_add_into(sa, h + 1, a1, na1);
    memcpy(sb, b0, (size_t)nb0 * sizeof(ou_digit));
    mag_add_into(sb, h + 1, b1, nb1);
    int64_t nsa = mag_trim(sa, h + 1), nsb = mag_trim(sb, h + 1);
    /* z0 and z2 go straight into their places in z (they do not overlap). */
    if (na0 && nb0)
        mag_mul_rec(z, na0 >= nb0 ? a0 : b0, na0 >= nb0 ? na0 : nb0,
                    na0 >= nb0 ? b0 : a0, na0 >= nb0 ? nb0 : na0, rest);
    mag_mul_rec(z + 2 * h, na1 >= nb1 ? a1 : b1, na1 >= nb1 ? na1 : nb1,
                na1 >= nb1 ? b1 : a1, na1 >= nb1 ? nb1 : na1, rest);
    if (nsa && nsb)
        mag_mul_rec(p, nsa >= nsb ? sa : sb, nsa >= nsb ? nsa : nsb,
                    nsa >= nsb ? sb : sa, nsa >= nsb ? nsb : nsa, rest);
    int64_t np = mag_trim(p, 2 * (h + 1));
    mag_sub_from(p, np, z, mag_trim(z, 2 * h));
    mag_sub_from(p, np, z + 2 * h, mag_trim(z + 2 * h, na + nb - 2 * h));
    mag_add_into(z + h, na + nb - h, p, mag_trim(p, np));
}

/* z[0..na+nb) = a * b (z zeroed, distinct from a and b). 0, or -1 with MemoryError. */
static int mag_mul(ou_digit *z, const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb)
{
    if (na < nb) {
        const ou_digit *t = a; a = b; b = t;
        int64_t tn = na; na = nb; nb = tn;
    }
    int64_t ns = karatsuba_scratch(na, nb);
    if (ns == 0) {
        mag_mul_school(z, a, na, b, nb);
        return 0;
    }
    ou_digit *tmp = ou_mem_alloc((size_t)ns * sizeof(ou_digit));
    if (!tmp) {
        ouro_err_no_memory();
        return -1;
    }
    mag_mul_rec(z, a, na, b, nb, tmp);
    ou_mem_free(tmp);
    return 0;
}

ou_digit ou_mag_mul1_add(ou_digit *a, int64_t n, ou_digit m, ou_digit c)
{
    ou_twodigits carry = c;
    for (int64_t i = 0; i < n; i++) {
        carry += (ou_twodigits)a[i] * m;
        a[i] = (ou_digit)carry;
        carry >>= 32;
    }
    return (ou_digit)carry;
}

ou_digit ou_mag_divrem1(ou_digit *a, int64_t n, ou_digit d)
{
    ou_twodigits rem = 0;
    for (int64_t i = n - 1; i >= 0; i--) {
        rem = (rem << 32) | a[i];
        a[i] = (ou_digit)(rem / d);
        rem %= d;
    }
    return (ou_digit)rem;
}

static ou_digit mag_rem1(const ou_digit *a, int64_t n, ou_digit d)
{
    ou_twodigits rem = 0;
    for (int64_t i = n - 1; i >= 0; i--)
        rem = ((rem << 32) | a[i]) % d;
    return (ou_digit)rem;
}

uint64_t ou_mag_bits(const ou_digit *a, int64_t n, uint64_t shift, unsigned count)
{
    uint64_t r = 0;
    uint64_t di = shift / 32;
    int bi = (int)(shift % 32);
    for (int k = 0; k < 3; k++) {
        if (di + (uint64_t)k >= (uint64_t)n)
            break;
        uint64_t part = a[di + (uint64_t)k];
        int pos = 32 * k - bi;
        if (pos < 0)
            r |= part >> -pos;
        else if (pos < 64)
            r |= part << pos;
    }
    if (count < 64)
        r &= ((uint64_t)1 << count) - 1;
    return r;
}

int ou_mag_any_below(const ou_digit *a, int64_t n, uint64_t shift)
{
    uint64_t di = shift / 32;
    for (uint64_t i = 0; i < di && i < (uint64_t)n; i++)
        if (a[i])
            return 1;
    if (di < (uint64_t)n && (shift % 32) && (a[di] & (((ou_digit)1 << (shift % 32)) - 1)))
        return 1;
    return 0;
}

uint64_t ou_mag_bit_length(const ou_digit *a, int64_t n)
{
    if (n == 0)
        return 0;
    return (uint64_t)(n - 1) * 32 + (uint64_t)(32 - __builtin_clz(a[n - 1]));
}

/* Knuth's algorithm D (TAOCP 4.3.1) in the form of Hacker's Delight's divmnu: nb >= 2,
 * na >= nb, b[nb-1] != 0. */
static int mag_divrem_knuth(const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb,
                            ou_digit *q, ou_digit *r)
{
    ou_digit *u = ou_mem_alloc((size_t)(na + 1 + nb) * sizeof(ou_digit));
    if (!u) {
        ouro_err_no_memory();
        return -1;
    }
    ou_digit *v = u + na + 1;
    /* Normalize: shift so that the divisor's top digit has its high bit set. */
    int s = __builtin_clz(b[nb - 1]);
    for (int64_t i = nb - 1; i > 0; i--)
        v[i] = (ou_digit)((((ou_twodigits)b[i] << 32) | b[i - 1]) >> (32 - s));
    v[0] = (ou_digit)((ou_twodigits)b[0] << s);
    u[na] = (ou_digit)((ou_twodigits)a[na - 1] >> (32 - s));
    for (int64_t i = na - 1; i > 0; i--)
        u[i] = (ou_digit)((((ou_twodigits)a[i] << 32) | a[i - 1]) >> (32 - s));
    u[0] = (ou_digit)((ou_twodigits)a[0] << s);

    const ou_twodigits vtop = v[nb - 1], vnext = v[nb - 2];
    for (int64_t j = na - nb; j >= 0; j--) {
        ou_twodigits num = ((ou_twodigits)u[j + nb] << 32) | u[j + nb - 1];
        ou_twodigits qhat = num / vtop, rhat = num % vtop;
        while (qhat > 0xFFFFFFFFu || qhat * vnext > ((rhat << 32) | u[j + nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xFFFFFFFFu)
                break;
        }
        /* u[j..j+nb] -= qhat * v */
        int64_t k = 0, t;
        for (int64_t i = 0; i < nb; i++) {
            ou_twodigits p = qhat * v[i];
            t = (int64_t)u[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            u[i + j] = (ou_digit)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)u[j + nb] - k;
        u[j + nb] = (ou_digit)t;
        if (t < 0) { /* qhat was one too large (rare): add v back */
            qhat--;
            ou_twodigits c = 0;
            for (int64_t i = 0; i < nb; i++) {
                c += (ou_twodigits)u[i + j] + v[i];
                u[i + j] = (ou_digit)c;
                c >>= 32;
            }
            u[j + nb] += (ou_digit)c;
        }
        if (q)
            q[j] = (ou_digit)qhat;
    }
    if (r) {
        for (int64_t i = 0; i < nb - 1; i++)
            r[i] = (ou_digit)((((ou_twodigits)u[i + 1] << 32) | u[i]) >> s);
        r[nb - 1] = u[nb - 1] >> s;
    }
    ou_mem_free(u);
    return 0;
}

int ou_mag_divrem(const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb,
                  ou_digit *q, ou_digit *r)
{
    OU_ASSERT(nb > 0 && na >= nb && b[nb - 1] != 0);
    if (nb == 1) {
        ou_digit rem;
        if (q) {
            memmove(q, a, (size_t)na * sizeof(ou_digit));
            rem = ou_mag_divrem1(q, na, b[0]);
        } else {
            rem = mag_rem1(a, na, b[0]);
        }
        if (r)
            r[0] = rem;
        return 0;
    }
    return mag_divrem_knuth(a, na, b, nb, q, r);
}

/* ------------------------------------------------------------ signed operations -- */

static OuroObject *small(int64_t v) { return ou_int_from_word(v); }

/* a + b where b's sign is taken as bsign (so that subtraction is addition of -b). */
static OuroObject *add_views(const OuIntView *a, const OuIntView *b, int bsign)
{
    if (b->n == 0)
        return ou_int_from_mag(a->d, a->n, a->sign);
    if (a->n == 0)
        return ou_int_from_mag(b->d, b->n, bsign);
    if (a->sign == bsign) {
        const OuIntView *x = a->n >= b->n ? a : b, *y = a->n >= b->n ? b : a;
        OuBigInt *z = ou_int_alloc_big(x->n + 1);
        if (!z)
            return NULL;
        mag_add(z->digit, x->d, x->n, y->d, y->n);
        return ou_int_finish(z, a->sign);
    }
    int c = ou_mag_cmp(a->d, a->n, b->d, b->n);
    if (c == 0)
        return small(0);
    const OuIntView *x = c > 0 ? a : b, *y = c > 0 ? b : a;
    OuBigInt *z = ou_int_alloc_big(x->n);
    if (!z)
        return NULL;
    mag_sub(z->digit, x->d, x->n, y->d, y->n);
    return ou_int_finish(z, c > 0 ? a->sign : bsign);
}

OuroObject *ou_int_add(OuroObject *a, OuroObject *b)
{
    OuIntView va, vb;
    ou_int_view(&va, a);
    ou_int_view(&vb, b);
    return add_views(&va, &vb, vb.sign);
}

OuroObject *ou_int_sub(OuroObject *a, OuroObject *b)
{
    OuIntView va, vb;
    ou_int_view(&va, a);
    ou_int_view(&vb, b);
    return add_views(&va, &vb, -vb.sign);
}

OuroObject *ou_int_neg(OuroObject *a)
{
    OuIntView va;
    ou_int_view(&va, a);
    return ou_int_from_mag(va.d, va.n, -va.sign);
}

OuroObject *ou_int_abs(OuroObject *a)
{
    OuIntView va;
    ou_int_view(&va, a);
    return ou_int_from_mag(va.d, va.n, va.sign != 0);
}

OuroObject *ou_int_mul(OuroObject *a, OuroObject *b)
{
    OuIntView va, vb;
    ou_int_view(&va, a);
    ou_int_view(&vb, b);
    if (va.n == 0 || vb.n == 0)
        return small(0);
    OuBigInt *z = ou_int_alloc_big(va.n + vb.n);
    if (!z)
        return NULL;
    if (mag_mul(z->digit, va.d, va.n, vb.d, vb.n) < 0) {
        OURO_DECREF(z);
        return NULL;
    }
    return ou_int_finish(z, va.sign * vb.sign);
}

int ou_int_divmod(OuroObject *a, OuroObject *b, OuroObject **pq, OuroObject **pr)
{
    OuIntView va, vb;
    ou_int_view(&va, a);
    ou_int_view(&vb, b);
    OU_ASSERT(vb.n > 0);
    OuBigInt *q = NULL, *r = NULL;
    OuroObject *qo = NULL;
    bool divides = va.n >= vb.n && ou_mag_cmp(va.d, va.n, vb.d, vb.n) >= 0;
    if (pq && !(q = ou_int_alloc_big(divides ? va.n - vb.n + 2 : 1)))
        goto error;
    if (!(r = ou_int_alloc_big(vb.n)))
        goto error;
    if (divides) {
        if (ou_mag_divrem(va.d, va.n, vb.d, vb.n, q ? q->digit : NULL, r->digit) < 0)
            goto error;
    } else {
        memcpy(r->digit, va.d, (size_t)va.n * sizeof(ou_digit)); /* |a| < |b|: q = 0 */
    }
    /* Truncation rounds toward zero; Python floors: when the signs differ and the
     * division is inexact, q moves one away from zero and r becomes |b| - r. */
    if (va.sign * vb.sign < 0 && mag_trim(r->digit, vb.n) != 0) {
        if (q)
            mag_incr(q->digit, q->size);
        mag_sub(r->digit, vb.d, vb.n, r->digit, vb.n);
    }
    if (q) {
        qo = ou_int_finish(q, va.sign * vb.sign);
        q = NULL;
        if (!qo)
            goto error;
    }
    if (pr) {
        OuroObject *ro = ou_int_finish(r, vb.sign);
        r = NULL;
        if (!ro)
            goto error;
        *pr = ro;
    } else {
        OURO_DECREF(r);
    }
    if (pq)
        *pq = qo;
    return 0;
error:
    OURO_XDECREF(q);
    OURO_XDECREF(r);
    OURO_XDECREF(qo);
    return -1;
}

/* a mod m for m > 0, in [0, m). */
static OuroObject *int_mod_pos(OuroObject *a, OuroObject *m)
{
    OuroObject *r;
    return ou_int_divmod(a, m, NULL, &r) < 0 ? NULL : r;
}

/* Replaces *acc (owned) by *acc * b, reduced mod m when m is not NULL. 0 or -1. */
static int mul_into(OuroObject **acc, OuroObject *b, OuroObject *m)
{
    OuroObject *t = ou_int_mul(*acc, b);
    if (t && m)
        OURO_SETREF(t, int_mod_pos(t, m));
    OURO_SETREF(*acc, t);
    return t ? 0 : -1;
}

OuroObject *ou_int_pow(OuroObject *a, OuroObject *b)
{
    OuIntView va, vb;
    ou_int_view(&va, a);
    ou_int_view(&vb, b);
    OU_ASSERT(vb.sign >= 0);
    if (vb.n == 0)
        return small(1);
    if (va.n == 0 || (va.n == 1 && va.d[0] == 1)) /* 0, 1 and -1 */
        return small(va.sign < 0 && !(vb.d[0] & 1) ? 1 : va.sign);
    /* The result has at least (bits(a) - 1) * b + 1 bits: refuse hopeless sizes early
     * rather than squaring for hours. */
    uint64_t abits = ou_mag_bit_length(va.d, va.n), minbits;
    if (vb.n > 2 || __builtin_mul_overflow(abits - 1, ou_mag_bits(vb.d, vb.n, 0, 64), &minbits) ||
        minbits / 32 >= (uint64_t)OU_INT_MAX_DIGITS)
        return ouro_err_no_memory();
    /* Left to right: square, and multiply by a (the short operand) for each 1 bit. */
    uint64_t nbits = ou_mag_bit_length(vb.d, vb.n);
    OuroObject *z = OURO_NEWREF(a);
    for (int64_t i = (int64_t)nbits - 2; i >= 0; i--) {
        if (mul_into(&z, z, NULL) < 0)
            return NULL;
        if (ou_mag_bits(vb.d, vb.n, (uint64_t)i, 1) && mul_into(&z, a, NULL) < 0)
            return NULL;
    }
    if (!ouro_int_check_exact(z)) /* a was a bool or subclass and b == 1 */
        OURO_SETREF(z, ou_int_exact(z));
    return z;
}

/* (a * b) mod m for word-sized operands, via 128-bit products. */
static uint64_t mulmod64(uint64_t a, uint64_t b, uint64_t m)
{
    return (uint64_t)(((unsigned __int128)a * b) % m);
}

/* The inverse of a modulo m (m > 1, 0 <= a < m), by the extended Euclidean algorithm;
 * ValueError when gcd(a, m) != 1. */
static OuroObject *int_invmod(OuroObject *a, OuroObject *m)
{
    OuroObject *x = OURO_NEWREF(a), *y = OURO_NEWREF(m);
    OuroObject *cx = small(1), *cy = small(0), *q = NULL, *r = NULL, *t = NULL, *res = NULL;
    /* invariant: x == cx * a (mod m), y == cy * a (mod m) */
    while (ouro_int_sign(y) != 0) {
        if (ou_int_divmod(x, y, &q, &r) < 0)
            goto done;
        OURO_SETREF(x, y);
        y = r;
        r = NULL;
        t = ou_int_mul(q, cy);
        OURO_CLEAR(q);
        if (!t)
            goto done;
        OURO_SETREF(t, ou_int_sub(cx, t));
        if (!t)
            goto done;
        OURO_SETREF(cx, cy);
        cy = t;
        t = NULL;
    }
    if (!(ou_int_is_word(x) && ou_int_word(x) == 1)) {
        ouro_err_set_string(&ouro_exc_ValueError, "base is not invertible for the given modulus");
        goto done;
    }
    res = int_mod_pos(cx, m);
done:
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    OURO_XDECREF(cx);
    OURO_XDECREF(cy);
    return res;
}

/* b ** e mod m with m a word (m > 1), e >= 0 given by its view. */
static OuroObject *powmod_word(OuroObject *base, const OuIntView *ve, uint64_t m)
{
    OuIntView vb;
    ou_int_view(&vb, base);
    uint64_t b = 0; /* base mod m, with base >= 0 here */
    for (int64_t i = vb.n - 1; i >= 0; i--)
        b = (uint64_t)((((unsigned __int128)b << 32) | vb.d[i]) % m);
    uint64_t z = 1 % m;
    for (int64_t i = (int64_t)ou_mag_bit_length(ve->d, ve->n) - 1; i >= 0; i--) {
        z = mulmod64(z, z, m);
        if (ou_mag_bits(ve->d, ve->n, (uint64_t)i, 1))
            z = mulmod64(z, b, m);
    }
    return ou_int_from_word((int64_t)z);
}

OuroObject *ou_int_powmod(OuroObject *a, OuroObject *b, OuroObject *m)
{
    OuroObject *base = NULL, *mod = NULL, *exp = NULL, *z = NULL;
    int msign = ouro_int_sign(m);
    OU_ASSERT(msign != 0);
    if (!(mod = ou_int_abs(m)))
        goto error;
    if (ou_int_is_word(mod) && ou_int_word(mod) == 1) {
        z = small(0);
        goto done;
    }
    if (!(base = int_mod_pos(a, mod)))
        goto error;
    if (ouro_int_sign(b) < 0) {
        OURO_SETREF(base, int_invmod(base, mod));
        if (!base)
            goto error;
        if (!(exp = ou_int_neg(b)))
            goto error;
    } else {
        exp = OURO_NEWREF(b);
    }
    OuIntView ve;
    ou_int_view(&ve, exp);
    if (ou_int_is_word(mod)) {
        if (!(z = powmod_word(base, &ve, (uint64_t)ou_int_word(mod))))
            goto error;
    } else {
        z = small(1);
        for (int64_t i = (int64_t)ou_mag_bit_length(ve.d, ve.n) - 1; i >= 0; i--) {
            if (mul_into(&z, z, mod) < 0)
                goto error;
            if (ou_mag_bits(ve.d, ve.n, (uint64_t)i, 1) && mul_into(&z, base, mod) < 0)
                goto error;
        }
    }
    /* A negative modulus gives a result in (m, 0]. */
    if (msign < 0 && ouro_int_sign(z) != 0)
        OURO_SETREF(z, ou_int_sub(z, mod));
done:
    OURO_XDECREF(base);
    OURO_XDECREF(mod);
    OURO_XDECREF(exp);
    return z;
error:
    OURO_CLEAR(z);
    goto done;
}

OuroObject *ou_int_lshift(OuroObject *a, uint64_t n)
{
    OuIntView va;
    ou_int_view(&va, a);
    if (va.n == 0)
        return small(0);
    uint64_t nd = n / 32;
    int s = (int)(n % 32);
    if (nd >= (uint64_t)OU_INT_MAX_DIGITS)
        return ouro_err_no_memory();
    OuBigInt *z = ou_int_alloc_big(va.n + (int64_t)nd + 1);
    if (!z)
        return NULL;
    ou_digit carry = 0;
    for (int64_t i = 0; i < va.n; i++) {
        ou_twodigits t = ((ou_twodigits)va.d[i] << s) | carry;
        z->digit[(int64_t)nd + i] = (ou_digit)t;
        carry = (ou_digit)(t >> 32);
    }
    z->digit[(int64_t)nd + va.n] = carry;
    return ou_int_finish(z, va.sign);
}

OuroObject *ou_int_rshift(OuroObject *a, uint64_t n)
{
    OuIntView va;
    ou_int_view(&va, a);
    uint64_t nd = n / 32;
    int s = (int)(n % 32);
    if (nd >= (uint64_t)va.n) /* every bit shifted out: floor gives 0 or -1 */
        return small(va.sign < 0 ? -1 : 0);
    int64_t nz = va.n - (int64_t)nd;
    OuBigInt *z = ou_int_alloc_big(nz + 1);
    if (!z)
        return NULL;
    for (int64_t i = 0; i < nz; i++) {
        ou_twodigits hi = i + 1 < nz ? va.d[(int64_t)nd + i + 1] : 0;
        z->digit[i] = (ou_digit)((((hi << 32) | va.d[(int64_t)nd + i])) >> s);
    }
    /* Python's >> floors: a negative value that lost 1 bits rounds away from zero. */
    if (va.sign < 0 && ou_mag_any_below(va.d, va.n, n))
        mag_incr(z->digit, nz + 1);
    return ou_int_finish(z, va.sign);
}

/* Digit i of v in two's complement (infinitely sign-extended); *carry starts at 1 and
 * carries the +1 of the negation of a negative magnitude. */
static ou_digit tc_digit(const OuIntView *v, int64_t i, ou_twodigits *carry)
{
    ou_digit d = i < v->n ? v->d[i] : 0;
    if (v->sign >= 0)
        return d;
    ou_twodigits t = (ou_twodigits)(ou_digit)~d + *carry;
    *carry = t >> 32;
    return (ou_digit)t;
}

OuroObject *ou_int_bitop(OuroObject *a, OuroObject *b, int op)
{
    OuIntView va, vb;
    ou_int_view(&va, a);
    ou_int_view(&vb, b);
    int64_t n = (va.n > vb.n ? va.n : vb.n) + 1; /* one more digit holds the sign */
    OuBigInt *z = ou_int_alloc_big(n);
    if (!z)
        return NULL;
    ou_twodigits ca = 1, cb = 1;
    for (int64_t i = 0; i < n; i++) {
        ou_digit x = tc_digit(&va, i, &ca), y = tc_digit(&vb, i, &cb);
        z->digit[i] = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
    }
    bool na = va.sign < 0, nb = vb.sign < 0;
    bool neg = op == '&' ? (na && nb) : op == '|' ? (na || nb) : (na != nb);
    if (neg) { /* back to sign and magnitude: negate the two's complement */
        for (int64_t i = 0; i < n; i++)
            z->digit[i] = ~z->digit[i];
        mag_incr(z->digit, n);
    }
    return ou_int_finish(z, neg ? -1 : 1);
}

int ou_int_cmp(OuroObject *a, OuroObject *b)
{
    if (ou_int_is_word(a) && ou_int_is_word(b)) {
        int64_t x = ou_int_word(a), y = ou_int_word(b);
        return (x > y) - (x < y);
    }
    OuIntView va, vb;
    ou_int_view(&va, a);
    ou_int_view(&vb, b);
    if (va.sign != vb.sign)
        return va.sign < vb.sign ? -1 : 1;
    return va.sign * ou_mag_cmp(va.d, va.n, vb.d, vb.n);
}
