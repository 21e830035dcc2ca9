/* src/gc/collect.c — the cycle collector: CPython's algorithm over the compressed lists of
 * gc.c (update_refs, subtract_refs, move_unreachable), then weak references, finalizers
 * (PEP 442), the resurrection check, clear and free. Narrative: docs/internals/gc.md. */
#include "gc.h"
#include "runtime/tstate.h"
#include "objects/weakrefobject.h"
#include "objects/dictobject.h"
#include <stdio.h>
#include <time.h>

/* The weakref layer reads the flag under its own name: they must be one bit. */
_Static_assert(OU_OBFLAG_GC_UNREACHABLE == OU_OBFLAG_COLLECTING,
               "weakrefobject.h and gcheader.h disagree on the collecting flag");

/* -------------------------------------------------------------------- the lists --
 * Circular lists of OuGCHead through 32-bit compressed links; each sentinel lives in the
 * heap (gc.c). During update_refs..move_unreachable, the gc_prev of an object of the
 * examined list is its scratch count (the list is singly linked through gc_next), and its
 * COLLECTING flag is set. */

static inline OuGCHead *at(uint32_t c) { return (OuGCHead *)ou_ptr_decompress(c); }
static inline uint32_t cp(OuGCHead *g) { return ou_ptr_compress(g); }
static inline OuGCHead *next_of(OuGCHead *g) { return at(g->gc_next); }
static inline OuGCHead *prev_of(OuGCHead *g) { return at(g->gc_prev); }
static inline bool list_empty(OuGCHead *h) { return h->gc_next == cp(h); }
static inline void set_flag(OuroObject *o, uint32_t f) { o->ob_tinfo |= f; }
static inline void clear_flag(OuroObject *o, uint32_t f) { o->ob_tinfo &= ~f; }

static void list_init(OuGCHead *h)
{
    h->gc_next = h->gc_prev = cp(h);
}

static void list_append(OuGCHead *g, OuGCHead *h)
{
    OuGCHead *last = prev_of(h);
    last->gc_next = cp(g);
    g->gc_prev = cp(last);
    g->gc_next = cp(h);
    h->gc_prev = cp(g);
}

static void list_remove(OuGCHead *g)
{
    prev_of(g)->gc_next = g->gc_next;
    next_of(g)->gc_prev = g->gc_prev;
}

static void list_move(OuGCHead *g, OuGCHead *to)
{
    list_remove(g);
    list_append(g, to);
}

/* Appends every object of from to to; from becomes empty. */
static void list_merge(OuGCHead *from, OuGCHead *to)
{
    if (list_empty(from))
        return;
    OuGCHead *to_last = prev_of(to), *first = next_of(from), *last = prev_of(from);
    to_last->gc_next = cp(first);
    first->gc_prev = cp(to_last);
    last->gc_next = cp(to);
    to->gc_prev = cp(last);
    list_init(from);
}

/* -------------------------------------------------- deducing the unreachable set -- */

/* Sets each object's scratch count to its reference count and marks it COLLECTING. */
static uint64_t update_refs(OuGCHead *head)
{
    uint64_t n = 0;
    for (OuGCHead *g = next_of(head); g != head; g = next_of(g)) {
        OuroObject *o = ou_gc_object(g);
        g->gc_prev = o->ob_refcnt;
        set_flag(o, OU_OBFLAG_COLLECTING);
        n++;
    }
    return n;
}

/* A reference from inside the examined set: not evidence of an outside reference. Only
 * COLLECTING objects are touched, which are tracked and have a GC header (static objects
 * never get the flag). */
static int visit_decref(OuroObject *o, void *arg)
{
    if ((o->ob_tinfo & OU_OBFLAG_COLLECTING) && !(o->ob_tinfo & OU_OBFLAG_UNREACHABLE)) {
        OuGCHead *g = ou_gc_head(o);
        if (g->gc_prev > 0)
            g->gc_prev--;
    }
    return 0;
}

static void subtract_refs(OuGCHead *head)
{
    for (OuGCHead *g = next_of(head); g != head; g = next_of(g)) {
        OuroObject *o = ou_gc_object(g);
        ouro_traverseproc tr = OURO_TYPE(o)->tp_traverse;
        if (tr)
            tr(o, visit_decref, NULL);
    }
}

