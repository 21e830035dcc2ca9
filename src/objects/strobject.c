/* src/objects/strobject.c — str: immutable UTF-8 text (layout in strimpl.h), construction
 * and validation, interning, the type's slots and its iterators. Hashing is strhash.c,
 * formatting strformat.c, the methods strmethods.c. Narrative: docs/internals/objects.md. */
#include "objects/strimpl.h"

#include <string.h>
#include <stdio.h>

/* ============================================================ UTF-8 validation ====== */

/* Bytes a sequence with this lead byte has, for trusted UTF-8 (0 for continuations). */
static inline int lead_width(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xC0 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Length of the run of ASCII bytes at the start of s[0..n). */
static size_t ascii_prefix(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
    }
    while (i < n && !((unsigned char)s[i] & 0x80))
        i++;
    return i;
}

/* CPython's strict UTF-8 decoder rules: the second byte's range depends on the lead byte
 * (no overlongs, no surrogates, nothing above U+10FFFF). */
ouro_ssize ou_utf8_check_ex(const char *s, size_t n, bool surrogates, size_t *end_out,
                            const char **why)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = ascii_prefix(s, n);
    while (i < n) {
        unsigned c = u[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0xC2 || c > 0xF4) {
            *end_out = i + 1;
            *why = "invalid start byte";
            return (ouro_ssize)i;
        } else if (c < 0xE0) {
            need = 1;
        } else if (c < 0xF0) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED && !surrogates)
                hi = 0x9F;
        } else {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        }
        for (int k = 1; k <= need; k++) {
            if (i + (size_t)k >= n) {
                *end_out = n;
                *why = "unexpected end of data";
                return (ouro_ssize)i;
            }
            unsigned d = u[i + (size_t)k];
            if (d < lo || d > hi) {
                *end_out = i + (size_t)k;
                *why = "invalid continuation byte";
                return (ouro_ssize)i;
            }
            lo = 0x80, hi = 0xBF;
        }
        i += (size_t)need + 1;
    }
    return -1;
}

ouro_ssize ou_utf8_check(const char *s, size_t n, size_t *end_out, const char **why)
{
    return ou_utf8_check_ex(s, n, false, end_out, why);
}

OuroObject *ou_utf8_decode_error(const char *s, size_t start, size_t end, const char *why)
{
    char msg[160];
    if (end - start == 1)
        snprintf(msg, sizeof msg, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                 (unsigned char)s[start], start, why);
    else
        snprintf(msg, sizeof msg, "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                 start, end - 1, why);
    ouro_err_set_string(&ouro_exc_UnicodeDecodeError, msg);
    return NULL;
}

ouro_ssize ou_utf8_count(const char *p, size_t n, int *kind)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t i = ascii_prefix(p, n);
    ouro_ssize ncp = (ouro_ssize)i;
    unsigned maxlead = 0;
    for (; i < n; i++) {
        unsigned c = u[i];
        if ((c & 0xC0) != 0x80) {
            ncp++;
            if (c > maxlead)
                maxlead = c;
        }
    }
    /* Lead bytes C2/C3 encode U+0080..U+00FF; C4..EF up to U+FFFF; F0.. beyond. */
    *kind = maxlead >= 0xF0 ? 4 : maxlead >= 0xC4 ? 2 : 1;
    return ncp;
}

/* ======================================================== singletons, interning ====== */

/* The runtime's interned strings: an open-addressing set (linear probing, power-of-two
 * capacity, at most 2/3 full) of immortal strs, plus the lazily made singletons for "" and
 * the 256 one-character Latin-1 strings, which are interned too. Owned by OuObjState and
 * freed, with every string in it, by ou_str_fini_interned. Never shrinks: interned strings
 * live as long as the runtime. */
typedef struct OuStrInterned {
    OuroObject **slots;
    size_t mask;               /* capacity - 1 (slots == NULL: capacity 0) */
    size_t used;
    OuroObject *empty;
    OuroObject *latin1[256];
    /* The last index -> byte offset found in a non-ASCII str (ou_str_offset_of); str_dealloc
     * forgets pos_str when it frees it, so a reused address never matches. */
    OuroObject *pos_str;
    ouro_ssize pos_index, pos_offset;
} OuStrInterned;

static OuStrInterned *interned_state(void)
{
    OuObjState *st = ou_current.objs;
    if (!st->interned) {
        OuStrInterned *in = ou_mem_alloc(sizeof *in);
        if (!in)
            return NULL;
        memset(in, 0, sizeof *in);
        st->interned = in;
    }
    return st->interned;
}

