/* src/lang/lang.h — the contract between the parts of the language (issue 4): parser,
 * compiler + evaluation loop, type machinery, builtins/modules/command. Each function
 * names its owner; docs/internals/language.md has the narrative. Everything returns new
 * references / NULL with an exception unless it says otherwise. */
#ifndef OU_LANG_H
#define OU_LANG_H

#include "ouro.h"
#include "ast.h"

/* ------------------------------------------------ compiler (owner: compile.c) -- */
/* Compiles a tree to a code object. filename: a str. mode as it was parsed. */
OuroObject *ou_compile_ast(const OuMod *m, OuroObject *filename, OuParseMode mode);
/* Parses and compiles UTF-8 source (compile() builtin, exec/eval of strings, import,
 * the command). *incomplete as in ou_parse (may be NULL). */
OuroObject *ou_compile_source(const char *src, size_t len, const char *filename,
                              OuParseMode mode, int *incomplete);
/* Code objects: the accessors other parts need (owner: codeobject.c). Borrowed. */
extern OuroType ou_code_type;
OuroObject *ou_code_filename(OuroObject *code);   /* str */
OuroObject *ou_code_name(OuroObject *code);       /* str: "f", "<module>", "<lambda>" */
OuroObject *ou_code_qualname(OuroObject *code);   /* str */
/* The source line number of the instruction at byte offset lasti (-1: the first line). */
int ou_code_line_at(OuroObject *code, int lasti);
/* A listing of code's instructions and those of the code objects among its constants
 * ("index OPNAME arg" lines; tests, _ouro.dis). New str, or NULL. */
OuroObject *ou_code_disassemble(OuroObject *code);
/* Positions of the instruction at byte offset lasti, as 3.11's co_positions() (for
 * caret tracebacks): lines 1-based, columns 0-based UTF-8 offsets, -1 when unknown.
 * Never fails (owner: codeobject.c). */
int ou_code_positions_at(OuroObject *code, int lasti, int *lineno, int *end_lineno,
                         int *col, int *end_col);

/* ------------------------------------------------- evaluation (owner: eval.c) -- */
/* Runs a module-level code object in globals (a dict; `__builtins__` is added if
 * absent) with locals (a mapping, or NULL for globals), as exec()/eval() do. */
OuroObject *ou_eval_code(OuroObject *code, OuroObject *globals, OuroObject *locals);
/* The innermost Python frame of the current thread, or NULL (borrowed). */
OuroObject *ou_eval_current_frame(void);
/* For zero-argument super(): the class (from the __class__ cell) and the first argument
 * of the innermost Python function frame. 0, or -1 with RuntimeError as CPython
 * ("super(): no arguments", "super(): __class__ cell not found"). Borrowed results. */
int ou_eval_super_args(OuroType **type, OuroObject **self);
/* globals() of the innermost frame (borrowed, NULL when no frame) and locals() (always
 * a new reference: the locals mapping of module/class code, or a new snapshot dict of a
 * function frame's variables). */
OuroObject *ou_eval_globals(void);
OuroObject *ou_eval_locals(void);
/* Runs a class body function (what __build_class__ calls) with ns as its locals
 * mapping. Returns the body's result: the __class__ cell when methods use it (the class
 * machinery must then set it, from ns['__classcell__'] as CPython), else None; new
 * reference or NULL. (owner: eval_call.c) */
OuroObject *ou_eval_class_body(OuroObject *func, OuroObject *ns);
/* The exception being handled (sys.exc_info() / sys.exception()), or NULL. Borrowed.
 * (owner: eval_call.c) */
OuroObject *ou_eval_exc_info(void);
/* Frames and tracebacks (owner: frameobject.c). */
extern OuroType ou_frame_type, ou_traceback_type, ou_function_type, ou_cell_type,
    ou_generator_type;
