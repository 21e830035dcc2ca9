/* tests/unit/test_set.c — set and frozenset against CPython 3.11 (expected strings and
 * hashes recorded from python3; int hashes are the same on both, so orders match). */
#include "dictset_util.h"

static OuroObject *SET_OF(int n, const int *v)
{
    OuroObject *s = K(ouro_set_new(NULL));
    for (int i = 0; i < n; i++)
        CHECK_INT(ouro_set_add(s, I(v[i])), 0);
    return s;
}
#define SETI(...) SET_OF((int)(sizeof((int[]){ __VA_ARGS__ }) / sizeof(int)), (int[]){ __VA_ARGS__ })

static OuroObject *range_list(int start, int stop, int step)
{
    OuroObject *l = K(ouro_list_new(0));
    for (int i = start; step > 0 ? i < stop : i > stop; i += step)
        ouro_list_append(l, I(i));
    return l;
}

static OuroObject *FS(OuroObject *iterable) { return K(ouro_frozenset_new(iterable)); }

static int64_t ival(OuroObject *o) { return o ? ouro_int_as_int64(o) : -999999; }

/* ----------------------------------------------------------------------- basics -- */

static void test_create(void)
{
    OuroObject *s = K(ouro_set_new(NULL));
    CHECK(s && OURO_IS_TYPE(s, &ouro_set_type));
    CHECK_INT(ouro_set_size(s), 0);
    CHECK_REPR(s, "set()");
    CHECK_REPR(FS(NULL), "frozenset()");
    CHECK(ouro_gc_is_tracked(s));          /* sets are always tracked */
    CHECK(ouro_gc_is_tracked(FS(NULL)));
    OuroObject *t = K(ouro_set_new(LI(4, 3, 1, 2, 3)));
    CHECK_INT(ouro_set_size(t), 3);
    CHECK_REPR(t, "{1, 2, 3}");
    CHECK_REPR(FS(t), "frozenset({1, 2, 3})");
    CHECK_INT(ouro_object_length(t), 3);
    CHECK_INT(ouro_object_is_true(t), 1);
    CHECK_INT(ouro_object_is_true(s), 0);
    /* frozenset(frozenset) is the same object; set(frozenset) is new */
    OuroObject *f = FS(t);
    CHECK(K(ouro_frozenset_new(f)) == f);
    OuroObject *s2 = K(ouro_set_new(f));
    CHECK(s2 != f && OURO_IS_TYPE(s2, &ouro_set_type));
    CHECK(K(M(f, "copy", 0)) == f);
    OuroObject *c = K(M(t, "copy", 0));
    CHECK(c != t);
    CHECK_REPR(c, "{1, 2, 3}");
    /* from a str, a dict (its keys), an iterator */
    CHECK_INT(ouro_set_size(K(ouro_set_new(S("abca")))), 3);
    OuroObject *d = K(ouro_dict_new());
    ouro_dict_set_item(d, I(5), I(0));
    ouro_dict_set_item(d, I(4), I(0));
    CHECK_REPR(K(ouro_set_new(d)), "{4, 5}");
    CHECK_REPR(K(ouro_set_new(K(ouro_object_get_iter(LI(2, 9, 8))))), "{8, 9}");
    CHECK(ouro_set_new(I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    CHECK(ouro_set_new(K(ouro_tuple_pack(1, K(ouro_list_new(0))))) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    /* layout: smaller than CPython's 216 bytes */
    CHECK(ouro_object_footprint(s) <= 216);
    drop_all();
}

static void test_constructor(void)
{
    OuroObject *args = K(ouro_tuple_pack(1, LI(2, 2, 1)));
    CHECK_REPR(K(construct(&ouro_set_type, args, NULL)), "{1, 2}");
    CHECK_REPR(K(construct(&ouro_frozenset_type, args, NULL)), "frozenset({1, 2})");
    CHECK_REPR(K(construct(&ouro_set_type, K(ouro_tuple_new(0)), NULL)), "set()");
    OuroObject *two = K(ouro_tuple_pack(2, I(1), I(2)));
    CHECK(construct(&ouro_set_type, two, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "set expected at most 1 argument, got 2");
    CHECK(construct(&ouro_frozenset_type, two, NULL) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "frozenset expected at most 1 argument, got 2");
    OuroObject *kw = K(ouro_dict_new());
    ouro_dict_set_item_str(kw, "a", I(1));
    CHECK(construct(&ouro_set_type, K(ouro_tuple_new(0)), kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "set() takes no keyword arguments");
    CHECK(construct(&ouro_frozenset_type, K(ouro_tuple_new(0)), kw) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "frozenset() takes no keyword arguments");
    OuroObject *f = FS(LI(1, 1));
    CHECK(K(construct(&ouro_frozenset_type, K(ouro_tuple_pack(1, f)), NULL)) == f);
    /* set.__init__ again re-fills */
    OuroObject *s = K(construct(&ouro_set_type, args, NULL));
    CHECK_INT(ouro_set_type.tp_init(s, K(ouro_tuple_pack(1, LI(1, 7))), NULL), 0);
    CHECK_REPR(s, "{7}");
    drop_all();
}

/* Iteration order is the table order: CPython's probing gives the same for ints. */
static void test_iteration_order(void)
{
    CHECK_REPR(SETI(3, 1, 2), "{1, 2, 3}");
    CHECK_REPR(SETI(10, 1, 100, 5), "{1, 10, 100, 5}");
    CHECK_REPR(K(ouro_set_new(range_list(20, 0, -3))), "{2, 5, 8, 11, 14, 17, 20}");
    CHECK_REPR(SETI(-1, -2), "{-1, -2}");
    OuroObject *sq = K(ouro_set_new(NULL));
    for (int i = 0; i < 100; i++)
        ouro_set_add(sq, I(i * i % 1000));
    CHECK_REPR(sq, "{0, 1, 4, 9, 521, 16, 529, 24, 25, 36, 41, 49, 561, 56, 569, 64, 576, 81, "
                   "84, 600, 89, 601, 604, 96, 100, 624, 625, 116, 121, 136, 649, 144, 156, 676, "
                   "169, 681, 184, 704, 196, 209, 721, 724, 216, 729, 225, 744, 241, 249, 761, "
                   "764, 256, 776, 784, 281, 289, 801, 296, 809, 304, 324, 836, 841, 329, 844, "
                   "849, 356, 361, 364, 369, 889, 900, 396, 400, 401, 916, 921, 409, 929, 936, "
                   "441, 444, 961, 969, 464, 476, 481, 484, 489, 500}");
    CHECK_REPR(K(ouro_set_new(range_list(0, 1 << 12, 1 << 8))),
               "{0, 256, 1024, 512, 768, 1280, 1536, 1792, 2048, 2304, 3072, 3328, 3840, "
               "2560, 3584, 2816}");
    OuroObject *big = K(ouro_set_new(NULL));
    int64_t bigs[] = { 100, 1000, 10000, -5, 7, (int64_t)1 << 61, ((int64_t)1 << 61) - 1,
                       (int64_t)1 << 62 };
    for (int i = 0; i < 8; i++)
        ouro_set_add(big, I(bigs[i]));
    CHECK_REPR(big, "{2305843009213693951, 2305843009213693952, 4611686018427387904, 100, 7, "
                    "1000, 10000, -5}");
    drop_all();
}

/* Deletions leave dummies; insertion reuses the first dummy on its probe path. */
static void test_dummies(void)
{
    OuroObject *s = SETI(0, 8, 16, 24);
    CHECK_INT(ouro_set_discard(s, I(0)), 1);
    CHECK_INT(ouro_set_discard(s, I(16)), 1);
    CHECK_INT(ouro_set_discard(s, I(16)), 0);
    CHECK_INT(ouro_set_add(s, I(32)), 0);
    CHECK_REPR(s, "{32, 8, 24}");
    OuroObject *t = K(ouro_set_new(range_list(0, 30, 1)));
    for (int i = 0; i < 30; i += 2)
        CHECK_INT(ouro_set_discard(t, I(i)), 1);
    int add[] = { 100, 64, 32, 2, 4 };
    for (int i = 0; i < 5; i++)
        ouro_set_add(t, I(add[i]));
    CHECK_REPR(t, "{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 2, 21, 23, 25, 27, 4, 29, 32, 64, 100}");
    OuroObject *u = K(ouro_set_new(range_list(0, 160, 8)));
    for (int i = 0; i < 160; i += 16)
        ouro_set_discard(u, I(i));
    for (int i = 1000; i < 1200; i += 8)
        ouro_set_add(u, I(i));
    CHECK_REPR(u, "{1152, 1024, 8, 136, 1032, 1160, 1168, 1040, 24, 152, 1048, 1176, 1056, "
                  "1184, 40, 1064, 1192, 1072, 56, 1080, 1088, 72, 1096, 1104, 88, 1016, 1112, "
                  "1120, 104, 1000, 1128, 1008, 1136, 120, 1144}");
    OuroObject *v = SETI(5, 13, 21, 29);
    ouro_set_discard(v, I(13));
    ouro_set_discard(v, I(5));
    ouro_set_add(v, I(37));
    ouro_set_add(v, I(45));
    CHECK_REPR(v, "{37, 45, 21, 29}");
    /* a frozenset's hash does not depend on the dummies it went through */
    OuroObject *w = K(ouro_set_new(range_list(0, 100, 1)));
    for (int i = 0; i < 90; i++)
        ouro_set_discard(w, I(i));
    CHECK_INT(ouro_object_hash(FS(w)), -3060996134823855981LL);
    drop_all();
}

static void test_collisions(void)
{
    OuroObject *s = K(ouro_set_new(NULL));
    for (int i = 0; i < 500; i++)
        CHECK_INT(ouro_set_add(s, I((int64_t)i << 24)), 0);
    CHECK_INT(ouro_set_size(s), 500);
    for (int i = 0; i < 500; i++)
        CHECK_INT(ouro_set_contains(s, I((int64_t)i << 24)), 1);
    for (int i = 0; i < 500; i += 2)
        CHECK_INT(ouro_set_discard(s, I((int64_t)i << 24)), 1);
    for (int i = 0; i < 500; i++)
        CHECK_INT(ouro_set_contains(s, I((int64_t)i << 24)), i % 2);
    CHECK_INT(ouro_set_contains(s, I(1)), 0);
    /* -1 and -2 share a hash */
    OuroObject *m = SETI(-1, -2, -1);
    CHECK_INT(ouro_set_size(m), 2);
    /* 1, 1.0, True are one element, the first object kept */
    OuroObject *n = SETI(1);
    ouro_set_add(n, F(1.0));
    ouro_set_add(n, OURO_TRUE);
    CHECK_REPR(n, "{1}");
    OuroObject *nan = F(__builtin_nan(""));
    ouro_set_add(n, nan);
    ouro_set_add(n, nan);
    ouro_set_add(n, F(__builtin_nan("")));
    CHECK_INT(ouro_set_size(n), 3);
    CHECK_INT(ouro_set_contains(n, nan), 1);
    drop_all();
}

/* Growth: x4 under 50000 elements, resize whenever fill*5 >= mask*3. */
static void test_growth(void)
{
    OuroObject *s = K(ouro_set_new(NULL));
    ouro_ssize masks[] = { 7, 7, 7, 7, 31, 31 }; /* after 1..6 additions: 5*5 >= 7*3 */
    for (int i = 0; i < 6; i++) {
        ouro_set_add(s, I(i));
        CHECK_INT(((OuroSet *)s)->mask, masks[i]);
    }
    for (int i = 6; i < 70000; i++)
        ouro_set_add(s, I(i));
    CHECK_INT(ouro_set_size(s), 70000);
    OuroSet *so = (OuroSet *)s;
    CHECK(so->fill * 5 < so->mask * 3);
    for (int i = 0; i < 70000; i += 101)
        CHECK_INT(ouro_set_contains(s, I(i)), 1);
    /* many dummies: difference_update resizes them away */
    OuroObject *dropping = K(ouro_set_new(range_list(0, 69000, 1)));
    CHECK(K(M(s, "difference_update", 1, dropping)) == OURO_NONE);
    CHECK_INT(ouro_set_size(s), 1000);
    CHECK_INT(so->fill, 1000);
    CHECK(so->mask < 8192);
    drop_all();
}

/* --------------------------------------------------------------- element ops -- */

static void test_add_remove_pop_clear(void)
{
    OuroObject *s = SETI(1, 2, 3);
    CHECK(K(M(s, "add", 1, I(4))) == OURO_NONE);
    CHECK(K(M(s, "add", 1, I(4))) == OURO_NONE);
    CHECK_INT(ouro_set_size(s), 4);
    CHECK(K(M(s, "remove", 1, I(4))) == OURO_NONE);
    CHECK(M(s, "remove", 1, I(4)) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "4");
    CHECK(M(s, "remove", 1, S("k")) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "'k'");
    CHECK(K(M(s, "discard", 1, I(4))) == OURO_NONE);
    CHECK(K(M(s, "discard", 1, I(3))) == OURO_NONE);
    CHECK_REPR(s, "{1, 2}");
    CHECK(M(s, "add", 1, K(ouro_list_new(0))) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    CHECK(M(s, "discard", 1, K(ouro_list_new(0))) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    /* pop in table order, then KeyError */
    OuroObject *p = SETI(5, 3, 9);
    CHECK_REPR(p, "{9, 3, 5}");
    CHECK_INT(ival(K(ouro_set_pop(p))), 9);
    CHECK_INT(ival(K(M(p, "pop", 0))), 3);
    CHECK_INT(ival(K(M(p, "pop", 0))), 5);
    CHECK(M(p, "pop", 0) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "'pop from an empty set'");
    CHECK(ouro_set_pop(p) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "'pop from an empty set'");
    /* many pops stay linear and complete */
    OuroObject *q = K(ouro_set_new(range_list(0, 5000, 1)));
    int popped = 0;
    OuroObject *x;
    while ((x = ouro_set_pop(q)) != NULL) {
        OURO_DECREF(x);
        popped++;
    }
    CHECK_RAISED(&ouro_exc_KeyError, NULL);
    CHECK_INT(popped, 5000);
    /* clear */
    OuroObject *c = K(ouro_set_new(range_list(0, 100, 1)));
    CHECK(K(M(c, "clear", 0)) == OURO_NONE);
    CHECK_INT(ouro_set_size(c), 0);
    CHECK_REPR(c, "set()");
    CHECK_INT(ouro_set_add(c, I(1)), 0);
    CHECK_INT(ouro_set_clear(c), 0);
    CHECK_INT(ouro_set_clear(c), 0);
    CHECK_REPR(c, "set()");
    /* frozensets have no mutators */
    CHECK(M(FS(NULL), "add", 1, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, NULL);
    drop_all();
}

/* A set as a key to look up is looked up as the equal frozenset. */
static void test_set_key_conversion(void)
{
    OuroObject *inner = SETI(1, 2);
    OuroObject *s = K(ouro_set_new(NULL));
    CHECK_INT(ouro_set_add(s, FS(inner)), 0);
    CHECK_INT(ouro_sequence_contains(s, inner), 1);
    CHECK(K(M(s, "__contains__", 1, SETI(1))) == OURO_FALSE);
    CHECK_REPR(s, "{frozenset({1, 2})}");
    CHECK(K(M(s, "discard", 1, SETI(5))) == OURO_NONE);
    CHECK(M(s, "remove", 1, SETI(5)) == NULL);
    CHECK_RAISED(&ouro_exc_KeyError, "{5}");
    CHECK(K(M(s, "remove", 1, inner)) == OURO_NONE);
    CHECK_INT(ouro_set_size(s), 0);
    /* but a set cannot be added, and a list is not converted */
    CHECK_INT(ouro_set_add(s, inner), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'set'");
    CHECK_INT(ouro_sequence_contains(s, K(ouro_list_new(0))), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    drop_all();
}

/* ----------------------------------------------------------------- hashing -- */

static void test_frozenset_hash(void)
{
    CHECK_INT(ouro_object_hash(FS(SETI(1, 2))), -1826646154956904602LL);
    CHECK_INT(ouro_object_hash(FS(SETI(2, 1))), -1826646154956904602LL);
    CHECK_INT(ouro_object_hash(FS(NULL)), 133146708735736LL);
    CHECK_INT(ouro_object_hash(FS(SETI(1))), -558064481276695278LL);
    CHECK_INT(ouro_object_hash(FS(range_list(0, 100, 1))), 4411996150312757951LL);
    CHECK_INT(ouro_object_hash(FS(range_list(0, 1000, 1))), 1340344670691924669LL);
    CHECK_INT(ouro_object_hash(FS(SETI(-1, -2))), 399283329322573LL);
    OuroObject *nested = K(ouro_set_new(NULL));
    ouro_set_add(nested, FS(SETI(1)));
    CHECK_INT(ouro_object_hash(FS(nested)), 5515263749738256364LL);
    /* frozenset([1.5, -7, 2**40]) */
    OuroObject *mixed = K(ouro_set_new(NULL));
    ouro_set_add(mixed, F(1.5));
    ouro_set_add(mixed, I(-7));
    ouro_set_add(mixed, I((int64_t)1 << 40));
    CHECK_INT(ouro_object_hash(FS(mixed)), -8688457965458353935LL);
    /* frozenset({10**20, True, 3.25}) */
    OuroObject *m2 = K(ouro_set_new(NULL));
    ouro_set_add(m2, K(ouro_int_from_string("100000000000000000000", 21, 10)));
    ouro_set_add(m2, OURO_TRUE);
    ouro_set_add(m2, F(3.25));
    CHECK_INT(ouro_object_hash(FS(m2)), -6552544347919372773LL);
    /* cached, and equal frozensets hash equal */
    OuroObject *f = FS(range_list(0, 50, 1));
    CHECK_INT(ouro_object_hash(f), ouro_object_hash(f));
    CHECK_INT(ouro_object_hash(f), ouro_object_hash(FS(range_list(49, -1, -1))));
    /* sets are unhashable */
    CHECK_INT(ouro_object_hash(SETI(1)), -1);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'set'");
    /* frozensets work as dict keys and set elements */
    OuroObject *d = K(ouro_dict_new());
    CHECK_INT(ouro_dict_set_item(d, FS(SETI(1)), I(2)), 0);
    CHECK_INT(ival(ouro_dict_get_item_with_error(d, FS(SETI(1)))), 2);
    CHECK_REPR(d, "{frozenset({1}): 2}");
    drop_all();
}

/* -------------------------------------------------------------------- algebra -- */

static void test_operators(void)
{
    OuroObject *a = SETI(1, 2, 3);
    CHECK_REPR(K(ouro_number_or(a, SETI(3, 4))), "{1, 2, 3, 4}");
    CHECK_REPR(K(ouro_number_and(a, SETI(2, 3, 9))), "{2, 3}");
    CHECK_REPR(K(ouro_number_subtract(a, SETI(2))), "{1, 3}");
    CHECK_REPR(K(ouro_number_xor(a, SETI(3, 4))), "{1, 2, 4}");
    CHECK_REPR(K(ouro_number_or(a, a)), "{1, 2, 3}");
    CHECK_REPR(K(ouro_number_and(a, a)), "{1, 2, 3}");
    CHECK_REPR(K(ouro_number_subtract(a, a)), "set()");
    CHECK_REPR(K(ouro_number_xor(a, a)), "set()");
    /* the result has the left operand's base type */
    OuroObject *f12 = FS(SETI(1, 2));
    CHECK_REPR(K(ouro_number_or(f12, SETI(3))), "frozenset({1, 2, 3})");
    CHECK_REPR(K(ouro_number_or(SETI(3), f12)), "{1, 2, 3}");
    CHECK_REPR(K(ouro_number_subtract(f12, SETI(1))), "frozenset({2})");
    CHECK_REPR(K(ouro_number_subtract(SETI(1, 2), FS(SETI(1)))), "{2}");
    CHECK_REPR(K(ouro_number_and(f12, FS(SETI(2)))), "frozenset({2})");
    CHECK_REPR(K(ouro_number_xor(FS(SETI(3)), SETI(4))), "frozenset({3, 4})");
    /* only between sets */
    CHECK(ouro_number_or(a, LI(1, 3)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for |: 'set' and 'list'");
    CHECK(ouro_number_and(a, LI(1, 3)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for &: 'set' and 'list'");
    CHECK(ouro_number_subtract(a, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for -: 'set' and 'int'");
    CHECK(ouro_number_xor(a, S("a")) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unsupported operand type(s) for ^: 'set' and 'str'");
    /* in-place forms mutate and return the same set */
    const OuroNumberMethods *nb = ouro_set_type.tp_as_number;
    OuroObject *s = SETI(1, 2, 3);
    CHECK(K(nb->nb_inplace_or(s, SETI(4))) == s);
    CHECK_REPR(s, "{1, 2, 3, 4}");
    CHECK(K(nb->nb_inplace_and(s, SETI(1, 2, 4, 9))) == s);
    CHECK_REPR(s, "{1, 2, 4}");
    CHECK(K(nb->nb_inplace_subtract(s, SETI(1))) == s);
    CHECK_REPR(s, "{2, 4}");
    CHECK(K(nb->nb_inplace_xor(s, SETI(2, 7))) == s);
    CHECK_REPR(s, "{4, 7}");
    CHECK(K(nb->nb_inplace_or(s, LI(1, 1))) == OURO_NOTIMPLEMENTED);
    CHECK(K(nb->nb_inplace_xor(s, s)) == s);
    CHECK_REPR(s, "set()");
    CHECK(ouro_frozenset_type.tp_as_number->nb_inplace_or == NULL);
    drop_all();
}

static void test_methods_algebra(void)
{
    OuroObject *s = SETI(1, 2, 3);
    OuroObject *d6 = K(ouro_dict_new());
    ouro_dict_set_item(d6, I(6), I(0));
    OuroObject *t5 = K(ouro_tuple_pack(1, I(5)));
    CHECK_REPR(K(M(s, "union", 3, LI(1, 4), t5, d6)), "{1, 2, 3, 4, 5, 6}");
    CHECK_REPR(K(M(SETI(1, 2, 3, 4), "intersection", 2, LI(3, 2, 3, 4), SETI(3, 4, 5))), "{3, 4}");
    CHECK_REPR(K(M(SETI(1, 2, 3, 4), "difference", 2, LI(1, 1), SETI(2))), "{3, 4}");
    CHECK_REPR(K(M(SETI(1, 2), "symmetric_difference", 1, LI(2, 2, 3))), "{1, 3}");
    CHECK_REPR(K(M(s, "union", 0)), "{1, 2, 3}");
    CHECK_REPR(K(M(s, "intersection", 0)), "{1, 2, 3}");
    CHECK_REPR(K(M(s, "difference", 0)), "{1, 2, 3}");
    CHECK_REPR(K(M(FS(s), "union", 1, LI(1, 3))), "frozenset({1, 2, 3})");
    CHECK_REPR(K(M(K(ouro_set_new(range_list(0, 50, 1))), "difference", 1,
                   K(ouro_set_new(range_list(0, 50, 3))))),
               "{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29, 31, "
               "32, 34, 35, 37, 38, 40, 41, 43, 44, 46, 47, 49}");
    CHECK_REPR(K(M(K(ouro_set_new(range_list(10, 300, 17))), "intersection", 1,
                   K(ouro_set_new(range_list(0, 300, 2))))),
               "{10, 44, 78, 112, 146, 180, 214, 248, 282}");
    CHECK_REPR(K(M(SETI(1, 2, 3), "symmetric_difference", 1, range_list(2, 30, 3))),
               "{1, 3, 5, 8, 11, 14, 17, 20, 23, 26, 29}");
    /* differences with a dict, and a small set minus a big one */
    OuroObject *dd = K(ouro_dict_new());
    ouro_dict_set_item(dd, I(2), I(0));
    CHECK_REPR(K(M(SETI(1, 2, 3), "difference", 1, dd)), "{1, 3}");
    CHECK_REPR(K(M(SETI(1, 2, 3), "symmetric_difference", 1, dd)), "{1, 3}");
    CHECK_REPR(K(M(SETI(1, 2000), "difference", 1, K(ouro_set_new(range_list(0, 1000, 1))))), "{2000}");
    /* updates */
    OuroObject *u = SETI(1, 2, 3, 4, 5);
    CHECK(K(M(u, "intersection_update", 2, LI(3, 1, 2, 3), LI(3, 2, 3, 9))) == OURO_NONE);
    CHECK_REPR(u, "{2, 3}");
    OuroObject *v = SETI(1, 2, 3, 4, 5);
    CHECK(K(M(v, "difference_update", 3, LI(1, 1), LI(1, 2), SETI(3))) == OURO_NONE);
    CHECK_REPR(v, "{4, 5}");
    OuroObject *w = SETI(1, 2, 3);
    CHECK(K(M(w, "symmetric_difference_update", 1, LI(3, 3, 4, 4))) == OURO_NONE);
    CHECK_REPR(w, "{1, 2, 4}");
    OuroObject *x = SETI(1, 2, 3);
    CHECK(K(M(x, "update", 3, LI(1, 4), SETI(5), d6)) == OURO_NONE);
    CHECK_REPR(x, "{1, 2, 3, 4, 5, 6}");
    CHECK(K(M(x, "difference_update", 1, x)) == OURO_NONE);
    CHECK_REPR(x, "set()");
    /* errors */
    CHECK(M(s, "union", 1, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    CHECK(M(s, "intersection", 1, K(ouro_tuple_pack(1, K(ouro_list_new(0))))) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    CHECK(M(s, "update", 1, I(3)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    CHECK_REPR(s, "{1, 2, 3}");
    drop_all();
}

static void test_comparisons(void)
{
    OuroObject *s = SETI(1, 2, 3);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1, 2, 3), OURO_LE), 1);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1, 2, 3), OURO_LT), 0);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1, 2, 3, 4), OURO_LT), 1);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1), OURO_GE), 1);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1, 2, 3), OURO_GT), 0);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1, 5), OURO_GT), 0);
    CHECK_INT(ouro_object_richcompare_bool(s, FS(s), OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(FS(s), s, OURO_EQ), 1);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1, 2), OURO_NE), 1);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1, 2, 4), OURO_NE), 1);
    CHECK_INT(ouro_object_richcompare_bool(s, SETI(1, 2, 4), OURO_EQ), 0);
    CHECK_INT(ouro_object_richcompare_bool(FS(SETI(1, 2)), FS(SETI(2, 1)), OURO_EQ), 1);
    OuroObject *f1 = FS(SETI(1, 2)), *f2 = FS(SETI(1, 3));
    ouro_object_hash(f1);
    ouro_object_hash(f2);
    CHECK_INT(ouro_object_richcompare_bool(f1, f2, OURO_EQ), 0);
    /* with a non-set: == is identity, < is a TypeError */
    CHECK_INT(ouro_object_richcompare_bool(s, LI(3, 1, 2, 3), OURO_EQ), 0);
    CHECK(ouro_object_richcompare(s, LI(1, 1), OURO_LT) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'<' not supported between instances of 'set' and 'list'");
    /* subset methods take any iterable */
    CHECK(K(M(SETI(1, 2), "issubset", 1, LI(3, 1, 2, 3))) == OURO_TRUE);
    CHECK(K(M(SETI(1, 2), "issubset", 1, LI(1, 1))) == OURO_FALSE);
    CHECK(K(M(SETI(1, 2), "issuperset", 1, LI(1, 1))) == OURO_TRUE);
    CHECK(K(M(SETI(1, 2), "issuperset", 1, range_list(0, 3, 1))) == OURO_FALSE);
    CHECK(K(M(SETI(1, 2), "issuperset", 1, SETI(2))) == OURO_TRUE);
    CHECK(K(M(SETI(1, 2), "isdisjoint", 1, LI(1, 3))) == OURO_TRUE);
    CHECK(K(M(SETI(1, 2), "isdisjoint", 1, K(ouro_object_get_iter(LI(1, 2))))) == OURO_FALSE);
    CHECK(K(M(SETI(1, 2), "isdisjoint", 1, SETI(3, 4, 5))) == OURO_TRUE);
    CHECK(K(M(SETI(1, 2), "isdisjoint", 1, FS(SETI(2, 4, 5)))) == OURO_FALSE);
    CHECK(K(M(s, "isdisjoint", 1, s)) == OURO_FALSE);
    CHECK(K(M(K(ouro_set_new(NULL)), "isdisjoint", 1, K(ouro_set_new(NULL)))) == OURO_TRUE);
    CHECK(M(s, "issubset", 1, I(1)) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "'int' object is not iterable");
    CHECK(M(s, "issuperset", 1, K(ouro_tuple_pack(1, K(ouro_list_new(0))))) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "unhashable type: 'list'");
    drop_all();
}

