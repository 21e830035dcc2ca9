/* src/lang/ast.h — the abstract syntax tree: the contract between the parser and the
 * compiler. It mirrors CPython 3.11's Python.asdl (the subset ouro runs), so that
 * ou_ast_dump() can be compared with python3's ast.dump() in tests.
 *
 * Memory: every node, sequence and string of one parse lives in an OuAstArena and is
 * freed with it. Identifiers are interned str objects (immortal: no reference counting).
 * Constants are owned by the arena (it keeps a reference and drops it when freed). */
#ifndef OU_AST_H
#define OU_AST_H

#include "ouro.h"

typedef struct OuAstArena OuAstArena;

/* A new arena, or NULL with MemoryError. */
OuAstArena *ou_ast_arena_new(void);
/* Frees every node and drops every constant of the arena. */
void ou_ast_arena_free(OuAstArena *a);
/* n zeroed bytes that live as long as the arena; NULL with MemoryError. */
void *ou_ast_alloc(OuAstArena *a, size_t n);
/* Keeps a reference to o until the arena is freed (steals o). 0, or -1 with MemoryError
 * (o is then released). */
int ou_ast_keep(OuAstArena *a, OuroObject *o);

typedef struct OuExpr OuExpr;
typedef struct OuStmt OuStmt;
typedef struct { int n; OuroObject **items; } OuIdentSeq;
typedef struct OuArguments OuArguments;

/* Source position, as CPython's: lines 1-based, columns 0-based UTF-8 byte offsets. */
typedef struct OuLoc {
    int lineno, col_offset, end_lineno, end_col_offset;
} OuLoc;

/* Arena arrays: n items. */
typedef struct { int n; OuExpr **items; } OuExprSeq;
typedef struct { int n; OuStmt **items; } OuStmtSeq;

typedef enum { OU_LOAD = 1, OU_STORE, OU_DEL } OuExprContext;
typedef enum { OU_AND = 1, OU_OR } OuBoolOp;
typedef enum {
    OU_ADD = 1, OU_SUB, OU_MULT, OU_MATMULT, OU_DIV, OU_MOD, OU_POW, OU_LSHIFT, OU_RSHIFT,
    OU_BITOR, OU_BITXOR, OU_BITAND, OU_FLOORDIV
} OuOperator;
typedef enum { OU_INVERT = 1, OU_NOT, OU_UADD, OU_USUB } OuUnaryOp;
typedef enum {
    OU_EQ = 1, OU_NOTEQ, OU_LT, OU_LTE, OU_GT, OU_GTE, OU_IS, OU_ISNOT, OU_IN, OU_NOTIN
} OuCmpOp;

typedef struct OuKeyword {          /* f(arg=value); arg NULL for **value */
    OuroObject *arg;
    OuExpr *value;
    OuLoc loc;
} OuKeyword;
typedef struct { int n; OuKeyword **items; } OuKeywordSeq;

typedef struct OuComprehension {    /* for target in iter if ifs... */
    OuExpr *target, *iter;
    OuExprSeq ifs;
    int is_async;
} OuComprehension;
typedef struct { int n; OuComprehension **items; } OuComprehensionSeq;

typedef enum {
    OU_BOOLOP_KIND = 1, OU_NAMEDEXPR_KIND, OU_BINOP_KIND, OU_UNARYOP_KIND, OU_LAMBDA_KIND,
    OU_IFEXP_KIND, OU_DICT_KIND, OU_SET_KIND, OU_LISTCOMP_KIND, OU_SETCOMP_KIND,
    OU_DICTCOMP_KIND, OU_GENERATOREXP_KIND, OU_AWAIT_KIND, OU_YIELD_KIND,
    OU_YIELDFROM_KIND, OU_COMPARE_KIND, OU_CALL_KIND, OU_FORMATTEDVALUE_KIND,
    OU_JOINEDSTR_KIND, OU_CONSTANT_KIND, OU_ATTRIBUTE_KIND, OU_SUBSCRIPT_KIND,
    OU_STARRED_KIND, OU_NAME_KIND, OU_LIST_KIND, OU_TUPLE_KIND, OU_SLICE_KIND
} OuExprKind;

