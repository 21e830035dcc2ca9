/* src/objects/intobject.c — int: the small-int cache, construction and C conversions,
 * hashing and comparison, the number slots (word-form fast paths; bignum work in
 * intarith.c), int(), the methods and the type object. Layout: intobject.h; narrative:
 * docs/internals/objects.md, section "int". */
#include "intobject.h"
#include "strimpl.h"   /* memoryview (int(view) parses its bytes) */
#include <math.h>
#include <string.h>

/* ------------------------------------------------------------- the small ints -- */

/* -5..256, immortal and never written: every operation yielding one returns it. */
#define NSMALL (OURO_SMALL_INT_MAX - OURO_SMALL_INT_MIN + 1)
#define SMALL1(v) { OURO_STATIC_HEAD(OU_TID_ouro_int_type), (v) },
#define SMALL4(v) SMALL1(v) SMALL1((v) + 1) SMALL1((v) + 2) SMALL1((v) + 3)
#define SMALL16(v) SMALL4(v) SMALL4((v) + 4) SMALL4((v) + 8) SMALL4((v) + 12)
#define SMALL64(v) SMALL16(v) SMALL16((v) + 16) SMALL16((v) + 32) SMALL16((v) + 48)
#define SMALL256(v) SMALL64(v) SMALL64((v) + 64) SMALL64((v) + 128) SMALL64((v) + 192)
static OuroInt small_ints[NSMALL] = {
    SMALL256(OURO_SMALL_INT_MIN) SMALL4(OURO_SMALL_INT_MIN + 256) SMALL1(OURO_SMALL_INT_MIN + 260)
    SMALL1(OURO_SMALL_INT_MIN + 261)
};
_Static_assert(NSMALL == 262 && OURO_SMALL_INT_MIN + 261 == OURO_SMALL_INT_MAX, "small ints");
_Static_assert(sizeof(OuroInt) == 16, "a word-form int is 16 bytes");

OuroObject *ou_int_from_word(int64_t v)
{
    OU_ASSERT(v != OU_INT_BIG);
    if (v >= OURO_SMALL_INT_MIN && v <= OURO_SMALL_INT_MAX)
        return (OuroObject *)&small_ints[v - OURO_SMALL_INT_MIN];
    /* The allocator directly: ints are the commonest objects of arithmetic loops, and
     * an exact int needs none of ouro_object_alloc's cases (no GC header, no class). */
    OuroInt *o = ou_mem_alloc(sizeof(OuroInt));
    if (!o)
        return ouro_err_no_memory();
    o->ob_base.ob_refcnt = 1;
    o->ob_base.ob_tinfo = OU_TID_ouro_int_type;
    o->ival = v;
    return (OuroObject *)o;
}

OuBigInt *ou_int_alloc_big(int64_t n)
{
    OU_ASSERT(n > 0);
    if (n > OU_INT_MAX_DIGITS)
        return (OuBigInt *)ouro_err_no_memory();
    /* two items of 4 bytes hold `size` (intobject.h) */
    OuBigInt *z = (OuBigInt *)ouro_object_alloc_var(&ouro_int_type, n + 2);
    if (!z)
        return NULL;
    z->ival = OU_INT_BIG;
    z->size = n;
    return z;
}

/* The value of a magnitude of at most 2 digits if it fits a word (|v| <= 2^63-1). */
static bool mag_to_word(const ou_digit *d, int64_t n, int sign, int64_t *out)
{
    if (n > 2)
        return false;
    uint64_t m = n == 0 ? 0 : n == 1 ? d[0] : (d[0] | (uint64_t)d[1] << 32);
    if (m > (uint64_t)INT64_MAX)
        return false;
    *out = sign < 0 ? -(int64_t)m : (int64_t)m;
    return true;
}

OuroObject *ou_int_finish(OuBigInt *z, int sign)
{
    int64_t n = z->size < 0 ? -z->size : z->size, w;
    while (n > 0 && z->digit[n - 1] == 0)
        n--;
    if (mag_to_word(z->digit, n, sign, &w)) {
        OURO_DECREF(z);
        return ou_int_from_word(w);
    }
    z->size = sign < 0 ? -n : n;
    return (OuroObject *)z;
}

OuroObject *ou_int_from_mag(const ou_digit *d, int64_t n, int sign)
{
    int64_t w;
    while (n > 0 && d[n - 1] == 0)
        n--;
    if (mag_to_word(d, n, sign, &w))
        return ou_int_from_word(w);
    OuBigInt *z = ou_int_alloc_big(n);
    if (!z)
        return NULL;
    memcpy(z->digit, d, (size_t)n * sizeof(ou_digit));
    z->size = sign < 0 ? -n : n;
    return (OuroObject *)z;
}