/* ------------------------------------------------------------------ iteration -- */

static void test_iteration(void)
{
    OuroObject *s = SETI(10, 1, 100, 5);
    OuroObject *it = K(ouro_object_get_iter(s));
    CHECK(it && OURO_IS_TYPE(it, &ou_set_iter_type));
    CHECK_INT(ival(K(M(it, "__length_hint__", 0))), 4);
    CHECK_REPR(K(ouro_sequence_list(it)), "[1, 10, 100, 5]");
    CHECK(ouro_iter_next(it) == NULL && !ouro_err_occurred());
    CHECK_INT(ival(K(M(it, "__length_hint__", 0))), 0);
    /* ouro_set_next gives keys and hashes */
    ouro_ssize pos = 0;
    OuroObject *key;
    ouro_hash hash;
    int n = 0;
    while (ouro_set_next(s, &pos, &key, &hash)) {
        CHECK_INT(hash, ouro_object_hash(key));
        n++;
    }
    CHECK_INT(n, 4);
    /* changing size while iterating */
    OuroObject *it2 = K(ouro_object_get_iter(s));
    OuroObject *first = K(ouro_iter_next(it2));
    CHECK_INT(ival(first), 1);
    ouro_set_add(s, I(77));
    CHECK(ouro_iter_next(it2) == NULL);
    CHECK_RAISED(&ouro_exc_RuntimeError, "Set changed size during iteration");
    ouro_set_discard(s, I(77));
    CHECK(ouro_iter_next(it2) == NULL); /* sticky */
    CHECK_RAISED(&ouro_exc_RuntimeError, "Set changed size during iteration");
    /* same size, different elements: no error, as CPython */
    OuroObject *it3 = K(ouro_object_get_iter(s));
    K(ouro_iter_next(it3));
    ouro_set_discard(s, I(100));
    ouro_set_add(s, I(3));
    while ((key = ouro_iter_next(it3)) != NULL)
        OURO_DECREF(key);
    CHECK(!ouro_err_occurred());
    /* clear during iteration */
    OuroObject *it4 = K(ouro_object_get_iter(s));
    ouro_set_clear(s);
    CHECK(ouro_iter_next(it4) == NULL);
    CHECK_RAISED(&ouro_exc_RuntimeError, "Set changed size during iteration");
    drop_all();
}

