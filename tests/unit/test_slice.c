/* tests/unit/test_slice.c — slice: construction, repr, comparison, unhashability, and
 * the resolution of slices against lengths (ouro_slice_unpack_indices and
 * slice.indices) with CPython's clamping rules for huge, negative and reversed bounds.
 * Expected values are what python3 (3.11) prints (table generated with slice.indices). */
#include "seqtest.h"
#include <stdio.h>

#define BAD_INDEX "slice indices must be integers or None or have an __index__ method"

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

/* slice(start, stop, step); .indices(10); len(range(10)[s]); .indices(0); .indices(10**30) */
static const struct {
    const char *start, *stop, *step;
    const char *ind10;
    int n10;
    const char *ind0, *indbig;
} cases[] = {
    { NULL, NULL, NULL,
      "(0, 10, 1)", 10,
      "(0, 0, 1)",
      "(0, 1000000000000000000000000000000, 1)" },
    { "1", NULL, NULL,
      "(1, 10, 1)", 9,
      "(0, 0, 1)",
      "(1, 1000000000000000000000000000000, 1)" },
    { NULL, "5", NULL,
      "(0, 5, 1)", 5,
      "(0, 0, 1)",
      "(0, 5, 1)" },
    { NULL, NULL, "-1",
      "(9, -1, -1)", 10,
      "(-1, -1, -1)",
      "(999999999999999999999999999999, -1, -1)" },
    { "-3", NULL, NULL,
      "(7, 10, 1)", 3,
      "(0, 0, 1)",
      "(999999999999999999999999999997, 1000000000000000000000000000000, 1)" },
    { "2", "-2", NULL,
      "(2, 8, 1)", 6,
      "(0, 0, 1)",
      "(2, 999999999999999999999999999998, 1)" },
    { "10", "20", NULL,
      "(10, 10, 1)", 0,
      "(0, 0, 1)",
      "(10, 20, 1)" },
    { "-20", "-10", NULL,
      "(0, 0, 1)", 0,
      "(0, 0, 1)",
      "(999999999999999999999999999980, 999999999999999999999999999990, 1)" },
    { "5", "1", "-1",
      "(5, 1, -1)", 4,
      "(-1, -1, -1)",
      "(5, 1, -1)" },
    { "5", "1", "-2",
      "(5, 1, -2)", 2,
      "(-1, -1, -2)",
      "(5, 1, -2)" },
    { NULL, NULL, "-3",
      "(9, -1, -3)", 4,
      "(-1, -1, -3)",
      "(999999999999999999999999999999, -1, -3)" },
    { "-1", "-20", "-1",
      "(9, -1, -1)", 10,
      "(-1, -1, -1)",
      "(999999999999999999999999999999, 999999999999999999999999999980, -1)" },
    { "1000000000000000000000000000000", "-1000000000000000000000000000000", "-1",
      "(9, -1, -1)", 10,
      "(-1, -1, -1)",
      "(999999999999999999999999999999, 0, -1)" },
    { "-1000000000000000000000000000000", "1000000000000000000000000000000", NULL,
      "(0, 10, 1)", 10,
      "(0, 0, 1)",
      "(0, 1000000000000000000000000000000, 1)" },
    { "-1000000000000000000000000000000", "1000000000000000000000000000000",
      "1000000000000000000000000000000",
      "(0, 10, 1000000000000000000000000000000)", 1,
      "(0, 0, 1000000000000000000000000000000)",
      "(0, 1000000000000000000000000000000, 1000000000000000000000000000000)" },
    { "1000000000000000000000000000000", "-1000000000000000000000000000000",
      "-1000000000000000000000000000000",
      "(9, -1, -1000000000000000000000000000000)", 1,
      "(-1, -1, -1000000000000000000000000000000)",
      "(999999999999999999999999999999, 0, -1000000000000000000000000000000)" },
    { "3", "3", NULL,
      "(3, 3, 1)", 0,
      "(0, 0, 1)",
      "(3, 3, 1)" },
    { "0", "10", "4",
      "(0, 10, 4)", 3,
      "(0, 0, 4)",
      "(0, 10, 4)" },
    { "9", NULL, "-4",
      "(9, -1, -4)", 3,
      "(-1, -1, -4)",
      "(9, -1, -4)" },
    { "9223372036854775807", NULL, NULL,
      "(10, 10, 1)", 0,
      "(0, 0, 1)",
      "(9223372036854775807, 1000000000000000000000000000000, 1)" },
    { "-9223372036854775808", NULL, "-1",
      "(-1, -1, -1)", 0,
      "(-1, -1, -1)",
      "(999999999990776627963145224192, -1, -1)" },
    { NULL, NULL, "9223372036854775807",
      "(0, 10, 9223372036854775807)", 1,
      "(0, 0, 9223372036854775807)",
      "(0, 1000000000000000000000000000000, 9223372036854775807)" },
    { NULL, NULL, "-9223372036854775808",
      "(9, -1, -9223372036854775808)", 1,
      "(-1, -1, -9223372036854775808)",
      "(999999999999999999999999999999, -1, -9223372036854775808)" },
    { NULL, NULL, "-9223372036854775807",
      "(9, -1, -9223372036854775807)", 1,
      "(-1, -1, -9223372036854775807)",
      "(999999999999999999999999999999, -1, -9223372036854775807)" },
};

