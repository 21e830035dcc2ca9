/* include/ouro/complex.h — complex: a pair of IEEE doubles. Part of ouro.h. */
#ifndef OURO_COMPLEX_H
#define OURO_COMPLEX_H

OURO_API extern OuroType ouro_complex_type;
typedef struct OuroComplex { OuroObject ob_base; double cv_real, cv_imag; } OuroComplex;

/* complex or a subclass? Never fails. */
static inline bool ouro_complex_check(const OuroObject *o)
{
    return OURO_TYPE(o) == &ouro_complex_type ||
           ouro_type_is_subtype(OURO_TYPE(o), &ouro_complex_type);
}
/* The parts of a complex (o must pass ouro_complex_check). Never fail. */
static inline double ouro_complex_real(const OuroObject *o)
{ return ((const OuroComplex *)o)->cv_real; }
static inline double ouro_complex_imag(const OuroObject *o)
{ return ((const OuroComplex *)o)->cv_imag; }

/* complex(real, imag). Returns: new reference, or NULL with MemoryError. */
OURO_API OuroObject *ouro_complex_from_doubles(double real, double imag);

#endif
