/* tests/unit/test_float.c — float: repr, parsing, hashing, comparison with ints, arithmetic,
 * round() and the methods, against values recorded from CPython 3.11 (test_float_data.h,
 * made by gen_float_data.py), plus error messages and allocation failures. */
#include "test.h"
#include "test_float_data.h"
#include <math.h>
#include <stdlib.h>

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

/* Same double, bit for bit (so -0.0 != 0.0), or both NaN. */
static int same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || to_bits(a) == to_bits(b);
}

#define CHECK_DOUBLE(a, b) check_double((a), (b), #a, __LINE__)
static int check_double(double a, double b, const char *ea, int line)
{
    if (same_double(a, b))
        return 1;
    printf("#   line %d: %s is %.17g (%a), expected %.17g (%a)\n", line, ea, a, a, b, b);
    return CHECK(0);
}

/* o is a float with value want (bit for bit); consumes o. */
#define CHECK_FLOAT(o, want) check_float((o), (want), __LINE__)
static int check_float(OuroObject *o, double want, int line)
{
    int ok;
    if (!o) {
        printf("#   line %d: expected %.17g, got an error\n", line, want);
        ouro_err_print();
        return CHECK(0);
    }
    ok = OURO_IS_TYPE(o, &ouro_float_type) && same_double(ouro_float_value(o), want);
    if (!ok)
        printf("#   line %d: got %s %.17g, expected %.17g\n", line, OURO_TYPE_NAME(o),
               ouro_float_check(o) ? ouro_float_value(o) : 0.0, want);
    OURO_DECREF(o);
    return CHECK(ok);
}

static OuroObject *F(double v)
{
    OuroObject *o = ouro_float_from_double(v);
    CHECK(o != NULL);
    return o;
}

static OuroObject *I(int64_t v)
{
    OuroObject *o = ouro_int_from_int64(v);
    CHECK(o != NULL);
    return o;
}

static OuroObject *S(const char *s)
{
    OuroObject *o = ouro_str_from_cstr(s);
    CHECK(o != NULL);
    return o;
}

/* Calls the method name of float (self: an instance, or the type for classmethods). */
static OuroObject *call_method(OuroObject *self, const char *name, OuroObject *const *args,
                               ouro_ssize nargs)
{
    for (const OuroMethodDef *m = ouro_float_type.tp_methods; m && m->ml_name; m++) {
        if (strcmp(m->ml_name, name) != 0)
            continue;
        int kind = m->ml_flags & ~OURO_METH_CLASS;
        if (kind == OURO_METH_NOARGS && nargs == 0)
            return ((ouro_cfunction)m->ml_meth)(self, NULL);
        if (kind == OURO_METH_O && nargs == 1)
            return ((ouro_cfunction)m->ml_meth)(self, args[0]);
        if (kind == OURO_METH_FASTCALL)
            return ((ouro_cfunction_fast)m->ml_meth)(self, args, nargs);
        CHECK(!"bad argument count for the method's convention");
        return NULL;
    }
    printf("#   no method %s\n", name);
    CHECK(0);
    return NULL;
}

static OuroObject *call0(OuroObject *self, const char *name)
{
    return call_method(self, name, NULL, 0);
}

static OuroObject *getset(OuroObject *self, const char *name)
{
    for (const OuroGetSetDef *g = ouro_float_type.tp_getset; g && g->name; g++)
        if (strcmp(g->name, name) == 0)
            return g->get(self, g->closure);
    CHECK(0);
    return NULL;
}

/* float(*args): type call through tp_new. */
static OuroObject *float_call(ouro_ssize nargs, OuroObject *arg)
{
    OuroObject *args = nargs ? ouro_tuple_pack(1, arg) : ouro_tuple_new(0);
    if (!args)
        return NULL;
    OuroObject *r = ouro_object_call((OuroObject *)&ouro_float_type, args, NULL);
    OURO_DECREF(args);
    return r;
}

/* --------------------------------------------------------------------- basics -- */

static void test_create(void)
{
    OuroObject *f = F(1.5);
    CHECK(ouro_float_check(f));
    CHECK(OURO_IS_TYPE(f, &ouro_float_type));
    CHECK_STR(OURO_TYPE_NAME(f), "float");
    CHECK_DOUBLE(ouro_float_value(f), 1.5);
    CHECK_INT(sizeof(OuroFloat), 16);
    CHECK(ouro_object_footprint(f) <= 16);
    CHECK(!ouro_gc_is_tracked(f));
    CHECK(ouro_type_has_flag(&ouro_float_type, OURO_TPFLAG_BASETYPE));
    CHECK(!ouro_type_has_flag(&ouro_float_type, OURO_TPFLAG_GC));
    OURO_DECREF(f);
    OuroObject *i = I(3);
    CHECK(!ouro_float_check(i));
    OURO_DECREF(i);
}

/* ----------------------------------------------------------------------- repr -- */

static void test_repr_table(void)
{
    for (size_t k = 0; k < sizeof float_repr_cases / sizeof *float_repr_cases; k++) {
        const FloatReprCase *c = &float_repr_cases[k];
        double v = from_bits(c->bits);
        char buf[32];
        size_t n = ouro_float_format_repr(v, buf, sizeof buf);
        if (!CHECK_STR(buf, c->repr) || !CHECK_INT(n, strlen(c->repr)))
            printf("#   (case %zu, bits 0x%016llx)\n", k, (unsigned long long)c->bits);
        OuroObject *f = F(v);
        CHECK_REPR(f, c->repr);
        OuroObject *s = ouro_object_str(f);
        CHECK(s && strcmp(ouro_str_utf8(s), c->repr) == 0);
        OURO_XDECREF(s);
        OURO_DECREF(f);
    }
}