static void check_indices(OuroObject *s, OuroObject *len, const char *want)
{
    OuroObject *r = call_method(s, "indices", 1, len);
    CHECK_REPR(r, want);
    OURO_XDECREF(r);
}

static void test_indices_table(void)
{
    OuroObject *ten = I(10), *zero = I(0), *big = BIG("1000000000000000000000000000000");
    for (size_t i = 0; i < OU_ARRAY_LEN(cases); i++) {
        OuroObject *s = slice_of(cases[i].start, cases[i].stop, cases[i].step);
        ouro_ssize start, stop, step;
        ouro_ssize n = ouro_slice_unpack_indices(s, 10, &start, &stop, &step);
        if (!CHECK_INT(n, cases[i].n10))
            printf("#   case %zu\n", i);
        /* The C bounds are the Python ones (the C step is clamped beyond 64 bits). */
        char buf[80];
        snprintf(buf, sizeof buf, "(%lld, %lld, ", (long long)start, (long long)stop);
        if (!CHECK(strncmp(buf, cases[i].ind10, strlen(buf)) == 0))
            printf("#   case %zu: %s vs %s\n", i, buf, cases[i].ind10);
        CHECK(step != 0 && step >= -INT64_MAX);
        check_indices(s, ten, cases[i].ind10);
        check_indices(s, zero, cases[i].ind0);
        check_indices(s, big, cases[i].indbig);
        OURO_DECREF(s);
    }
    OURO_DECREF(ten);
    OURO_DECREF(zero);
    OURO_DECREF(big);
}

