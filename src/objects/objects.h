/* src/objects/objects.h — internal declarations shared by the files of the objects layer:
 * the per-runtime state of the layer and the built-in types that ouro.h does not export. */
#ifndef OU_OBJECTS_H
#define OU_OBJECTS_H

#include "ouro.h"
#include "base/base.h"
#include "base/current.h"
#include "mem/mem.h"
#include "gc/gcheader.h"
#include "runtime/tstate.h"

/* Tuple free lists (tupleobject.c): sizes 1..OU_TUPLE_MAXSAVESIZE, at most
 * OU_TUPLE_MAXFREELIST each (CPython 3.11's PyTuple_MAXSAVESIZE / PyTuple_MAXFREELIST;
 * as there, the last size is saved but never reused). */
#define OU_TUPLE_MAXSAVESIZE 20
#define OU_TUPLE_MAXFREELIST 2000

/* Per-runtime state of the objects layer, owned by the runtime (runtime.c creates and
 * frees it through ou_objects_init / ou_objects_fini). */
typedef struct OuObjState {
    struct OuStrInterned *interned;  /* the interned strings (strobject.c's private set,
                                        created on first use), or NULL */
    OuroObject *memory_error;        /* the preallocated MemoryError instance */
    int64_t int_max_str_digits;      /* limit of int <-> decimal str conversions
                                        (sys.set_int_max_str_digits); 0: none.
                                        ou_objects_init sets 4300 */
    /* The type machinery (typedict.c): static types' __dict__, built on first use and
     * indexed by type id (grown on demand, or NULL); the method cache (MRO
     * lookups by type version and interned name); the next class version tag. */
    OuroObject **type_dicts;
    uint32_t type_dicts_cap;         /* entries of type_dicts (static types readied late,
                                        e.g. the language's, have ids past the list) */
    struct OuMethodCacheEntry *method_cache;
    uint64_t type_version_next;
    uint64_t type_epoch;             /* bumped whenever any class changes (with the method
                                        cache clear): the eval loop's attribute caches are
                                        valid for one epoch */
    struct OuDunderName *dunder_names; /* C string literal -> interned str, for the slot
                                          functions (typeslots.c), or NULL */
    struct OuHeapType *heap_types;   /* every live class of the runtime (a list through
                                        ht_next/ht_prev): cleared at teardown */
    /* Free lists of dead exact tuples by size (tupleobject.c; index n - 1), chained
     * through item 0, as CPython 3.11 keeps: binary_trees-style code allocates and frees
     * small tuples by the million. Emptied by full collections and at teardown. */
    OuroObject *tuple_free[OU_TUPLE_MAXSAVESIZE];
    int32_t tuple_numfree[OU_TUPLE_MAXSAVESIZE];
    bool tuple_free_closed;          /* teardown began: dead tuples go straight back */
} OuObjState;

/* The current runtime's objects-layer state (set by the runtime with the others). */
OuObjState *ou_objstate(void);
/* Drops every entry of the current runtime's method cache and starts a new type epoch (a
 * class changed; sys._clear_type_cache). Never fails. (typedict.c) */
void ou_type_cache_clear(void);

/* Process-wide start: readies every static type (type table ids, inherited slots) and
 * seeds the string-hash key. Thread-safe, idempotent. 0, or -1 on failure. */
int ou_objects_process_init(void);
/* Per runtime: creates / releases the state above. Init: 0, or -1. */
int ou_objects_init(OuObjState *st);
void ou_objects_fini(OuObjState *st);
/* Releases the interned strings (str layer): called by ou_objects_fini. */
void ou_str_fini_interned(OuObjState *st);
/* Enters t in the process-wide type table: a static type at its fixed id (tid given), a
 * class at a free one (tid 0). 0, or -1 when the table is full (no exception set: this
 * may run before any runtime exists). Thread-safe. */
