/* tests/unit/test_bool.c — bool: the two immortal instances, repr, bool(x), and bool as an
 * int subclass (arithmetic gives ints, & | ^ between bools give bools), as CPython 3.11. */
#include "test.h"

static OuroObject *bool_call(OuroObject *args, OuroObject *kwargs)
{
    return ouro_bool_type.tp_new(&ouro_bool_type, args, kwargs);
}

static void test_singletons(void)
{
    CHECK(OURO_TRUE != OURO_FALSE);
    CHECK(ouro_is_immortal(OURO_TRUE) && ouro_is_immortal(OURO_FALSE));
    CHECK(OURO_TYPE(OURO_TRUE) == &ouro_bool_type);
    CHECK(ouro_bool_check(OURO_TRUE) && ouro_bool_check(OURO_FALSE));
    CHECK(ouro_int_check(OURO_TRUE) && !ouro_int_check_exact(OURO_TRUE));
    CHECK(ouro_bool_type.tp_base == &ouro_int_type);
    CHECK(ouro_type_is_subtype(&ouro_bool_type, &ouro_int_type));
    CHECK(!(ouro_bool_type.tp_flags & OURO_TPFLAG_BASETYPE));
    CHECK(ouro_int_type.tp_flags & OURO_TPFLAG_BASETYPE);
    CHECK(ouro_bool_from_long(42) == OURO_TRUE);
    CHECK(ouro_bool_from_long(0) == OURO_FALSE);
    CHECK_INT(ouro_int_as_int64(OURO_TRUE), 1);
    CHECK_INT(ouro_int_as_int64(OURO_FALSE), 0);
    /* INCREF/DECREF leave them alone */
    uint32_t rc = OURO_TRUE->ob_refcnt;
    OURO_INCREF(OURO_TRUE);
    OURO_DECREF(OURO_TRUE);
    OURO_DECREF(OURO_TRUE);
    CHECK(OURO_TRUE->ob_refcnt == rc);
}

static void test_repr(void)
{
    CHECK_REPR(OURO_TRUE, "True");
    CHECK_REPR(OURO_FALSE, "False");
    OuroObject *s = ouro_object_str(OURO_TRUE);
    CHECK_STR(s ? ouro_str_utf8(s) : NULL, "True");
    OURO_XDECREF(s);
    s = ouro_object_str(OURO_FALSE);
    CHECK_STR(s ? ouro_str_utf8(s) : NULL, "False");
    OURO_XDECREF(s);
}

