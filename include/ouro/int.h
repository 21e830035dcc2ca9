/* include/ouro/int.h — int (arbitrary precision, machine-word fast path, small-int cache)
 * and bool. Part of ouro.h. */
#ifndef OURO_INT_H
#define OURO_INT_H

OURO_API extern OuroType ouro_int_type;
OURO_API extern OuroType ouro_bool_type;
OURO_API extern OuroObject *const ouro_true;   /* immortal */
OURO_API extern OuroObject *const ouro_false;  /* immortal */
#define OURO_TRUE  ouro_true
#define OURO_FALSE ouro_false

static inline bool ouro_int_check(const OuroObject *o)
{ return (OURO_TYPE(o)->tp_flags & OURO_TPFLAG_INT_SUBCLASS) != 0; }
static inline bool ouro_int_check_exact(const OuroObject *o) { return OURO_TYPE(o) == &ouro_int_type; }
static inline bool ouro_bool_check(const OuroObject *o) { return OURO_TYPE(o) == &ouro_bool_type; }

/* Smallest and largest values kept as immortal cached objects (as CPython: -5..256). */
#define OURO_SMALL_INT_MIN (-5)
#define OURO_SMALL_INT_MAX 256

/* All return new references, or NULL with an exception. */
OURO_API OuroObject *ouro_int_from_int64(int64_t v);
OURO_API OuroObject *ouro_int_from_uint64(uint64_t v);
OURO_API OuroObject *ouro_int_from_ssize(ouro_ssize v);
/* Nearest int toward zero; ValueError for NaN, OverflowError for infinities. */
OURO_API OuroObject *ouro_int_from_double(double v);
/* Parses like int(s, base): base 0 or 2..36, optional sign, underscores between digits,
 * surrounding whitespace. ValueError "invalid literal for int() with base 10: '...'" */
OURO_API OuroObject *ouro_int_from_string(const char *s, size_t len, int base);
/* bool(v): a new reference to True or False. */
OURO_API OuroObject *ouro_bool_from_long(long v);

/* Value as int64_t; OverflowError ("Python int too large to convert to C long") when out
 * of range. A non-int goes through __index__ (TypeError "'str' object cannot be
 * interpreted as an integer"). -1 with an exception on error (check ouro_err_occurred
 * when -1 is a possible value). */
OURO_API int64_t ouro_int_as_int64(OuroObject *o);
/* As above, and *overflow is set to -1/+1 (returning -1) instead of raising. */
OURO_API int64_t ouro_int_as_int64_and_overflow(OuroObject *o, int *overflow);
/* OverflowError "can't convert negative int to unsigned" / "int too big to convert";
 * (uint64_t)-1 with an exception on error. */
OURO_API uint64_t ouro_int_as_uint64(OuroObject *o);
/* OverflowError "Python int too large to convert to C ssize_t". */
OURO_API ouro_ssize ouro_int_as_ssize(OuroObject *o);
/* Nearest double (round-half-even); OverflowError "int too large to convert to float". */
OURO_API double ouro_int_as_double(OuroObject *o);
/* -1, 0 or +1. o must be an int. Never fails. */
OURO_API int ouro_int_sign(OuroObject *o);
/* Number of bits needed for abs(o) (int.bit_length()). Never fails. */
OURO_API uint64_t ouro_int_bit_length(OuroObject *o);
/* Exact comparison of an int with a double (used by float's richcompare): -1/0/1; a NaN
 * d compares as unordered: returns 2. Never fails. */
OURO_API int ouro_int_compare_double(OuroObject *o, double d);
/* Decimal string, as repr(int); new str. ValueError past the runtime's limit on decimal
 * digits (4300 by default, as sys.set_int_max_str_digits), as CPython 3.11. */
OURO_API OuroObject *ouro_int_to_decimal(OuroObject *o);
/* int.__format__-free conversions for the language layer: base 2, 8, 10, 16 with the
 * Python prefixes ("0b", "0o", "", "0x") when prefix is true. New str. */
OURO_API OuroObject *ouro_int_to_base(OuroObject *o, int base, bool prefix);
/* Python's numeric hash of an int (modulus 2**61 - 1; -1 becomes -2). Never fails. */
OURO_API ouro_hash ouro_int_hash_value(OuroObject *o);

#endif