OuroObject *ou_int_exact(OuroObject *o)
{
    if (ouro_int_check_exact(o))
        return OURO_NEWREF(o);
    if (ou_int_is_word(o))
        return ou_int_from_word(ou_int_word(o));
    OuIntView v;
    ou_int_view(&v, o);
    return ou_int_from_mag(v.d, v.n, v.sign);
}

int64_t ou_int_max_str_digits(void)
{
    OuObjState *st = ou_objstate();
    return st ? st->int_max_str_digits : OU_INT_MAX_STR_DIGITS_DEFAULT;
}

/* ------------------------------------------------------- public constructors -- */

OURO_API OuroObject *ouro_int_from_int64(int64_t v)
{
    if (v != INT64_MIN)
        return ou_int_from_word(v);
    const ou_digit d[2] = { 0, 0x80000000u };
    return ou_int_from_mag(d, 2, -1);
}

OURO_API OuroObject *ouro_int_from_uint64(uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX)
        return ou_int_from_word((int64_t)v);
    const ou_digit d[2] = { (ou_digit)v, (ou_digit)(v >> 32) };
    return ou_int_from_mag(d, 2, 1);
}

OURO_API OuroObject *ouro_int_from_ssize(ouro_ssize v) { return ouro_int_from_int64(v); }

/* ----------------------------------------------------------- C conversions -- */

/* o as an int (o itself, or o.__index__()). New reference, or NULL with TypeError. */
static OuroObject *as_int(OuroObject *o)
{
    return ouro_int_check(o) ? OURO_NEWREF(o) : ouro_number_index(o);
}

OURO_API int64_t ouro_int_as_int64_and_overflow(OuroObject *o, int *overflow)
{
    *overflow = 0;
    if (ouro_int_check(o) && ou_int_is_word(o))
        return ou_int_word(o);
    OuroObject *i = as_int(o);
    if (!i)
        return -1;
    int64_t r = -1;
    if (ou_int_is_word(i)) {
        r = ou_int_word(i);
    } else {
        OuIntView v;
        ou_int_view(&v, i);
        if (v.n == 2 && v.sign < 0 && v.d[0] == 0 && v.d[1] == 0x80000000u)
            r = INT64_MIN;
        else
            *overflow = v.sign;
    }
    OURO_DECREF(i);
    return r;
}