static void test_repr_specials(void)
{
    char buf[32];
    OuroObject *r = ouro_float_repr_double(NAN);
    CHECK_STR(ouro_str_utf8(r), "nan");
    OURO_DECREF(r);
    ouro_float_format_repr(-NAN, buf, sizeof buf);
    CHECK_STR(buf, "nan");
    ouro_float_format_repr(-0.0, buf, sizeof buf);
    CHECK_STR(buf, "-0.0");
    ouro_float_format_repr(-HUGE_VAL, buf, sizeof buf);
    CHECK_STR(buf, "-inf");
    /* The switch points of the layout. */
    ouro_float_format_repr(1e16, buf, sizeof buf);
    CHECK_STR(buf, "1e+16");
    ouro_float_format_repr(1e15, buf, sizeof buf);
    CHECK_STR(buf, "1000000000000000.0");
    ouro_float_format_repr(1e-5, buf, sizeof buf);
    CHECK_STR(buf, "1e-05");
    ouro_float_format_repr(0.0001, buf, sizeof buf);
    CHECK_STR(buf, "0.0001");
    ouro_float_format_repr(1.5e300, buf, sizeof buf);
    CHECK_STR(buf, "1.5e+300");
    /* A short buffer gets a truncated, terminated prefix; the full length is returned. */
    CHECK_INT(ouro_float_format_repr(123.25, buf, 4), 6);
    CHECK_STR(buf, "123");
    CHECK_INT(ouro_float_format_repr(-1.2345678901234567e-308, buf, sizeof buf), 24);
    CHECK_STR(buf, "-1.2345678901234567e-308");
}

/* -------------------------------------------------------------------- parsing -- */

static void test_parse_table(void)
{
    for (size_t k = 0; k < sizeof float_parse_cases / sizeof *float_parse_cases; k++) {
        const FloatParseCase *c = &float_parse_cases[k];
        OuroObject *f = ouro_float_from_string(c->text, c->len);
        if (c->ok) {
            if (!CHECK(f != NULL)) {
                printf("#   (case %zu: '%s')\n", k, c->text);
                ouro_err_clear();
                continue;
            }
            double v = ouro_float_value(f);
            if (c->bits == 0x7ff8000000000000ull)
                CHECK(isnan(v));
            else if (!CHECK(to_bits(v) == c->bits))
                printf("#   (case %zu: '%s' gave %.17g)\n", k, c->text, v);
            OURO_DECREF(f);
        } else {
            if (!CHECK(f == NULL)) {
                printf("#   (case %zu: '%s' was accepted)\n", k, c->text);
                OURO_DECREF(f);
                continue;
            }
            CHECK_RAISED(&ouro_exc_ValueError, c->msg);
        }
    }
}

/* Every repr reads back as the same double. */
static void test_parse_round_trip(void)
{
    for (size_t k = 0; k < sizeof float_repr_cases / sizeof *float_repr_cases; k++) {
        const FloatReprCase *c = &float_repr_cases[k];
        OuroObject *f = ouro_float_from_string(c->repr, strlen(c->repr));
        if (!CHECK(f && to_bits(ouro_float_value(f)) == c->bits))
            printf("#   (%s)\n", c->repr);
        OURO_XDECREF(f);
    }
    /* A long literal: parsed through a heap buffer. */
    char big[1200];
    memset(big, '0', sizeof big);
    big[0] = ' ';
    big[1] = '0';
    big[2] = '.';
    memcpy(big + 1100, "15e+1098  ", 10);
    CHECK_FLOAT(ouro_float_from_string(big, 1110), 1.5);
}

static void test_parse_not_utf8(void)
{
    /* Not text: quoted as bytes, as float(b'\xff') does. */
    CHECK(ouro_float_from_string("\xff" "1", 2) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "could not convert string to float: b'\\xff1'");
}

/* ----------------------------------------------------------------------- hash -- */

static void test_hash_table(void)
{
    for (size_t k = 0; k < sizeof float_repr_cases / sizeof *float_repr_cases; k++) {
        const FloatReprCase *c = &float_repr_cases[k];
        OuroObject *f = F(from_bits(c->bits));
        if (!CHECK(ouro_object_hash(f) == c->hash))
            printf("#   hash(%s) = %lld, expected %lld\n", c->repr,
                   (long long)ouro_object_hash(f), (long long)c->hash);
        OURO_DECREF(f);
    }
}

static void test_hash_values(void)
{
    CHECK_INT(ouro_float_hash_double(0.5, NULL), 1152921504606846976LL);
    CHECK_INT(ouro_float_hash_double(1.5, NULL), 1152921504606846977LL);
    CHECK_INT(ouro_float_hash_double(-0.0, NULL), 0);
    CHECK_INT(ouro_float_hash_double(1e100, NULL), 1822893315824342674LL);
    CHECK_INT(ouro_float_hash_double(ldexp(1.0, 70), NULL), 512);
    CHECK_INT(ouro_float_hash_double(-1.0, NULL), -2);
    CHECK_INT(ouro_float_hash_double(-2.5, NULL), -1152921504606846978LL);
    CHECK_INT(ouro_float_hash_double(HUGE_VAL, NULL), 314159);
    CHECK_INT(ouro_float_hash_double(-HUGE_VAL, NULL), -314159);
    /* NaN hashes by identity. */
    OuroObject *n = F(NAN);
    CHECK_INT(ouro_object_hash(n), ouro_hash_pointer(n));
    OURO_DECREF(n);
    /* hash(x) == hash(int(x)) for integral x, and hash(1.0) == hash(1) == hash(True). */
    static const double integral[] = { 0.0, 1.0, -1.0, -2.0, 1e15, -123456789.0, 9007199254740993.0,
                                       1e100, -1e300, 1.7976931348623157e308, 4611686018427387904.0 };
    for (size_t k = 0; k < sizeof integral / sizeof *integral; k++) {
        OuroObject *f = F(integral[k]), *i = ouro_int_from_double(integral[k]);
        CHECK(i != NULL);
        if (!CHECK(ouro_object_hash(f) == ouro_object_hash(i)))
            printf("#   hash(%.17g) != hash(int)\n", integral[k]);
        OURO_DECREF(f);
        OURO_XDECREF(i);
    }
    OuroObject *one = F(1.0);
    CHECK(ouro_object_hash(one) == ouro_object_hash(OURO_TRUE));
    OURO_DECREF(one);
}

/* ----------------------------------------------------------------- comparison -- */

static int cmp(OuroObject *a, OuroObject *b, int op)
{
    int r = ouro_object_richcompare_bool(a, b, op);
    CHECK(r >= 0);
    return r;
}

