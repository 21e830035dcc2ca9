/* src/objects/listsort.c — the kernel of list.sort(): timsort as CPython 3.11 runs it
 * (natural runs, binary insertion up to minrun, powersort merge policy, galloping merges),
 * over a keys array with an optional parallel values array. Narrative: CPython's
 * Objects/listsort.txt; our notes in docs/internals/objects.md (list). */
#include "sequence.h"
#include <string.h>

#define MAX_MERGE_PENDING 85   /* enough for 2**64 items under the powersort policy */
#define MIN_GALLOP 7           /* galloping starts after this many wins in a row */
#define MERGESTATE_TEMP_SIZE 256

/* A view of parallel arrays: keys[i] orders values[i] (values NULL: keys are the items). */
typedef struct SortSlice {
    OuroObject **keys;
    OuroObject **values;
} SortSlice;

typedef struct SortRun {
    SortSlice base;
    ouro_ssize len;
    int power;   /* the run's node power in the powersort tree */
} SortRun;

/* 1 if x < y, 0 if not, -1 with an exception. */
typedef int (*LessFunc)(OuroObject *x, OuroObject *y);

typedef struct MergeState {
    ouro_ssize min_gallop;     /* adapts: lower when galloping pays off */
    SortSlice a;               /* temp storage for merges: a.keys[0..alloced) */
    ouro_ssize alloced;
    int n;                     /* pending runs on the stack */
    SortRun pending[MAX_MERGE_PENDING];
    OuroObject **basekeys;     /* start of the whole array (run positions for powersort) */
    ouro_ssize listlen;
    LessFunc lt;
    OuroObject *temparray[MERGESTATE_TEMP_SIZE];
} MergeState;

/* ---------------------------------------------------------------- comparisons -- */

static int generic_lt(OuroObject *x, OuroObject *y)
{
    return ouro_object_richcompare_bool(x, y, OURO_LT);
}

/* When every key is an exact float or an exact str, comparisons run no Python code and
 * cannot fail: compare directly (CPython's pre-sort type check does the same). */
static int float_lt(OuroObject *x, OuroObject *y)
{
    return ouro_float_value(x) < ouro_float_value(y);
}

static int str_lt(OuroObject *x, OuroObject *y)
{
    return ouro_str_compare(x, y) < 0;
}

static LessFunc choose_lt(OuroObject **keys, ouro_ssize n)
{
    OuroType *t = OURO_TYPE(keys[0]);
    if (t != &ouro_float_type && t != &ouro_str_type)
        return generic_lt;
    for (ouro_ssize i = 1; i < n; i++)
        if (OURO_TYPE(keys[i]) != t)
            return generic_lt;
    return t == &ouro_float_type ? float_lt : str_lt;
}

#define ISLT(X, Y) (ms->lt((X), (Y)))
/* Runs the statement after it when X < Y; jumps to fail on error. */
#define IFLT(X, Y) if ((k = ISLT(X, Y)) < 0) goto fail; if (k)

/* ------------------------------------------------------------- slice helpers -- */

static void slice_copy(SortSlice *s1, ouro_ssize i, SortSlice *s2, ouro_ssize j)
{
    s1->keys[i] = s2->keys[j];
    if (s1->values)
        s1->values[i] = s2->values[j];
}

static void slice_copy_incr(SortSlice *dst, SortSlice *src)
{
    *dst->keys++ = *src->keys++;
    if (dst->values)
        *dst->values++ = *src->values++;
}

static void slice_copy_decr(SortSlice *dst, SortSlice *src)
{
    *dst->keys-- = *src->keys--;
    if (dst->values)
        *dst->values-- = *src->values--;
}

static void slice_memcpy(SortSlice *s1, ouro_ssize i, SortSlice *s2, ouro_ssize j, ouro_ssize n)
{
    memcpy(&s1->keys[i], &s2->keys[j], sizeof(OuroObject *) * (size_t)n);
    if (s1->values)
        memcpy(&s1->values[i], &s2->values[j], sizeof(OuroObject *) * (size_t)n);
}

