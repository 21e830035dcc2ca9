/* src/objects/strhash.c — hashing of str and bytes: SipHash-1-3 with a 128-bit key, as
 * CPython 3.11 (Python/pyhash.c), so that hash values equal CPython's for the same seed.
 *
 * The key is process-global, set once at process start by ou_hash_init_secret (from
 * OURO_HASHSEED, else PYTHONHASHSEED, else the OS's random source) and read-only after:
 * every runtime of the process hashes alike. Tests may swap it (ou_hash_set_secret_for_seed)
 * while no other thread runs. */
#include "objects/strimpl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static uint64_t hash_k0, hash_k1;

/* ==================================================================== SipHash-1-3 == */

#define ROTATE(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d;                  \
    b = ROTATE(b, s) ^ a;            \
    d = ROTATE(d, t) ^ c;            \
    a = ROTATE(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)     \
    HALF_ROUND(v0, v1, v2, v3, 13, 16); \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

/* Incremental form of CPython's siphash13(): the same result as one call over all the
 * bytes fed, which lets str hash its UCS-2/UCS-4 form without materializing it. */
typedef struct Sip {
    uint64_t v0, v1, v2, v3;
    uint64_t total;          /* bytes fed */
    unsigned char tail[8];   /* bytes not yet forming a full 8-byte block */
    unsigned ntail;
} Sip;

static void sip_init(Sip *s)
{
    s->v0 = hash_k0 ^ UINT64_C(0x736f6d6570736575);
    s->v1 = hash_k1 ^ UINT64_C(0x646f72616e646f6d);
    s->v2 = hash_k0 ^ UINT64_C(0x6c7967656e657261);
    s->v3 = hash_k1 ^ UINT64_C(0x7465646279746573);
    s->total = 0;
    s->ntail = 0;
}

static inline uint64_t load_le64(const unsigned char *p)
{
    uint64_t m;
    memcpy(&m, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    m = __builtin_bswap64(m);
#endif
    return m;
}

static inline void sip_block(Sip *s, uint64_t m)
{
    uint64_t v0 = s->v0, v1 = s->v1, v2 = s->v2, v3 = s->v3;
    v3 ^= m;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= m;
    s->v0 = v0, s->v1 = v1, s->v2 = v2, s->v3 = v3;
}

static void sip_update(Sip *s, const void *src, size_t n)
{
    const unsigned char *in = src;
    s->total += n;
    if (s->ntail) {
        while (n && s->ntail < 8)
            s->tail[s->ntail++] = *in++, n--;
        if (s->ntail < 8)
            return;
        sip_block(s, load_le64(s->tail));
        s->ntail = 0;
    }
    for (; n >= 8; in += 8, n -= 8)
        sip_block(s, load_le64(in));
    while (n--)
        s->tail[s->ntail++] = *in++;
}

static uint64_t sip_final(Sip *s)
{
    uint64_t b = s->total << 56;
    for (unsigned i = 0; i < s->ntail; i++)
        b |= (uint64_t)s->tail[i] << (8 * i);
    uint64_t v0 = s->v0, v1 = s->v1, v2 = s->v2, v3 = s->v3;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

/* CPython's _Py_HashBytes conventions: empty input hashes to 0, -1 becomes -2. */
static ouro_hash fix_hash(uint64_t h)
{
    ouro_hash x = (ouro_hash)h;
    return x == -1 ? -2 : x;
}

ouro_hash ouro_hash_bytes(const void *p, size_t n)
{
    if (n == 0)
        return 0;
    Sip s;
    sip_init(&s);
    sip_update(&s, p, n);
    return fix_hash(sip_final(&s));
}

/* CPython hashes the bytes of its internal representation: one byte per code point when
 * all are < 256, else 2 or 4 (native byte order). UTF-8 equals that form only for ASCII. */
ouro_hash ou_str_compute_hash(OuroObject *str)
{
    size_t n = (size_t)ou_str_nbytes(str);
    if (n == 0)
        return 0;
    if (ou_str_is_ascii(str))
        return ouro_hash_bytes(ou_str_data(str), n);
    int kind = ou_str_kind(str);
    Sip s;
    sip_init(&s);
    union { uint8_t b1[256]; uint16_t b2[128]; uint32_t b4[64]; } buf;
    size_t per = 256 / (size_t)kind, k = 0;
    const unsigned char *p = (const unsigned char *)ou_str_data(str), *end = p + n;
    while (p < end) {
        uint32_t c = ou_utf8_next(&p);
        if (kind == 1)
            buf.b1[k] = (uint8_t)c;
        else if (kind == 2)
            buf.b2[k] = (uint16_t)c;
        else
            buf.b4[k] = c;
        if (++k == per) {
            sip_update(&s, &buf, sizeof buf);
            k = 0;
        }
    }
    sip_update(&s, &buf, k * (size_t)kind);
    return fix_hash(sip_final(&s));
}

/* ================================================================== the key ========= */

/* CPython's lcg_urandom: the key bytes for PYTHONHASHSEED=n (n != 0). CPython fills its
 * 24-byte secret; SipHash uses the first 16 bytes. */
void ou_hash_set_secret_for_seed(uint32_t seed)
{
    unsigned char key[16];
    uint32_t x = seed;
    for (size_t i = 0; i < sizeof key; i++) {
        x = x * 214013u + 2531011u;
        key[i] = (unsigned char)((x >> 16) & 0xff);
    }
    if (seed == 0)
        memset(key, 0, sizeof key);
    memcpy(&hash_k0, key, 8);
    memcpy(&hash_k1, key + 8, 8);
    /* CPython reads k0/k1 with _le64toh. */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    hash_k0 = __builtin_bswap64(hash_k0);
    hash_k1 = __builtin_bswap64(hash_k1);
#endif
}

static void random_key(void)
{
    unsigned char key[16];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t r = getrandom(key + got, sizeof key - got, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (got < sizeof key) {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        while (fd >= 0 && got < sizeof key) {
            ssize_t r = read(fd, key + got, sizeof key - got);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        if (fd >= 0)
            close(fd);
    }
    if (got < sizeof key) {  /* no OS randomness: weak, but never a fixed key */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t a = (uint64_t)ts.tv_nsec * UINT64_C(0x9E3779B97F4A7C15) ^ (uint64_t)getpid();
        uint64_t b = (uint64_t)ts.tv_sec * UINT64_C(0xC2B2AE3D27D4EB4F) ^ (uintptr_t)&ts;
        memcpy(key, &a, 8);
        memcpy(key + 8, &b, 8);
    }
    memcpy(&hash_k0, key, 8);
    memcpy(&hash_k1, key + 8, 8);
}

/* PYTHONHASHSEED: "random" (or unset/empty) for a random key, else an integer in
 * [0, 4294967295]. CPython aborts on other values; we fall back to a random key. */
void ou_hash_init_secret(void)
{
    const char *e = getenv("OURO_HASHSEED");
    if (!e || !*e)
        e = getenv("PYTHONHASHSEED");
    if (e && *e && strcmp(e, "random") != 0) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(e, &end, 10);
        if (!errno && *end == '\0' && e[0] != '-' && v <= 4294967295ULL) {
            ou_hash_set_secret_for_seed((uint32_t)v);
            return;
        }
    }
    random_key();
}

void ou_hash_reset_secret(void)
{
    ou_hash_init_secret();
}