int ou_type_table_add(OuroType *t, uint32_t tid);
/* Frees a dead class's id for reuse (typecreate.c, when a class is deallocated). */
void ou_type_table_remove(OuroType *t);
/* Seeds the process's string-hash key from OURO_HASHSEED / PYTHONHASHSEED or the OS. */
void ou_hash_init_secret(void);

/* Built-in types internal to the layer (iterators, views). The X-macro lists every static
 * type, in readying order; typelist.c registers them. */
#define OU_STATIC_TYPES(X) \
    X(ouro_type_type) X(ouro_object_type) X(ouro_none_type) X(ouro_notimplemented_type) \
    X(ouro_ellipsis_type) \
    X(ouro_int_type) X(ouro_bool_type) X(ouro_float_type) \
    X(ouro_str_type) X(ou_str_ascii_iter_type) X(ou_str_iter_type) \
    X(ouro_bytes_type) X(ou_bytes_iter_type) \
    X(ouro_tuple_type) X(ou_tuple_iter_type) \
    X(ouro_list_type) X(ou_list_iter_type) X(ou_list_reviter_type) \
    X(ouro_range_type) X(ou_range_iter_type) X(ou_longrange_iter_type) X(ouro_slice_type) \
    X(ouro_dict_type) X(ou_dict_keys_type) X(ou_dict_values_type) X(ou_dict_items_type) \
    X(ou_dict_keyiter_type) X(ou_dict_valueiter_type) X(ou_dict_itemiter_type) \
    X(ou_dict_revkeyiter_type) X(ou_dict_revvalueiter_type) X(ou_dict_revitemiter_type) \
    X(ouro_set_type) X(ouro_frozenset_type) X(ou_set_iter_type) \
    X(ou_method_descr_type) X(ou_classmethod_descr_type) X(ou_member_descr_type) \
    X(ou_getset_descr_type) X(ou_wrapper_descr_type) X(ou_method_wrapper_type) \
    X(ou_cfunction_type) X(ou_method_type) X(ou_property_type) X(ou_staticmethod_type) \
    X(ou_classmethod_type) X(ou_super_type) X(ou_mappingproxy_type) X(ou_module_type) \
    X(ou_code_type) X(ou_function_type) X(ou_cell_type) X(ou_frame_type) \
    X(ou_traceback_type) X(ou_generator_type) \
    X(ou_enumerate_type) X(ou_zip_type) X(ou_map_type) X(ou_filter_type) \
    X(ou_reversed_type) X(ou_callable_iter_type) X(ou_textfile_type) X(ou_seqiter_type) \
    X(ou_version_info_type) X(ou_int_info_type) X(ou_float_info_type) X(ou_flags_type) \
    X(ouro_weakref_type) X(ou_weakproxy_type) X(ou_weakcallableproxy_type) \
    /* issue 8: _thread's locks (src/modules/threadmodule.c) */ \
    X(ou_thread_lock_type) X(ou_thread_rlock_type) \
    X(ouro_bytearray_type) X(ou_bytearray_iter_type) \
    X(ouro_complex_type) \
    X(ou_memoryview_type) X(ou_memoryview_iter_type) \
    X(ou_struct_time_type) /* time.struct_time (src/modules/structseq.c) */ \
    X(ou_hash_info_type) X(ou_thread_info_type) X(ou_unraisable_args_type)

/* Fixed type ids of the static types, in list order (type is 1), then the exception types:
 * a static instance (None, True, a cached small int, the empty tuple) is written as
 * `OURO_STATIC_HEAD(OU_TID_ouro_int_type)`. Classes get ids from OU_TID_STATIC_END up. */
enum OuStaticTypeIds {
    OU_TID_INVALID_ = 0,
#define OU_TID_ENTRY_(t) OU_TID_##t,
    OU_STATIC_TYPES(OU_TID_ENTRY_)
#undef OU_TID_ENTRY_
#define OU_TID_EXC_ENTRY_(name, base) OU_TID_exc_##name,
    OURO_EXCEPTION_TYPES(OU_TID_EXC_ENTRY_)
#undef OU_TID_EXC_ENTRY_
    OU_TID_STATIC_END
};