/* o is reachable from an object known to be alive. If move_unreachable already moved it to
 * the unreachable list, it goes back to the end of the young list (where the scan will
 * reach it again); if it is still ahead in the scan, a count of 1 marks it alive. */
static int visit_reachable(OuroObject *o, void *arg)
{
    if (!(o->ob_tinfo & OU_OBFLAG_COLLECTING))
        return 0; /* outside the set, or already scanned as reachable */
    OuGCHead *young = arg, *g = ou_gc_head(o);
    if (o->ob_tinfo & OU_OBFLAG_UNREACHABLE) {
        list_remove(g); /* the unreachable list is doubly linked */
        clear_flag(o, OU_OBFLAG_UNREACHABLE);
        /* Append to young: young->gc_prev is its last element (see move_unreachable). */
        OuGCHead *last = prev_of(young);
        last->gc_next = cp(g);
        g->gc_next = cp(young);
        young->gc_prev = cp(g);
        g->gc_prev = 1;
    } else if (g->gc_prev == 0) {
        g->gc_prev = 1;
    }
    return 0;
}

/* CPython's move_unreachable: scans young once; an object with a positive count is alive
 * and its referents too (visit_reachable), an object at 0 goes tentatively to
 * unreachable. Afterwards young is a proper doubly-linked list of the reachable objects
 * (COLLECTING cleared) and unreachable holds the rest (COLLECTING kept, UNREACHABLE
 * cleared). The scan is a loop over the list, never a recursion: a million-long chain
 * costs no C stack. */
static void move_unreachable(OuGCHead *young, OuGCHead *unreachable)
{
    OuGCHead *prev = young;
    OuGCHead *g = next_of(young);
    while (g != young) {
        OuroObject *o = ou_gc_object(g);
        if (g->gc_prev > 0) {
            ouro_traverseproc tr = OURO_TYPE(o)->tp_traverse;
            if (tr)
                tr(o, visit_reachable, young);
            g->gc_prev = cp(prev);
            clear_flag(o, OU_OBFLAG_COLLECTING);
            prev = g;
        } else {
            prev->gc_next = g->gc_next;
            set_flag(o, OU_OBFLAG_UNREACHABLE);
            list_append(g, unreachable);
        }
        g = next_of(prev);
    }
    young->gc_prev = cp(prev);
    for (g = next_of(unreachable); g != unreachable; g = next_of(g))
        clear_flag(ou_gc_object(g), OU_OBFLAG_UNREACHABLE);
}

/* Leaves in unreachable the garbage of the objects on young; returns how many objects
 * were examined. */
static uint64_t deduce_unreachable(OuGCHead *young, OuGCHead *unreachable)
{
    uint64_t n = update_refs(young);
    subtract_refs(young);
    move_unreachable(young, unreachable);
    return n;
}

/* Tuples (and, when dicts, dicts) that hold only atomic objects need no tracking
 * (CPython's untrack_tuples / untrack_dicts). One pass that also counts what stays on the
 * list (for the long-lived-objects rule); type ids are compared directly, without the
 * type table, since this pass touches every survivor. */
static ouro_ssize untrack_atomic(OuGCHead *head, bool dicts)
{
    ouro_ssize n = 0;
    OuGCHead *g = next_of(head);
    while (g != head) {
        OuGCHead *nx = next_of(g);
        OuroObject *o = ou_gc_object(g);
        uint32_t tid = o->ob_tinfo & OURO_TID_MASK;
        if (tid == OU_TID_ouro_tuple_type)
            ou_tuple_maybe_untrack(o);
        else if (dicts && tid == OU_TID_ouro_dict_type)
            ou_dict_maybe_untrack(o);
        n += g->gc_next != 0;
        g = nx;
    }
    return n;
}

/* ----------------------------------------------------------- handling the garbage -- */

/* Clears every weak reference to the garbage (their referents are dead to them from now),
 * then runs the callbacks of the refs that are not garbage themselves, before any
 * finalizer runs (DESIGN's order, CPython's handle_weakrefs). Returns the number of those
 * refs freed once their callbacks ran (CPython counts them as collected). Never fails. */
