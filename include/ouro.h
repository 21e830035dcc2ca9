/* ouro.h — the public API of libouro: a runtime with CPython's memory management.
 *
 * Conventions (docs/c-api.md): every function that returns an object says whether the
 * reference is new or borrowed; a function that takes over ("steals") an argument's
 * reference says so. Functions that fail return NULL (or -1) with an exception set in the
 * current thread state. All calls need a current runtime (ouro_runtime_new). */
#ifndef OURO_H
#define OURO_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OURO_VERSION "0.1.0"
#define OURO_API __attribute__((visibility("default")))

/* ---------------------------------------------------------------- the object header --
 * One machine word: a 32-bit reference count beside a 32-bit type info word whose low 24
 * bits index the process-wide type table and whose high 8 bits are object flags owned by
 * the collector. GC-tracked objects carry an 8-byte GC header just before this header.
 * Why one word: docs/internals/object-layout.md. */
typedef struct OuroObject {
    uint32_t ob_refcnt;
    uint32_t ob_tinfo;
} OuroObject;

typedef struct OuroType OuroType;
typedef int64_t ouro_ssize;  /* sizes and indices, as Py_ssize_t */
typedef int64_t ouro_hash;   /* hash values, as Py_hash_t; -1 means error */

#define OURO_TID_BITS 24
#define OURO_TID_MASK ((1u << OURO_TID_BITS) - 1)
#define OURO_MAX_TYPES (1u << 20)
#define OURO_TID_TYPE 1u /* `type` always has id 1; 0 is never a valid id */

/* The type table: entry i is the type whose tp_id is i. Static built-in types are entered
 * at process start, classes when they are created. Read-only for users. */
OURO_API extern OuroType *ouro_type_table[OURO_MAX_TYPES];

/* Reference counts with the high bit set mark immortal objects (None, True, False, small
 * ints, interned strings, static types): INCREF/DECREF leave them alone. A count that
 * reaches 2^31 makes its object immortal (it then leaks rather than overflows). */
#define OURO_IMMORTAL_REFCNT 0xC0000000u
#define OURO_STATIC_HEAD(tid) { OURO_IMMORTAL_REFCNT, (tid) }

static inline OuroType *ouro_type(const OuroObject *o)
{
    return ouro_type_table[o->ob_tinfo & OURO_TID_MASK];
}
static inline bool ouro_is_immortal(const OuroObject *o)
{
    return (int32_t)o->ob_refcnt < 0;
}

/* Called when a count reaches zero: finalizes and frees o. */
OURO_API void ouro_dealloc(OuroObject *o);
/* Reports a DECREF of an object whose count is already zero, and aborts. */
OURO_API void ouro_refcnt_underflow(OuroObject *o, const char *file, int line);

static inline void ouro_incref(OuroObject *o)
{
    if ((int32_t)o->ob_refcnt >= 0)
        o->ob_refcnt++;
}
static inline void ouro_decref_at(OuroObject *o, const char *file, int line)
{
    if ((int32_t)o->ob_refcnt >= 0) {
#ifdef OURO_CHECK_REFCNT
        if (o->ob_refcnt == 0)
            ouro_refcnt_underflow(o, file, line);
#else
        (void)file; (void)line;
#endif
        if (--o->ob_refcnt == 0)
            ouro_dealloc(o);
    }
}

#define OURO_TYPE(o)    ouro_type((const OuroObject *)(o))
#define OURO_INCREF(o)  ouro_incref((OuroObject *)(o))
#define OURO_DECREF(o)  ouro_decref_at((OuroObject *)(o), __FILE__, __LINE__)
#define OURO_XINCREF(o) do { OuroObject *ou_x_ = (OuroObject *)(o); if (ou_x_) OURO_INCREF(ou_x_); } while (0)
#define OURO_XDECREF(o) do { OuroObject *ou_x_ = (OuroObject *)(o); if (ou_x_) OURO_DECREF(ou_x_); } while (0)
/* Drops the reference in a variable and sets it to NULL before the DECREF runs, so a
 * destructor that looks at the variable never sees a dangling pointer. */
#define OURO_CLEAR(v) do { OuroObject *ou_t_ = (OuroObject *)(v); if (ou_t_) { (v) = NULL; OURO_DECREF(ou_t_); } } while (0)
#define OURO_SETREF(v, nv) do { OuroObject *ou_t_ = (OuroObject *)(v); (v) = (nv); OURO_XDECREF(ou_t_); } while (0)
/* Returns a new reference to o (o is returned). */
static inline OuroObject *ouro_newref(OuroObject *o) { ouro_incref(o); return o; }
#define OURO_NEWREF(o) ouro_newref((OuroObject *)(o))

