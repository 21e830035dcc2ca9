/* tests/unit/test_list.c — list: creation, CPython's growth and shrink capacities,
 * comparison, repr, every method and its errors, slices with steps, sort (stability,
 * reverse, keys that raise, mutation during sort), iterators under mutation, reentrant
 * destructors, the constructor, deep deallocation and allocation failures. Expected
 * values are what python3 (3.11) prints. */
#include "seqtest.h"

#define ALLOC(l) (((OuroList *)(l))->allocated)

static int count_visit(OuroObject *o, void *arg)
{
    (*(int *)arg)++;
    return 0;
}

static void test_new_append_insert(void)
{
    OuroObject *l = ouro_list_new(3);
    CHECK(ouro_gc_is_tracked(l));
    CHECK_INT(ouro_list_size(l), 3);
    CHECK_INT(ALLOC(l), 3);
    int visits = 0;
    ouro_object_traverse(l, count_visit, &visits);
    CHECK_INT(visits, 0); /* NULL slots are skipped */
    for (int i = 0; i < 3; i++)
        OURO_LIST_SET(l, i, I(i + 1));
    CHECK_REPR(l, "[1, 2, 3]");
    OuroObject *v = I(4);
    CHECK_INT(ouro_list_append(l, v), 0);
    CHECK_INT(ouro_list_insert(l, 0, v), 0);
    CHECK_INT(ouro_list_insert(l, -1, v), 0);
    CHECK_INT(ouro_list_insert(l, -100, v), 0);
    CHECK_INT(ouro_list_insert(l, 100, v), 0);
    CHECK_REPR(l, "[4, 4, 1, 2, 3, 4, 4, 4]");
    OURO_DECREF(v);
    CHECK_INT(ival(OURO_NEWREF(ouro_list_get_item(l, 2))), 1);
    CHECK(ouro_list_get_item(l, 8) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "list index out of range");
    CHECK_INT(ouro_list_set_item(l, 0, I(9)), 0);
    CHECK_INT(ouro_list_set_item(l, 8, I(9)), -1); /* steals even on failure */
    CHECK_RAISED(&ouro_exc_IndexError, "list assignment index out of range");
    CHECK_REPR(l, "[9, 4, 1, 2, 3, 4, 4, 4]");
    CHECK(ouro_list_new(-1) == NULL);
    CHECK_RAISED(&ouro_exc_SystemError, NULL);
    CHECK_INT(ouro_object_hash(l), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    OURO_DECREF(l);
}

/* (sys.getsizeof(l) - 56) // 8 after each l.append(i), i in range(100), in python3. */
static const int append_capacity[100] = {
    4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 24, 24, 24, 24, 24, 24, 24, 24,
    32, 32, 32, 32, 32, 32, 32, 32, 40, 40, 40, 40, 40, 40, 40, 40, 52, 52, 52, 52, 52, 52,
    52, 52, 52, 52, 52, 52, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 76, 76, 76, 76,
    76, 76, 76, 76, 76, 76, 76, 76, 92, 92, 92, 92, 92, 92, 92, 92, 92, 92, 92, 92, 92, 92,
    92, 92, 108, 108, 108, 108, 108, 108, 108, 108,
};
/* ... and after each l.pop() from there until empty. */
static const int pop_capacity[100] = {
    108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108,
    108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 108,
    108, 108, 108, 108, 108, 108, 108, 108, 108, 108, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40,
    40, 24, 24, 24, 24, 24, 24, 24, 24, 16, 16, 16, 16, 12, 12, 8, 8, 8, 8, 4, 0,
};

static void test_growth_matches_cpython(void)
{
    OuroObject *l = ouro_list_new(0);
    CHECK_INT(ALLOC(l), 0);
    int bad = 0;
    for (int i = 0; i < 100; i++) {
        OuroObject *v = I(i);
        ouro_list_append(l, v);
        OURO_DECREF(v);
        if (ALLOC(l) != append_capacity[i] && !bad++)
            CHECK_INT(ALLOC(l), append_capacity[i]);
    }
    for (int i = 0; i < 100; i++) {
        OURO_DECREF(ouro_list_pop(l, -1));
        if (ALLOC(l) != pop_capacity[i] && !bad++)
            CHECK_INT(ALLOC(l), pop_capacity[i]);
    }
    CHECK_INT(bad, 0);
    /* Emptied by pops, the list keeps a block: extend then over-allocates (CPython: 8). */
    OuroObject *t3 = tuple_of(3, 1, 2, 3);
    ouro_list_extend(l, t3);
    CHECK_INT(ALLOC(l), 8);
    OURO_DECREF(l);
    /* An empty list without a block preallocates exactly, rounded up to even. */
    l = ouro_list_new(0);
    ouro_list_extend(l, t3);
    CHECK_INT(ALLOC(l), 4);
    OURO_XDECREF(call_method(l, "clear", 0));
    CHECK_INT(ALLOC(l), 0);
    ouro_list_extend(l, t3);
    CHECK_INT(ALLOC(l), 4);
    /* l.extend(l) */
    ouro_list_extend(l, l);
    CHECK_REPR(l, "[1, 2, 3, 1, 2, 3]");
    CHECK_INT(ALLOC(l), 12);
    OURO_DECREF(l);

    /* list(x) through the type: [] + len or length hint, as CPython. */
    OuroObject *src = list_of(5, 1, 2, 3, 4, 5), *it = ouro_object_get_iter(src);
    OuroObject *args = ouro_tuple_pack(1, it);
    l = ouro_object_call((OuroObject *)&ouro_list_type, args, NULL);
    CHECK_INT(ALLOC(l), 6); /* list(iter([1, 2, 3, 4, 5])) */
    OURO_DECREF(l);
    OURO_DECREF(args);
    OURO_DECREF(it);
    OuroObject *seven = I(7), *rg = ouro_range_new(NULL, seven, NULL);
    args = ouro_tuple_pack(1, rg);
    l = ouro_object_call((OuroObject *)&ouro_list_type, args, NULL);
    CHECK_INT(ALLOC(l), 8); /* list(range(7)) */
    CHECK_REPR(l, "[0, 1, 2, 3, 4, 5, 6]");
    OURO_DECREF(l);
    OURO_DECREF(args);
    args = ouro_tuple_pack(1, t3);
    l = ouro_object_call((OuroObject *)&ouro_list_type, args, NULL);
    CHECK_INT(ALLOC(l), 4); /* list((1, 2, 3)) */
    OURO_DECREF(l);
    OURO_DECREF(args);

    /* Slices, copies, repetition and concatenation allocate exactly. */
    OuroObject *twenty = I(20), *r20 = ouro_range_new(NULL, twenty, NULL);
    OuroObject *big = ouro_sequence_list(r20);
    CHECK_INT(ALLOC(big), 20);
    l = ouro_list_get_slice(big, 0, 3);
    CHECK_INT(ALLOC(l), 3);
    OURO_DECREF(l);
    OuroObject *two = I(2), *step2 = ouro_slice_new(NULL, NULL, two);
    l = ouro_object_getitem(big, step2);
    CHECK_INT(ALLOC(l), 10);
    OURO_DECREF(l);
    l = call_method(big, "copy", 0);
    CHECK_INT(ALLOC(l), 20);
    OURO_DECREF(l);
    OuroObject *five = I(5), *z = list_of(1, 0);
    l = ouro_number_multiply(z, five);
    CHECK_INT(ALLOC(l), 5);
    CHECK_REPR(l, "[0, 0, 0, 0, 0]");
    OURO_DECREF(l);
    OuroObject *a2 = list_of(2, 1, 2), *a1 = list_of(1, 3);
    l = ouro_number_add(a2, a1);
    CHECK_INT(ALLOC(l), 3);
    OURO_DECREF(l);
    /* In place: [1] *= 5 -> 8; del l[2:5] of 10 keeps 10; l[2:3] = range(20) -> 32. */
    OuroObject *one = list_of(1, 1);
    l = ouro_list_type.tp_as_sequence->sq_inplace_repeat(one, 5);
    CHECK(l == one);
    CHECK_INT(ALLOC(one), 8);
    OURO_DECREF(l);
    OuroObject *ten = I(10), *r10 = ouro_range_new(NULL, ten, NULL);
    l = ouro_sequence_list(r10);
    ouro_list_set_slice(l, 2, 5, NULL);
    CHECK_INT(ALLOC(l), 10);
    OURO_DECREF(l);
    l = ouro_sequence_list(r10);
    ouro_list_set_slice(l, 2, 3, r20);
    CHECK_INT(ALLOC(l), 32);
    CHECK_INT(OURO_LIST_SIZE(l), 29);
    OURO_DECREF(l);
    OuroObject *hundred = I(100), *r100 = ouro_range_new(NULL, hundred, NULL);
    l = ouro_sequence_list(r100);
    ouro_list_set_slice(l, 10, 100, NULL);
    CHECK_INT(ALLOC(l), 16);
    OURO_DECREF(l);

    OURO_DECREF(hundred);
    OURO_DECREF(r100);
    OURO_DECREF(ten);
    OURO_DECREF(r10);
    OURO_DECREF(one);
    OURO_DECREF(a2);
    OURO_DECREF(a1);
    OURO_DECREF(five);
    OURO_DECREF(z);
    OURO_DECREF(two);
    OURO_DECREF(step2);
    OURO_DECREF(twenty);
    OURO_DECREF(r20);
    OURO_DECREF(big);
    OURO_DECREF(seven);
    OURO_DECREF(rg);
    OURO_DECREF(src);
    OURO_DECREF(t3);
}

static int cmp(OuroObject *a, OuroObject *b, int op)
{
    int r = ouro_object_richcompare_bool(a, b, op);
    OURO_DECREF(a);
    OURO_DECREF(b);
    return r;
}

static void test_richcompare(void)
{
    CHECK_INT(cmp(list_of(2, 1, 2), list_of(3, 1, 2, 3), OURO_LT), 1);
    CHECK_INT(cmp(list_of(2, 1, 2), list_of(2, 1, 3), OURO_LT), 1);
    CHECK_INT(cmp(list_of(1, 2), list_of(2, 1, 5), OURO_GT), 1);
    CHECK_INT(cmp(list_of(2, 1, 2), list_of(2, 1, 2), OURO_LE), 1);
    CHECK_INT(cmp(list_of(2, 1, 2), list_of(2, 1, 3), OURO_GE), 0);
    CHECK_INT(cmp(list_of(0), list_of(0), OURO_EQ), 1);
    CHECK_INT(cmp(list_of(1, 1), list_of(1, 1), OURO_NE), 0);
    CHECK_INT(cmp(list_of(1, 1), list_of(2, 1, 1), OURO_EQ), 0);
    CHECK_INT(cmp(list_of(1, 1), list_of(2, 1, 1), OURO_NE), 1);
    OuroObject *nan = ouro_float_from_double(__builtin_nan(""));
    OuroObject *l1 = ouro_list_new(0), *l2 = ouro_list_new(0);
    ouro_list_append(l1, nan);
    ouro_list_append(l2, nan);
    CHECK_INT(cmp(l1, l2, OURO_EQ), 1); /* the same NaN object */
    OURO_DECREF(nan);
    CHECK_INT(cmp(list_of(1, 1), tuple_of(1, 1), OURO_EQ), 0);
    CHECK_INT(cmp(list_of(1, 1), tuple_of(1, 1), OURO_LT), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'list' and 'tuple'");
}

static void test_repr(void)
{
    OuroObject *l = ouro_list_new(0);
    CHECK_REPR(l, "[]");
    ouro_list_append(l, l);
    CHECK_REPR(l, "[[...]]");
    OuroObject *inner = ouro_list_new(0);
    ouro_list_append(inner, l);
    OuroObject *m = ouro_list_new(0);
    ouro_list_append(m, l);
    ouro_list_append(m, inner);
    CHECK_REPR(m, "[[[...]], [[[...]]]]");
    OuroObject *s = S("it's"), *f = ouro_float_from_double(0.5);
    OuroObject *n = list_of(1, -3);
    ouro_list_append(n, s);
    ouro_list_append(n, f);
    ouro_list_append(n, OURO_NONE);
    CHECK_REPR(n, "[-3, \"it's\", 0.5, None]");
    OURO_DECREF(s);
    OURO_DECREF(f);
    OURO_DECREF(n);
    OURO_XDECREF(call_method(l, "clear", 0)); /* break the cycle */
    OURO_DECREF(l);
    OURO_DECREF(inner);
    OURO_DECREF(m);
}

static void test_pop_remove_index_count(void)
{
    OuroObject *l = list_of(6, 1, 2, 3, 2, 1, 7), *two = I(2), *nine = I(9), *m1 = I(-1);
    OuroObject *zero = I(0), *big = BIG("100000000000000000000"), *s = S("a");
    CHECK_INT(ival(call_method(l, "pop", 0)), 7);
    CHECK_INT(ival(call_method(l, "pop", 1, zero)), 1);
    CHECK_REPR(l, "[2, 3, 2, 1]");
    CHECK_INT(ival(call_method(l, "pop", 1, m1)), 1);
    OuroObject *p3 = I(3), *m4 = I(-4);
    CHECK(call_method(l, "pop", 1, p3) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "pop index out of range");
    CHECK(call_method(l, "pop", 1, m4) == NULL);
    OURO_DECREF(p3);
    OURO_DECREF(m4);
    CHECK_RAISED(&ouro_exc_IndexError, "pop index out of range");
    CHECK(call_method(l, "pop", 1, big) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "Python int too large to convert to C ssize_t");
    CHECK(call_method(l, "pop", 1, s) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'str' object cannot be interpreted as an integer");
    CHECK(call_method(l, "pop", 2, zero, zero) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "pop expected at most 1 argument, got 2");

    CHECK_INT(call_void(l, "remove", 1, two, NULL), 0);
    CHECK_REPR(l, "[3, 2]");
    CHECK_INT(call_void(l, "remove", 1, nine, NULL), -1);
    CHECK_RAISED(&ouro_exc_ValueError, "list.remove(x): x not in list");

    OuroObject *e = ouro_list_new(0);
    CHECK(call_method(e, "pop", 0) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "pop from empty list");
    CHECK(ouro_list_pop(e, 0) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "pop from empty list");
    OURO_DECREF(e);
    OURO_DECREF(l);

    l = list_of(5, 1, 2, 3, 2, 1);
    OuroObject *three = I(3), *m2 = I(-2), *m100 = I(-100);
    CHECK_INT(ival(call_method(l, "index", 1, two)), 1);
    CHECK_INT(ival(call_method(l, "index", 2, two, three)), 3);
    CHECK_INT(ival(call_method(l, "index", 2, two, m2)), 3);
    CHECK_INT(ival(call_method(l, "index", 3, two, m100, big)), 1);
    CHECK_INT(ival(call_method(l, "index", 3, two, zero, m2)), 1);
    CHECK(call_method(l, "index", 1, nine) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "9 is not in list");
    CHECK(call_method(l, "index", 3, three, zero, two) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "3 is not in list");
    CHECK(call_method(l, "index", 2, s, zero) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "'a' is not in list");
    CHECK(call_method(l, "index", 0) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "index expected at least 1 argument, got 0");
    CHECK(call_method(l, "index", 2, two, s) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "slice indices must be integers or have an __index__ method");
    CHECK_INT(ival(call_method(l, "count", 1, two)), 2);
    CHECK_INT(ival(call_method(l, "count", 1, nine)), 0);
    CHECK_INT(ouro_sequence_contains(l, three), 1);
    CHECK_INT(ouro_sequence_contains(l, nine), 0);

    CHECK(call_method(l, "insert", 1, zero) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "insert expected 2 arguments, got 1");
    CHECK_INT(call_void(l, "insert", 2, m100, nine), 0);
    CHECK_INT(call_void(l, "append", 1, nine, NULL), 0);
    CHECK_INT(call_void(l, "reverse", 0, NULL, NULL), 0);
    CHECK_REPR(l, "[9, 1, 2, 3, 2, 1, 9]");
    OuroObject *c = call_method(l, "copy", 0);
    CHECK(c != l);
    CHECK_REPR(c, "[9, 1, 2, 3, 2, 1, 9]");
    OURO_XDECREF(c);
    OURO_DECREF(l);
    OURO_DECREF(three);
    OURO_DECREF(m2);
    OURO_DECREF(m100);
    OURO_DECREF(two);
    OURO_DECREF(nine);
    OURO_DECREF(m1);
    OURO_DECREF(zero);
    OURO_DECREF(big);
    OURO_DECREF(s);
}

static void test_concat_repeat(void)
{
    OuroObject *a = list_of(2, 1, 2), *b = list_of(1, 3), *t = tuple_of(1, 4), *s = S("x");
    OuroObject *r = ouro_number_add(a, b);
    CHECK_REPR(r, "[1, 2, 3]");
    OURO_DECREF(r);
    CHECK(ouro_number_add(a, t) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can only concatenate list (not \"tuple\") to list");
    OuroObject *n3 = I(3), *n0 = I(-1);
    r = ouro_number_multiply(n3, a);
    CHECK_REPR(r, "[1, 2, 1, 2, 1, 2]");
    OURO_DECREF(r);
    r = ouro_number_multiply(a, n0);
    CHECK_REPR(r, "[]");
    OURO_DECREF(r);
    CHECK(ouro_number_multiply(a, s) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can't multiply sequence by non-int of type 'str'");
    OuroObject *huge = BIG("100000000000000000000");
    CHECK(ouro_number_multiply(a, huge) == NULL);
    CHECK_RAISED(&ouro_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    OURO_DECREF(huge);
    huge = BIG("4611686018427387904");
    CHECK(ouro_number_multiply(a, huge) == NULL);
    CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    OURO_DECREF(huge);

    /* In place: += takes any iterable, *= repeats the list itself. */
    const OuroSequenceMethods *sq = ouro_list_type.tp_as_sequence;
    r = sq->sq_inplace_concat(a, t);
    CHECK(r == a);
    OURO_XDECREF(r);
    r = sq->sq_inplace_concat(a, s);
    CHECK(r == a);
    OURO_XDECREF(r);
    CHECK_REPR(a, "[1, 2, 4, 'x']");
    CHECK(sq->sq_inplace_concat(a, n3) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    r = sq->sq_inplace_repeat(a, 2);
    CHECK_REPR(a, "[1, 2, 4, 'x', 1, 2, 4, 'x']");
    OURO_XDECREF(r);
    r = sq->sq_inplace_repeat(a, 0);
    CHECK_REPR(a, "[]");
    CHECK_INT(ALLOC(a), 0);
    OURO_XDECREF(r);
    OURO_DECREF(a);
    OURO_DECREF(b);
    OURO_DECREF(t);
    OURO_DECREF(s);
    OURO_DECREF(n3);
    OURO_DECREF(n0);
}

/* slice(a, b, c); INT64_MIN stands for None. */
#define NO INT64_MIN
static OuroObject *sl(int64_t a, int64_t b, int64_t c)
{
    OuroObject *x = a == NO ? NULL : I(a), *y = b == NO ? NULL : I(b), *z = c == NO ? NULL : I(c);
    OuroObject *s = ouro_slice_new(x, y, z);
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    OURO_XDECREF(z);
    return s;
}

static OuroObject *range_list(int n)
{
    OuroObject *stop = I(n), *r = stop ? ouro_range_new(NULL, stop, NULL) : NULL;
    OuroObject *l = r ? ouro_sequence_list(r) : NULL;
    OURO_XDECREF(stop);
    OURO_XDECREF(r);
    return l;
}

/* l = list(range(10)); l[s] = v (v NULL: del); then repr(l) must be want, or the call
 * must fail with the given exception and message. */
static void check_ass(OuroObject *s, OuroObject *v, const char *want, OuroType *exc)
{
    OuroObject *l = range_list(10);
    int rc = ouro_object_setitem(l, s, v);
    if (exc) {
        CHECK_INT(rc, -1);
        CHECK_RAISED(exc, want);
    } else {
        if (!CHECK_INT(rc, 0))
            ouro_err_clear();
        CHECK_REPR(l, want);
    }
    OURO_DECREF(l);
    OURO_DECREF(s);
    OURO_XDECREF(v);
}

static void check_get(OuroObject *l, OuroObject *key, const char *want)
{
    OuroObject *r = ouro_object_getitem(l, key);
    CHECK_REPR(r, want);
    OURO_XDECREF(r);
    OURO_DECREF(key);
}

static void test_slices(void)
{
    OuroObject *l = range_list(10);
    check_get(l, sl(NO, NO, -1), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
    check_get(l, sl(1, NO, 3), "[1, 4, 7]");
    check_get(l, sl(8, 1, -2), "[8, 6, 4, 2]");
    check_get(l, sl(-3, NO, NO), "[7, 8, 9]");
    check_get(l, sl(5, 2, NO), "[]");
    check_get(l, sl(-100, 100, 4), "[0, 4, 8]");
    check_get(l, I(-10), "0");
    OuroObject *k = sl(NO, NO, 0);
    CHECK(ouro_object_getitem(l, k) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "slice step cannot be zero");
    OURO_DECREF(k);
    k = S("a");
    CHECK(ouro_object_getitem(l, k) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "list indices must be integers or slices, not str");
    CHECK(ouro_object_setitem(l, k, k) == -1);
    CHECK_RAISED(&ouro_exc_TypeError, "list indices must be integers or slices, not str");
    OURO_DECREF(k);
    k = I(10);
    CHECK(ouro_object_getitem(l, k) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "list index out of range");
    CHECK(ouro_object_setitem(l, k, k) == -1);
    CHECK_RAISED(&ouro_exc_IndexError, "list assignment index out of range");
    CHECK(ouro_object_delitem(l, k) == -1);
    CHECK_RAISED(&ouro_exc_IndexError, "list assignment index out of range");
    OURO_DECREF(k);
    k = I(-1);
    CHECK_INT(ouro_object_delitem(l, k), 0);
    OURO_DECREF(k);
    CHECK_REPR(l, "[0, 1, 2, 3, 4, 5, 6, 7, 8]");

    /* Assignment and deletion, against python3's results. */
    OuroObject *self = range_list(10), *rev = sl(NO, NO, -1);
    CHECK_INT(ouro_object_setitem(self, rev, self), 0); /* l[::-1] = l */
    CHECK_REPR(self, "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
    OURO_DECREF(self);
    OURO_DECREF(rev);
    check_ass(sl(7, 2, NO), list_of(1, 99), "[0, 1, 2, 3, 4, 5, 6, 99, 7, 8, 9]", NULL);
    check_ass(sl(NO, NO, 2), NULL, "[1, 3, 5, 7, 9]", NULL);
    check_ass(sl(NO, NO, -3), NULL, "[1, 2, 4, 5, 7, 8]", NULL);
    check_ass(sl(8, 1, -2), NULL, "[0, 1, 3, 5, 7, 9]", NULL);
    check_ass(sl(8, 1, -2), list_of(4, 91, 92, 93, 94), "[0, 1, 94, 3, 93, 5, 92, 7, 91, 9]", NULL);
    check_ass(sl(2, 5, NO), ouro_tuple_new(0), "[0, 1, 5, 6, 7, 8, 9]", NULL);
    check_ass(sl(NO, NO, NO), NULL, "[]", NULL);
    check_ass(sl(5, 2, -1), NULL, "[0, 1, 2, 6, 7, 8, 9]", NULL);
    check_ass(sl(5, 5, 2), ouro_list_new(0), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]", NULL);
    OuroObject *three = I(3), *r3 = ouro_range_new(NULL, three, NULL);
    check_ass(sl(1, NO, 3), OURO_NEWREF(r3), "[0, 0, 2, 3, 1, 5, 6, 2, 8, 9]", NULL);
    check_ass(sl(NO, NO, 2), list_of(3, 1, 2, 3),
              "attempt to assign sequence of size 3 to extended slice of size 5",
              &ouro_exc_ValueError);
    check_ass(sl(0, 1, NO), I(1), "can only assign an iterable", &ouro_exc_TypeError);
    check_ass(sl(NO, NO, 2), I(1), "must assign iterable to extended slice", &ouro_exc_TypeError);
    OuroObject *f = ouro_float_from_double(1.0);
    check_ass(ouro_slice_new(f, NULL, NULL), ouro_list_new(0),
              "slice indices must be integers or None or have an __index__ method",
              &ouro_exc_TypeError);
    OURO_DECREF(f);

    /* l[1:3] = l */
    OuroObject *m = range_list(10);
    OuroObject *s13 = sl(1, 3, NO);
    CHECK_INT(ouro_object_setitem(m, s13, m), 0);
    CHECK_REPR(m, "[0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 4, 5, 6, 7, 8, 9]");
    CHECK_INT(ALLOC(m), 20);
    OURO_DECREF(s13);
    OURO_DECREF(m);
    /* The C-level slice API. */
    m = range_list(5);
    OuroObject *g = ouro_list_get_slice(m, -3, 100);
    CHECK_REPR(g, "[0, 1, 2, 3, 4]");
    OURO_DECREF(g);
    g = ouro_list_get_slice(m, 4, 1);
    CHECK_REPR(g, "[]");
    OURO_DECREF(g);
    CHECK_INT(ouro_list_set_slice(m, 1, 4, r3), 0);
    CHECK_REPR(m, "[0, 0, 1, 2, 4]");
    CHECK_INT(ouro_list_set_slice(m, 0, 100, NULL), 0);
    CHECK_REPR(m, "[]");
    OURO_DECREF(m);
    OURO_DECREF(three);
    OURO_DECREF(r3);
    OURO_DECREF(l);
}

/* ----------------------------------------------------------------------- sort -- */

static OuroObject *key_first(TFunc *f, OuroObject *arg)
{
    return OURO_NEWREF(OURO_TUPLE_GET(arg, 0));
}

/* A list of n (key, i) pairs with few distinct keys, in scrambled order. */
static OuroObject *pairs(int n, int nkeys)
{
    OuroObject *l = ouro_list_new(n);
    for (int i = 0; i < n; i++) {
        OuroObject *k = I((int64_t)(((uint64_t)i * 2654435761u) % (uint64_t)nkeys)), *v = I(i);
        OURO_LIST_SET(l, i, ouro_tuple_pack(2, k, v));
        OURO_DECREF(k);
        OURO_DECREF(v);
    }
    return l;
}

/* Sorted by key (descending if reverse), equal keys in their original order. */
static int check_stable(OuroObject *l, int reverse)
{
    int ok = 1;
    for (ouro_ssize i = 1; i < OURO_LIST_SIZE(l); i++) {
        OuroObject *p = OURO_LIST_GET(l, i - 1), *q = OURO_LIST_GET(l, i);
        int64_t kp = ouro_int_as_int64(OURO_TUPLE_GET(p, 0));
        int64_t kq = ouro_int_as_int64(OURO_TUPLE_GET(q, 0));
        int64_t ip = ouro_int_as_int64(OURO_TUPLE_GET(p, 1));
        int64_t iq = ouro_int_as_int64(OURO_TUPLE_GET(q, 1));
        if (reverse ? kp < kq : kp > kq)
            ok = 0;
        if (kp == kq && ip > iq)
            ok = 0;
    }
    return ok;
}

static OuroObject *sort_kw(OuroObject *l, OuroObject *key, OuroObject *reverse)
{
    OuroObject *names = NULL, *args[2];
    int n = 0;
    OuroObject *kn = S("key"), *rn = S("reverse");
    if (key && reverse) {
        names = ouro_tuple_pack(2, kn, rn);
        args[n++] = key;
        args[n++] = reverse;
    } else if (key) {
        names = ouro_tuple_pack(1, kn);
        args[n++] = key;
    } else if (reverse) {
        names = ouro_tuple_pack(1, rn);
        args[n++] = reverse;
    }
    OuroObject *r = call_method_kw(l, "sort", args, 0, names);
    OURO_XDECREF(names);
    OURO_DECREF(kn);
    OURO_DECREF(rn);
    return r;
}

static void test_sort_stability(void)
{
    OuroObject *key = tfunc_new(key_first, NULL), *one = I(1);
    int sizes[] = { 0, 1, 2, 5, 63, 64, 65, 200, 3000, 20000 };
    for (size_t si = 0; si < OU_ARRAY_LEN(sizes); si++) {
        int n = sizes[si];
        OuroObject *l = pairs(n, 7);
        long calls = ((TFunc *)key)->calls;
        OuroObject *r = sort_kw(l, key, NULL);
        CHECK(r == OURO_NONE);
        OURO_XDECREF(r);
        CHECK_INT(((TFunc *)key)->calls - calls, n); /* the key runs once per item */
        CHECK(check_stable(l, 0));
        OURO_DECREF(l);
        l = pairs(n, 7);
        r = sort_kw(l, key, one);
        OURO_XDECREF(r);
        CHECK(check_stable(l, 1));
        OURO_DECREF(l);
    }
    /* Without a key, tuples compare as wholes: (k, i) pairs are all distinct. */
    OuroObject *l = pairs(5000, 50);
    CHECK_INT(ouro_list_sort(l), 0);
    CHECK(check_stable(l, 0));
    OURO_DECREF(l);
    OURO_DECREF(key);
    OURO_DECREF(one);
}

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s >> 33;
}

static void test_sort_values(void)
{
    /* Ints with runs, duplicates and a descending stretch. */
    uint64_t seed = 42;
    for (int round = 0; round < 4; round++) {
        int n = round == 0 ? 10 : round == 1 ? 100 : round == 2 ? 1000 : 30000;
        OuroObject *l = ouro_list_new(n);
        for (int i = 0; i < n; i++) {
            int64_t v = (int64_t)(lcg(&seed) % 1000) - 500;
            if (i > n / 2 && i < n / 2 + 50)
                v = 10000 - i; /* descending run */
            OURO_LIST_SET(l, i, I(v));
        }
        CHECK_INT(ouro_list_sort(l), 0);
        int ok = 1;
        for (int i = 1; i < n; i++)
            if (ouro_int_as_int64(OURO_LIST_GET(l, i - 1)) > ouro_int_as_int64(OURO_LIST_GET(l, i)))
                ok = 0;
        CHECK(ok);
        OURO_DECREF(l);
    }
    /* Floats and strs take the direct comparisons. */
    OuroObject *fl = ouro_list_new(5);
    double fv[5] = { 3.5, 1.25, -2.0, 10.0, 1.25 };
    for (int i = 0; i < 5; i++)
        OURO_LIST_SET(fl, i, ouro_float_from_double(fv[i]));
    CHECK_INT(ouro_list_sort(fl), 0);
    CHECK_REPR(fl, "[-2.0, 1.25, 1.25, 3.5, 10.0]");
    OURO_DECREF(fl);
    OuroObject *sl5 = ouro_list_new(5);
    const char *sv[5] = { "b", "a", "ab", "B", "" };
    for (int i = 0; i < 5; i++)
        OURO_LIST_SET(sl5, i, S(sv[i]));
    CHECK_INT(ouro_list_sort(sl5), 0);
    CHECK_REPR(sl5, "['', 'B', 'a', 'ab', 'b']");
    OURO_DECREF(sl5);
    /* Mixed int and float compare by value. */
    OuroObject *mx = list_of(3, 3, 1, 2);
    OuroObject *h = ouro_float_from_double(1.5);
    ouro_list_append(mx, h);
    OURO_DECREF(h);
    CHECK_INT(ouro_list_sort(mx), 0);
    CHECK_REPR(mx, "[1, 1.5, 2, 3]");
    OuroObject *rev = I(7);
    OURO_XDECREF(sort_kw(mx, NULL, rev));
    CHECK_REPR(mx, "[3, 2, 1.5, 1]");
    OURO_DECREF(rev);
    OURO_DECREF(mx);
}

static OuroObject *key_raise_third(TFunc *f, OuroObject *arg)
{
    if (f->calls == 3)
        return ouro_err_format(&ouro_exc_KeyError, "boom");
    return OURO_NEWREF(arg);
}

/* Appends its argument to the list in data: the list looks empty during the sort. */
static OuroObject *key_mutate(TFunc *f, OuroObject *arg)
{
    CHECK_INT(OURO_LIST_SIZE(f->data), f->calls - 1); /* only what the key added */
    if (ouro_list_append(f->data, arg) < 0)
        return NULL;
    return OURO_NEWREF(arg);
}

static void test_sort_errors(void)
{
    OuroObject *l = list_of(3, 3, 1, 2);
    OuroObject *key = tfunc_new(key_raise_third, NULL);
    CHECK(sort_kw(l, key, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "'boom'");
    CHECK_REPR(l, "[3, 1, 2]"); /* untouched */
    OURO_DECREF(key);

    key = tfunc_new(key_mutate, OURO_NEWREF(l));
    CHECK(sort_kw(l, key, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "list modified during sort");
    CHECK_REPR(l, "[1, 2, 3]"); /* sorted; what was added meanwhile is dropped */
    tfunc_clear(key);
    OURO_DECREF(key);

    /* A comparison that fails: every item is still there, none twice. */
    OuroObject *a = S("a");
    OURO_DECREF(l);
    l = list_of(2, 3, 1);
    ouro_list_append(l, a);
    int want_sum = 3 + 1;
    for (int i = 0; i < 100; i++) {
        OuroObject *v = I((i * 37) % 101);
        want_sum += (i * 37) % 101;
        ouro_list_append(l, v);
        OURO_DECREF(v);
    }
    CHECK_INT(ouro_list_sort(l), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'str' and 'int'");
    CHECK_INT(OURO_LIST_SIZE(l), 103);
    int seen_a = 0, sum = 0;
    for (int i = 0; i < 103; i++) {
        OuroObject *v = OURO_LIST_GET(l, i);
        if (v == a)
            seen_a++;
        else
            sum += (int)ouro_int_as_int64(v);
    }
    CHECK_INT(seen_a, 1);
    CHECK_INT(sum, want_sum);

    /* Argument errors. */
    OuroObject *one = I(1), *names = ouro_tuple_pack(1, a), *args[2] = { one, one };
    CHECK(call_method_kw(l, "sort", args, 1, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "sort() takes no positional arguments");
    OuroObject *foo = S("foo");
    OURO_DECREF(names);
    names = ouro_tuple_pack(1, foo);
    CHECK(call_method_kw(l, "sort", args, 0, names) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'foo' is an invalid keyword argument for sort()");
    OuroObject *f = ouro_float_from_double(1.5);
    CHECK(sort_kw(l, NULL, f) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'float' object cannot be interpreted as an integer");
    /* key=None is no key. */
    OuroObject *small = list_of(3, 2, 3, 1);
    OURO_XDECREF(sort_kw(small, OURO_NONE, NULL));
    CHECK_REPR(small, "[1, 2, 3]");
    OURO_DECREF(small);
    OURO_DECREF(f);
    OURO_DECREF(foo);
    OURO_DECREF(names);
    OURO_DECREF(one);
    OURO_DECREF(l);
    OURO_DECREF(a);
}

/* ------------------------------------------------------------------ iterators -- */

static void test_iterators_under_mutation(void)
{
    OuroObject *l = list_of(3, 1, 2, 3), *v = I(4);
    OuroObject *it = ouro_object_get_iter(l);
    CHECK_STR(OURO_TYPE_NAME(it), "list_iterator");
    CHECK_INT(ou_object_length_hint(it, -1), 3);
    CHECK_INT(ival(ouro_iter_next(it)), 1);
    ouro_list_append(l, v); /* seen */
    CHECK_INT(ival(call_method(it, "__length_hint__", 0)), 3);
    CHECK_INT(ival(ouro_iter_next(it)), 2);
    CHECK_INT(ival(ouro_iter_next(it)), 3);
    CHECK_INT(ival(ouro_iter_next(it)), 4);
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    ouro_list_append(l, v); /* too late: an exhausted iterator stays exhausted */
    CHECK(ouro_iter_next(it) == NULL);
    OURO_DECREF(it);

    it = ouro_object_get_iter(l);
    CHECK_INT(ival(ouro_iter_next(it)), 1);
    OURO_XDECREF(call_method(l, "clear", 0)); /* shrinks under the iterator */
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    CHECK_INT(ou_object_length_hint(it, -1), 0);
    OURO_DECREF(it);

    OURO_DECREF(l);
    l = list_of(4, 1, 2, 3, 4);
    OuroObject *rit = call_method(l, "__reversed__", 0);
    CHECK_STR(OURO_TYPE_NAME(rit), "list_reverseiterator");
    CHECK_INT(ou_object_length_hint(rit, -1), 4);
    CHECK_INT(ival(ouro_iter_next(rit)), 4);
    CHECK_INT(ival(ouro_iter_next(rit)), 3);
    CHECK_INT(ival(call_method(rit, "__length_hint__", 0)), 2);
    ouro_list_set_slice(l, 0, 3, NULL); /* [4]: index 1 is now beyond the end */
    CHECK(ouro_iter_next(rit) == NULL && !ouro_err_occurred());
    CHECK_INT(ou_object_length_hint(rit, -1), 0);
    OURO_DECREF(rit);

    /* __setstate__ clips. */
    it = ouro_object_get_iter(l);
    OuroObject *m5 = I(-5);
    OURO_XDECREF(call_method(it, "__setstate__", 1, m5));
    CHECK_INT(ival(ouro_iter_next(it)), 4);
    OURO_DECREF(it);
    OURO_DECREF(m5);
    OURO_DECREF(v);
    OURO_DECREF(l);
}

/* ------------------------------------------------------------------ reentrancy -- */

/* A Saboteur empties the list in `target` when it is destroyed, as a __del__ might. */
typedef struct Saboteur {
    OuroObject ob_base;
    OuroObject *target;
} Saboteur;

static long sabotages;

static void saboteur_dealloc(OuroObject *o)
{
    Saboteur *s = (Saboteur *)o;
    if (s->target) {
        /* The list must be consistent here: every slot valid, the size right. */
        OuroList *l = (OuroList *)s->target;
        for (ouro_ssize i = 0; i < l->ob_size; i++)
            CHECK(l->ob_item[i] != NULL && l->ob_item[i]->ob_refcnt > 0);
        ouro_list_set_slice(s->target, 0, l->ob_size, NULL);
        sabotages++;
        OURO_DECREF(s->target);
    }
    ouro_object_free(o);
}

static OuroType saboteur_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "Saboteur",
    .tp_basicsize = sizeof(Saboteur),
    .tp_dealloc = saboteur_dealloc,
};

static OuroObject *saboteur_in(OuroObject *l)
{
    ouro_type_ready(&saboteur_type);
    Saboteur *s = (Saboteur *)ouro_object_alloc(&saboteur_type);
    s->target = OURO_NEWREF(l);
    ouro_list_append(l, (OuroObject *)s);
    OURO_DECREF(s);
    return l;
}

static void test_reentrant_destructors(void)
{
    sabotages = 0;
    OuroObject *v = I(5), *key = I(0), *s;
    /* l[0] = v drops the saboteur after storing v. */
    OuroObject *l = saboteur_in(list_of(2, 1, 2));
    OuroObject *k2 = I(2);
    CHECK_INT(ouro_object_setitem(l, k2, v), 0);
    CHECK_REPR(l, "[]");
    /* del l[i], l.pop(i), l.remove(x), l[a:b] = ..., l.clear(), l *= 0, sort. */
    saboteur_in(l);
    CHECK_INT(ouro_object_delitem(l, key), 0);
    CHECK_REPR(l, "[]");
    saboteur_in(l);
    ouro_list_append(l, v);
    OURO_XDECREF(call_method(l, "pop", 1, key));
    CHECK_REPR(l, "[]");
    saboteur_in(l);
    ouro_list_append(l, v);
    s = sl(0, 1, NO);
    OuroObject *repl = list_of(2, 7, 8);
    CHECK_INT(ouro_object_setitem(l, s, repl), 0);
    CHECK_REPR(l, "[]");
    OURO_DECREF(s);
    saboteur_in(l);
    ouro_list_append(l, v);
    ouro_list_append(l, v);
    s = sl(NO, NO, 2);
    CHECK_INT(ouro_object_delitem(l, s), 0);
    CHECK_REPR(l, "[]");
    saboteur_in(l);
    ouro_list_append(l, v);
    ouro_list_append(l, v);
    CHECK_INT(ouro_object_setitem(l, s, repl), 0);
    CHECK_REPR(l, "[]");
    OURO_DECREF(s);
    saboteur_in(l);
    OURO_XDECREF(call_method(l, "clear", 0));
    CHECK_REPR(l, "[]");
    saboteur_in(l);
    OURO_XDECREF(ouro_list_type.tp_as_sequence->sq_inplace_repeat(l, 0));
    CHECK_INT(sabotages, 8);
    OURO_DECREF(repl);
    OURO_DECREF(k2);
    OURO_DECREF(v);
    OURO_DECREF(key);
    OURO_DECREF(l);
}

/* ---------------------------------------------------------------- constructor -- */

static void test_constructor(void)
{
    OuroObject *none = ouro_tuple_new(0), *lt = (OuroObject *)&ouro_list_type;
    OuroObject *r = ouro_object_call(lt, none, NULL);
    CHECK_REPR(r, "[]");
    OURO_XDECREF(r);
    OuroObject *src = tuple_of(2, 1, 2), *args = ouro_tuple_pack(1, src);
    r = ouro_object_call(lt, args, NULL);
    CHECK_REPR(r, "[1, 2]");
    /* __init__ again replaces the contents. */
    OuroObject *args2 = ouro_tuple_pack(1, r);
    OuroObject *other = list_of(1, 9);
    OuroObject *a3 = ouro_tuple_pack(1, other);
    CHECK_INT(ouro_list_type.tp_init(r, a3, NULL), 0);
    CHECK_REPR(r, "[9]");
    OURO_DECREF(a3);
    OURO_DECREF(other);
    OURO_DECREF(args2);
    OURO_XDECREF(r);
    OURO_DECREF(args);
    OuroObject *n = I(1);
    args = ouro_tuple_pack(1, n);
    CHECK(ouro_object_call(lt, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, n, n);
    CHECK(ouro_object_call(lt, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "list expected at most 1 argument, got 2");
    OURO_DECREF(args);
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "x", n);
    CHECK(ouro_object_call(lt, none, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "list() takes no keyword arguments");
    OURO_DECREF(kw);
    /* ouro_sequence_list / tuple / as_tuple */
    r = ouro_sequence_list(src);
    CHECK_REPR(r, "[1, 2]");
    OuroObject *t = ouro_list_as_tuple(r);
    CHECK_REPR(t, "(1, 2)");
    OURO_DECREF(t);
    t = ouro_sequence_tuple(r);
    CHECK_REPR(t, "(1, 2)");
    OURO_DECREF(t);
    OURO_DECREF(r);
    CHECK(ouro_sequence_list(n) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    OURO_DECREF(n);
    OURO_DECREF(src);
    OURO_DECREF(none);
}

/* Acceptance: a list nested a million deep is freed without overflowing the C stack. */
static void test_deep_nesting_dealloc(void)
{
    OuroObject *l = ouro_list_new(0);
    for (long i = 0; i < 1000000; i++) {
        OuroObject *n = ouro_list_new(0);
        if (!CHECK(n && ouro_list_append(n, l) == 0))
            break;
        OURO_DECREF(l);
        l = n;
    }
    OURO_DECREF(l);
}

/* repr and == of deep nesting: RecursionError, not a crash. */
static void test_deep_repr_compare(void)
{
    OuroObject *a = ouro_list_new(0), *b = ouro_list_new(0);
    for (int i = 0; i < 100000; i++) {
        OuroObject *n = ouro_list_new(0), *m = ouro_list_new(0);
        ouro_list_append(n, a);
        ouro_list_append(m, b);
        OURO_DECREF(a);
        OURO_DECREF(b);
        a = n;
        b = m;
    }
    CHECK(ouro_object_repr(a) == NULL);
    CHECK_RAISED(&ouro_exc_RecursionError, NULL);
    CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_EQ), -1);
    CHECK_RAISED(&ouro_exc_RecursionError, NULL);
    OURO_DECREF(a);
    OURO_DECREF(b);
}

/* ---------------------------------------------------------- allocation failures -- */

static int op_append(void)
{
    OuroObject *l = ouro_list_new(0);
    if (!l)
        return -1;
    int rc = 0;
    for (int i = 0; i < 50 && rc == 0; i++)
        rc = ouro_list_append(l, OURO_NONE);
    if (rc == 0)
        rc = ouro_list_insert(l, 3, OURO_TRUE);
    if (rc == 0)
        CHECK_INT(OURO_LIST_SIZE(l), 51);
    OURO_DECREF(l);
    return rc;
}

static int op_extend(void)
{
    OuroObject *l = ouro_list_new(0), *t = NULL, *it = NULL, *r = NULL, *n = NULL;
    int rc = -1;
    if (!l || !(t = tuple_of(3, 1, 2, 3)) || ouro_list_extend(l, t) < 0 ||
        ouro_list_extend(l, l) < 0 || !(it = ouro_object_get_iter(t)) ||
        ouro_list_extend(l, it) < 0 || !(n = I(30)) || !(r = ouro_range_new(NULL, n, NULL)) ||
        ouro_list_extend(l, r) < 0)
        goto done;
    CHECK_INT(OURO_LIST_SIZE(l), 39);
    rc = 0;
done:
    OURO_XDECREF(l);
    OURO_XDECREF(t);
    OURO_XDECREF(it);
    OURO_XDECREF(r);
    OURO_XDECREF(n);
    return rc;
}

static int op_slices(void)
{
    OuroObject *l = range_list(40), *ins = NULL, *s = NULL, *g = NULL, *s2 = NULL, *cat = NULL,
               *rep = NULL, *n3 = NULL;
    int rc = -1;
    if (!l || !(ins = range_list(20)) || !(s = sl(5, 6, NO)) ||
        ouro_object_setitem(l, s, ins) < 0 ||
        !(s2 = sl(NO, NO, 3)) || !(g = ouro_object_getitem(l, s2)) ||
        ouro_object_setitem(l, s2, g) < 0 || ouro_object_delitem(l, s2) < 0 ||
        ouro_list_set_slice(l, 0, 30, NULL) < 0 || !(cat = ouro_number_add(l, ins)) ||
        !(n3 = I(3)) || !(rep = ouro_number_multiply(cat, n3)))
        goto done;
    CHECK_INT(OURO_LIST_SIZE(l), 9);
    CHECK_INT(OURO_LIST_SIZE(rep), 87);
    rc = 0;
done:
    OURO_XDECREF(l);
    OURO_XDECREF(ins);
    OURO_XDECREF(s);
    OURO_XDECREF(g);
    OURO_XDECREF(s2);
    OURO_XDECREF(cat);
    OURO_XDECREF(rep);
    OURO_XDECREF(n3);
    return rc;
}

static OuroObject *key_neg(TFunc *f, OuroObject *arg)
{
    return ouro_number_negative(arg);
}

static int op_sort(void)
{
    /* Big enough to need merge memory beyond the built-in temp array. */
    OuroObject *l = ouro_list_new(0), *key = NULL, *kn = NULL, *names = NULL, *r = NULL;
    int rc = -1;
    if (!l)
        return -1;
    uint64_t seed = 7;
    for (int i = 0; i < 2000; i++) {
        OuroObject *v = I((int64_t)(lcg(&seed) % 100000));
        if (!v || ouro_list_append(l, v) < 0) {
            OURO_XDECREF(v);
            goto done;
        }
        OURO_DECREF(v);
    }
    if (ouro_list_sort(l) < 0 || !(key = tfunc_new(key_neg, NULL)) || !(kn = S("key")) ||
        !(names = ouro_tuple_pack(1, kn)) || !(r = call_method_kw(l, "sort", &key, 0, names)))
        goto done;
    int ok = 1;
    for (int i = 1; i < 2000; i++)
        if (ouro_int_as_int64(OURO_LIST_GET(l, i - 1)) < ouro_int_as_int64(OURO_LIST_GET(l, i)))
            ok = 0;
    CHECK(ok);
    rc = 0;
done:
    OURO_XDECREF(l);
    OURO_XDECREF(key);
    OURO_XDECREF(kn);
    OURO_XDECREF(names);
    OURO_XDECREF(r);
    return rc;
}

static int op_repr_copy(void)
{
    OuroObject *l = range_list(30), *c = NULL, *r = NULL;
    int rc = -1;
    if (l && (c = call_method(l, "copy", 0)) && ouro_list_append(c, l) == 0 &&
        (r = ouro_object_repr(c)))
        rc = 0;
    OURO_XDECREF(l);
    OURO_XDECREF(c);
    OURO_XDECREF(r);
    return rc;
}

static void test_allocation_failures(void)
{
    CHECK(fail_loop(op_append) >= 2);
    CHECK(fail_loop(op_extend) >= 4);
    CHECK(fail_loop(op_slices) >= 8);
    CHECK(fail_loop(op_sort) >= 3);
    CHECK(fail_loop(op_repr_copy) >= 2);
}

int main(void)
{
    th_begin("list");
    RUN(test_new_append_insert);
    RUN(test_growth_matches_cpython);
    RUN(test_richcompare);
    RUN(test_repr);
    RUN(test_pop_remove_index_count);
    RUN(test_concat_repeat);
    RUN(test_slices);
    RUN(test_sort_stability);
    RUN(test_sort_values);
    RUN(test_sort_errors);
    RUN(test_iterators_under_mutation);
    RUN(test_reentrant_destructors);
    RUN(test_constructor);
    RUN(test_deep_nesting_dealloc);
    RUN(test_deep_repr_compare);
    RUN(test_allocation_failures);
    return th_end();
}
