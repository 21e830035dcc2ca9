/* tests/unit/test_layout.c — instance layout (issue 7): __slots__ fields and their sizes,
 * shared-key instance values (sizes from the allocator's accounting, turning into a dict,
 * traversal, allocation failures), and the __slots__ errors. */
#include "test.h"
#include "objects/typeimpl.h"
#include "objects/instvalues.h"

static OuroObject *S(const char *s) { return ouro_str_intern_cstr(s); }

/* A class `name` with namespace ns (borrowed, may be NULL) and bases (NULL: object).
 * New reference, or NULL with an exception. */
static OuroObject *make_class(const char *name, OuroObject *bases, OuroObject *ns)
{
    OuroObject *own_ns = ns ? OURO_NEWREF(ns) : ouro_dict_new();
    OuroObject *own_bases = bases ? OURO_NEWREF(bases) : ouro_tuple_new(0);
    OuroObject *n = ouro_str_from_cstr(name), *c = NULL;
    if (own_ns && own_bases && n && ouro_dict_set_item_str(own_ns, "__module__", S("__main__")) == 0)
        c = ou_type_new(&ouro_type_type, n, own_bases, own_ns, NULL);
    OURO_XDECREF(n);
    OURO_XDECREF(own_ns);
    OURO_XDECREF(own_bases);
    return c;
}

/* A class whose __slots__ is the tuple of the given names. New reference or NULL. */
static OuroObject *slotted(const char *name, OuroObject *bases, int n, const char *const *names)
{
    OuroObject *ns = ouro_dict_new(), *t = ouro_tuple_new(n), *c = NULL;
    for (int i = 0; t && i < n; i++)
        OURO_TUPLE_SET(t, i, OURO_NEWREF(S(names[i])));
    if (ns && t && ouro_dict_set_item_str(ns, "__slots__", t) == 0)
        c = make_class(name, bases, ns);
    OURO_XDECREF(ns);
    OURO_XDECREF(t);
    return c;
}

static OuroObject *new_instance(OuroObject *cls)
{
    return ouro_object_vectorcall(cls, NULL, 0, NULL);
}

static uint64_t heap_bytes(void)
{
    OuroMemStats st;
    ouro_mem_stats(&st);
    return st.bytes_in_use;
}

