/* tests/unit/test_gc.c — the cycle collector driven from C: cycles found and freed,
 * reachable objects kept, generations and promotion, finalizers once and before the clear,
 * resurrection, freeze, refused re-entrant collections, a million-long cycle without C
 * recursion, collection triggered by allocations. Uses a small container type of its own. */
#include "test.h"
#include "objects/objects.h"
#include "gc/gc.h"
#include "lang/lang.h"
#include <stddef.h>

/* Pair: a GC container with two slots, counting deallocations and finalizer calls. */
typedef struct Pair {
    OuroObject ob_base;
    OuroObject *a, *b;
    OuroObject *weaklist; /* weak references to the pair (issue 6) */
} Pair;

static long pairs_freed;
static int fin_calls;
static int fin_saw_intact;       /* finalizers that saw their references still in place */
static OuroObject *lazarus;      /* where a resurrecting finalizer stores its object */
static int reentrant_result = -1;

static int pair_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    Pair *p = (Pair *)o;
    if (p->a && visit(p->a, arg))
        return 1;
    return p->b ? visit(p->b, arg) : 0;
}

static int pair_clear(OuroObject *o)
{
    OURO_CLEAR(((Pair *)o)->a);
    OURO_CLEAR(((Pair *)o)->b);
    return 0;
}

static void pair_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    pair_clear(o);
    pairs_freed++;
    ouro_object_free(o);
}

static void pair_finalize(OuroObject *o)
{
    fin_calls++;
    if (((Pair *)o)->a)
        fin_saw_intact++;
    reentrant_result = (int)ou_gc_collect(2); /* refused quietly: 0 */
}

static void phoenix_finalize(OuroObject *o)
{
    fin_calls++;
    if (!lazarus)
        lazarus = OURO_NEWREF(o);
}

#define PAIR_TYPE(name, fin)                                                                  \
    static OuroType name = {                                                                  \
        .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),                                           \
        .tp_name = #name,                                                                     \
        .tp_basicsize = sizeof(Pair),                                                         \
        .tp_flags = OURO_TPFLAG_GC,                                                           \
        .tp_dealloc = pair_dealloc,                                                           \
        .tp_traverse = pair_traverse,                                                         \
        .tp_clear = pair_clear,                                                               \
        .tp_finalize = fin,                                                                   \
        .tp_weaklistoffset = offsetof(Pair, weaklist),                                        \
    }
PAIR_TYPE(pair_type, NULL);
PAIR_TYPE(finpair_type, pair_finalize);
PAIR_TYPE(phoenix_type, phoenix_finalize);

/* A new tracked pair with a new reference to a (may be NULL). */
static OuroObject *pair_new(OuroType *t, OuroObject *a)
{
    Pair *p = (Pair *)ouro_object_alloc(t);
    if (!p)
        return NULL;
    p->a = a ? OURO_NEWREF(a) : NULL;
    ouro_gc_track((OuroObject *)p);
    return (OuroObject *)p;
}

static void setup(void)
{
    ouro_type_ready(&pair_type);
    ouro_type_ready(&finpair_type);
    ouro_type_ready(&phoenix_type);
    pairs_freed = 0;
    fin_calls = fin_saw_intact = 0;
    reentrant_result = -1;
    lazarus = NULL;
    ou_current.gc->enabled = 0; /* only the collections the test asks for */
    ou_gc_collect(2);
}

/* a <-> b, both dropped: returns 2 freed objects. */
static void make_cycle(OuroType *t)
{
    OuroObject *a = pair_new(t, NULL), *b = pair_new(t, a);
    ((Pair *)a)->a = OURO_NEWREF(b);
    OURO_DECREF(a);
    OURO_DECREF(b);
}

static void test_cycle_collected(void)
{
    setup();
    CHECK_INT(ou_gc_collect(2), 0);
    make_cycle(&pair_type);
    CHECK_INT(pairs_freed, 0);
    CHECK_INT(ou_gc_collect(2), 2);
    CHECK_INT(pairs_freed, 2);
    OuroObject *l = ouro_list_new(0);
    ouro_list_append(l, l);
    OURO_DECREF(l);
    CHECK_INT(ou_gc_collect(0), 1);
}