/* The slot for s (an existing equal string's, or the empty one to fill). */
static OuroObject **interned_find(OuStrInterned *in, OuroObject *s, ouro_hash h)
{
    size_t i = (size_t)h & in->mask;
    for (;;) {
        OuroObject **slot = &in->slots[i];
        if (!*slot || *slot == s || (ou_str(*slot)->hash == h && ouro_str_equal(*slot, s)))
            return slot;
        i = (i + 1) & in->mask;
    }
}

static int interned_grow(OuStrInterned *in)
{
    size_t cap = in->slots ? (in->mask + 1) * 2 : 256;
    OuroObject **slots = ou_mem_alloc(cap * sizeof *slots);
    if (!slots)
        return -1;
    memset(slots, 0, cap * sizeof *slots);
    OuroObject **old = in->slots;
    size_t oldcap = old ? in->mask + 1 : 0;
    in->slots = slots;
    in->mask = cap - 1;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i])
            *interned_find(in, old[i], ou_str(old[i])->hash) = old[i];
    ou_mem_free(old);
    return 0;
}

static void make_interned(OuroObject *s)
{
    s->ob_refcnt = OURO_IMMORTAL_REFCNT;
    ou_str(s)->info |= (uint64_t)OU_STRF_INTERNED << OU_STR_FLAG_SHIFT;
}

/* The canonical interned str equal to s (s itself once interned), or NULL if the table
 * could not grow. Borrowed (interned strings are immortal). Does not consume s. */
static OuroObject *intern_lookup_or_add(OuroObject *s)
{
    if (ou_str_flags(s) & OU_STRF_INTERNED)
        return s;
    OuStrInterned *in = interned_state();
    if (!in)
        return NULL;
    ouro_hash h = ouro_str_hash(s);
    if (in->slots) {
        OuroObject **slot = interned_find(in, s, h);
        if (*slot)
            return *slot;
    }
    if ((in->used + 1) * 3 >= (in->slots ? in->mask + 1 : 0) * 2 && interned_grow(in) < 0)
        return NULL;
    *interned_find(in, s, h) = s;
    in->used++;
    make_interned(s);
    return s;
}

void ouro_str_intern_in_place(OuroObject **p)
{
    OuroObject *s = *p;
    if (!ouro_str_check_exact(s) || (ou_str_flags(s) & OU_STRF_INTERNED))
        return;
    OuroObject *t = intern_lookup_or_add(s);
    if (t && t != s) {
        *p = t;
        OURO_DECREF(s);
    }
}

OuroObject *ouro_str_intern_cstr(const char *c)
{
    OuroObject *s = ouro_str_from_cstr(c);
    if (!s)
        return NULL;
    ouro_str_intern_in_place(&s);
    if (!(ou_str_flags(s) & OU_STRF_INTERNED)) {
        OURO_DECREF(s);
        return ouro_err_no_memory();
    }
    return s;
}

int ouro_str_is_interned(OuroObject *s)
{
    return (ou_str_flags(s) & OU_STRF_INTERNED) != 0;
}

void ou_str_fini_interned(OuObjState *st)
{
    OuStrInterned *in = st->interned;
    if (!in)
        return;
    st->interned = NULL;
    for (size_t i = 0; in->slots && i <= in->mask; i++)
        if (in->slots[i])
            ouro_object_free(in->slots[i]);
    ou_mem_free(in->slots);
    ou_mem_free(in);
}

/* Makes a fresh str (a new reference, count 1) the cached singleton *cache if it can be
 * interned; returns the singleton, or the fresh str when interning failed. */
static OuroObject *cache_singleton(OuroObject **cache, OuroObject *fresh)
{
    OuroObject *t = intern_lookup_or_add(fresh);
    if (!t)
        return fresh;
    if (t != fresh)
        OURO_DECREF(fresh);
    *cache = t;
    return t;
}

static OuroObject *empty_str(void)
{
    OuStrInterned *in = interned_state();
    if (in && in->empty)
        return in->empty;
    OuroObject *s = ou_str_alloc(0, 0, 1);
    if (!s || !in)
        return s;
    return cache_singleton(&in->empty, s);
}

