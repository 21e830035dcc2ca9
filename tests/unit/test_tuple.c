/* tests/unit/test_tuple.c — tuple: creation and the shared empty tuple, CPython's hash
 * values, comparison, repr, concatenation and repetition, indexing and slicing, methods,
 * iteration, the constructor, untracking, deep deallocation and allocation failures.
 * Expected values are what python3 (3.11) prints. */
#include "seqtest.h"

static int count_visit(OuroObject *o, void *arg)
{
    (*(int *)arg)++;
    return 0;
}

static void test_new_and_empty(void)
{
    OuroObject *e1 = ouro_tuple_new(0), *e2 = ouro_tuple_new(0);
    CHECK(e1 == e2);
    CHECK(ouro_is_immortal(e1));
    CHECK(ouro_tuple_check_exact(e1));
    CHECK_INT(ouro_tuple_size(e1), 0);
    CHECK(!ouro_gc_is_tracked(e1));
    CHECK_REPR(e1, "()");
    OURO_DECREF(e1);
    OURO_DECREF(e2);

    /* Tracked at once, with NULL slots that traverse skips. */
    OuroObject *t = ouro_tuple_new(3);
    CHECK(ouro_gc_is_tracked(t));
    int visits = 0;
    ouro_object_traverse(t, count_visit, &visits);
    CHECK_INT(visits, 0);
    OURO_TUPLE_SET(t, 0, I(1));
    ouro_object_traverse(t, count_visit, &visits);
    CHECK_INT(visits, 1);
    OURO_TUPLE_SET(t, 1, I(2));
    OURO_TUPLE_SET(t, 2, I(3));
    CHECK_INT(ouro_tuple_size(t), 3);
    CHECK_INT(ival(OURO_NEWREF(ouro_tuple_get_item(t, 2))), 3);
    CHECK(ouro_tuple_get_item(t, 3) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "tuple index out of range");
    CHECK(ouro_tuple_get_item(t, -1) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "tuple index out of range");
    OURO_DECREF(t);

    CHECK(ouro_tuple_new(-1) == NULL);
    CHECK_RAISED(&ouro_exc_SystemError, NULL);

    OuroObject *a = I(7), *b = S("x");
    OuroObject *p = ouro_tuple_pack(2, a, b);
    CHECK_REPR(p, "(7, 'x')");
    OuroObject *items[2] = { b, a };
    OuroObject *q = ouro_tuple_from_array(items, 2);
    CHECK_REPR(q, "('x', 7)");
    OURO_DECREF(p);
    OURO_DECREF(q);
    OURO_DECREF(a);
    OURO_DECREF(b);
}

static void check_hash(OuroObject *t, int64_t want)
{
    CHECK_INT(ouro_object_hash(t), want);
    OURO_DECREF(t);
}

