/* src/lang/compile.h — internal state of the compiler, shared by compile.c (units,
 * emission, assembly), compile_stmt.c, compile_expr.c and compile_match.c. */
#ifndef OU_COMPILE_H
#define OU_COMPILE_H

#include "eval.h"
#include "symtable.h"

typedef struct OuInstr {
    uint32_t word;
    int32_t handler;          /* index in the unit's handler records, or -1 */
    uint8_t is_jump;          /* the argument is a label id until assembly */
    OuPos pos;
} OuInstr;

typedef struct OuLabelInfo {
    int32_t target;           /* instruction index, -1 until bound */
    int32_t depth;            /* stack depth on arrival, -1 unknown */
} OuLabelInfo;

typedef struct OuHandlerRec {
    int32_t label, depth;
} OuHandlerRec;

/* Frame blocks: what a break / continue / return must undo on its way out. */
enum { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_HANDLER_CLEANUP,
       FB_WITH, FB_EXCEPTION_HANDLER, FB_POP_VALUE };
typedef struct OuFBlock {
    int type;
    int32_t start, exit;      /* labels: loop start (continue), break target */
    const OuStmtSeq *finalbody;   /* FB_FINALLY_TRY */
    OuroObject *name;         /* FB_HANDLER_CLEANUP: the `as` name, or NULL */
    int handlers_depth;       /* the handler stack height when the block was entered */
} OuFBlock;

enum { CU_MODULE, CU_CLASS, CU_FUNCTION, CU_LAMBDA, CU_COMPREHENSION };

#define OU_MAX_BLOCKS 20

typedef struct OuCUnit {
    struct OuCUnit *parent;
    OuSymScope *ste;
    int type;                 /* CU_* */
    OuroObject *name, *qualname, *private_name;
    OuroObject *consts, *names, *lpnames;   /* lists */
    OuroObject *names_map, *lp_map;         /* dicts: name -> index */
    OuroObject *consts_map;                 /* dict: exact str/int constant -> index */
    int singleton_idx[4];                   /* None, True, False, ...: index + 1 */
    uint8_t *kinds;
    int nkinds, kinds_cap;
    OuInstr *code;
    int ncode, code_cap;
    OuLabelInfo *labels;
    int nlabels, labels_cap;
    int32_t last_bound;       /* ncode when a label was last bound (no fusion across it) */
    OuHandlerRec *hrecs;      /* every handler ever pushed */
    int nhrecs, hrecs_cap;
    int32_t hstack[64];       /* the active handlers (indices in hrecs) */
    int nhstack;
    OuFBlock fblocks[OU_MAX_BLOCKS];
    int nfblocks;
    int depth, maxdepth;
    int argcount, posonly, kwonly, flags, firstlineno, nlocals;
    OuLoc loc;                /* the location given to emitted instructions */
    int in_finally_body;
} OuCUnit;

typedef struct OuCompiler {
    OuSrcInfo si;
    OuSymScope *top;
    OuCUnit *u;
    int interactive;
    int nesting;              /* expression nesting, against C stack overflow */
} OuCompiler;

/* compile.c */
int ou_c_emit(OuCompiler *c, int op, int arg);
/* Grows the array *p (capacity *cap items of item bytes, doubling) to hold need items.
 * 0, or -1 with MemoryError (*p unchanged). */
int ou_c_grow(void **p, int *cap, int need, size_t item);
int ou_c_emit_jump(OuCompiler *c, int op, int32_t label);
int32_t ou_c_new_label(OuCompiler *c);
int ou_c_bind_label(OuCompiler *c, int32_t label);
int ou_c_const(OuCompiler *c, OuroObject *v);        /* index in co_consts, or -1 */
int ou_c_load_const(OuCompiler *c, OuroObject *v);   /* borrows v */
int ou_c_name_index(OuCompiler *c, OuroObject *name); /* co_names index (mangled) */
int ou_c_push_handler(OuCompiler *c, int32_t label, int depth);
void ou_c_pop_handler(OuCompiler *c);
int ou_c_push_fblock(OuCompiler *c, int type, int32_t start, int32_t exit, const OuLoc *loc);
void ou_c_pop_fblock(OuCompiler *c);
int ou_c_enter_scope(OuCompiler *c, OuroObject *name, int type, const void *node, int lineno);
void ou_c_exit_scope(OuCompiler *c);
/* Assembles the current unit into a code object (new reference, or NULL). */
OuroObject *ou_c_assemble(OuCompiler *c);
int ou_c_error(OuCompiler *c, const OuLoc *loc, const char *fmt, ...);
/* The localsplus index of a cell or free variable of the current unit, or -1. */
int ou_c_deref_index(OuCompiler *c, OuroObject *name);
/* Loads or stores a name with the right instruction for its scope. */
int ou_c_nameop(OuCompiler *c, OuroObject *name, OuExprContext ctx);
/* Pushes a function (or class body) made of code, with its closure; flags as
 * MAKE_FUNCTION's (the defaults etc. already on the stack). Steals nothing. */
int ou_c_make_closure(OuCompiler *c, OuroObject *code, int flags);

/* compile_stmt.c */
int ou_c_stmt(OuCompiler *c, const OuStmt *s);
int ou_c_body(OuCompiler *c, const OuStmtSeq *body);
/* Jumps to label when e's truth equals cond (e consumed either way). */
int ou_c_jump_if(OuCompiler *c, const OuExpr *e, int32_t label, int cond);
/* compile_match.c */
int ou_c_match(OuCompiler *c, const OuStmt *s);
/* compile_expr.c */
int ou_c_expr(OuCompiler *c, const OuExpr *e);
int ou_c_store_target(OuCompiler *c, const OuExpr *target);
int ou_c_function_body(OuCompiler *c, const OuStmt *s);
int ou_c_lambda(OuCompiler *c, const OuExpr *e);
int ou_c_call_helper(OuCompiler *c, int n_already, const OuExprSeq *args,
                     const OuKeywordSeq *kws, const OuLoc *loc);
int ou_c_defaults(OuCompiler *c, const OuArguments *a, const OuExpr *returns, int *flags);
/* Folds a constant expression: new reference, NULL without exception when not constant
 * (or too big to fold), NULL with an exception on error. */
OuroObject *ou_c_fold(OuCompiler *c, const OuExpr *e);

#endif
