/* tests/unit/test_range.c — range: construction and its errors, length, items and slices
 * (word-sized and beyond 64 bits), membership, index/count, equality and hashing as
 * sequences, repr, both iterators and reversed(), and allocation failures. Expected values
 * are what python3 (3.11) prints. */
#include "seqtest.h"

#define TOO_BIG "Python int too large to convert to C ssize_t"

/* range(a, b[, c]) from decimal strings (c NULL: no step). New reference or NULL. */
static OuroObject *rng(const char *a, const char *b, const char *c)
{
    OuroObject *x = BIG(a), *y = BIG(b), *z = c ? BIG(c) : NULL, *r = NULL;
    if (x && y && (z || !c))
        r = ouro_range_new(x, y, z);
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    OURO_XDECREF(z);
    return r;
}

/* repr(list(o)), checked; o is consumed. */
static void check_list(OuroObject *o, const char *want)
{
    OuroObject *l = o ? ouro_sequence_list(o) : NULL;
    CHECK_REPR(l, want);
    OURO_XDECREF(l);
    OURO_XDECREF(o);
}

static void check_repr_consume(OuroObject *o, const char *want)
{
    CHECK_REPR(o, want);
    OURO_XDECREF(o);
}

static OuroObject *getitem(OuroObject *o, OuroObject *key)
{
    OuroObject *r = ouro_object_getitem(o, key);
    OURO_DECREF(key);
    return r;
}

static OuroObject *slice_of(const char *a, const char *b, const char *c)
{
    OuroObject *x = a ? BIG(a) : NULL, *y = b ? BIG(b) : NULL, *z = c ? BIG(c) : NULL, *s = NULL;
    if ((x || !a) && (y || !b) && (z || !c))
        s = ouro_slice_new(x, y, z);
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    OURO_XDECREF(z);
    return s;
}