/* Sets a, b, c to small ints (immortal: they cost nothing). 0 or -1. */
static int set_abc(OuroObject *o)
{
    const char *names[] = { "a", "b", "c" };
    for (int i = 0; i < 3; i++) {
        OuroObject *v = ouro_int_from_int64(i);
        int r = ouro_object_setattr(o, S(names[i]), v);
        OURO_DECREF(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ __slots__ -- */

static void test_slots_layout(void)
{
    const char *abc[] = { "c", "a", "b" };
    OuroObject *c = slotted("P", NULL, 3, abc);
    CHECK(c != NULL);
    OuroType *t = (OuroType *)c;
    CHECK_INT(t->tp_basicsize, 32); /* header 8 + 3 fields */
    CHECK_INT(t->tp_dictoffset, 0);
    CHECK_INT(t->tp_weaklistoffset, 0);
    CHECK_INT(OU_HT(t)->ht_nmembers, 3);
    CHECK_STR(OU_HT(t)->ht_members[0].name, "a"); /* sorted, as CPython */
    CHECK_INT(OU_HT(t)->ht_members[0].offset, 8);
    CHECK_INT(OU_HT(t)->ht_members[2].offset, 24);
    uint64_t before = heap_bytes();
    OuroObject *o = new_instance(c);
    CHECK(o != NULL && set_abc(o) == 0);
    CHECK_INT(heap_bytes() - before, 40); /* the target: 40 bytes all-in */
    CHECK_INT(ouro_object_footprint(o), 40);
    OuroObject *a = ouro_object_getattr(o, S("a"));
    CHECK(a && ouro_int_as_int64(a) == 0);
    OURO_XDECREF(a);
    CHECK(ouro_object_getattr(o, S("z")) == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "'P' object has no attribute 'z'");
    CHECK(ouro_object_setattr(o, S("z"), OURO_NONE) < 0);
    CHECK_RAISED(&ouro_exc_AttributeError, "'P' object has no attribute 'z'");
    CHECK(ouro_object_setattr(o, S("a"), NULL) == 0);
    CHECK(ouro_object_getattr(o, S("a")) == NULL);
    CHECK_RAISED(&ouro_exc_AttributeError, "'P' object has no attribute 'a'");
    CHECK_REPR(ouro_dict_get_item_str(t->tp_dict, "b"), "<member 'b' of 'P' objects>");
    OURO_XDECREF(o);
    OURO_DECREF(c);
}

static void test_slots_subclass(void)
{
    const char *a[] = { "a" }, *b[] = { "b", "__weakref__" };
    OuroObject *base = slotted("Base", NULL, 1, a);
    OuroObject *bases = base ? ouro_tuple_pack(1, base) : NULL;
    OuroObject *sub = bases ? slotted("Sub", bases, 2, b) : NULL;
    OuroObject *plain = bases ? make_class("Plain", bases, NULL) : NULL;
    CHECK(sub && plain);
    if (sub && plain) {
        OuroType *st = (OuroType *)sub, *pt = (OuroType *)plain;
        CHECK_INT(st->tp_basicsize, 32);      /* a, b, the weakref list */
        CHECK_INT(st->tp_weaklistoffset, 24);
        CHECK_INT(st->tp_dictoffset, 0);
        CHECK_INT(pt->tp_dictoffset, 16);     /* a subclass without __slots__: a dict */
        CHECK(OU_HT(pt)->ht_values);
    }
    OuroObject *o = sub ? new_instance(sub) : NULL;
    OuroObject *one = ouro_int_from_int64(1);
    CHECK(o && ouro_object_setattr(o, S("a"), one) == 0 && ouro_object_setattr(o, S("b"), one) == 0);
    OURO_XDECREF(one);
    OURO_XDECREF(o);
    OURO_XDECREF(plain);
    OURO_XDECREF(sub);
    OURO_XDECREF(bases);
    OURO_XDECREF(base);
}

static void test_slots_errors(void)
{
    OuroObject *ns = ouro_dict_new();
    const char *x[] = { "x" };
    OuroObject *t = ouro_tuple_pack(1, S("x"));
    ouro_dict_set_item_str(ns, "__slots__", t);
    ouro_dict_set_item_str(ns, "x", OURO_NONE);
    CHECK(make_class("C", NULL, ns) == NULL);
    CHECK_RAISED(&ouro_exc_ValueError, "'x' in __slots__ conflicts with class variable");
    OuroObject *tb = ouro_tuple_pack(1, &ouro_tuple_type);
    CHECK(slotted("T", tb, 1, x) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "nonempty __slots__ not supported for subtype of 'tuple'");
    const char *bad[] = { "not valid" };
    CHECK(slotted("B", NULL, 1, bad) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "__slots__ must be identifiers");
    const char *dd[] = { "__dict__", "__dict__" };
    CHECK(slotted("D", NULL, 2, dd) == NULL);
    CHECK_RAISED(&ouro_exc_TypeError, "__dict__ slot disallowed: we already got one");
    OURO_DECREF(tb);
    OURO_DECREF(t);
    OURO_DECREF(ns);
}

/* ------------------------------------------------------ shared-key values -- */

static void test_values_size(void)
{
    OuroObject *c = make_class("D", NULL, NULL);
    CHECK(c != NULL);
    OuroObject *first = new_instance(c); /* teaches the class its three keys */
    CHECK(first && set_abc(first) == 0);
    uint64_t before = heap_bytes();
    OuroObject *o = new_instance(c);
    CHECK(o && set_abc(o) == 0);
    CHECK_INT(heap_bytes() - before, 64); /* the target: 64 bytes all-in */
    OuroObject **dp = ou_object_dict_slot(o);
    CHECK(dp && ou_values_of(*dp) != NULL);
    CHECK_INT(ou_values_sizeof(*dp), 32);
    CHECK_INT(OU_HT((OuroType *)c)->ht_nkeys, 3);
    /* an unusual attribute costs only its instance: 8 bytes there, none elsewhere */
    OuroObject *unusual = S("unusual"); /* (interning it allocates) */
    before = heap_bytes();
    CHECK(ouro_object_setattr(o, unusual, OURO_NONE) == 0);
    CHECK_INT(heap_bytes() - before, 8);
    before = heap_bytes();
    OuroObject *o2 = new_instance(c);
    CHECK(o2 && set_abc(o2) == 0);
    CHECK_INT(heap_bytes() - before, 64);
    OURO_XDECREF(o2);
    OURO_XDECREF(o);
    OURO_XDECREF(first);
    OURO_DECREF(c);
}

static void test_values_to_dict(void)
{
    OuroObject *c = make_class("D", NULL, NULL);
    OuroObject *o = c ? new_instance(c) : NULL;
    CHECK(o && set_abc(o) == 0);
    OuroObject *d = o ? ouro_object_getattr(o, S("__dict__")) : NULL;
    CHECK_REPR(d, "{'a': 0, 'b': 1, 'c': 2}");
    OuroObject **dp = o ? ou_object_dict_slot(o) : NULL;
    CHECK(dp && *dp == d); /* the values became this dict: no copy */
    CHECK(o && ouro_object_setattr(o, S("e"), OURO_NONE) == 0);
    CHECK_REPR(d, "{'a': 0, 'b': 1, 'c': 2, 'e': None}");
    OURO_XDECREF(d);
    OURO_XDECREF(o);
    OURO_XDECREF(c);
}

static int count_visit(OuroObject *o, void *arg)
{
    (*(int *)arg)++;
    return 0;
}

static void test_values_traverse(void)
{
    OuroObject *c = make_class("D", NULL, NULL);
    OuroObject *o = c ? new_instance(c) : NULL;
    OuroObject *l = ouro_list_new(0);
    CHECK(o && l && ouro_object_setattr(o, S("x"), l) == 0 &&
          ouro_object_setattr(o, S("y"), l) == 0);
    int n = 0;
    if (o)
        OURO_TYPE(o)->tp_traverse(o, count_visit, &n);
    CHECK_INT(n, 3); /* x, y and the class */
    if (o)
        OURO_TYPE(o)->tp_clear(o);
    CHECK_INT(l->ob_refcnt, 1);
    OURO_XDECREF(l);
    OURO_XDECREF(o);
    OURO_XDECREF(c);
}

static void test_values_failure(void)
{
    OuroObject *c = make_class("D", NULL, NULL);
    OuroObject *names[3] = { S("a"), S("b"), S("c") }, *v = OURO_NONE;
    for (uint64_t k = 1; k < 10; k++) {
        OuroObject *o = c ? new_instance(c) : NULL;
        CHECK(o != NULL);
        ouro_mem_fail_after(k, 0);
        int r = 0;
        for (int i = 0; o && r == 0 && i < 3; i++)
            r = ouro_object_setattr(o, names[i], v);
        ouro_mem_fail_after(0, 0);
        if (r < 0)
            CHECK_RAISED(&ouro_exc_MemoryError, NULL);
        OURO_XDECREF(o);
    }
    OURO_XDECREF(c);
}

int main(void)
{
    th_begin("layout");
    RUN(test_slots_layout);
    RUN(test_slots_subclass);
    RUN(test_slots_errors);
    RUN(test_values_size);
    RUN(test_values_to_dict);
    RUN(test_values_traverse);
    RUN(test_values_failure);
    return th_end();
}