typedef struct OuTraceback {
    OuroObject ob_base;
    OuroObject *tb_next;             /* traceback or NULL */
    OuroObject *tb_frame;            /* frame */
    int tb_lasti, tb_lineno;
} OuTraceback;
OuroObject *ou_frame_code(OuroObject *frame);     /* borrowed */
OuroObject *ou_frame_globals(OuroObject *frame);  /* borrowed */
int ou_frame_lineno(OuroObject *frame);
/* Adds a traceback entry for frame to the current exception (as the eval loop does when
 * an exception leaves an instruction). 0 or -1. */
int ou_traceback_add(OuroObject *frame);

/* ----------------------------------------------- type machinery (owner: objects/) -- */
/* Looks name up along t's MRO (with a per-runtime method cache). Borrowed, or NULL
 * without an exception when absent. */
OuroObject *ou_type_lookup(OuroType *t, OuroObject *name);
/* t.__dict__: for heap types t->tp_dict; for static types a per-runtime dict built on
 * first use from tp_methods/tp_members/tp_getset and the slots. Borrowed, or NULL. */
OuroObject *ou_type_dict(OuroType *t);
/* The generic attribute protocol (object.__getattribute__ / __setattr__ with data and
 * non-data descriptors, instance __dict__). */
OURO_API OuroObject *ouro_object_generic_getattr(OuroObject *o, OuroObject *name);
OURO_API int ouro_object_generic_setattr(OuroObject *o, OuroObject *name, OuroObject *value);
/* type(name, bases, dict) through the metaclass machinery: creates a class. */
OuroObject *ou_type_new(OuroType *meta, OuroObject *name, OuroObject *bases,
                        OuroObject *dict, OuroObject *kwargs);
/* The address of o's instance __dict__ pointer (NULL: its type has none). Handles the
 * negative tp_dictoffset of variable-size layouts (tuple subclasses): never add
 * tp_dictoffset to an object by hand. The word then holds a dict or NULL: an
 * instance's shared-key values (issue 7, objects/instvalues.h) are made a dict first
 * (NULL with MemoryError if that fails). (owner: objects/typeattr.c) */
OuroObject **ou_object_dict_ptr(OuroObject *o);
/* isinstance(o, cls) / issubclass(derived, cls) with tuples and __instancecheck__ /
 * __subclasscheck__ on metaclasses, CPython's messages. 1, 0, or -1 with an exception.
 * (owner: objects/typeattr.c) */
int ou_object_isinstance(OuroObject *o, OuroObject *cls);
int ou_object_issubclass(OuroObject *derived, OuroObject *cls);
/* Bound method (func, self) as Python's types.MethodType. */
extern OuroType ou_method_type;
OuroObject *ou_method_new(OuroObject *func, OuroObject *self);
/* The layout of ou_method_type instances, so that the eval loop's CALL can unpack a
 * bound method into (function, self) as 3.11 does (owner: methodobject.c's OuMethod,
 * which must keep these first fields; added by the compiler + eval part). */
typedef struct OuMethodLayout {
    OuroObject ob_base;
    OuroObject *im_func, *im_self;   /* owned */
} OuMethodLayout;
/* Built-in functions and methods from an OuroMethodDef (self may be NULL or a module). */
extern OuroType ou_cfunction_type;
OuroObject *ou_cfunction_new(const OuroMethodDef *def, OuroObject *self, OuroObject *module);
/* Modules (owner: moduleobject.c). */
extern OuroType ou_module_type;
OuroObject *ou_module_new(OuroObject *name);
OuroObject *ou_module_dict(OuroObject *module);   /* borrowed */
/* A module named name with the functions of defs (NULL-terminated by ml_name). */
OuroObject *ou_module_from_defs(const char *name, const OuroMethodDef *defs, const char *doc);

/* --------------------------------------- interpreter state (owner: interp.c) -- */
/* The per-runtime state of the language: built on first use, torn down with the runtime
 * (runtime.c calls the hook the language installs). */
