/* src/mem/mem.h — the small-object allocator (internal API). Narrative and invariants:
 * docs/internals/allocator.md.
 *
 * The object space: one process-wide virtual region reserved once (PROT_NONE, NORESERVE);
 * arenas are committed inside it. Every block that may hold a GC-tracked object lies inside
 * the 32 GiB window starting at ou_space_base, so the collector can link objects with 32-bit
 * compressed references (ou_ptr_compress). A heap (OuHeap) belongs to one runtime and is
 * used only with that runtime's GIL held: it needs no locks of its own. */
#ifndef OU_MEM_H
#define OU_MEM_H

#include "../base/base.h"
#include "../base/current.h"
#include "ouro.h"

#define OU_SPACE_WINDOW ((uint64_t)32 << 30) /* bytes addressable by a compressed ref */

/* Base address of the compression window. Set once by ou_space_init, constant after. */
extern uintptr_t ou_space_base;

/* Reserves the object space if not yet done. Thread-safe, idempotent.
 * Returns 0, or -1 if the reservation failed. Reads OURO_MALLOC once. */
int ou_space_init(void);
/* 1 when OURO_MALLOC=malloc: every block comes from the system allocator. */
int ou_space_use_malloc(void);

/* Compressed reference: 32-bit offset in 8-byte units from ou_space_base. 0 means none.
 * p must be 8-byte aligned and inside the window (blocks from ou_heap_alloc_object are). */
static inline uint32_t ou_ptr_compress(const void *p)
{
    return p ? (uint32_t)(((uintptr_t)p - ou_space_base) >> 3) : 0;
}
static inline void *ou_ptr_decompress(uint32_t c)
{
    return c ? (void *)(ou_space_base + ((uintptr_t)c << 3)) : NULL;
}

typedef struct OuHeap OuHeap;

/* Returns a new empty heap, or NULL if out of memory. */
OuHeap *ou_heap_new(void);
/* Releases the heap and every arena it holds (blocks still in use are gone too). */
void ou_heap_delete(OuHeap *h);

/* Returns a block of at least n bytes, 8-byte aligned (16 for large blocks), or NULL when
 * memory is exhausted or a failure is injected. No exception is set: callers raise.
 * n <= OURO_MEM_SMALL_MAX comes from the size classes (inside the window); larger n from
 * the system allocator. n == 0 is treated as 1. */
void *ou_heap_alloc(OuHeap *h, size_t n);
/* As ou_heap_alloc, but the block always lies inside the compression window, whatever its
 * size: for objects the collector links (GC-tracked objects). */
void *ou_heap_alloc_object(OuHeap *h, size_t n);
/* Resizes a block from either function above; NULL on failure (p is then untouched).
 * A block from ou_heap_alloc_object stays inside the window. */
void *ou_heap_realloc(OuHeap *h, void *p, size_t n);
/* Frees a block from any function above. NULL does nothing. Debug builds detect double
 * frees and frees of foreign pointers, and fill freed blocks with OU_MEM_DEADBYTE. */
void ou_heap_free(OuHeap *h, void *p);
/* Usable size of a live block (>= the size asked for). */
size_t ou_heap_usable_size(OuHeap *h, void *p);

void ou_heap_stats(OuHeap *h, OuroMemStats *out);
void ou_heap_fail_after(OuHeap *h, uint64_t n, int every_after);
/* Gives back to the system what h keeps only for speed: empty pools kept for reuse, freed
 * spans and medium pools, the spare arena. For after a full collection, or before
 * measuring memory. Never fails. */
void ou_heap_trim(OuHeap *h);

#define OU_MEM_DEADBYTE 0xDD  /* fills freed blocks in debug builds */
#define OU_MEM_CLEANBYTE 0xCD /* fills new blocks in debug builds */

#include "fast.h"

/* ou_heap_alloc, ou_heap_alloc_object and ou_heap_free with their fast paths inlined into
 * the caller (a dozen instructions; everything else stays out of line). Same contracts. */
static inline void *ou_heap_alloc_inline(OuHeap *h, size_t n)
{
    if (OU_LIKELY(n <= OURO_MEM_SMALL_MAX))
        return ou_heap_alloc_class(h, ou_mem_small_class[(n + 7) >> 3], 0);
    return ou_heap_alloc(h, n);
}
static inline void *ou_heap_alloc_object_inline(OuHeap *h, size_t n)
{
    if (OU_LIKELY(n <= OURO_MEM_SMALL_MAX))
        return ou_heap_alloc_class(h, ou_mem_small_class[(n + 7) >> 3], 1);
    return ou_heap_alloc_object(h, n);
}
static inline void ou_heap_free_inline(OuHeap *h, void *p)
{
    if (!ou_heap_free_fast(h, p))
        ou_heap_free(h, p);
}

/* The current runtime's heap (ou_current.heap): what the rest of the runtime calls. */
static inline void *ou_mem_alloc(size_t n) { return ou_heap_alloc_inline(ou_current.heap, n); }
static inline void *ou_mem_alloc_object(size_t n) { return ou_heap_alloc_object_inline(ou_current.heap, n); }
static inline void *ou_mem_realloc(void *p, size_t n) { return ou_heap_realloc(ou_current.heap, p, n); }
static inline void ou_mem_free(void *p) { ou_heap_free_inline(ou_current.heap, p); }

#endif
