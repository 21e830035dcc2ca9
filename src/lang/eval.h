/* src/lang/eval.h — internal layout of the objects of the evaluation loop: code objects,
 * interpreter frames (on the per-thread data stack), frame objects, functions, cells and
 * generators. Owner: the compiler + eval part. Narrative: docs/internals/language.md. */
#ifndef OU_EVAL_H
#define OU_EVAL_H

#include "lang.h"
#include "opcodes.h"
#include "runtime/runtime.h"

/* Code flags (CPython's CO_* values). */
enum {
    OU_CO_OPTIMIZED = 0x1, OU_CO_NEWLOCALS = 0x2, OU_CO_VARARGS = 0x4,
    OU_CO_VARKEYWORDS = 0x8, OU_CO_NESTED = 0x10, OU_CO_GENERATOR = 0x20,
    OU_CO_NOFREE = 0x40
};
/* Kinds of the localsplus slots. */
enum { OU_KIND_LOCAL = 0x20, OU_KIND_CELL = 0x40, OU_KIND_FREE = 0x80 };

/* An exception-table entry: instructions [start, end) jump to handler with the value
 * stack cut to depth (then the exception pushed). Entries are sorted by start. */
typedef struct OuExcEntry {
    int32_t start, end, handler, depth;
} OuExcEntry;

typedef struct OuPos {
    int32_t lineno, end_lineno, col, end_col;   /* col -1: unknown */
} OuPos;

/* A code object: immutable once built. Every array lives in one block after the header
 * (instructions, positions, exception table), so a code object is one allocation. */
typedef struct OuCode {
    OuroObject ob_base;
    OuroObject *co_consts;       /* tuple */
    OuroObject *co_names;        /* tuple of str: attribute, global and import names */
    OuroObject *co_localsplusnames; /* tuple of str: locals, then cells, then frees */
    OuroObject *co_filename, *co_name, *co_qualname; /* str */
    OuroObject *co_weakreflist;
    uint8_t *co_kinds;           /* one OU_KIND_* per localsplus slot */
    uint32_t *co_code;
    OuPos *co_positions;         /* one per instruction */
    OuExcEntry *co_exctable;
    int32_t co_ncode, co_nexc;
    int32_t co_argcount, co_posonlyargcount, co_kwonlyargcount;
    int32_t co_nlocals, co_ncellvars, co_nfreevars, co_nlocalsplus;
    int32_t co_stacksize, co_flags, co_firstlineno;
    int32_t co_framesize;        /* nlocalsplus + stacksize */
    void *co_block;              /* the one block of the arrays above */
    struct OuGlobalCache *co_gcache; /* LOAD_GLOBAL caches, one per co_names entry (made
                                        on first use; eval.c), or NULL */
    struct OuAttrCache *co_acache; /* attribute caches, one per co_names entry (made on
                                      first use; eval.c, objects/attrcache.h), or NULL */
} OuCode;

/* Where LOAD_GLOBAL found a name last time: an entry of the globals' (or, when globals
 * lacked it, the builtins') keys block. Valid while that block is the dict's and the
 * entry still holds the name; for builtins, while globals gained no key (its entry count,
 * which only grows until the block is replaced, is unchanged). */
typedef struct OuGlobalCache {
    const void *gkeys, *bkeys;   /* keys blocks when filled (bkeys NULL: found in globals) */
    int64_t gnentries;
    int64_t index;               /* entry index in the block that had the name; -1 none */
} OuGlobalCache;

/* Who owns an interpreter frame's memory. */
enum { OU_FRAME_THREAD = 0, OU_FRAME_GENERATOR = 1, OU_FRAME_OBJECT = 2 };

/* An interpreter frame: the activation record of one Python call. Lives on the thread's
 * data stack (or inside a generator, or in a frame object once its call ended and a
 * frame object outlived it). localsplus = locals, cells, frees, then the value stack.
 * Every pointer slot below stacktop is a strong reference (or NULL). */
typedef struct OuFrame {
    OuroObject *f_func;          /* strong: the function (module code runs in one too) */
    OuCode *f_code;              /* borrowed from f_func */
    OuroObject *f_globals, *f_builtins; /* borrowed from f_func */
    OuroObject *f_locals;        /* strong or NULL: the mapping of module/class code */
    struct OuFrame *previous;    /* the caller while running, else NULL */
    OuroObject *frame_obj;       /* strong: the materialized frame object, or NULL */
    const uint32_t *next_instr;  /* the instruction to run next */
    int32_t stacktop;            /* saved value-stack height (index in localsplus) */
    uint8_t owner;               /* OU_FRAME_* */
    uint8_t is_entry;            /* entered from C: RETURN leaves ou_eval_frame */
    OuroObject *localsplus[];
} OuFrame;

