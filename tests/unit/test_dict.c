/* tests/unit/test_dict.c — dict, its views and iterators against CPython 3.11's behaviour
 * (expected strings recorded from python3). */
#include "dictset_util.h"

static OuroObject *D(void) { return K(ouro_dict_new()); }

/* d[k] = v for ints. */
static void seti(OuroObject *d, int64_t k, int64_t v)
{
    CHECK_INT(ouro_dict_set_item(d, I(k), I(v)), 0);
}

static OuroObject *geti(OuroObject *d, int64_t k)
{
    return ouro_dict_get_item_with_error(d, I(k));
}

static int64_t ival(OuroObject *o)
{
    return o ? ouro_int_as_int64(o) : -999999;
}

static OuroObject *next_or_null(OuroObject *it)
{
    return K(ouro_iter_next(it));
}

/* ------------------------------------------------------------------------ basics -- */

static void test_new_empty(void)
{
    OuroObject *d = D();
    CHECK(d != NULL);
    CHECK(ouro_dict_check_exact(d));
    CHECK_INT(ouro_dict_size(d), 0);
    CHECK_REPR(d, "{}");
    CHECK(!ouro_gc_is_tracked(d));
    /* 24 bytes + the GC header; CPython's empty dict is 64 with its header. */
    CHECK_INT(sizeof(OuroDict), 24);
    CHECK(ouro_object_footprint(d) <= 32);
    CHECK(OU_DICT(d)->ma_keys == NULL);
    CHECK_INT(ouro_object_length(d), 0);
    CHECK_INT(ouro_object_is_true(d), 0);
    drop_all();
}

static void test_small_dict_memory(void)
{
    OuroObject *d = D();
    seti(d, 1, 2);
    /* CPython's {1: 2}: 224 bytes with the GC header. */
    size_t total = ouro_object_footprint(d) + ou_heap_usable_size(ou_current.heap, OU_DICT(d)->ma_keys);
    CHECK(total <= 224);
    CHECK_INT(OU_DICT(d)->ma_keys->dk_log2_size, 3);
    OuroObject *sz = K(M(d, "__sizeof__", 0));
    CHECK(sz && ival(sz) < 224);
    drop_all();
}

static void test_set_get_del(void)
{
    OuroObject *d = D();
    seti(d, 1, 10);
    seti(d, 2, 20);
    CHECK_INT(ouro_dict_set_item(d, S("x"), I(30)), 0);
    CHECK_INT(ouro_dict_size(d), 3);
    CHECK_INT(ival(geti(d, 1)), 10);
    CHECK_INT(ival(geti(d, 2)), 20);
    CHECK_INT(ival(ouro_dict_get_item_with_error(d, S("x"))), 30);
    CHECK(geti(d, 3) == NULL && !ouro_err_occurred());
    CHECK_INT(ouro_dict_contains(d, I(1)), 1);
    CHECK_INT(ouro_dict_contains(d, I(5)), 0);
    CHECK_INT(ouro_sequence_contains(d, S("x")), 1);
    /* replace */
    seti(d, 1, 11);
    CHECK_INT(ouro_dict_size(d), 3);
    CHECK_INT(ival(geti(d, 1)), 11);
    CHECK_REPR(d, "{1: 11, 2: 20, 'x': 30}");
    /* subscript protocol */
    OuroObject *v = K(ouro_object_getitem(d, I(2)));
    CHECK_INT(ival(v), 20);
    CHECK(ouro_object_getitem(d, I(99)) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "99");
    CHECK(ouro_object_getitem(d, S("nope")) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "'nope'");
    CHECK_INT(ouro_object_setitem(d, I(3), I(33)), 0);
    CHECK_INT(ouro_object_delitem(d, I(3)), 0);
    /* delete */
    CHECK_INT(ouro_dict_del_item(d, I(2)), 0);
    CHECK_INT(ouro_dict_size(d), 2);
    CHECK(geti(d, 2) == NULL);
    CHECK_INT(ouro_dict_del_item(d, I(2)), -1);
    CHECK_RAISED(&ouro_exc_KeyError, "2");
    CHECK_INT(ouro_dict_del_item(d, S("zz")), -1);
    CHECK_RAISED(&ouro_exc_KeyError, "'zz'");
    CHECK_REPR(d, "{1: 11, 'x': 30}");
    CHECK_INT(ouro_object_is_true(d), 1);
    drop_all();
}

static void test_str_keys(void)
{
    OuroObject *d = D();
    CHECK_INT(ouro_dict_set_item_str(d, "alpha", I(1)), 0);
    CHECK_INT(ouro_dict_set_item_str(d, "beta", I(2)), 0);
    CHECK_INT(ival(ouro_dict_get_item_str(d, "alpha")), 1);
    CHECK(ouro_dict_get_item_str(d, "gamma") == NULL && !ouro_err_occurred());
    /* an equal str that is another object finds the same entry */
    OuroObject *k = S("be");
    OuroObject *k2 = K(ouro_str_concat(k, S("ta")));
    CHECK_INT(ival(ouro_dict_get_item_with_error(d, k2)), 2);
    CHECK_INT(ouro_dict_set_item(d, k2, I(3)), 0);
    CHECK_INT(ouro_dict_size(d), 2);
    CHECK_REPR(d, "{'alpha': 1, 'beta': 3}");
    drop_all();
}

/* 1, 1.0 and True are one key: the first key object stays, the value is replaced. */
static void test_numeric_equal_keys(void)
{
    OuroObject *d = D();
    CHECK_INT(ouro_dict_set_item(d, I(1), S("a")), 0);
    CHECK_INT(ouro_dict_set_item(d, F(1.0), S("b")), 0);
    CHECK_INT(ouro_dict_set_item(d, OURO_TRUE, S("c")), 0);
    CHECK_INT(ouro_dict_size(d), 1);
    CHECK_REPR(d, "{1: 'c'}");
    OuroObject *d2 = D();
    CHECK_INT(ouro_dict_set_item(d2, OURO_TRUE, I(0)), 0);
    CHECK_INT(ouro_dict_set_item(d2, F(1.0), I(1)), 0);
    CHECK_INT(ouro_dict_set_item(d2, F(0.0), I(2)), 0);
    CHECK_INT(ouro_dict_set_item(d2, OURO_FALSE, I(3)), 0);
    CHECK_REPR(d2, "{True: 1, 0.0: 3}");
    CHECK_INT(ival(ouro_dict_get_item_with_error(d2, I(1))), 1);
    drop_all();
}

/* hash(-1) == hash(-2) == -2: two keys, one hash. */
static void test_minus_one_collision(void)
{
    OuroObject *d = D();
    CHECK_INT(ouro_object_hash(I(-1)), ouro_object_hash(I(-2)));
    seti(d, -1, 1);
    seti(d, -2, 2);
    CHECK_INT(ouro_dict_size(d), 2);
    CHECK_INT(ival(geti(d, -1)), 1);
    CHECK_INT(ival(geti(d, -2)), 2);
    CHECK_INT(ouro_dict_del_item(d, I(-1)), 0);
    CHECK(geti(d, -1) == NULL);
    CHECK_INT(ival(geti(d, -2)), 2);
    CHECK_REPR(d, "{-2: 2}");
    drop_all();
}