static void slice_memmove(SortSlice *s1, ouro_ssize i, SortSlice *s2, ouro_ssize j, ouro_ssize n)
{
    memmove(&s1->keys[i], &s2->keys[j], sizeof(OuroObject *) * (size_t)n);
    if (s1->values)
        memmove(&s1->values[i], &s2->values[j], sizeof(OuroObject *) * (size_t)n);
}

static void slice_advance(SortSlice *s, ouro_ssize n)
{
    s->keys += n;
    if (s->values)
        s->values += n;
}

static void reverse_range(OuroObject **lo, OuroObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        OuroObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static void reverse_slice(SortSlice *s, ouro_ssize n)
{
    reverse_range(s->keys, s->keys + n);
    if (s->values)
        reverse_range(s->values, s->values + n);
}

/* ---------------------------------------------------------- runs and insertion -- */

/* Sorts [lo, hi) by binary insertion, [lo, start) being sorted already. Equal items keep
 * their order: each goes after its equals. 0, or -1 (nothing lost: an item is moved only
 * once its place is known). */
static int binarysort(MergeState *ms, SortSlice lo, OuroObject **hi, OuroObject **start)
{
    int k;
    if (lo.keys == start)
        ++start;
    for (; start < hi; ++start) {
        OuroObject **l = lo.keys, **r = start, **p;
        OuroObject *pivot = *r;
        do {
            p = l + ((r - l) >> 1);
            IFLT(pivot, *p)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        for (p = start; p > l; --p)
            *p = *(p - 1);
        *l = pivot;
        if (lo.values) {
            OuroObject **vl = lo.values + (l - lo.keys), **vs = lo.values + (start - lo.keys);
            pivot = *vs;
            for (p = vs; p > vl; --p)
                *p = *(p - 1);
            *vl = pivot;
        }
    }
    return 0;
fail:
    return -1;
}

/* Length of the run starting at lo (at most hi - lo): non-decreasing, or strictly
 * decreasing (*descending = 1; strict so that reversing it keeps the sort stable).
 * -1 on error. */
static ouro_ssize count_run(MergeState *ms, OuroObject **lo, OuroObject **hi, int *descending)
{
    int k;
    ouro_ssize n = 1;
    *descending = 0;
    if (++lo == hi)
        return 1;
    n = 2;
    IFLT(*lo, *(lo - 1)) {
        *descending = 1;
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            if ((k = ISLT(*lo, *(lo - 1))) < 0)
                goto fail;
            if (!k)
                break;
        }
    } else {
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1))
                break;
        }
    }
    return n;
fail:
    return -1;
}

/* ------------------------------------------------------------------ galloping -- */

/* Where key belongs in the sorted a[0..n): the leftmost position (before equals),
 * searching outward from a[hint] by doubling steps. -1 on error. */
static ouro_ssize gallop_left(MergeState *ms, OuroObject *key, OuroObject **a, ouro_ssize n,
                              ouro_ssize hint)
{
    ouro_ssize ofs = 1, lastofs = 0, m;
    int k;
    a += hint;
    IFLT(*a, key) {
        /* a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs]. */
        const ouro_ssize maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        /* key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs]. */
        const ouro_ssize maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(*(a - ofs), key)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        m = lastofs;
        lastofs = hint - ofs;
        ofs = hint - m;
    }
    a -= hint;
    /* a[lastofs] < key <= a[ofs]: binary search in between. */
    ++lastofs;
    while (lastofs < ofs) {
        m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
fail:
    return -1;
}

/* As gallop_left, but the rightmost position (after equals). */
static ouro_ssize gallop_right(MergeState *ms, OuroObject *key, OuroObject **a, ouro_ssize n,
                               ouro_ssize hint)
{
    ouro_ssize ofs = 1, lastofs = 0, m;
    int k;
    a += hint;
    IFLT(key, *a) {
        /* key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs]. */
        const ouro_ssize maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, *(a - ofs)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if (ofs > maxofs)
            ofs = maxofs;
        m = lastofs;
        lastofs = hint - ofs;
        ofs = hint - m;
    } else {
        /* a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs]. */
        const ouro_ssize maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[ofs])
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m])
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

