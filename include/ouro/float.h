/* include/ouro/float.h — float (IEEE double). Part of ouro.h. */
#ifndef OURO_FLOAT_H
#define OURO_FLOAT_H

OURO_API extern OuroType ouro_float_type;
typedef struct OuroFloat { OuroObject ob_base; double ob_fval; } OuroFloat;

static inline bool ouro_float_check(const OuroObject *o)
{ return OURO_TYPE(o) == &ouro_float_type || ouro_type_is_subtype(OURO_TYPE(o), &ouro_float_type); }
static inline double ouro_float_value(const OuroObject *o) { return ((const OuroFloat *)o)->ob_fval; }

/* New reference, or NULL with MemoryError. */
OURO_API OuroObject *ouro_float_from_double(double v);
/* Parses like float(s): decimal, exponent, "inf", "nan", underscores; surrounding
 * whitespace. ValueError "could not convert string to float: '...'" */
OURO_API OuroObject *ouro_float_from_string(const char *s, size_t len);
/* float(o) for a float, an int, or anything with __float__/__index__: -1.0 with an
 * exception on error (check ouro_err_occurred). */
OURO_API double ouro_float_as_double(OuroObject *o);
/* repr(float): the shortest string that round-trips, as CPython ("0.1", "1e+16",
 * "inf", "nan", "-0.0"). New str. */
OURO_API OuroObject *ouro_float_repr_double(double v);
/* Writes the shortest round-trip repr of v into buf (>= 32 bytes). Returns the length. */
OURO_API size_t ouro_float_format_repr(double v, char *buf, size_t size);
/* Python's hash of a double (equal to the int hash for integral values); NaN hashes by
 * identity of owner. Never fails. */
OURO_API ouro_hash ouro_float_hash_double(double v, OuroObject *owner);

#endif