/* ------------------------------------------------------------------- type objects -- */
typedef void (*ouro_destructor)(OuroObject *);
typedef int (*ouro_visitproc)(OuroObject *, void *);
typedef int (*ouro_traverseproc)(OuroObject *, ouro_visitproc, void *);
typedef int (*ouro_inquiry)(OuroObject *);
typedef OuroObject *(*ouro_unaryfunc)(OuroObject *);
typedef OuroObject *(*ouro_binaryfunc)(OuroObject *, OuroObject *);
typedef OuroObject *(*ouro_ternaryfunc)(OuroObject *, OuroObject *, OuroObject *);
typedef ouro_hash (*ouro_hashfunc)(OuroObject *);
typedef OuroObject *(*ouro_richcmpfunc)(OuroObject *, OuroObject *, int);
typedef OuroObject *(*ouro_getattrofunc)(OuroObject *, OuroObject *);
typedef int (*ouro_setattrofunc)(OuroObject *, OuroObject *, OuroObject *);
typedef ouro_ssize (*ouro_lenfunc)(OuroObject *);
typedef OuroObject *(*ouro_ssizeargfunc)(OuroObject *, ouro_ssize);
typedef int (*ouro_ssizeobjargproc)(OuroObject *, ouro_ssize, OuroObject *);
typedef int (*ouro_objobjproc)(OuroObject *, OuroObject *);
typedef int (*ouro_objobjargproc)(OuroObject *, OuroObject *, OuroObject *);
typedef OuroObject *(*ouro_newfunc)(OuroType *, OuroObject *, OuroObject *);
typedef int (*ouro_initproc)(OuroObject *, OuroObject *, OuroObject *);
typedef OuroObject *(*ouro_descrgetfunc)(OuroObject *, OuroObject *, OuroObject *);
typedef int (*ouro_descrsetfunc)(OuroObject *, OuroObject *, OuroObject *);
/* Vector calls: args[0..nargs) positional, then one per name in kwnames (a tuple or NULL). */
typedef OuroObject *(*ouro_vectorcallfunc)(OuroObject *callable, OuroObject *const *args,
                                           size_t nargs, OuroObject *kwnames);

/* Rich comparison operators (as CPython's Py_LT..Py_GE). */
enum { OURO_LT = 0, OURO_LE = 1, OURO_EQ = 2, OURO_NE = 3, OURO_GT = 4, OURO_GE = 5 };

typedef struct OuroNumberMethods {
    ouro_binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    ouro_ternaryfunc nb_power;
    ouro_unaryfunc nb_negative, nb_positive, nb_absolute;
    ouro_inquiry nb_bool;
    ouro_unaryfunc nb_invert;
    ouro_binaryfunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    ouro_unaryfunc nb_int, nb_float;
    ouro_binaryfunc nb_floor_divide, nb_true_divide;
    ouro_unaryfunc nb_index;
    ouro_binaryfunc nb_matrix_multiply;
    /* In-place forms; NULL falls back to the plain form. */
    ouro_binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
        nb_inplace_remainder;
    ouro_ternaryfunc nb_inplace_power;
    ouro_binaryfunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor,
        nb_inplace_or, nb_inplace_floor_divide, nb_inplace_true_divide,
        nb_inplace_matrix_multiply;
} OuroNumberMethods;

typedef struct OuroSequenceMethods {
    ouro_lenfunc sq_length;
    ouro_binaryfunc sq_concat;
    ouro_ssizeargfunc sq_repeat;
    ouro_ssizeargfunc sq_item;
    ouro_ssizeobjargproc sq_ass_item; /* value NULL: delete */
    ouro_objobjproc sq_contains;      /* 1, 0, or -1 with an exception */
    ouro_binaryfunc sq_inplace_concat;
    ouro_ssizeargfunc sq_inplace_repeat;
} OuroSequenceMethods;

typedef struct OuroMappingMethods {
    ouro_lenfunc mp_length;
    ouro_binaryfunc mp_subscript;
    ouro_objobjargproc mp_ass_subscript; /* value NULL: delete */
} OuroMappingMethods;