static void test_compare_floats(void)
{
    OuroObject *a = F(1.5), *b = F(2.5), *n = F(NAN), *z = F(0.0), *nz = F(-0.0);
    CHECK(cmp(a, b, OURO_LT) == 1 && cmp(a, b, OURO_LE) == 1 && cmp(a, b, OURO_GT) == 0);
    CHECK(cmp(a, b, OURO_GE) == 0 && cmp(a, b, OURO_EQ) == 0 && cmp(a, b, OURO_NE) == 1);
    CHECK(cmp(z, nz, OURO_EQ) == 1);
    /* NaN: unordered, unequal even to itself (but identity wins for containers' EQ). */
    OuroObject *r = ouro_object_richcompare(n, n, OURO_EQ);
    CHECK(r == OURO_FALSE);
    OURO_XDECREF(r);
    r = ouro_object_richcompare(n, n, OURO_NE);
    CHECK(r == OURO_TRUE);
    OURO_XDECREF(r);
    CHECK(cmp(n, a, OURO_LT) == 0 && cmp(n, a, OURO_GE) == 0 && cmp(a, n, OURO_LE) == 0);
    CHECK(cmp(n, n, OURO_EQ) == 1); /* identity, as PyObject_RichCompareBool */
    OURO_DECREF(a);
    OURO_DECREF(b);
    OURO_DECREF(n);
    OURO_DECREF(z);
    OURO_DECREF(nz);
}

static void test_compare_ints(void)
{
    /* 2**53 + 1 is not a double: the comparison must not round it. */
    OuroObject *big = I(((int64_t)1 << 53) + 1), *f = F(9007199254740992.0);
    CHECK(cmp(big, f, OURO_GT) == 1);
    CHECK(cmp(f, big, OURO_LT) == 1);
    CHECK(cmp(f, big, OURO_EQ) == 0);
    CHECK(cmp(f, big, OURO_NE) == 1);
    OURO_DECREF(big);
    big = I((int64_t)1 << 53);
    CHECK(cmp(f, big, OURO_EQ) == 1 && cmp(big, f, OURO_GE) == 1 && cmp(f, big, OURO_LE) == 1);
    OURO_DECREF(big);
    OURO_DECREF(f);

    /* 10**400 is beyond every double but +inf. */
    char digits[402];
    digits[0] = '1';
    memset(digits + 1, '0', 400);
    digits[401] = '\0';
    OuroObject *huge = ouro_int_from_string(digits, 401, 10);
    OuroObject *max = F(1.7976931348623157e308), *inf = F(HUGE_VAL), *ninf = F(-HUGE_VAL);
    OuroObject *nan = F(NAN), *one = I(1), *half = F(0.5), *minus = F(-0.5);
    CHECK(huge != NULL);
    CHECK(cmp(max, huge, OURO_LT) == 1 && cmp(huge, max, OURO_GT) == 1);
    CHECK(cmp(max, huge, OURO_EQ) == 0);
    CHECK(cmp(inf, huge, OURO_GT) == 1 && cmp(ninf, huge, OURO_LT) == 1);
    CHECK(cmp(huge, inf, OURO_LT) == 1);
    CHECK(cmp(nan, one, OURO_EQ) == 0 && cmp(nan, one, OURO_NE) == 1);
    CHECK(cmp(nan, one, OURO_LT) == 0 && cmp(one, nan, OURO_GE) == 0);
    CHECK(cmp(half, one, OURO_LT) == 1 && cmp(minus, OURO_FALSE, OURO_LT) == 1);
    OuroObject *onef = F(1.0);
    CHECK(cmp(onef, one, OURO_EQ) == 1 && cmp(onef, OURO_TRUE, OURO_EQ) == 1);
    OURO_DECREF(onef);
    OURO_XDECREF(huge);
    OURO_DECREF(max);
    OURO_DECREF(inf);
    OURO_DECREF(ninf);
    OURO_DECREF(nan);
    OURO_DECREF(one);
    OURO_DECREF(half);
    OURO_DECREF(minus);
}

