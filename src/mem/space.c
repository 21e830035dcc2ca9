/* src/mem/space.c — the object space: one 32 GiB virtual region, reserved once per process,
 * handed out in 64 KiB slots to the heaps of every runtime (under a mutex); and the
 * OURO_MALLOC=malloc mode, where the window is placed around glibc's heap instead.
 * Design: docs/internals/allocator.md. */
#include "internal.h"
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>

uintptr_t ou_space_base;

/* The process-wide space. `taken` has one bit per slot of the region: set while a heap
 * owns the slot (committed, or a span's uncommitted tail). hint[half] is a word index
 * below which that half has no free slot run of one slot. Slot bits, hints and nothing
 * else are guarded by lock; base, region and use_malloc are constant after init. */
typedef struct OuSpace {
    pthread_once_t once;
    pthread_mutex_t lock;
    int use_malloc;
    int failed;
    char *region;
    void *anchor;           /* malloc mode: the block the window is placed around */
    size_t hint[2];
    uint64_t taken[OU_SPACE_SLOTS / 64];
} OuSpace;

static OuSpace space = { .once = PTHREAD_ONCE_INIT, .lock = PTHREAD_MUTEX_INITIALIZER };

/* Reserves the region, aligned to an arena, and marks the first arena taken so that no
 * block sits at offset 0 (compressed reference 0 is NULL). */
static void reserve_region(void)
{
    size_t len = (size_t)OU_SPACE_WINDOW + OU_ARENA_SIZE;
    char *p = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        space.failed = 1;
        return;
    }
    uintptr_t base = ((uintptr_t)p + OU_ARENA_SIZE - 1) & ~((uintptr_t)OU_ARENA_SIZE - 1);
    /* Give back the slack on both sides; only the aligned window stays reserved. */
    if (base > (uintptr_t)p)
        munmap(p, base - (uintptr_t)p);
    uintptr_t end = base + OU_SPACE_WINDOW;
    if ((uintptr_t)p + len > end)
        munmap((void *)end, (uintptr_t)p + len - end);
    space.region = (char *)base;
    ou_space_base = base;
    space.taken[0] = (1ull << OU_ARENA_SLOTS) - 1; /* the first arena, never handed out */
    space.hint[0] = 0;
    space.hint[1] = OU_HALF_SLOTS / 64;
}

/* Malloc mode: keep glibc in one contiguous brk heap, and centre the window on it. */
static void place_malloc_window(void)
{
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_ARENA_MAX, 1);
    space.anchor = malloc(16);
    if (!space.anchor) {
        space.failed = 1;
        return;
    }
    uintptr_t a = (uintptr_t)space.anchor;
    /* Below 16 GiB (valgrind's heap is low) the window simply starts at address 0. */
    ou_space_base = a > OU_HALF ? (a - OU_HALF) & ~(uintptr_t)7 : 0;
}

/* Reads OURO_MALLOC and sets up the space. Where 32 GiB of address space cannot be
 * reserved (ulimit -v, say), the runtime still works, in malloc mode. */
static void init_once(void)
{
    const char *m = getenv("OURO_MALLOC");
    space.use_malloc = m && strcmp(m, "malloc") == 0;
    if (!space.use_malloc) {
        reserve_region();
        if (!space.failed)
            return;
        space.failed = 0;
        space.use_malloc = 1;
    }
    place_malloc_window();
}

/* Returns 0, or -1 if the reservation failed. Thread-safe, idempotent. */
int ou_space_init(void)
{
    pthread_once(&space.once, init_once);
    return space.failed ? -1 : 0;
}

/* 1 in malloc mode. Only meaningful after ou_space_init. */
int ou_space_use_malloc(void)
{
    return space.use_malloc;
}

/* Malloc mode: ou_fatal unless the object block [p, p+n) lies strictly inside the window. */
void ou_space_check_window(void *p, size_t n)
{
    uintptr_t a = (uintptr_t)p;
    if (a <= ou_space_base || a + n >= ou_space_base + OU_SPACE_WINDOW || a + n < a)
        ou_fatal("OURO_MALLOC=malloc: the system allocator returned %p (%zu bytes), outside "
                 "the 32 GiB compression window at %p that GC-tracked objects must lie in; "
                 "run without OURO_MALLOC=malloc", p, n, (void *)ou_space_base);
}

/* ---------------------------------------------------------------------- slot bitmap -- */

static int slot_is_taken(size_t i)
{
    return (int)((space.taken[i >> 6] >> (i & 63)) & 1);
}