/* Built-in methods: the calling conventions a C method can use. */
enum {
    OURO_METH_NOARGS = 0x1,   /* f(self, NULL) */
    OURO_METH_O = 0x2,        /* f(self, arg) */
    OURO_METH_FASTCALL = 0x4, /* f(self, args, nargs) */
    OURO_METH_KEYWORDS = 0x8, /* with FASTCALL: f(self, args, nargs, kwnames) */
    OURO_METH_CLASS = 0x10,   /* a classmethod: self is the type */
    OURO_METH_STATIC = 0x20,  /* a staticmethod: self is NULL */
};
typedef OuroObject *(*ouro_cfunction)(OuroObject *self, OuroObject *arg);
typedef OuroObject *(*ouro_cfunction_fast)(OuroObject *self, OuroObject *const *args,
                                           ouro_ssize nargs);
typedef OuroObject *(*ouro_cfunction_fast_kw)(OuroObject *self, OuroObject *const *args,
                                              ouro_ssize nargs, OuroObject *kwnames);
typedef struct OuroMethodDef {
    const char *ml_name;
    void (*ml_meth)(void); /* one of the ouro_cfunction* types, cast; see ml_flags */
    int ml_flags;
    const char *ml_doc;
} OuroMethodDef;
#define OURO_METH(f) ((void (*)(void))(f))

/* Fixed fields exposed as attributes (member descriptors), e.g. __slots__ fields. */
enum { OURO_MEMBER_OBJECT = 1, OURO_MEMBER_OBJECT_EX = 2, OURO_MEMBER_INT64 = 3,
       OURO_MEMBER_DOUBLE = 4, OURO_MEMBER_BOOL = 5 };
enum { OURO_MEMBER_READONLY = 1 };
typedef struct OuroMemberDef {
    const char *name;
    int type;
    ouro_ssize offset;
    int flags;
    const char *doc;
} OuroMemberDef;

typedef OuroObject *(*ouro_getter)(OuroObject *, void *);
typedef int (*ouro_setter)(OuroObject *, OuroObject *, void *);
typedef struct OuroGetSetDef {
    const char *name;
    ouro_getter get;
    ouro_setter set; /* NULL: read-only */
    const char *doc;
    void *closure;
} OuroGetSetDef;

/* tp_flags */
enum {
    OURO_TPFLAG_GC = 1u << 0,          /* instances carry a GC header and may be tracked */
    OURO_TPFLAG_HEAPTYPE = 1u << 1,    /* created at run time (a class), refcounted */
    OURO_TPFLAG_BASETYPE = 1u << 2,    /* may be subclassed */
    OURO_TPFLAG_READY = 1u << 3,       /* ouro_type_ready has run */
    OURO_TPFLAG_IMMUTABLE = 1u << 4,   /* attributes cannot be set on the type */
    OURO_TPFLAG_ABSTRACT = 1u << 5,
    OURO_TPFLAG_HAS_FINALIZE = 1u << 6,
    OURO_TPFLAG_METHOD_DESCRIPTOR = 1u << 7, /* instances bind like functions: the eval
                                                loop may call them unbound with self */
    /* Fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS. */
    OURO_TPFLAG_INT_SUBCLASS = 1u << 20,
    OURO_TPFLAG_LIST_SUBCLASS = 1u << 21,
    OURO_TPFLAG_TUPLE_SUBCLASS = 1u << 22,
    OURO_TPFLAG_BYTES_SUBCLASS = 1u << 23,
    OURO_TPFLAG_STR_SUBCLASS = 1u << 24,
    OURO_TPFLAG_DICT_SUBCLASS = 1u << 25,
    OURO_TPFLAG_BASE_EXC_SUBCLASS = 1u << 26,
    OURO_TPFLAG_TYPE_SUBCLASS = 1u << 27,
};

struct OuroType {
    OuroObject ob_base;
    const char *tp_name;           /* "list"; for heap types, points into tp_name_obj */
    uint32_t tp_id;                /* index in ouro_type_table, set by ouro_type_ready */
    uint32_t tp_flags;
    ouro_ssize tp_basicsize;       /* bytes of an instance, without the GC header */
    ouro_ssize tp_itemsize;        /* bytes per item of variable-size instances */

    ouro_destructor tp_dealloc;    /* releases references and frees; see ouro_object_free */
    ouro_traverseproc tp_traverse; /* visits every owned reference (GC types) */
    ouro_inquiry tp_clear;         /* drops references to break cycles (GC types) */
    ouro_destructor tp_finalize;   /* __del__; may resurrect */