static void test_hash_matches_cpython(void)
{
    check_hash(ouro_tuple_new(0), 5740354900026072187LL);
    check_hash(tuple_of(1, 1), -6644214454873602895LL);
    check_hash(tuple_of(2, 1, 2), -3550055125485641917LL);
    check_hash(tuple_of(1, -1), 8078679518589016365LL);
    check_hash(tuple_of(1, 0), -8753497827991233192LL);
    check_hash(tuple_of(10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), -2040549277248155741LL);
    OuroObject *inner = tuple_of(2, 2, 3), *one = I(1);
    check_hash(ouro_tuple_pack(2, one, inner), 7267574591690527098LL);
    OURO_DECREF(inner);
    OuroObject *empty = ouro_tuple_new(0);
    check_hash(ouro_tuple_pack(1, empty), -5486347211504344842LL);
    /* hash(2**61 - 1) == 0, hash(1.5), hash(True) == 1, hash(1.0) == hash(1) */
    OuroObject *m = BIG("2305843009213693951");
    check_hash(ouro_tuple_pack(1, m), -8753497827991233192LL);
    OURO_DECREF(m);
    OuroObject *f = ouro_float_from_double(1.5), *f1 = ouro_float_from_double(1.0);
    check_hash(ouro_tuple_pack(2, f, OURO_TRUE), 1767087712303363268LL);
    check_hash(ouro_tuple_pack(2, one, f1), 8389048192121911274LL);
    OURO_DECREF(f);
    OURO_DECREF(f1);
    OuroObject *big = BIG("1000000000000000000000000000000");
    check_hash(ouro_tuple_pack(1, big), -868403863412041957LL);
    OURO_DECREF(big);
    OURO_DECREF(one);

    /* Unhashable item. */
    OuroObject *l = ouro_list_new(0), *t = ouro_tuple_pack(1, l);
    CHECK_INT(ouro_object_hash(t), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    OURO_DECREF(t);
    OURO_DECREF(l);
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
    CHECK_INT(cmp(tuple_of(2, 1, 2), tuple_of(2, 1, 2), OURO_EQ), 1);
    CHECK_INT(cmp(tuple_of(2, 1, 2), tuple_of(2, 1, 3), OURO_NE), 1);
    CHECK_INT(cmp(tuple_of(2, 1, 2), tuple_of(3, 1, 2, 3), OURO_LT), 1);
    CHECK_INT(cmp(tuple_of(2, 1, 2), tuple_of(2, 1, 3), OURO_LT), 1);
    CHECK_INT(cmp(tuple_of(1, 2), tuple_of(2, 1, 5), OURO_GT), 1);
    CHECK_INT(cmp(tuple_of(2, 1, 2), tuple_of(2, 1, 2), OURO_LE), 1);
    CHECK_INT(cmp(tuple_of(2, 1, 2), tuple_of(2, 1, 3), OURO_GE), 0);
    CHECK_INT(cmp(ouro_tuple_new(0), tuple_of(1, 0), OURO_LT), 1);
    /* Identity implies equality for items: a NaN equals itself inside a tuple. */
    OuroObject *nan = ouro_float_from_double(__builtin_nan(""));
    CHECK_INT(cmp(ouro_tuple_pack(1, nan), ouro_tuple_pack(1, nan), OURO_EQ), 1);
    OuroObject *nan2 = ouro_float_from_double(__builtin_nan(""));
    CHECK_INT(cmp(ouro_tuple_pack(1, nan), ouro_tuple_pack(1, nan2), OURO_EQ), 0);
    OURO_DECREF(nan);
    OURO_DECREF(nan2);
    /* 1 == 1.0 == True */
    OuroObject *f = ouro_float_from_double(1.0);
    CHECK_INT(cmp(tuple_of(1, 1), ouro_tuple_pack(1, f), OURO_EQ), 1);
    CHECK_INT(cmp(tuple_of(1, 1), ouro_tuple_pack(1, OURO_TRUE), OURO_EQ), 1);
    OURO_DECREF(f);
    /* Not a tuple: == is False, < is a TypeError. */
    CHECK_INT(cmp(tuple_of(1, 1), list_of(1, 1), OURO_EQ), 0);
    CHECK_INT(cmp(tuple_of(1, 1), list_of(1, 1), OURO_LT), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'tuple' and 'list'");
    /* The deciding items' comparison error propagates. */
    OuroObject *s = S("a");
    CHECK_INT(cmp(tuple_of(2, 1, 2), ouro_tuple_pack(2, OURO_TRUE, s), OURO_LT), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'int' and 'str'");
    OURO_DECREF(s);
}

static void test_repr(void)
{
    OuroObject *t = tuple_of(1, 1);
    CHECK_REPR(t, "(1,)");
    OURO_DECREF(t);
    OuroObject *inner = tuple_of(1, 2), *l = list_of(1, 3), *one = I(1);
    t = ouro_tuple_pack(3, one, inner, l);
    CHECK_REPR(t, "(1, (2,), [3])");
    OURO_DECREF(t);
    /* A tuple that reaches itself through a list. */
    OuroObject *l2 = ouro_list_new(0);
    t = ouro_tuple_pack(1, l2);
    ouro_list_append(l2, t);
    CHECK_REPR(t, "([(...)],)");
    ouro_list_set_slice(l2, 0, 1, NULL); /* break the cycle */
    OURO_DECREF(t);
    OURO_DECREF(l2);
    OURO_DECREF(inner);
    OURO_DECREF(l);
    OURO_DECREF(one);
}

static void test_concat_repeat(void)
{
    OuroObject *a = tuple_of(2, 1, 2), *b = tuple_of(1, 3), *e = ouro_tuple_new(0);
    OuroObject *r = ouro_number_add(a, b);
    CHECK_REPR(r, "(1, 2, 3)");
    OURO_DECREF(r);
    r = ouro_number_add(a, e);
    CHECK(r == a); /* exact tuple plus () is the tuple itself */
    OURO_DECREF(r);
    r = ouro_number_add(e, b);
    CHECK(r == b);
    OURO_DECREF(r);
    OuroObject *l = list_of(1, 2);
    CHECK(ouro_number_add(a, l) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can only concatenate tuple (not \"list\") to tuple");

    OuroObject *n3 = I(3), *n0 = I(0), *n1 = I(1), *nm = I(-2), *s = S("a");
    r = ouro_number_multiply(a, n3);
    CHECK_REPR(r, "(1, 2, 1, 2, 1, 2)");
    OURO_DECREF(r);
    r = ouro_number_multiply(n3, b); /* int * tuple */
    CHECK_REPR(r, "(3, 3, 3)");
    OURO_DECREF(r);
    r = ouro_number_multiply(a, n1);
    CHECK(r == a);
    OURO_DECREF(r);
    r = ouro_number_multiply(a, n0);
    CHECK(r == e);
    OURO_DECREF(r);
    r = ouro_number_multiply(a, nm);
    CHECK(r == e);
    OURO_DECREF(r);
    CHECK(ouro_number_multiply(a, s) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "can't multiply sequence by non-int of type 'str'");
    OuroObject *huge = BIG("4611686018427387904"); /* 2**62: too many items */
    CHECK(ouro_number_multiply(a, huge) == NULL);
    CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    OURO_DECREF(huge);
    OURO_DECREF(n3);
    OURO_DECREF(n0);
    OURO_DECREF(n1);
    OURO_DECREF(nm);
    OURO_DECREF(s);
    OURO_DECREF(l);
    OURO_DECREF(a);
    OURO_DECREF(b);
    OURO_DECREF(e);
}

static OuroObject *getitem(OuroObject *o, OuroObject *key)
{
    OuroObject *r = ouro_object_getitem(o, key);
    OURO_DECREF(key);
    return r;
}

static OuroObject *slice3(int64_t a, int64_t b, int64_t c, int which)
{
    /* which: bit 0 start given, bit 1 stop, bit 2 step */
    OuroObject *x = which & 1 ? I(a) : NULL, *y = which & 2 ? I(b) : NULL;
    OuroObject *z = which & 4 ? I(c) : NULL;
    OuroObject *s = ouro_slice_new(x, y, z);
    OURO_XDECREF(x);
    OURO_XDECREF(y);
    OURO_XDECREF(z);
    return s;
}

static void check_getitem_repr(OuroObject *o, OuroObject *key, const char *want)
{
    OuroObject *r = getitem(o, key);
    CHECK_REPR(r, want);
    OURO_XDECREF(r);
}

static void test_subscript(void)
{
    OuroObject *t = tuple_of(5, 1, 2, 3, 4, 5);
    CHECK_INT(ival(getitem(t, I(0))), 1);
    CHECK_INT(ival(getitem(t, I(-1))), 5);
    CHECK_INT(ival(getitem(t, I(-5))), 1);
    CHECK(getitem(t, I(5)) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "tuple index out of range");
    CHECK(getitem(t, I(-6)) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "tuple index out of range");
    CHECK(getitem(t, BIG("100000000000000000000")) == NULL);
    CHECK_RAISED(&ouro_exc_IndexError, "cannot fit 'int' into an index-sized integer");
    CHECK(getitem(t, S("a")) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "tuple indices must be integers or slices, not str");
    CHECK_INT(ival(getitem(t, OURO_TRUE)), 2); /* bool is an int */

    check_getitem_repr(t, slice3(0, 0, -1, 4), "(5, 4, 3, 2, 1)");
    check_getitem_repr(t, slice3(1, 0, 2, 5), "(2, 4)");
    check_getitem_repr(t, slice3(5, 0, 0, 1), "()");
    check_getitem_repr(t, slice3(-10, 2, 0, 3), "(1, 2)");
    check_getitem_repr(t, slice3(-2, 0, 0, 1), "(4, 5)");
    check_getitem_repr(t, slice3(3, 0, -2, 5), "(4, 2)");
    OuroObject *all = getitem(t, slice3(0, 0, 0, 0));
    CHECK(all == t); /* t[:] of an exact tuple is t */
    OURO_XDECREF(all);
    CHECK(getitem(t, slice3(0, 0, 0, 4)) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "slice step cannot be zero");

    OuroObject *s = ouro_tuple_get_slice(t, -5, 2);
    CHECK_REPR(s, "(1, 2)");
    OURO_DECREF(s);
    s = ouro_tuple_get_slice(t, 3, 100);
    CHECK_REPR(s, "(4, 5)");
    OURO_DECREF(s);
    s = ouro_tuple_get_slice(t, 4, 2);
    CHECK_REPR(s, "()");
    OURO_DECREF(s);
    OURO_DECREF(t);
}

static void test_contains_index_count(void)
{
    OuroObject *t = tuple_of(5, 1, 2, 3, 2, 1), *two = I(2), *nine = I(9), *zero = I(0);
    OuroObject *f = ouro_float_from_double(2.0), *big = BIG("100000000000000000000");
    CHECK_INT(ouro_sequence_contains(t, two), 1);
    CHECK_INT(ouro_sequence_contains(t, f), 1);
    CHECK_INT(ouro_sequence_contains(t, nine), 0);
    CHECK_INT(ival(call_method(t, "index", 1, two)), 1);
    OuroObject *m2 = I(-2), *m100 = I(-100), *three = I(3);
    CHECK_INT(ival(call_method(t, "index", 2, two, three)), 3);
    CHECK_INT(ival(call_method(t, "index", 2, two, m2)), 3);
    CHECK_INT(ival(call_method(t, "index", 3, two, m100, big)), 1);
    CHECK_INT(ival(call_method(t, "index", 3, two, zero, three)), 1);
    CHECK(call_method(t, "index", 3, two, m2, m2) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "tuple.index(x): x not in tuple");
    CHECK(call_method(t, "index", 1, nine) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "tuple.index(x): x not in tuple");
    CHECK(call_method(t, "index", 0) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "index expected at least 1 argument, got 0");
    CHECK(call_method(t, "index", 4, two, zero, zero, zero) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "index expected at most 3 arguments, got 4");
    CHECK(call_method(t, "index", 2, two, f) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "slice indices must be integers or have an __index__ method");
    CHECK(call_method(t, "index", 2, two, OURO_NONE) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "slice indices must be integers or have an __index__ method");
    CHECK_INT(ival(call_method(t, "count", 1, two)), 2);
    CHECK_INT(ival(call_method(t, "count", 1, f)), 2);
    CHECK_INT(ival(call_method(t, "count", 1, nine)), 0);
    OURO_DECREF(m2);
    OURO_DECREF(m100);
    OURO_DECREF(three);
    OURO_DECREF(t);
    OURO_DECREF(two);
    OURO_DECREF(nine);
    OURO_DECREF(zero);
    OURO_DECREF(f);
    OURO_DECREF(big);
}

static void test_iteration(void)
{
    OuroObject *t = tuple_of(3, 10, 20, 30);
    OuroObject *it = ouro_object_get_iter(t);
    CHECK_STR(OURO_TYPE_NAME(it), "tuple_iterator");
    CHECK(ouro_gc_is_tracked(it));
    CHECK_INT(ou_object_length_hint(it, -1), 3);
    CHECK_INT(ival(call_method(it, "__length_hint__", 0)), 3);
    CHECK_INT(ival(ouro_iter_next(it)), 10);
    CHECK_INT(ou_object_length_hint(it, -1), 2);
    CHECK_INT(ival(ouro_iter_next(it)), 20);
    CHECK_INT(ival(ouro_iter_next(it)), 30);
    CHECK(ouro_iter_next(it) == NULL);
    CHECK(!ouro_err_occurred());
    CHECK(ouro_iter_next(it) == NULL); /* stays exhausted */
    CHECK_INT(ou_object_length_hint(it, -1), 0);
    OURO_DECREF(it);

    it = ouro_object_get_iter(t);
    OuroObject *one = I(1), *nine = I(9);
    OuroObject *r = call_method(it, "__setstate__", 1, one);
    CHECK(r == OURO_NONE);
    OURO_XDECREF(r);
    CHECK_INT(ival(ouro_iter_next(it)), 20);
    OURO_XDECREF(call_method(it, "__setstate__", 1, nine));
    CHECK(ouro_iter_next(it) == NULL);
    OURO_DECREF(it);
    OURO_DECREF(one);
    OURO_DECREF(nine);

    /* The iterator keeps the tuple alive. */
    it = ouro_object_get_iter(t);
    OURO_DECREF(t);
    CHECK_INT(ival(ouro_iter_next(it)), 10);
    OURO_DECREF(it);
}

static OuroType mytuple_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "mytuple",
    .tp_base = &ouro_tuple_type,
    .tp_basicsize = sizeof(OuroTuple),
    .tp_itemsize = sizeof(OuroObject *),
    .tp_flags = OURO_TPFLAG_GC | OURO_TPFLAG_TUPLE_SUBCLASS,
};

static void test_constructor(void)
{
    OuroObject *none = ouro_tuple_new(0);
    OuroObject *r = ouro_object_call((OuroObject *)&ouro_tuple_type, none, NULL);
    CHECK(r == none);
    OURO_XDECREF(r);

    OuroObject *l = list_of(3, 1, 2, 3), *args = ouro_tuple_pack(1, l);
    r = ouro_object_call((OuroObject *)&ouro_tuple_type, args, NULL);
    CHECK_REPR(r, "(1, 2, 3)");
    /* tuple(t) of an exact tuple is t. */
    OuroObject *args2 = ouro_tuple_pack(1, r);
    OuroObject *r2 = ouro_object_call((OuroObject *)&ouro_tuple_type, args2, NULL);
    CHECK(r2 == r);
    OURO_XDECREF(r2);
    OURO_DECREF(args2);
    OURO_XDECREF(r);
    OURO_DECREF(args);

    /* From an iterator (a range). */
    OuroObject *ten = I(4), *rg = ouro_range_new(NULL, ten, NULL);
    r = ouro_sequence_tuple(rg);
    CHECK_REPR(r, "(0, 1, 2, 3)");
    OURO_XDECREF(r);
    OuroObject *it = ouro_object_get_iter(rg);
    r = ouro_sequence_tuple(it);
    CHECK_REPR(r, "(0, 1, 2, 3)");
    OURO_XDECREF(r);
    OURO_DECREF(it);
    OURO_DECREF(rg);
    OURO_DECREF(ten);

    OuroObject *n = I(1);
    args = ouro_tuple_pack(1, n);
    CHECK(ouro_object_call((OuroObject *)&ouro_tuple_type, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    OURO_DECREF(args);
    args = ouro_tuple_pack(2, l, l);
    CHECK(ouro_object_call((OuroObject *)&ouro_tuple_type, args, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "tuple expected at most 1 argument, got 2");
    OURO_DECREF(args);
    OuroObject *kw = ouro_dict_new();
    ouro_dict_set_item_str(kw, "x", n);
    CHECK(ouro_object_call((OuroObject *)&ouro_tuple_type, none, kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "tuple() takes no keyword arguments");
    OURO_DECREF(kw);
    OURO_DECREF(n);

    /* A subclass gets its own instance, even of the same items. */
    ouro_type_ready(&mytuple_type);
    args = ouro_tuple_pack(1, l);
    r = ouro_object_call((OuroObject *)&mytuple_type, args, NULL);
    CHECK(r && OURO_TYPE(r) == &mytuple_type);
    CHECK(r && ouro_gc_is_tracked(r));
    CHECK_INT(ouro_tuple_size(r), 3);
    OuroObject *sum = ouro_number_add(r, none);
    CHECK(sum != r && ouro_tuple_check_exact(sum)); /* not the subclass instance */
    CHECK_REPR(sum, "(1, 2, 3)");
    OURO_XDECREF(sum);
    OURO_XDECREF(r);
    OURO_DECREF(args);
    OURO_DECREF(l);
    OURO_DECREF(none);
}

static void test_maybe_untrack(void)
{
    OuroObject *a = tuple_of(2, 1, 2);
    CHECK(ouro_gc_is_tracked(a));
    ou_tuple_maybe_untrack(a);
    CHECK(!ouro_gc_is_tracked(a));
    OuroObject *l = ouro_list_new(0), *b = ouro_tuple_pack(2, a, l);
    ou_tuple_maybe_untrack(b);
    CHECK(ouro_gc_is_tracked(b)); /* holds a list */
    OuroObject *s = S("x"), *c = ouro_tuple_pack(2, a, s);
    ou_tuple_maybe_untrack(c);
    CHECK(!ouro_gc_is_tracked(c)); /* an untracked tuple and a str */
    OuroObject *d = ouro_tuple_new(2);
    OURO_TUPLE_SET(d, 0, I(1));
    ou_tuple_maybe_untrack(d);
    CHECK(ouro_gc_is_tracked(d)); /* still being filled */
    OURO_TUPLE_SET(d, 1, I(2));
    OURO_DECREF(a);
    OURO_DECREF(b);
    OURO_DECREF(c);
    OURO_DECREF(d);
    OURO_DECREF(l);
    OURO_DECREF(s);
}

/* Acceptance: dropping a chain t = (t,) ten million deep must not overflow the C stack
 * (the trashcan in ouro_dealloc), and must free everything (RUN checks for leaks). */
static void test_deep_chain_dealloc(void)
{
    OuroObject *t = ouro_tuple_new(0);
    for (long i = 0; i < 10000000; i++) {
        OuroObject *n = ouro_tuple_new(1);
        if (!CHECK(n != NULL))
            break;
        OURO_TUPLE_SET(n, 0, t);
        t = n;
    }
    OURO_DECREF(t);
}

/* Deep nesting in hash: a RecursionError, not a crash. */
static void test_deep_hash_recursion_error(void)
{
    OuroObject *t = ouro_tuple_new(0);
    for (int i = 0; i < 100000; i++) {
        OuroObject *n = ouro_tuple_new(1);
        OURO_TUPLE_SET(n, 0, t);
        t = n;
    }
    CHECK_INT(ouro_object_hash(t), -1);
    CHECK_RAISED(&ouro_exc_RecursionError, NULL);
    OURO_DECREF(t);
}

/* ---------------------------------------------------------- allocation failures -- */

static int op_new(void)
{
    OuroObject *t = ouro_tuple_new(5);
    if (!t)
        return -1;
    for (int i = 0; i < 5; i++)
        OURO_TUPLE_SET(t, i, OURO_NEWREF(OURO_NONE));
    OURO_DECREF(t);
    return 0;
}

static int op_sequence_tuple(void)
{
    OuroObject *l = ouro_list_new(0);
    if (!l)
        return -1;
    int rc = -1;
    for (int i = 0; i < 20; i++) {
        OuroObject *v = I(1000 + i);
        if (!v || ouro_list_append(l, v) < 0) {
            OURO_XDECREF(v);
            goto done;
        }
        OURO_DECREF(v);
    }
    OuroObject *it = ouro_object_get_iter(l);
    OuroObject *t = it ? ouro_sequence_tuple(it) : NULL;
    OURO_XDECREF(it);
    if (t) {
        CHECK_INT(OURO_TUPLE_SIZE(t), 20);
        OURO_DECREF(t);
        rc = 0;
    }
done:
    OURO_DECREF(l);
    return rc;
}

static int op_concat_repeat_slice_repr(void)
{
    OuroObject *a = tuple_of(3, 1000, 2000, 3000), *b = NULL, *c = NULL, *n = NULL, *d = NULL,
               *s = NULL, *r = NULL, *sl = NULL;
    int rc = -1;
    if (!a || !(b = ouro_number_add(a, a)) || !(n = I(3)) || !(c = ouro_number_multiply(b, n)) ||
        !(sl = ouro_slice_new(NULL, NULL, n)) || !(d = ouro_object_getitem(c, sl)) ||
        !(r = ouro_object_repr(d)))
        goto done;
    CHECK_STR(ouro_str_utf8(r), "(1000, 1000, 1000, 1000, 1000, 1000)");
    s = ouro_object_repr(c);
    rc = s ? 0 : -1;
done:
    OURO_XDECREF(a);
    OURO_XDECREF(b);
    OURO_XDECREF(c);
    OURO_XDECREF(n);
    OURO_XDECREF(d);
    OURO_XDECREF(s);
    OURO_XDECREF(r);
    OURO_XDECREF(sl);
    return rc;
}

static void test_allocation_failures(void)
{
    CHECK(fail_loop(op_new) >= 1);
    CHECK(fail_loop(op_sequence_tuple) >= 1);
    CHECK(fail_loop(op_concat_repeat_slice_repr) >= 1);
}

int main(void)
{
    th_begin("tuple");
    RUN(test_new_and_empty);
    RUN(test_hash_matches_cpython);
    RUN(test_richcompare);
    RUN(test_repr);
    RUN(test_concat_repeat);
    RUN(test_subscript);
    RUN(test_contains_index_count);
    RUN(test_iteration);
    RUN(test_constructor);
    RUN(test_maybe_untrack);
    RUN(test_deep_chain_dealloc);
    RUN(test_deep_hash_recursion_error);
    RUN(test_allocation_failures);
    return th_end();
}