static void test_repr_and_views(void)
{
    OuroObject *s = K(ouro_set_new(NULL));
    ouro_set_add(s, S("x"));
    CHECK_REPR(s, "{'x'}");
    ouro_set_add(s, FS(SETI(2)));
    CHECK_INT(ouro_set_size(s), 2);
    OuroObject *f = FS(SETI(1));
    OuroObject *nested = K(ouro_set_new(NULL));
    ouro_set_add(nested, f);
    CHECK_REPR(nested, "{frozenset({1})}");
    CHECK_REPR(FS(nested), "frozenset({frozenset({1})})");
    /* a dict's keys make a set with the dict's hashes */
    OuroObject *d = K(ouro_dict_new());
    for (int i = 0; i < 10; i++)
        ouro_dict_set_item(d, I(i), I(i));
    CHECK_REPR(K(ouro_set_new(d)), "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}");
    CHECK_REPR(K(ouro_set_new(K(M(d, "keys", 0)))), "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}");
    /* set ops with views on the right go to the view */
    CHECK_REPR(K(ouro_number_subtract(SETI(1, 2, 3), K(M(d, "keys", 0)))), "set()");
    CHECK_REPR(K(ouro_number_or(SETI(11), K(M(d, "keys", 0)))),
               "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11}");
    CHECK_INT(ouro_object_richcompare_bool(K(ouro_set_new(d)), K(M(d, "keys", 0)), OURO_EQ), 1);
    OuroObject *sz = K(M(s, "__sizeof__", 0));
    CHECK(sz && ival(sz) >= (int64_t)sizeof(OuroSet));
    drop_all();
}