    ouro_unaryfunc tp_repr, tp_str;
    ouro_hashfunc tp_hash;         /* NULL: inherit; ouro_hash_not_implemented: unhashable */
    ouro_richcmpfunc tp_richcompare;
    ouro_getattrofunc tp_getattro;
    ouro_setattrofunc tp_setattro;
    ouro_unaryfunc tp_iter;
    ouro_unaryfunc tp_iternext;    /* NULL without exception at the end */
    ouro_ternaryfunc tp_call;
    ouro_vectorcallfunc tp_vectorcall; /* a faster tp_call for this type's instances
                                          (not CPython's "call the type itself") */
    ouro_descrgetfunc tp_descr_get;
    ouro_descrsetfunc tp_descr_set;
    ouro_newfunc tp_new;
    ouro_initproc tp_init;

    const OuroNumberMethods *tp_as_number;
    const OuroSequenceMethods *tp_as_sequence;
    const OuroMappingMethods *tp_as_mapping;
    const OuroMethodDef *tp_methods;
    const OuroMemberDef *tp_members;
    const OuroGetSetDef *tp_getset;

    OuroType *tp_base;             /* borrowed for static types, owned for heap types */
    OuroObject *tp_bases;          /* tuple, owned */
    OuroObject *tp_mro;            /* tuple, owned */
    OuroObject *tp_dict;           /* dict, owned */
    OuroObject *tp_name_obj;       /* str, owned (heap types) */
    OuroObject *tp_subclasses;     /* reserved for the language layer */
    ouro_ssize tp_dictoffset;      /* offset of the instance __dict__ pointer, 0: none */
    ouro_ssize tp_weaklistoffset;  /* offset of the instance weakref list, 0: none */
    const char *tp_doc;
    void *tp_lang;                 /* reserved for the language layer */
    OuroObject *tp_weaklist;       /* weak references to this type (issue 6): type's
                                      tp_weaklistoffset points here */
};

/* Built-in types of this header (more in include/ouro/\*.h). */
OURO_API extern OuroType ouro_type_type;     /* type */
OURO_API extern OuroType ouro_object_type;   /* object */
OURO_API extern OuroType ouro_none_type;     /* NoneType */
OURO_API extern OuroType ouro_notimplemented_type;
OURO_API extern OuroType ouro_ellipsis_type;

OURO_API extern OuroObject ouro_none_object;
OURO_API extern OuroObject ouro_notimplemented_object;
OURO_API extern OuroObject ouro_ellipsis_object;
#define OURO_NONE (&ouro_none_object)
#define OURO_NOTIMPLEMENTED (&ouro_notimplemented_object)
#define OURO_ELLIPSIS (&ouro_ellipsis_object)
/* Returns a new reference to None (immortal: the reference costs nothing). */
#define OURO_RETURN_NONE return OURO_NONE
#define OURO_RETURN_NOTIMPLEMENTED return OURO_NOTIMPLEMENTED

/* Enters a type in the type table and fills inherited slots. 0, or -1 with an exception. */
OURO_API int ouro_type_ready(OuroType *t);
/* 1 if a is b or a subclass of b (walks tp_base chains / the MRO). Never fails. */
OURO_API int ouro_type_is_subtype(const OuroType *a, const OuroType *b);
/* The name used in messages ("list", "int", a class's __name__). Borrowed C string. */
OURO_API const char *ouro_type_name(const OuroType *t);
#define OURO_TYPE_NAME(o) ouro_type_name(OURO_TYPE(o))
static inline bool ouro_type_has_flag(const OuroType *t, uint32_t f) { return (t->tp_flags & f) != 0; }
static inline bool ouro_is_type(const OuroObject *o, const OuroType *t) { return OURO_TYPE(o) == t; }
#define OURO_IS_TYPE(o, t) ouro_is_type((const OuroObject *)(o), (t))
/* isinstance by exact type or subclass (no __instancecheck__). */
static inline bool ouro_object_type_check(const OuroObject *o, const OuroType *t)
{
    return OURO_TYPE(o) == t || ouro_type_is_subtype(OURO_TYPE(o), t);
}

/* ------------------------------------------------------------------ object creation --
 * Objects are allocated from the runtime's heap. A GC type's instance gets its GC header
 * (8 bytes) in front; tracking starts only when the object is complete (ouro_gc_track). */

/* Returns a new object of fixed-size type t with a count of 1, its fields beyond the
 * header zeroed and not yet GC-tracked; NULL with MemoryError on failure. */