static void test_construct_and_repr(void)
{
    check_repr_consume(rng("0", "10", NULL), "range(0, 10)");
    check_repr_consume(rng("0", "10", "2"), "range(0, 10, 2)");
    check_repr_consume(rng("-5", "100000000000000000000", "-3"),
                       "range(-5, 100000000000000000000, -3)");
    check_list(rng("0", "10", "3"), "[0, 3, 6, 9]");
    check_list(rng("10", "0", "-3"), "[10, 7, 4, 1]");
    check_list(rng("5", "5", NULL), "[]");
    check_list(rng("5", "-1", "-2"), "[5, 3, 1]");
    check_list(rng("1000000000000000000000000000000", "1000000000000000000000000000003", NULL),
               "[1000000000000000000000000000000, 1000000000000000000000000000001, "
               "1000000000000000000000000000002]");

    CHECK(rng("1", "2", "0") == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "range() arg 3 must not be zero");

    /* Through the type, as range(...) */
    OuroObject *rt = (OuroObject *)&ouro_range_type, *five = I(5), *one = I(1);
    OuroObject *f = ouro_float_from_double(1.5), *args = ouro_tuple_pack(1, five);
    check_repr_consume(ouro_object_call(rt, args, NULL), "range(0, 5)");
    OURO_DECREF(args);
    args = ouro_tuple_pack(3, one, five, one);
    check_repr_consume(ouro_object_call(rt, args, NULL), "range(1, 5)");
    OURO_DECREF(args);
    args = ouro_tuple_pack(1, f);
    CHECK(ouro_object_call(rt, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'float' object cannot be interpreted as an integer");
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, one, f);
    CHECK(ouro_object_call(rt, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'float' object cannot be interpreted as an integer");
    OURO_DECREF(args);
    args = ouro_tuple_pack(3, one, five, f);
    CHECK(ouro_object_call(rt, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'float' object cannot be interpreted as an integer");
    OURO_DECREF(args);
    args = ouro_tuple_new(0);
    CHECK(ouro_object_call(rt, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "range expected at least 1 argument, got 0");
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "x", one);
    CHECK(ouro_object_call(rt, args, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "range() takes no keyword arguments");
    OURO_DECREF(kw);
    OURO_DECREF(args);
    args = ouro_tuple_pack(4, one, one, one, one);
    CHECK(ouro_object_call(rt, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "range expected at most 3 arguments, got 4");
    OURO_DECREF(args);
    /* bool is an int */
    args = ouro_tuple_pack(1, OURO_TRUE);
    check_repr_consume(ouro_object_call(rt, args, NULL), "range(0, 1)");
    OURO_DECREF(args);

    /* __reduce__ */
    OuroObject *r = rng("0", "10", "3");
    OuroObject *red = call_method(r, "__reduce__", 0);
    CHECK(red && OURO_TUPLE_GET(red, 0) == rt);
    if (red)
        CHECK_REPR(OURO_TUPLE_GET(red, 1), "(0, 10, 3)");
    OURO_XDECREF(red);
    OURO_DECREF(r);
    OURO_DECREF(five);
    OURO_DECREF(one);
    OURO_DECREF(f);
}

static void test_length_and_bool(void)
{
    OuroObject *r = rng("0", "10", "3");
    CHECK_INT(ouro_object_length(r), 4);
    CHECK_INT(ouro_object_is_true(r), 1);
    OURO_DECREF(r);
    r = rng("10", "0", "-3");
    CHECK_INT(ouro_object_length(r), 4);
    OURO_DECREF(r);
    r = rng("3", "3", NULL);
    CHECK_INT(ouro_object_length(r), 0);
    CHECK_INT(ouro_object_is_true(r), 0);
    OURO_DECREF(r);
    r = rng("0", "9223372036854775807", NULL);
    CHECK_INT(ouro_object_length(r), INT64_MAX);
    OURO_DECREF(r);
    r = rng("0", "9223372036854775808", NULL);
    CHECK_INT(ouro_object_length(r), -1);
    CHECK_RAISED(&ouro_exc_OverflowError, TOO_BIG);
    OURO_DECREF(r);
    r = rng("-100000000000000000000", "100000000000000000000", "7");
    CHECK_INT(ouro_object_length(r), -1);
    CHECK_RAISED(&ouro_exc_OverflowError, TOO_BIG);
    CHECK_INT(ouro_object_is_true(r), 1);
    OURO_DECREF(r);
    /* The full 64-bit span: 2**64 - 1 items. */
    r = rng("-9223372036854775808", "9223372036854775807", NULL);
    CHECK_INT(ouro_object_length(r), -1);
    CHECK_RAISED(&ouro_exc_OverflowError, TOO_BIG);
    OURO_DECREF(r);
}

static void test_items_and_slices(void)
{
    OuroObject *r = rng("0", "10", "3");
    CHECK_INT(ival(getitem(r, I(-1))), 9);
    CHECK_INT(ival(getitem(r, I(0))), 0);
    CHECK_INT(ival(getitem(r, OURO_TRUE)), 3);
    CHECK(getitem(r, I(4)) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "range object index out of range");
    CHECK(getitem(r, I(-5)) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "range object index out of range");
    CHECK(getitem(r, BIG("1000000000000000000000000000000")) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "range object index out of range");
    CHECK(getitem(r, OURO_NONE) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "range indices must be integers or slices, not NoneType");
    CHECK_INT(ival(ouro_range_type.tp_as_sequence->sq_item(r, -2)), 6);
    check_repr_consume(getitem(r, slice_of("1", NULL, NULL)), "range(3, 12, 3)");
    check_repr_consume(getitem(r, slice_of(NULL, NULL, "-1")), "range(9, -3, -3)");
    check_repr_consume(getitem(r, slice_of(NULL, NULL, "2")), "range(0, 12, 6)");
    check_repr_consume(getitem(r, slice_of("10", "20", NULL)), "range(12, 12, 3)");
    CHECK(getitem(r, slice_of(NULL, NULL, "0")) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "slice step cannot be zero");
    OURO_DECREF(r);
    r = rng("0", "10", NULL);
    check_repr_consume(getitem(r, slice_of("2", "-2", "3")), "range(2, 8, 3)");
    OURO_DECREF(r);
    r = rng("-3", "3", NULL);
    CHECK_INT(ival(getitem(r, I(-6))), -3);
    CHECK(getitem(r, I(-7)) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "range object index out of range");
    OURO_DECREF(r);

    /* Beyond 64 bits. */
    r = rng("-100000000000000000000", "100000000000000000000", "7");
    check_repr_consume(getitem(r, BIG("10000000000000000000")), "-30000000000000000000");
    check_repr_consume(getitem(r, I(-1)), "99999999999999999996");
    OURO_DECREF(r);
    r = rng("0", "100000000000000000000", NULL);
    check_repr_consume(getitem(r, slice_of("5", "200000000000000000000", "25000000000000000000")),
                       "range(5, 100000000000000000000, 25000000000000000000)");
    OURO_DECREF(r);
    r = rng("0", "1000000000000000000000000000000", NULL);
    check_repr_consume(getitem(r, BIG("100000000000000000000000000000")),
                       "100000000000000000000000000000");
    OURO_DECREF(r);
}

static int contains(OuroObject *r, OuroObject *v)
{
    int c = ouro_sequence_contains(r, v);
    OURO_DECREF(v);
    return c;
}

static void test_membership(void)
{
    OuroObject *r = rng("0", "10", "3");
    CHECK_INT(contains(r, I(3)), 1);
    CHECK_INT(contains(r, I(4)), 0);
    CHECK_INT(contains(r, I(9)), 1);
    CHECK_INT(contains(r, I(10)), 0);
    CHECK_INT(contains(r, I(-1)), 0);
    CHECK_INT(contains(r, ouro_float_from_double(3.0)), 1); /* by iteration */
    CHECK_INT(contains(r, ouro_float_from_double(3.5)), 0);
    CHECK_INT(contains(r, S("a")), 0);
    CHECK_INT(contains(r, BIG("100000000000000000000")), 0);
    OURO_DECREF(r);
    r = rng("10", "0", "-3");
    CHECK_INT(contains(r, I(7)), 1);
    CHECK_INT(contains(r, I(1)), 1);
    CHECK_INT(contains(r, I(0)), 0);
    CHECK_INT(contains(r, I(10)), 1);
    CHECK_INT(contains(r, I(11)), 0);
    OURO_DECREF(r);
    r = rng("0", "2", NULL);
    CHECK_INT(contains(r, OURO_NEWREF(OURO_TRUE)), 1);
    OURO_DECREF(r);
    r = rng("-100000000000000000000", "100000000000000000000", NULL);
    CHECK_INT(contains(r, BIG("99999999999999999999")), 1);
    CHECK_INT(contains(r, BIG("100000000000000000000")), 0);
    OURO_DECREF(r);
    r = rng("-100000000000000000000", "100000000000000000000", "3");
    CHECK_INT(contains(r, BIG("-100000000000000000000")), 1);
    CHECK_INT(contains(r, BIG("-99999999999999999997")), 1);
    CHECK_INT(contains(r, BIG("-99999999999999999996")), 0);
    OURO_DECREF(r);
    /* The whole 64-bit span, with a stride: differences beyond int64 on the C path. */
    r = rng("-9223372036854775808", "9223372036854775807", "4611686018427387904");
    CHECK_INT(contains(r, I(INT64_MIN)), 1);
    CHECK_INT(contains(r, I(0)), 1);
    CHECK_INT(contains(r, BIG("4611686018427387904")), 1);
    CHECK_INT(contains(r, BIG("4611686018427387903")), 0);
    CHECK_INT(contains(r, I(INT64_MAX)), 0);
    OURO_DECREF(r);

    r = rng("0", "10", "3");
    OuroObject *six = I(6), *seven = I(7), *f6 = ouro_float_from_double(6.0),
               *f65 = ouro_float_from_double(6.5);
    CHECK_INT(ival(call_method(r, "index", 1, six)), 2);
    CHECK(call_method(r, "index", 1, seven) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "7 is not in range");
    CHECK_INT(ival(call_method(r, "index", 1, f6)), 2);
    CHECK(call_method(r, "index", 1, f65) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "sequence.index(x): x not in sequence");
    CHECK_INT(ival(call_method(r, "count", 1, six)), 1);
    CHECK_INT(ival(call_method(r, "count", 1, f6)), 1);
    CHECK_INT(ival(call_method(r, "count", 1, seven)), 0);
    OURO_DECREF(r);
    r = rng("10", "0", "-3");
    CHECK_INT(ival(call_method(r, "index", 1, seven)), 1);
    OURO_DECREF(r);
    r = rng("-100000000000000000000", "100000000000000000000", "3");
    OuroObject *x = BIG("-99999999999999999997");
    CHECK_INT(ival(call_method(r, "index", 1, x)), 1);
    OURO_DECREF(x);
    OURO_DECREF(r);
    OURO_DECREF(six);
    OURO_DECREF(seven);
    OURO_DECREF(f6);
    OURO_DECREF(f65);
}

static int req(OuroObject *a, OuroObject *b, int op)
{
    int r = ouro_object_richcompare_bool(a, b, op);
    OURO_DECREF(a);
    OURO_DECREF(b);
    return r;
}

static int hash_eq(OuroObject *a, OuroObject *b)
{
    int r = ouro_object_hash(a) == ouro_object_hash(b);
    OURO_DECREF(a);
    OURO_DECREF(b);
    return r;
}

static void test_equality_and_hash(void)
{
    CHECK_INT(req(rng("0", "0", NULL), rng("2", "2", NULL), OURO_EQ), 1);
    CHECK_INT(req(rng("0", "3", "2"), rng("0", "4", "2"), OURO_EQ), 1);
    CHECK_INT(req(rng("1", "2", "5"), rng("1", "3", "7"), OURO_EQ), 1);
    CHECK_INT(req(rng("0", "10", NULL), rng("0", "10", "2"), OURO_EQ), 0);
    CHECK_INT(req(rng("0", "10", NULL), rng("0", "10", NULL), OURO_NE), 0);
    CHECK_INT(req(rng("0", "10", NULL), rng("1", "11", NULL), OURO_NE), 1);
    CHECK_INT(req(rng("0", "100000000000000000000", NULL), rng("0", "100000000000000000000", "1"),
                  OURO_EQ), 1);
    CHECK_INT(req(rng("0", "0", NULL), ouro_list_new(0), OURO_EQ), 0);
    CHECK_INT(req(rng("0", "0", NULL), rng("0", "1", NULL), OURO_LT), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'range' and 'range'");

    /* Equal ranges hash equal. */
    CHECK(hash_eq(rng("0", "3", "2"), rng("0", "4", "2")));
    CHECK(hash_eq(rng("1", "2", "5"), rng("1", "3", "7")));
    CHECK(hash_eq(rng("0", "0", NULL), rng("5", "3", NULL)));
    /* Values of python3 (no None in the hashed tuple, so no address dependence). */
    OuroObject *r = rng("0", "3", NULL);
    CHECK_INT(ouro_object_hash(r), -8338477496398685190LL);
    OURO_DECREF(r);
    r = rng("0", "10", "2");
    CHECK_INT(ouro_object_hash(r), -6143170332311272345LL);
    OURO_DECREF(r);
    r = rng("0", "-10", "-3");
    CHECK_INT(ouro_object_hash(r), 9182476479059936555LL);
    OURO_DECREF(r);
    r = rng("100000000000000000000", "1000000000000000000000", "7");
    CHECK_INT(ouro_object_hash(r), 5862042998565934911LL);
    OURO_DECREF(r);
    /* hash(range(0)) == hash((0, None, None)) */
    OuroObject *zero = I(0), *t = ouro_tuple_pack(3, zero, OURO_NONE, OURO_NONE);
    r = rng("7", "7", NULL);
    CHECK_INT(ouro_object_hash(r), ouro_object_hash(t));
    OURO_DECREF(r);
    OURO_DECREF(t);
    OURO_DECREF(zero);
}

static void test_iterators(void)
{
    OuroObject *r = rng("0", "10", "3");
    OuroObject *it = ouro_object_get_iter(r);
    CHECK_STR(OURO_TYPE_NAME(it), "range_iterator");
    CHECK_INT(ou_object_length_hint(it, -1), 4);
    CHECK_INT(ival(ouro_iter_next(it)), 0);
    CHECK_INT(ival(call_method(it, "__length_hint__", 0)), 3);
    OuroObject *one = I(1), *big = I(100);
    OURO_XDECREF(call_method(it, "__setstate__", 1, one)); /* absolute: item 1 next */
    CHECK_INT(ival(ouro_iter_next(it)), 3);
    CHECK_INT(ival(ouro_iter_next(it)), 6);
    OURO_XDECREF(call_method(it, "__setstate__", 1, big));
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    OURO_DECREF(it);
    check_list(call_method(r, "__reversed__", 0), "[9, 6, 3, 0]");
    OURO_DECREF(r);
    r = rng("10", "0", "-3");
    check_list(call_method(r, "__reversed__", 0), "[1, 4, 7, 10]");
    OURO_DECREF(r);

    /* At the 64-bit edges: which iterator, and the values. */
    r = rng("9223372036854775805", "9223372036854775809", NULL);
    it = ouro_object_get_iter(r);
    CHECK_STR(OURO_TYPE_NAME(it), "longrange_iterator");
    CHECK_INT(ou_object_length_hint(it, -1), 4);
    OURO_DECREF(it);
    check_list(OURO_NEWREF(r), "[9223372036854775805, 9223372036854775806, 9223372036854775807, "
                               "9223372036854775808]");
    it = call_method(r, "__reversed__", 0);
    CHECK_STR(OURO_TYPE_NAME(it), "longrange_iterator");
    check_list(it, "[9223372036854775808, 9223372036854775807, 9223372036854775806, "
                   "9223372036854775805]");
    OURO_DECREF(r);
    r = rng("9223372036854775805", "9223372036854775807", NULL);
    it = ouro_object_get_iter(r);
    CHECK_STR(OURO_TYPE_NAME(it), "range_iterator");
    check_list(it, "[9223372036854775805, 9223372036854775806]");
    OURO_DECREF(r);
    r = rng("-9223372036854775808", "-9223372036854775805", NULL);
    it = ouro_object_get_iter(r);
    CHECK_STR(OURO_TYPE_NAME(it), "range_iterator");
    OURO_DECREF(it);
    it = call_method(r, "__reversed__", 0);
    CHECK_STR(OURO_TYPE_NAME(it), "longrange_iterator");
    check_list(it, "[-9223372036854775806, -9223372036854775807, -9223372036854775808]");
    OURO_DECREF(r);
    r = rng("-9223372036854775808", "-9223372036854775799", "4");
    check_list(ouro_object_get_iter(r), "[-9223372036854775808, -9223372036854775804, "
                                        "-9223372036854775800]");
    OURO_DECREF(r);
    r = rng("-9223372036854775808", "9223372036854775807", NULL);
    it = ouro_object_get_iter(r);
    CHECK_STR(OURO_TYPE_NAME(it), "longrange_iterator"); /* 2**64 - 1 items */
    CHECK_INT(ival(ouro_iter_next(it)), INT64_MIN);
    CHECK_INT(ival(ouro_iter_next(it)), INT64_MIN + 1);
    CHECK_INT(ou_object_length_hint(it, -1), -1);
    CHECK_RAISED(&ouro_exc_OverflowError, TOO_BIG);
    OuroObject *lh = call_method(it, "__length_hint__", 0);
    CHECK_REPR(lh, "18446744073709551613");
    OURO_XDECREF(lh);
    OuroObject *skip = BIG("18446744073709551612");
    OURO_XDECREF(call_method(it, "__setstate__", 1, skip));
    CHECK_INT(ival(ouro_iter_next(it)), INT64_MAX - 3); /* absolute, as CPython 3.11 */
    check_list(OURO_NEWREF(it), "[9223372036854775805, 9223372036854775806]");
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    OURO_DECREF(skip);
    OURO_DECREF(it);
    OURO_DECREF(r);
    r = rng("0", "100000000000000000000", NULL);
    it = ouro_object_get_iter(r);
    lh = call_method(it, "__length_hint__", 0);
    CHECK_REPR(lh, "100000000000000000000");
    OURO_XDECREF(lh);
    OURO_DECREF(it);
    /* list(range(10**20)) fails cleanly: its len() does not fit. */
    CHECK(ouro_sequence_list(r) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, TOO_BIG);
    OURO_DECREF(r);
    OURO_DECREF(one);
    OURO_DECREF(big);
}

/* ---------------------------------------------------------- allocation failures -- */

static int op_range_ops(void)
{
    OuroObject *r = NULL, *s = NULL, *sub = NULL, *it = NULL, *l = NULL, *rev = NULL, *rep = NULL,
               *x = NULL;
    int rc = -1;
    if (!(r = rng("-100000000000000000000", "100000000000000000000", "7")) ||
        !(s = slice_of("-3", "3", "-2")) || !(sub = ouro_object_getitem(r, s)) ||
        !(rev = call_method(sub, "__reversed__", 0)) || !(x = ouro_iter_next(rev)) ||
        !(rep = ouro_object_repr(sub)) || ouro_object_hash(sub) == -1)
        goto done;
    OURO_CLEAR(r);
    if (!(r = rng("0", "50", "3")) || !(it = ouro_object_get_iter(r)) ||
        !(l = ouro_sequence_list(it)))
        goto done;
    CHECK_INT(OURO_LIST_SIZE(l), 17);
    rc = 0;
done:
    OURO_XDECREF(r);
    OURO_XDECREF(s);
    OURO_XDECREF(sub);
    OURO_XDECREF(it);
    OURO_XDECREF(l);
    OURO_XDECREF(rev);
    OURO_XDECREF(rep);
    OURO_XDECREF(x);
    return rc;
}

static void test_allocation_failures(void)
{
    CHECK(fail_loop(op_range_ops) >= 5);
}

int main(void)
{
    th_begin("range");
    RUN(test_construct_and_repr);
    RUN(test_length_and_bool);
    RUN(test_items_and_slices);
    RUN(test_membership);
    RUN(test_equality_and_hash);
    RUN(test_iterators);
    RUN(test_allocation_failures);
    return th_end();
}