/* ---------------------------------------------------------------------- merges -- */

static void merge_init(MergeState *ms, ouro_ssize n, bool has_values, OuroObject **basekeys)
{
    ms->alloced = has_values ? MERGESTATE_TEMP_SIZE / 2 : MERGESTATE_TEMP_SIZE;
    ms->a.keys = ms->temparray;
    ms->a.values = has_values ? ms->temparray + MERGESTATE_TEMP_SIZE / 2 : NULL;
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->basekeys = basekeys;
    ms->listlen = n;
}

static void merge_freemem(MergeState *ms)
{
    if (ms->a.keys != ms->temparray) {
        ou_mem_free(ms->a.keys);
        ms->a.keys = ms->temparray;
    }
}

/* Makes room for need items (and their values) in the temp storage. 0, or -1 with
 * MemoryError. */
static int merge_getmem(MergeState *ms, ouro_ssize need)
{
    if (need <= ms->alloced)
        return 0;
    bool has_values = ms->a.values != NULL;
    int mult = has_values ? 2 : 1;
    /* The old contents need not be kept: free first, then ask for more. */
    merge_freemem(ms);
    if ((size_t)need > SIZE_MAX / sizeof(OuroObject *) / (size_t)mult) {
        ouro_err_no_memory();
        return -1;
    }
    OuroObject **p = ou_mem_alloc((size_t)mult * (size_t)need * sizeof(OuroObject *));
    if (!p) {
        /* Fall back to the built-in array so that merge_freemem stays valid. */
        ms->alloced = has_values ? MERGESTATE_TEMP_SIZE / 2 : MERGESTATE_TEMP_SIZE;
        ms->a.values = has_values ? ms->temparray + MERGESTATE_TEMP_SIZE / 2 : NULL;
        ouro_err_no_memory();
        return -1;
    }
    ms->a.keys = p;
    ms->a.values = has_values ? p + need : NULL;
    ms->alloced = need;
    return 0;
}

/* Merges the na items of ssa with the nb items of ssb that follow them, in place, with
 * na <= nb: ssa is copied aside first. On error the remaining temp items are copied
 * back, so the arrays still hold every item exactly once. 0, or -1. */
static ouro_ssize merge_lo(MergeState *ms, SortSlice ssa, ouro_ssize na, SortSlice ssb,
                           ouro_ssize nb)
{
    ouro_ssize k, min_gallop;
    SortSlice dest;
    int result = -1;
    if (merge_getmem(ms, na) < 0)
        return -1;
    slice_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;

    slice_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;

    min_gallop = ms->min_gallop;
    for (;;) {
        ouro_ssize acount = 0, bcount = 0; /* wins in a row */
        /* One at a time until one run seems to win consistently. */
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto fail;
                slice_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                slice_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        /* Gallop while it keeps paying off. */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                slice_memcpy(&dest, 0, &ssa, 0, k);
                slice_advance(&dest, k);
                slice_advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                /* Impossible with a consistent comparison, but we cannot assume one. */
                if (na == 0)
                    goto succeed;
            }
            slice_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0)
                goto succeed;

            k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                slice_memmove(&dest, 0, &ssb, 0, k);
                slice_advance(&dest, k);
                slice_advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            slice_copy_incr(&dest, &ssa);
            --na;
            if (na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop; /* penalize leaving galloping mode */
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        slice_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    /* The last item of a belongs after everything left in b. */
    slice_memmove(&dest, 0, &ssb, 0, nb);
    slice_copy(&dest, nb, &ssa, 0);
    return 0;
}

/* The mirror image of merge_lo for na >= nb: ssb is copied aside and the merge runs from
 * the right end. */