OURO_API int64_t ouro_int_as_int64(OuroObject *o)
{
    int overflow;
    int64_t r = ouro_int_as_int64_and_overflow(o, &overflow);
    if (overflow) {
        ouro_err_set_string(&ouro_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

OURO_API uint64_t ouro_int_as_uint64(OuroObject *o)
{
    OuroObject *i = as_int(o);
    if (!i)
        return (uint64_t)-1;
    OuIntView v;
    ou_int_view(&v, i);
    uint64_t r = (uint64_t)-1;
    if (v.sign < 0)
        ouro_err_set_string(&ouro_exc_OverflowError, "can't convert negative int to unsigned");
    else if (v.n > 2)
        ouro_err_set_string(&ouro_exc_OverflowError, "int too big to convert");
    else
        r = v.n == 0 ? 0 : v.n == 1 ? v.d[0] : (v.d[0] | (uint64_t)v.d[1] << 32);
    OURO_DECREF(i);
    return r;
}

OURO_API ouro_ssize ouro_int_as_ssize(OuroObject *o)
{
    int overflow;
    int64_t r = ouro_int_as_int64_and_overflow(o, &overflow);
    if (overflow) {
        ouro_err_set_string(&ouro_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return r;
}

OURO_API int ouro_int_sign(OuroObject *o)
{
    if (ou_int_is_word(o)) {
        int64_t x = ou_int_word(o);
        return (x > 0) - (x < 0);
    }
    return ou_int_big(o)->size < 0 ? -1 : 1;
}

OURO_API uint64_t ouro_int_bit_length(OuroObject *o)
{
    OuIntView v;
    ou_int_view(&v, o);
    return ou_mag_bit_length(v.d, v.n);
}

/* ------------------------------------------------------------------- hashing -- */

/* Python's numeric hash: |v| mod 2^61-1 with v's sign; -1 (the error value) is -2. */
#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

OURO_API ouro_hash ouro_int_hash_value(OuroObject *o)
{
    uint64_t x;
    int sign;
    if (ou_int_is_word(o)) {
        int64_t w = ou_int_word(o);
        if (w >= -1000000 && w <= 1000000) /* the common case: |w| < modulus */
            return w == -1 ? -2 : w;
        sign = w < 0 ? -1 : 1;
        x = (w < 0 ? -(uint64_t)w : (uint64_t)w) % HASH_MODULUS;
    } else {
        OuIntView v;
        ou_int_view(&v, o);
        sign = v.sign;
        x = 0;
        /* 2^61 == 1 (mod 2^61-1): multiplying by 2^32 is a 61-bit rotation by 32. */
        for (int64_t i = v.n - 1; i >= 0; i--) {
            x = ((x << 32) & HASH_MODULUS) | (x >> (HASH_BITS - 32));
            x += v.d[i];
            if (x >= HASH_MODULUS)
                x -= HASH_MODULUS;
        }
    }
    ouro_hash h = sign < 0 ? -(ouro_hash)x : (ouro_hash)x;
    return h == -1 ? -2 : h;
}

/* ---------------------------------------------------------------- the slots -- */

static void int_dealloc(OuroObject *o)
{
    ouro_object_free(o);
}

static OuroObject *int_repr(OuroObject *o) { return ouro_int_to_decimal(o); }

static ouro_hash int_hash(OuroObject *o) { return ouro_int_hash_value(o); }

static OuroObject *int_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if (!ouro_int_check(a) || !ouro_int_check(b))
        OURO_RETURN_NOTIMPLEMENTED;
    int c = ou_int_cmp(a, b), r;
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

#define BINOP_CHECK(a, b) \
    do { if (!ouro_int_check(a) || !ouro_int_check(b)) OURO_RETURN_NOTIMPLEMENTED; } while (0)
#define BOTH_WORDS(a, b) (ou_int_is_word(a) && ou_int_is_word(b))

static OuroObject *int_add(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    int64_t r;
    if (BOTH_WORDS(a, b) && !__builtin_add_overflow(ou_int_word(a), ou_int_word(b), &r) &&
        r != OU_INT_BIG)
        return ou_int_from_word(r);
    return ou_int_add(a, b);
}

static OuroObject *int_sub(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    int64_t r;
    if (BOTH_WORDS(a, b) && !__builtin_sub_overflow(ou_int_word(a), ou_int_word(b), &r) &&
        r != OU_INT_BIG)
        return ou_int_from_word(r);
    return ou_int_sub(a, b);
}

static OuroObject *int_mul(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    int64_t r;
    if (BOTH_WORDS(a, b) && !__builtin_mul_overflow(ou_int_word(a), ou_int_word(b), &r) &&
        r != OU_INT_BIG)
        return ou_int_from_word(r);
    return ou_int_mul(a, b);
}

/* Floor division of words (y != 0; no overflow: x != INT64_MIN). */
static void word_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r)
{
    *q = x / y;
    *r = x % y;
    if (*r && ((*r ^ y) < 0)) {
        *r += y;
        *q -= 1;
    }
}

/* Floor division and/or modulo with the given ZeroDivisionError message. */
static int int_divmod_impl(OuroObject *a, OuroObject *b, OuroObject **pq, OuroObject **pr,
                           const char *zero_msg)
{
    if (ouro_int_sign(b) == 0) {
        ouro_err_set_string(&ouro_exc_ZeroDivisionError, zero_msg);
        return -1;
    }
    if (BOTH_WORDS(a, b)) {
        int64_t q, r;
        word_divmod(ou_int_word(a), ou_int_word(b), &q, &r);
        OuroObject *qo = NULL;
        if (pq && !(qo = ou_int_from_word(q)))
            return -1;
        if (pr && !(*pr = ou_int_from_word(r))) {
            OURO_XDECREF(qo);
            return -1;
        }
        if (pq)
            *pq = qo;
        return 0;
    }
    return ou_int_divmod(a, b, pq, pr);
}

static OuroObject *int_floor_divide(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    OuroObject *q;
    return int_divmod_impl(a, b, &q, NULL, "integer division or modulo by zero") < 0 ? NULL : q;
}

static OuroObject *int_remainder(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    OuroObject *r;
    return int_divmod_impl(a, b, NULL, &r, "integer modulo by zero") < 0 ? NULL : r;
}

static OuroObject *int_divmod(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    OuroObject *q, *r, *t;
    if (int_divmod_impl(a, b, &q, &r, "integer division or modulo by zero") < 0)
        return NULL;
    if (!(t = ouro_tuple_new(2))) {
        OURO_DECREF(q);
        OURO_DECREF(r);
        return NULL;
    }
    OURO_TUPLE_SET(t, 0, q);
    OURO_TUPLE_SET(t, 1, r);
    return t;
}

static OuroObject *int_true_divide(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    return ou_int_true_divide(a, b);
}

/* a ** b for b < 0: a float, as CPython hands the operation to float. */
static OuroObject *int_pow_negative(OuroObject *a, OuroObject *b)
{
    double x = ouro_int_as_double(a), y;
    if (x == -1.0 && ouro_err_occurred())
        return NULL;
    y = ouro_int_as_double(b);
    if (y == -1.0 && ouro_err_occurred())
        return NULL;
    if (x == 0.0)
        return ouro_err_format(&ouro_exc_ZeroDivisionError,
                               "0.0 cannot be raised to a negative power");
    return ouro_float_from_double(pow(x, y));
}

static OuroObject *int_power(OuroObject *a, OuroObject *b, OuroObject *m)
{
    BINOP_CHECK(a, b);
    if (m && m != OURO_NONE) {
        if (!ouro_int_check(m))
            OURO_RETURN_NOTIMPLEMENTED;
        if (ouro_int_sign(m) == 0)
            return ouro_err_format(&ouro_exc_ValueError, "pow() 3rd argument cannot be 0");
        return ou_int_powmod(a, b, m);
    }
    if (ouro_int_sign(b) < 0)
        return int_pow_negative(a, b);
    if (BOTH_WORDS(a, b) && ou_int_word(b) < 64) {
        /* square-and-multiply in a word until it overflows */
        int64_t base = ou_int_word(a), e = ou_int_word(b), z = 1;
        bool ok = true;
        while (ok && e) {
            if (e & 1)
                ok = !__builtin_mul_overflow(z, base, &z);
            e >>= 1;
            if (e && ok)
                ok = !__builtin_mul_overflow(base, base, &base);
        }
        if (ok && z != OU_INT_BIG)
            return ou_int_from_word(z);
    }
    return ou_int_pow(a, b);
}

static OuroObject *int_negative(OuroObject *a)
{
    if (ou_int_is_word(a))
        return ou_int_from_word(-ou_int_word(a));
    return ou_int_neg(a);
}

static OuroObject *int_positive(OuroObject *a) { return ou_int_exact(a); }

static OuroObject *int_absolute(OuroObject *a)
{
    if (ou_int_is_word(a)) {
        int64_t x = ou_int_word(a);
        return ou_int_from_word(x < 0 ? -x : x);
    }
    return ou_int_abs(a);
}

static int int_bool(OuroObject *a) { return ou_int_word(a) != 0; }

static OuroObject *int_invert(OuroObject *a)
{
    if (ou_int_is_word(a))
        return ouro_int_from_int64(~ou_int_word(a)); /* ~(2^63-1) is the big -2^63 */
    /* ~a == -(a + 1) */
    OuroObject *t = ou_int_add(a, (OuroObject *)&small_ints[1 - OURO_SMALL_INT_MIN]);
    if (t)
        OURO_SETREF(t, ou_int_neg(t));
    return t;
}

/* The shift count of b (an int): 0, or -1 with an exception; *huge when it does not fit
 * in 63 bits. */
static int shift_count(OuroObject *b, uint64_t *n, bool *huge)
{
    if (ouro_int_sign(b) < 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "negative shift count");
        return -1;
    }
    *huge = !ou_int_is_word(b);
    *n = *huge ? 0 : (uint64_t)ou_int_word(b);
    return 0;
}

static OuroObject *int_lshift(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    uint64_t n;
    bool huge;
    if (shift_count(b, &n, &huge) < 0)
        return NULL;
    if (ouro_int_sign(a) == 0)
        return ou_int_from_word(0);
    if (huge)
        return ouro_err_format(&ouro_exc_OverflowError, "too many digits in integer");
    if (ou_int_is_word(a) && n < 63) {
        int64_t x = ou_int_word(a), lim = INT64_MAX >> n;
        if (x >= -lim && x <= lim)
            return ou_int_from_word((int64_t)((uint64_t)x << n));
    }
    return ou_int_lshift(a, n);
}

static OuroObject *int_rshift(OuroObject *a, OuroObject *b)
{
    BINOP_CHECK(a, b);
    uint64_t n;
    bool huge;
    if (shift_count(b, &n, &huge) < 0)
        return NULL;
    if (huge)
        return ou_int_from_word(ouro_int_sign(a) < 0 ? -1 : 0);
    if (ou_int_is_word(a))
        return ou_int_from_word(ou_int_word(a) >> (n > 63 ? 63 : n));
    return ou_int_rshift(a, n);
}

/* & | ^ : between two bools the result is a bool (bool inherits these slots). */
static OuroObject *int_bitop(OuroObject *a, OuroObject *b, int op)
{
    BINOP_CHECK(a, b);
    if (BOTH_WORDS(a, b)) {
        int64_t x = ou_int_word(a), y = ou_int_word(b);
        int64_t r = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
        if (ouro_bool_check(a) && ouro_bool_check(b))
            return ouro_bool_from_long(r);
        return ouro_int_from_int64(r);
    }
    return ou_int_bitop(a, b, op);
}

static OuroObject *int_and(OuroObject *a, OuroObject *b) { return int_bitop(a, b, '&'); }
static OuroObject *int_or(OuroObject *a, OuroObject *b) { return int_bitop(a, b, '|'); }
static OuroObject *int_xor(OuroObject *a, OuroObject *b) { return int_bitop(a, b, '^'); }

static OuroObject *int_int(OuroObject *a) { return ou_int_exact(a); }

static OuroObject *int_float(OuroObject *a)
{
    double d = ouro_int_as_double(a);
    if (d == -1.0 && ouro_err_occurred())
        return NULL;
    return ouro_float_from_double(d);
}
/* int() of a bytearray: parsed as bytes (CPython's messages show b'...'). */
static OuroObject *int_from_bytearray(OuroObject *x, int base)
{
    OuroObject *b = ouro_bytes_from_data(ouro_bytearray_data(x), (size_t)ouro_bytearray_length(x));
    if (!b)
        return NULL;
    OuroObject *r = ou_int_parse(ouro_bytes_data(b), (size_t)ouro_bytes_length(b), base, b);
    OURO_DECREF(b);
    return r;
}


/* ----------------------------------------------------------------- int() -- */

/* int(x) for one argument: CPython's PyNumber_Long. */
static OuroObject *number_to_int(OuroObject *x)
{
    if (ouro_int_check_exact(x))
        return OURO_NEWREF(x);
    const OuroNumberMethods *nb = OURO_TYPE(x)->tp_as_number;
    if (nb && nb->nb_int) {
        OuroObject *r = nb->nb_int(x);
        if (!r || ouro_int_check_exact(r))
            return r;
        if (!ouro_int_check(r)) {
            ouro_err_format(&ouro_exc_TypeError, "__int__ returned non-int (type %s)",
                            OURO_TYPE_NAME(r));
            OURO_DECREF(r);
            return NULL;
        }
        OURO_SETREF(r, ou_int_exact(r));
        return r;
    }
    if (nb && nb->nb_index) {
        OuroObject *r = ouro_number_index(x);
        if (r && !ouro_int_check_exact(r))
            OURO_SETREF(r, ou_int_exact(r));
        return r;
    }
    if (ouro_float_check(x))
        return ouro_int_from_double(ouro_float_value(x));
    if (ouro_str_check(x))
        return ou_int_parse(ouro_str_utf8(x), (size_t)ouro_str_byte_length(x), 10, x);
    if (ouro_bytes_check(x))
        return ou_int_parse(ouro_bytes_data(x), (size_t)ouro_bytes_length(x), 10, x);
    if (ouro_bytearray_check(x))
        return int_from_bytearray(x, 10);
    if (ou_memoryview_check(x)) {   /* its bytes, any layout (CPython's buffer path) */
        OuroObject *b = ou_memoryview_tobytes(x);
        OuroObject *r = b ? ou_int_parse(ouro_bytes_data(b), (size_t)ouro_bytes_length(b), 10, b)
                          : NULL;
        OURO_XDECREF(b);
        return r;
    }
    return ouro_err_format(&ouro_exc_TypeError,
                           "int() argument must be a string, a bytes-like object or a real "
                           "number, not '%s'", OURO_TYPE_NAME(x));
}

static OuroObject *int_new(OuroType *type, OuroObject *args, OuroObject *kwargs);

/* int(...) for a subclass: the value is made as an exact int, then copied into an
 * instance of the subclass (same layout: the word, or the size and digits; a class's
 * __dict__ pointer follows in the last word, typeattr.c's ou_object_dict_ptr). */
static OuroObject *int_subtype_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    OuroObject *v = int_new(&ouro_int_type, args, kwargs);
    if (!v)
        return NULL;
    int64_t size = ou_int_is_word(v) ? 0 : ou_int_big(v)->size;
    ouro_ssize nitems = size == 0 && ou_int_is_word(v) ? 0 : (size < 0 ? -size : size) + 2;
    OuroObject *o = ouro_object_alloc_var(type, nitems);
    if (o) {
        memcpy((char *)o + sizeof(OuroObject), (char *)v + sizeof(OuroObject),
               sizeof(OuroInt) - sizeof(OuroObject) + (size_t)nitems * sizeof(ou_digit));
        if (ou_type_is_gc(type))
            ouro_gc_track(o);
    }
    OURO_DECREF(v);
    return o;
}

/* int(x=0) / int(x, base=10). */
static OuroObject *int_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    ouro_ssize nkw = kwargs ? ouro_dict_size(kwargs) : 0;
    OuroObject *x = nargs > 0 ? OURO_TUPLE_GET(args, 0) : NULL;
    OuroObject *obase = nargs > 1 ? OURO_TUPLE_GET(args, 1) : NULL;
    if (type != &ouro_int_type)
        return int_subtype_new(type, args, kwargs);
    if (nargs + nkw > 2)
        return ouro_err_format(&ouro_exc_TypeError, "int() takes at most 2 arguments (%lld given)",
                               (long long)(nargs + nkw));
    ouro_ssize pos = 0;
    OuroObject *key, *value;
    while (nkw && ouro_dict_next(kwargs, &pos, &key, &value)) {
        if (!ouro_str_check(key))
            return ouro_err_format(&ouro_exc_TypeError, "keywords must be strings");
        if (!ouro_str_equal_cstr(key, "base"))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "'%U' is an invalid keyword argument for int()", key);
        if (obase)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "argument for int() given by name ('base') and position (2)");
        obase = value;
    }
    if (!x) {
        if (obase)
            return ouro_err_format(&ouro_exc_TypeError, "int() missing string argument");
        return ou_int_from_word(0);
    }
    if (!obase)
        return number_to_int(x);
    ouro_ssize base = ouro_number_as_ssize(obase, NULL);
    if (base == -1 && ouro_err_occurred())
        return NULL;
    if ((base != 0 && base < 2) || base > 36)
        return ouro_err_format(&ouro_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (ouro_str_check(x))
        return ou_int_parse(ouro_str_utf8(x), (size_t)ouro_str_byte_length(x), (int)base, x);
    if (ouro_bytes_check(x))
        return ou_int_parse(ouro_bytes_data(x), (size_t)ouro_bytes_length(x), (int)base, x);
    if (ouro_bytearray_check(x))
        return int_from_bytearray(x, (int)base);
    return ouro_err_format(&ouro_exc_TypeError, "int() can't convert non-string with explicit base");
}