struct OuExpr {
    OuExprKind kind;
    OuLoc loc;
    union {
        struct { OuBoolOp op; OuExprSeq values; } boolop;
        struct { OuExpr *target, *value; } namedexpr;
        struct { OuExpr *left; OuOperator op; OuExpr *right; } binop;
        struct { OuUnaryOp op; OuExpr *operand; } unaryop;
        struct { OuArguments *args; OuExpr *body; } lambda;
        struct { OuExpr *test, *body, *orelse; } ifexp;
        struct { OuExprSeq keys, values; } dict;          /* keys[i] NULL: **values[i] */
        struct { OuExprSeq elts; } set;
        struct { OuExpr *elt; OuComprehensionSeq generators; } comp; /* list/set/genexp */
        struct { OuExpr *key, *value; OuComprehensionSeq generators; } dictcomp;
        struct { OuExpr *value; } await_;
        struct { OuExpr *value; } yield;                   /* value may be NULL */
        struct { OuExpr *value; } yieldfrom;
        struct { OuExpr *left; int n; OuCmpOp *ops; OuExprSeq comparators; } compare;
        struct { OuExpr *func; OuExprSeq args; OuKeywordSeq keywords; } call;
        /* conversion: -1 none, 's', 'r', 'a'; format_spec NULL or a JoinedStr */
        struct { OuExpr *value; int conversion; OuExpr *format_spec; } formattedvalue;
        struct { OuExprSeq values; } joinedstr;
        /* value: None, True, False, Ellipsis, int, float, str, bytes (owned by the
         * arena); kind is "u" for u-prefixed strings, else NULL (as ast.Constant.kind) */
        struct { OuroObject *value; const char *kind; } constant;
        struct { OuExpr *value; OuroObject *attr; OuExprContext ctx; } attribute;
        struct { OuExpr *value, *slice; OuExprContext ctx; } subscript;
        struct { OuExpr *value; OuExprContext ctx; } starred;
        struct { OuroObject *id; OuExprContext ctx; } name;
        struct { OuExprSeq elts; OuExprContext ctx; } list;  /* also Tuple */
        struct { OuExpr *lower, *upper, *step; } slice;      /* each may be NULL */
    } v;
};

typedef struct OuArg {              /* a parameter */
    OuroObject *arg;
    OuExpr *annotation;             /* or NULL */
    OuLoc loc;
} OuArg;
typedef struct { int n; OuArg **items; } OuArgSeq;

struct OuArguments {
    OuArgSeq posonlyargs, args;
    OuArg *vararg;                  /* or NULL */
    OuArgSeq kwonlyargs;
    OuExprSeq kw_defaults;          /* one per kwonlyarg, NULL where none */
    OuArg *kwarg;                   /* or NULL */
    OuExprSeq defaults;             /* for the last len(defaults) of posonlyargs+args */
};

typedef struct OuAlias {            /* import name as asname */
    OuroObject *name, *asname;      /* asname may be NULL; name may be dotted or "*" */
    OuLoc loc;
} OuAlias;
typedef struct { int n; OuAlias **items; } OuAliasSeq;

typedef struct OuWithItem {
    OuExpr *context_expr, *optional_vars; /* optional_vars may be NULL */
} OuWithItem;
typedef struct { int n; OuWithItem **items; } OuWithItemSeq;

typedef struct OuExceptHandler {
    OuExpr *type;                   /* or NULL (bare except) */
    OuroObject *name;               /* or NULL */
    OuStmtSeq body;
    OuLoc loc;
} OuExceptHandler;
typedef struct { int n; OuExceptHandler **items; } OuExceptHandlerSeq;

/* The parser produces the Async* kinds, Await and is_async comprehensions for async
 * syntax (so that dumps match CPython); ouro has no coroutines: the compiler must reject
 * them with a SyntaxError rather than compile them as their synchronous forms. */
typedef enum {
    OU_FUNCTIONDEF_KIND = 1, OU_ASYNCFUNCTIONDEF_KIND, OU_CLASSDEF_KIND, OU_RETURN_KIND,
    OU_DELETE_KIND, OU_ASSIGN_KIND, OU_AUGASSIGN_KIND, OU_ANNASSIGN_KIND, OU_FOR_KIND,
    OU_ASYNCFOR_KIND, OU_WHILE_KIND, OU_IF_KIND, OU_WITH_KIND, OU_ASYNCWITH_KIND,
    OU_RAISE_KIND, OU_TRY_KIND, OU_ASSERT_KIND, OU_IMPORT_KIND, OU_IMPORTFROM_KIND,
    OU_GLOBAL_KIND, OU_NONLOCAL_KIND, OU_EXPR_KIND, OU_PASS_KIND, OU_BREAK_KIND,
    OU_CONTINUE_KIND, OU_MATCH_KIND
} OuStmtKind;

/* Patterns of the match statement (PEP 634), as Python.asdl's `pattern`. */
typedef struct OuPattern OuPattern;
typedef struct { int n; OuPattern **items; } OuPatternSeq;
typedef enum {
    OU_MATCHVALUE_KIND = 1, OU_MATCHSINGLETON_KIND, OU_MATCHSEQUENCE_KIND,
    OU_MATCHMAPPING_KIND, OU_MATCHCLASS_KIND, OU_MATCHSTAR_KIND, OU_MATCHAS_KIND,
    OU_MATCHOR_KIND
} OuPatternKind;

