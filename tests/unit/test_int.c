/* tests/unit/test_int.c — int: the small-int cache and the two forms, arithmetic at the
 * word/big boundaries and on random bignums, division signs, shifts, bitwise operations,
 * powers, hashing, strings both ways (and the 4300-digit limit), doubles, int(), the
 * methods and allocation failures, against values recorded from CPython 3.11
 * (test_int_data.h, made by gen_int_data.py). */
#include "test.h"
#include "test_int_data.h"
#include "objects/objects.h"
#include <math.h>
#include <stdlib.h>

/* ------------------------------------------------------------------- helpers -- */

static OuroObject *I(const char *s)
{
    OuroObject *o = ouro_int_from_string(s, strlen(s), 10);
    if (!o) {
        printf("#   could not parse %s\n", s);
        ouro_err_clear();
    }
    return o;
}

static double from_bits(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static uint64_t to_bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static int check_repr_line(OuroObject *o, const char *want, int line);

/* repr(o) == want; consumes o (NULL fails and clears the exception). */
#define CHECK_INT_REPR(o, want) check_int_repr((o), (want), __LINE__)
static int check_int_repr(OuroObject *o, const char *want, int line)
{
    if (!o) {
        printf("#   line %d: NULL, expected %.60s\n", line, want);
        OuroObject *e = ouro_err_fetch();
        OuroObject *s = e ? ouro_object_str(e) : NULL;
        printf("#     (%s: %s)\n", e ? OURO_TYPE_NAME(e) : "?", s ? ouro_str_utf8(s) : "?");
        OURO_XDECREF(s);
        OURO_XDECREF(e);
        return CHECK(0);
    }
    int ok = CHECK(ouro_int_check_exact(o)) && check_repr_line(o, want, line);
    OURO_DECREF(o);
    return ok;
}

static int check_repr_line(OuroObject *o, const char *want, int line)
{
    OuroObject *r = ouro_object_repr(o);
    int ok = r && strcmp(ouro_str_utf8(r), want) == 0;
    if (!ok)
        printf("#   line %d: repr %.80s, expected %.80s\n", line, r ? ouro_str_utf8(r) : "(error)",
               want);
    if (!r)
        ouro_err_clear();
    OURO_XDECREF(r);
    return CHECK(ok);
}

/* o is a float equal (bit for bit) to the double of bits b; consumes o. */
#define CHECK_FLOAT_BITS(o, b) check_float_bits((o), (b), __LINE__)
static int check_float_bits(OuroObject *o, uint64_t b, int line)
{
    if (!o || !ouro_float_check(o)) {
        printf("#   line %d: not a float\n", line);
        if (!o)
            ouro_err_clear();
        OURO_XDECREF(o);
        return CHECK(0);
    }
    double d = ouro_float_value(o);
    OURO_DECREF(o);
    if (to_bits(d) != b) {
        printf("#   line %d: %a, expected %a\n", line, d, from_bits(b));
        return CHECK(0);
    }
    return 1;
}

typedef OuroObject *(*binop)(OuroObject *, OuroObject *);

static const OuroMethodDef *method(const char *name)
{
    for (const OuroMethodDef *m = ouro_int_type.tp_methods; m && m->ml_name; m++)
        if (strcmp(m->ml_name, name) == 0)
            return m;
    printf("#   no method %s\n", name);
    abort();
}

static OuroObject *call_noargs(const char *name, OuroObject *self)
{
    const OuroMethodDef *m = method(name);
    CHECK(m->ml_flags == OURO_METH_NOARGS);
    return ((ouro_cfunction)(void (*)(void))m->ml_meth)(self, NULL);
}

/* Calls a FASTCALL|KEYWORDS method: nargs positional, then nkw "name", value pairs. */
static OuroObject *call_kw(const char *name, OuroObject *self, int nargs, int nkw, ...)
{
    const OuroMethodDef *m = method(name);
    OuroObject *args[8], *names[4], *kwnames = NULL, *r;
    va_list ap;
    va_start(ap, nkw);
    for (int i = 0; i < nargs; i++)
        args[i] = va_arg(ap, OuroObject *);
    bool failed = false;
    for (int i = 0; i < nkw; i++) {
        names[i] = ouro_str_from_cstr(va_arg(ap, const char *));
        args[nargs + i] = va_arg(ap, OuroObject *);
        failed |= names[i] == NULL;
    }
    va_end(ap);
    if (nkw && !failed)
        failed = !(kwnames = ouro_tuple_from_array(names, nkw));
    for (int i = 0; i < nkw; i++)
        OURO_XDECREF(names[i]);
    if (failed) /* allocation failure injected into the test's own setup */
        return NULL;
    r = ((ouro_cfunction_fast_kw)(void (*)(void))m->ml_meth)(self, args, nargs, kwnames);
    OURO_XDECREF(kwnames);
    return r;
}

/* int(*args, **{kwname: kwvalue}) through tp_new; args borrowed. */
static OuroObject *int_call(int nargs, OuroObject *a0, OuroObject *a1, const char *kwname,
                            OuroObject *kwvalue)
{
    OuroObject *args = nargs == 0 ? ouro_tuple_new(0) : nargs == 1 ? ouro_tuple_pack(1, a0)
                                                                     : ouro_tuple_pack(2, a0, a1);
    OuroObject *kw = NULL;
    if (!args)
        return NULL;
    if (kwname) {
        kw = ouro_dict_new();
        ouro_dict_set_item_str(kw, kwname, kwvalue);
    }
    OuroObject *r = ouro_int_type.tp_new(&ouro_int_type, args, kw);
    OURO_DECREF(args);
    OURO_XDECREF(kw);
    return r;
}

/* ------------------------------------------------------------- the two forms -- */

static void test_small_int_cache(void)
{
    for (int64_t v = OURO_SMALL_INT_MIN; v <= OURO_SMALL_INT_MAX; v++) {
        OuroObject *a = ouro_int_from_int64(v), *b = ouro_int_from_int64(v);
        CHECK(a == b);
        CHECK(ouro_is_immortal(a));
        CHECK_INT(ouro_int_as_int64(a), v);
        OURO_DECREF(a);
        OURO_DECREF(b);
    }
    CHECK(OURO_TYPE(ouro_int_from_int64(0)) == &ouro_int_type);
    CHECK(OURO_TYPE(ouro_int_from_int64(OURO_SMALL_INT_MIN)) == &ouro_int_type);
    CHECK(OURO_TYPE(ouro_int_from_int64(OURO_SMALL_INT_MAX)) == &ouro_int_type);
    OuroObject *a = ouro_int_from_int64(257), *b = ouro_int_from_int64(257);
    CHECK(a != b);
    CHECK(!ouro_is_immortal(a));
    OURO_DECREF(b);
    /* results of operations are the cached objects, also from the big form */
    OuroObject *c = ouro_int_from_int64(-1);
    OuroObject *r = ouro_number_add(a, c);
    CHECK(r == ouro_int_from_int64(256));
    OURO_DECREF(r);
    OuroObject *big = I("18446744073709551616"), *big2 = I("18446744073709551609");
    r = ouro_number_subtract(big, big2);
    CHECK(r == ouro_int_from_int64(7));
    OURO_DECREF(r);
    r = ouro_number_floor_divide(big, big2);
    CHECK(r == ouro_int_from_int64(1));
    OURO_DECREF(r);
    r = ouro_int_from_string("  -5 ", 5, 10);
    CHECK(r == ouro_int_from_int64(-5));
    OURO_DECREF(r);
    OURO_DECREF(a);
    OURO_DECREF(big);
    OURO_DECREF(big2);
}

static void test_word_and_big_form(void)
{
    OuroObject *w = ouro_int_from_int64(1000);
    CHECK_INT(ouro_object_footprint(w), 16); /* CPython: 28 */
    OURO_DECREF(w);
    w = ouro_int_from_int64(INT64_MAX);
    CHECK_INT(ouro_object_footprint(w), 16);
    CHECK_INT_REPR(w, "9223372036854775807");
    w = ouro_int_from_int64(-INT64_MAX);
    CHECK_INT(ouro_object_footprint(w), 16);
    CHECK_INT_REPR(w, "-9223372036854775807");
    /* -2^63 is big (INT64_MIN marks the big form) but converts back exactly */
    w = ouro_int_from_int64(INT64_MIN);
    CHECK(ouro_object_footprint(w) > 16);
    CHECK_INT(ouro_int_as_int64(w), INT64_MIN);
    CHECK_INT_REPR(w, "-9223372036854775808");
    w = ouro_int_from_uint64(UINT64_MAX);
    CHECK_INT(ouro_int_as_uint64(w), (long long)UINT64_MAX);
    CHECK_INT_REPR(w, "18446744073709551615");
    w = ouro_int_from_uint64(5);
    CHECK(w == ouro_int_from_int64(5));
    w = ouro_int_from_ssize(-77);
    CHECK_INT_REPR(w, "-77");
    /* equal values have one representation: 2^63 - 1 from a big computation is a word */
    OuroObject *a = I("9223372036854775808"), *one = ouro_int_from_int64(1);
    OuroObject *r = ouro_number_subtract(a, one);
    CHECK(r && ouro_object_footprint(r) == 16);
    CHECK_INT(ouro_int_as_int64(r), INT64_MAX);
    OURO_DECREF(r);
    OURO_DECREF(a);
}

/* ----------------------------------------------------------------- arithmetic -- */

static void test_binop_table(void)
{
    static const binop ops[8] = { ouro_number_add, ouro_number_subtract, ouro_number_multiply,
                                  ouro_number_floor_divide, ouro_number_remainder,
                                  ouro_number_and, ouro_number_or, ouro_number_xor };
    static const char *const names[8] = { "+", "-", "*", "//", "%", "&", "|", "^" };
    OuroObject *v[INT_NVALUES];
    for (int i = 0; i < INT_NVALUES; i++)
        v[i] = I(int_values[i]);
    for (int i = 0; i < INT_NVALUES; i++) {
        for (int j = 0; j < INT_NVALUES; j++) {
            for (int k = 0; k < 8; k++) {
                const char *want = int_binop_results[i * INT_NVALUES + j][k];
                OuroObject *r = ops[k](v[i], v[j]);
                if (strcmp(want, "Z") == 0) {
                    CHECK(r == NULL);
                    CHECK_RAISED(&ouro_exc_ZeroDivisionError,
                                 k == 4 ? "integer modulo by zero"
                                        : "integer division or modulo by zero");
                    continue;
                }
                if (!check_int_repr(r, want, __LINE__))
                    printf("#     %s %s %s\n", int_values[i], names[k], int_values[j]);
            }
        }
    }
    for (int i = 0; i < INT_NVALUES; i++)
        OURO_DECREF(v[i]);
}

static void test_divmod_signs(void)
{
    static const struct { int64_t a, b, q, r; } cases[] = {
        { 7, 2, 3, 1 }, { -7, 2, -4, 1 }, { 7, -2, -4, -1 }, { -7, -2, 3, -1 },
        { 6, 3, 2, 0 }, { -6, 3, -2, 0 }, { 0, -3, 0, 0 }, { 1, 5, 0, 1 }, { -1, 5, -1, 4 },
        { INT64_MAX, -1, -INT64_MAX, 0 }, { -INT64_MAX, 2, -4611686018427387904, 1 },
    };
    for (size_t i = 0; i < OU_ARRAY_LEN(cases); i++) {
        OuroObject *a = ouro_int_from_int64(cases[i].a), *b = ouro_int_from_int64(cases[i].b);
        OuroObject *t = ouro_number_divmod(a, b);
        CHECK(t && ouro_tuple_check(t) && OURO_TUPLE_SIZE(t) == 2);
        if (t) {
            CHECK_INT(ouro_int_as_int64(OURO_TUPLE_GET(t, 0)), cases[i].q);
            CHECK_INT(ouro_int_as_int64(OURO_TUPLE_GET(t, 1)), cases[i].r);
        }
        OURO_XDECREF(t);
        OURO_DECREF(a);
        OURO_DECREF(b);
    }
    /* big operands, all four sign combinations: (+-2^64 + 5) divmod (+-7) */
    static const char *const big[][4] = {
        { "18446744073709551621", "7", "2635249153387078803", "0" },
        { "-18446744073709551611", "7", "-2635249153387078802", "3" },
        { "18446744073709551621", "-7", "-2635249153387078803", "0" },
        { "-18446744073709551611", "-7", "2635249153387078801", "-4" },
        { "5", "-18446744073709551616", "-1", "-18446744073709551611" },
        { "-5", "18446744073709551616", "-1", "18446744073709551611" },
        { "-5", "-18446744073709551616", "0", "-5" },
    };
    for (size_t i = 0; i < OU_ARRAY_LEN(big); i++) {
        OuroObject *a = I(big[i][0]), *b = I(big[i][1]);
        OuroObject *t = ouro_number_divmod(a, b);
        if (CHECK(t != NULL)) {
            CHECK_REPR(OURO_TUPLE_GET(t, 0), big[i][2]);
            CHECK_REPR(OURO_TUPLE_GET(t, 1), big[i][3]);
        }
        OURO_XDECREF(t);
        OURO_DECREF(a);
        OURO_DECREF(b);
    }
    OuroObject *one = ouro_int_from_int64(1), *zero = ouro_int_from_int64(0), *bigv = I("99999999999999999999999");
    CHECK(ouro_number_divmod(one, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "integer division or modulo by zero");
    CHECK(ouro_number_floor_divide(bigv, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "integer division or modulo by zero");
    CHECK(ouro_number_remainder(bigv, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "integer modulo by zero");
    CHECK(ouro_number_true_divide(one, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "division by zero");
    CHECK(ouro_number_true_divide(bigv, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "division by zero");
    OURO_DECREF(bigv);
}

static void test_random_muldiv(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_muldiv_cases); i++) {
        const IntMulDivCase *c = &int_muldiv_cases[i];
        OuroObject *a = I(c->a), *b = I(c->b);
        CHECK_INT_REPR(ouro_number_multiply(a, b), c->prod);
        CHECK_INT_REPR(ouro_number_multiply(b, a), c->prod);
        CHECK_INT_REPR(ouro_number_floor_divide(a, b), c->quot);
        CHECK_INT_REPR(ouro_number_remainder(a, b), c->rem);
        /* q * b + r == a */
        OuroObject *q = ouro_number_floor_divide(a, b), *r = ouro_number_remainder(a, b);
        OuroObject *qb = ouro_number_multiply(q, b);
        OuroObject *back = ouro_number_add(qb, r);
        CHECK(back && ouro_object_richcompare_bool(back, a, OURO_EQ) == 1);
        OURO_XDECREF(back);
        OURO_XDECREF(qb);
        OURO_XDECREF(q);
        OURO_XDECREF(r);
        OURO_DECREF(a);
        OURO_DECREF(b);
    }
}

static void test_unary(void)
{
    static const char *const cases[][4] = { /* v, -v, abs(v), ~v */
        { "0", "0", "0", "-1" },
        { "5", "-5", "5", "-6" },
        { "-5", "5", "5", "4" },
        { "9223372036854775807", "-9223372036854775807", "9223372036854775807", "-9223372036854775808" },
        { "-9223372036854775807", "9223372036854775807", "9223372036854775807", "9223372036854775806" },
        { "-9223372036854775808", "9223372036854775808", "9223372036854775808", "9223372036854775807" },
        { "9223372036854775808", "-9223372036854775808", "9223372036854775808", "-9223372036854775809" },
        { "-18446744073709551616", "18446744073709551616", "18446744073709551616", "18446744073709551615" },
    };
    for (size_t i = 0; i < OU_ARRAY_LEN(cases); i++) {
        OuroObject *v = I(cases[i][0]);
        CHECK_INT_REPR(ouro_number_negative(v), cases[i][1]);
        CHECK_INT_REPR(ouro_number_absolute(v), cases[i][2]);
        CHECK_INT_REPR(ouro_number_invert(v), cases[i][3]);
        OuroObject *p = ouro_number_positive(v);
        CHECK(p == v);
        OURO_XDECREF(p);
        CHECK_INT(ouro_object_is_true(v), strcmp(cases[i][0], "0") != 0);
        OURO_DECREF(v);
    }
}

static void test_shifts(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_shift_cases); i++) {
        const IntShiftCase *c = &int_shift_cases[i];
        OuroObject *a = I(c->a), *n = ouro_int_from_int64(c->n);
        CHECK_INT_REPR(ouro_number_lshift(a, n), c->lshift);
        CHECK_INT_REPR(ouro_number_rshift(a, n), c->rshift);
        OURO_DECREF(a);
        OURO_DECREF(n);
    }
    OuroObject *one = ouro_int_from_int64(1), *m1 = ouro_int_from_int64(-1), *zero = ouro_int_from_int64(0);
    OuroObject *huge = I("1180591620717411303424"), *neg = I("-1180591620717411303424");
    CHECK(ouro_number_lshift(one, m1) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "negative shift count");
    CHECK(ouro_number_rshift(one, m1) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "negative shift count");
    CHECK(ouro_number_rshift(one, neg) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "negative shift count");
    CHECK(ouro_number_lshift(one, huge) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "too many digits in integer");
    CHECK_INT_REPR(ouro_number_lshift(zero, huge), "0");
    CHECK_INT_REPR(ouro_number_rshift(one, huge), "0");
    CHECK_INT_REPR(ouro_number_rshift(m1, huge), "-1");
    CHECK_INT_REPR(ouro_number_rshift(neg, huge), "-1");
    /* 1 << 2**62 would need 2^59 bytes */
    OuroObject *n62 = I("4611686018427387904");
    CHECK(ouro_number_lshift(one, n62) == NULL);
    CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    OURO_DECREF(n62);
    OURO_DECREF(huge);
    OURO_DECREF(neg);
}

static void test_pow(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_pow_cases); i++) {
        const IntPowCase *c = &int_pow_cases[i];
        OuroObject *a = I(c->a), *b = I(c->b), *m = c->m ? I(c->m) : NULL;
        OuroObject *r = ouro_number_power(a, b, m);
        if (strncmp(c->result, "E:", 2) == 0) {
            CHECK(r == NULL);
            CHECK_RAISED(&ouro_exc_ValueError, c->result + 2);
        } else if (strncmp(c->result, "float:", 6) == 0) {
            CHECK_FLOAT_BITS(r, to_bits(strtod(c->result + 6, NULL)));
        } else if (!check_int_repr(r, c->result, __LINE__)) {
            printf("#     pow(%s, %s, %s)\n", c->a, c->b, c->m ? c->m : "None");
        }
        OURO_DECREF(a);
        OURO_DECREF(b);
        OURO_XDECREF(m);
    }
    OuroObject *zero = ouro_int_from_int64(0), *m1 = ouro_int_from_int64(-1), *two = ouro_int_from_int64(2);
    CHECK(ouro_number_power(zero, m1, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    CHECK(ouro_number_power(two, two, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "pow() 3rd argument cannot be 0");
    /* (2**1030) ** -1: the base does not convert to float */
    OuroObject *b = I("11505858978721410159126472627422776902649887574393380025961588736000");
    OuroObject *big = ouro_number_power(b, ouro_int_from_int64(20), NULL);
    CHECK(ouro_number_power(big, m1, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "int too large to convert to float");
    OURO_XDECREF(big);
    OURO_DECREF(b);
    /* 7 ** 500 against its decimal string */
    OuroObject *seven = ouro_int_from_int64(7), *e = ouro_int_from_int64(500);
    OuroObject *p = ouro_number_power(seven, e, NULL);
    OuroObject *s = p ? ouro_object_repr(p) : NULL;
    CHECK(s && ouro_str_length(s) == 423);
    CHECK(s && strncmp(ouro_str_utf8(s), "3540136494495259314262794429906", 31) == 0);
    OURO_XDECREF(s);
    OURO_XDECREF(p);
    OURO_DECREF(e);
    /* hopeless sizes fail fast with MemoryError instead of computing for hours */
    OuroObject *ehuge = I("100000000000000000000");
    CHECK(ouro_number_power(seven, ehuge, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    CHECK_INT_REPR(ouro_number_power(m1, ehuge, NULL), "1");
    CHECK_INT_REPR(ouro_number_power(zero, ehuge, NULL), "0");
    OURO_DECREF(ehuge);
    OURO_DECREF(seven);
}

/* ----------------------------------------------------------- hashing, compare -- */

static void test_hash(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_hash_cases); i++) {
        OuroObject *v = I(int_hash_cases[i].v);
        CHECK_INT(ouro_object_hash(v), int_hash_cases[i].hash);
        CHECK_INT(ouro_int_hash_value(v), int_hash_cases[i].hash);
        OURO_DECREF(v);
    }
    /* hash(1) == hash(1.0) == hash(True) */
    OuroObject *one = ouro_int_from_int64(1), *f = ouro_float_from_double(1.0);
    CHECK_INT(ouro_object_hash(one), ouro_object_hash(f));
    CHECK_INT(ouro_object_hash(one), ouro_object_hash(OURO_TRUE));
    OURO_DECREF(f);
    OuroObject *big = I("1267650600228229401496703205376"); /* 2**100 */
    f = ouro_float_from_double(ldexp(1.0, 100));
    CHECK_INT(ouro_object_hash(big), ouro_object_hash(f));
    OURO_DECREF(f);
    OURO_DECREF(big);
}

static void test_richcompare(void)
{
    static const char *const sorted[] = {
        "-1267650600228229401496703205376", "-18446744073709551616", "-9223372036854775808",
        "-9223372036854775807", "-4294967296", "-1", "0", "1", "4294967296",
        "9223372036854775807", "9223372036854775808", "18446744073709551616",
        "1267650600228229401496703205376",
    };
    size_t n = OU_ARRAY_LEN(sorted);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            OuroObject *a = I(sorted[i]), *b = I(sorted[j]);
            CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_LT), i < j);
            CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_LE), i <= j);
            CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_EQ), i == j);
            CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_NE), i != j);
            CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_GT), i > j);
            CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_GE), i >= j);
            OURO_DECREF(a);
            OURO_DECREF(b);
        }
    }
    /* a non-int operand: the slot answers NotImplemented, == falls back to identity */
    OuroObject *one = ouro_int_from_int64(1), *s = ouro_str_from_cstr("1");
    OuroObject *r = ouro_int_type.tp_richcompare(one, s, OURO_EQ);
    CHECK(r == OURO_NOTIMPLEMENTED);
    OURO_DECREF(r);
    CHECK_INT(ouro_object_richcompare_bool(one, s, OURO_EQ), 0);
    CHECK(ouro_object_richcompare_bool(one, s, OURO_LT) == -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'int' and 'str'");
    r = ouro_int_type.tp_as_number->nb_add(one, s);
    CHECK(r == OURO_NOTIMPLEMENTED);
    OURO_DECREF(r);
    CHECK(ouro_number_add(one, s) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for +: 'int' and 'str'");
    OURO_DECREF(s);
}

/* ------------------------------------------------------------------- strings -- */

static void test_str_roundtrip(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_str_cases); i++) {
        const IntStrCase *c = &int_str_cases[i];
        OuroObject *v = I(c->dec), *s;
        CHECK_REPR(v, c->dec);
        s = ouro_object_str(v);
        CHECK_STR(s ? ouro_str_utf8(s) : NULL, c->dec);
        OURO_XDECREF(s);
        s = ouro_int_to_base(v, 16, true);
        CHECK_STR(s ? ouro_str_utf8(s) : NULL, c->hex);
        OURO_XDECREF(s);
        s = ouro_int_to_base(v, 8, true);
        CHECK_STR(s ? ouro_str_utf8(s) : NULL, c->oct);
        OURO_XDECREF(s);
        s = ouro_int_to_base(v, 2, true);
        CHECK_STR(s ? ouro_str_utf8(s) : NULL, c->bin);
        OURO_XDECREF(s);
        /* and back: int(hex, 0), int(oct, 0), int(bin, 0) */
        const char *forms[] = { c->hex, c->oct, c->bin };
        for (int k = 0; k < 3; k++) {
            OuroObject *back = ouro_int_from_string(forms[k], strlen(forms[k]), 0);
            CHECK(back && ouro_object_richcompare_bool(back, v, OURO_EQ) == 1);
            OURO_XDECREF(back);
        }
        OURO_DECREF(v);
    }
    OuroObject *v = ouro_int_from_int64(-31), *s = ouro_int_to_base(v, 16, true);
    CHECK_STR(ouro_str_utf8(s), "-0x1f");
    OURO_DECREF(s);
    s = ouro_int_to_base(v, 16, false);
    CHECK_STR(ouro_str_utf8(s), "-1f");
    OURO_DECREF(s);
    s = ouro_int_to_base(ouro_int_from_int64(0), 2, true);
    CHECK_STR(ouro_str_utf8(s), "0b0");
    OURO_DECREF(s);
    s = ouro_int_to_base(ouro_int_from_int64(5), 10, true);
    CHECK_STR(ouro_str_utf8(s), "5");
    OURO_DECREF(s);
    OURO_DECREF(v);
}