/* The declarations of the internal ones (ouro_* are in ouro.h). */
extern OuroType ou_str_ascii_iter_type, ou_str_iter_type, ou_bytes_iter_type,
    ou_tuple_iter_type, ou_list_iter_type, ou_list_reviter_type, ou_range_iter_type,
    ou_longrange_iter_type, ou_dict_keys_type, ou_dict_values_type, ou_dict_items_type,
    ou_dict_keyiter_type, ou_dict_valueiter_type, ou_dict_itemiter_type,
    ou_dict_revkeyiter_type, ou_dict_revvalueiter_type, ou_dict_revitemiter_type,
    ou_set_iter_type;
/* The type machinery's (typeimpl.h has the details; lang.h exports some to the language). */
extern OuroType ou_method_descr_type, ou_classmethod_descr_type, ou_member_descr_type,
    ou_getset_descr_type, ou_wrapper_descr_type, ou_method_wrapper_type, ou_cfunction_type,
    ou_method_type, ou_property_type, ou_staticmethod_type, ou_classmethod_type,
    ou_super_type, ou_mappingproxy_type, ou_module_type;
/* The evaluation loop's (src/lang/eval.h; lang.h exports them to the language). */
extern OuroType ou_code_type, ou_function_type, ou_cell_type, ou_frame_type,
    ou_traceback_type, ou_generator_type;
/* The builtins module's iterator types (src/modules/builtins_iter.c). */
extern OuroType ou_enumerate_type, ou_zip_type, ou_map_type, ou_filter_type,
    ou_reversed_type, ou_callable_iter_type, ou_textfile_type;
/* The sequence iterator (iterobject.c): iter(o) for o with __getitem__ and no __iter__.
 * ou_seqiter_applies says whether o qualifies (never fails). */
extern OuroType ou_seqiter_type;
/* sys's struct sequences (src/modules/structseq.c): tuple subtypes with named fields. */
extern OuroType ou_version_info_type, ou_int_info_type, ou_float_info_type, ou_flags_type;
/* time.struct_time (structseq.c too: 9 visible items, tm_zone and tm_gmtoff hidden). */
extern OuroType ou_struct_time_type;
/* sys.hash_info, sys.thread_info, UnraisableHookArgs (src/modules/structseq.c). */
extern OuroType ou_hash_info_type, ou_thread_info_type, ou_unraisable_args_type;
/* Weak references (weakrefobject.c, weakproxy.c; issue 6): ouro_weakref_type is in
 * include/ouro/weakref.h. */
extern OuroType ou_weakproxy_type, ou_weakcallableproxy_type;
/* _thread's lock types (src/modules/threadmodule.c; issue 8). */
extern OuroType ou_thread_lock_type, ou_thread_rlock_type;
/* bytearray's iterator (bytesobject.c; bytearray itself is in include/ouro/bytes.h). */
extern OuroType ou_bytearray_iter_type;
/* memoryview and its iterator (memoryviewobject.c; the layout is in strimpl.h). */
extern OuroType ou_memoryview_type, ou_memoryview_iter_type;
bool ou_seqiter_applies(OuroObject *o);
OuroObject *ou_seqiter_new(OuroObject *seq);
/* Releases the type machinery's per-runtime state (typedict.c): by ou_objects_fini. */
void ou_types_fini(OuObjState *st);

/* Shared helpers of the layer (object.c). */
/* repr of a container element with reprlib-style recursion guard: "[...]" when o is
 * already being printed. ou_repr_enter: 0 = go on, 1 = already inside (print the
 * placeholder), -1 = error. ou_repr_leave after a 0. */
int ou_repr_enter(OuroObject *o);
void ou_repr_leave(OuroObject *o);
/* Generic iterator that returns itself from iter() (tp_iter of iterator types). */
OuroObject *ou_object_self_iter(OuroObject *o);
/* Checks a C recursion depth (deep repr, comparison of nested containers): 0 or -1 with
 * RecursionError "maximum recursion depth exceeded<where>". */