OuroObject *ou_str_from_cp(uint32_t cp)
{
    OuStrInterned *in = cp < 256 ? interned_state() : NULL;
    if (in && in->latin1[cp])
        return in->latin1[cp];
    OuroObject *s = ou_str_alloc(ou_utf8_width(cp), 1, cp < 0x100 ? 1 : cp < 0x10000 ? 2 : 4);
    if (!s)
        return NULL;
    ou_utf8_put(ou_str_data(s), cp);
    if (!in)
        return s;
    return cache_singleton(&in->latin1[cp], s);
}

/* ================================================================ construction ====== */

OuroObject *ou_str_alloc(ouro_ssize nbytes, ouro_ssize ncp, int kind)
{
    if (nbytes < 0 || nbytes > OU_STR_MAX_BYTES - 16)
        return ouro_err_no_memory();
    bool ascii = nbytes == ncp;
    size_t total = ascii ? OU_STR_HEADER + (size_t)nbytes + 1 : OU_STR_TAIL(nbytes) + 8;
    OuroObject *s = ouro_object_alloc_var(&ouro_str_type, (ouro_ssize)(total - OU_STR_HEADER));
    if (!s)
        return NULL;
    unsigned flags = ascii ? OU_STRF_ASCII : 0;
    if (kind >= 2)
        flags |= OU_STRF_KIND2;
    if (kind == 4)
        flags |= OU_STRF_KIND4;
    OuroStr *o = ou_str(s);
    o->hash = -1;
    o->info = (uint64_t)nbytes | ((uint64_t)flags << OU_STR_FLAG_SHIFT);
    o->data[nbytes] = '\0';
    if (!ascii) {
        uint64_t c = (uint64_t)ncp;
        memcpy((char *)s + OU_STR_TAIL(nbytes), &c, sizeof c);
    }
    return s;
}

OuroObject *ou_str_from_valid_counted(const char *p, size_t n, ouro_ssize ncp, int kind)
{
    if (n == 0)
        return empty_str();
    if (ncp == 1) {
        const unsigned char *u = (const unsigned char *)p;
        if (u[0] < 0xC4)
            return ou_str_from_cp(ou_utf8_next(&u));
    }
    OuroObject *s = ou_str_alloc((ouro_ssize)n, ncp, kind);
    if (s)
        memcpy(ou_str_data(s), p, n);
    return s;
}

OuroObject *ou_str_from_valid(const char *p, size_t n)
{
    int kind;
    ouro_ssize ncp = ou_utf8_count(p, n, &kind);
    return ou_str_from_valid_counted(p, n, ncp, kind);
}

OuroObject *ouro_str_from_utf8(const char *s, size_t len)
{
    size_t end;
    const char *why;
    ouro_ssize bad = ou_utf8_check(s, len, &end, &why);
    if (bad >= 0)
        return ou_utf8_decode_error(s, (size_t)bad, end, why);
    return ou_str_from_valid(s, len);
}

OuroObject *ou_str_from_utf8_surrogates(const char *s, size_t len)
{
    size_t end;
    const char *why;
    ouro_ssize bad = ou_utf8_check_ex(s, len, true, &end, &why);
    if (bad >= 0)
        return ou_utf8_decode_error(s, (size_t)bad, end, why);
    return ou_str_from_valid(s, len);
}

OuroObject *ouro_str_from_cstr(const char *s)
{
    return ouro_str_from_utf8(s, strlen(s));
}