static ouro_ssize handle_weakrefs(OuGCHead *unreachable)
{
    OuroObject *callbacks = NULL;
    ouro_ssize freed = 0;
    for (OuGCHead *g = next_of(unreachable); g != unreachable; g = next_of(g)) {
        OuroObject *o = ou_gc_object(g);
        OuroObject **wl = ou_weakref_list_of(o);
        if (!wl || !*wl)
            continue;
        if (!callbacks && !(callbacks = ouro_list_new(0))) {
            ouro_err_write_unraisable_msg("in the collector", NULL);
            return 0;
        }
        if (ou_weakref_clear_for_gc(o, callbacks) < 0)
            ouro_err_write_unraisable_msg("in the collector", NULL);
    }
    if (!callbacks)
        return 0;
    for (ouro_ssize i = 0; i < ouro_list_size(callbacks); i++) {
        OuroObject *wr = ouro_list_get_item(callbacks, i);
        ou_weakref_run_callback(wr);
        if (wr->ob_refcnt == 1)
            freed++; /* only our list holds it: it goes with the list */
    }
    OURO_DECREF(callbacks);
    return freed;
}

/* Calls each garbage object's finalizer once (PEP 442: the FINALIZED flag). Objects are
 * moved to a side list as they are handled, so that a finalizer freeing others of the
 * set (they leave the lists when deallocated) keeps the walk valid. */
static void finalize_garbage(OuGCHead *unreachable, OuGCHead *seen)
{
    while (!list_empty(unreachable)) {
        OuGCHead *g = next_of(unreachable);
        OuroObject *o = ou_gc_object(g);
        list_move(g, seen);
        ouro_destructor fin = OURO_TYPE(o)->tp_finalize;
        if (!fin || (o->ob_tinfo & OU_OBFLAG_FINALIZED))
            continue;
        set_flag(o, OU_OBFLAG_FINALIZED);
        OURO_INCREF(o);
        fin(o);
        if (ouro_err_occurred())
            ouro_err_write_unraisable(o);
        OURO_DECREF(o);
    }
    list_merge(seen, unreachable);
}

static void debug_cycle(const char *msg, OuroObject *o)
{
    fprintf(stderr, "gc: %s <%s %p>\n", msg, OURO_TYPE_NAME(o), (void *)o);
}

/* Clears (tp_clear) what is still garbage; the objects free themselves when the cycles
 * break. Under DEBUG_SAVEALL they go to gc.garbage instead. An object that survives its
 * clear (no tp_clear: a tuple waits for its container's) moves to old. */
static void delete_garbage(OuGCState *gc, OuGCHead *collectable, OuGCHead *old)
{
    while (!list_empty(collectable)) {
        OuGCHead *g = next_of(collectable);
        OuroObject *o = ou_gc_object(g);
        if (gc->debug & OU_GC_DEBUG_SAVEALL) {
            if (gc->garbage && ouro_list_append(gc->garbage, o) < 0)
                ouro_err_write_unraisable_msg("in the collector", NULL);
        } else {
            ouro_inquiry clear = OURO_TYPE(o)->tp_clear;
            if (clear) {
                OURO_INCREF(o);
                clear(o);
                if (ouro_err_occurred())
                    ouro_err_write_unraisable_msg("in tp_clear of", (OuroObject *)OURO_TYPE(o));
                OURO_DECREF(o);
            }
        }
        if (next_of(collectable) == g) {
            clear_flag(o, OU_OBFLAG_COLLECTING);
            list_move(g, old);
        }
    }
}

/* ---------------------------------------------------------------- one collection -- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The core of a collection of generations 0..gen (CPython's gc_collect_main). Sets
 * *collected and *uncollectable. */