struct OuPattern {
    OuPatternKind kind;
    OuLoc loc;
    union {
        struct { OuExpr *value; } value;                   /* MatchValue */
        struct { OuroObject *value; } singleton;           /* None, True, False */
        struct { OuPatternSeq patterns; } seq;             /* MatchSequence, MatchOr */
        /* rest: the name of `**rest`, or NULL */
        struct { OuExprSeq keys; OuPatternSeq patterns; OuroObject *rest; } mapping;
        struct { OuExpr *cls; OuPatternSeq patterns; OuIdentSeq kwd_attrs;
                 OuPatternSeq kwd_patterns; } cls;
        struct { OuroObject *name; } star;                 /* name NULL: `*_` */
        struct { OuPattern *pattern; OuroObject *name; } as; /* both NULL: `_` */
    } v;
};

typedef struct OuMatchCase {        /* case pattern if guard: body */
    OuPattern *pattern;
    OuExpr *guard;                  /* or NULL */
    OuStmtSeq body;
} OuMatchCase;
typedef struct { int n; OuMatchCase **items; } OuMatchCaseSeq;

struct OuStmt {
    OuStmtKind kind;
    OuLoc loc;
    union {
        struct { OuroObject *name; OuArguments *args; OuStmtSeq body;
                 OuExprSeq decorator_list; OuExpr *returns; } functiondef;
        struct { OuroObject *name; OuExprSeq bases; OuKeywordSeq keywords;
                 OuStmtSeq body; OuExprSeq decorator_list; } classdef;
        struct { OuExpr *value; } return_;                 /* value may be NULL */
        struct { OuExprSeq targets; } delete_;
        struct { OuExprSeq targets; OuExpr *value; } assign;
        struct { OuExpr *target; OuOperator op; OuExpr *value; } augassign;
        struct { OuExpr *target, *annotation, *value; int simple; } annassign;
        struct { OuExpr *target, *iter; OuStmtSeq body, orelse; } for_;
        struct { OuExpr *test; OuStmtSeq body, orelse; } while_;
        struct { OuExpr *test; OuStmtSeq body, orelse; } if_;
        struct { OuWithItemSeq items; OuStmtSeq body; } with;
        struct { OuExpr *exc, *cause; } raise;             /* both may be NULL */
        struct { OuStmtSeq body; OuExceptHandlerSeq handlers; OuStmtSeq orelse,
                 finalbody; } try_;
        struct { OuExpr *test, *msg; } assert_;
        struct { OuAliasSeq names; } import;
        struct { OuroObject *module; OuAliasSeq names; int level; } importfrom;
        struct { OuIdentSeq names; } global;               /* also Nonlocal */
        struct { OuExpr *value; } expr;
        struct { OuExpr *subject; OuMatchCaseSeq cases; } match;
    } v;
};

typedef enum { OU_MODULE_KIND = 1, OU_INTERACTIVE_KIND, OU_EXPRESSION_KIND } OuModKind;
typedef struct OuMod {
    OuModKind kind;
    OuStmtSeq body;                 /* Module, Interactive */
    OuExpr *expr;                   /* Expression */
} OuMod;

/* What to parse: a file (Module), one interactive statement (Interactive, as the REPL
 * and compile(..., 'single')), or an expression (Expression, as eval()). */
typedef enum { OU_PARSE_FILE = 0, OU_PARSE_SINGLE, OU_PARSE_EVAL } OuParseMode;

/* Parses UTF-8 source text. Returns the tree (in the arena), or NULL with SyntaxError /
 * IndentationError / TabError set, carrying CPython's message and position (filename,
 * lineno, offset, text, end_lineno, end_offset as SyntaxError's args), or MemoryError.
 * Unlike CPython, `incomplete` (may be NULL) is set to 1 when the error is only that the
 * input ended inside an open construct — the REPL uses it to ask for more lines. */
OuMod *ou_parse(OuAstArena *a, const char *src, size_t len, const char *filename,
                OuParseMode mode, int *incomplete);

/* Raises type (SyntaxError or a subclass; NULL: SyntaxError) at loc, for the compiler
 * and the symtable (owner: parser). msg is printf-formatted. args are CPython's:
 * (msg, (filename, lineno, offset, text, end_lineno, end_offset)); the text is line
 * loc->lineno read from the file named filename when it can be read (as CPython's
 * compiler does), else None. Returns NULL. */
OuroObject *ou_syntax_error_at(OuroType *type, OuroObject *filename, const OuLoc *loc,
                               const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* ast.dump(tree) as python3 prints it (no attributes, default indent None): for tests.
 * New str, or NULL with an exception. */
OuroObject *ou_ast_dump(const OuMod *m);
/* For tests (owner: parser): the positions of every node that has one, in ast.walk()
 * order, as python3 prints
 * [(type(n).__name__, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset) ...].
 * New str, or NULL with an exception. */
OuroObject *ou_ast_positions(const OuMod *m);

#endif