/* The data stack: chunks of frame memory hanging off the thread state. */
typedef struct OuStackChunk {
    struct OuStackChunk *previous;
    size_t size;                 /* bytes of the chunk */
    OuroObject **top_saved;      /* the previous chunk's top when this one was pushed */
    OuroObject *data[];
} OuStackChunk;

typedef struct OuFrameObject {
    OuroObject ob_base;
    OuFrame *f_frame;            /* the frame: elsewhere, or f_data once owned */
    OuroObject *f_back;          /* strong, set when the frame's call ended */
    int32_t f_lineno;            /* line when owned (after the call ended) */
    OuroObject *f_data[];        /* room for an OuFrame + framesize slots */
} OuFrameObject;

typedef struct OuFunction {
    OuroObject ob_base;
    OuroObject *func_code, *func_globals, *func_builtins, *func_name, *func_qualname;
    OuroObject *func_module, *func_doc, *func_defaults, *func_kwdefaults;
    OuroObject *func_closure, *func_dict, *func_annotations, *func_weakreflist;
} OuFunction;

typedef struct OuCell {
    OuroObject ob_base;
    OuroObject *ob_ref;          /* strong or NULL (empty) */
} OuCell;

enum { OU_GEN_CREATED, OU_GEN_SUSPENDED, OU_GEN_RUNNING, OU_GEN_COMPLETED };
typedef struct OuGen {
    OuroObject ob_base;
    OuroObject *gi_name, *gi_qualname, *gi_weakreflist;
    OuroObject *gi_exc;          /* the exception being handled inside, while suspended */
    int8_t gi_state;             /* OU_GEN_* */
    OuroObject *gi_data[];       /* the frame: OuFrame + framesize slots */
} OuGen;

#define OU_GEN_FRAME(g) ((OuFrame *)(g)->gi_data)
#define OU_FRAME_SLOTS(code) \
    ((sizeof(OuFrame) + sizeof(OuroObject *) - 1) / sizeof(OuroObject *) + (size_t)(code)->co_framesize)

/* ---- codeobject.c */
/* Builds a code object (steals nothing; copies the arrays). New reference or NULL. */
OuroObject *ou_code_new(const uint32_t *code, const OuPos *pos, int32_t ncode,
                        const OuExcEntry *exc, int32_t nexc, OuroObject *consts,
                        OuroObject *names, OuroObject *localsplusnames, const uint8_t *kinds,
                        OuroObject *filename, OuroObject *name, OuroObject *qualname,
                        int32_t argcount, int32_t posonly, int32_t kwonly, int32_t nlocals,
                        int32_t stacksize, int32_t flags, int32_t firstlineno);
/* The handler of instruction index i, or NULL. Borrowed. */
const OuExcEntry *ou_code_handler(OuCode *co, int32_t i);

/* ---- funcobject.c / cellobject.c */
OuroObject *ou_function_new(OuroObject *code, OuroObject *globals, OuroObject *qualname);
OuroObject *ou_cell_new(OuroObject *value);  /* value borrowed, may be NULL */
OuroObject *ou_function_vectorcall(OuroObject *func, OuroObject *const *args,
                                   size_t nargs, OuroObject *kwnames);
/* The builtins dict for globals (globals['__builtins__'] or the interpreter's). Borrowed,
 * or NULL with an exception. */
OuroObject *ou_builtins_for(OuroObject *globals);

/* ---- frameobject.c */
/* The frame object of f, created on first need. Borrowed (f keeps it), or NULL. */
OuroObject *ou_frame_materialize(OuFrame *f);
/* Releases everything f holds (its call ended). Never fails. */
void ou_frame_clear(OuFrame *f);
int ou_frame_lasti(OuFrame *f);
/* A new dict of the bound local variables of f (or its locals mapping). */
OuroObject *ou_frame_locals_of(OuFrame *f);

/* ---- eval.c */
/* Pushes room for a frame of code on the thread's data stack: NULL with MemoryError. */
OuFrame *ou_frame_push(struct OuroThreadState *ts, OuCode *code);
void ou_frame_pop(struct OuroThreadState *ts, OuFrame *f);
/* Binds args (borrowed; new references are stored) to the parameters of func in f's
 * localsplus. 0, or -1 with TypeError. */
int ou_frame_bind_args(OuFrame *f, OuFunction *func, OuroObject *const *args,
                       size_t nargs, OuroObject *kwnames);
/* Initialises f's header for func (takes a new reference to func and to locals) and
 * clears its locals. */
void ou_frame_init(OuFrame *f, OuFunction *func, OuroObject *locals);
/* The header part of ou_frame_init: steals func and locals (may be NULL); the locals
 * are the caller's to fill. Never fails. */
