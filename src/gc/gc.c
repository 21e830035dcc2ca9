/* src/gc/gc.c — generation lists and tracking. docs/internals/object-layout.md explains
 * the 8-byte GC header (two compressed links). */
#include "gc.h"
#include "runtime/tstate.h"

static void list_init(OuGCHead *head)
{
    uint32_t self = ou_ptr_compress(head);
    head->gc_next = self;
    head->gc_prev = self;
}

static inline OuGCHead *gc_at(uint32_t c) { return (OuGCHead *)ou_ptr_decompress(c); }

int ou_gc_init(OuGCState *gc)
{
    static const int thresholds[OU_GC_NGEN] = { 700, 10, 10 };
    for (int i = 0; i < OU_GC_NGEN; i++) {
        OuGCHead *h = ou_mem_alloc_object(sizeof(OuGCHead));
        if (!h) {
            while (--i >= 0)
                ou_mem_free(gc->gens[i].head);
            return -1;
        }
        list_init(h);
        gc->gens[i] = (OuGCGeneration){ .head = h, .count = 0, .threshold = thresholds[i] };
    }
    gc->enabled = 1;
    return 0;
}

void ou_gc_fini(OuGCState *gc)
{
    if (OURO_DEBUG && ou_gc_check_lists(gc) != 0)
        ou_fatal("GC generation lists are corrupt at runtime teardown");
    for (int i = 0; i < OU_GC_NGEN; i++) {
        OuGCHead *h = gc->gens[i].head;
        /* Only an empty list's head can go: leaked objects still point at it. */
        if (h && h->gc_next == ou_ptr_compress(h))
            ou_mem_free(h);
        gc->gens[i].head = NULL;
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
    /* The collection this may trigger (count over threshold) is issue 5's. */
    ou_current.gc->gens[0].count++;
}

void ou_gc_note_dealloc(void)
{
    OuGCGeneration *g0 = &ou_current.gc->gens[0];
    if (g0->count > 0)
        g0->count--;
}

ouro_ssize ou_gc_list_length(OuGCState *gc, int gen)
{
    OuGCHead *head = gc->gens[gen].head;
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
