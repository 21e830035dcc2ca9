/* src/lang/codeobject.c — code objects: the compiled body of a module, class or function.
 * Immutable; the instruction, position and exception-table arrays share one block. */
#include "eval.h"
#include <stdio.h>
#include <string.h>

/* memcpy that accepts an empty (possibly NULL) source. */
static void copy_bytes(void *dst, const void *src, size_t n)
{
    if (n)
        memcpy(dst, src, n);
}

OuroObject *ou_code_new(const uint32_t *code, const OuPos *pos, int32_t ncode,
                        const OuExcEntry *exc, int32_t nexc, OuroObject *consts,
                        OuroObject *names, OuroObject *localsplusnames, const uint8_t *kinds,
                        OuroObject *filename, OuroObject *name, OuroObject *qualname,
                        int32_t argcount, int32_t posonly, int32_t kwonly, int32_t nlocals,
                        int32_t stacksize, int32_t flags, int32_t firstlineno)
{
    int32_t nlp = (int32_t)OURO_TUPLE_SIZE(localsplusnames);
    size_t bytes = (size_t)ncode * sizeof(uint32_t) + (size_t)ncode * sizeof(OuPos) +
                   (size_t)nexc * sizeof(OuExcEntry) + (size_t)nlp + 8;
    OuCode *co = (OuCode *)ouro_object_alloc(&ou_code_type);
    if (!co)
        return NULL;
    char *block = ouro_mem_malloc(bytes);
    if (!block) {
        ouro_object_free((OuroObject *)co);
        return ouro_err_no_memory();
    }
    co->co_block = block;
    co->co_exctable = (OuExcEntry *)block;
    copy_bytes(co->co_exctable, exc, (size_t)nexc * sizeof(OuExcEntry));
    co->co_positions = (OuPos *)(co->co_exctable + nexc);
    copy_bytes(co->co_positions, pos, (size_t)ncode * sizeof(OuPos));
    co->co_code = (uint32_t *)(co->co_positions + ncode);
    copy_bytes(co->co_code, code, (size_t)ncode * sizeof(uint32_t));
    co->co_kinds = (uint8_t *)(co->co_code + ncode);
    copy_bytes(co->co_kinds, kinds, (size_t)nlp);
    co->co_ncode = ncode;
    co->co_nexc = nexc;
    co->co_consts = OURO_NEWREF(consts);
    co->co_names = OURO_NEWREF(names);
    co->co_localsplusnames = OURO_NEWREF(localsplusnames);
    co->co_filename = OURO_NEWREF(filename);
    co->co_name = OURO_NEWREF(name);
    co->co_qualname = OURO_NEWREF(qualname);
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonly;
    co->co_kwonlyargcount = kwonly;
    co->co_nlocals = nlocals;
    co->co_nlocalsplus = nlp;
    for (int32_t i = 0; i < nlp; i++) {
        if (kinds[i] & OU_KIND_FREE)
            co->co_nfreevars++;
        else if ((kinds[i] & OU_KIND_CELL) && !(kinds[i] & OU_KIND_LOCAL))
            co->co_ncellvars++;
    }
    co->co_stacksize = stacksize;
    co->co_flags = flags;   /* 3.11 no longer sets CO_NOFREE */
    co->co_firstlineno = firstlineno;
    co->co_framesize = nlp + stacksize;
    return (OuroObject *)co;
}

const OuExcEntry *ou_code_handler(OuCode *co, int32_t i)
{
    /* Entries are sorted by start and do not overlap (the compiler tags each instruction
       with its innermost handler), so a binary search finds the one covering i. */
    int32_t lo = 0, hi = co->co_nexc;
    while (lo < hi) {
        int32_t mid = (lo + hi) / 2;
        const OuExcEntry *e = &co->co_exctable[mid];
        if (i < e->start)
            hi = mid;
        else if (i >= e->end)
            lo = mid + 1;
        else
            return e;
    }
    return NULL;
}