static void test_truth(void)
{
    CHECK_INT(ouro_object_is_true(OURO_TRUE), 1);
    CHECK_INT(ouro_object_is_true(OURO_FALSE), 0);
    CHECK_INT(ouro_object_hash(OURO_TRUE), 1);
    CHECK_INT(ouro_object_hash(OURO_FALSE), 0);
    OuroObject *one = ouro_int_from_int64(1), *zero = ouro_int_from_int64(0);
    CHECK_INT(ouro_object_richcompare_bool(OURO_TRUE, one, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(OURO_FALSE, zero, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(OURO_FALSE, OURO_TRUE, OURO_LT), 1);
    OuroObject *f = ouro_float_from_double(1.0);
    CHECK_INT(ouro_object_hash(OURO_TRUE), ouro_object_hash(f));
    OURO_DECREF(f);
}

static void test_arithmetic(void)
{
    OuroObject *r = ouro_number_add(OURO_TRUE, OURO_TRUE);
    CHECK(r && ouro_int_check_exact(r));
    CHECK_REPR(r, "2");
    OURO_XDECREF(r);
    r = ouro_number_subtract(OURO_FALSE, OURO_TRUE);
    CHECK_REPR(r, "-1");
    CHECK(r && ouro_int_check_exact(r));
    OURO_XDECREF(r);
    r = ouro_number_multiply(OURO_TRUE, OURO_TRUE);
    CHECK(r && ouro_int_check_exact(r) && r == ouro_int_from_int64(1));
    OURO_XDECREF(r);
    r = ouro_number_negative(OURO_TRUE);
    CHECK_REPR(r, "-1");
    OURO_XDECREF(r);
    r = ouro_number_positive(OURO_TRUE);
    CHECK(r && ouro_int_check_exact(r));
    CHECK_REPR(r, "1");
    OURO_XDECREF(r);
    r = ouro_number_absolute(OURO_FALSE);
    CHECK(r && ouro_int_check_exact(r));
    OURO_XDECREF(r);
    r = ouro_number_invert(OURO_TRUE);
    CHECK_REPR(r, "-2");
    OURO_XDECREF(r);
    r = ouro_number_invert(OURO_FALSE);
    CHECK_REPR(r, "-1");
    OURO_XDECREF(r);
    r = ouro_number_power(OURO_TRUE, OURO_TRUE, NULL);
    CHECK(r && ouro_int_check_exact(r));
    CHECK_REPR(r, "1");
    OURO_XDECREF(r);
    r = ouro_number_lshift(OURO_TRUE, OURO_TRUE);
    CHECK_REPR(r, "2");
    OURO_XDECREF(r);
    r = ouro_number_true_divide(OURO_TRUE, OURO_TRUE);
    CHECK_REPR(r, "1.0");
    OURO_XDECREF(r);
    CHECK(ouro_number_floor_divide(OURO_TRUE, OURO_FALSE) == NULL);
    CHECK_RAISED(&ouro_exc_ZeroDivisionError, "integer division or modulo by zero");
    OuroObject *big = ouro_int_from_string("18446744073709551616", 20, 10);
    r = ouro_number_add(big, OURO_TRUE);
    CHECK_REPR(r, "18446744073709551617");
    OURO_XDECREF(r);
    OURO_DECREF(big);
}

static void test_bitwise(void)
{
    /* (a, b, a & b, a | b, a ^ b): between bools the result is a bool */
    OuroObject *bools[2] = { OURO_FALSE, OURO_TRUE };
    for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 2; b++) {
            OuroObject *r = ouro_number_and(bools[a], bools[b]);
            CHECK(r == bools[a & b]);
            OURO_XDECREF(r);
            r = ouro_number_or(bools[a], bools[b]);
            CHECK(r == bools[a | b]);
            OURO_XDECREF(r);
            r = ouro_number_xor(bools[a], bools[b]);
            CHECK(r == bools[a ^ b]);
            OURO_XDECREF(r);
        }
    }
    /* with an int, an int */
    OuroObject *two = ouro_int_from_int64(2), *one = ouro_int_from_int64(1);
    OuroObject *r = ouro_number_or(OURO_TRUE, two);
    CHECK(r && ouro_int_check_exact(r));
    CHECK_REPR(r, "3");
    OURO_XDECREF(r);
    r = ouro_number_and(one, OURO_TRUE);
    CHECK(r == one);
    OURO_XDECREF(r);
    r = ouro_number_xor(OURO_TRUE, one);
    CHECK(r == ouro_int_from_int64(0));
    OURO_XDECREF(r);
    OuroObject *big = ouro_int_from_string("-18446744073709551617", 21, 10);
    r = ouro_number_and(big, OURO_TRUE);
    CHECK(r && ouro_int_check_exact(r));
    CHECK_REPR(r, "1");
    OURO_XDECREF(r);
    OURO_DECREF(big);
}

static void test_bool_new(void)
{
    OuroObject *empty = ouro_tuple_new(0), *r;
    r = bool_call(empty, NULL);
    CHECK(r == OURO_FALSE);
    OuroObject *cases[][2] = {
        { ouro_int_from_int64(0), OURO_FALSE },
        { ouro_int_from_int64(7), OURO_TRUE },
        { OURO_NONE, OURO_FALSE },
        { ouro_str_from_cstr(""), OURO_FALSE },
        { ouro_str_from_cstr("x"), OURO_TRUE },
        { ouro_float_from_double(0.0), OURO_FALSE },
        { ouro_float_from_double(-0.5), OURO_TRUE },
        { ouro_int_from_string("-18446744073709551617", 21, 10), OURO_TRUE },
        { empty, OURO_FALSE },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        OuroObject *args = ouro_tuple_pack(1, cases[i][0]);
        r = bool_call(args, NULL);
        CHECK(r == cases[i][1]);
        OURO_DECREF(args);
        if (cases[i][0] != empty)
            OURO_DECREF(cases[i][0]);
    }
    OuroObject *args = ouro_tuple_pack(2, OURO_TRUE, OURO_TRUE);
    CHECK(bool_call(args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "bool expected at most 1 argument, got 2");
    OURO_DECREF(args);
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "x", OURO_TRUE);
    CHECK(bool_call(empty, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "bool() takes no keyword arguments");
    OURO_DECREF(kw);
    OURO_DECREF(empty);
}

int main(void)
{
    th_begin("bool");
    RUN(test_singletons);
    RUN(test_repr);
    RUN(test_truth);
    RUN(test_arithmetic);
    RUN(test_bitwise);
    RUN(test_bool_new);
    return th_end();
}