static void collect_main(OuGCState *gc, int gen, ouro_ssize *collected,
                         ouro_ssize *uncollectable)
{
    double t0 = now_seconds();
    if (gc->debug & OU_GC_DEBUG_STATS) {
        fprintf(stderr, "gc: collecting generation %d...\n", gen);
        fprintf(stderr, "gc: objects in each generation: %lld %lld %lld\n",
                (long long)ou_gc_list_length(gc, 0), (long long)ou_gc_list_length(gc, 1),
                (long long)ou_gc_list_length(gc, 2));
        fprintf(stderr, "gc: objects in permanent generation: %lld\n",
                (long long)ou_gc_head_length(gc->permanent));
    }
    if (gen + 1 < OU_GC_NGEN)
        gc->gens[gen + 1].count++;
    for (int i = 0; i <= gen; i++)
        gc->gens[i].count = 0;
    for (int i = 0; i < gen; i++)
        list_merge(gc->gens[i].head, gc->gens[gen].head);
    OuGCHead *young = gc->gens[gen].head;
    OuGCHead *old = gen < OU_GC_NGEN - 1 ? gc->gens[gen + 1].head : young;
    OuGCHead *unreachable = gc->scratch[0], *seen = gc->scratch[1], *still = gc->scratch[2];

    gc->visited = deduce_unreachable(young, unreachable);
    ouro_ssize survivors = untrack_atomic(young, young == old);
    if (young != old) {
        if (gen == OU_GC_NGEN - 2)
            gc->long_lived_pending += survivors;
        list_merge(young, old);
    } else {
        gc->long_lived_pending = 0;
        gc->long_lived_total = survivors;
    }

    if (gc->debug & OU_GC_DEBUG_COLLECTABLE)
        for (OuGCHead *g = next_of(unreachable); g != unreachable; g = next_of(g))
            debug_cycle("collectable", ou_gc_object(g));
    /* As CPython 3.11 counts: the weakrefs freed once their callbacks ran, plus what is
     * still garbage after the finalizers (resurrected objects are not counted). */
    ouro_ssize m = handle_weakrefs(unreachable);
    finalize_garbage(unreachable, seen);
    /* Finalizers may have stored references to the garbage: what they reach lives. */
    gc->visited += deduce_unreachable(unreachable, still);
    for (OuGCHead *g = next_of(unreachable); g != unreachable; g = next_of(g))
        clear_flag(ou_gc_object(g), OU_OBFLAG_COLLECTING);
    list_merge(unreachable, old);
    m += ou_gc_head_length(still);
    delete_garbage(gc, still, old);
    /* As CPython 3.11: a full collection also empties the free lists, so that memory
     * figures taken after gc.collect() are not inflated by cached dead objects. */
    if (gen == OU_GC_NGEN - 1)
        ou_tuple_clear_freelists(ou_current.objs);

    double d = now_seconds() - t0;
    if (gc->debug & OU_GC_DEBUG_STATS)
        fprintf(stderr, "gc: done, %lld unreachable, %d uncollectable, %.4fs elapsed\n",
                (long long)m, 0, d);
    gc->last_duration = d;
    gc->stats[gen].collections++;
    gc->stats[gen].collected += m;
    gc->stats[gen].duration += d;
    *collected = m;
    *uncollectable = 0; /* no legacy finalizers (tp_del) in ouro: nothing is uncollectable */
}

/* Calls each gc.callbacks entry with (phase, info). Errors are unraisable. */
static void invoke_callbacks(OuGCState *gc, const char *phase, int gen, ouro_ssize collected,
                             ouro_ssize uncollectable)
{
    if (!gc->callbacks || ouro_list_size(gc->callbacks) == 0)
        return;
    OuroObject *ph = ouro_str_from_cstr(phase);
    OuroObject *info = ouro_dict_new();
    OuroObject *vals[5] = { ouro_int_from_int64(gen), ouro_int_from_ssize(collected),
                            ouro_int_from_ssize(uncollectable),
                            ouro_float_from_double(gc->last_duration),
                            ouro_int_from_uint64(gc->visited) };
    static const char *const names[5] = { "generation", "collected", "uncollectable",
                                          "duration", "visited" };
    bool ok = ph && info;
    for (int i = 0; i < 5; i++)
        if (!vals[i] || (ok && ouro_dict_set_item_str(info, names[i], vals[i]) < 0))
            ok = false;
    if (!ok) {
        ouro_err_write_unraisable_msg("while building the GC callback arguments", NULL);
        goto done;
    }
    /* The list may change while its entries run: index it afresh each time. */
    for (ouro_ssize i = 0; i < ouro_list_size(gc->callbacks); i++) {
        OuroObject *cb = OURO_NEWREF(ouro_list_get_item(gc->callbacks, i));
        OuroObject *args[2] = { ph, info };
        OuroObject *r = ouro_object_vectorcall(cb, args, 2, NULL);
        if (r)
            OURO_DECREF(r);
        else
            ouro_err_write_unraisable(cb); /* CPython 3.11 says "in: <cb>" */
        OURO_DECREF(cb);
    }
done:
    OURO_XDECREF(ph);
    OURO_XDECREF(info);
    for (int i = 0; i < 5; i++)
        OURO_XDECREF(vals[i]);
}

