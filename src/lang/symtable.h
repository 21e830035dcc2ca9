/* src/lang/symtable.h — the symbol table: one scope per module, class, function, lambda
 * and comprehension, each name resolved to local / global / free / cell as CPython's
 * symtable.c does. Built from the AST before code generation (compile.c). */
#ifndef OU_SYMTABLE_H
#define OU_SYMTABLE_H

#include "lang.h"

enum { OU_ST_MODULE, OU_ST_CLASS, OU_ST_FUNCTION };

/* What a scope does with a name (flags, several may be set). */
enum {
    OU_DEF_GLOBAL = 1, OU_DEF_LOCAL = 2, OU_DEF_PARAM = 4, OU_DEF_NONLOCAL = 8,
    OU_DEF_USE = 16, OU_DEF_FREE_CLASS = 32, OU_DEF_IMPORT = 64, OU_DEF_ANNOT = 128,
    OU_DEF_BOUND = OU_DEF_LOCAL | OU_DEF_PARAM | OU_DEF_IMPORT
};
/* The resolution of a name, in the bits above OU_SC_SHIFT. */
enum { OU_SC_LOCAL = 1, OU_SC_GLOBAL_EXPLICIT, OU_SC_GLOBAL_IMPLICIT, OU_SC_FREE, OU_SC_CELL };
#define OU_SC_SHIFT 12
#define OU_SC_OF(flags) ((flags) >> OU_SC_SHIFT)

typedef struct OuSymScope {
    int kind;                       /* OU_ST_* */
    OuroObject *name;               /* str (new reference) */
    OuroObject *symbols;            /* dict: name -> int flags | scope << OU_SC_SHIFT */
    OuroObject *varnames;           /* list: the parameters, in order */
    struct OuSymScope **children;
    int nchildren, cap, next_child; /* next_child: the compiler's cursor */
    const void *node;               /* the statement or expression that opened it */
    struct OuSymScope *parent;
    int is_generator, is_lambda, comp_kind; /* comp_kind: OU_*COMP_KIND or 0 */
    int needs_class_closure;        /* a class whose methods use __class__ */
    int has_annotations;            /* module/class with annotated assignments */
    int lineno;
    OuroObject *decl_lines;         /* dict: nonlocal name -> line of its declaration */
} OuSymScope;

/* Where errors point: the file name and, when known, the source (for the error's text). */
typedef struct OuSrcInfo {
    OuroObject *filename;           /* str, borrowed */
    const char *src;                /* or NULL */
    size_t len;
} OuSrcInfo;

/* Builds the table of a module tree. Returns the module scope, or NULL with SyntaxError
 * (CPython's messages, at the node's location) or MemoryError. */
OuSymScope *ou_symtable_build(const OuMod *m, const OuSrcInfo *si);
void ou_symtable_free(OuSymScope *s);
/* The scope opened by node (a child of s, found in order). Borrowed, or NULL. */
OuSymScope *ou_symtable_child(OuSymScope *s, const void *node);
/* The flags of name in s (0 if unknown). */
int ou_symtable_lookup(OuSymScope *s, OuroObject *name);
/* _Class__name mangling of private names inside a class. New reference, or NULL. */
OuroObject *ou_mangle(OuroObject *privateobj, OuroObject *name);
/* Raises SyntaxError(msg) located at loc. Returns -1. */
int ou_st_error(const OuSrcInfo *si, const OuLoc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
