/* tests/unit/test_complex.c — complex through the C API: construction, repr, hash,
 * comparison, arithmetic with its errors, complex(str), format(), and allocation
 * failures. Expected values are what python3 (3.11) prints. */
#include "test.h"
#include "objects/complexobject.h"
#include <math.h>

static OuroObject *C(double re, double im) { return ouro_complex_from_doubles(re, im); }

/* repr(o) checked, then o released (o may be NULL: the check fails). */
static void check_repr_consume(OuroObject *o, const char *want)
{
    CHECK_REPR(o, want);
    OURO_XDECREF(o);
}

static void test_construct_and_repr(void)
{
    OuroObject *z = C(1.0, 2.0);
    CHECK(z && ouro_complex_check(z) && !ouro_float_check(z));
    CHECK(ouro_complex_real(z) == 1.0 && ouro_complex_imag(z) == 2.0);
    check_repr_consume(z, "(1+2j)");
    check_repr_consume(C(0.0, 2.0), "2j");
    check_repr_consume(C(-0.0, -0.0), "(-0-0j)");
    check_repr_consume(C(0.0, -0.0), "-0j");
    check_repr_consume(C(NAN, INFINITY), "(nan+infj)");
    check_repr_consume(C(0.0, 1e100), "1e+100j");
    check_repr_consume(C(1e16, 1e-7), "(1e+16+1e-07j)");
    check_repr_consume(C(1.5, -0.25), "(1.5-0.25j)");
}

/* complex(arg) called through the type. New reference or NULL. */
static OuroObject *call_complex(OuroObject *arg)
{
    OuroObject *r = arg ? ouro_object_vectorcall((OuroObject *)&ouro_complex_type, &arg, 1, NULL)
                        : NULL;
    OURO_XDECREF(arg);
    return r;
}