/* ----------------------------------------------------------------- methods -- */

/* Binds FASTCALL arguments to parameter names: at most maxpos positional, the rest by
 * keyword (kwnames: a tuple of str, or NULL). out[i] is borrowed or NULL when absent.
 * 0, or -1 with CPython's TypeError. */
static int bind_args(const char *fname, OuroObject *const *args, ouro_ssize nargs,
                     OuroObject *kwnames, const char *const *names, int nnames, int maxpos,
                     OuroObject **out)
{
    for (int i = 0; i < nnames; i++)
        out[i] = NULL;
    if (nargs > maxpos) {
        ouro_err_format(&ouro_exc_TypeError, "%s() takes at most %d positional argument%s (%lld given)",
                        fname, maxpos, maxpos == 1 ? "" : "s", (long long)nargs);
        return -1;
    }
    for (ouro_ssize i = 0; i < nargs; i++)
        out[i] = args[i];
    ouro_ssize nkw = kwnames ? OURO_TUPLE_SIZE(kwnames) : 0;
    for (ouro_ssize k = 0; k < nkw; k++) {
        OuroObject *name = OURO_TUPLE_GET(kwnames, k);
        int j = 0;
        while (j < nnames && !ouro_str_equal_cstr(name, names[j]))
            j++;
        if (j == nnames) {
            ouro_err_format(&ouro_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                            name, fname);
            return -1;
        }
        if (out[j]) {
            ouro_err_format(&ouro_exc_TypeError,
                            "argument for %s() given by name ('%s') and position (%d)", fname,
                            names[j], j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    return 0;
}

/* byteorder and signed of to_bytes / from_bytes: 0, or -1 with an exception. */
static int byteorder_and_signed(const char *fname, OuroObject *order, OuroObject *sig,
                                bool *little, bool *is_signed)
{
    *little = false;
    if (order) {
        if (!ouro_str_check(order)) {
            ouro_err_format(&ouro_exc_TypeError, "%s() argument 'byteorder' must be str, not %s",
                            fname, OURO_TYPE_NAME(order));
            return -1;
        }
        if (ouro_str_equal_cstr(order, "little")) {
            *little = true;
        } else if (!ouro_str_equal_cstr(order, "big")) {
            ouro_err_set_string(&ouro_exc_ValueError,
                                "byteorder must be either 'little' or 'big'");
            return -1;
        }
    }
    int t = sig ? ouro_object_is_true(sig) : 0;
    *is_signed = t > 0;
    return t < 0 ? -1 : 0;
}

static OuroObject *int_to_bytes(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    static const char *const names[] = { "length", "byteorder", "signed" };
    OuroObject *a[3];
    bool little, is_signed;
    if (bind_args("to_bytes", args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    ouro_ssize length = 1;
    if (a[0]) {
        length = ouro_number_as_ssize(a[0], &ouro_exc_OverflowError);
        if (length == -1 && ouro_err_occurred())
            return NULL;
        if (length < 0)
            return ouro_err_format(&ouro_exc_ValueError, "length argument must be non-negative");
    }
    if (byteorder_and_signed("to_bytes", a[1], a[2], &little, &is_signed) < 0)
        return NULL;
    return ou_int_to_bytes_impl(self, length, little, is_signed);
}

static OuroObject *int_from_bytes(OuroObject *type, OuroObject *const *args, ouro_ssize nargs,
                                  OuroObject *kwnames)
{
    static const char *const names[] = { "bytes", "byteorder", "signed" };
    OuroObject *a[3], *data = NULL, *r = NULL;
    bool little, is_signed;
    if (bind_args("from_bytes", args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    if (!a[0])
        return ouro_err_format(&ouro_exc_TypeError,
                               "from_bytes() missing required argument 'bytes' (pos 1)");
    if (byteorder_and_signed("from_bytes", a[1], a[2], &little, &is_signed) < 0)
        return NULL;
    if (ouro_bytes_check(a[0])) {
        data = OURO_NEWREF(a[0]);
    } else if (ouro_str_check(a[0]) || ouro_int_check(a[0])) {
        /* bytes(x) would accept these with other meanings (an encoding, a length) */
        return ouro_err_format(&ouro_exc_TypeError, "cannot convert '%s' object to bytes",
                               OURO_TYPE_NAME(a[0]));
    } else {
        OuroObject *arg = a[0];
        data = ouro_object_vectorcall((OuroObject *)&ouro_bytes_type, &arg, 1, NULL);
        if (!data)
            return NULL;
    }
    r = ou_int_from_bytes_impl((const unsigned char *)ouro_bytes_data(data),
                               (size_t)ouro_bytes_length(data), little, is_signed);
    OURO_DECREF(data);
    if (r && type != (OuroObject *)&ouro_int_type) /* a subclass: cls(value) */
        OURO_SETREF(r, ouro_object_vectorcall(type, &r, 1, NULL));
    return r;
}

static OuroObject *int_bit_length(OuroObject *self, OuroObject *unused)
{
    return ouro_int_from_uint64(ouro_int_bit_length(self));
}

static OuroObject *int_bit_count(OuroObject *self, OuroObject *unused)
{
    OuIntView v;
    ou_int_view(&v, self);
    uint64_t n = 0;
    for (int64_t i = 0; i < v.n; i++)
        n += (uint64_t)__builtin_popcount(v.d[i]);
    return ouro_int_from_uint64(n);
}

/* int(self): conjugate, __trunc__, __floor__, __ceil__, numerator, real. */
static OuroObject *int_self(OuroObject *self, OuroObject *unused) { return ou_int_exact(self); }

static OuroObject *int_as_integer_ratio(OuroObject *self, OuroObject *unused)
{
    OuroObject *n = ou_int_exact(self);
    if (!n)
        return NULL;
    OuroObject *t = ouro_tuple_pack(2, n, (OuroObject *)&small_ints[1 - OURO_SMALL_INT_MIN]);
    OURO_DECREF(n);
    return t;
}

static OuroObject *int_getnewargs(OuroObject *self, OuroObject *unused)
{
    OuroObject *n = ou_int_exact(self);
    if (!n)
        return NULL;
    OuroObject *t = ouro_tuple_pack(1, n);
    OURO_DECREF(n);
    return t;
}

static OuroObject *int_sizeof(OuroObject *self, OuroObject *unused)
{
    OuIntView v;
    ou_int_view(&v, self);
    int64_t n = ou_int_is_word(self) ? (int64_t)sizeof(OuroInt)
                                     : (int64_t)(sizeof(OuBigInt) + (size_t)v.n * sizeof(ou_digit));
    return ou_int_from_word(n);
}

/* round(self, ndigits): ndigits >= 0 keeps self; else rounds half to even at a
 * multiple of 10**-ndigits. */
static OuroObject *int_round(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (nargs > 1)
        return ouro_err_format(&ouro_exc_TypeError, "__round__ expected at most 1 argument, got %lld",
                               (long long)nargs);
    if (nargs == 0)
        return ou_int_exact(self);
    OuroObject *nd = ouro_number_index(args[0]), *p = NULL, *q = NULL, *r = NULL, *res = NULL;
    if (!nd)
        return NULL;
    if (ouro_int_sign(nd) >= 0) {
        OURO_DECREF(nd);
        return ou_int_exact(self);
    }
    OURO_SETREF(nd, ou_int_neg(nd));
    if (!nd || !(p = ou_int_pow((OuroObject *)&small_ints[10 - OURO_SMALL_INT_MIN], nd)))
        goto done;
    if (ou_int_divmod(self, p, &q, &r) < 0)
        goto done;
    /* r in [0, p): go up when 2r > p, or 2r == p with q odd */
    OuroObject *twice = ou_int_lshift(r, 1);
    if (!twice)
        goto done;
    int c = ou_int_cmp(twice, p);
    OURO_DECREF(twice);
    OuIntView vq;
    ou_int_view(&vq, q);
    if (c > 0 || (c == 0 && vq.n && (vq.d[0] & 1)))
        res = ou_int_add(self, p);
    else
        res = OURO_NEWREF(self);
    if (res)
        OURO_SETREF(res, ou_int_sub(res, r));
done:
    OURO_XDECREF(nd);
    OURO_XDECREF(p);
    OURO_XDECREF(q);
    OURO_XDECREF(r);
    return res;
}

static const OuroMethodDef int_methods[] = {
    { "__format__", OURO_METH(ou_int_format_method), OURO_METH_O, "Convert to a string according to format_spec." },
    { "conjugate", OURO_METH(int_self), OURO_METH_NOARGS, "Returns self, the complex conjugate of any int." },
    { "bit_length", OURO_METH(int_bit_length), OURO_METH_NOARGS, "Number of bits necessary to represent self in binary." },
    { "bit_count", OURO_METH(int_bit_count), OURO_METH_NOARGS, "Number of ones in the binary representation of the absolute value of self." },
    { "to_bytes", OURO_METH(int_to_bytes), OURO_METH_FASTCALL | OURO_METH_KEYWORDS, "Return an array of bytes representing an integer." },
    { "from_bytes", OURO_METH(int_from_bytes), OURO_METH_FASTCALL | OURO_METH_KEYWORDS | OURO_METH_CLASS, "Return the integer represented by the given array of bytes." },
    { "as_integer_ratio", OURO_METH(int_as_integer_ratio), OURO_METH_NOARGS, "Return integer ratio." },
    { "__trunc__", OURO_METH(int_self), OURO_METH_NOARGS, "Truncating an Integral returns itself." },
    { "__floor__", OURO_METH(int_self), OURO_METH_NOARGS, "Flooring an Integral returns itself." },
    { "__ceil__", OURO_METH(int_self), OURO_METH_NOARGS, "Ceiling of an Integral returns itself." },
    { "__round__", OURO_METH(int_round), OURO_METH_FASTCALL, "Rounding an Integral returns itself." },
    { "__getnewargs__", OURO_METH(int_getnewargs), OURO_METH_NOARGS, NULL },
    { "__sizeof__", OURO_METH(int_sizeof), OURO_METH_NOARGS, "Returns size in memory, in bytes." },
    { NULL, NULL, 0, NULL },
};

static OuroObject *int_get_self(OuroObject *self, void *closure) { return ou_int_exact(self); }
static OuroObject *int_get_zero(OuroObject *self, void *closure) { return ou_int_from_word(0); }
static OuroObject *int_get_one(OuroObject *self, void *closure) { return ou_int_from_word(1); }

static const OuroGetSetDef int_getset[] = {
    { "real", int_get_self, NULL, "the real part of a complex number", NULL },
    { "imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL },
    { "numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL },
    { "denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms", NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

/* ------------------------------------------------------------------ the type -- */

/* Shared with bool (which inherits it): & | ^ of two bools give a bool. */
static const OuroNumberMethods int_as_number = {
    .nb_add = int_add,
    .nb_subtract = int_sub,
    .nb_multiply = int_mul,
    .nb_remainder = int_remainder,
    .nb_divmod = int_divmod,
    .nb_power = int_power,
    .nb_negative = int_negative,
    .nb_positive = int_positive,
    .nb_absolute = int_absolute,
    .nb_bool = int_bool,
    .nb_invert = int_invert,
    .nb_lshift = int_lshift,
    .nb_rshift = int_rshift,
    .nb_and = int_and,
    .nb_xor = int_xor,
    .nb_or = int_or,
    .nb_int = int_int,
    .nb_float = int_float,
    .nb_floor_divide = int_floor_divide,
    .nb_true_divide = int_true_divide,
    .nb_index = int_int,
};

OURO_API OuroType ouro_int_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "int",
    .tp_flags = OURO_TPFLAG_INT_SUBCLASS | OURO_TPFLAG_BASETYPE | OURO_TPFLAG_IMMUTABLE,
    .tp_basicsize = sizeof(OuroInt),
    .tp_itemsize = sizeof(ou_digit),
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_str = int_repr,
    .tp_hash = int_hash,
    .tp_richcompare = int_richcompare,
    .tp_new = int_new,
    .tp_as_number = &int_as_number,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};