static void test_parse(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_parse_cases); i++) {
        const IntParseCase *c = &int_parse_cases[i];
        OuroObject *r = ouro_int_from_string(c->s, c->len, c->base);
        if (strncmp(c->result, "E:", 2) == 0) {
            if (!CHECK(r == NULL))
                OURO_DECREF(r);
            else if (!CHECK_RAISED(&ouro_exc_ValueError, c->result + 2))
                printf("#     case %zu\n", i);
        } else if (!check_int_repr(r, c->result, __LINE__)) {
            printf("#     case %zu: int(%s, %d)\n", i, c->s, c->base);
        }
    }
    CHECK(ouro_int_from_string("12", 2, 1) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    CHECK(ouro_int_from_string("12", 2, 37) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    CHECK(ouro_int_from_string("12", 2, -1) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
}

/* A string of n copies of c. Caller frees. */
static char *repeat(char c, size_t n)
{
    char *s = malloc(n + 1);
    memset(s, c, n);
    s[n] = 0;
    return s;
}

static void test_str_digits_limit(void)
{
    CHECK_INT(ou_objstate()->int_max_str_digits, 4300); /* CPython's default */
    char *s = repeat('1', 4301);
    OuroObject *v = ouro_int_from_string(s, 4300, 10);
    CHECK(v != NULL);
    CHECK(v && ouro_int_bit_length(v) == 14282);
    OuroObject *r = v ? ouro_object_repr(v) : NULL;
    CHECK(r && ouro_str_length(r) == 4300);
    OURO_XDECREF(r);
    OURO_XDECREF(v);
    CHECK(ouro_int_from_string(s, 4301, 10) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "Exceeds the limit (4300 digits) for integer string "
                 "conversion: value has 4301 digits; use sys.set_int_max_str_digits() to "
                 "increase the limit");
    /* the limit is checked before the trailing junk */
    free(s);
    s = repeat('1', 4302);
    s[4301] = 'x';
    CHECK(ouro_int_from_string(s, 4302, 10) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "Exceeds the limit (4300 digits) for integer string "
                 "conversion: value has 4301 digits; use sys.set_int_max_str_digits() to "
                 "increase the limit");
    s[4300] = 'x';
    CHECK(ouro_int_from_string(s, 4301, 10) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, NULL); /* 4300 digits: an invalid literal */
    free(s);
    /* output: 10**4300 has 4301 digits */
    OuroObject *ten = ouro_int_from_int64(10), *e = ouro_int_from_int64(4300);
    OuroObject *p = ouro_number_power(ten, e, NULL);
    CHECK(ouro_object_repr(p) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "Exceeds the limit (4300 digits) for integer string "
                 "conversion; use sys.set_int_max_str_digits() to increase the limit");
    CHECK(ouro_object_str(p) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, NULL);
    /* power-of-two bases have no limit, in either direction */
    r = ouro_int_to_base(p, 16, true);
    CHECK(r && ouro_str_length(r) == 3574);
    OuroObject *back = r ? ouro_int_from_string(ouro_str_utf8(r), (size_t)ouro_str_byte_length(r), 16) : NULL;
    CHECK(back && ouro_object_richcompare_bool(back, p, OURO_EQ) == 1);
    OURO_XDECREF(back);
    OURO_XDECREF(r);
    /* a much larger value is refused before the conversion */
    OuroObject *e2 = ouro_int_from_int64(100000);
    OuroObject *p2 = ouro_number_power(ten, e2, NULL);
    CHECK(ouro_object_repr(p2) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, NULL);
    /* 0: no limit */
    ou_objstate()->int_max_str_digits = 0;
    r = ouro_object_repr(p);
    CHECK(r && ouro_str_length(r) == 4301 && ouro_str_utf8(r)[0] == '1');
    back = r ? ouro_int_from_string(ouro_str_utf8(r), 4301, 10) : NULL;
    CHECK(back && ouro_object_richcompare_bool(back, p, OURO_EQ) == 1);
    OURO_XDECREF(back);
    OURO_XDECREF(r);
    ou_objstate()->int_max_str_digits = 4300;
    OURO_XDECREF(p);
    OURO_XDECREF(p2);
    OURO_DECREF(e);
    OURO_DECREF(e2);
}

/* -------------------------------------------------------------------- doubles -- */

static void test_as_double(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_double_cases); i++) {
        const IntDoubleCase *c = &int_double_cases[i];
        OuroObject *v = I(c->v);
        double d = ouro_int_as_double(v);
        if (c->overflow) {
            CHECK(d == -1.0);
            CHECK_RAISED(&ouro_exc_OverflowError, "int too large to convert to float");
            CHECK(ouro_int_type.tp_as_number->nb_float(v) == NULL);
            CHECK_RAISED(&ouro_exc_OverflowError, "int too large to convert to float");
        } else {
            if (!CHECK(to_bits(d) == c->bits))
                printf("#     float(%s) = %a, expected %a\n", c->v, d, from_bits(c->bits));
            CHECK_FLOAT_BITS(ouro_int_type.tp_as_number->nb_float(v), c->bits);
        }
        OURO_DECREF(v);
    }
}

