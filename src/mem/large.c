/* src/mem/large.c — blocks that are not in a size class: system blocks (malloc, with a
 * 16-byte header), and spans (a large object alone in a unit of the region's upper half),
 * plus the units themselves and their per-heap cache. Design: docs/internals/allocator.md. */
#include "internal.h"
#include <stdlib.h>
#include <sys/mman.h>

#define NOCLASS 0xffu

/* ---------------------------------------------------------------------- system blocks -- */

static void sys_link(OuHeap *h, OuSysHdr *hdr)
{
    hdr->prev = NULL;
    hdr->next = h->sys;
    if (hdr->next)
        hdr->next->prev = hdr;
    h->sys = hdr;
}

static void sys_unlink(OuHeap *h, OuSysHdr *hdr)
{
    if (hdr->prev)
        hdr->prev->next = hdr->next;
    else
        h->sys = hdr->next;
    if (hdr->next)
        hdr->next->prev = hdr->prev;
}

static void sys_account(OuHeap *h, OuSysHdr *hdr, int sign)
{
    if (hdr->cls != NOCLASS) {
        h->mm_blocks[hdr->cls] += (uint64_t)(int64_t)sign;
    } else {
        h->sys_blocks += (uint64_t)(int64_t)sign;
        h->sys_bytes += (uint64_t)((int64_t)sign * (int64_t)hdr->size);
    }
}

/* Returns a system block of n bytes (cls: the size class it stands for in malloc mode, or
 * NOCLASS), accounted as the class size or n rounded to 16; or NULL. An object block is
 * checked to lie in the compression window (malloc mode). */
void *ou_mem_sys_alloc(OuHeap *h, size_t n, unsigned cls, int object)
{
    size_t acct = cls != NOCLASS ? ou_mem_class_size[cls] : OU_ROUND16(n ? n : 1);
    if (n > SIZE_MAX / 2)
        return NULL;
    OuSysHdr *hdr = malloc(sizeof *hdr + acct);
    if (!hdr)
        return NULL;
    hdr->size = acct;
    hdr->magic = OU_MAGIC_SYS;
    hdr->object = (uint8_t)(object != 0);
    hdr->cls = (uint8_t)cls;
    hdr->pad = 0;
    void *p = hdr + 1;
    if (object)
        ou_space_check_window(p, acct);
    sys_link(h, hdr);
    sys_account(h, hdr, 1);
    ou_heap_note_alloc(h, acct);
#if OURO_DEBUG >= 1
    memset(p, OU_MEM_CLEANBYTE, acct);
#endif
    return p;
}

static OuSysHdr *sys_header(void *p)
{
    OuSysHdr *hdr = (OuSysHdr *)p - 1;
#if OURO_DEBUG >= 1
    if (hdr->magic == OU_MAGIC_SYS_FREED)
        ou_fatal("double free of %p (a system block)", p);
    if (hdr->magic != OU_MAGIC_SYS)
        ou_fatal("free of %p: not a block of the allocator", p);
#endif
    return hdr;
}

/* Frees a system block. Never fails. */
void ou_mem_sys_free(OuHeap *h, void *p)
{
    OuSysHdr *hdr = sys_header(p);
    sys_unlink(h, hdr);
    sys_account(h, hdr, -1);
    h->live -= hdr->size;
    h->frees++;
#if OURO_DEBUG >= 1
    /* volatile: the compiler would drop a store into memory about to be freed */
    *(volatile uint16_t *)&hdr->magic = OU_MAGIC_SYS_FREED;
    memset(p, OU_MEM_DEADBYTE, hdr->size);
#endif
    free(hdr);
}

/* Resizes a system block with the system's realloc. Returns the block, or NULL with p
 * untouched. In malloc mode the block keeps standing for the size class of n. */
void *ou_mem_sys_realloc(OuHeap *h, void *p, size_t n)
{
    OuSysHdr *hdr = sys_header(p);
    unsigned cls = NOCLASS;
    if (h->use_malloc && n <= OURO_MEM_SMALL_MAX)
        cls = ou_mem_small_class[(n + 7) >> 3];
    else if (h->use_malloc && hdr->object && n <= OU_MEDIUM_MAX)
        cls = ou_mem_medium_class(n);
    size_t acct = cls != NOCLASS ? ou_mem_class_size[cls] : OU_ROUND16(n ? n : 1);
    if (n > SIZE_MAX / 2)
        return NULL;
    size_t old = hdr->size;
    OuSysHdr *nh = realloc(hdr, sizeof *nh + acct);
    if (!nh)
        return NULL;
    /* The block may have moved: its neighbours on h->sys point to the old address. */
    if (nh->prev)
        nh->prev->next = nh;
    else
        h->sys = nh;
    if (nh->next)
        nh->next->prev = nh;
    /* The old header's fields were copied; account the old block out, the new one in. */
    sys_account(h, nh, -1);
    h->live -= old;
    nh->size = acct;
    nh->cls = (uint8_t)cls;
    sys_account(h, nh, 1);
    ou_heap_note_alloc(h, acct);
    void *q = nh + 1;
    if (nh->object)
        ou_space_check_window(q, acct);
#if OURO_DEBUG >= 1
    if (acct > old)
        memset((char *)q + old, OU_MEM_CLEANBYTE, acct - old);
#endif
    return q;
}