static void test_from_string(void)
{
    check_repr_consume(call_complex(ouro_str_from_cstr(" ( 1-2j ) ")), "(1-2j)");
    check_repr_consume(call_complex(ouro_str_from_cstr("-j")), "-1j");
    check_repr_consume(call_complex(ouro_str_from_cstr("1+j")), "(1+1j)");
    check_repr_consume(call_complex(ouro_str_from_cstr("1_000e-3-infj")), "(1-infj)");
    check_repr_consume(call_complex(ouro_str_from_cstr("\xd9\xa1j")), "1j"); /* U+0661 */
    CHECK(call_complex(ouro_str_from_cstr("1j+2")) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "complex() arg is a malformed string");
    CHECK(call_complex(ouro_str_from_cstr("1__0j")) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "could not convert string to complex: '1__0j'");
    CHECK(call_complex(ouro_bytes_from_data("1", 1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError,
                 "complex() first argument must be a string or a number, not 'bytes'");
}

static void test_hash_and_compare(void)
{
    OuroObject *z = C(1.0, 0.0), *one = ouro_int_from_int64(1), *w = C(1.5, 2.5);
    CHECK(ouro_object_hash(z) == 1);
    CHECK(ouro_object_hash(w) == 4611686018429387911LL);
    OuroObject *eq = ouro_object_richcompare(z, one, OURO_EQ);
    CHECK(eq == OURO_TRUE);
    OURO_XDECREF(eq);
    CHECK(ouro_object_richcompare(z, w, OURO_LT) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError,
                 "'<' not supported between instances of 'complex' and 'complex'");
    OuroObject *m1 = C(-1.0, 0.0);
    CHECK(ouro_object_hash(m1) == -2);
    OURO_DECREF(m1);
    OURO_DECREF(z);
    OURO_DECREF(one);
    OURO_DECREF(w);
}

static void test_arithmetic(void)
{
    OuroObject *a = C(1.0, 2.0), *b = C(3.0, -4.0), *zero = C(0.0, 0.0);
    OuroObject *two = ouro_int_from_int64(2), *half = ouro_float_from_double(0.5);
    OuroObject *m8 = ouro_float_from_double(-8.0), *third = ouro_float_from_double(1.0 / 3);
    check_repr_consume(ouro_number_add(a, two), "(3+2j)");
    check_repr_consume(ouro_number_true_divide(a, b), "(-0.2+0.4j)");
    check_repr_consume(ouro_number_power(a, two, NULL), "(-3+4j)");
    check_repr_consume(ouro_number_power(two, a, NULL),
                       "(0.36691394948660344+1.9660554808224875j)");
    check_repr_consume(ouro_number_power(m8, third, NULL),
                       "(1.0000000000000002+1.7320508075688772j)");
    check_repr_consume(ouro_number_power(a, half, NULL), "(1.272019649514069+0.7861513777574233j)");
    check_repr_consume(ouro_number_absolute(b), "5.0");
    CHECK(ouro_number_true_divide(a, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "complex division by zero");
    OuroObject *mone = C(-1.0, 0.0);
    CHECK(ouro_number_power(zero, mone, NULL) == NULL);
    OURO_DECREF(mone);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    CHECK(ouro_number_power(a, two, two) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "complex modulo");
    OuroObject *big = C(0.0, 1e200);
    CHECK(ouro_number_power(big, two, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "complex exponentiation");
    CHECK(ouro_number_floor_divide(a, two) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for //: 'complex' and 'int'");
    OURO_DECREF(big);
    OURO_DECREF(a);
    OURO_DECREF(b);
    OURO_DECREF(zero);
    OURO_DECREF(two);
    OURO_DECREF(half);
    OURO_DECREF(m8);
    OURO_DECREF(third);
}

/* format(z, spec), checked against want (NULL: ValueError expected). */
static void check_format(double re, double im, const char *spec, const char *want)
{
    OuroObject *z = C(re, im), *s = ouro_str_from_cstr(spec);
    OuroObject *r = z && s ? ou_format_complex(z, s) : NULL;
    if (want) {
        CHECK(r && ouro_str_check(r));
        if (r)
            CHECK_STR(ouro_str_utf8(r), want);
    } else {
        CHECK(r == NULL);
        CHECK_RAISED(&ouro_exc_ValueError, NULL);
    }
    OURO_XDECREF(r);
    OURO_XDECREF(s);
    OURO_XDECREF(z);
}

static void test_format(void)
{
    check_format(1.5, -2.0, "", "(1.5-2j)");
    check_format(1.5, -2.0, ".2f", "1.50-2.00j");
    check_format(0.0, 3.0, ">8", "      3j");
    check_format(0.0, 3.0, "g", "0+3j");
    check_format(-0.0, -0.0, "z.1f", "0.0+0.0j");
    check_format(1234567.5, -1234567.0, ",", "(1,234,567.5-1,234,567j)");
    check_format(1.5, -2.0, "#", "(1.5-2.j)");
    check_format(0.0, 1e16, "#", "1.e+16j");
    check_format(1.0, 2.0, "020", NULL);
    check_format(1.0, 2.0, "=9", NULL);
    check_format(1.0, 2.0, "%", NULL);
}

/* One round of operations that allocate: 0 on success, -1 with an exception. */
static int op_complex_ops(void)
{
    OuroObject *a = C(1.0, 2.0), *s = NULL, *r = NULL, *t = NULL;
    int rc = -1;
    if (!a || !(s = ouro_str_from_cstr("(3-4j)")))
        goto done;
    t = call_complex(s);
    s = NULL; /* consumed by call_complex, even when it failed */
    if (!t)
        goto done;
    if (!(r = ouro_number_power(a, t, NULL)))
        goto done;
    OURO_SETREF(r, ouro_object_repr(r));
    rc = r ? 0 : -1;
done:
    OURO_XDECREF(a);
    OURO_XDECREF(s);
    OURO_XDECREF(t);
    OURO_XDECREF(r);
    return rc;
}

static void test_allocation_failures(void)
{
    int failures = 0;
    for (uint64_t n = 1; n < 1000; n++) {
        ouro_mem_fail_after(n, 0);
        int rc = op_complex_ops();
        ouro_mem_fail_after(0, 0);
        if (rc == 0)
            break;
        failures++;
        if (!CHECK_RAISED(&ouro_exc_MemoryError, NULL))
            break;
    }
    CHECK(failures >= 3);
}

int main(void)
{
    th_begin("complex");
    RUN(test_construct_and_repr);
    RUN(test_from_string);
    RUN(test_hash_and_compare);
    RUN(test_arithmetic);
    RUN(test_format);
    RUN(test_allocation_failures);
    return th_end();
}