static void test_unpack_errors(void)
{
    ouro_ssize a, b, c;
    OuroObject *s = slice_of(NULL, NULL, "0");
    CHECK_INT(ouro_slice_unpack_indices(s, 10, &a, &b, &c), -1);
    CHECK_RAISED(&ouro_exc_ValueError, "slice step cannot be zero");
    OuroObject *ten = I(10), *m1 = I(-1), *f = ouro_float_from_double(1.0);
    CHECK(call_method(s, "indices", 1, ten) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "slice step cannot be zero");
    OURO_DECREF(s);
    s = ouro_slice_new(f, NULL, NULL);
    CHECK_INT(ouro_slice_unpack_indices(s, 10, &a, &b, &c), -1);
    CHECK_RAISED(&ouro_exc_TypeError, BAD_INDEX);
    CHECK(call_method(s, "indices", 1, ten) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, BAD_INDEX);
    OURO_DECREF(s);
    s = ouro_slice_new(NULL, NULL, f);
    CHECK_INT(ouro_slice_unpack_indices(s, 10, &a, &b, &c), -1);
    CHECK_RAISED(&ouro_exc_TypeError, BAD_INDEX);
    OURO_DECREF(s);
    s = slice_of("1", NULL, NULL);
    CHECK(call_method(s, "indices", 1, m1) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "length should not be negative");
    CHECK(call_method(s, "indices", 1, f) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'float' object cannot be interpreted as an integer");
    CHECK_INT(ouro_slice_unpack_indices(ten, 10, &a, &b, &c), -1); /* not a slice */
    CHECK_RAISED(&ouro_exc_SystemError, NULL);
    /* bool bounds are ints */
    OURO_DECREF(s);
    s = ouro_slice_new(OURO_TRUE, NULL, NULL);
    CHECK_INT(ouro_slice_unpack_indices(s, 10, &a, &b, &c), 9);
    CHECK_INT(a, 1);
    OURO_DECREF(s);
    OURO_DECREF(ten);
    OURO_DECREF(m1);
    OURO_DECREF(f);
}

static void test_new_repr_members(void)
{
    OuroObject *s = slice_of("1", "2", NULL);
    CHECK_REPR(s, "slice(1, 2, None)");
    CHECK(ouro_slice_check(s));
    CHECK(ouro_gc_is_tracked(s));
    OURO_DECREF(s);
    s = ouro_slice_new(NULL, NULL, NULL);
    CHECK_REPR(s, "slice(None, None, None)");
    OURO_DECREF(s);
    OuroObject *a = S("a"), *l = list_of(1, 1);
    s = ouro_slice_new(a, l, NULL);
    CHECK_REPR(s, "slice('a', [1], None)");
    CHECK(((OuroSlice *)s)->start == a && ((OuroSlice *)s)->step == OURO_NONE);
    OURO_DECREF(s);

    /* Through the type. */
    OuroObject *st = (OuroObject *)&ouro_slice_type, *one = I(1), *two = I(2);
    OuroObject *args = ouro_tuple_pack(1, one);
    s = ouro_object_call(st, args, NULL);
    CHECK_REPR(s, "slice(None, 1, None)");
    OURO_XDECREF(s);
    OURO_DECREF(args);
    args = ouro_tuple_pack(3, one, two, a);
    s = ouro_object_call(st, args, NULL);
    CHECK_REPR(s, "slice(1, 2, 'a')");
    OuroObject *red = call_method(s, "__reduce__", 0);
    CHECK(red && OURO_TUPLE_GET(red, 0) == st);
    if (red)
        CHECK_REPR(OURO_TUPLE_GET(red, 1), "(1, 2, 'a')");
    OURO_XDECREF(red);
    OURO_XDECREF(s);
    OURO_DECREF(args);
    args = ouro_tuple_new(0);
    CHECK(ouro_object_call(st, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "slice expected at least 1 argument, got 0");
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "x", one);
    CHECK(ouro_object_call(st, args, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "slice() takes no keyword arguments");
    OURO_DECREF(kw);
    OURO_DECREF(args);
    args = ouro_tuple_pack(4, one, one, one, one);
    CHECK(ouro_object_call(st, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "slice expected at most 3 arguments, got 4");
    OURO_DECREF(args);
    OURO_DECREF(one);
    OURO_DECREF(two);
    OURO_DECREF(a);
    OURO_DECREF(l);
}

static int cmp(OuroObject *a, OuroObject *b, int op)
{
    int r = ouro_object_richcompare_bool(a, b, op);
    OURO_DECREF(a);
    OURO_DECREF(b);
    return r;
}

static void test_compare_and_hash(void)
{
    CHECK_INT(cmp(slice_of("1", "2", NULL), slice_of("1", "2", NULL), OURO_EQ), 1);
    CHECK_INT(cmp(slice_of("1", "2", NULL), slice_of("1", "3", NULL), OURO_EQ), 0);
    CHECK_INT(cmp(slice_of("1", "2", NULL), slice_of("1", "3", NULL), OURO_LT), 1);
    CHECK_INT(cmp(slice_of("1", "2", "3"), slice_of("1", "2", "3"), OURO_GE), 1);
    CHECK_INT(cmp(slice_of(NULL, "1", NULL), tuple_of(0), OURO_EQ), 0);
    OuroObject *x = S("x"), *one = I(1);
    OuroObject *s = ouro_slice_new(one, x, NULL);
    /* A slice equals itself whatever its parts. */
    CHECK_INT(ouro_object_richcompare_bool(s, s, OURO_LE), 1);
    CHECK_INT(ouro_object_richcompare_bool(s, s, OURO_LT), 0);
    OuroObject *s2 = ouro_slice_new(x, one, NULL);
    CHECK_INT(ouro_object_richcompare_bool(s2, s, OURO_LT), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'str' and 'int'");
    CHECK_INT(ouro_object_hash(s), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'slice'");
    OURO_DECREF(s);
    OURO_DECREF(s2);
    OURO_DECREF(x);
    OURO_DECREF(one);
}

/* A slice can hold its own container: a cycle the collector sees through traverse, and
 * that clear breaks. */
static int count_visit(OuroObject *o, void *arg)
{
    (*(int *)arg)++;
    return 0;
}

static void test_traverse_clear(void)
{
    OuroObject *l = ouro_list_new(0), *s = ouro_slice_new(l, NULL, NULL);
    ouro_list_append(l, s);
    int n = 0;
    ouro_object_traverse(s, count_visit, &n);
    CHECK_INT(n, 3);
    ouro_slice_type.tp_clear(s);
    CHECK_REPR(s, "slice(None, None, None)");
    OURO_DECREF(s);
    OURO_DECREF(l);
}

static int op_indices(void)
{
    OuroObject *s = slice_of("-1000000000000000000000000000000", "5", "-3"), *len = NULL, *r = NULL,
               *rep = NULL;
    int rc = -1;
    if (s && (len = BIG("1000000000000000000000000000000")) &&
        (r = call_method(s, "indices", 1, len)) &&
        (rep = ouro_object_repr(s)))
        rc = 0;
    OURO_XDECREF(s);
    OURO_XDECREF(len);
    OURO_XDECREF(r);
    OURO_XDECREF(rep);
    return rc;
}

static void test_allocation_failures(void)
{
    CHECK(fail_loop(op_indices) >= 3);
}

int main(void)
{
    th_begin("slice");
    RUN(test_indices_table);
    RUN(test_unpack_errors);
    RUN(test_new_repr_members);
    RUN(test_compare_and_hash);
    RUN(test_traverse_clear);
    RUN(test_allocation_failures);
    return th_end();
}