static void test_reachable_kept(void)
{
    setup();
    OuroObject *a = pair_new(&pair_type, NULL), *b = pair_new(&pair_type, a);
    ((Pair *)a)->a = OURO_NEWREF(b);
    OuroObject *holder = pair_new(&pair_type, a);
    OURO_DECREF(a);
    OURO_DECREF(b);
    CHECK_INT(ou_gc_collect(2), 0); /* holder is referenced from C: all alive */
    CHECK_INT(pairs_freed, 0);
    OURO_DECREF(holder);            /* holder freed by refcount, the cycle stays */
    CHECK_INT(pairs_freed, 1);
    CHECK_INT(ou_gc_collect(2), 2);
    CHECK_INT(pairs_freed, 3);
}

static void test_generations(void)
{
    setup();
    OuGCState *gc = ou_current.gc;
    OuroObject *keep = pair_new(&pair_type, NULL);
    CHECK_INT(ou_gc_list_length(gc, 0), 1);
    ou_gc_collect(0);
    CHECK_INT(ou_gc_list_length(gc, 0), 0);
    CHECK_INT(ou_gc_list_length(gc, 1) >= 1, 1);
    CHECK_INT(gc->gens[1].count, 1);
    ouro_ssize g1 = ou_gc_list_length(gc, 1);
    ou_gc_collect(1);
    CHECK_INT(ou_gc_list_length(gc, 1), 0);
    CHECK_INT(ou_gc_list_length(gc, 2) >= g1, 1);
    CHECK_INT(gc->gens[2].count, 1);
    CHECK_INT(gc->stats[0].collections >= 1, 1);
    CHECK_INT(ou_gc_check_lists(gc), 0);
    OURO_DECREF(keep);
}

static void test_finalizers_once_before_clear(void)
{
    setup();
    make_cycle(&finpair_type);
    CHECK_INT(ou_gc_collect(2), 2);
    CHECK_INT(fin_calls, 2);
    CHECK_INT(fin_saw_intact, 2); /* finalizers run before any tp_clear */
    CHECK_INT(reentrant_result, 0);
    CHECK_INT(pairs_freed, 2);
}

static void test_resurrection(void)
{
    setup();
    make_cycle(&phoenix_type);
    CHECK_INT(ou_gc_collect(2), 0); /* resurrected: not counted (CPython 3.11) */
    CHECK_INT(fin_calls, 2);
    CHECK(lazarus != NULL);
    CHECK_INT(pairs_freed, 0); /* the resurrected object keeps its partner alive */
    CHECK(ou_gc_is_tracked(lazarus));
    CHECK((lazarus->ob_tinfo & OU_OBFLAG_FINALIZED) != 0);
    OuroObject *l = lazarus;
    OURO_DECREF(l);            /* the cycle is garbage again; no second finalizer call */
    CHECK_INT(ou_gc_collect(2), 2);
    CHECK_INT(fin_calls, 2);
    CHECK_INT(pairs_freed, 2);
}

static void test_freeze(void)
{
    setup();
    OuGCState *gc = ou_current.gc;
    make_cycle(&pair_type);
    ou_gc_freeze();
    CHECK_INT(ou_gc_head_length(gc->permanent) >= 2, 1);
    CHECK_INT(ou_gc_collect(2), 0);
    CHECK_INT(pairs_freed, 0);
    ou_gc_unfreeze();
    CHECK_INT(ou_gc_head_length(gc->permanent), 0);
    CHECK_INT(ou_gc_collect(2), 2);
}

static void test_million_cycle(void)
{
    setup();
    const long n = 1000 * 1000;
    OuroObject *first = pair_new(&pair_type, NULL), *last = first;
    OURO_INCREF(first);
    for (long i = 1; i < n; i++) {
        OuroObject *p = pair_new(&pair_type, NULL);
        ((Pair *)last)->a = p; /* steals */
        last = p;
    }
    ((Pair *)last)->a = first; /* the ring closes with our extra reference */
    OURO_DECREF(first);
    CHECK_INT(pairs_freed, 0);
    CHECK_INT(ou_gc_collect(2), n);
    CHECK_INT(pairs_freed, n);
}