OuroObject *ou_code_filename(OuroObject *code) { return ((OuCode *)code)->co_filename; }
OuroObject *ou_code_name(OuroObject *code) { return ((OuCode *)code)->co_name; }
OuroObject *ou_code_qualname(OuroObject *code) { return ((OuCode *)code)->co_qualname; }

int ou_code_line_at(OuroObject *code, int lasti)
{
    OuCode *co = (OuCode *)code;
    int i = lasti / (int)sizeof(uint32_t);
    if (lasti < 0 || i >= co->co_ncode)
        return co->co_firstlineno;
    return co->co_positions[i].lineno;
}

int ou_code_positions_at(OuroObject *code, int lasti, int *lineno, int *end_lineno,
                         int *col, int *end_col)
{
    OuCode *co = (OuCode *)code;
    int i = lasti / (int)sizeof(uint32_t);
    if (lasti < 0 || i >= co->co_ncode) {
        *lineno = *end_lineno = co->co_firstlineno;
        *col = *end_col = -1;
        return 0;
    }
    const OuPos *p = &co->co_positions[i];
    *lineno = p->lineno;
    *end_lineno = p->end_lineno;
    *col = p->col;
    *end_col = p->end_col;
    return 0;
}

static void code_dealloc(OuroObject *o)
{
    OuCode *co = (OuCode *)o;
    OURO_DECREF(co->co_consts);
    OURO_DECREF(co->co_names);
    OURO_DECREF(co->co_localsplusnames);
    OURO_DECREF(co->co_filename);
    OURO_DECREF(co->co_name);
    OURO_DECREF(co->co_qualname);
    ouro_mem_free(co->co_block);
    ouro_mem_free(co->co_gcache);
    ouro_mem_free(co->co_acache);
    ouro_object_free(o);
}

static OuroObject *code_repr(OuroObject *o)
{
    OuCode *co = (OuCode *)o;
    return ouro_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->co_name,
                                (void *)o, co->co_filename, (int)co->co_firstlineno);
}

/* The names of the slots of one kind (co_varnames, co_cellvars, co_freevars). */
static OuroObject *code_names_of(OuCode *co, int kind_mask, int exclude)
{
    OuroObject *l = ouro_list_new(0);
    if (!l)
        return NULL;
    for (int32_t i = 0; i < co->co_nlocalsplus; i++) {
        if ((co->co_kinds[i] & kind_mask) && !(co->co_kinds[i] & exclude) &&
            ouro_list_append(l, OURO_TUPLE_GET(co->co_localsplusnames, i)) < 0) {
            OURO_DECREF(l);
            return NULL;
        }
    }
    OuroObject *t = ouro_list_as_tuple(l);
    OURO_DECREF(l);
    return t;
}

static OuroObject *code_get_varnames(OuroObject *o, void *c) { return code_names_of((OuCode *)o, OU_KIND_LOCAL, 0); }
static OuroObject *code_get_cellvars(OuroObject *o, void *c) { return code_names_of((OuCode *)o, OU_KIND_CELL, 0); }
static OuroObject *code_get_freevars(OuroObject *o, void *c) { return code_names_of((OuCode *)o, OU_KIND_FREE, 0); }

static OuroObject *code_get_int(OuroObject *o, void *c)
{
    OuCode *co = (OuCode *)o;
    const char *w = c;
    int32_t v = 0;
    if (!strcmp(w, "argcount")) v = co->co_argcount;
    else if (!strcmp(w, "posonly")) v = co->co_posonlyargcount;
    else if (!strcmp(w, "kwonly")) v = co->co_kwonlyargcount;
    else if (!strcmp(w, "nlocals")) v = co->co_nlocals;
    else if (!strcmp(w, "stacksize")) v = co->co_stacksize;
    else if (!strcmp(w, "flags")) v = co->co_flags;
    else if (!strcmp(w, "firstlineno")) v = co->co_firstlineno;
    return ouro_int_from_int64(v);
}

