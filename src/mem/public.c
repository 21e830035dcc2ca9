/* src/mem/public.c — the public face of the allocator (include/ouro/mem.h): each call
 * works on the current runtime's heap. */
#include "internal.h"

OURO_API void ouro_mem_stats(OuroMemStats *out)
{
    if (ou_current.heap)
        ou_heap_stats(ou_current.heap, out);
    else
        memset(out, 0, sizeof *out);
}

OURO_API void ouro_mem_fail_after(uint64_t n, int every_after)
{
    if (ou_current.heap)
        ou_heap_fail_after(ou_current.heap, n, every_after);
}

OURO_API void *ouro_mem_malloc(size_t n)
{
    return ou_heap_alloc(ou_current.heap, n);
}

OURO_API void *ouro_mem_realloc(void *p, size_t n)
{
    return ou_heap_realloc(ou_current.heap, p, n);
}

OURO_API void ouro_mem_free(void *p)
{
    ou_heap_free(ou_current.heap, p);
}
