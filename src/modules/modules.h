/* src/modules/modules.h — internal declarations of the built-in modules (builtins, sys,
 * math), the text file object and the import machinery. Narrative:
 * docs/internals/language.md, "Builtins, modules and the command". */
#ifndef OU_MODULES_H
#define OU_MODULES_H

#include "objects/objects.h"
#include "lang/lang.h"
#include <stdio.h>

/* ---------------------------------------------------------------- builtins*.c -- */
/* The functions of the builtins module (NULL-terminated), in three files. */
extern const OuroMethodDef ou_builtins_core_methods[];   /* builtins.c */
extern const OuroMethodDef ou_builtins_eval_methods[];   /* builtins_eval.c */
/* The builtins module: functions, types, constants and exceptions. New reference. */
OuroObject *ou_builtins_create(void);
/* Iterator types of builtins_iter.c (static types, in OU_STATIC_TYPES). */
extern OuroType ou_enumerate_type, ou_zip_type, ou_map_type, ou_filter_type,
    ou_reversed_type, ou_callable_iter_type;
/* iter(callable, sentinel). New reference, or NULL. */
OuroObject *ou_callable_iter_new(OuroObject *callable, OuroObject *sentinel);
/* Argument count check "NAME expected at least MIN arguments, got N" / "at most". 0/-1. */
int ou_builtin_check_nargs(const char *name, ouro_ssize nargs, ouro_ssize min, ouro_ssize max);
/* Vector-call arguments of a function with nparams parameters (kwlist; "" marks a
 * positional-only one), the first nrequired required: out[i] borrowed or NULL. 0, or -1
 * with CPython's TypeError ("pow() missing required argument 'exp' (pos 2)"). */
int ou_builtin_parse_args(const char *name, OuroObject *const *args, ouro_ssize nargs,
                          OuroObject *kwnames, const char *const *kwlist, ouro_ssize nparams,
                          ouro_ssize nrequired, OuroObject **out);
/* Rejects keyword arguments: "NAME() takes no keyword arguments". 0 / -1. */
int ou_builtin_no_kwargs(const char *name, OuroObject *kwnames);
/* Calls obj.name(*args) (attribute lookup, then a vector call). New reference or NULL. */
OuroObject *ou_mod_call_method(OuroObject *obj, const char *name, OuroObject *const *args,
                           size_t nargs, OuroObject *kwnames);

/* ---------------------------------------------------------------- sysmodule.c -- */
/* The sys module for interp (argv empty, path [""]). New reference, or NULL. */
OuroObject *ou_sys_create(OuInterp *interp);
/* Runs a module's frozen Python source (a C string; "<frozen NAME>" in tracebacks) in
 * the namespace of m (stolen; NULL passes through). Returns m, or NULL with the
 * exception (m cleared and released). (import.c) */
OuroObject *ou_module_run_frozen(OuroObject *m, const char *name, const char *source);
/* The same in a fresh module called name. New reference, or NULL with an exception. */
OuroObject *ou_module_frozen(const char *name, const char *source);
/* The runtime's unraisable hook (OuroRuntime.unraisable_hook): calls the program's
 * sys.unraisablehook with an UnraisableHookArgs, if it set one. 1 if it did (a failing
 * hook is itself reported), 0 if the runtime should print its default report. Borrows
 * everything. */
int ou_sys_unraisable_hook(OuroObject *exc, const char *err_msg, OuroObject *obj);
/* Its function table (for the unit tests). */
const OuroMethodDef *ou_sys_methods(void);
/* sys.argv = argv[0..argc) and sys.path[0] = the script's directory (script NULL: ""). */
int ou_sys_set_argv(int argc, char **argv, const char *script_dir);

/* ----------------------------------------------------------------- structseq.c -- */
/* A struct sequence of type t (ou_version_info_type...) with the items of a tuple
 * (borrowed). New reference, or NULL. */
OuroObject *ou_structseq_new(OuroType *t, OuroObject *items);
/* Sets struct_time's n_fields, n_sequence_fields, n_unnamed_fields in this runtime (by
 * the time module's creation). 0 / -1. */
int ou_struct_time_add_counts(void);