/* A collection with the callbacks around it; the caller set gc->collecting. The pending
 * exception (there should be none) is kept aside: finalizers and callbacks run Python. */
static ouro_ssize collect_with_callbacks(OuGCState *gc, int gen)
{
    OuroObject *saved = ouro_err_fetch();
    ouro_ssize collected = 0, uncollectable = 0;
    gc->visited = 0;
    gc->last_duration = 0;
    invoke_callbacks(gc, "start", gen, 0, 0);
    collect_main(gc, gen, &collected, &uncollectable);
    invoke_callbacks(gc, "stop", gen, collected, uncollectable);
    ouro_err_restore(saved);
    return collected + uncollectable;
}

ouro_ssize ou_gc_collect(int gen)
{
    OuGCState *gc = ou_current.gc;
    if (gc->collecting)
        return 0;
    gc->collecting = 1;
    ouro_ssize n = collect_with_callbacks(gc, gen);
    gc->collecting = 0;
    return n;
}

/* The generation an automatic collection takes: the oldest whose count is over its
 * threshold, the oldest only under the long-lived-objects rule (a full collection only
 * once the objects that survived younger collections since the last one reach 25% of
 * those that survived it, so that growing heaps do not cost quadratic time). Under stress
 * generation 0 always qualifies. -1: none. */
static int pick_generation(OuGCState *gc, bool stress)
{
    for (int i = OU_GC_NGEN - 1; i >= 0; i--) {
        if (i == 0 && stress)
            return 0;
        if (gc->gens[i].count <= gc->gens[i].threshold)
            continue;
        if (i == OU_GC_NGEN - 1 && gc->long_lived_pending < gc->long_lived_total / 4)
            continue;
        return i;
    }
    return -1;
}

void ou_gc_collect_stress(void)
{
    OuGCState *gc = ou_current.gc;
    if (gc->gens[0].threshold == 0) /* threshold 0 disables automatic collection */
        return;
    ou_gc_collect(pick_generation(gc, true));
}

void ou_gc_collect_generations(void)
{
    int gen = pick_generation(ou_current.gc, false);
    if (gen >= 0)
        ou_gc_collect(gen);
}

void ou_gc_collect_final(void)
{
    OuGCState *gc = ou_current.gc;
    if (gc->collecting)
        return;
    /* Frozen objects are collectable again at exit; gc.garbage and callbacks are gone. */
    list_merge(gc->permanent, gc->gens[OU_GC_NGEN - 1].head);
    gc->debug &= ~OU_GC_DEBUG_SAVEALL;
    for (int i = 0; i < 8; i++)
        if (ou_gc_collect(OU_GC_NGEN - 1) == 0)
            break;
}

void ou_gc_freeze(void)
{
    OuGCState *gc = ou_current.gc;
    for (int i = 0; i < OU_GC_NGEN; i++)
        list_merge(gc->gens[i].head, gc->permanent);
    gc->gens[0].count = 0; /* only generation 0's, as CPython 3.11 */
}

void ou_gc_unfreeze(void)
{
    OuGCState *gc = ou_current.gc;
    list_merge(gc->permanent, gc->gens[OU_GC_NGEN - 1].head);
}

void ou_gc_clear_lists(OuGCState *gc)
{
    OURO_CLEAR(gc->callbacks);
    OURO_CLEAR(gc->garbage);
}
