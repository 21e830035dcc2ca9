/* src/objects/intobject.h — the layout of int objects and what the int files share
 * (intobject.c: the type and its slots; intarith.c: bignum arithmetic; intconvert.c:
 * strings, doubles and bytes). Narrative: docs/internals/objects.md, section "int". */
#ifndef OU_INTOBJECT_H
#define OU_INTOBJECT_H

#include "objects.h"

/* An int has one of two forms, and every value has exactly one representation:
 *
 *  word form (16 bytes): ival holds the value, which lies in [-(2^63-1), 2^63-1];
 *  big form: ival == OU_INT_BIG, then a signed digit count (the sign of the value times
 *    the number of digits) and the magnitude in base 2^32, least significant digit
 *    first. The top digit is nonzero, and the magnitude is > 2^63-1 (|size| >= 2): any
 *    value that fits in the word form is always stored in it (ou_int_finish).
 *
 * The big form is allocated as a variable-size object of tp_itemsize 4: nitems = 2 + n
 * (two items hold `size`). INT64_MIN itself is the marker, so -2^63 is a big int. */
#define OU_INT_BIG INT64_MIN
#define OU_DIGIT_BITS 32
typedef uint32_t ou_digit;
typedef uint64_t ou_twodigits;

typedef struct OuroInt {
    OuroObject ob_base;
    int64_t ival;
} OuroInt;

typedef struct OuBigInt {
    OuroObject ob_base;
    int64_t ival;      /* OU_INT_BIG */
    int64_t size;      /* sign(value) * number of digits */
    ou_digit digit[];
} OuBigInt;

/* Largest digit count we allocate (2^34 digits = 64 GiB): beyond it, MemoryError. */
#define OU_INT_MAX_DIGITS ((int64_t)1 << 34)
/* CPython 3.11's default limit on decimal conversions (sys.set_int_max_str_digits). */
#define OU_INT_MAX_STR_DIGITS_DEFAULT 4300
/* Below this many digits the limit is never checked (CPython's threshold). */
#define OU_INT_MAX_STR_DIGITS_THRESHOLD 640

static inline bool ou_int_is_word(const OuroObject *o) { return ((const OuroInt *)o)->ival != OU_INT_BIG; }
static inline int64_t ou_int_word(const OuroObject *o) { return ((const OuroInt *)o)->ival; }
static inline const OuBigInt *ou_int_big(const OuroObject *o) { return (const OuBigInt *)o; }

/* A read-only view of an int as sign and magnitude digits; word-form values are spread
 * into w[] (so a view must not be copied by value: d may point into it). */
typedef struct OuIntView {
    const ou_digit *d;
    int64_t n;     /* digits, top one nonzero; 0 for the value 0 */
    int sign;      /* -1, 0, 1 */
    ou_digit w[2];
} OuIntView;

static inline void ou_int_view(OuIntView *v, const OuroObject *o)
{
    int64_t x = ou_int_word(o);
    if (x != OU_INT_BIG) {
        uint64_t m = x < 0 ? -(uint64_t)x : (uint64_t)x;
        v->w[0] = (ou_digit)m;
        v->w[1] = (ou_digit)(m >> 32);
        v->d = v->w;
        v->n = (m >> 32) ? 2 : (m ? 1 : 0);
        v->sign = (x > 0) - (x < 0);
    } else {
        const OuBigInt *b = ou_int_big(o);
        v->d = b->digit;
        v->n = b->size < 0 ? -b->size : b->size;
        v->sign = b->size < 0 ? -1 : 1;
    }
}

/* ---- objects (intobject.c) */
/* A new big-form int of n digits, all zero, size = n. New reference, or NULL with
 * MemoryError. The caller fills the digits and passes it to ou_int_finish. */
OuBigInt *ou_int_alloc_big(int64_t n);
/* Completes z (digits filled, |z->size| the digits written): strips leading zeros,
 * applies sign and moves a value that fits in a word to the word form (or the cache).
 * Steals: z. Returns: new reference, or NULL with MemoryError. */