/* Under the lock; atomic only so that the unlocked reads of debug checks are not races. */
static void mark(size_t first, size_t n, int on)
{
    for (size_t i = first; i < first + n; i++) {
        if (on)
            __atomic_or_fetch(&space.taken[i >> 6], 1ull << (i & 63), __ATOMIC_RELAXED);
        else
            __atomic_and_fetch(&space.taken[i >> 6], ~(1ull << (i & 63)), __ATOMIC_RELAXED);
    }
}

/* First run of n free slots, aligned to align, in [lo, hi) starting the search at word
 * `from`. Returns its index or (size_t)-1. Called under the lock. */
static size_t find_run(size_t from, size_t lo, size_t hi, size_t n, size_t align)
{
    size_t i = from * 64 > lo ? from * 64 : lo;
    i = (i + align - 1) / align * align;
    while (i + n <= hi) {
        if (space.taken[i >> 6] == ~0ull) { /* a full word: skip it */
            i = ((i >> 6) + 1) << 6;
            i = (i + align - 1) / align * align;
            continue;
        }
        size_t k = 0;
        while (k < n && !slot_is_taken(i + k))
            k++;
        if (k == n)
            return i;
        i = (i + k + 1 + align - 1) / align * align;
    }
    return (size_t)-1;
}

/* Returns the address of nslots free slots (aligned to align slots) in the given half,
 * now taken but not committed; or NULL when the half has no such run. */
char *ou_space_take(int half, size_t nslots, size_t align)
{
    size_t lo = half ? OU_HALF_SLOTS : 0, hi = lo + OU_HALF_SLOTS;
    if (nslots == 0 || nslots > OU_HALF_SLOTS)
        return NULL;
    pthread_mutex_lock(&space.lock);
    size_t i = find_run(space.hint[half], lo, hi, nslots, align);
    if (i != (size_t)-1) {
        mark(i, nslots, 1);
        /* Slots below i that the scan passed are taken when the request was one slot. */
        if (nslots == 1 && align == 1)
            space.hint[half] = i >> 6;
    }
    pthread_mutex_unlock(&space.lock);
    return i == (size_t)-1 ? NULL : space.region + (i << OU_SLOT_SHIFT);
}

/* Takes the `more` slots right after the nslots slots at p when they are all free and in
 * the same half. Returns 0, or -1 with nothing taken. */
int ou_space_extend(char *p, size_t nslots, size_t more)
{
    size_t i = ((size_t)(p - space.region) >> OU_SLOT_SHIFT) + nslots;
    size_t end = i < OU_HALF_SLOTS ? OU_HALF_SLOTS : OU_SPACE_SLOTS;
    if (more > end - i)
        return -1;
    int ok = 1;
    pthread_mutex_lock(&space.lock);
    for (size_t k = 0; k < more && ok; k++)
        ok = !slot_is_taken(i + k);
    if (ok)
        mark(i, more, 1);
    pthread_mutex_unlock(&space.lock);
    return ok ? 0 : -1;
}

/* Gives nslots slots at p back to the space. Never fails. */
void ou_space_give(char *p, size_t nslots)
{
    size_t i = (size_t)(p - space.region) >> OU_SLOT_SHIFT;
    int half = i >= OU_HALF_SLOTS;
    pthread_mutex_lock(&space.lock);
    OU_ASSERT(slot_is_taken(i));
    mark(i, nslots, 0);
    if ((i >> 6) < space.hint[half])
        space.hint[half] = i >> 6;
    pthread_mutex_unlock(&space.lock);
}

/* 1 if the slot holding p (inside the region) is taken. Racy reads are fine here: a slot
 * holding a live block of the caller's heap cannot change state under it. */
int ou_space_slot_taken(uintptr_t p)
{
    size_t i = (size_t)(p - (uintptr_t)space.region) >> OU_SLOT_SHIFT;
    if (!space.region || i >= OU_SPACE_SLOTS)
        return 0;
    return (int)((__atomic_load_n(&space.taken[i >> 6], __ATOMIC_RELAXED) >> (i & 63)) & 1);
}

/* Commits [p, p+len) read-write: fresh zero pages on first touch. Returns 0 or -1. */
int ou_space_commit(char *p, size_t len)
{
    void *r = mmap(p, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (r == MAP_FAILED)
        return -1;
    OU_ASAN_UNPOISON(p, len);
    return 0;
}

/* Drops the pages of [p, p+len) and makes the range inaccessible again (still reserved).
 * Never fails: if the system refuses the remap, the pages are at least given back. */
void ou_space_decommit(char *p, size_t len)
{
    void *r = mmap(p, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE,
                   -1, 0);
    if (r == MAP_FAILED)
        madvise(p, len, MADV_DONTNEED);
}