static OuroObject *code_get_obj(OuroObject *o, void *c)
{
    OuCode *co = (OuCode *)o;
    const char *w = c;
    if (!strcmp(w, "consts")) return OURO_NEWREF(co->co_consts);
    if (!strcmp(w, "names")) return OURO_NEWREF(co->co_names);
    if (!strcmp(w, "filename")) return OURO_NEWREF(co->co_filename);
    if (!strcmp(w, "name")) return OURO_NEWREF(co->co_name);
    return OURO_NEWREF(co->co_qualname);
}

static OuroObject *code_get_code(OuroObject *o, void *c)
{
    OuCode *co = (OuCode *)o;
    return ouro_bytes_from_data(co->co_code, (size_t)co->co_ncode * sizeof(uint32_t));
}

static const OuroGetSetDef code_getset[] = {
    {"co_argcount", code_get_int, NULL, NULL, "argcount"},
    {"co_posonlyargcount", code_get_int, NULL, NULL, "posonly"},
    {"co_kwonlyargcount", code_get_int, NULL, NULL, "kwonly"},
    {"co_nlocals", code_get_int, NULL, NULL, "nlocals"},
    {"co_stacksize", code_get_int, NULL, NULL, "stacksize"},
    {"co_flags", code_get_int, NULL, NULL, "flags"},
    {"co_firstlineno", code_get_int, NULL, NULL, "firstlineno"},
    {"co_consts", code_get_obj, NULL, NULL, "consts"},
    {"co_names", code_get_obj, NULL, NULL, "names"},
    {"co_filename", code_get_obj, NULL, NULL, "filename"},
    {"co_name", code_get_obj, NULL, NULL, "name"},
    {"co_qualname", code_get_obj, NULL, NULL, "qualname"},
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

OuroType ou_code_type = {
    .ob_base = OURO_STATIC_HEAD(OURO_TID_TYPE),
    .tp_name = "code",
    .tp_basicsize = sizeof(OuCode),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getset = code_getset,
    .tp_weaklistoffset = offsetof(OuCode, co_weakreflist),
};

/* A listing of the instructions of code (and of the code objects among its constants),
 * for tests and debugging: "index OPNAME arg" lines. Returns: new str, or NULL. */
OuroObject *ou_code_disassemble(OuroObject *code)
{
    static const char *const opnames[] = {
#define OU_OP_NAME_(n) #n,
        OU_OPCODES(OU_OP_NAME_)
#undef OU_OP_NAME_
    };
    OuCode *co = (OuCode *)code;
    OuStrBuf b;
    ou_strbuf_init(&b);
    char line[128];
    snprintf(line, sizeof line, "%s:\n", ouro_str_utf8(co->co_qualname));
    ou_strbuf_append_cstr(&b, line);
    for (int32_t i = 0; i < co->co_ncode; i++) {
        uint32_t w = co->co_code[i];
        snprintf(line, sizeof line, "%4d %-20s %u\n", (int)i,
                 OU_OP(w) < OP_COUNT_ ? opnames[OU_OP(w)] : "?", (unsigned)OU_ARG(w));
        ou_strbuf_append_cstr(&b, line);
    }
    for (int32_t i = 0; i < co->co_nexc; i++) {
        const OuExcEntry *e = &co->co_exctable[i];
        snprintf(line, sizeof line, "  [%d, %d) -> %d depth %d\n", (int)e->start, (int)e->end,
                 (int)e->handler, (int)e->depth);
        ou_strbuf_append_cstr(&b, line);
    }
    for (ouro_ssize i = 0; i < OURO_TUPLE_SIZE(co->co_consts); i++) {
        OuroObject *k = OURO_TUPLE_GET(co->co_consts, i);
        if (OURO_IS_TYPE(k, &ou_code_type)) {
            OuroObject *sub = ou_code_disassemble(k);
            if (!sub || ou_strbuf_append_str(&b, sub) < 0) {
                OURO_XDECREF(sub);
                ou_strbuf_discard(&b);
                return NULL;
            }
            OURO_DECREF(sub);
        }
    }
    return ou_strbuf_finish(&b);
}