/* ------------------------------------------------------ timemodule.c, timeparse.c -- */
struct tm;
/* A struct tm as a time.struct_time (tm_zone, tm_gmtoff too). New reference, or NULL. */
OuroObject *ou_time_struct_from_tm(const struct tm *tm);
/* time.strptime(string, format='%a %b %d %H:%M:%S %Y') (timeparse.c). New reference. */
OuroObject *ou_time_strptime(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                             OuroObject *kwnames);

/* ---------------------------------------------------------------- mathmodule.c -- */
OuroObject *ou_math_create(void);
/* Its function table (for the unit tests). */
const OuroMethodDef *ou_math_methods(void);

/* ------------------------------------------------------------------ gcmodule.c -- */
/* The gc module (issue 5). New reference, or NULL. */
OuroObject *ou_gc_module_create(void);

/* ---------------------------------------------------------------- ouromodule.c -- */
/* _ouro: allocator accounting and footprints for tests and benchmarks (issue 7). New
 * reference, or NULL. */
OuroObject *ou_ouro_module_create(void);

/* ---------------------------------------------------------------- fileobject.c -- */
extern OuroType ou_textfile_type;
/* A text file over fp (owned: closed with the object when owns). New reference. */
OuroObject *ou_file_from_fp(FILE *fp, const char *name, const char *mode, bool owns);
/* open(file, mode, encoding): text modes r, w, a, x with optional +/t (and b read as
 * text). New reference, or NULL with OSError (errno subclass) / ValueError. */
OuroObject *ou_file_open(OuroObject *file, OuroObject *mode, OuroObject *encoding);
/* Writes a str to f (a text file object: directly; anything else: f.write(s)). 0/-1. */
int ou_file_write_str(OuroObject *f, OuroObject *s);
/* sys.NAME from the runtime's interpreter state if it exists (borrowed; NULL if unset,
 * None or no interpreter yet: never creates one). Lives here so that print() does not
 * pull the interpreter into programs that only use the objects layer. */
OuroObject *ou_sys_get(const char *name);
/* Flushes sys.stdout and sys.stderr (errors are cleared). */
void ou_sys_flush_std(void);
/* Reads one line from f as input() does (without its newline; NULL at EOF without an
 * exception when *eof is set). New reference or NULL. */
OuroObject *ou_file_readline_raw(OuroObject *f, bool *eof);

/* ------------------------------------------------------------- weakrefmodule.c -- */
/* weakref (the C core plus its Python half) and _weakref (the core alone), issue 6.
 * New reference, or NULL with an exception. */
OuroObject *ou_weakref_create(void);
OuroObject *ou_weakref_core_create(void);

/* -------------------------------------------------------------------- import.c -- */
/* The built-in module named name (a fresh instance), NULL without an exception if none
 * exists by that name. */
OuroObject *ou_import_builtin(OuroObject *name);
/* sys.builtin_module_names: the sorted tuple of the built-in modules' names. */
OuroObject *ou_import_builtin_names(void);



/* ---------------------------------------------- threadmodule.c, timemodule.c -- */
/* _thread, threading (its Python source in threading_py.c) and time (issue 8). New
 * reference, or NULL with an exception. */
OuroObject *ou_thread_module_create(void);
OuroObject *ou_threading_module_create(void);
OuroObject *ou_time_module_create(void);
/* atexit (atexitmodule.c): the module, and the exit-time run of its callbacks (newest
 * first; errors reported as unraisable; the list is dropped). */
OuroObject *ou_atexit_create(void);
void ou_atexit_run(OuInterp *in);
/* copy (copymodule.c; its Python source in copy_py.c). New reference, or NULL with an
 * exception. */
OuroObject *ou_copy_create(void);
/* functools (its Python source and this constructor in functools_py.c). New reference,
 * or NULL with an exception. */
OuroObject *ou_functools_create(void);
/* collections (its Python source and this constructor in collections_py.c). New
 * reference, or NULL with an exception. */
OuroObject *ou_collections_create(void);
/* itertools (its Python source and this constructor in itertools_py.c). New reference,
 * or NULL with an exception. */
OuroObject *ou_itertools_create(void);
/* Waits for the non-daemon threads (threading._shutdown) before teardown. Never fails. */
void ou_threading_shutdown(void);
/* The lock types of _thread (static types, in OU_STATIC_TYPES). */
extern OuroType ou_thread_lock_type, ou_thread_rlock_type;

#endif