static void test_from_double(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_from_double_cases); i++) {
        const IntFromDoubleCase *c = &int_from_double_cases[i];
        CHECK_INT_REPR(ouro_int_from_double(from_bits(c->dbits)), c->v);
    }
    CHECK(ouro_int_from_double(NAN) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "cannot convert float NaN to integer");
    CHECK(ouro_int_from_double(INFINITY) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot convert float infinity to integer");
    CHECK(ouro_int_from_double(-INFINITY) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot convert float infinity to integer");
}

static void test_true_divide(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_truediv_cases); i++) {
        const IntTrueDivCase *c = &int_truediv_cases[i];
        OuroObject *a = I(c->a), *b = I(c->b);
        OuroObject *r = ouro_number_true_divide(a, b);
        if (c->overflow) {
            CHECK(r == NULL);
            CHECK_RAISED(&ouro_exc_OverflowError, "integer division result too large for a float");
        } else if (!check_float_bits(r, c->bits, __LINE__)) {
            printf("#     case %zu\n", i);
        }
        OURO_DECREF(a);
        OURO_DECREF(b);
    }
}

static void test_compare_double(void)
{
    for (size_t i = 0; i < OU_ARRAY_LEN(int_cmpdouble_cases); i++) {
        const IntCmpDoubleCase *c = &int_cmpdouble_cases[i];
        OuroObject *v = I(c->v);
        if (!CHECK_INT(ouro_int_compare_double(v, from_bits(c->dbits)), c->cmp))
            printf("#     %s vs %a\n", c->v, from_bits(c->dbits));
        OURO_DECREF(v);
    }
    OuroObject *v = ouro_int_from_int64(3), *big = I("-1267650600228229401496703205376");
    CHECK_INT(ouro_int_compare_double(v, NAN), 2);
    CHECK_INT(ouro_int_compare_double(big, NAN), 2);
    CHECK_INT(ouro_int_compare_double(big, -INFINITY), 1);
    OURO_DECREF(v);
    OURO_DECREF(big);
}