static ouro_ssize merge_hi(MergeState *ms, SortSlice ssa, ouro_ssize na, SortSlice ssb,
                           ouro_ssize nb)
{
    ouro_ssize k, min_gallop;
    SortSlice dest, basea, baseb;
    int result = -1;
    if (merge_getmem(ms, nb) < 0)
        return -1;
    dest = ssb;
    slice_advance(&dest, nb - 1);
    slice_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values)
        ssb.values = ms->a.values + nb - 1;
    slice_advance(&ssa, na - 1);

    slice_copy_decr(&dest, &ssa);
    --na;
    if (na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;

    min_gallop = ms->min_gallop;
    for (;;) {
        ouro_ssize acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto fail;
                slice_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                slice_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                slice_advance(&dest, -k);
                slice_advance(&ssa, -k);
                slice_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            slice_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1)
                goto copy_a;

            k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                slice_advance(&dest, -k);
                slice_advance(&ssb, -k);
                slice_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0)
                    goto succeed;
            }
            slice_copy_decr(&dest, &ssa);
            --na;
            if (na == 0)
                goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        slice_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    /* The first item of b belongs before everything left in a. */
    slice_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    slice_advance(&dest, -na);
    slice_advance(&ssa, -na);
    slice_copy(&dest, 0, &ssb, 0);
    return 0;
}

/* Merges pending runs i and i + 1 (i is the second or third from the top). 0, or -1. */
static ouro_ssize merge_at(MergeState *ms, int i)
{
    SortSlice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    ouro_ssize na = ms->pending[i].len, nb = ms->pending[i + 1].len, k;

    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;

    /* Items of a before where b[0] goes are already in place... */
    k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0)
        return -1;
    slice_advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;
    /* ...and so are items of b after where a's last goes. */
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return nb;
    if (na <= nb)
        return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

/* Powersort: the depth of the node between the run [s1, s1 + n1) and the next one of
 * length n2 in the implicit tree over [0, n) (Munro & Wild). */
static int powerloop(ouro_ssize s1, ouro_ssize n1, ouro_ssize n2, ouro_ssize n)
{
    int result = 0;
    ouro_ssize a = 2 * s1 + n1;  /* 2 * the midpoint of the first run */
    ouro_ssize b = a + n1 + n2;  /* 2 * the midpoint of the second */
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A new run of length n2 follows the top one: merge while the run below the top has a
 * greater power than the new boundary. 0, or -1. */
static int found_new_run(MergeState *ms, ouro_ssize n2)
{
    if (ms->n) {
        SortRun *p = ms->pending;
        ouro_ssize s1 = p[ms->n - 1].base.keys - ms->basekeys;
        ouro_ssize n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power)
            if (merge_at(ms, ms->n - 2) < 0)
                return -1;
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(MergeState *ms)
{
    SortRun *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

/* Short runs are extended to minrun by binary insertion: n/minrun is a power of two or a
 * little less, for balanced merges. */
static ouro_ssize merge_compute_minrun(ouro_ssize n)
{
    ouro_ssize r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

int ou_list_sort_items(OuroObject **keys, OuroObject **values, ouro_ssize n)
{
    MergeState ms;
    SortSlice lo = { keys, values };
    int rc = -1;
    if (n < 2)
        return 0;
    merge_init(&ms, n, values != NULL, keys);
    ms.lt = choose_lt(keys, n);

    ouro_ssize nremaining = n, minrun = merge_compute_minrun(n);
    do {
        int descending;
        ouro_ssize r = count_run(&ms, lo.keys, lo.keys + nremaining, &descending);
        if (r < 0)
            goto done;
        if (descending)
            reverse_slice(&lo, r);
        if (r < minrun) {
            const ouro_ssize force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(&ms, lo, lo.keys + force, lo.keys + r) < 0)
                goto done;
            r = force;
        }
        if (found_new_run(&ms, r) < 0)
            goto done;
        OU_ASSERT(ms.n < MAX_MERGE_PENDING);
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = r;
        ++ms.n;
        slice_advance(&lo, r);
        nremaining -= r;
    } while (nremaining);
    if (merge_force_collapse(&ms) < 0)
        goto done;
    rc = 0;
done:
    merge_freemem(&ms);
    return rc;
}
