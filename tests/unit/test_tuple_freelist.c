/* tests/unit/test_tuple_freelist.c — the free lists of small tuples (tupleobject.c): reuse
 * by size, full reinitialisation of a reused tuple, the per-size cap, exact tuples only,
 * generation 0's count left alone as CPython 3.11 does, emptied by full collections, and
 * allocation failures. RUN's leak check covers the release at teardown (every test leaves
 * tuples on the lists). */
#include "seqtest.h"
#include "gc/gc.h"
#include "lang/lang.h" /* ou_type_new */

static int32_t numfree(ouro_ssize n) { return ou_current.objs->tuple_numfree[n - 1]; }
static int64_t gen0_count(void) { return ou_current.gc->gens[0].count; }

/* 1 if op is on the free list of its size. */
static int on_freelist(OuroObject *op, ouro_ssize n)
{
    for (OuroObject *p = ou_current.objs->tuple_free[n - 1]; p; p = OURO_TUPLE_GET(p, 0))
        if (p == op)
            return 1;
    return 0;
}

/* Only the collections a test asks for (OURO_GCSTRESS would collect at every tracked
 * allocation, and a full collection empties the lists); then empty lists. */
static void start_empty(void)
{
    ou_current.gc->enabled = 0;
    ou_gc_collect(2);
}

static uint64_t heap_blocks(void)
{
    OuroMemStats st;
    ouro_mem_stats(&st);
    return st.allocs_total - st.frees_total;
}

/* Each size 1..19 is kept and handed back (last in, first out); 20 is kept but never
 * handed back (CPython 3.11's quirk, kept for its gc.get_count()); 21.. are freed. */
static void test_reuse_by_size(void)
{
    start_empty();
    for (ouro_ssize n = 1; n <= 25; n++) {
        OuroObject *t = ouro_tuple_new(n);
        CHECK(t != NULL);
        for (ouro_ssize i = 0; i < n; i++)
            OURO_TUPLE_SET(t, i, I(i * 1000 + 7));
        OuroObject *old = t;
        OURO_DECREF(t);
        if (n <= OU_TUPLE_MAXSAVESIZE) {
            CHECK_INT(numfree(n), 1);
            CHECK(on_freelist(old, n));
        }
        t = ouro_tuple_new(n);
        CHECK(t != NULL);
        if (n < OU_TUPLE_MAXSAVESIZE) {
            CHECK(t == old);
            CHECK_INT(numfree(n), 0);
        } else if (n == OU_TUPLE_MAXSAVESIZE) {
            CHECK(t != old);
            CHECK_INT(numfree(n), 1);
        }
        CHECK_INT(OURO_TUPLE_SIZE(t), n);
        for (ouro_ssize i = 0; i < n; i++)
            CHECK(OURO_TUPLE_GET(t, i) == NULL);
        OURO_DECREF(t); /* left on the list: teardown frees it */
    }
}

/* A reused tuple is as new: count 1, no flag bits from its last life, tracked once. */
static void test_reinitialised(void)
{
    start_empty();
    OuroObject *t = tuple_of(2, 1, 2);
    OuroObject *old = t;
    /* Flags a collection or a finalizer may leave on a dead object. */
    t->ob_tinfo |= OU_OBFLAG_FINALIZED | OU_OBFLAG_UNREACHABLE;
    OURO_DECREF(t);
    CHECK(on_freelist(old, 2));
    t = ouro_tuple_new(2);
    CHECK(t == old);
    CHECK_INT(t->ob_refcnt, 1);
    CHECK_INT(t->ob_tinfo, OU_TID_ouro_tuple_type);
    CHECK(OURO_TYPE(t) == &ouro_tuple_type);
    CHECK(ouro_gc_is_tracked(t));
    CHECK(!ou_gc_is_collecting(t));
    CHECK(ou_gc_check_lists(ou_current.gc) == 0);
    OURO_TUPLE_SET(t, 0, S("a"));
    OURO_TUPLE_SET(t, 1, S("b"));
    CHECK_REPR(t, "('a', 'b')");
    OURO_DECREF(t);
}

/* At most OU_TUPLE_MAXFREELIST per size; the rest go back to the allocator. */
static void test_cap(void)
{
    start_empty();
    enum { N = OU_TUPLE_MAXFREELIST + 100 };
    OuroObject *list = ouro_list_new(0);
    for (int i = 0; i < N; i++) {
        OuroObject *t = tuple_of(3, i, i + 1, i + 2);
        CHECK(t && ouro_list_append(list, t) == 0);
        OURO_XDECREF(t);
    }
    uint64_t blocks = heap_blocks();
    OURO_DECREF(list);
    CHECK_INT(numfree(3), OU_TUPLE_MAXFREELIST);
    /* The list, its items array, the ints past the small ones, and 100 tuples. */
    CHECK(blocks - heap_blocks() >= 100);
    /* A full collection empties the lists: the saved blocks go back. */
    blocks = heap_blocks();
    ou_gc_collect(2);
    CHECK_INT(numfree(3), 0);
    CHECK_INT(blocks - heap_blocks(), OU_TUPLE_MAXFREELIST);
}