/* ---------------------------------------------------------------- C values -- */

static void test_c_conversions(void)
{
    OuroObject *v = I("9223372036854775807");
    CHECK_INT(ouro_int_as_int64(v), INT64_MAX);
    OURO_DECREF(v);
    v = I("9223372036854775808");
    CHECK_INT(ouro_int_as_int64(v), -1);
    CHECK_RAISED(&ouro_exc_OverflowError, "Python int too large to convert to C long");
    int overflow;
    CHECK_INT(ouro_int_as_int64_and_overflow(v, &overflow), -1);
    CHECK_INT(overflow, 1);
    CHECK(!ouro_err_occurred());
    CHECK_INT(ouro_int_as_ssize(v), -1);
    CHECK_RAISED(&ouro_exc_OverflowError, "Python int too large to convert to C ssize_t");
    CHECK(ouro_int_as_uint64(v) == ((uint64_t)1 << 63));
    CHECK_INT(ouro_int_sign(v), 1);
    CHECK_INT(ouro_int_bit_length(v), 64);
    OURO_DECREF(v);
    v = I("-9223372036854775809");
    CHECK_INT(ouro_int_as_int64_and_overflow(v, &overflow), -1);
    CHECK_INT(overflow, -1);
    CHECK(ouro_int_as_uint64(v) == (uint64_t)-1);
    CHECK_RAISED(&ouro_exc_OverflowError, "can't convert negative int to unsigned");
    CHECK_INT(ouro_int_sign(v), -1);
    CHECK_INT(ouro_int_bit_length(v), 64);
    OURO_DECREF(v);
    v = I("18446744073709551616");
    CHECK(ouro_int_as_uint64(v) == (uint64_t)-1);
    CHECK_RAISED(&ouro_exc_OverflowError, "int too big to convert");
    CHECK_INT(ouro_int_bit_length(v), 65);
    OURO_DECREF(v);
    CHECK_INT(ouro_int_as_int64_and_overflow(ouro_int_from_int64(-5), &overflow), -5);
    CHECK_INT(overflow, 0);
    CHECK_INT(ouro_int_sign(ouro_int_from_int64(0)), 0);
    CHECK_INT(ouro_int_bit_length(ouro_int_from_int64(0)), 0);
    v = ouro_int_from_int64(-256);
    CHECK_INT(ouro_int_bit_length(v), 9);
    OURO_DECREF(v);
    /* non-ints go through __index__ */
    OuroObject *s = ouro_str_from_cstr("5");
    CHECK_INT(ouro_int_as_int64(s), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'str' object cannot be interpreted as an integer");
    OURO_DECREF(s);
    CHECK_INT(ouro_int_as_int64(OURO_TRUE), 1);
}

/* ---------------------------------------------------------------------- int() -- */

static void test_int_new(void)
{
    OuroObject *s = ouro_str_from_cstr(" 0x1F "), *b16 = ouro_int_from_int64(16);
    OuroObject *b0 = ouro_int_from_int64(0), *b1 = ouro_int_from_int64(1);
    CHECK_INT_REPR(int_call(0, NULL, NULL, NULL, NULL), "0");
    CHECK_INT_REPR(int_call(2, s, b16, NULL, NULL), "31");
    CHECK_INT_REPR(int_call(2, s, b0, NULL, NULL), "31");
    CHECK_INT_REPR(int_call(1, s, NULL, "base", b16), "31");
    CHECK(int_call(1, s, NULL, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "invalid literal for int() with base 10: ' 0x1F '");
    CHECK(int_call(2, s, b1, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    CHECK(int_call(2, b16, b1, NULL, NULL) == NULL); /* the base is checked first */
    CHECK_RAISED(&ouro_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    CHECK(int_call(2, b16, b16, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "int() can't convert non-string with explicit base");
    CHECK(int_call(2, s, b16, "base", b16) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "int() takes at most 2 arguments (3 given)");
    CHECK(int_call(1, s, NULL, "x", b16) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'x' is an invalid keyword argument for int()");
    CHECK(int_call(0, NULL, NULL, "base", b16) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "int() missing string argument");
    CHECK(int_call(1, b16, NULL, "base", b16) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "int() can't convert non-string with explicit base");
    OuroObject *f = ouro_float_from_double(-2.75);
    CHECK_INT_REPR(int_call(1, f, NULL, NULL, NULL), "-2");
    CHECK(int_call(2, s, f, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'float' object cannot be interpreted as an integer");
    OURO_DECREF(f);
    f = ouro_float_from_double(1e20);
    CHECK_INT_REPR(int_call(1, f, NULL, NULL, NULL), "100000000000000000000");
    OURO_DECREF(f);
    f = ouro_float_from_double(NAN);
    CHECK(int_call(1, f, NULL, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "cannot convert float NaN to integer");
    OURO_DECREF(f);
    CHECK(int_call(1, OURO_NONE, NULL, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "int() argument must be a string, a bytes-like object or "
                 "a real number, not 'NoneType'");
    CHECK(int_call(2, s, OURO_NONE, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'NoneType' object cannot be interpreted as an integer");
    /* int(True) is the exact int 1 */
    OuroObject *r = int_call(1, OURO_TRUE, NULL, NULL, NULL);
    CHECK(r == ouro_int_from_int64(1));
    OURO_XDECREF(r);
    OuroObject *big = I("-123456789012345678901234567890");
    r = int_call(1, big, NULL, NULL, NULL);
    CHECK(r == big);
    OURO_XDECREF(r);
    OURO_DECREF(big);
    /* bytes, with their own repr in the message */
    OuroObject *by = ouro_bytes_from_data("  -42\n", 6);
    CHECK_INT_REPR(int_call(1, by, NULL, NULL, NULL), "-42");
    OURO_DECREF(by);
    by = ouro_bytes_from_data("0x\xff", 3);
    CHECK(int_call(2, by, b0, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "invalid literal for int() with base 0: b'0x\\xff'");
    OURO_DECREF(by);
    by = ouro_bytes_from_data("\xd9\xa1", 2); /* no Unicode digits in bytes */
    CHECK(int_call(1, by, NULL, NULL, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "invalid literal for int() with base 10: b'\\xd9\\xa1'");
    OURO_DECREF(by);
    OuroObject *u = ouro_str_from_cstr("\xd9\xa1\xd9\xa2"); /* Arabic-Indic 12 */
    CHECK_INT_REPR(int_call(1, u, NULL, NULL, NULL), "12");
    OURO_DECREF(u);
    OURO_DECREF(s);
}

/* -------------------------------------------------------------------- methods -- */

static void test_to_bytes(void)
{
    OuroObject *big = ouro_str_from_cstr("big"), *little = ouro_str_from_cstr("little");
    for (size_t i = 0; i < OU_ARRAY_LEN(int_to_bytes_cases); i++) {
        const IntToBytesCase *c = &int_to_bytes_cases[i];
        OuroObject *v = I(c->v), *len = ouro_int_from_int64(c->length);
        OuroObject *r = call_kw("to_bytes", v, 2, 1, len, c->little ? little : big, "signed",
                                c->is_signed ? OURO_TRUE : OURO_FALSE);
        if (strncmp(c->hex, "E:", 2) == 0) {
            CHECK(r == NULL);
            CHECK_RAISED(&ouro_exc_OverflowError, c->hex + 2);
        } else if (CHECK(r && ouro_bytes_check(r))) {
            char hex[256] = "";
            const unsigned char *p = (const unsigned char *)ouro_bytes_data(r);
            for (ouro_ssize k = 0; k < ouro_bytes_length(r); k++)
                snprintf(hex + 2 * k, 3, "%02x", p[k]);
            if (!CHECK_STR(hex, c->hex))
                printf("#     (%s).to_bytes(%d)\n", c->v, c->length);
            /* and back */
            OuroObject *back = call_kw("from_bytes", (OuroObject *)&ouro_int_type, 2, 1, r,
                                       c->little ? little : big, "signed",
                                       c->is_signed ? OURO_TRUE : OURO_FALSE);
            CHECK(back && ouro_object_richcompare_bool(back, v, OURO_EQ) == 1);
            OURO_XDECREF(back);
        }
        OURO_XDECREF(r);
        OURO_DECREF(v);
        OURO_DECREF(len);
    }
    /* defaults: length=1, byteorder='big'; keywords */
    OuroObject *five = ouro_int_from_int64(5), *two = ouro_int_from_int64(2), *m1 = ouro_int_from_int64(-1);
    OuroObject *r = call_kw("to_bytes", five, 0, 0);
    CHECK(r && ouro_bytes_length(r) == 1 && ouro_bytes_data(r)[0] == 5);
    OURO_XDECREF(r);
    r = call_kw("to_bytes", five, 0, 2, "byteorder", little, "length", two);
    CHECK(r && ouro_bytes_length(r) == 2 && memcmp(ouro_bytes_data(r), "\x05\x00", 2) == 0);
    OURO_XDECREF(r);
    CHECK(call_kw("to_bytes", five, 3, 0, two, big, OURO_TRUE) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "to_bytes() takes at most 2 positional arguments (3 given)");
    CHECK(call_kw("to_bytes", five, 1, 1, two, "length", two) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "argument for to_bytes() given by name ('length') and position (1)");
    CHECK(call_kw("to_bytes", five, 1, 1, two, "foo", two) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'foo' is an invalid keyword argument for to_bytes()");
    CHECK(call_kw("to_bytes", five, 2, 0, two, two) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not int");
    OuroObject *mid = ouro_str_from_cstr("mid");
    CHECK(call_kw("to_bytes", five, 2, 0, two, mid) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "byteorder must be either 'little' or 'big'");
    OURO_DECREF(mid);
    CHECK(call_kw("to_bytes", five, 1, 0, m1) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "length argument must be non-negative");
    CHECK(call_kw("to_bytes", five, 1, 0, big) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'str' object cannot be interpreted as an integer");
    /* from_bytes errors and defaults */
    OuroObject *by = ouro_bytes_from_data("\x01\x00", 2);
    CHECK_INT_REPR(call_kw("from_bytes", (OuroObject *)&ouro_int_type, 1, 0, by), "256");
    CHECK_INT_REPR(call_kw("from_bytes", (OuroObject *)&ouro_int_type, 2, 0, by, little), "1");
    CHECK(call_kw("from_bytes", (OuroObject *)&ouro_int_type, 0, 0) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    CHECK(call_kw("from_bytes", (OuroObject *)&ouro_int_type, 1, 0, five) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "cannot convert 'int' object to bytes");
    CHECK(call_kw("from_bytes", (OuroObject *)&ouro_int_type, 1, 0, big) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "cannot convert 'str' object to bytes");
    OuroObject *empty = ouro_bytes_from_data("", 0);
    CHECK_INT_REPR(call_kw("from_bytes", (OuroObject *)&ouro_int_type, 1, 1, empty, "signed", OURO_TRUE), "0");
    OURO_DECREF(empty);
    OURO_DECREF(by);
    OURO_DECREF(big);
    OURO_DECREF(little);
    OURO_DECREF(five);
}

static void test_methods(void)
{
    OuroObject *v = I("-1000000000000000000000000000000"); /* -10**30 */
    CHECK_INT_REPR(call_noargs("bit_length", v), "100");
    CHECK_INT_REPR(call_noargs("bit_count", v), "37");
    CHECK_INT_REPR(call_noargs("conjugate", v), "-1000000000000000000000000000000");
    CHECK_INT_REPR(call_noargs("__trunc__", v), "-1000000000000000000000000000000");
    OuroObject *t = call_noargs("as_integer_ratio", v);
    CHECK_REPR(t, "(-1000000000000000000000000000000, 1)");
    OURO_XDECREF(t);
    t = call_noargs("__getnewargs__", v);
    CHECK_REPR(t, "(-1000000000000000000000000000000,)");
    OURO_XDECREF(t);
    OURO_DECREF(v);
    CHECK_INT_REPR(call_noargs("bit_count", ouro_int_from_int64(-5)), "2");
    CHECK_INT_REPR(call_noargs("bit_length", ouro_int_from_int64(0)), "0");
    t = call_noargs("as_integer_ratio", OURO_TRUE);
    CHECK_REPR(t, "(1, 1)");
    CHECK(t && OURO_TUPLE_GET(t, 0) == ouro_int_from_int64(1));
    OURO_XDECREF(t);
    CHECK_INT_REPR(call_noargs("__sizeof__", ouro_int_from_int64(7)), "16");

    /* __round__ */
    const OuroMethodDef *m = method("__round__");
    ouro_cfunction_fast round_fn = (ouro_cfunction_fast)(void (*)(void))m->ml_meth;
    static const struct { const char *v; int nd; const char *r; } rc[] = {
        { "5", -1, "0" }, { "15", -1, "20" }, { "25", -1, "20" }, { "-15", -1, "-20" },
        { "-25", -1, "-20" }, { "1250", -2, "1200" }, { "1350", -2, "1400" }, { "1351", -2, "1400" },
        { "5", 2, "5" }, { "5", -100, "0" }, { "123456789012345678901234567890", -20,
                                                "123456789000000000000000000000" },
        { "150000000000000000000", -20, "200000000000000000000" },
        { "-250000000000000000000", -20, "-200000000000000000000" },
    };
    for (size_t i = 0; i < OU_ARRAY_LEN(rc); i++) {
        OuroObject *x = I(rc[i].v), *nd = ouro_int_from_int64(rc[i].nd);
        CHECK_INT_REPR(round_fn(x, &nd, 1), rc[i].r);
        OURO_DECREF(x);
        OURO_DECREF(nd);
    }
    OuroObject *x = ouro_int_from_int64(17);
    CHECK_INT_REPR(round_fn(x, NULL, 0), "17");
    OuroObject *args[2] = { x, x };
    CHECK(round_fn(x, args, 2) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "__round__ expected at most 1 argument, got 2");
    args[0] = OURO_NONE;
    CHECK(round_fn(x, args, 1) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'NoneType' object cannot be interpreted as an integer");
    OURO_DECREF(x);
}

static void test_getset(void)
{
    OuroObject *v = I("-98765432109876543210");
    for (const OuroGetSetDef *g = ouro_int_type.tp_getset; g->name; g++) {
        OuroObject *r = g->get(v, g->closure);
        if (strcmp(g->name, "imag") == 0)
            CHECK_INT_REPR(r, "0");
        else if (strcmp(g->name, "denominator") == 0)
            CHECK_INT_REPR(r, "1");
        else
            CHECK_INT_REPR(r, "-98765432109876543210");
        CHECK(g->set == NULL);
    }
    OURO_DECREF(v);
    const OuroGetSetDef *g = ouro_int_type.tp_getset; /* real of True is the int 1 */
    OuroObject *r = g->get(OURO_TRUE, g->closure);
    CHECK(r == ouro_int_from_int64(1));
    OURO_XDECREF(r);
}

/* -------------------------------------------------------- allocation failures -- */

typedef OuroObject *(*opfn)(void *ctx);

/* Runs op with the n-th allocation failing, n = 1, 2, ... until it succeeds: every failure
 * must be a MemoryError (leaks are caught by the harness). Returns the result. */
static OuroObject *until_success(opfn op, void *ctx, const char *what)
{
    for (uint64_t n = 1; n < 100000; n++) {
        ouro_mem_fail_after(n, 0);
        OuroObject *r = op(ctx);
        ouro_mem_fail_after(0, 0);
        if (r)
            return r;
        if (!CHECK(ouro_err_matches(&ouro_exc_MemoryError))) {
            printf("#   %s: allocation %llu failed without MemoryError\n", what,
                   (unsigned long long)n);
            ouro_err_clear();
            return NULL;
        }
        ouro_err_clear();
    }
    return NULL;
}

typedef struct { OuroObject *a, *b, *m; const char *s; int base; } OpCtx;
static OuroObject *f_mul(void *c) { return ouro_number_multiply(((OpCtx *)c)->a, ((OpCtx *)c)->b); }
static OuroObject *f_add(void *c) { return ouro_number_add(((OpCtx *)c)->a, ((OpCtx *)c)->b); }
static OuroObject *f_divmod(void *c) { return ouro_number_divmod(((OpCtx *)c)->a, ((OpCtx *)c)->b); }
static OuroObject *f_floordiv(void *c) { return ouro_number_floor_divide(((OpCtx *)c)->a, ((OpCtx *)c)->b); }
static OuroObject *f_truediv(void *c) { return ouro_number_true_divide(((OpCtx *)c)->a, ((OpCtx *)c)->b); }
static OuroObject *f_pow(void *c) { return ouro_number_power(((OpCtx *)c)->a, ((OpCtx *)c)->b, ((OpCtx *)c)->m); }
static OuroObject *f_and(void *c) { return ouro_number_and(((OpCtx *)c)->a, ((OpCtx *)c)->b); }
static OuroObject *f_lshift(void *c) { return ouro_number_lshift(((OpCtx *)c)->a, ((OpCtx *)c)->b); }
static OuroObject *f_rshift(void *c) { return ouro_number_rshift(((OpCtx *)c)->a, ((OpCtx *)c)->b); }
static OuroObject *f_invert(void *c) { return ouro_number_invert(((OpCtx *)c)->a); }
static OuroObject *f_repr(void *c) { return ouro_object_repr(((OpCtx *)c)->a); }
static OuroObject *f_hex(void *c) { return ouro_int_to_base(((OpCtx *)c)->a, 16, true); }
static OuroObject *f_parse(void *c) { return ouro_int_from_string(((OpCtx *)c)->s, strlen(((OpCtx *)c)->s), ((OpCtx *)c)->base); }
static OuroObject *f_from_double(void *c) { (void)c; return ouro_int_from_double(-1e300); }
static OuroObject *f_to_bytes(void *c)
{
    OuroObject *n = ouro_int_from_int64(40), *r;
    r = call_kw("to_bytes", ((OpCtx *)c)->a, 1, 1, n, "signed", OURO_TRUE);
    OURO_DECREF(n);
    return r;
}
static OuroObject *f_round(void *c)
{
    OuroObject *nd = ouro_int_from_int64(-20);
    if (!nd)
        return NULL;
    const OuroMethodDef *m = method("__round__");
    OuroObject *r = ((ouro_cfunction_fast)(void (*)(void))m->ml_meth)(((OpCtx *)c)->a, &nd, 1);
    OURO_DECREF(nd);
    return r;
}
static OuroObject *f_new(void *c)
{
    OuroObject *s = ouro_str_from_cstr(((OpCtx *)c)->s), *r;
    if (!s)
        return NULL;
    r = int_call(1, s, NULL, NULL, NULL);
    OURO_DECREF(s);
    return r;
}

static void test_failure_injection(void)
{
    const char *big1 = "-1234567890123456789012345678901234567890123456789012345678901234567890";
    const char *big2 = "98765432109876543210987654321";
    OpCtx c = { I(big1), I(big2), NULL, NULL, 10 };
    OuroObject *r;
    r = until_success(f_mul, &c, "mul");
    CHECK_INT_REPR(r, "-121932631137021795226185032733744855963374485596337448559633744855963362292333223746380111126352690");
    r = until_success(f_add, &c, "add");
    CHECK_INT_REPR(r, "-1234567890123456789012345678901234567890024691356902469135690246913569");
    r = until_success(f_divmod, &c, "divmod");
    CHECK_REPR(r, "(-12499999886093750001423828124994702148324, 18150800401815080038946940114)");
    OURO_XDECREF(r);
    r = until_success(f_floordiv, &c, "floordiv");
    CHECK_INT_REPR(r, "-12499999886093750001423828124994702148324");
    r = until_success(f_truediv, &c, "truediv");
    CHECK_FLOAT_BITS(r, 0xc8425dfa344b406eull);
    r = until_success(f_and, &c, "and");
    CHECK_INT_REPR(r, "91607869866933831340008670240");
    r = until_success(f_invert, &c, "invert");
    CHECK_INT_REPR(r, "1234567890123456789012345678901234567890123456789012345678901234567889");
    r = until_success(f_repr, &c, "repr");
    CHECK(r && strcmp(ouro_str_utf8(r), big1) == 0);
    OURO_XDECREF(r);
    r = until_success(f_hex, &c, "hex");
    CHECK(r && strcmp(ouro_str_utf8(r), "-0x2dcaec4c2df4268937664439ba2f162fc2d76998cbaccff196ce3f0ad2") == 0);
    OURO_XDECREF(r);
    r = until_success(f_to_bytes, &c, "to_bytes");
    CHECK(r && ouro_bytes_check(r) && ouro_bytes_length(r) == 40);
    OURO_XDECREF(r);
    r = until_success(f_round, &c, "round");
    CHECK_INT_REPR(r, "-1234567890123456789012345678901234567890123456789000000000000000000000");
    OURO_DECREF(c.b);
    c.b = ouro_int_from_int64(77);
    r = until_success(f_lshift, &c, "lshift");
    CHECK_INT_REPR(r, "-186562624804675431649148177450994817745099481774509948177450994817745080825512029480634286080");
    r = until_success(f_rshift, &c, "rshift");
    CHECK_INT_REPR(r, "-8169684988724959616293304364001120616441101133");
    OURO_DECREF(c.b);
    c.b = I("1000");
    c.m = I("-170141183460469231731687303715884105727"); /* -(2**127 - 1) */
    r = until_success(f_pow, &c, "powmod");
    CHECK_INT_REPR(r, "-28809028145559629083813990645918269238");
    OURO_DECREF(c.b);
    c.b = I("-1");
    r = until_success(f_pow, &c, "invmod");
    CHECK_INT_REPR(r, "-116316415943585514562142434801890241278");
    OURO_DECREF(c.m);
    c.m = NULL;
    OURO_DECREF(c.b);
    c.b = I("7");
    r = until_success(f_pow, &c, "pow");
    CHECK(r && ouro_int_bit_length(r) == 1607);
    OURO_XDECREF(r);
    r = until_success(f_from_double, &c, "from_double");
    CHECK(r && ouro_int_compare_double(r, -1e300) == 0);
    OURO_XDECREF(r);
    c.s = "123456789012345678901234567890123456789012345678901234567890";
    r = until_success(f_parse, &c, "parse");
    CHECK_INT_REPR(r, "123456789012345678901234567890123456789012345678901234567890");
    c.s = "0x123456789abcdef0123456789abcdef";
    c.base = 0;
    r = until_success(f_parse, &c, "parse hex");
    CHECK_INT_REPR(r, "1512366075204170929049582354406559215");
    /* an invalid literal: MemoryError until the error message can be built */
    c.s = "\xd9\xa1 not a number";
    c.base = 10;
    for (uint64_t n = 1;; n++) {
        ouro_mem_fail_after(n, 0);
        r = f_parse(&c);
        ouro_mem_fail_after(0, 0);
        CHECK(r == NULL);
        if (!ouro_err_matches(&ouro_exc_MemoryError)) {
            CHECK_RAISED(&ouro_exc_ValueError, "invalid literal for int() with base 10: '\xd9\xa1 not a number'");
            break;
        }
        ouro_err_clear();
    }
    c.s = "\xd9\xa1\xd9\xa2" "345678901234567890123";
    r = until_success(f_new, &c, "int(str)");
    CHECK_INT_REPR(r, "12345678901234567890123");
    OURO_DECREF(c.a);
    OURO_DECREF(c.b);
}

int main(void)
{
    th_begin("int");
    RUN(test_small_int_cache);
    RUN(test_word_and_big_form);
    RUN(test_binop_table);
    RUN(test_divmod_signs);
    RUN(test_random_muldiv);
    RUN(test_unary);
    RUN(test_shifts);
    RUN(test_pow);
    RUN(test_hash);
    RUN(test_richcompare);
    RUN(test_str_roundtrip);
    RUN(test_parse);
    RUN(test_str_digits_limit);
    RUN(test_as_double);
    RUN(test_from_double);
    RUN(test_true_divide);
    RUN(test_compare_double);
    RUN(test_c_conversions);
    RUN(test_int_new);
    RUN(test_to_bytes);
    RUN(test_methods);
    RUN(test_getset);
    RUN(test_failure_injection);
    return th_end();
}