/* Comparisons that empty the set mid-probe: lookups and insertions restart. */
static void test_mutating_comparison(void)
{
    OuroObject *s = K(ouro_set_new(NULL));
    CHECK_INT(ouro_set_add(s, EV(1)), 0);
    CHECK_INT(ouro_set_add(s, EV(2)), 0);
    CHECK_INT(ouro_set_size(s), 2);
    evil_victim = s;
    CHECK_INT(ouro_set_contains(s, EV(2)), 0);
    CHECK_INT(ouro_set_size(s), 0);
    CHECK_INT(ouro_set_add(s, EV(1)), 0);
    evil_victim = s;
    CHECK_INT(ouro_set_add(s, EV(3)), 0);
    CHECK_INT(ouro_set_size(s), 1);
    CHECK_INT(ouro_set_add(s, EV(4)), 0);
    evil_victim = s;
    CHECK_INT(ouro_set_discard(s, EV(9)), 0);
    CHECK_INT(ouro_set_size(s), 0);
    /* a set operation whose comparisons empty an operand */
    OuroObject *a = K(ouro_set_new(NULL)), *b = K(ouro_set_new(NULL));
    for (int i = 0; i < 5; i++) {
        ouro_set_add(a, EV(i));
        ouro_set_add(b, EV(i + 2));
    }
    evil_victim = a;
    OuroObject *r = K(ouro_number_and(a, b));
    CHECK(r != NULL && ouro_set_size(r) <= 5);
    CHECK(!ouro_err_occurred());
    drop_all();
}