int ou_enter_recursive_call(const char *where);
void ou_leave_recursive_call(void);

/* An internal OuroMethodDef flag (beside OURO_METH_*): calls of the function count a
 * recursion level with " while calling a Python object", for the builtins that CPython
 * 3.11 implements as METH_O, METH_NOARGS or METH_VARARGS (repr, len, min, ...), whose
 * calls CPython counts; ouro implements them as FASTCALL|KEYWORDS (methodobject.c). */
#define OU_METH_COUNTED 0x1000

/* Growable UTF-8 buffer for building strings (repr of containers, formatting). */
typedef struct OuStrBuf {
    char *data;
    size_t len, cap;
    bool failed;       /* an allocation failed: the result will be MemoryError */
    char small[128];
} OuStrBuf;
void ou_strbuf_init(OuStrBuf *b);
void ou_strbuf_append(OuStrBuf *b, const char *s, size_t n);
void ou_strbuf_append_cstr(OuStrBuf *b, const char *s);
void ou_strbuf_append_char(OuStrBuf *b, char c);
/* Appends str(o) (a str object's bytes as they are). 0, or -1 with an exception. */
int ou_strbuf_append_str(OuStrBuf *b, OuroObject *s);
/* Appends repr(o). 0 or -1. */
int ou_strbuf_append_repr(OuStrBuf *b, OuroObject *o);
/* The str of the buffer (new reference, or NULL with MemoryError); frees the buffer. */
OuroObject *ou_strbuf_finish(OuStrBuf *b);
void ou_strbuf_discard(OuStrBuf *b);

/* The format-spec mini-language (formatspec.c, owner: builtins part of issue 4):
 * format(v, spec) for int, float and str, and the __format__ methods of int, float, str
 * and object (spec must be a str for the ou_format_* ones). New str, or NULL. */
OuroObject *ou_format_int(OuroObject *v, OuroObject *spec);
OuroObject *ou_format_float(OuroObject *v, OuroObject *spec);
OuroObject *ou_format_str(OuroObject *v, OuroObject *spec);
OuroObject *ou_int_format_method(OuroObject *self, OuroObject *spec);
OuroObject *ou_float_format_method(OuroObject *self, OuroObject *spec);
OuroObject *ou_str_format_method(OuroObject *self, OuroObject *spec);
OuroObject *ou_object_format_method(OuroObject *self, OuroObject *spec);
/* str.format(*args, **kwargs) (strformatmethod.c). */
OuroObject *ou_str_format_call(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                               OuroObject *kwnames);

/* Raises OSError, or its errno subclass (FileNotFoundError for ENOENT...), for errno err
 * with filename (may be NULL), as "[Errno 2] No such file or directory: 'x'"
 * (exceptions.c). Returns NULL. */
OuroObject *ou_err_from_errno(int err, OuroObject *filename);

/* After a failed attribute lookup: records name and obj on the pending AttributeError
 * (as CPython's set_attribute_error_context) for "Did you mean" suggestions, unless the
 * raiser already did. Never fails (exceptions.c). */
void ou_attribute_error_context(OuroObject *obj, OuroObject *name);
/* Raises NameError "name 'x' is not defined" with its name attribute set (for the eval
 * loop's LOAD_NAME/LOAD_GLOBAL). Returns NULL. */
OuroObject *ou_name_error(OuroObject *name);

/* Sequences (tupleobject.c): untracks a tuple when none of its items can be part of a
 * cycle (all atomic, or untracked tuples), as CPython's _PyTuple_MaybeUntrack; for the
 * collector to call on the tuples it examines. Never fails. */
void ou_tuple_maybe_untrack(OuroObject *t);
/* Frees every tuple on st's free lists back to the allocator (each counts as a GC
 * deallocation, as CPython's PyObject_GC_Del). The collector calls it after a full
 * collection (CPython 3.11's clear_freelists), ou_objects_fini at teardown. Never fails. */
void ou_tuple_clear_freelists(OuObjState *st);

#endif