OURO_API OuroObject *ouro_object_alloc(OuroType *t);
/* As ouro_object_alloc, for variable-size types: room for nitems items of tp_itemsize. */
OURO_API OuroObject *ouro_object_alloc_var(OuroType *t, ouro_ssize nitems);
/* Frees the memory of o (after tp_dealloc released its references; o is untracked). */
OURO_API void ouro_object_free(OuroObject *o);
/* Bytes the object's block really occupies, GC header and allocator rounding included. */
OURO_API size_t ouro_object_footprint(OuroObject *o);

/* Starts / stops GC tracking of a container (idempotent). Never fail. */
OURO_API void ouro_gc_track(OuroObject *o);
OURO_API void ouro_gc_untrack(OuroObject *o);
OURO_API int ouro_gc_is_tracked(OuroObject *o);

/* ------------------------------------------------------------- the object protocol --
 * All return new references, or NULL / -1 with an exception set, unless said otherwise. */
OURO_API OuroObject *ouro_object_repr(OuroObject *o);
OURO_API OuroObject *ouro_object_str(OuroObject *o);
/* hash(o); -1 with TypeError for unhashable objects. Never returns -1 otherwise. */
OURO_API ouro_hash ouro_object_hash(OuroObject *o);
OURO_API ouro_hash ouro_hash_not_implemented(OuroObject *o);
/* The identity hash of an object without __hash__ (as CPython's _Py_HashPointer). */
OURO_API ouro_hash ouro_hash_pointer(const void *p);
OURO_API OuroObject *ouro_object_richcompare(OuroObject *a, OuroObject *b, int op);
/* 1 / 0, or -1 with an exception. For EQ and NE, identity implies equality (as CPython's
 * PyObject_RichCompareBool, which containers use). */
OURO_API int ouro_object_richcompare_bool(OuroObject *a, OuroObject *b, int op);
OURO_API int ouro_object_is_true(OuroObject *o);   /* bool(o): 1, 0 or -1 */
OURO_API ouro_ssize ouro_object_length(OuroObject *o); /* len(o), or -1 */
OURO_API OuroObject *ouro_object_getitem(OuroObject *o, OuroObject *key);
OURO_API int ouro_object_setitem(OuroObject *o, OuroObject *key, OuroObject *value);
OURO_API int ouro_object_delitem(OuroObject *o, OuroObject *key);
OURO_API int ouro_sequence_contains(OuroObject *seq, OuroObject *item); /* `in`: 1/0/-1 */
OURO_API OuroObject *ouro_object_get_iter(OuroObject *o);  /* iter(o) */
/* next(it): new reference; NULL at the end (no exception) or on error (exception set). */
OURO_API OuroObject *ouro_iter_next(OuroObject *it);
OURO_API OuroObject *ouro_object_getattr(OuroObject *o, OuroObject *name);
OURO_API OuroObject *ouro_object_getattr_str(OuroObject *o, const char *name);
OURO_API int ouro_object_setattr(OuroObject *o, OuroObject *name, OuroObject *value);
OURO_API OuroObject *ouro_object_call(OuroObject *callable, OuroObject *args, OuroObject *kwargs);
/* Calls with a C array of positional arguments. */
OURO_API OuroObject *ouro_object_vectorcall(OuroObject *callable, OuroObject *const *args,
                                            size_t nargs, OuroObject *kwnames);
/* Visits every object o refers to (tp_traverse); 0, or the first non-zero visit result. */
OURO_API int ouro_object_traverse(OuroObject *o, ouro_visitproc visit, void *arg);
/* Like operator.index(o): an int, or TypeError. */
OURO_API OuroObject *ouro_number_index(OuroObject *o);
/* o.__index__() as a C integer; OverflowError if it does not fit in ouro_ssize when exc
 * is not NULL (then raised as exc), else clamped. -1 with an exception on error. */
OURO_API ouro_ssize ouro_number_as_ssize(OuroObject *o, OuroType *exc);

/* Binary and unary operators with Python's dispatch (reflected operands, NotImplemented,
 * subclass priority). New reference, or NULL with an exception. */