static inline void ou_frame_init_header(OuFrame *f, OuFunction *func, OuCode *co,
                                        OuroObject *locals)
{
    f->f_func = (OuroObject *)func;
    f->f_code = co;
    f->f_globals = func->func_globals;
    f->f_builtins = func->func_builtins;
    f->f_locals = locals;
    f->previous = NULL;
    f->frame_obj = NULL;
    f->next_instr = co->co_code;
    f->stacktop = co->co_nlocalsplus;
    f->owner = OU_FRAME_THREAD;
    f->is_entry = 0;
}
/* Runs f until it returns (or yields: *yielded set to 1). throwflag: an exception is
 * pending and must be raised inside f at its current instruction. */
OuroObject *ou_eval_frame(struct OuroThreadState *ts, OuFrame *f, int throwflag);

/* ---- eval_support.c: the out-of-line parts of instructions (names as the loop uses
 * them). New references / NULL or -1 with an exception unless said otherwise. */
/* map[name]: NULL without an exception when absent. */
OuroObject *ou_ev_mapping_get(OuroObject *map, OuroObject *name);
/* raise exc [from cause]: always -1 with the exception set. Borrows both. */
int ou_ev_do_raise(OuroObject *exc, OuroObject *cause);
/* except T: -1 with TypeError unless t is an exception class or a tuple of them. */
int ou_ev_exc_match_check(OuroObject *t);
int ou_ev_exc_matches(OuroObject *exc, OuroObject *t);   /* 1 or 0 */
/* Unpacks seq into out[] in stack order (star >= 0: a list at index before). */
int ou_ev_unpack_iterable(OuroObject *seq, int before, int after, int star, OuroObject **out);
OuroObject *ou_ev_call_ex(OuroObject *func, OuroObject *args, OuroObject *kwargs);
/* "__main__.f()" or "int object", for call error messages. */
OuroObject *ou_ev_callable_desc(OuroObject *func);
int ou_ev_dict_merge_kwargs(OuroObject *func, OuroObject *d, OuroObject *src);
int ou_ev_dict_update(OuroObject *d, OuroObject *src);
/* type(o).name bound to o; NULL without an exception when the type has none. */
OuroObject *ou_ev_special_bound(OuroObject *o, const char *name);
OuroObject *ou_ev_import_name(OuFrame *f, OuroObject *name, OuroObject *fromlist,
                              OuroObject *level);
OuroObject *ou_ev_import_from(OuroObject *mod, OuroObject *name);
int ou_ev_import_star(OuFrame *f, OuroObject *mod);
OuroObject *ou_ev_format_value(OuroObject *v, int conv, OuroObject *spec);
OuroObject *ou_ev_ascii_of(OuroObject *v);
OuroObject *ou_ev_build_string(OuroObject **items, int n);
int ou_ev_setup_annotations(OuFrame *f);
int ou_ev_print_expr(OuroObject *v);
/* MAKE_FUNCTION: steals code and the flagged values vals[] (defaults first). */
OuroObject *ou_ev_make_function(OuFrame *f, OuroObject *code, int flags, OuroObject **vals);

/* ---- eval_match.c: the match statement's instructions */
enum { OU_MATCH_IS_SEQUENCE = 1, OU_MATCH_IS_MAPPING = 2 };
/* Whether subject matches sequence patterns (list, tuple, range and their subclasses:
 * OU_MATCH_IS_SEQUENCE) or mapping patterns (dict and subclasses, mappingproxy:
 * OU_MATCH_IS_MAPPING), else 0. Never fails. */
int ou_ev_match_kind(OuroObject *subject);
/* MATCH_KEYS: a new tuple of map's values for the tuple keys, or a new reference to None
 * when one is missing; NULL with an exception. Borrows both. */
OuroObject *ou_ev_match_keys(OuroObject *map, OuroObject *keys);
/* `**rest`: a new dict copied from map without keys; NULL with an exception. */
OuroObject *ou_ev_dict_without_keys(OuroObject *map, OuroObject *keys);
/* MATCH_CLASS: isinstance(subject, cls) and the attributes for nargs positional
 * sub-patterns (by __match_args__) and the names in kwnames. A new tuple; NULL without
 * an exception when it does not match, NULL with one on error. Borrows all. */
OuroObject *ou_ev_match_class(OuroObject *subject, OuroObject *cls, int nargs,
                              OuroObject *kwnames);

/* ---- ops.c */
OuroObject *ou_binary_op(OuroObject *a, OuroObject *b, int op);
OuroObject *ou_format_value(OuroObject *v, OuroObject *spec);

/* ---- genobject.c */
OuroObject *ou_gen_new_from_frame(OuFunction *func, OuroObject *const *args, size_t nargs,
                                  OuroObject *kwnames);
/* send(value): the next yielded value; NULL with StopIteration(value) at return when
 * exc_at_return, or NULL with *returned holding the return value. */
OuroObject *ou_gen_send_ex(OuroObject *gen, OuroObject *arg, int exc, OuroObject **returned);

#endif
