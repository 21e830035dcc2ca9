/* src/lang/ast.c — the AST arena: bump allocation in chunks from the runtime's
 * allocator, and the constants the tree keeps alive. Everything goes at once with
 * ou_ast_arena_free. */
#include "ast.h"
#include "mem/mem.h"
#include <string.h>

#define CHUNK_SIZE 16384   /* bytes per chunk (bigger requests get a chunk of their own) */

typedef struct Chunk {
    struct Chunk *next;
    size_t used, size;
    max_align_t data[];
} Chunk;

struct OuAstArena {
    Chunk *chunks;             /* newest first: allocation bumps chunks->used */
    OuroObject **kept;         /* references dropped when the arena goes */
    size_t nkept, capkept;
};

OuAstArena *ou_ast_arena_new(void)
{
    OuAstArena *a = ou_mem_alloc(sizeof *a);
    if (!a) {
        ouro_err_no_memory();
        return NULL;
    }
    memset(a, 0, sizeof *a);
    return a;
}

void ou_ast_arena_free(OuAstArena *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->nkept; i++)
        OURO_DECREF(a->kept[i]);
    ou_mem_free(a->kept);
    Chunk *c = a->chunks;
    while (c) {
        Chunk *next = c->next;
        ou_mem_free(c);
        c = next;
    }
    ou_mem_free(a);
}

static Chunk *new_chunk(size_t size)
{
    Chunk *c = ou_mem_alloc(sizeof(Chunk) + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->used = 0;
    c->size = size;
    return c;
}

void *ou_ast_alloc(OuAstArena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    Chunk *c = a->chunks;
    if (!c || c->size - c->used < n) {
        if (n > CHUNK_SIZE / 4) {
            /* A big block: its own chunk, behind the current one so that the current
             * chunk's free space is not wasted. */
            Chunk *big = new_chunk(n);
            if (!big) {
                ouro_err_no_memory();
                return NULL;
            }
            big->used = n;
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                a->chunks = big;
            }
            memset(big->data, 0, n);
            return big->data;
        }
        c = new_chunk(CHUNK_SIZE);
        if (!c) {
            ouro_err_no_memory();
            return NULL;
        }
        c->next = a->chunks;
        a->chunks = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

int ou_ast_keep(OuAstArena *a, OuroObject *o)
{
    if (ouro_is_immortal(o))
        return 0;   /* nothing to drop later */
    if (a->nkept == a->capkept) {
        size_t cap = a->capkept ? a->capkept * 2 : 32;
        OuroObject **k = ou_mem_realloc(a->kept, cap * sizeof *k);
        if (!k) {
            OURO_DECREF(o);
            ouro_err_no_memory();
            return -1;
        }
        a->kept = k;
        a->capkept = cap;
    }
    a->kept[a->nkept++] = o;
    return 0;
}