OURO_API OuroObject *ouro_number_add(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_subtract(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_multiply(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_true_divide(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_floor_divide(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_remainder(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_divmod(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_power(OuroObject *a, OuroObject *b, OuroObject *mod);
OURO_API OuroObject *ouro_number_lshift(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_rshift(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_and(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_or(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_xor(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_matrix_multiply(OuroObject *a, OuroObject *b);
/* a op= b (augmented assignment): the left operand's in-place slot, then the plain
 * operator's dispatch, as CPython's PyNumber_InPlace*. New reference, or NULL. */
OURO_API OuroObject *ouro_number_inplace_add(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_subtract(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_multiply(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_true_divide(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_floor_divide(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_remainder(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_power(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_lshift(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_rshift(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_and(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_or(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_xor(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_inplace_matrix_multiply(OuroObject *a, OuroObject *b);
OURO_API OuroObject *ouro_number_negative(OuroObject *o);
OURO_API OuroObject *ouro_number_positive(OuroObject *o);
OURO_API OuroObject *ouro_number_absolute(OuroObject *o);
OURO_API OuroObject *ouro_number_invert(OuroObject *o);

/* ----------------------------------------------------------------------- errors -- */
/* Sets the current exception to a new instance of type with message msg (UTF-8). */
OURO_API void ouro_err_set_string(OuroType *type, const char *msg);
/* Sets the current exception: value is an instance of type, or its single argument, or
 * NULL (no arguments). Borrows value. */
OURO_API void ouro_err_set_object(OuroType *type, OuroObject *value);
/* printf-like message, with %R (repr of an object), %S (str of an object), %U (a str
 * object as is), %T (type name of an object), %zd %zu %d %u %ld %lu %lld %llu %x %s %c %p %%.
 * Always returns NULL, so `return ouro_err_format(...)` reads well. */
OURO_API OuroObject *ouro_err_format(OuroType *type, const char *fmt, ...);
/* Sets MemoryError (preallocated: raising it needs no memory). Returns NULL. */
OURO_API OuroObject *ouro_err_no_memory(void);
/* SystemError for a C API misuse; returns NULL. */
OURO_API OuroObject *ouro_err_bad_internal_call(const char *where);
/* The type of the current exception, or NULL. Borrowed. */
OURO_API OuroType *ouro_err_occurred(void);
/* 1 if the current exception is an instance of type (or a subclass). */
OURO_API int ouro_err_matches(OuroType *type);
OURO_API void ouro_err_clear(void);
/* Takes the current exception out of the thread state: new reference, or NULL if none. */
OURO_API OuroObject *ouro_err_fetch(void);
/* Makes exc the current exception. Steals exc (NULL clears). */
OURO_API void ouro_err_restore(OuroObject *exc);
/* Prints the current exception as "Type: message" to stderr and clears it. */
OURO_API void ouro_err_print(void);
/* Reports the current exception as unraisable and clears it, as CPython's default
 * sys.unraisablehook: "Exception ignored in: <repr of obj>" (obj NULL: no object), the
 * traceback (when the language is present) and "Type: message", to stderr. The _msg form
 * prints "Exception ignored <msg>: <repr of obj>" instead. Never fails. (issue 5) */
OURO_API void ouro_err_write_unraisable(OuroObject *obj);
OURO_API void ouro_err_write_unraisable_msg(const char *msg, OuroObject *obj);

/* ---------------------------------------------------------------------- runtime -- */
typedef struct OuroRuntime OuroRuntime;
typedef struct OuroThreadState OuroThreadState;
/* Creates a runtime with its main thread state, current for the calling thread.
 * Returns NULL if the object space or the first allocations failed. */
OURO_API OuroRuntime *ouro_runtime_new(void);
/* Frees every object and all memory of the runtime, which must be current. Returns the
 * bytes of blocks still in use once the runtime had released all it owns: 0 unless
 * something leaked (the test harness checks it). */
OURO_API uint64_t ouro_runtime_free(OuroRuntime *rt);
/* The runtime current on this thread, or NULL. Borrowed. */
OURO_API OuroRuntime *ouro_runtime_current(void);
/* Makes Ctrl-C (SIGINT) raise KeyboardInterrupt in the calling thread, which must be
 * rt's, at its next instruction boundary or blocking wait, as CPython's default handler
 * (the `ouro` command calls this; an embedding program decides). One runtime per process
 * can catch it; ouro_runtime_free puts the previous handler back. Returns 0, or -1 (not
 * rt's thread, another runtime catches it, or sigaction failed). */
OURO_API int ouro_runtime_catch_sigint(OuroRuntime *rt);
/* For C code that runs long or waits: raises KeyboardInterrupt and returns -1 if Ctrl-C
 * was pressed for the calling thread since the last check, else 0 (CPython's
 * PyErr_CheckSignals). */
OURO_API int ouro_err_check_signals(void);

#include "ouro/mem.h"
#include "ouro/types.h"
#include "ouro/exceptions.h"
#include "ouro/thread.h"   /* issue 8: the GIL from C */

#ifdef __cplusplus
}
#endif
#endif /* OURO_H */