/* Frees every system block still live (heap teardown). Never fails. */
void ou_mem_sys_release_all(OuHeap *h)
{
    while (h->sys) {
        OuSysHdr *hdr = h->sys;
        h->sys = hdr->next;
        free(hdr);
    }
}

/* ---------------------------------------------------------------------------- units -- */

static void list_push(OuUnit **head, OuUnit **tail, OuUnit *u)
{
    u->uprev = NULL;
    u->unext = *head;
    if (u->unext)
        u->unext->uprev = u;
    else if (tail)
        *tail = u;
    *head = u;
}

static void list_remove(OuUnit **head, OuUnit **tail, OuUnit *u)
{
    if (u->uprev)
        u->uprev->unext = u->unext;
    else
        *head = u->unext;
    if (u->unext)
        u->unext->uprev = u->uprev;
    else if (tail)
        *tail = u->uprev;
}

/* Returns a unit of nslots slots with at least `commit` bytes committed, now on
 * h->units: from the cache (preferring a medium pool of class want_cls, which comes back
 * intact) or from the space. Its header is kept as it was (zero for a fresh unit) but for
 * nslots and committed. Returns NULL when the region or the system is exhausted. */
OuUnit *ou_mem_unit_take(OuHeap *h, size_t nslots, size_t commit, int want_cls)
{
    OuUnit *best = NULL;
    for (OuUnit *u = h->cache; u; u = u->unext) {
        if (u->nslots != nslots)
            continue;
        if (u->pool.kind == OU_KIND_MEDIUM && (int)u->pool.cls == want_cls) {
            best = u;
            break;
        }
        if (!best)
            best = u;
    }
    if (best) {
        if (best->committed < commit) {
            if (ou_space_commit((char *)best + best->committed, commit - best->committed) != 0)
                return NULL;
            h->units_committed += commit - best->committed;
            h->cache_bytes += commit - best->committed;
            best->committed = commit;
        }
        list_remove(&h->cache, &h->cache_tail, best);
        h->ncache--;
        h->cache_bytes -= best->committed;
    } else {
        char *p = ou_space_take(1, nslots, 1);
        if (!p)
            return NULL;
        if (ou_space_commit(p, commit) != 0) {
            ou_space_give(p, nslots);
            return NULL;
        }
        best = (OuUnit *)p;
        best->nslots = nslots;
        best->committed = commit;
        h->units_committed += commit;
    }
    list_push(&h->units, NULL, best);
    return best;
}

static void unit_unmap(OuHeap *h, OuUnit *u)
{
    size_t nslots = u->nslots, committed = u->committed;
    h->units_committed -= committed;
    ou_space_decommit((char *)u, committed);
    ou_space_give((char *)u, nslots);
}

/* Decommits the unit and gives its slots back; it leaves whichever list it is on
 * (the cache when flags has EMPTY, else h->units). Never fails. */
void ou_mem_unit_release(OuHeap *h, OuUnit *u)
{
    if (u->pool.flags & OU_POOL_EMPTY) {
        list_remove(&h->cache, &h->cache_tail, u);
        h->ncache--;
        h->cache_bytes -= u->committed;
    } else {
        list_remove(&h->units, NULL, u);
    }
    unit_unmap(h, u);
}

/* Takes a unit no longer used off h->units and caches it (most recent first), releasing
 * the oldest cached units beyond the cache's limits. Never fails. */
void ou_mem_unit_put(OuHeap *h, OuUnit *u)
{
    list_remove(&h->units, NULL, u);
    u->pool.flags = OU_POOL_EMPTY;
    if (u->committed > OU_CACHE_MAX_BYTES) {
        unit_unmap(h, u);
        return;
    }
    list_push(&h->cache, &h->cache_tail, u);
    h->ncache++;
    h->cache_bytes += u->committed;
    while (h->ncache > OU_CACHE_MAX_UNITS || h->cache_bytes > OU_CACHE_MAX_BYTES)
        ou_mem_unit_release(h, h->cache_tail);
}

/* ---------------------------------------------------------------------------- spans -- */

static size_t page_round(size_t n)
{
    return (n + OU_PAGE_SIZE - 1) & ~(OU_PAGE_SIZE - 1);
}

