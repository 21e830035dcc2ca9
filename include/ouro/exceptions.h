/* include/ouro/exceptions.h — the built-in exception types of CPython 3.11.
 * Part of ouro.h. ouro_exc_TypeError etc. are static types, like PyExc_TypeError. */
#ifndef OURO_EXCEPTIONS_H
#define OURO_EXCEPTIONS_H

/* Every exception instance has this layout (subclasses may add fields after it). */
typedef struct OuroBaseException {
    OuroObject ob_base;
    OuroObject *dict;        /* instance __dict__, or NULL until first needed */
    OuroObject *args;        /* tuple, never NULL */
    OuroObject *notes;       /* __notes__ list, or NULL */
    OuroObject *traceback;   /* __traceback__, or NULL (None) */
    OuroObject *context;     /* __context__, or NULL */
    OuroObject *cause;       /* __cause__, or NULL */
    uint8_t suppress_context;
} OuroBaseException;

/* X(name, base): the hierarchy in the order CPython's documentation lists it. */
#define OURO_EXCEPTION_TYPES(X) \
    X(BaseException, object) \
    X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) \
    X(Exception, BaseException) \
    X(StopIteration, Exception) \
    X(StopAsyncIteration, Exception) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) \
    X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) \
    X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(UnicodeTranslateError, UnicodeError) \
    X(Warning, Exception) \
    X(BytesWarning, Warning) \
    X(DeprecationWarning, Warning) \
    X(EncodingWarning, Warning) \
    X(FutureWarning, Warning) \
    X(ImportWarning, Warning) \
    X(PendingDeprecationWarning, Warning) \
    X(ResourceWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(SyntaxWarning, Warning) \
    X(UnicodeWarning, Warning) \
    X(UserWarning, Warning)

#define OURO_DECLARE_EXC_(name, base) OURO_API extern OuroType ouro_exc_##name;
OURO_EXCEPTION_TYPES(OURO_DECLARE_EXC_)
#undef OURO_DECLARE_EXC_

static inline bool ouro_exception_check(const OuroObject *o)
{ return (OURO_TYPE(o)->tp_flags & OURO_TPFLAG_BASE_EXC_SUBCLASS) != 0; }
static inline bool ouro_exception_type_check(const OuroObject *o)
{ return OURO_TYPE(o) == &ouro_type_type && (((const OuroType *)o)->tp_flags & OURO_TPFLAG_BASE_EXC_SUBCLASS); }

/* A new exception instance of type with the given args tuple (borrowed; NULL: ()). */
OURO_API OuroObject *ouro_exception_new(OuroType *type, OuroObject *args);
/* The args tuple (borrowed). */
OURO_API OuroObject *ouro_exception_args(OuroObject *exc);
/* Sets __context__ / __cause__ (steal value; NULL clears). __cause__ also sets
 * __suppress_context__, as `raise ... from ...` does. */
OURO_API void ouro_exception_set_context(OuroObject *exc, OuroObject *context);
OURO_API void ouro_exception_set_cause(OuroObject *exc, OuroObject *cause);

#endif