OuroObject *ouro_str_from_codepoint(uint32_t cp)
{
    if (cp > 0x10FFFF) {
        ouro_err_set_string(&ouro_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return ou_str_from_cp(cp);
}

OuroObject *ou_str_exact(OuroObject *s)
{
    if (ouro_str_check_exact(s))
        return OURO_NEWREF(s);
    return ou_str_from_valid_counted(ou_str_data(s), (size_t)ou_str_nbytes(s), ou_str_len(s),
                                     ou_str_kind(s));
}

/* ==================================================================== accessors ====== */

const char *ouro_str_utf8(OuroObject *s) { return ou_str_data(s); }
ouro_ssize ouro_str_byte_length(OuroObject *s) { return ou_str_nbytes(s); }
ouro_ssize ouro_str_length(OuroObject *s) { return ou_str_len(s); }

/* Byte offset k code points after offset off (k <= the code points left). */
static ouro_ssize walk_forward(const unsigned char *base, ouro_ssize off, ouro_ssize k)
{
    const unsigned char *p = base + off;
    while (k > 0) {
        /* Skip a run of ASCII a word at a time (k >= 8 code points: >= 8 bytes left). */
        if (k >= 8 && !(*p & 0x80)) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (!(w & UINT64_C(0x8080808080808080))) {
                p += 8, k -= 8;
                continue;
            }
        }
        p += lead_width(*p);
        k--;
    }
    return p - base;
}

/* Byte offset k code points before offset off. */
static ouro_ssize walk_backward(const unsigned char *base, ouro_ssize off, ouro_ssize k)
{
    const unsigned char *p = base + off;
    for (; k > 0; k--)
        do
            p--;
        while ((*p & 0xC0) == 0x80);
    return p - base;
}

/* Non-ASCII strings have no index: walk from the start, the end, or the position found
 * last (the runtime remembers one, so s[i], s[i+1], ... cost O(1) a step). */
ouro_ssize ou_str_offset_of(OuroObject *s, ouro_ssize i)
{
    if (ou_str_is_ascii(s))
        return i;
    ouro_ssize len = ou_str_len(s), off;
    const unsigned char *base = (const unsigned char *)ou_str_data(s);
    OU_ASSERT(i >= 0 && i <= len);
    ouro_ssize best = i < len - i ? i : len - i;
    /* Short walks are not worth the cache (nor making its state). */
    OuStrInterned *in = best > 16 ? interned_state() : ou_current.objs->interned;
    if (in && in->pos_str == s && (in->pos_index > i ? in->pos_index - i : i - in->pos_index) < best)
        off = in->pos_index <= i ? walk_forward(base, in->pos_offset, i - in->pos_index)
                                 : walk_backward(base, in->pos_offset, in->pos_index - i);
    else if (i <= len - i)
        off = walk_forward(base, 0, i);
    else
        off = walk_backward(base, ou_str_nbytes(s), len - i);
    if (in && best > 16 && ouro_str_check_exact(s)) {  /* subclasses die elsewhere */
        in->pos_str = s;
        in->pos_index = i;
        in->pos_offset = off;
    }
    return off;
}

ouro_ssize ou_str_index_of(OuroObject *s, ouro_ssize off)
{
    if (ou_str_is_ascii(s))
        return off;
    int kind;
    return ou_utf8_count(ou_str_data(s), (size_t)off, &kind);
}

uint32_t ouro_str_codepoint_at(OuroObject *s, ouro_ssize i)
{
    OU_ASSERT(i >= 0 && i < ou_str_len(s));
    const unsigned char *p = (const unsigned char *)ou_str_data(s) + ou_str_offset_of(s, i);
    return ou_utf8_next(&p);
}

/* ================================================================== comparisons ====== */

int ouro_str_equal(OuroObject *a, OuroObject *b)
{
    if (a == b)
        return 1;
    ouro_ssize n = ou_str_nbytes(a);
    if (n != ou_str_nbytes(b))
        return 0;
    ouro_hash ha = ou_str(a)->hash, hb = ou_str(b)->hash;
    if (ha != -1 && hb != -1 && ha != hb)
        return 0;
    return memcmp(ou_str_data(a), ou_str_data(b), (size_t)n) == 0;
}

int ouro_str_equal_cstr(OuroObject *s, const char *c)
{
    size_t n = strlen(c);
    return (size_t)ou_str_nbytes(s) == n && memcmp(ou_str_data(s), c, n) == 0;
}

/* UTF-8 byte order is code point order (surrogates, stored as ED A0..ED BF, included). */
int ouro_str_compare(OuroObject *a, OuroObject *b)
{
    ouro_ssize na = ou_str_nbytes(a), nb = ou_str_nbytes(b);
    int c = memcmp(ou_str_data(a), ou_str_data(b), (size_t)(na < nb ? na : nb));
    if (c)
        return c < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb ? 1 : 0;
}

ouro_hash ouro_str_hash(OuroObject *s)
{
    OuroStr *o = ou_str(s);
    if (o->hash == -1)
        o->hash = ou_str_compute_hash(s);
    return o->hash;
}

/* ================================================================= operations ====== */

static int max_kind(OuroObject *a, OuroObject *b)
{
    int ka = ou_str_kind(a), kb = ou_str_kind(b);
    return ka > kb ? ka : kb;
}

OuroObject *ouro_str_concat(OuroObject *a, OuroObject *b)
{
    if (!ouro_str_check(b))
        return ouro_err_format(&ouro_exc_TypeError,
                               "can only concatenate str (not \"%s\") to str", OURO_TYPE_NAME(b));
    if (!ouro_str_check(a))
        return ouro_err_format(&ouro_exc_TypeError,
                               "can only concatenate str (not \"%s\") to str", OURO_TYPE_NAME(a));
    ouro_ssize na = ou_str_nbytes(a), nb = ou_str_nbytes(b);
    if (na == 0)
        return ou_str_exact(b);
    if (nb == 0)
        return ou_str_exact(a);
    if (na > OU_STR_MAX_BYTES - nb) {
        ouro_err_set_string(&ouro_exc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    OuroObject *r = ou_str_alloc(na + nb, ou_str_len(a) + ou_str_len(b), max_kind(a, b));
    if (!r)
        return NULL;
    memcpy(ou_str_data(r), ou_str_data(a), (size_t)na);
    memcpy(ou_str_data(r) + na, ou_str_data(b), (size_t)nb);
    return r;
}

OuroObject *ouro_str_substring(OuroObject *s, ouro_ssize start, ouro_ssize stop)
{
    ouro_ssize len = ou_str_len(s);
    OU_ASSERT(0 <= start && start <= stop && stop <= len);
    if (start == 0 && stop == len)
        return ou_str_exact(s);
    if (ou_str_is_ascii(s))
        return ou_str_from_valid_counted(ou_str_data(s) + start, (size_t)(stop - start),
                                         stop - start, 1);
    ouro_ssize b0 = ou_str_offset_of(s, start);
    ouro_ssize b1 = stop - start <= 64 ? b0 : ou_str_offset_of(s, stop);
    if (stop - start <= 64) {  /* short: walk on from start rather than from an end */
        const unsigned char *p = (const unsigned char *)ou_str_data(s) + b0;
        for (ouro_ssize k = start; k < stop; k++)
            p += lead_width(*p);
        b1 = p - (const unsigned char *)ou_str_data(s);
    }
    return ou_str_from_valid(ou_str_data(s) + b0, (size_t)(b1 - b0));
}

/* s[start:stop:step] for a resolved slice of n > 0 code points. */
static OuroObject *str_slice_step(OuroObject *s, ouro_ssize start, ouro_ssize step, ouro_ssize n)
{
    const unsigned char *base = (const unsigned char *)ou_str_data(s);
    if (n == 1)
        return ou_str_from_cp(ouro_str_codepoint_at(s, start));
    if (ou_str_is_ascii(s)) {
        OuroObject *r = ou_str_alloc(n, n, 1);
        if (!r)
            return NULL;
        char *out = ou_str_data(r);
        for (ouro_ssize i = 0, k = start; i < n; i++, k += step)
            out[i] = (char)base[k];
        return r;
    }
    /* Gather into a scratch buffer (at most 4 bytes a code point), then copy. */
    char *buf = ou_mem_alloc((size_t)n * 4);
    if (!buf)
        return ouro_err_no_memory();
    const unsigned char *p = base + ou_str_offset_of(s, start);
    size_t len = 0;
    for (ouro_ssize i = 0; i < n; i++) {
        const unsigned char *q = p;
        uint32_t cp = ou_utf8_next(&q);
        len += (size_t)ou_utf8_put(buf + len, cp);
        if (i + 1 == n)
            break;
        if (step > 0) {
            p = q;
            for (ouro_ssize k = 1; k < step; k++)
                p += lead_width(*p);
        } else {
            for (ouro_ssize k = 0; k < -step; k++)
                ou_utf8_prev(&p);
        }
    }
    OuroObject *r = ou_str_from_valid(buf, len);
    ou_mem_free(buf);
    return r;
}

static OuroObject *str_repeat(OuroObject *s, ouro_ssize n)
{
    ouro_ssize len = ou_str_len(s), nb = ou_str_nbytes(s);
    if (n <= 0 || len == 0)
        return empty_str();
    if (n == 1)
        return ou_str_exact(s);
    if (len > INT64_MAX / n) {
        ouro_err_set_string(&ouro_exc_OverflowError, "repeated string is too long");
        return NULL;
    }
    if (nb > OU_STR_MAX_BYTES / n)
        return ouro_err_no_memory();  /* CPython would try, and fail to allocate */
    ouro_ssize total = nb * n;
    OuroObject *r = ou_str_alloc(total, len * n, ou_str_kind(s));
    if (!r)
        return NULL;
    char *out = ou_str_data(r);
    memcpy(out, ou_str_data(s), (size_t)nb);
    for (ouro_ssize done = nb; done < total;) {  /* doubling copies */
        ouro_ssize k = done <= total - done ? done : total - done;
        memcpy(out + done, out, (size_t)k);
        done += k;
    }
    return r;
}

/* =========================================================================== repr == */

/* Bytes the repr of code point c takes (CPython's unicode_repr rules); quote is ' or ". */
static int repr_width(uint32_t c, uint32_t quote)
{
    if (c == quote || c == '\\' || c == '\t' || c == '\n' || c == '\r')
        return 2;
    if (c < 0x20 || c == 0x7F)
        return 4;
    if (c < 0x7F)
        return 1;
    if (ou_uc_isprintable(c))
        return ou_utf8_width(c);
    return c <= 0xFF ? 4 : c <= 0xFFFF ? 6 : 10;
}

static char *put_hex(char *o, uint32_t v, int digits)
{
    static const char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; i--)
        *o++ = hex[(v >> (4 * i)) & 0xF];
    return o;
}

OuroObject *ouro_str_repr(OuroObject *s)
{
    const unsigned char *p = (const unsigned char *)ou_str_data(s);
    const unsigned char *end = p + ou_str_nbytes(s);
    bool has_single = memchr(p, '\'', (size_t)(end - p)) != NULL;
    bool has_double = memchr(p, '"', (size_t)(end - p)) != NULL;
    uint32_t quote = has_single && !has_double ? '"' : '\'';
    /* Pass 1: the size, code point count and kind of the result. */
    ouro_ssize nbytes = 2, ncp = 2;
    int kind = 1;
    for (const unsigned char *q = p; q < end;) {
        uint32_t c = ou_utf8_next(&q);
        int w = repr_width(c, quote);
        nbytes += w;
        if (c >= 0x80 && ou_uc_isprintable(c)) {
            ncp += 1;
            int k = c < 0x100 ? 1 : c < 0x10000 ? 2 : 4;
            kind = k > kind ? k : kind;
        } else {
            ncp += w;
        }
    }
    OuroObject *r = ou_str_alloc(nbytes, ncp, kind);
    if (!r)
        return NULL;
    char *o = ou_str_data(r);
    *o++ = (char)quote;
    while (p < end) {
        const unsigned char *q = p;
        uint32_t c = ou_utf8_next(&q);
        if (c == quote || c == '\\') {
            *o++ = '\\', *o++ = (char)c;
        } else if (c == '\t' || c == '\n' || c == '\r') {
            *o++ = '\\', *o++ = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        } else if (c < 0x20 || c == 0x7F) {
            *o++ = '\\', *o++ = 'x', o = put_hex(o, c, 2);
        } else if (c < 0x7F || ou_uc_isprintable(c)) {
            memcpy(o, p, (size_t)(q - p));
            o += q - p;
        } else if (c <= 0xFF) {
            *o++ = '\\', *o++ = 'x', o = put_hex(o, c, 2);
        } else if (c <= 0xFFFF) {
            *o++ = '\\', *o++ = 'u', o = put_hex(o, c, 4);
        } else {
            *o++ = '\\', *o++ = 'U', o = put_hex(o, c, 8);
        }
        p = q;
    }
    *o++ = (char)quote;
    OU_ASSERT(o == ou_str_data(r) + nbytes);
    return r;
}

/* =================================================================== type slots ====== */

static void str_dealloc(OuroObject *s)
{
    OU_ASSERT(!(ou_str_flags(s) & OU_STRF_INTERNED));
    OuStrInterned *in = ou_current.objs->interned;
    if (in && in->pos_str == s)
        in->pos_str = NULL;
    ouro_object_free(s);
}

static OuroObject *str_str(OuroObject *s)
{
    return ou_str_exact(s);
}

static ouro_hash str_hash(OuroObject *s)
{
    return ouro_str_hash(s);
}

static OuroObject *str_richcompare(OuroObject *a, OuroObject *b, int op)
{
    if (!ouro_str_check(a) || !ouro_str_check(b))
        OURO_RETURN_NOTIMPLEMENTED;
    int r;
    if (op == OURO_EQ || op == OURO_NE) {
        r = ouro_str_equal(a, b) == (op == OURO_EQ);
    } else {
        int c = ouro_str_compare(a, b);
        r = op == OURO_LT ? c < 0 : op == OURO_LE ? c <= 0 : op == OURO_GT ? c > 0 : c >= 0;
    }
    return OURO_NEWREF(r ? OURO_TRUE : OURO_FALSE);
}

static ouro_ssize str_length(OuroObject *s)
{
    return ou_str_len(s);
}

static OuroObject *str_item(OuroObject *s, ouro_ssize i)
{
    if (i < 0 || i >= ou_str_len(s)) {
        ouro_err_set_string(&ouro_exc_IndexError, "string index out of range");
        return NULL;
    }
    return ou_str_from_cp(ouro_str_codepoint_at(s, i));
}

static int str_contains(OuroObject *s, OuroObject *sub)
{
    if (!ouro_str_check(sub)) {
        ouro_err_format(&ouro_exc_TypeError,
                        "'in <string>' requires string as left operand, not %s",
                        OURO_TYPE_NAME(sub));
        return -1;
    }
    size_t n = (size_t)ou_str_nbytes(sub);
    if (n == 0)
        return 1;
    /* UTF-8 is self-synchronizing: a byte match is a code point match. */
    return memmem(ou_str_data(s), (size_t)ou_str_nbytes(s), ou_str_data(sub), n) != NULL;
}

static bool has_index(OuroObject *o)
{
    const OuroNumberMethods *nb = OURO_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

static OuroObject *str_subscript(OuroObject *s, OuroObject *key)
{
    if (has_index(key)) {
        ouro_ssize i = ouro_number_as_ssize(key, &ouro_exc_IndexError);
        if (i == -1 && ouro_err_occurred())
            return NULL;
        if (i < 0)
            i += ou_str_len(s);
        return str_item(s, i);
    }
    if (ouro_slice_check(key)) {
        ouro_ssize start, stop, step;
        ouro_ssize n = ouro_slice_unpack_indices(key, ou_str_len(s), &start, &stop, &step);
        if (n < 0)
            return NULL;
        if (n == 0)
            return empty_str();
        if (step == 1)
            return ouro_str_substring(s, start, start + n);
        return str_slice_step(s, start, step, n);
    }
    return ouro_err_format(&ouro_exc_TypeError, "string indices must be integers, not '%s'",
                           OURO_TYPE_NAME(key));
}

static OuroObject *str_concat_slot(OuroObject *a, OuroObject *b)
{
    return ouro_str_concat(a, b);
}

/* ------------------------------------------------------------------- str.__new__ -- */

static OuroObject *str_new(OuroType *type, OuroObject *args, OuroObject *kwargs)
{
    OuroObject *argv[3] = {NULL, NULL, NULL};
    static const char *const names[3] = {"object", "encoding", "errors"};
    ouro_ssize nargs = args ? OURO_TUPLE_SIZE(args) : 0;
    if (nargs > 3)
        return ouro_err_format(&ouro_exc_TypeError, "str() takes at most 3 arguments (%zd given)",
                               nargs);
    for (ouro_ssize i = 0; i < nargs; i++)
        argv[i] = OURO_TUPLE_GET(args, i);
    ouro_ssize pos = 0;
    OuroObject *k, *v;
    while (kwargs && ouro_dict_next(kwargs, &pos, &k, &v)) {
        int i = 0;
        while (i < 3 && !(ouro_str_check(k) && ouro_str_equal_cstr(k, names[i])))
            i++;
        if (i == 3)
            return ouro_err_format(&ouro_exc_TypeError,
                                   "'%S' is an invalid keyword argument for str()", k);
        if (argv[i])
            return ouro_err_format(&ouro_exc_TypeError,
                                   "argument for str() given by name ('%s') and position (%d)",
                                   names[i], i + 1);
        argv[i] = v;
    }
    OuroObject *r;
    if (!argv[1] && !argv[2]) {
        r = argv[0] ? ouro_object_str(argv[0]) : empty_str();
    } else {
        if (ou_codec_args("str", argv[1], argv[2]) < 0)
            return NULL;
        if (!argv[0])
            r = empty_str();
        else if (ouro_str_check(argv[0]))
            return ouro_err_format(&ouro_exc_TypeError, "decoding str is not supported");
        else if (!ou_bl_check(argv[0]))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "decoding to str: need a bytes-like object, %s found",
                                   OURO_TYPE_NAME(argv[0]));
        else
            r = ou_str_decode(ou_bl_data(argv[0]), (size_t)ou_bl_size(argv[0]), argv[1],
                              argv[2]);
    }
    if (!r || type == &ouro_str_type)
        return r;
    /* A subclass instance: the same bytes in an object of the subtype. */
    ouro_ssize nb = ou_str_nbytes(r);
    size_t total = ou_str_is_ascii(r) ? OU_STR_HEADER + (size_t)nb + 1 : OU_STR_TAIL(nb) + 8;
    OuroObject *o = ouro_object_alloc_var(type, (ouro_ssize)(total - OU_STR_HEADER));
    if (o) {
        memcpy((char *)o + sizeof(OuroObject), (char *)r + sizeof(OuroObject),
               total - sizeof(OuroObject));
        ou_str(o)->info &= ~((uint64_t)OU_STRF_INTERNED << OU_STR_FLAG_SHIFT);
        if (ouro_type_has_flag(type, OURO_TPFLAG_GC))
            ouro_gc_track(o);
    }
    OURO_DECREF(r);
    return o;
}

/* =================================================================== iterators ====== */

/* Both iterator types: pos is a byte offset into seq; seq is NULL once exhausted. */
typedef struct OuStrIter {
    OuroObject ob_base;
    OuroObject *seq;
    ouro_ssize pos;
} OuStrIter;

static OuroObject *str_iter(OuroObject *s)
{
    OuroType *t = ou_str_is_ascii(s) ? &ou_str_ascii_iter_type : &ou_str_iter_type;
    OuStrIter *it = (OuStrIter *)ouro_object_alloc(t);
    if (!it)
        return NULL;
    it->seq = OURO_NEWREF(s);
    it->pos = 0;
    ouro_gc_track((OuroObject *)it);
    return (OuroObject *)it;
}

static void striter_dealloc(OuroObject *o)
{
    ouro_gc_untrack(o);
    OURO_XDECREF(((OuStrIter *)o)->seq);
    ouro_object_free(o);
}

static int striter_traverse(OuroObject *o, ouro_visitproc visit, void *arg)
{
    OuroObject *seq = ((OuStrIter *)o)->seq;
    return seq ? visit(seq, arg) : 0;
}

static int striter_clear(OuroObject *o)
{
    OURO_CLEAR(((OuStrIter *)o)->seq);
    return 0;
}

static OuroObject *striter_next(OuroObject *o)
{
    OuStrIter *it = (OuStrIter *)o;
    if (!it->seq)
        return NULL;
    if (it->pos >= ou_str_nbytes(it->seq)) {
        OURO_CLEAR(it->seq);
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)ou_str_data(it->seq) + it->pos;
    const unsigned char *q = p;
    uint32_t c = ou_utf8_next(&q);
    OuroObject *r = ou_str_from_cp(c);
    if (r)
        it->pos += q - p;
    return r;
}

static OuroObject *striter_length_hint(OuroObject *o, OuroObject *unused)
{
    OuStrIter *it = (OuStrIter *)o;
    ouro_ssize n = 0;
    if (it->seq)
        n = ou_str_len(it->seq) - ou_str_index_of(it->seq, it->pos);
    return ouro_int_from_ssize(n);
}

static const OuroMethodDef striter_methods[] = {
    {"__length_hint__", OURO_METH(striter_length_hint), OURO_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

/* ====================================================================== the types == */

static const OuroSequenceMethods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_concat_slot,
    .sq_repeat = str_repeat,
    .sq_item = str_item,
    .sq_contains = str_contains,
};

static const OuroMappingMethods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

/* str % args: printf-style formatting (strpercent.c). */
static const OuroNumberMethods str_as_number = { .nb_remainder = ou_str_mod };

OuroType ouro_str_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "str",
    .tp_flags = OURO_TPFLAG_STR_SUBCLASS | OURO_TPFLAG_BASETYPE,
    .tp_basicsize = (ouro_ssize)OU_STR_HEADER,
    .tp_itemsize = 1,
    .tp_dealloc = str_dealloc,
    .tp_repr = ouro_str_repr,
    .tp_str = str_str,
    .tp_hash = str_hash,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_new = str_new,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_as_number = &str_as_number,
    .tp_methods = ou_str_methods,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
};

OuroType ou_str_ascii_iter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "str_ascii_iterator",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuStrIter),
    .tp_dealloc = striter_dealloc,
    .tp_traverse = striter_traverse,
    .tp_clear = striter_clear,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

OuroType ou_str_iter_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "str_iterator",
    .tp_flags = OURO_TPFLAG_GC,
    .tp_basicsize = sizeof(OuStrIter),
    .tp_dealloc = striter_dealloc,
    .tp_traverse = striter_traverse,
    .tp_clear = striter_clear,
    .tp_iter = ou_object_self_iter,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};