static void test_tree_of_cycles(void)
{
    setup();
    /* A 1,000-deep chain where every node is also a 2-cycle with a partner. */
    OuroObject *root = NULL;
    for (int i = 0; i < 1000; i++) {
        OuroObject *node = pair_new(&pair_type, root), *partner = pair_new(&pair_type, node);
        ((Pair *)node)->b = partner; /* steals */
        OURO_XDECREF(root);
        root = node;
    }
    OURO_DECREF(root);
    CHECK_INT(ou_gc_collect(2), 2000);
    CHECK_INT(pairs_freed, 2000);
}

static void test_allocation_triggers(void)
{
    setup();
    OuGCState *gc = ou_current.gc;
    gc->enabled = 1;
    gc->stress = 0; /* the thresholds are what this test is about */
    ouro_ssize before = gc->stats[0].collections;
    for (int i = 0; i < 100; i++)
        make_cycle(&pair_type);
    for (int i = 0; i < 800; i++) {
        OuroObject *p = pair_new(&pair_type, NULL);
        OURO_DECREF(p); /* a freed object gives its count back */
    }
    CHECK_INT(gc->stats[0].collections, before);
    OuroObject *keep = ouro_list_new(0);
    for (int i = 0; i < 800; i++) {
        OuroObject *p = pair_new(&pair_type, NULL);
        ouro_list_append(keep, p);
        OURO_DECREF(p);
    }
    CHECK_INT(gc->stats[0].collections > before, 1);
    CHECK_INT(pairs_freed >= 200 + 800, 1); /* the cycles went with the first collection */
    OURO_DECREF(keep);
}

/* The weakref callback of test_weakrefs: records the order against the finalizers. */
static int cb_calls, cb_fin_calls_before, cb_ref_dead;
static OuroObject *weak_cb(OuroObject *self, OuroObject *ref)
{
    cb_calls++;
    cb_fin_calls_before = fin_calls;
    cb_ref_dead = ouro_weakref_get_object(ref) == OURO_NONE;
    OURO_RETURN_NONE;
}
static const OuroMethodDef weak_cb_def = { "weak_cb", OURO_METH(weak_cb), OURO_METH_O, NULL };

static void test_weakrefs(void)
{
    setup();
    cb_calls = cb_fin_calls_before = cb_ref_dead = 0;
    OuroObject *cb = ou_cfunction_new(&weak_cb_def, NULL, NULL);
    OuroObject *a = pair_new(&finpair_type, NULL), *b = pair_new(&finpair_type, a);
    ((Pair *)a)->a = OURO_NEWREF(b);
    OuroObject *live = ouro_weakref_new_ref(a, cb);      /* held from C: its callback runs */
    OuroObject *dead = ouro_weakref_new_ref(b, cb);      /* garbage itself: it does not */
    ((Pair *)b)->b = dead;                               /* steals */
    CHECK(live && dead);
    OURO_DECREF(a);
    OURO_DECREF(b);
    CHECK_INT(ou_gc_collect(2), 3);
    CHECK_INT(cb_calls, 1);
    CHECK_INT(cb_fin_calls_before, 0); /* callbacks of live refs run before finalizers */
    CHECK_INT(cb_ref_dead, 1);
    CHECK_INT(fin_calls, 2);
    CHECK(ouro_weakref_get_object(live) == OURO_NONE);
    OURO_DECREF(live);
    OURO_DECREF(cb);
}

int main(void)
{
    th_begin("gc");
    RUN(test_cycle_collected);
    RUN(test_reachable_kept);
    RUN(test_generations);
    RUN(test_finalizers_once_before_clear);
    RUN(test_resurrection);
    RUN(test_freeze);
    RUN(test_million_cycle);
    RUN(test_tree_of_cycles);
    RUN(test_allocation_triggers);
    RUN(test_weakrefs);
    return th_end();
}