/* Returns a block of n bytes (n > OU_MEDIUM_MAX) alone in a unit, or NULL. */
void *ou_mem_span_alloc(OuHeap *h, size_t n)
{
    if (n > OU_HALF - OU_SLOT_SIZE)
        return NULL;
    size_t need = OU_UNIT_HDR + n;
    size_t nslots = (need + OU_SLOT_SIZE - 1) >> OU_SLOT_SHIFT;
    OuUnit *u = ou_mem_unit_take(h, nslots, page_round(need), -1);
    if (!u)
        return NULL;
    memset(&u->pool, 0, sizeof u->pool);
    u->pool.kind = OU_KIND_SPAN;
    u->pool.cls = 0xffff;
    u->pool.heap = h;
    u->pool.magic = OU_MAGIC_POOL ^ (uintptr_t)u;
    u->nbytes = OU_ROUND16(n);
    char *p = (char *)u + OU_UNIT_HDR;
    OU_ASAN_UNPOISON(p, u->nbytes);
    h->span_blocks++;
    h->span_bytes += u->nbytes;
    ou_heap_note_alloc(h, u->nbytes);
#if OURO_DEBUG >= 1
    memset(p, OU_MEM_CLEANBYTE, u->nbytes);
#endif
    return p;
}

/* Frees the span u whose block is p. Never fails (debug: ou_fatal on a bad pointer). */
void ou_mem_span_free(OuHeap *h, OuUnit *u, void *p)
{
#if OURO_DEBUG >= 1
    if (u->pool.kind != OU_KIND_SPAN || p != (char *)u + OU_UNIT_HDR)
        ou_fatal("free of %p: not the start of a block of the allocator", p);
    if (u->pool.flags & OU_POOL_EMPTY)
        ou_fatal("double free of %p (a span)", p);
    memset(p, OU_MEM_DEADBYTE, u->nbytes);
#endif
    OU_ASAN_POISON(p, u->nbytes);
    h->span_blocks--;
    h->span_bytes -= u->nbytes;
    h->live -= u->nbytes;
    h->frees++;
    ou_mem_unit_put(h, u);
}

/* Moves the pages of span u to a fresh run of nslots slots without copying (mremap), and
 * fixes the links that pointed at it. Returns the moved unit, or NULL (u untouched). */
static OuUnit *span_move(OuHeap *h, OuUnit *u, size_t nslots)
{
    char *to = ou_space_take(1, nslots, 1);
    if (!to)
        return NULL;
    char *from = (char *)u;
    size_t old_slots = u->nslots, committed = u->committed;
    if (mremap(from, committed, committed, MREMAP_MAYMOVE | MREMAP_FIXED, to) == MAP_FAILED) {
        ou_space_give(to, nslots);
        return NULL;
    }
    /* mremap left a hole in the reservation: fill it back before giving the slots. */
    ou_space_decommit(from, committed);
    ou_space_give(from, old_slots);
    OuUnit *v = (OuUnit *)to;
    v->nslots = nslots;
    v->pool.magic = OU_MAGIC_POOL ^ (uintptr_t)v;
    if (v->uprev)
        v->uprev->unext = v;
    else
        h->units = v;
    if (v->unext)
        v->unext->uprev = v;
    OU_ASAN_UNPOISON(to, committed);
    return v;
}

/* Spans at least this big move by remapping their pages rather than by copying. */
#define SPAN_REMAP_MIN ((size_t)1 << 20)

/* Resizes span u to n bytes (n > OU_MEDIUM_MAX) without copying when it can: within its
 * slots, by taking the slots that follow it, by giving back its tail, or (big spans) by
 * remapping its pages elsewhere. Returns the block (moved or not), or NULL when the
 * caller must copy; u is then unchanged. */
void *ou_mem_span_resize(OuHeap *h, OuUnit *u, size_t n)
{
    if (n > OU_HALF - OU_SLOT_SIZE)
        return NULL;
    size_t need = OU_UNIT_HDR + n;
    size_t nslots = (need + OU_SLOT_SIZE - 1) >> OU_SLOT_SHIFT;
    size_t commit = page_round(need);
    if (nslots > u->nslots) {
        if (ou_space_extend((char *)u, u->nslots, nslots - u->nslots) == 0)
            u->nslots = nslots;
        else if (u->committed >= SPAN_REMAP_MIN && (u = span_move(h, u, nslots)) != NULL)
            ;
        else
            return NULL;
    } else if (nslots < u->nslots) { /* give back the tail */
        char *tail = (char *)u + (nslots << OU_SLOT_SHIFT);
        size_t cut = u->committed - (size_t)(tail - (char *)u);
        ou_space_decommit(tail, cut);
        ou_space_give(tail, u->nslots - nslots);
        h->units_committed -= cut;
        u->committed -= cut;
        u->nslots = nslots;
    }
    if (commit > u->committed) {
        if (ou_space_commit((char *)u + u->committed, commit - u->committed) != 0)
            return NULL; /* still valid: the caller copies into a new block */
        h->units_committed += commit - u->committed;
        u->committed = commit;
    }
    size_t old = u->nbytes, now = OU_ROUND16(n);
    char *p = (char *)u + OU_UNIT_HDR;
    OU_ASAN_UNPOISON(p, now);
#if OURO_DEBUG >= 1
    if (now > old)
        memset(p + old, OU_MEM_CLEANBYTE, now - old);
#endif
    u->nbytes = now;
    h->span_bytes += now - old;
    h->live -= old;
    ou_heap_note_alloc(h, now);
    return p;
}