/* A type whose repr shows a set: the set met again inside its own repr. */
static OuroObject *rec_target;
static OuroObject *rec_repr(OuroObject *o) { return ouro_object_repr(rec_target); }
static void rec_dealloc(OuroObject *o) { ouro_object_free(o); }
static ouro_hash rec_hash(OuroObject *o) { return ouro_hash_pointer(o); }
static OuroType rec_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "Rec",
    .tp_basicsize = sizeof(OuroObject),
    .tp_dealloc = rec_dealloc,
    .tp_repr = rec_repr,
    .tp_hash = rec_hash,
};

static void test_recursive_repr(void)
{
    ouro_type_ready(&rec_type);
    OuroObject *s = K(ouro_set_new(NULL));
    OuroObject *rec = K(ouro_object_alloc(&rec_type));
    CHECK_INT(ouro_set_add(s, rec), 0);
    rec_target = s;
    CHECK_REPR(s, "{set(...)}");
    OuroObject *f = K(ouro_frozenset_new(s));
    rec_target = f;
    CHECK_REPR(f, "frozenset({frozenset(...)})");
    rec_target = NULL;
    drop_all();
}

/* traverse reaches every element; tp_clear empties. */
static int count_visit(OuroObject *o, void *arg)
{
    (void)o;
    (*(int *)arg)++;
    return 0;
}