OuroObject *ou_int_finish(OuBigInt *z, int sign);
/* The int of a word value (v != INT64_MIN). New reference, or NULL with MemoryError. */
OuroObject *ou_int_from_word(int64_t v);
/* The int of a sign and magnitude. New reference, or NULL with MemoryError. */
OuroObject *ou_int_from_mag(const ou_digit *d, int64_t n, int sign);
/* An exact-int copy of o (o itself for an exact int; the value of a bool/subclass).
 * New reference, or NULL with MemoryError. */
OuroObject *ou_int_exact(OuroObject *o);
/* The limit on decimal digits of str <-> int conversions (0: none). Never fails. */
int64_t ou_int_max_str_digits(void);

/* ---- magnitudes (intarith.c): arrays of digits, least significant first */
int ou_mag_cmp(const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb);
/* a[0..n) = a * m + c; returns the carry out. Never fails. */
ou_digit ou_mag_mul1_add(ou_digit *a, int64_t n, ou_digit m, ou_digit c);
/* a[0..n) = a / d (in place); returns the remainder. d != 0. Never fails. */
ou_digit ou_mag_divrem1(ou_digit *a, int64_t n, ou_digit d);
/* Bits [shift, shift + count) of the magnitude (count <= 64). Never fails. */
uint64_t ou_mag_bits(const ou_digit *a, int64_t n, uint64_t shift, unsigned count);
/* 1 if any bit below position shift is set. Never fails. */
int ou_mag_any_below(const ou_digit *a, int64_t n, uint64_t shift);
/* Number of significant bits. Never fails. */
uint64_t ou_mag_bit_length(const ou_digit *a, int64_t n);
/* Magnitude division: q = a / b, r = a % b (either may be NULL). b nonzero. q needs
 * na - nb + 1 digits, r nb digits; both are fully written (with leading zeros). 0, or -1
 * with MemoryError (scratch space). */
int ou_mag_divrem(const ou_digit *a, int64_t na, const ou_digit *b, int64_t nb,
                  ou_digit *q, ou_digit *r);

/* ---- signed operations on int objects (intarith.c). a and b are ints (any int
 * subclass); results are exact ints. New reference, or NULL with an exception. */
OuroObject *ou_int_add(OuroObject *a, OuroObject *b);
OuroObject *ou_int_sub(OuroObject *a, OuroObject *b);
OuroObject *ou_int_mul(OuroObject *a, OuroObject *b);
/* Floor division and modulo (Python's signs). b nonzero; pq / pr may be NULL.
 * 0, or -1 with an exception (then nothing is stored). */
int ou_int_divmod(OuroObject *a, OuroObject *b, OuroObject **pq, OuroObject **pr);
OuroObject *ou_int_neg(OuroObject *a);
OuroObject *ou_int_abs(OuroObject *a);
/* a ** b for b >= 0. */
OuroObject *ou_int_pow(OuroObject *a, OuroObject *b);
/* a ** b % m for m nonzero (any signs; b < 0 uses the modular inverse). */
OuroObject *ou_int_powmod(OuroObject *a, OuroObject *b, OuroObject *m);
OuroObject *ou_int_lshift(OuroObject *a, uint64_t n);
OuroObject *ou_int_rshift(OuroObject *a, uint64_t n);
/* Bitwise & | ^ with two's-complement semantics; op is '&', '|' or '^'. */
OuroObject *ou_int_bitop(OuroObject *a, OuroObject *b, int op);
/* -1, 0, 1 comparing a with b. Never fails. */
int ou_int_cmp(OuroObject *a, OuroObject *b);

/* ---- conversions (intconvert.c). New references, or NULL with an exception. */
/* a / b correctly rounded, as a float (ZeroDivisionError, OverflowError). */
OuroObject *ou_int_true_divide(OuroObject *a, OuroObject *b);
/* Parses s[0..len) like int(s, base); orig (borrowed, may be NULL) is what the error
 * message shows (its repr), else the str of s. */
OuroObject *ou_int_parse(const char *s, size_t len, int base, OuroObject *orig);
/* The work of int.to_bytes (OverflowError when v does not fit length bytes) and
 * int.from_bytes; the methods in intobject.c parse the arguments. */
OuroObject *ou_int_to_bytes_impl(OuroObject *v, int64_t length, bool little, bool is_signed);
OuroObject *ou_int_from_bytes_impl(const unsigned char *p, size_t n, bool little, bool is_signed);

#endif