typedef struct OuInterp {
    OuroObject *builtins;            /* the builtins module */
    OuroObject *builtins_dict;       /* its dict (borrowed from builtins) */
    OuroObject *modules;             /* sys.modules: dict */
    OuroObject *sys;                 /* the sys module */
    OuroObject *main_module;         /* __main__ once a program runs, or NULL */
    OuroObject *sys_dict;            /* sys.__dict__ (borrowed from sys; added by the
                                        builtins part: print() reads sys.stdout here) */
    OuroObject *linecache;           /* dict filename -> list of lines, for tracebacks
                                        (pythonrun.c), or NULL */
    OuroObject *atexit;              /* atexit's callbacks: list of (func, args, kwargs),
                                        or NULL (modules/atexitmodule.c) */
    bool exit_handlers_done;         /* ou_interp_run_exit_handlers ran */
} OuInterp;
/* Runs the exit handlers once: atexit's callbacks, newest first (weakref.finalize's exit
 * function among them), as CPython before its finalization (the command calls this after
 * threading's shutdown; ouro_runtime_free does if nobody did). Never fails (errors are
 * reported as unraisable). */
void ou_interp_run_exit_handlers(void);
/* The current runtime's interpreter state, created on first use. Borrowed, or NULL
 * with an exception. */
OuInterp *ou_interp(void);
/* import name (absolute, dotted): built-in modules, then NAME.py on sys.path. */
OuroObject *ou_import_module(OuroObject *name);
/* For `ouro -m name`: the source file to run as __main__ (new str): NAME.py, or a
 * package's __main__.py once the package is imported (parents first, as CPython's
 * runpy). NULL with ImportError carrying CPython's -m message, or another exception
 * raised by a package's code. */
OuroObject *ou_import_main_path(OuroObject *name);
/* IMPORT_NAME / __import__: name relative to globals' package when level > 0 ("from . import
 * x"); returns the top-level package for `import a.b` (fromlist None or empty), else the
 * module itself. (owner: modules/import.c) */
OuroObject *ou_import_name(OuroObject *name, OuroObject *globals, OuroObject *fromlist,
                           int level);
/* Prints exc (with its chain and traceback) to stderr as CPython's default excepthook:
 * "Traceback (most recent call last):" ..., SyntaxError with its caret line. */
void ou_print_exception(OuroObject *exc);
/* As ou_print_exception without the __cause__/__context__ chain: the format of CPython's
 * default unraisable hook ("Exception ignored in: ..."). */
void ou_print_exception_alone(OuroObject *exc);

/* ---------------------------------------- running programs (owner: pythonrun.c) -- */
/* Compiles and runs UTF-8 source in the __main__ module (its __file__ set to filename
 * when set_file). 0, or -1 with the exception pending. */
int ou_run_source(const char *src, size_t len, const char *filename, bool set_file);
/* Runs the file at path as __main__: 0, -1 with an exception pending, -2 (errno set)
 * when it cannot be opened. */
int ou_run_file(const char *path);
/* Takes the pending exception (if any) and reports it as an uncaught one: SystemExit
 * gives its status (None 0, int, else printed and 1), others go through sys.excepthook
 * and give 1, KeyboardInterrupt OU_EXIT_KEYBOARD_INTERRUPT (the process then ends by
 * SIGINT, as CPython's). Returns the exit status (0 when nothing was pending). */
int ou_handle_uncaught(void);
#define OU_EXIT_KEYBOARD_INTERRUPT (256 + 130) /* not an exit status: "die by SIGINT" */

/* ------------------------------------ formatting (owner: objects/formatspec.c) -- */
/* format(value, spec) as the builtin and FORMAT_VALUE: value.__format__(spec) with the
 * mini-language for int, float, str; spec NULL means "". New str, or NULL. */
OuroObject *ou_object_format(OuroObject *value, OuroObject *spec);
/* ascii(o): repr(o) with non-ASCII characters escaped (\xe9, \u20ac, \U0001f600), for
 * the builtin, !a conversions of f-strings and str.format. New str, or NULL. */
OuroObject *ou_object_ascii(OuroObject *o);

#endif