/* As CPython 3.11: reuse does not count as a GC allocation, saving not as a deallocation;
 * the allocator's tuples count both ways. */
static void test_gc_count(void)
{
    start_empty();
    OuroObject *t = ouro_tuple_new(4); /* from the allocator */
    int64_t c = gen0_count();
    OURO_DECREF(t);                    /* saved */
    CHECK_INT(gen0_count(), c);
    t = ouro_tuple_new(4);             /* reused */
    CHECK_INT(gen0_count(), c);
    OuroObject *u = ouro_tuple_new(4); /* the list is empty: allocated */
    CHECK_INT(gen0_count(), c + 1);
    OURO_DECREF(t);
    OURO_DECREF(u);
    CHECK_INT(gen0_count(), c + 1);
    CHECK_INT(numfree(4), 2);
    /* A tuple too big for the lists counts as any GC object. */
    t = ouro_tuple_new(OU_TUPLE_MAXSAVESIZE + 1);
    CHECK_INT(gen0_count(), c + 2);
    OURO_DECREF(t);
    CHECK_INT(gen0_count(), c + 1);
}

/* Instances of a tuple subclass share tuple's dealloc but are never saved. */
static void test_subclass_not_saved(void)
{
    OuroObject *bases = ouro_tuple_pack(1, &ouro_tuple_type);
    OuroObject *ns = ouro_dict_new(), *name = S("T");
    CHECK(ouro_dict_set_item_str(ns, "__module__", name) == 0);
    OuroObject *cls = ou_type_new(&ouro_type_type, name, bases, ns, NULL);
    CHECK(cls != NULL);
    OuroObject *items = list_of(2, 1, 2);
    OuroObject *args[1] = { items };
    OuroObject *o = cls ? ouro_object_vectorcall(cls, args, 1, NULL) : NULL;
    CHECK(o && OURO_TYPE(o) == (OuroType *)cls && OURO_TUPLE_SIZE(o) == 2);
    OuroObject *old = o;
    OURO_XDECREF(o);
    CHECK(!on_freelist(old, 2));
    CHECK(ou_gc_check_lists(ou_current.gc) == 0);
    OURO_DECREF(items);
    OURO_XDECREF(cls);
    OURO_DECREF(ns);
    OURO_DECREF(name);
    OURO_DECREF(bases);
}

/* A tuple in a cycle (through a list) freed by a young collection is saved with the
 * collector's flags on it, and comes back clean. */
static void test_cycle_garbage_reused(void)
{
    start_empty();
    for (int round = 0; round < 3; round++) {
        OuroObject *l = ouro_list_new(0);
        OuroObject *t = ouro_tuple_new(2);
        OURO_TUPLE_SET(t, 0, OURO_NEWREF(l));
        OURO_TUPLE_SET(t, 1, I(round));
        CHECK(ouro_list_append(l, t) == 0);
        OuroObject *old = t;
        OURO_DECREF(t);
        OURO_DECREF(l);
        int32_t before = numfree(2);
        CHECK(ou_gc_collect(0) >= 2);
        CHECK_INT(numfree(2), before + 1);
        CHECK(on_freelist(old, 2));
        t = ouro_tuple_new(2);
        CHECK(t == old);
        CHECK_INT(t->ob_tinfo, OU_TID_ouro_tuple_type);
        CHECK(ou_gc_check_lists(ou_current.gc) == 0);
        OURO_TUPLE_SET(t, 0, I(1));
        OURO_TUPLE_SET(t, 1, OURO_NEWREF(OURO_NONE));
        OURO_DECREF(t);
    }
}

/* A saved tuple is handed out even when the allocator fails; without one, MemoryError. */
static void test_allocation_failure(void)
{
    start_empty();
    OuroObject *t = ouro_tuple_new(5);
    OURO_DECREF(t);
    ouro_mem_fail_after(1, 1);
    OuroObject *a = ouro_tuple_new(5);
    OuroObject *b = ouro_tuple_new(5);
    ouro_mem_fail_after(0, 0);
    CHECK(a == t);
    CHECK(b == NULL);
    CHECK_RAISED(&ouro_exc_MemoryError, NULL);
    OURO_XDECREF(a);
}

int main(void)
{
    th_begin("tuple_freelist");
    RUN(test_reuse_by_size);
    RUN(test_reinitialised);
    RUN(test_cap);
    RUN(test_gc_count);
    RUN(test_subclass_not_saved);
    RUN(test_cycle_garbage_reused);
    RUN(test_allocation_failure);
    return th_end();
}