/* NaNs are never equal: only the same object finds its entry. */
static void test_nan_keys(void)
{
    OuroObject *d = D();
    OuroObject *n1 = F(0.0 / 0.0 * -1), *n2 = F(__builtin_nan(""));
    CHECK_INT(ouro_dict_set_item(d, n1, I(1)), 0);
    CHECK_INT(ouro_dict_set_item(d, n2, I(2)), 0);
    CHECK_INT(ouro_dict_set_item(d, n1, I(3)), 0);
    CHECK_INT(ouro_dict_size(d), 2);
    CHECK_INT(ival(ouro_dict_get_item_with_error(d, n1)), 3);
    CHECK_INT(ival(ouro_dict_get_item_with_error(d, n2)), 2);
    CHECK(ouro_dict_get_item_with_error(d, F(__builtin_nan(""))) == NULL);
    CHECK(!ouro_err_occurred());
    drop_all();
}

static void test_unhashable_keys(void)
{
    OuroObject *d = D();
    OuroObject *l = K(ouro_list_new(0));
    CHECK_INT(ouro_dict_set_item(d, l, I(1)), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    CHECK(ouro_dict_get_item_with_error(d, l) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    CHECK_INT(ouro_dict_contains(d, l), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    CHECK_INT(ouro_dict_del_item(d, D()), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'dict'");
    CHECK(ouro_object_getitem(d, K(ouro_set_new(NULL))) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'set'");
    CHECK_INT(ouro_object_hash(d), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'dict'");
    CHECK_INT(ouro_dict_size(d), 0);
    drop_all();
}

/* A comparison that empties the dict mid-lookup: the lookup restarts on the new table
 * (CPython's DKIX_KEY_CHANGED), and nothing dangles. */
static void test_mutating_comparison(void)
{
    OuroObject *d = D();
    CHECK_INT(ouro_dict_set_item(d, EV(1), I(1)), 0);
    CHECK_INT(ouro_dict_set_item(d, EV(2), I(2)), 0); /* compared with EV(1): not equal */
    CHECK_INT(ouro_dict_size(d), 2);
    evil_victim = d;
    CHECK(ouro_dict_get_item_with_error(d, EV(2)) == NULL);
    CHECK(!ouro_err_occurred());
    CHECK_INT(ouro_dict_size(d), 0);
    /* insertion: the comparison clears the dict, the key goes into the new table */
    CHECK_INT(ouro_dict_set_item(d, EV(1), I(1)), 0);
    evil_victim = d;
    CHECK_INT(ouro_dict_set_item(d, EV(3), I(3)), 0);
    CHECK_INT(ouro_dict_size(d), 1);
    OuroObject *e3 = K(ouro_dict_keys(d));
    CHECK(((Evil *)OURO_LIST_GET(e3, 0))->v == 3);
    /* deletion and pop */
    CHECK_INT(ouro_dict_set_item(d, EV(4), I(4)), 0);
    evil_victim = d;
    CHECK_INT(ouro_dict_del_item(d, EV(5)), -1);
    CHECK_RAISED(&ouro_exc_KeyError, NULL);
    CHECK_INT(ouro_dict_size(d), 0);
    /* equality of two dicts whose comparison empties one of them */
    OuroObject *a = D(), *b = D();
    CHECK_INT(ouro_dict_set_item(a, EV(1), I(1)), 0);
    CHECK_INT(ouro_dict_set_item(a, EV(2), I(2)), 0);
    CHECK_INT(ouro_dict_set_item(b, EV(2), I(2)), 0);
    CHECK_INT(ouro_dict_set_item(b, EV(1), I(1)), 0);
    evil_victim = a;
    CHECK(ouro_object_richcompare_bool(a, b, OURO_EQ) >= 0);
    CHECK(!ouro_err_occurred());
    drop_all();
}

/* KeyError(key) keeps a tuple key whole: str(KeyError((1,))) == '(1,)'. */
static void test_keyerror_tuple_key(void)
{
    OuroObject *d = D();
    OuroObject *t = K(ouro_tuple_pack(1, I(1)));
    CHECK(ouro_object_getitem(d, t) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "(1,)");
    seti(d, 5, 5);
    CHECK(ouro_object_getitem(d, t) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "(1,)");
    drop_all();
}

/* ------------------------------------------------------------ table mechanics -- */

/* Keys with equal low bits share their first slots: the perturbation must reach every
 * one of them, through deletions and reinsertions. */
static void test_collisions(void)
{
    OuroObject *d = D();
    const int n = 300;
    for (int i = 0; i < n; i++)
        seti(d, (int64_t)i << 20, i);
    CHECK_INT(ouro_dict_size(d), n);
    for (int i = 0; i < n; i++)
        CHECK_INT(ival(geti(d, (int64_t)i << 20)), i);
    for (int i = 0; i < n; i += 2)
        CHECK_INT(ouro_dict_del_item(d, I((int64_t)i << 20)), 0);
    for (int i = 0; i < n; i++) {
        OuroObject *v = geti(d, (int64_t)i << 20);
        CHECK(i % 2 ? ival(v) == i : v == NULL);
    }
    for (int i = 0; i < n; i += 2)
        seti(d, (int64_t)i << 20, -i);
    for (int i = 0; i < n; i++)
        CHECK_INT(ival(geti(d, (int64_t)i << 20)), i % 2 ? i : -i);
    CHECK(!ouro_err_occurred());
    drop_all();
}

/* Growth: used*3 rounded up to a power of two, so sizes change at the 6th, 11th, 22nd,
 * 43rd, 86th insertion, as CPython's (sys.getsizeof changes at the same counts). */
static void test_growth_points(void)
{
    OuroObject *d = D();
    int expect[200];
    for (int i = 1; i < 200; i++)
        expect[i] = i <= 5 ? 3 : i <= 10 ? 4 : i <= 21 ? 5 : i <= 42 ? 6 : i <= 85 ? 7 : i <= 170 ? 8 : 9;
    for (int i = 1; i < 200; i++) {
        seti(d, i, i);
        if (!CHECK_INT(OU_DICT(d)->ma_keys->dk_log2_size, expect[i]))
            break;
    }
    /* int8 indices up to 128 slots, int16 from 256 */
    CHECK_INT(OU_DICT(d)->ma_keys->dk_log2_index_bytes, 10); /* 512 slots, 2 bytes each */
    drop_all();
}

/* Enough keys for 32-bit indices (2**17 slots and up); order and lookups survive. */
static void test_large_and_index_widths(void)
{
    OuroObject *d = D();
    const int n = 100000;
    for (int i = 0; i < n; i++) {
        OuroObject *k = ouro_int_from_int64((int64_t)i * 7919);
        CHECK_INT(ouro_dict_set_item(d, k, k), 0);
        OURO_DECREF(k);
    }
    CHECK(OU_DICT(d)->ma_keys->dk_log2_size >= 17);
    CHECK_INT(OU_DICT(d)->ma_keys->dk_log2_index_bytes, OU_DICT(d)->ma_keys->dk_log2_size + 2);
    ouro_ssize pos = 0;
    OuroObject *key, *value;
    int64_t i = 0;
    bool ok = true;
    while (ouro_dict_next(d, &pos, &key, &value)) {
        ok = ok && key == value && ouro_int_as_int64(key) == i * 7919;
        i++;
    }
    CHECK(ok);
    CHECK_INT(i, n);
    for (int j = 0; j < n; j += 997)
        CHECK_INT(ival(geti(d, (int64_t)j * 7919)), (int64_t)j * 7919);
    drop_all();
}

/* Deletions leave dummies and dead entries; the next resize compacts them (and may
 * shrink the table). Insertion order is kept throughout. */
static void test_dummies_and_compaction(void)
{
    OuroObject *d = D();
    for (int i = 0; i < 40; i++)
        seti(d, i, i);
    OuDictKeys *k = OU_DICT(d)->ma_keys;
    CHECK_INT(k->dk_log2_size, 6);
    for (int i = 0; i < 40; i++)
        if (i % 10)
            CHECK_INT(ouro_dict_del_item(d, I(i)), 0);
    CHECK_INT(ouro_dict_size(d), 4);
    CHECK_INT(OU_DICT(d)->ma_keys->dk_nentries, 40);
    CHECK_REPR(d, "{0: 0, 10: 10, 20: 20, 30: 30}");
    /* fill the remaining usable entries; the next insertion compacts to used*3 */
    int next = 100;
    while (OU_DICT(d)->ma_keys->dk_usable > 0)
        seti(d, next, next), next++;
    CHECK_INT(OU_DICT(d)->ma_keys->dk_nentries, 42);
    seti(d, 7, 7);
    CHECK_INT(OU_DICT(d)->ma_keys->dk_nentries, 7);
    CHECK_INT(OU_DICT(d)->ma_keys->dk_log2_size, 5); /* 6 live * 3 = 18 -> 32 */
    CHECK_REPR(d, "{0: 0, 10: 10, 20: 20, 30: 30, 100: 100, 101: 101, 7: 7}");
    drop_all();
}

static void test_order_after_delete_insert(void)
{
    OuroObject *d = D();
    seti(d, 1, 1);
    seti(d, 2, 2);
    seti(d, 3, 3);
    CHECK_INT(ouro_dict_del_item(d, I(2)), 0);
    seti(d, 2, 4);
    CHECK_REPR(d, "{1: 1, 3: 3, 2: 4}");
    seti(d, 1, 5); /* replacing keeps the place */
    CHECK_REPR(d, "{1: 5, 3: 3, 2: 4}");
    drop_all();
}

/* ------------------------------------------------------------------- methods -- */

static void test_get_setdefault_pop(void)
{
    OuroObject *d = D();
    seti(d, 1, 10);
    CHECK_INT(ival(K(M(d, "get", 1, I(1)))), 10);
    CHECK(K(M(d, "get", 1, I(2))) == OURO_NONE);
    CHECK_INT(ival(K(M(d, "get", 2, I(2), I(7)))), 7);
    CHECK(M(d, "get", 0) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "get expected at least 1 argument, got 0");
    CHECK(M(d, "get", 3, I(1), I(2), I(3)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "get expected at most 2 arguments, got 3");
    CHECK(M(d, "get", 1, K(ouro_list_new(0))) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");

    CHECK_INT(ival(K(M(d, "setdefault", 2, I(1), I(99)))), 10);
    CHECK_INT(ival(K(M(d, "setdefault", 2, I(2), I(20)))), 20);
    CHECK(K(M(d, "setdefault", 1, I(3))) == OURO_NONE);
    CHECK_REPR(d, "{1: 10, 2: 20, 3: None}");
    CHECK(M(d, "setdefault", 0) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "setdefault expected at least 1 argument, got 0");
    CHECK_INT(ival(ouro_dict_set_default(d, I(2), I(0))), 20);

    CHECK_INT(ival(K(M(d, "pop", 1, I(2)))), 20);
    CHECK(M(d, "pop", 1, I(2)) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "2");
    CHECK_INT(ival(K(M(d, "pop", 2, I(2), I(5)))), 5);
    CHECK(M(d, "pop", 0) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "pop expected at least 1 argument, got 0");
    CHECK(M(d, "pop", 1, K(ouro_list_new(0))) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    CHECK_REPR(d, "{1: 10, 3: None}");
    /* an empty dict answers before hashing, as CPython: {}.pop([]) is a KeyError */
    OuroObject *e = D();
    CHECK(ouro_dict_pop(e, K(ouro_list_new(0)), NULL) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "[]");
    CHECK_INT(ival(K(ouro_dict_pop(e, K(ouro_list_new(0)), I(5)))), 5);
    drop_all();
}

static void test_popitem(void)
{
    OuroObject *d = D();
    for (int i = 1; i <= 4; i++)
        seti(d, i, i * 10);
    CHECK_INT(ouro_dict_del_item(d, I(4)), 0);
    CHECK_REPR(K(M(d, "popitem", 0)), "(3, 30)");
    CHECK_REPR(K(M(d, "popitem", 0)), "(2, 20)");
    seti(d, 5, 50); /* appended after the popped entries' places */
    CHECK_REPR(d, "{1: 10, 5: 50}");
    CHECK_REPR(K(M(d, "popitem", 0)), "(5, 50)");
    CHECK_REPR(K(M(d, "popitem", 0)), "(1, 10)");
    CHECK(M(d, "popitem", 0) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "'popitem(): dictionary is empty'");
    CHECK(M(D(), "popitem", 0) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "'popitem(): dictionary is empty'");
    /* many pops and pushes stay consistent */
    for (int i = 0; i < 100; i++)
        seti(d, i, i);
    for (int i = 99; i >= 50; i--) {
        OuroObject *t = K(M(d, "popitem", 0));
        CHECK(t && ival(OURO_TUPLE_GET(t, 0)) == i);
    }
    for (int i = 0; i < 50; i++)
        CHECK_INT(ival(geti(d, i)), i);
    CHECK(geti(d, 50) == NULL);
    drop_all();
}

static void test_clear_and_copy(void)
{
    OuroObject *d = D();
    for (int i = 0; i < 20; i++)
        seti(d, i, i + 100);
    OuroObject *c = K(M(d, "copy", 0));
    CHECK(c && ouro_dict_check_exact(c) && c != d);
    CHECK_INT(ouro_dict_size(c), 20);
    CHECK_INT(ouro_object_richcompare_bool(c, d, OURO_EQ), 1);
    seti(c, 0, -1);
    CHECK_INT(ival(geti(d, 0)), 100);
    /* a copy of a dict with many holes goes through merge: compact, same order */
    for (int i = 0; i < 20; i++)
        if (i % 4)
            CHECK_INT(ouro_dict_del_item(d, I(i)), 0);
    OuroObject *c2 = K(ouro_dict_copy(d));
    CHECK_REPR(c2, "{0: 100, 4: 104, 8: 108, 12: 112, 16: 116}");
    CHECK_INT(OU_DICT(c2)->ma_keys->dk_nentries, 5);
    CHECK(K(M(d, "clear", 0)) == OURO_NONE);
    CHECK_INT(ouro_dict_size(d), 0);
    CHECK_REPR(d, "{}");
    seti(d, 1, 1); /* usable again after clear */
    CHECK_REPR(d, "{1: 1}");
    ouro_dict_clear(d);
    ouro_dict_clear(d);
    CHECK_REPR(K(ouro_dict_copy(d)), "{}");
    drop_all();
}

static void test_keys_values_items_lists(void)
{
    OuroObject *d = D();
    seti(d, 3, 30);
    CHECK_INT(ouro_dict_set_item(d, S("a"), S("b")), 0);
    CHECK_REPR(K(ouro_dict_keys(d)), "[3, 'a']");
    CHECK_REPR(K(ouro_dict_values(d)), "[30, 'b']");
    CHECK_REPR(K(ouro_dict_items(d)), "[(3, 30), ('a', 'b')]");
    CHECK_REPR(K(ouro_dict_items(D())), "[]");
    drop_all();
}

static void test_update_and_merge(void)
{
    OuroObject *d = D(), *other = D();
    seti(d, 1, 1);
    seti(other, 1, 10);
    seti(other, 2, 20);
    CHECK(K(M(d, "update", 1, other)) == OURO_NONE);
    CHECK_REPR(d, "{1: 10, 2: 20}");
    /* override 0 keeps, 2 refuses duplicates */
    OuroObject *o2 = D();
    seti(o2, 2, 0);
    seti(o2, 3, 30);
    CHECK_INT(ouro_dict_merge(d, o2, 0), 0);
    CHECK_REPR(d, "{1: 10, 2: 20, 3: 30}");
    CHECK_INT(ouro_dict_merge(d, o2, 2), -1);
    CHECK_RAISED(&ouro_exc_KeyError, "2");
    /* from a list of pairs (tuples and lists) */
    OuroObject *pairs = K(ouro_list_new(0));
    ouro_list_append(pairs, T2(I(4), I(40)));
    ouro_list_append(pairs, LI(2, 5, 50));
    ouro_list_append(pairs, S("ab")); /* a str of length 2 is a pair too */
    CHECK(K(M(d, "update", 1, pairs)) == OURO_NONE);
    CHECK_REPR(d, "{1: 10, 2: 20, 3: 30, 4: 40, 5: 50, 'a': 'b'}");
    /* keywords */
    OuroObject *kwnames = K(ouro_tuple_pack(1, S("kw")));
    OuroObject *args[2] = { I(7), NULL };
    CHECK(K(call_method(&ouro_dict_type, d, "update", args, 0, kwnames)) == OURO_NONE);
    CHECK_INT(ival(ouro_dict_get_item_str(d, "kw")), 7);
    /* errors, with CPython's messages */
    OuroObject *bad = K(ouro_list_new(0));
    ouro_list_append(bad, LI(1, 1));
    CHECK(M(d, "update", 1, bad) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "dictionary update sequence element #0 has length 1; 2 is required");
    OuroObject *bad2 = K(ouro_list_new(0));
    ouro_list_append(bad2, T2(I(1), I(2)));
    ouro_list_append(bad2, K(ouro_tuple_pack(3, I(1), I(2), I(3))));
    CHECK(M(d, "update", 1, bad2) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "dictionary update sequence element #1 has length 3; 2 is required");
    OuroObject *bad3 = LI(1, 1);
    CHECK(M(d, "update", 1, bad3) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "cannot convert dictionary update sequence element #0 to a sequence");
    CHECK(M(d, "update", 1, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    CHECK(M(d, "update", 2, other, other) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "update expected at most 1 argument, got 2");
    CHECK_INT(ouro_dict_merge(d, d, 1), 0); /* self-merge is a no-op */
    CHECK_INT(ouro_dict_size(d), 7);
    drop_all();
}

/* dict(...) through tp_new / tp_init. */
static void test_constructor(void)
{
    OuroObject *pairs = K(ouro_list_new(0));
    ouro_list_append(pairs, T2(I(1), I(2)));
    OuroObject *args = K(ouro_tuple_pack(1, pairs));
    OuroObject *kw = D();
    CHECK_INT(ouro_dict_set_item_str(kw, "a", I(3)), 0);
    OuroObject *d = K(construct(&ouro_dict_type, args, kw));
    CHECK_REPR(d, "{1: 2, 'a': 3}");
    CHECK(!ouro_gc_is_tracked(d));
    OuroObject *d2 = K(construct(&ouro_dict_type, K(ouro_tuple_pack(1, d)), NULL));
    CHECK_REPR(d2, "{1: 2, 'a': 3}");
    CHECK_REPR(K(construct(&ouro_dict_type, K(ouro_tuple_new(0)), NULL)), "{}");
    CHECK(construct(&ouro_dict_type, K(ouro_tuple_pack(2, I(1), I(2))), NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "dict expected at most 1 argument, got 2");
    CHECK(construct(&ouro_dict_type, K(ouro_tuple_pack(1, I(1))), NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    drop_all();
}

static void test_fromkeys(void)
{
    OuroObject *cls = (OuroObject *)&ouro_dict_type;
    OuroObject *args[2] = { LI(3, 3, 1, 2), NULL };
    OuroObject *d = K(call_method(&ouro_dict_type, cls, "fromkeys", args, 1, NULL));
    CHECK_REPR(d, "{3: None, 1: None, 2: None}");
    args[0] = d;
    args[1] = I(0);
    CHECK_REPR(K(call_method(&ouro_dict_type, cls, "fromkeys", args, 2, NULL)),
               "{3: 0, 1: 0, 2: 0}");
    args[0] = K(ouro_set_new(LI(3, 10, 1, 100)));
    CHECK_REPR(K(call_method(&ouro_dict_type, cls, "fromkeys", args, 2, NULL)),
               "{1: 0, 10: 0, 100: 0}");
    args[0] = S("ab");
    CHECK_REPR(K(call_method(&ouro_dict_type, cls, "fromkeys", args, 2, NULL)),
               "{'a': 0, 'b': 0}");
    CHECK(call_method(&ouro_dict_type, cls, "fromkeys", args, 0, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "fromkeys expected at least 1 argument, got 0");
    args[0] = I(1);
    CHECK(call_method(&ouro_dict_type, cls, "fromkeys", args, 1, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    drop_all();
}

/* ----------------------------------------------------------- repr, compare, ops -- */

static void test_repr(void)
{
    OuroObject *d = D();
    CHECK_INT(ouro_dict_set_item(d, S("x"), d), 0);
    CHECK_REPR(d, "{'x': {...}}");
    OuroObject *inner = D();
    CHECK_INT(ouro_dict_set_item(inner, I(1), d), 0);
    CHECK_INT(ouro_dict_set_item(d, S("y"), inner), 0);
    CHECK_REPR(d, "{'x': {...}, 'y': {1: {...}}}");
    ouro_dict_clear(d); /* break the cycles */
    ouro_dict_clear(inner);
    OuroObject *e = D();
    CHECK_INT(ouro_dict_set_item(e, F(1.5), K(ouro_list_new(0))), 0);
    CHECK_INT(ouro_dict_set_item(e, OURO_NONE, T2(I(1), S("q"))), 0);
    CHECK_REPR(e, "{1.5: [], None: (1, 'q')}");
    drop_all();
}

/* A deeply nested dict: repr raises RecursionError instead of overflowing the stack. */
static void test_deep_nesting(void)
{
    OuroObject *d = ouro_dict_new();
    for (int i = 0; i < 100000 && d; i++) {
        OuroObject *outer = ouro_dict_new();
        ouro_dict_set_item(outer, I(1), d);
        OURO_DECREF(d);
        d = outer;
    }
    CHECK(ouro_object_repr(d) == NULL);
    CHECK_RAISED(&ouro_exc_RecursionError, NULL);
    OuroObject *c = ouro_dict_copy(d);
    CHECK(ouro_object_richcompare_bool(d, c, OURO_EQ) == 1); /* same inner objects */
    OURO_DECREF(c);
    OURO_DECREF(d); /* the trashcan releases 100000 levels */
    drop_all();
}

static void test_richcompare(void)
{
    OuroObject *a = D(), *b = D();
    seti(a, 1, 2);
    seti(a, 3, 4);
    seti(b, 3, 4);
    seti(b, 1, 2);
    CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_NE), 0);
    seti(b, 1, 5);
    CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_EQ), 0);
    CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_NE), 1);
    seti(b, 1, 2);
    seti(b, 9, 9);
    CHECK_INT(ouro_object_richcompare_bool(a, b, OURO_EQ), 0);
    CHECK_INT(ouro_object_richcompare_bool(D(), D(), OURO_EQ), 1);
    /* 1 == 1.0: equal values under equal keys */
    OuroObject *c = D();
    CHECK_INT(ouro_dict_set_item(c, F(1.0), F(2.0)), 0);
    CHECK_INT(ouro_dict_set_item(c, I(3), I(4)), 0);
    CHECK_INT(ouro_object_richcompare_bool(a, c, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(a, LI(1, 1), OURO_EQ), 0);
    CHECK(ouro_object_richcompare(a, b, OURO_LT) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'dict' and 'dict'");
    drop_all();
}

static void test_or_operators(void)
{
    OuroObject *a = D(), *b = D();
    seti(a, 1, 1);
    seti(a, 2, 2);
    seti(b, 2, 20);
    seti(b, 3, 30);
    OuroObject *u = K(ouro_number_or(a, b));
    CHECK_REPR(u, "{1: 1, 2: 20, 3: 30}");
    CHECK_REPR(a, "{1: 1, 2: 2}");
    CHECK(ouro_number_or(a, LI(0)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for |: 'dict' and 'list'");
    /* |= takes anything update() takes */
    OuroObject *pairs = K(ouro_list_new(0));
    ouro_list_append(pairs, T2(I(7), I(70)));
    OuroObject *r = K(ouro_dict_type.tp_as_number->nb_inplace_or(a, pairs));
    CHECK(r == a);
    CHECK_REPR(a, "{1: 1, 2: 2, 7: 70}");
    CHECK(ouro_dict_type.tp_as_number->nb_inplace_or(a, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    drop_all();
}

/* ------------------------------------------------------------------- iteration -- */

static void test_iteration(void)
{
    OuroObject *d = D();
    for (int i = 5; i > 0; i--)
        seti(d, i * 11, i);
    CHECK_INT(ouro_dict_del_item(d, I(33)), 0);
    OuroObject *it = K(ouro_object_get_iter(d));
    CHECK(it && OURO_IS_TYPE(it, &ou_dict_keyiter_type));
    CHECK_INT(ival(K(M(it, "__length_hint__", 0))), 4);
    int64_t want[] = { 55, 44, 22, 11 };
    for (int i = 0; i < 4; i++)
        CHECK_INT(ival(next_or_null(it)), want[i]);
    CHECK(next_or_null(it) == NULL && !ouro_err_occurred());
    CHECK(next_or_null(it) == NULL && !ouro_err_occurred());
    CHECK_INT(ival(K(M(it, "__length_hint__", 0))), 0);
    /* ouro_dict_next */
    ouro_ssize pos = 0;
    OuroObject *key, *value;
    int n = 0;
    while (ouro_dict_next(d, &pos, &key, &value))
        n++;
    CHECK_INT(n, 4);
    drop_all();
}

static void test_iteration_errors(void)
{
    OuroObject *d = D();
    seti(d, 1, 1);
    seti(d, 2, 2);
    OuroObject *it = K(ouro_object_get_iter(d));
    CHECK_INT(ival(next_or_null(it)), 1);
    seti(d, 3, 3);
    CHECK(next_or_null(it) == NULL);
    CHECK_RAISED(&ouro_exc_RuntimeError, "dictionary changed size during iteration");
    CHECK_INT(ouro_dict_del_item(d, I(3)), 0);
    CHECK(next_or_null(it) == NULL); /* sticky, even once the size is back */
    CHECK_RAISED(&ouro_exc_RuntimeError, "dictionary changed size during iteration");
    /* for k in d: del d[k]; d[k + 10] = 1  -> keys changed (python3 3.11) */
    OuroObject *e = D();
    seti(e, 1, 1);
    seti(e, 2, 2);
    OuroObject *it2 = K(ouro_object_get_iter(e));
    OuroObject *k;
    int rounds = 0;
    while ((k = ouro_iter_next(it2)) != NULL) {
        int64_t kv = ival(k);
        OURO_DECREF(k);
        CHECK_INT(ouro_dict_del_item(e, I(kv)), 0);
        seti(e, kv + 10, 1);
        rounds++;
    }
    CHECK_INT(rounds, 2);
    CHECK_RAISED(&ouro_exc_RuntimeError, "dictionary keys changed during iteration");
    CHECK_REPR(e, "{11: 1, 12: 1}");
    /* values and items iterators detect it too */
    OuroObject *vit = K(ouro_object_get_iter(K(M(e, "values", 0))));
    CHECK(vit && OURO_IS_TYPE(vit, &ou_dict_valueiter_type));
    CHECK(next_or_null(vit) != NULL);
    CHECK_INT(ouro_dict_del_item(e, I(11)), 0);
    CHECK(next_or_null(vit) == NULL);
    CHECK_RAISED(&ouro_exc_RuntimeError, "dictionary changed size during iteration");
    /* clear during iteration */
    OuroObject *iit = K(ouro_object_get_iter(K(M(e, "items", 0))));
    ouro_dict_clear(e);
    CHECK(next_or_null(iit) == NULL);
    CHECK_RAISED(&ouro_exc_RuntimeError, "dictionary changed size during iteration");
    drop_all();
}

static void test_reversed(void)
{
    OuroObject *d = D();
    for (int i = 1; i <= 5; i++)
        seti(d, i, i * 10);
    CHECK_INT(ouro_dict_del_item(d, I(5)), 0);
    CHECK_INT(ouro_dict_del_item(d, I(2)), 0);
    OuroObject *rit = K(M(d, "__reversed__", 0));
    CHECK(rit && OURO_IS_TYPE(rit, &ou_dict_revkeyiter_type));
    CHECK_REPR(K(ouro_sequence_list(rit)), "[4, 3, 1]");
    CHECK_REPR(K(ouro_sequence_list(K(M(K(M(d, "values", 0)), "__reversed__", 0)))), "[40, 30, 10]");
    CHECK_REPR(K(ouro_sequence_list(K(M(K(M(d, "items", 0)), "__reversed__", 0)))),
               "[(4, 40), (3, 30), (1, 10)]");
    CHECK_REPR(K(ouro_sequence_list(K(M(K(M(d, "keys", 0)), "__reversed__", 0)))), "[4, 3, 1]");
    CHECK_REPR(K(ouro_sequence_list(K(M(D(), "__reversed__", 0)))), "[]");
    /* size change */
    OuroObject *r2 = K(M(d, "__reversed__", 0));
    CHECK_INT(ival(next_or_null(r2)), 4);
    seti(d, 9, 9);
    CHECK(next_or_null(r2) == NULL);
    CHECK_RAISED(&ouro_exc_RuntimeError, "dictionary changed size during iteration");
    /* for k in reversed(d): del d[k]; d[k+10] = 1 ends quietly in 3.11 */
    OuroObject *e = D();
    seti(e, 1, 1);
    seti(e, 2, 2);
    OuroObject *r3 = K(M(e, "__reversed__", 0)), *k;
    while ((k = ouro_iter_next(r3)) != NULL) {
        int64_t kv = ival(k);
        OURO_DECREF(k);
        ouro_dict_del_item(e, I(kv));
        seti(e, kv + 10, 1);
    }
    CHECK(!ouro_err_occurred());
    CHECK_REPR(e, "{12: 1, 11: 1}");
    /* cleared and refilled behind a reversed iterator: no out-of-bounds read */
    OuroObject *f = D();
    for (int i = 0; i < 100; i++)
        seti(f, i, i);
    for (int i = 0; i < 95; i++)
        ouro_dict_del_item(f, I(i));
    OuroObject *r4 = K(M(f, "__reversed__", 0));
    ouro_dict_clear(f);
    for (int i = 0; i < 5; i++)
        seti(f, i + 1000, i);
    CHECK_REPR(K(ouro_sequence_list(r4)), "[1004, 1003, 1002, 1001, 1000]");
    drop_all();
}

/* ----------------------------------------------------------------------- views -- */

static void test_views_basic(void)
{
    OuroObject *d = D();
    seti(d, 1, 2);
    seti(d, 3, 4);
    OuroObject *ks = K(M(d, "keys", 0)), *vs = K(M(d, "values", 0)), *is = K(M(d, "items", 0));
    CHECK(OURO_IS_TYPE(ks, &ou_dict_keys_type) && OURO_IS_TYPE(vs, &ou_dict_values_type) &&
          OURO_IS_TYPE(is, &ou_dict_items_type));
    CHECK_REPR(ks, "dict_keys([1, 3])");
    CHECK_REPR(vs, "dict_values([2, 4])");
    CHECK_REPR(is, "dict_items([(1, 2), (3, 4)])");
    CHECK_REPR(K(M(D(), "items", 0)), "dict_items([])");
    CHECK_INT(ouro_object_length(ks), 2);
    CHECK_INT(ouro_object_length(vs), 2);
    CHECK_INT(ouro_object_length(is), 2);
    CHECK_INT(ouro_sequence_contains(ks, I(3)), 1);
    CHECK_INT(ouro_sequence_contains(ks, I(2)), 0);
    CHECK_INT(ouro_sequence_contains(vs, I(2)), 1);
    CHECK_INT(ouro_sequence_contains(is, T2(I(1), I(2))), 1);
    CHECK_INT(ouro_sequence_contains(is, T2(I(1), I(3))), 0);
    CHECK_INT(ouro_sequence_contains(is, I(1)), 0);
    CHECK_INT(ouro_sequence_contains(is, T2(K(ouro_list_new(0)), I(3))), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    CHECK_INT(ouro_sequence_contains(ks, K(ouro_list_new(0))), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    /* views are live */
    seti(d, 5, 6);
    CHECK_REPR(ks, "dict_keys([1, 3, 5])");
    CHECK_REPR(K(ouro_sequence_list(is)), "[(1, 2), (3, 4), (5, 6)]");
    CHECK_REPR(K(ouro_sequence_list(vs)), "[2, 4, 6]");
    /* hashability: keys/items not, values by identity */
    CHECK_INT(ouro_object_hash(ks), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'dict_keys'");
    CHECK_INT(ouro_object_hash(is), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'dict_items'");
    CHECK(ouro_object_hash(vs) != -1);
    /* a view inside its own dict */
    OuroObject *e = D();
    OuroObject *ev = K(M(e, "values", 0)), *ek = K(M(e, "keys", 0)), *ei = K(M(e, "items", 0));
    CHECK_INT(ouro_dict_set_item(e, I(1), ev), 0);
    CHECK_REPR(e, "{1: dict_values([...])}");
    CHECK_INT(ouro_dict_set_item(e, I(1), ek), 0);
    CHECK_REPR(e, "{1: dict_keys([1])}");
    CHECK_INT(ouro_dict_set_item(e, I(1), ei), 0);
    CHECK_REPR(e, "{1: dict_items([(1, ...)])}");
    ouro_dict_clear(e);
    drop_all();
}

static void test_view_set_operations(void)
{
    OuroObject *d = D(), *d1 = D();
    seti(d, 1, 1);
    seti(d, 2, 2);
    seti(d1, 1, 1);
    OuroObject *ks = K(M(d, "keys", 0)), *k1 = K(M(d1, "keys", 0));
    /* {1:1, 2:2}.keys() & [2, 3] -> {2}; {1:1}.keys() | [3] -> {1, 3} */
    CHECK_REPR(K(ouro_number_and(ks, LI(2, 2, 3))), "{2}");
    CHECK_REPR(K(ouro_number_and(LI(2, 2, 3), ks)), "{2}");
    CHECK_REPR(K(ouro_number_or(k1, LI(1, 3))), "{1, 3}");
    /* [1, 2] - {1:1}.keys() -> {2}; {1:1}.keys() ^ {1, 4} -> {4} */
    CHECK_REPR(K(ouro_number_subtract(LI(2, 1, 2), k1)), "{2}");
    CHECK_REPR(K(ouro_number_subtract(ks, k1)), "{2}");
    CHECK_REPR(K(ouro_number_xor(k1, K(ouro_set_new(LI(2, 1, 4))))), "{4}");
    CHECK_REPR(K(ouro_number_xor(K(ouro_set_new(LI(2, 1, 4))), k1)), "{4}");
    CHECK_REPR(K(ouro_number_and(ks, k1)), "{1}");
    CHECK_REPR(K(ouro_number_and(ks, K(ouro_set_new(LI(3, 2, 7, 8))))), "{2}");
    /* items */
    OuroObject *d2 = D();
    seti(d2, 2, 2);
    OuroObject *i1 = K(M(d1, "items", 0)), *i2 = K(M(d2, "items", 0)), *id = K(M(d, "items", 0));
    CHECK_REPR(K(ouro_number_xor(i1, i2)), "{(1, 1), (2, 2)}");
    CHECK_REPR(K(ouro_number_xor(id, i2)), "{(1, 1)}");
    CHECK_REPR(K(ouro_number_and(id, i2)), "{(2, 2)}");
    CHECK_REPR(K(ouro_number_or(i1, i2)), "{(1, 1), (2, 2)}");
    CHECK_REPR(K(ouro_number_subtract(id, i1)), "{(2, 2)}");
    /* comparisons: {1:1}.items() == {(1, 1)}; keys == [1] is False; values never */
    OuroObject *s11 = K(ouro_set_new(NULL));
    ouro_set_add(s11, T2(I(1), I(1)));
    CHECK_INT(ouro_object_richcompare_bool(i1, s11, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(k1, LI(1, 1), OURO_EQ), 0);
    CHECK_INT(ouro_object_richcompare_bool(k1, K(ouro_set_new(LI(1, 1))), OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(k1, ks, OURO_LT), 1);
    CHECK_INT(ouro_object_richcompare_bool(ks, k1, OURO_GE), 1);
    CHECK_INT(ouro_object_richcompare_bool(ks, k1, OURO_LE), 0);
    CHECK_INT(ouro_object_richcompare_bool(ks, ks, OURO_NE), 0);
    OuroObject *v1 = K(M(d1, "values", 0)), *v1b = K(M(d1, "values", 0));
    CHECK_INT(ouro_object_richcompare_bool(v1, v1b, OURO_EQ), 0);
    CHECK_INT(ouro_object_richcompare_bool(v1, v1, OURO_EQ), 1);
    /* isdisjoint */
    CHECK(K(M(ks, "isdisjoint", 1, LI(2, 3, 4))) == OURO_TRUE);
    CHECK(K(M(ks, "isdisjoint", 1, LI(2, 3, 2))) == OURO_FALSE);
    CHECK(K(M(ks, "isdisjoint", 1, k1)) == OURO_FALSE);
    CHECK(K(M(ks, "isdisjoint", 1, ks)) == OURO_FALSE);
    CHECK(K(M(K(M(D(), "keys", 0)), "isdisjoint", 1, K(ouro_set_new(NULL)))) == OURO_TRUE);
    CHECK(M(ks, "isdisjoint", 1, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    CHECK(ouro_number_or(ks, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    CHECK(ouro_number_and(id, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    /* the keys view of a 10-key dict minus {3} */
    OuroObject *big = D();
    for (int i = 0; i < 10; i++)
        seti(big, i, i);
    CHECK_REPR(K(ouro_number_subtract(K(M(big, "keys", 0)), K(ouro_set_new(LI(1, 3))))),
               "{0, 1, 2, 4, 5, 6, 7, 8, 9}");
    drop_all();
}

/* ----------------------------------------------------------------- GC tracking -- */

static void test_gc_tracking(void)
{
    OuroObject *d = D();
    CHECK(!ouro_gc_is_tracked(d));
    seti(d, 1, 2);
    CHECK_INT(ouro_dict_set_item(d, S("s"), F(1.5)), 0);
    CHECK(!ouro_gc_is_tracked(d)); /* atoms only */
    OuroObject *c = K(ouro_dict_copy(d));
    CHECK(!ouro_gc_is_tracked(c));
    OuroObject *c2 = D();
    CHECK_INT(ouro_dict_merge(c2, d, 1), 0);
    CHECK(!ouro_gc_is_tracked(c2));
    /* a list value tracks it */
    OuroObject *l = K(ouro_list_new(0));
    CHECK_INT(ouro_dict_set_item(d, I(3), l), 0);
    CHECK(ouro_gc_is_tracked(d));
    CHECK(ouro_gc_is_tracked(K(ouro_dict_copy(d))));
    OuroObject *c3 = D();
    CHECK_INT(ouro_dict_merge(c3, d, 1), 0);
    CHECK(ouro_gc_is_tracked(c3));
    /* a key can track it too (a frozenset is a GC object) */
    OuroObject *e = D();
    CHECK_INT(ouro_dict_set_item(e, K(ouro_frozenset_new(NULL)), I(1)), 0);
    CHECK(ouro_gc_is_tracked(e));
    /* a tuple counts only while tracked */
    OuroObject *t = T2(I(1), I(2));
    OuroObject *f = D();
    CHECK_INT(ouro_dict_set_item(f, I(1), t), 0);
    CHECK(ouro_gc_is_tracked(f) == ouro_gc_is_tracked(t));
    ou_tuple_maybe_untrack(t);
    CHECK(!ouro_gc_is_tracked(t));
    OuroObject *g = D();
    CHECK_INT(ouro_dict_set_item(g, I(1), t), 0);
    CHECK_INT(ouro_dict_set_item(g, t, I(1)), 0);
    CHECK(!ouro_gc_is_tracked(g));
    OuroObject *empty = K(ouro_tuple_new(0));
    OuroObject *h = D();
    CHECK_INT(ouro_dict_set_item(h, I(1), empty), 0);
    CHECK(!ouro_gc_is_tracked(h));
    /* setdefault and fromkeys follow the rule */
    OuroObject *sd = D();
    CHECK(ouro_dict_set_default(sd, I(1), I(1)) != NULL);
    CHECK(!ouro_gc_is_tracked(sd));
    CHECK(ouro_dict_set_default(sd, I(2), l) != NULL);
    CHECK(ouro_gc_is_tracked(sd));
    OuroObject *args[2] = { LI(2, 1, 2), l };
    OuroObject *fk = K(call_method(&ouro_dict_type, (OuroObject *)&ouro_dict_type, "fromkeys", args, 2, NULL));
    CHECK(fk && ouro_gc_is_tracked(fk));
    args[1] = I(5);
    OuroObject *fk2 = K(call_method(&ouro_dict_type, (OuroObject *)&ouro_dict_type, "fromkeys", args, 2, NULL));
    CHECK(fk2 && !ouro_gc_is_tracked(fk2));
    /* the collector's hook untracks a dict that no longer holds containers */
    CHECK_INT(ouro_dict_del_item(d, I(3)), 0);
    CHECK(ouro_gc_is_tracked(d));
    ou_dict_maybe_untrack(d);
    CHECK(!ouro_gc_is_tracked(d));
    ou_dict_maybe_untrack(c3);
    CHECK(ouro_gc_is_tracked(c3));
    /* views and iterators are tracked */
    CHECK(ouro_gc_is_tracked(K(M(d, "keys", 0))));
    CHECK(ouro_gc_is_tracked(K(ouro_object_get_iter(d))));
    drop_all();
}

static int count_visit(OuroObject *o, void *arg)
{
    (void)o;
    (*(int *)arg)++;
    return 0;
}

/* traverse visits every key and value; tp_clear breaks cycles through the dict. */
static void test_traverse_and_clear(void)
{
    OuroObject *d = ouro_dict_new(), *l = ouro_list_new(0);
    CHECK_INT(ouro_dict_set_item(d, I(1), d), 0); /* d -> d */
    CHECK_INT(ouro_dict_set_item(d, I(2), l), 0); /* d -> l -> d */
    CHECK_INT(ouro_list_append(l, d), 0);
    OURO_DECREF(l);
    int n = 0;
    CHECK_INT(ouro_object_traverse(d, count_visit, &n), 0);
    CHECK_INT(n, 4);
    CHECK_INT(ouro_dict_type.tp_clear(d), 0);
    CHECK_INT(ouro_dict_size(d), 0);
    n = 0;
    ouro_object_traverse(d, count_visit, &n);
    CHECK_INT(n, 0);
    OURO_DECREF(d); /* the last reference: a leak would show in the harness */
    drop_all();
}

/* ----------------------------------------------------------- failure injection -- */

/* Runs op with the n-th allocation failing, n = 1, 2, ... until it succeeds; each
 * failure must be a MemoryError (the RUN harness catches any leak). */
#define INJECT(result_var, expr)                                             \
    do {                                                                     \
        for (uint64_t n_ = 1;; n_++) {                                       \
            FAIL_AT(n_);                                                     \
            result_var = (expr);                                             \
            FAIL_OFF();                                                      \
            if (result_var)                                                  \
                break;                                                       \
            if (!CHECK_RAISED(&ouro_exc_MemoryError, NULL) || !CHECK(n_ < 10000)) \
                break;                                                       \
        }                                                                    \
    } while (0)

static OuroObject *fill_dict(int n)
{
    OuroObject *d = ouro_dict_new();
    for (int i = 0; d && i < n; i++) {
        OuroObject *k = ouro_int_from_int64(1000 + i);
        if (!k || ouro_dict_set_item(d, k, k) < 0) {
            OURO_XDECREF(k);
            OURO_DECREF(d);
            return NULL;
        }
        OURO_DECREF(k);
    }
    return d;
}

static OuroObject *insert_op(OuroObject *d, OuroObject *k)
{
    return ouro_dict_set_item(d, k, k) < 0 ? NULL : OURO_NEWREF(d);
}

static void test_failure_injection(void)
{
    OuroObject *r;
    /* building (first table, every resize) */
    INJECT(r, fill_dict(100));
    CHECK(r && ouro_dict_size(r) == 100);
    OuroObject *d = K(r);
    /* an insertion that must resize leaves the dict unchanged when it fails */
    OuroObject *e = K(fill_dict(5));
    OuroObject *key = I(5000);
    for (uint64_t n = 1;; n++) {
        FAIL_AT(n);
        int rc = ouro_dict_set_item(e, key, key);
        FAIL_OFF();
        if (rc == 0)
            break;
        CHECK_RAISED(&ouro_exc_MemoryError, NULL);
        CHECK_INT(ouro_dict_size(e), 5);
        CHECK(ouro_dict_get_item_with_error(e, key) == NULL);
    }
    CHECK_INT(ouro_dict_size(e), 6);
    OuroObject *key2 = I(6000);
    INJECT(r, insert_op(e, key2));
    K(r);
    /* copies, merges, lists, views, repr */
    INJECT(r, ouro_dict_copy(d));
    CHECK(K(r) && ouro_dict_size(r) == 100);
    for (int i = 0; i < 100; i += 3)
        ouro_dict_del_item(d, I(1000 + i));
    INJECT(r, ouro_dict_copy(d)); /* the merge path */
    CHECK(K(r) && ouro_dict_size(r) == ouro_dict_size(d));
    INJECT(r, ouro_dict_items(d));
    CHECK(K(r) && ouro_list_size(r) == ouro_dict_size(d));
    INJECT(r, ouro_dict_keys(d));
    K(r);
    INJECT(r, ouro_object_repr(e));
    CHECK(K(r) && strcmp(ouro_str_utf8(r), "{1000: 1000, 1001: 1001, 1002: 1002, 1003: 1003, 1004: 1004, 5000: 5000, 6000: 6000}") == 0);
    OuroObject *pairs = K(ouro_dict_items(d));
    OuroObject *target = D();
    for (uint64_t n = 1;; n++) {
        ouro_dict_clear(target);
        FAIL_AT(n);
        OuroObject *res = M(target, "update", 1, pairs);
        FAIL_OFF();
        if (res) {
            OURO_DECREF(res);
            break;
        }
        CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    }
    CHECK_INT(ouro_object_richcompare_bool(target, d, OURO_EQ), 1);
    OuroObject *target2 = D();
    seti(target2, 1, 1);
    for (uint64_t n = 1;; n++) {
        FAIL_AT(n);
        int rc = ouro_dict_merge(target2, d, 1);
        FAIL_OFF();
        if (rc == 0)
            break;
        CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    }
    CHECK_INT(ouro_dict_size(target2), ouro_dict_size(d) + 1);
    OuroObject *fk_args[2] = { d, OURO_NONE };
    INJECT(r, call_method(&ouro_dict_type, (OuroObject *)&ouro_dict_type, "fromkeys", fk_args, 2, NULL));
    CHECK(K(r) && ouro_dict_size(r) == ouro_dict_size(d));
    fk_args[0] = K(ouro_dict_keys(d));
    INJECT(r, call_method(&ouro_dict_type, (OuroObject *)&ouro_dict_type, "fromkeys", fk_args, 2, NULL));
    CHECK(K(r) && ouro_dict_size(r) == ouro_dict_size(d));
    INJECT(r, ouro_number_or(d, e));
    K(r);
    INJECT(r, M(d, "popitem", 0));
    K(r);
    INJECT(r, M(d, "items", 0));
    OuroObject *items = K(r);
    INJECT(r, ouro_sequence_list(items));
    CHECK(K(r) && ouro_list_size(r) == ouro_dict_size(d));
    INJECT(r, ouro_object_repr(items));
    K(r);
    OuroObject *ks = K(M(d, "keys", 0));
    OuroObject *eks = K(M(e, "keys", 0)), *eitems = K(M(e, "items", 0));
    INJECT(r, ouro_number_and(ks, eks));
    K(r);
    INJECT(r, ouro_number_or(ks, eks));
    K(r);
    INJECT(r, ouro_number_xor(items, eitems));
    K(r);
    drop_all();
}

int main(void)
{
    th_begin("dict");
    RUN(test_new_empty);
    RUN(test_small_dict_memory);
    RUN(test_set_get_del);
    RUN(test_str_keys);
    RUN(test_numeric_equal_keys);
    RUN(test_minus_one_collision);
    RUN(test_nan_keys);
    RUN(test_unhashable_keys);
    RUN(test_mutating_comparison);
    RUN(test_keyerror_tuple_key);
    RUN(test_collisions);
    RUN(test_growth_points);
    RUN(test_large_and_index_widths);
    RUN(test_dummies_and_compaction);
    RUN(test_order_after_delete_insert);
    RUN(test_get_setdefault_pop);
    RUN(test_popitem);
    RUN(test_clear_and_copy);
    RUN(test_keys_values_items_lists);
    RUN(test_update_and_merge);
    RUN(test_constructor);
    RUN(test_fromkeys);
    RUN(test_repr);
    RUN(test_deep_nesting);
    RUN(test_richcompare);
    RUN(test_or_operators);
    RUN(test_iteration);
    RUN(test_iteration_errors);
    RUN(test_reversed);
    RUN(test_views_basic);
    RUN(test_view_set_operations);
    RUN(test_gc_tracking);
    RUN(test_traverse_and_clear);
    RUN(test_failure_injection);
    return th_end();
}
