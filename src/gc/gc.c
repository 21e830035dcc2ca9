/* src/gc/gc.c — generation lists and tracking. docs/internals/object-layout.md explains
 * the 8-byte GC header (two compressed links). */
#include "gc.h"
#include "runtime/tstate.h"
#include <stdlib.h>

static void list_init(OuGCHead *head)
{
    uint32_t self = ou_ptr_compress(head);
    head->gc_next = self;
    head->gc_prev = self;
}

static inline OuGCHead *gc_at(uint32_t c) { return (OuGCHead *)ou_ptr_decompress(c); }

/* The sentinels of gc's lists, in one array of pointers to the fields (init and fini). */
#define OU_GC_NHEADS (OU_GC_NGEN + 4)
static void heads_of(OuGCState *gc, OuGCHead **out[OU_GC_NHEADS])
{
    for (int i = 0; i < OU_GC_NGEN; i++)
        out[i] = &gc->gens[i].head;
    out[OU_GC_NGEN] = &gc->permanent;
    for (int i = 0; i < 3; i++)
        out[OU_GC_NGEN + 1 + i] = &gc->scratch[i];
}

int ou_gc_init(OuGCState *gc)
{
    static const int thresholds[OU_GC_NGEN] = { 700, 10, 10 };
    *gc = (OuGCState){ .enabled = 1 };
    OuGCHead **heads[OU_GC_NHEADS];
    heads_of(gc, heads);
    for (int i = 0; i < OU_GC_NHEADS; i++) {
        OuGCHead *h = ou_mem_alloc_object(sizeof(OuGCHead));
        if (!h) {
            while (--i >= 0)
                ou_mem_free(*heads[i]);
            return -1;
        }
        list_init(h);
        *heads[i] = h;
    }
    for (int i = 0; i < OU_GC_NGEN; i++)
        gc->gens[i].threshold = thresholds[i];
    /* Read once per runtime: the stress mode is a property of the run. */
    const char *stress = getenv("OURO_GCSTRESS");
    gc->stress = stress && stress[0] && stress[0] != '0';
    return 0;
}

void ou_gc_fini(OuGCState *gc)
{
    if (OURO_DEBUG && ou_gc_check_lists(gc) != 0)
        ou_fatal("GC generation lists are corrupt at runtime teardown");
    OuGCHead **heads[OU_GC_NHEADS];
    heads_of(gc, heads);
    for (int i = 0; i < OU_GC_NHEADS; i++) {
        OuGCHead *h = *heads[i];
        /* Only an empty list's head can go: leaked objects still point at it. */
        if (h && h->gc_next == ou_ptr_compress(h))
            ou_mem_free(h);
        *heads[i] = NULL;
    }
}

OURO_API void ouro_gc_track(OuroObject *o)
{
    OuGCHead *g = ou_gc_head(o);
    if (g->gc_next)
        return;
    OU_ASSERT(ou_type_is_gc(OURO_TYPE(o)));
    OuGCHead *head = ou_current.gc->gens[0].head;
    OuGCHead *last = gc_at(head->gc_prev);
    uint32_t cg = ou_ptr_compress(g);
    OU_ASSERT(ou_ptr_decompress(cg) == g);
    g->gc_next = ou_ptr_compress(head);
    g->gc_prev = head->gc_prev;
    last->gc_next = cg;
    head->gc_prev = cg;
}

OURO_API void ouro_gc_untrack(OuroObject *o)
{
    OuGCHead *g = ou_gc_head(o);
    if (!g->gc_next)
        return;
    OuGCHead *prev = gc_at(g->gc_prev), *next = gc_at(g->gc_next);
    prev->gc_next = g->gc_next;
    next->gc_prev = g->gc_prev;
    g->gc_next = 0;
    g->gc_prev = 0;
}

OURO_API int ouro_gc_is_tracked(OuroObject *o)
{
    /* Static types have no GC header (type is a GC type for classes only). */
    if ((OURO_TYPE(o)->tp_flags & OURO_TPFLAG_TYPE_SUBCLASS) &&
        !(((OuroType *)o)->tp_flags & OURO_TPFLAG_HEAPTYPE))
        return 0;
    return ou_type_is_gc(OURO_TYPE(o)) && ou_gc_is_tracked(o);
}

void ou_gc_note_alloc(void)
{
    /* As CPython's _PyObject_GC_Link: the object being allocated is on no list yet, so a
     * collection here examines only complete, tracked objects. A pending exception means
     * the caller is unwinding: no Python code (finalizers, callbacks) may run now. */
    OuGCState *gc = ou_current.gc;
    gc->gens[0].count++;
    if (OU_UNLIKELY(gc->stress) && gc->enabled && !gc->collecting &&
        !ou_current.tstate->curexc) {
        ou_gc_collect_stress();
        return;
    }
    if (gc->gens[0].count > gc->gens[0].threshold && gc->gens[0].threshold && gc->enabled &&
        !gc->collecting && !ou_current.tstate->curexc)
        ou_gc_collect_generations();
}

void ou_gc_note_dealloc(void)
{
    OuGCGeneration *g0 = &ou_current.gc->gens[0];
    if (g0->count > 0)
        g0->count--;
}

ouro_ssize ou_gc_list_length(OuGCState *gc, int gen)
{
    return ou_gc_head_length(gc->gens[gen].head);
}

ouro_ssize ou_gc_head_length(OuGCHead *head)
{
    ouro_ssize n = 0;
    for (OuGCHead *g = gc_at(head->gc_next); g != head; g = gc_at(g->gc_next))
        n++;
    return n;
}

int ou_gc_check_lists(OuGCState *gc)
{
    for (int i = 0; i < OU_GC_NGEN; i++) {
        OuGCHead *head = gc->gens[i].head, *prev = head;
        for (OuGCHead *g = gc_at(head->gc_next);; g = gc_at(g->gc_next)) {
            if (!g || gc_at(g->gc_prev) != prev)
                return -1;
            if (g == head)
                break;
            prev = g;
        }
    }
    return 0;
}