static void test_compare_other(void)
{
    OuroObject *f = F(1.5), *s = S("a");
    CHECK(ouro_object_richcompare_bool(f, s, OURO_EQ) == 0);
    CHECK(ouro_object_richcompare_bool(f, s, OURO_NE) == 1);
    CHECK(ouro_object_richcompare(f, s, OURO_LT) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'float' and 'str'");
    OURO_DECREF(f);
    OURO_DECREF(s);
}

/* ----------------------------------------------------------------- arithmetic -- */

typedef OuroObject *(*binop)(OuroObject *, OuroObject *);

/* op(a, b) for doubles a and b; consumes nothing. */
static OuroObject *fop(binop op, double a, double b)
{
    OuroObject *x = F(a), *y = F(b);
    OuroObject *r = x && y ? op(x, y) : NULL;
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    return r;
}

static void test_arith_basic(void)
{
    CHECK_FLOAT(fop(ouro_number_add, 0.1, 0.2), 0.30000000000000004);
    CHECK_FLOAT(fop(ouro_number_subtract, 1.0, 3.5), -2.5);
    CHECK_FLOAT(fop(ouro_number_multiply, 1e308, 10.0), HUGE_VAL); /* no OverflowError */
    CHECK_FLOAT(fop(ouro_number_true_divide, 1.0, 3.0), 1.0 / 3.0);
    CHECK_FLOAT(fop(ouro_number_true_divide, -1.0, HUGE_VAL), -0.0);
    CHECK_FLOAT(fop(ouro_number_add, -0.0, -0.0), -0.0);
    CHECK_FLOAT(fop(ouro_number_subtract, 0.0, 0.0), 0.0);

    CHECK(fop(ouro_number_true_divide, 1.0, 0.0) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "float division by zero");
    CHECK(fop(ouro_number_true_divide, 1.0, -0.0) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "float division by zero");
    CHECK(fop(ouro_number_floor_divide, 1.0, 0.0) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "float floor division by zero");
    CHECK(fop(ouro_number_remainder, 1.0, -0.0) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "float modulo");
    CHECK(fop(ouro_number_divmod, 1.0, 0.0) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "float divmod()");
}

static void test_arith_mixed(void)
{
    OuroObject *f = F(1.5), *i = I(2), *s = S("a"), *r;
    CHECK_FLOAT(ouro_number_add(f, i), 3.5);
    CHECK_FLOAT(ouro_number_add(i, f), 3.5);
    CHECK_FLOAT(ouro_number_subtract(i, f), 0.5);
    CHECK_FLOAT(ouro_number_multiply(OURO_TRUE, f), 1.5);
    CHECK_FLOAT(ouro_number_true_divide(i, f), 2.0 / 1.5);
    CHECK_FLOAT(ouro_number_floor_divide(f, i), 0.0);
    CHECK_FLOAT(ouro_number_remainder(i, f), 0.5);
    CHECK_FLOAT(ouro_number_power(i, f, NULL), pow(2.0, 1.5));
    CHECK_FLOAT(ouro_number_power(f, i, NULL), 2.25);
    OuroObject *zero = I(0);
    CHECK(ouro_number_true_divide(f, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "float division by zero");
    OURO_DECREF(zero);

    CHECK(ouro_number_add(f, s) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for +: 'float' and 'str'");
    CHECK(ouro_number_true_divide(s, f) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for /: 'str' and 'float'");
    /* The slot itself answers NotImplemented to what it does not know. */
    r = ouro_float_type.tp_as_number->nb_add(f, s);
    CHECK(r == OURO_NOTIMPLEMENTED);
    OURO_XDECREF(r);

    /* An int too large for a double cannot mix with a float. */
    OuroObject *one = I(1), *shift = I(1024);
    OuroObject *big = ouro_number_lshift(one, shift);
    CHECK(big != NULL);
    CHECK(ouro_number_add(big, f) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "int too large to convert to float");
    CHECK(ouro_number_true_divide(f, big) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "int too large to convert to float");
    OURO_XDECREF(big);
    OURO_DECREF(one);
    OURO_DECREF(shift);
    OURO_DECREF(f);
    OURO_DECREF(i);
    OURO_DECREF(s);
}

static void test_divmod_table(void)
{
    for (size_t k = 0; k < sizeof float_divmod_cases / sizeof *float_divmod_cases; k++) {
        const FloatDivModCase *c = &float_divmod_cases[k];
        double a = from_bits(c->a), b = from_bits(c->b);
        double m = from_bits(c->mod), q = from_bits(c->floordiv);
        int ok = 1;
        OuroObject *r = fop(ouro_number_remainder, a, b);
        ok &= r && same_double(ouro_float_value(r), m);
        OURO_XDECREF(r);
        r = fop(ouro_number_floor_divide, a, b);
        ok &= r && same_double(ouro_float_value(r), q);
        OURO_XDECREF(r);
        r = fop(ouro_number_divmod, a, b);
        ok &= r && ouro_tuple_check(r) && OURO_TUPLE_SIZE(r) == 2 &&
              same_double(ouro_float_value(OURO_TUPLE_GET(r, 0)), q) &&
              same_double(ouro_float_value(OURO_TUPLE_GET(r, 1)), m);
        OURO_XDECREF(r);
        if (!CHECK(ok))
            printf("#   divmod(%.17g, %.17g): expected (%.17g, %.17g)\n", a, b, q, m);
    }
    /* The sign rules, spelled out. */
    CHECK_FLOAT(fop(ouro_number_remainder, -0.0, 1.0), 0.0);
    CHECK_FLOAT(fop(ouro_number_remainder, 0.0, -1.0), -0.0);
    CHECK_FLOAT(fop(ouro_number_remainder, 7.5, -2.0), -0.5);
    CHECK_FLOAT(fop(ouro_number_remainder, -1.0, HUGE_VAL), HUGE_VAL);
    CHECK_FLOAT(fop(ouro_number_floor_divide, -0.0, 1.0), -0.0);
    CHECK_FLOAT(fop(ouro_number_floor_divide, -7.5, 2.0), -4.0);
    OuroObject *r = fop(ouro_number_divmod, 0.0, -1.0);
    CHECK_REPR(r, "(-0.0, -0.0)");
    OURO_XDECREF(r);
    r = fop(ouro_number_divmod, -0.0, 1.0);
    CHECK_REPR(r, "(-0.0, 0.0)");
    OURO_XDECREF(r);
}

static void test_pow_table(void)
{
    for (size_t k = 0; k < sizeof float_pow_cases / sizeof *float_pow_cases; k++) {
        const FloatPowCase *c = &float_pow_cases[k];
        double a = from_bits(c->a), b = from_bits(c->b), want = from_bits(c->result);
        OuroObject *x = F(a), *y = F(b);
        OuroObject *r = ouro_number_power(x, y, NULL);
        if (!CHECK(r && same_double(ouro_float_value(r), want)))
            printf("#   %.17g ** %.17g: got %.17g, expected %.17g\n", a, b,
                   r ? ouro_float_value(r) : -1.0, want);
        if (!r)
            ouro_err_clear();
        OURO_XDECREF(r);
        OURO_DECREF(x);
        OURO_DECREF(y);
    }
}

static void test_pow_errors(void)
{
    OuroObject *zero = F(0.0), *nzero = F(-0.0), *m1 = F(-1.0), *m8 = F(-8.0), *third = F(1.0 / 3);
    OuroObject *half = F(0.5), *ten = F(10.0), *big = F(400.0), *mbig = F(-1e300), *three = F(3.0);
    OuroObject *five = I(5);
    CHECK(ouro_number_power(zero, m1, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    CHECK(ouro_number_power(nzero, m1, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    OuroObject *mhalf = F(-1.5);
    CHECK(ouro_number_power(zero, mhalf, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    OURO_DECREF(mhalf);
    /* A negative base to a fractional power gives a complex, as in CPython. */
    OuroObject *c = ouro_number_power(m8, third, NULL);
    CHECK(c && ouro_complex_check(c) && ouro_complex_real(c) == 1.0000000000000002 &&
          ouro_complex_imag(c) == 1.7320508075688772);
    OURO_XDECREF(c);
    c = ouro_number_power(m1, half, NULL);
    CHECK(c && ouro_complex_check(c) && ouro_complex_real(c) == 6.123233995736766e-17 &&
          ouro_complex_imag(c) == 1.0);
    OURO_XDECREF(c);
    CHECK(ouro_number_power(ten, big, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "(34, 'Numerical result out of range')");
    CHECK(ouro_number_power(mbig, three, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "(34, 'Numerical result out of range')");
    CHECK(ouro_number_power(ten, three, five) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
    CHECK_FLOAT(ouro_number_power(ten, three, OURO_NONE), 1000.0);
    OURO_DECREF(zero);
    OURO_DECREF(nzero);
    OURO_DECREF(m1);
    OURO_DECREF(m8);
    OURO_DECREF(third);
    OURO_DECREF(half);
    OURO_DECREF(ten);
    OURO_DECREF(big);
    OURO_DECREF(mbig);
    OURO_DECREF(three);
    OURO_DECREF(five);
}

static void test_unary(void)
{
    OuroObject *f = F(-1.5), *z = F(0.0), *nz = F(-0.0), *n = F(NAN), *r;
    CHECK_FLOAT(ouro_number_negative(f), 1.5);
    CHECK_FLOAT(ouro_number_negative(z), -0.0);
    CHECK_FLOAT(ouro_number_absolute(f), 1.5);
    CHECK_FLOAT(ouro_number_absolute(nz), 0.0);
    r = ouro_number_positive(f);
    CHECK(r == f); /* an exact float is its own +x */
    OURO_XDECREF(r);
    CHECK_INT(ouro_object_is_true(f), 1);
    CHECK_INT(ouro_object_is_true(z), 0);
    CHECK_INT(ouro_object_is_true(nz), 0);
    CHECK_INT(ouro_object_is_true(n), 1);

    const OuroNumberMethods *nb = ouro_float_type.tp_as_number;
    r = nb->nb_float(f);
    CHECK(r == f);
    OURO_XDECREF(r);
    CHECK_REPR(r = nb->nb_int(f), "-1");
    OURO_XDECREF(r);
    OuroObject *e300 = F(1e300);
    r = nb->nb_int(e300);
    CHECK_REPR(r, "10000000000000000525047602552044202487044685811081591549158541155118024579889081"
                  "95786371375080447864043704443832883878176942523235360430575644792184786706982848"
                  "38720092657580373783023379478809005936895323497079994508111903896764088007465274"
                  "2780142494579258788820056842838115669472196386865459400540160");
    OURO_XDECREF(r);
    CHECK(nb->nb_int(n) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "cannot convert float NaN to integer");
    OuroObject *inf = F(-HUGE_VAL);
    CHECK(nb->nb_int(inf) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot convert float infinity to integer");
    OURO_DECREF(inf);
    OURO_DECREF(e300);
    OURO_DECREF(f);
    OURO_DECREF(z);
    OURO_DECREF(nz);
    OURO_DECREF(n);
}

/* -------------------------------------------------------------------- methods -- */

static void test_round_table(void)
{
    for (size_t k = 0; k < sizeof float_round_cases / sizeof *float_round_cases; k++) {
        const FloatRoundCase *c = &float_round_cases[k];
        OuroObject *x = F(from_bits(c->x)), *nd = I(c->ndigits);
        OuroObject *r = call_method(x, "__round__", &nd, 1);
        double want = from_bits(c->result);
        if (!CHECK(r && OURO_IS_TYPE(r, &ouro_float_type) &&
                   same_double(ouro_float_value(r), want)))
            printf("#   round(%.17g, %d): got %.17g, expected %.17g\n", from_bits(c->x),
                   c->ndigits, r ? ouro_float_value(r) : -1.0, want);
        if (!r)
            ouro_err_clear();
        OURO_XDECREF(r);
        OURO_DECREF(x);
        OURO_DECREF(nd);
    }
}

static void check_round_int(double x, const char *want)
{
    OuroObject *f = F(x), *r = call0(f, "__round__");
    if (!CHECK(r && ouro_int_check(r)))
        printf("#   round(%.17g) is not an int\n", x);
    CHECK_REPR(r, want);
    OURO_XDECREF(r);
    OuroObject *none = OURO_NONE;
    r = call_method(f, "__round__", &none, 1);
    CHECK_REPR(r, want);
    OURO_XDECREF(r);
    OURO_DECREF(f);
}

static void test_round(void)
{
    check_round_int(0.5, "0");
    check_round_int(1.5, "2");
    check_round_int(2.5, "2");
    check_round_int(-2.5, "-2");
    check_round_int(3.5, "4");
    check_round_int(-0.4, "0");
    check_round_int(2.675, "3");
    check_round_int(1e20, "100000000000000000000");
    check_round_int(4503599627370497.0, "4503599627370497");

    OuroObject *f = F(2.675), *two = I(2), *r;
    CHECK_FLOAT(call_method(f, "__round__", &two, 1), 2.67);
    OuroObject *bad = F(2.0);
    CHECK(call_method(f, "__round__", &bad, 1) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'float' object cannot be interpreted as an integer");
    OuroObject *args[2] = { two, two };
    CHECK(call_method(f, "__round__", args, 2) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "__round__ expected at most 1 argument, got 2");
    OURO_DECREF(bad);

    /* Huge ndigits clip; non-finite values round to themselves or fail without ndigits. */
    OuroObject *digits = ouro_int_from_string("100000000000000000000", 21, 10);
    CHECK_FLOAT(call_method(f, "__round__", &digits, 1), 2.675);
    OURO_XDECREF(digits);
    digits = ouro_int_from_string("-100000000000000000000", 22, 10);
    OuroObject *neg = F(-2.675);
    CHECK_FLOAT(call_method(neg, "__round__", &digits, 1), -0.0);
    OURO_XDECREF(digits);
    OURO_DECREF(neg);
    OuroObject *inf = F(HUGE_VAL), *nan = F(NAN);
    CHECK_FLOAT(call_method(inf, "__round__", &two, 1), HUGE_VAL);
    r = call_method(nan, "__round__", &two, 1);
    CHECK(r && isnan(ouro_float_value(r)));
    OURO_XDECREF(r);
    CHECK(call0(inf, "__round__") == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot convert float infinity to integer");
    CHECK(call0(nan, "__round__") == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "cannot convert float NaN to integer");
    OuroObject *max = F(1.7976931348623157e308), *m308 = I(-308);
    CHECK(call_method(max, "__round__", &m308, 1) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "rounded value too large to represent");
    OURO_DECREF(max);
    OURO_DECREF(m308);
    OURO_DECREF(inf);
    OURO_DECREF(nan);
    OURO_DECREF(f);
    OURO_DECREF(two);
}

static void test_trunc_floor_ceil(void)
{
    static const struct { double x; const char *trunc, *floor, *ceil; } cases[] = {
        { 2.5, "2", "2", "3" },
        { -2.5, "-2", "-3", "-2" },
        { -0.0, "0", "0", "0" },
        { 0.999, "0", "0", "1" },
        { -1e-300, "0", "-1", "0" },
        { 1e16, "10000000000000000", "10000000000000000", "10000000000000000" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        OuroObject *f = F(cases[k].x), *r;
        CHECK_REPR(r = call0(f, "__trunc__"), cases[k].trunc);
        OURO_XDECREF(r);
        CHECK_REPR(r = call0(f, "__floor__"), cases[k].floor);
        OURO_XDECREF(r);
        CHECK_REPR(r = call0(f, "__ceil__"), cases[k].ceil);
        OURO_XDECREF(r);
        OURO_DECREF(f);
    }
    OuroObject *nan = F(NAN), *inf = F(HUGE_VAL);
    CHECK(call0(nan, "__floor__") == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "cannot convert float NaN to integer");
    CHECK(call0(inf, "__ceil__") == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot convert float infinity to integer");
    CHECK(call0(inf, "__trunc__") == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot convert float infinity to integer");
    OURO_DECREF(nan);
    OURO_DECREF(inf);
}

static void test_as_integer_ratio(void)
{
    static const struct { double x; const char *ratio; } cases[] = {
        { 0.1, "(3602879701896397, 36028797018963968)" },
        { -0.0, "(0, 1)" },
        { 0.0, "(0, 1)" },
        { -2.5, "(-5, 2)" },
        { 3.0, "(3, 1)" },
        { 1e22, "(10000000000000000000000, 1)" },
        { 9007199254740993.0, "(9007199254740992, 1)" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        OuroObject *f = F(cases[k].x), *r = call0(f, "as_integer_ratio");
        CHECK_REPR(r, cases[k].ratio);
        OURO_XDECREF(r);
        OURO_DECREF(f);
    }
    /* 5e-324 == 1 / 2**1074: the denominator is past any double. */
    OuroObject *tiny = F(5e-324), *r = call0(tiny, "as_integer_ratio");
    CHECK(r && ouro_tuple_check(r));
    if (r) {
        CHECK_REPR(OURO_TUPLE_GET(r, 0), "1");
        CHECK_INT(ouro_int_bit_length(OURO_TUPLE_GET(r, 1)), 1075);
    }
    OURO_XDECREF(r);
    OURO_DECREF(tiny);
    OuroObject *big = F(1e300);
    r = call0(big, "as_integer_ratio");
    CHECK(r && ouro_tuple_check(r));
    if (r)
        CHECK_REPR(OURO_TUPLE_GET(r, 1), "1");
    OURO_XDECREF(r);
    OURO_DECREF(big);
    OuroObject *inf = F(-HUGE_VAL), *nan = F(NAN);
    CHECK(call0(inf, "as_integer_ratio") == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot convert Infinity to integer ratio");
    CHECK(call0(nan, "as_integer_ratio") == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "cannot convert NaN to integer ratio");
    OURO_DECREF(inf);
    OURO_DECREF(nan);
}

static void test_hex(void)
{
    for (size_t k = 0; k < sizeof float_hex_cases / sizeof *float_hex_cases; k++) {
        OuroObject *f = F(from_bits(float_hex_cases[k].bits)), *r = call0(f, "hex");
        if (!CHECK(r && strcmp(ouro_str_utf8(r), float_hex_cases[k].hex) == 0))
            printf("#   hex: %s, expected %s\n", r ? ouro_str_utf8(r) : "(error)",
                   float_hex_cases[k].hex);
        OURO_XDECREF(r);
        OURO_DECREF(f);
    }
    OuroObject *inf = F(-HUGE_VAL), *r = call0(inf, "hex");
    CHECK(r && strcmp(ouro_str_utf8(r), "-inf") == 0);
    OURO_XDECREF(r);
    OURO_DECREF(inf);
}

static void test_fromhex(void)
{
    OuroObject *type = (OuroObject *)&ouro_float_type;
    for (size_t k = 0; k < sizeof float_fromhex_cases / sizeof *float_fromhex_cases; k++) {
        const FloatFromHexCase *c = &float_fromhex_cases[k];
        OuroObject *s = S(c->text), *r = call_method(type, "fromhex", &s, 1);
        int ok = r && OURO_IS_TYPE(r, &ouro_float_type) &&
                 (c->bits == 0x7ff8000000000000ull ? isnan(ouro_float_value(r))
                                                   : to_bits(ouro_float_value(r)) == c->bits);
        if (!CHECK(ok))
            printf("#   fromhex('%s')\n", c->text);
        if (!r)
            ouro_err_clear();
        OURO_XDECREF(r);
        OURO_DECREF(s);
    }
    for (size_t k = 0; k < sizeof float_fromhex_errors / sizeof *float_fromhex_errors; k++) {
        const FloatFromHexError *c = &float_fromhex_errors[k];
        OuroObject *s = S(c->text), *r = call_method(type, "fromhex", &s, 1);
        CHECK(r == NULL);
        OURO_XDECREF(r);
        CHECK_RAISED(c->overflow ? &ouro_exc_OverflowError : &ouro_exc_ValueError, c->msg);
        OURO_DECREF(s);
    }
    /* Every hex() reads back. */
    for (size_t k = 0; k < sizeof float_hex_cases / sizeof *float_hex_cases; k++) {
        OuroObject *s = S(float_hex_cases[k].hex), *r = call_method(type, "fromhex", &s, 1);
        CHECK(r && to_bits(ouro_float_value(r)) == float_hex_cases[k].bits);
        OURO_XDECREF(r);
        OURO_DECREF(s);
    }
    OuroObject *one = I(1);
    CHECK(call_method(type, "fromhex", &one, 1) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "bad argument type for built-in operation");
    OURO_DECREF(one);
    /* A long coefficient is copied to the heap. */
    char text[200] = "0x1.";
    memset(text + 4, '0', 150);
    strcpy(text + 154, "1p3");
    OuroObject *s = S(text);
    CHECK_FLOAT(call_method(type, "fromhex", &s, 1), 8.0);
    OURO_DECREF(s);
}

static void test_small_methods(void)
{
    OuroObject *f = F(3.0), *g = F(3.5), *inf = F(HUGE_VAL), *nz = F(-0.0), *r;
    CHECK((r = call0(f, "is_integer")) == OURO_TRUE);
    OURO_XDECREF(r);
    CHECK((r = call0(g, "is_integer")) == OURO_FALSE);
    OURO_XDECREF(r);
    CHECK((r = call0(inf, "is_integer")) == OURO_FALSE);
    OURO_XDECREF(r);
    CHECK((r = call0(g, "conjugate")) == g);
    OURO_XDECREF(r);
    CHECK((r = getset(g, "real")) == g);
    OURO_XDECREF(r);
    CHECK_FLOAT(getset(nz, "imag"), 0.0);
    CHECK_REPR(r = call0(g, "__getnewargs__"), "(3.5,)");
    OURO_XDECREF(r);
    OURO_DECREF(f);
    OURO_DECREF(g);
    OURO_DECREF(inf);
    OURO_DECREF(nz);
}

/* -------------------------------------------------------------- float(x) etc. -- */

static void test_new(void)
{
    OuroObject *r, *x;
    CHECK_FLOAT(float_call(0, NULL), 0.0);
    x = F(1.5);
    r = float_call(1, x);
    CHECK(r == x); /* float(1.5) is 1.5 */
    OURO_XDECREF(r);
    OURO_DECREF(x);
    x = S(" -1_0.5e1 ");
    CHECK_FLOAT(float_call(1, x), -105.0);
    OURO_DECREF(x);
    x = ouro_bytes_from_data("1.5", 3);
    CHECK_FLOAT(float_call(1, x), 1.5);
    OURO_XDECREF(x);
    x = ouro_bytes_from_data("\xa0" "1", 2);
    CHECK(float_call(1, x) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "could not convert string to float: b'\\xa01'");
    OURO_XDECREF(x);
    x = I(7);
    CHECK_FLOAT(float_call(1, x), 7.0);
    OURO_DECREF(x);
    CHECK_FLOAT(float_call(1, OURO_TRUE), 1.0);
    x = S("abc");
    CHECK(float_call(1, x) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "could not convert string to float: 'abc'");
    OURO_DECREF(x);
    x = ouro_tuple_new(0);
    CHECK(float_call(1, x) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError,
                 "float() argument must be a string or a real number, not 'tuple'");
    OURO_XDECREF(x);
    OuroObject *args = ouro_tuple_pack(2, OURO_TRUE, OURO_TRUE);
    CHECK(ouro_object_call((OuroObject *)&ouro_float_type, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "float expected at most 1 argument, got 2");
    OURO_XDECREF(args);
    OuroObject *kw = ouro_dict_new(), *empty = ouro_tuple_new(0);
    CHECK(kw && ouro_dict_set_item_str(kw, "x", OURO_TRUE) == 0);
    CHECK(ouro_object_call((OuroObject *)&ouro_float_type, empty, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "float() takes no keyword arguments");
    OURO_XDECREF(kw);
    OURO_XDECREF(empty);
    OuroObject *one = I(1), *shift = I(1024), *big = ouro_number_lshift(one, shift);
    CHECK(float_call(1, big) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "int too large to convert to float");
    OURO_XDECREF(big);
    OURO_DECREF(one);
    OURO_DECREF(shift);
}

static void test_as_double(void)
{
    OuroObject *f = F(2.5), *i = I(-3), *s = S("1.5");
    CHECK_DOUBLE(ouro_float_as_double(f), 2.5);
    CHECK_DOUBLE(ouro_float_as_double(i), -3.0);
    CHECK_DOUBLE(ouro_float_as_double(OURO_TRUE), 1.0);
    CHECK(!ouro_err_occurred());
    CHECK_DOUBLE(ouro_float_as_double(s), -1.0);
    CHECK_RAISED(&ouro_exc_TypeError, "must be real number, not str");
    CHECK_DOUBLE(ouro_float_as_double(OURO_NONE), -1.0);
    CHECK_RAISED(&ouro_exc_TypeError, "must be real number, not NoneType");
    OURO_DECREF(f);
    OURO_DECREF(i);
    OURO_DECREF(s);
}

/* A static subclass of float, standing in for a class of the language layer. */
static OuroType subfloat_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "subfloat",
    .tp_base = &ouro_float_type,
    .tp_flags = OURO_TPFLAG_BASETYPE,
};

static void test_subclass(void)
{
    CHECK(ouro_type_ready(&subfloat_type) == 0);
    OuroObject *s = S(" 2.5"), *args = ouro_tuple_pack(1, s), *r;
    OuroObject *x = ouro_object_call((OuroObject *)&subfloat_type, args, NULL);
    CHECK(x && OURO_IS_TYPE(x, &subfloat_type) && ouro_float_check(x));
    CHECK_DOUBLE(ouro_float_value(x), 2.5);
    CHECK_REPR(x, "2.5");
    CHECK(ouro_object_hash(x) == ouro_float_hash_double(2.5, NULL));
    /* float(x), +x, x.real, x.conjugate() are exact floats. */
    CHECK_FLOAT(float_call(1, x), 2.5);
    CHECK_FLOAT(ouro_number_positive(x), 2.5);
    CHECK_FLOAT(getset(x, "real"), 2.5);
    CHECK_FLOAT(call0(x, "conjugate"), 2.5);
    CHECK_FLOAT(ouro_number_multiply(x, x), 6.25);
    r = ouro_object_call((OuroObject *)&subfloat_type, args, NULL);
    CHECK(r && cmp(r, x, OURO_EQ) == 1);
    OURO_XDECREF(r);
    CHECK_DOUBLE(ouro_float_as_double(x), 2.5);
    /* subfloat.fromhex(s) is subfloat(float.fromhex(s)). */
    OuroObject *h = S("0x1.4p1");
    r = call_method((OuroObject *)&subfloat_type, "fromhex", &h, 1);
    CHECK(r && OURO_IS_TYPE(r, &subfloat_type) && ouro_float_value(r) == 2.5);
    OURO_XDECREF(r);
    OURO_DECREF(h);
    OuroObject *empty = ouro_tuple_new(0);
    r = ouro_object_call((OuroObject *)&subfloat_type, empty, NULL);
    CHECK(r && OURO_IS_TYPE(r, &subfloat_type) && ouro_float_value(r) == 0.0);
    OURO_XDECREF(r);
    OURO_XDECREF(empty);
    OURO_XDECREF(x);
    OURO_XDECREF(args);
    OURO_DECREF(s);
}

/* ------------------------------------------------------- allocation failures -- */

typedef OuroObject *(*op_fn)(void);

/* Runs op with the n-th allocation failing, n = 1, 2, ... until an attempt gets through
 * every allocation: each earlier attempt must fail with MemoryError (and leak nothing:
 * the harness checks). Returns the final result (new reference, or NULL with the op's
 * own exception). */
static OuroObject *until_success(op_fn op)
{
    for (uint64_t n = 1; n < 1000; n++) {
        OuroMemStats before, after;
        ouro_mem_stats(&before);
        ouro_mem_fail_after(n, 0);
        OuroObject *r = op();
        ouro_mem_stats(&after);
        ouro_mem_fail_after(0, 0);
        if (after.injected_failures == before.injected_failures)
            return r; /* every allocation went through */
        if (!CHECK(r == NULL) || !CHECK(ouro_err_matches(&ouro_exc_MemoryError))) {
            printf("#   allocation %llu failed without MemoryError\n", (unsigned long long)n);
            OURO_XDECREF(r);
            ouro_err_clear();
            return NULL;
        }
        ouro_err_clear();
    }
    CHECK(!"never succeeded");
    return NULL;
}

static OuroObject *op_from_double(void) { return ouro_float_from_double(1.25); }
static OuroObject *op_repr(void) { return ouro_float_repr_double(0.1); }
static OuroObject *op_parse(void) { return ouro_float_from_string(" 1_5.25 ", 8); }
static OuroObject *op_parse_bad(void) { return ouro_float_from_string("1.5x", 4); }
static OuroObject *op_parse_long(void)
{
    char text[300];
    memset(text, '1', sizeof text);
    return ouro_float_from_string(text, sizeof text);
}
static OuroObject *op_binary(binop f, double a, double b)
{
    OuroObject *x = ouro_float_from_double(a), *y = x ? ouro_float_from_double(b) : NULL;
    OuroObject *r = y ? f(x, y) : NULL;
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    return r;
}
static OuroObject *op_add(void) { return op_binary(ouro_number_add, 1.0, 2.0); }
static OuroObject *op_divmod(void) { return op_binary(ouro_number_divmod, 7.5, -2.0); }
static OuroObject *op_div_zero(void) { return op_binary(ouro_number_true_divide, 1.0, 0.0); }
static OuroObject *pow_overflow(OuroObject *a, OuroObject *b) { return ouro_number_power(a, b, NULL); }
static OuroObject *op_pow_overflow(void) { return op_binary(pow_overflow, 10.0, 400.0); }
static OuroObject *op_method(const char *name, double x)
{
    OuroObject *f = ouro_float_from_double(x);
    if (!f)
        return NULL;
    OuroObject *r = call0(f, name);
    OURO_DECREF(f);
    return r;
}
static OuroObject *op_ratio(void) { return op_method("as_integer_ratio", 5e-324); }
static OuroObject *op_ratio_big(void) { return op_method("as_integer_ratio", 1e300); }
static OuroObject *op_hex(void) { return op_method("hex", -0.1); }
static OuroObject *op_round(void)
{
    OuroObject *f = ouro_float_from_double(2.675), *nd = ouro_int_from_int64(2), *r = NULL;
    if (f && nd)
        r = call_method(f, "__round__", &nd, 1);
    OURO_XDECREF(f);
    OURO_XDECREF(nd);
    return r;
}
static OuroObject *op_fromhex(void)
{
    OuroObject *s = ouro_str_from_cstr("0x1.000000000000000000000000000000000000000000000000000"
                                       "0000000000000000000000000000000000001p0"), *r = NULL;
    if (s)
        r = call_method((OuroObject *)&ouro_float_type, "fromhex", &s, 1);
    OURO_XDECREF(s);
    return r;
}

static void test_alloc_failures(void)
{
    CHECK_FLOAT(until_success(op_from_double), 1.25);
    OuroObject *r = until_success(op_repr);
    CHECK(r && strcmp(ouro_str_utf8(r), "0.1") == 0);
    OURO_XDECREF(r);
    CHECK_FLOAT(until_success(op_parse), 15.25);
    CHECK_FLOAT(until_success(op_parse_long), 1.1111111111111112e299);
    CHECK(until_success(op_parse_bad) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "could not convert string to float: '1.5x'");
    CHECK_FLOAT(until_success(op_add), 3.0);
    CHECK_REPR(r = until_success(op_divmod), "(-4.0, -0.5)");
    OURO_XDECREF(r);
    CHECK(until_success(op_div_zero) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "float division by zero");
    CHECK(until_success(op_pow_overflow) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "(34, 'Numerical result out of range')");
    r = until_success(op_ratio);
    CHECK(r && ouro_tuple_check(r));
    OURO_XDECREF(r);
    r = until_success(op_ratio_big);
    CHECK(r && ouro_tuple_check(r));
    OURO_XDECREF(r);
    r = until_success(op_hex);
    CHECK(r && strcmp(ouro_str_utf8(r), "-0x1.999999999999ap-4") == 0);
    OURO_XDECREF(r);
    CHECK_FLOAT(until_success(op_round), 2.67);
    CHECK_FLOAT(until_success(op_fromhex), 1.0);
}

int main(void)
{
    th_begin("float");
    RUN(test_create);
    RUN(test_repr_table);
    RUN(test_repr_specials);
    RUN(test_parse_table);
    RUN(test_parse_round_trip);
    RUN(test_parse_not_utf8);
    RUN(test_hash_table);
    RUN(test_hash_values);
    RUN(test_compare_floats);
    RUN(test_compare_ints);
    RUN(test_compare_other);
    RUN(test_arith_basic);
    RUN(test_arith_mixed);
    RUN(test_divmod_table);
    RUN(test_pow_table);
    RUN(test_pow_errors);
    RUN(test_unary);
    RUN(test_round_table);
    RUN(test_round);
    RUN(test_trunc_floor_ceil);
    RUN(test_as_integer_ratio);
    RUN(test_hex);
    RUN(test_fromhex);
    RUN(test_small_methods);
    RUN(test_new);
    RUN(test_as_double);
    RUN(test_subclass);
    RUN(test_alloc_failures);
    return th_end();
}