static void test_traverse_clear(void)
{
    OuroObject *s = K(ouro_set_new(range_list(0, 300, 1)));
    for (int i = 0; i < 300; i += 3)
        ouro_set_discard(s, I(i));
    int n = 0;
    CHECK_INT(ouro_object_traverse(s, count_visit, &n), 0);
    CHECK_INT(n, 200);
    CHECK_INT(ouro_set_type.tp_clear(s), 0);
    CHECK_INT(ouro_set_size(s), 0);
    n = 0;
    ouro_object_traverse(s, count_visit, &n);
    CHECK_INT(n, 0);
    drop_all();
}

/* ---------------------------------------------------------- failure injection -- */

#define INJECT(result_var, expr)                                                 \
    do {                                                                         \
        for (uint64_t n_ = 1;; n_++) {                                           \
            FAIL_AT(n_);                                                         \
            result_var = (expr);                                                 \
            FAIL_OFF();                                                          \
            if (result_var)                                                      \
                break;                                                           \
            if (!CHECK_RAISED(&ouro_exc_MemoryError, NULL) || !CHECK(n_ < 10000)) \
                break;                                                           \
        }                                                                        \
    } while (0)

static void test_failure_injection(void)
{
    OuroObject *r;
    OuroObject *src = range_list(0, 2000, 1);
    INJECT(r, ouro_set_new(src));
    CHECK(K(r) && ouro_set_size(r) == 2000);
    OuroObject *big = r;
    OuroObject *other = K(ouro_set_new(range_list(1000, 3000, 1)));
    INJECT(r, ouro_number_or(big, other));
    CHECK(K(r) && ouro_set_size(r) == 3000);
    INJECT(r, ouro_number_and(big, other));
    CHECK(K(r) && ouro_set_size(r) == 1000);
    INJECT(r, ouro_number_subtract(big, other));
    CHECK(K(r) && ouro_set_size(r) == 1000);
    INJECT(r, ouro_number_xor(big, other));
    CHECK(K(r) && ouro_set_size(r) == 2000);
    INJECT(r, M(big, "copy", 0));
    CHECK(K(r) && ouro_set_size(r) == 2000);
    INJECT(r, ouro_frozenset_new(big));
    CHECK(K(r) && ouro_set_size(r) == 2000);
    OuroObject *list = range_list(0, 40, 1);
    INJECT(r, M(big, "intersection", 1, list));
    CHECK(K(r) && ouro_set_size(r) == 40);
    OuroObject *more = range_list(5000, 5100, 1);
    INJECT(r, M(big, "union", 1, more));
    CHECK(K(r) && ouro_set_size(r) == 2100);
    OuroObject *s123 = SETI(1, 2, 3), *f4 = FS(SETI(4));
    INJECT(r, ouro_object_repr(s123));
    CHECK(K(r) && strcmp(ouro_str_utf8(r), "{1, 2, 3}") == 0);
    INJECT(r, ouro_object_repr(f4));
    CHECK(K(r) && strcmp(ouro_str_utf8(r), "frozenset({4})") == 0);
    INJECT(r, ouro_sequence_list(big));
    CHECK(K(r) && ouro_list_size(r) == 2000);
    /* adding into a full small table: the element goes in, the resize may fail */
    for (uint64_t n = 1;; n++) {
        OuroObject *s = SETI(1, 2, 3, 4), *five = I(5);
        FAIL_AT(n);
        int rc = ouro_set_add(s, five);
        FAIL_OFF();
        if (rc == 0) {
            CHECK_INT(ouro_set_size(s), 5);
            break;
        }
        CHECK_RAISED(&ouro_exc_MemoryError, NULL);
        CHECK(n < 100);
    }
    /* in-place updates keep a consistent set on failure */
    for (uint64_t n = 1;; n++) {
        OuroObject *s = SETI(1, 2);
        FAIL_AT(n);
        OuroObject *res = M(s, "update", 1, other);
        FAIL_OFF();
        if (res) {
            OURO_DECREF(res);
            CHECK_INT(ouro_set_size(s), 2002);
            break;
        }
        CHECK_RAISED(&ouro_exc_MemoryError, NULL);
        CHECK(ouro_set_size(s) >= 2);
        CHECK(n < 100);
    }
    for (uint64_t n = 1;; n++) {
        OuroObject *s = K(ouro_set_new(range_list(0, 500, 1)));
        FAIL_AT(n);
        OuroObject *res = M(s, "intersection_update", 1, list);
        FAIL_OFF();
        if (res) {
            OURO_DECREF(res);
            CHECK_INT(ouro_set_size(s), 40);
            break;
        }
        CHECK_RAISED(&ouro_exc_MemoryError, NULL);
        CHECK_INT(ouro_set_size(s), 500);
        CHECK(n < 100);
    }
    drop_all();
}

int main(void)
{
    th_begin("set");
    RUN(test_create);
    RUN(test_constructor);
    RUN(test_iteration_order);
    RUN(test_dummies);
    RUN(test_collisions);
    RUN(test_growth);
    RUN(test_add_remove_pop_clear);
    RUN(test_set_key_conversion);
    RUN(test_frozenset_hash);
    RUN(test_operators);
    RUN(test_methods_algebra);
    RUN(test_comparisons);
    RUN(test_iteration);
    RUN(test_repr_and_views);
    RUN(test_traverse_clear);
    RUN(test_mutating_comparison);
    RUN(test_recursive_repr);
    RUN(test_failure_injection);
    return th_end();
}
