/* src/modules/mathmodule.c — the math module: C libm functions with CPython's error
 * rules ("math domain error" / "math range error"), exact integer functions (factorial,
 * gcd, lcm, isqrt, comb, perm) and Shewchuk's exact fsum, as CPython's mathmodule.c. */
#include "modules.h"
#include <errno.h>
#include <math.h>
#include <string.h>

static OuroObject *domain_error(void)
{
    return ouro_err_format(&ouro_exc_ValueError, "math domain error");
}

static OuroObject *range_error(void)
{
    return ouro_err_format(&ouro_exc_OverflowError, "math range error");
}

/* The argument as a double ("must be real number, not str"). 0 / -1. */
static int arg_double(OuroObject *o, double *out)
{
    *out = ouro_float_as_double(o);
    return (*out == -1.0 && ouro_err_occurred()) ? -1 : 0;
}

/* CPython's math_1: NaN from a non-NaN is a domain error; an infinity from a finite
 * argument is a range error when the function can overflow, else a domain error. */
static OuroObject *math_1(OuroObject *arg, double (*fn)(double), bool can_overflow)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    if (errno == ERANGE && fabs(r) >= 1.0 && can_overflow)
        return range_error();
    return ouro_float_from_double(r);
}

#define MATH_FUNC_1(name, fn, ovf, doc)                                                  \
    static OuroObject *math_##name(OuroObject *self, OuroObject *arg)                   \
    {                                                                                    \
        return math_1(arg, fn, ovf);                                                     \
    }
MATH_FUNC_1(sqrt, sqrt, false, "")
MATH_FUNC_1(exp, exp, true, "")
MATH_FUNC_1(exp2, exp2, true, "")
MATH_FUNC_1(expm1, expm1, true, "")
MATH_FUNC_1(sin, sin, false, "")
MATH_FUNC_1(cos, cos, false, "")
MATH_FUNC_1(tan, tan, false, "")
MATH_FUNC_1(asin, asin, false, "")
MATH_FUNC_1(acos, acos, false, "")
MATH_FUNC_1(atan, atan, false, "")
MATH_FUNC_1(sinh, sinh, true, "")
MATH_FUNC_1(cosh, cosh, true, "")
MATH_FUNC_1(tanh, tanh, false, "")
MATH_FUNC_1(asinh, asinh, false, "")
MATH_FUNC_1(acosh, acosh, false, "")
MATH_FUNC_1(atanh, atanh, false, "")
MATH_FUNC_1(erf, erf, false, "")
MATH_FUNC_1(erfc, erfc, false, "")
/* The poles of Gamma (0, -1, -2, ...) are domain errors, as in CPython; lgamma comes
 * from libm (it may differ from CPython's own by an ulp). */
static double pole_nan(double x, double (*fn)(double))
{
    if (x <= 0 && x == floor(x))
        return NAN;
    return fn(x);
}
static double gamma_fn(double x) { return pole_nan(x, tgamma); }
static double lgamma_fn(double x) { return isinf(x) ? INFINITY : pole_nan(x, lgamma); }
MATH_FUNC_1(gamma, gamma_fn, true, "")
MATH_FUNC_1(lgamma, lgamma_fn, true, "")
MATH_FUNC_1(cbrt, cbrt, false, "")
MATH_FUNC_1(fabs, fabs, false, "")
MATH_FUNC_1(log1p, log1p, false, "")

static double to_degrees(double x) { return x * (180.0 / M_PI); }
static double to_radians(double x) { return x * (M_PI / 180.0); }
MATH_FUNC_1(degrees, to_degrees, true, "")
MATH_FUNC_1(radians, to_radians, false, "")

/* ------------------------------------------------------------------- logs -- */

/* log of a positive number of any size: ints beyond the double range are scaled down by
 * a power of two first (CPython's loghelper). kind: 0 natural, 2, 10. */
static int log_value(OuroObject *arg, int kind, double *out)
{
    double (*fn)(double) = kind == 2 ? log2 : kind == 10 ? log10 : log;
    if (ouro_int_check(arg)) {
        if (ouro_int_sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        double x = ouro_int_as_double(arg);
        if (x == -1.0 && ouro_err_occurred()) {
            if (!ouro_err_matches(&ouro_exc_OverflowError))
                return -1;
            ouro_err_clear();
            /* x = m * 2**e with m in [0.5, 1), as CPython's _PyLong_Frexp */
            uint64_t bits = ouro_int_bit_length(arg);
            OuroObject *sh = ouro_int_from_uint64(bits - 60);
            OuroObject *top = sh ? ouro_number_rshift(arg, sh) : NULL;
            OURO_XDECREF(sh);
            if (!top)
                return -1;
            double m = ldexp(ouro_int_as_double(top), -60);
            OURO_DECREF(top);
            *out = fn(m) + fn(2.0) * (double)bits;
            return 0;
        }
        *out = fn(x);
        return 0;
    }
    double x;
    if (arg_double(arg, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error();
        return -1;
    }
    *out = fn(x);
    return 0;
}

static OuroObject *math_log(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("log", nargs, 1, 2) < 0)
        return NULL;
    double num, den;
    if (log_value(args[0], 0, &num) < 0)
        return NULL;
    if (nargs == 1)
        return ouro_float_from_double(num);
    if (log_value(args[1], 0, &den) < 0)
        return NULL;
    if (den == 0.0)
        return ouro_err_format(&ouro_exc_ZeroDivisionError, "float division by zero");
    return ouro_float_from_double(num / den);
}

static OuroObject *math_log2(OuroObject *self, OuroObject *arg)
{
    double r;
    return log_value(arg, 2, &r) < 0 ? NULL : ouro_float_from_double(r);
}

static OuroObject *math_log10(OuroObject *self, OuroObject *arg)
{
    double r;
    return log_value(arg, 10, &r) < 0 ? NULL : ouro_float_from_double(r);
}

/* --------------------------------------------------------- two arguments -- */

static int two_doubles(const char *name, OuroObject *const *args, ouro_ssize nargs, double *x,
                       double *y)
{
    if (ou_builtin_check_nargs(name, nargs, 2, 2) < 0 || arg_double(args[0], x) < 0 ||
        arg_double(args[1], y) < 0)
        return -1;
    return 0;
}

static OuroObject *math_pow(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double x, y;
    if (two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    if (x == 0.0 && y < 0 && isfinite(y))
        return domain_error();
    if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y))
        return domain_error();
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error();
    return ouro_float_from_double(r);
}

static OuroObject *math_atan2(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double y, x;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0)
        return NULL;
    return ouro_float_from_double(atan2(y, x));
}

static OuroObject *math_copysign(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0)
        return NULL;
    return ouro_float_from_double(copysign(x, y));
}

/* nextafter(x, y): the next float after x towards y (C's nextafter: NaN in, NaN out;
 * x == y gives y). New reference, or NULL. */
static OuroObject *math_nextafter(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double x, y;
    if (two_doubles("nextafter", args, nargs, &x, &y) < 0)
        return NULL;
    return ouro_float_from_double(nextafter(x, y));
}

/* ulp(x): the value of the least significant bit of |x| (NaN and inf are returned as
 * |x|; for the largest finite float, the gap below it, as there is none above). A vector
 * call only for CPython's "math.ulp() takes exactly one argument" message. */
static OuroObject *math_ulp(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double x;
    if (nargs != 1)
        return ouro_err_format(&ouro_exc_TypeError,
                               "math.ulp() takes exactly one argument (%zd given)", nargs);
    if (arg_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return ouro_float_from_double(x);
    x = fabs(x);
    if (isinf(x))
        return ouro_float_from_double(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up))
        return ouro_float_from_double(x - nextafter(x, -INFINITY));
    return ouro_float_from_double(up - x);
}

static OuroObject *math_fmod(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return ouro_float_from_double(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return ouro_float_from_double(r);
}

static OuroObject *math_remainder(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0)
        return NULL;
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return ouro_float_from_double(r);
}

static OuroObject *math_ldexp(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double x;
    if (ou_builtin_check_nargs("ldexp", nargs, 2, 2) < 0 || arg_double(args[0], &x) < 0)
        return NULL;
    if (!ouro_int_check(args[1]))
        return ouro_err_format(&ouro_exc_TypeError, "Expected an int as second argument to ldexp.");
    int ovf = 0;
    int64_t e = ouro_int_as_int64_and_overflow(args[1], &ovf);
    if (ovf || e > 100000 || e < -100000)
        e = (ovf > 0 || e > 0) ? 100000 : -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x))
        return range_error();
    return ouro_float_from_double(r);
}

static OuroObject *math_hypot(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    double r = 0.0;
    bool inf = false;
    for (ouro_ssize i = 0; i < nargs; i++) {
        double x;
        if (arg_double(args[i], &x) < 0)
            return NULL;
        inf |= isinf(x);
        r = hypot(r, x);
    }
    return ouro_float_from_double(inf ? INFINITY : r);
}

static OuroObject *math_dist(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    if (ou_builtin_check_nargs("dist", nargs, 2, 2) < 0)
        return NULL;
    OuroObject *p = ouro_sequence_tuple(args[0]), *q = p ? ouro_sequence_tuple(args[1]) : NULL;
    OuroObject *r = NULL;
    if (q && OURO_TUPLE_SIZE(p) != OURO_TUPLE_SIZE(q)) {
        ouro_err_set_string(&ouro_exc_ValueError, "both points must have the same number of dimensions");
    } else if (q) {
        double acc = 0.0;
        ouro_ssize i = 0;
        for (; i < OURO_TUPLE_SIZE(p); i++) {
            double a, b;
            if (arg_double(OURO_TUPLE_GET(p, i), &a) < 0 || arg_double(OURO_TUPLE_GET(q, i), &b) < 0)
                break;
            acc = hypot(acc, a - b);
        }
        if (i == OURO_TUPLE_SIZE(p))
            r = ouro_float_from_double(acc);
    }
    OURO_XDECREF(p);
    OURO_XDECREF(q);
    return r;
}

/* ------------------------------------------------------ rounding to ints -- */

static OuroObject *round_to_int(const char *dunder, OuroObject *arg, double (*fn)(double))
{
    if (ouro_int_check(arg))
        return ouro_number_index(arg);
    if (!ouro_float_check(arg)) {
        OuroObject *r = ou_mod_call_method(arg, dunder, NULL, 0, NULL);
        if (r || !ouro_err_matches(&ouro_exc_AttributeError))
            return r;
        ouro_err_clear();
    }
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    return ouro_int_from_double(fn(x));
}

static OuroObject *math_floor(OuroObject *self, OuroObject *arg)
{
    return round_to_int("__floor__", arg, floor);
}

static OuroObject *math_ceil(OuroObject *self, OuroObject *arg)
{
    return round_to_int("__ceil__", arg, ceil);
}

static OuroObject *math_trunc(OuroObject *self, OuroObject *arg)
{
    if (ouro_float_check(arg) || ouro_int_check(arg))
        return round_to_int("__trunc__", arg, trunc);
    OuroObject *r = ou_mod_call_method(arg, "__trunc__", NULL, 0, NULL);
    if (!r && ouro_err_matches(&ouro_exc_AttributeError)) {
        ouro_err_clear();
        return ouro_err_format(&ouro_exc_TypeError, "type %s doesn't define __trunc__ method",
                               OURO_TYPE_NAME(arg));
    }
    return r;
}

static OuroObject *math_modf(OuroObject *self, OuroObject *arg)
{
    double x, ip;
    if (arg_double(arg, &x) < 0)
        return NULL;
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x))
        ip = x;
    OuroObject *a = ouro_float_from_double(fp), *b = ouro_float_from_double(ip);
    OuroObject *t = a && b ? ouro_tuple_pack(2, a, b) : NULL;
    OURO_XDECREF(a);
    OURO_XDECREF(b);
    return t;
}

static OuroObject *math_frexp(OuroObject *self, OuroObject *arg)
{
    double x;
    int e = 0;
    if (arg_double(arg, &x) < 0)
        return NULL;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    OuroObject *a = ouro_float_from_double(m), *b = ouro_int_from_int64(e);
    OuroObject *t = a && b ? ouro_tuple_pack(2, a, b) : NULL;
    OURO_XDECREF(a);
    OURO_XDECREF(b);
    return t;
}

/* ------------------------------------------------------------ predicates -- */

static OuroObject *pred(OuroObject *arg, int which)
{
    double x;
    if (arg_double(arg, &x) < 0)
        return NULL;
    bool v = which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x);
    return OURO_NEWREF(v ? OURO_TRUE : OURO_FALSE);
}

static OuroObject *math_isfinite(OuroObject *self, OuroObject *arg) { return pred(arg, 0); }
static OuroObject *math_isinf(OuroObject *self, OuroObject *arg) { return pred(arg, 1); }
static OuroObject *math_isnan(OuroObject *self, OuroObject *arg) { return pred(arg, 2); }

static OuroObject *math_isclose(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                                OuroObject *kwnames)
{
    static const char *const kwlist[] = { "a", "b", "rel_tol", "abs_tol" };
    OuroObject *o[4];
    if (ou_builtin_parse_args("isclose", args, nargs, kwnames, kwlist, 4, 2, o) < 0)
        return NULL;
    double a, b, rel = 1e-9, abs_tol = 0.0;
    if (arg_double(o[0], &a) < 0 || arg_double(o[1], &b) < 0 ||
        (o[2] && arg_double(o[2], &rel) < 0) || (o[3] && arg_double(o[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0)
        return ouro_err_format(&ouro_exc_ValueError, "tolerances must be non-negative");
    if (a == b)
        return OURO_NEWREF(OURO_TRUE);
    if (isinf(a) || isinf(b))
        return OURO_NEWREF(OURO_FALSE);
    double diff = fabs(b - a);
    bool close = (diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || diff <= abs_tol;
    return OURO_NEWREF(close ? OURO_TRUE : OURO_FALSE);
}

/* ---------------------------------------------------------------- integers -- */

/* The argument as an int (floats refused: "'float' object cannot be interpreted as an
 * integer"). New reference or NULL. */
static OuroObject *arg_int(OuroObject *o)
{
    return ouro_number_index(o);
}

static OuroObject *math_factorial(OuroObject *self, OuroObject *arg)
{
    OuroObject *n = arg_int(arg);
    if (!n)
        return NULL;
    int ovf = 0;
    int64_t v = ouro_int_as_int64_and_overflow(n, &ovf);
    OURO_DECREF(n);
    if (ovf < 0 || (!ovf && v < 0))
        return ouro_err_format(&ouro_exc_ValueError, "factorial() not defined for negative values");
    if (ovf)
        return ouro_err_format(&ouro_exc_OverflowError, "factorial() argument should not exceed %ld",
                               (long)INT64_MAX);
    OuroObject *acc = ouro_int_from_int64(1);
    for (int64_t i = 2; acc && i <= v; i++) {
        OuroObject *k = ouro_int_from_int64(i);
        OuroObject *r = k ? ouro_number_multiply(acc, k) : NULL;
        OURO_XDECREF(k);
        OURO_SETREF(acc, r);
    }
    return acc;
}

/* gcd of two ints (Euclid on absolute values). New reference or NULL. */
static OuroObject *gcd2(OuroObject *a, OuroObject *b)
{
    a = ouro_number_absolute(a);
    b = a ? ouro_number_absolute(b) : NULL;
    while (a && b && ouro_int_sign(b) != 0) {
        OuroObject *r = ouro_number_remainder(a, b);
        OURO_DECREF(a);
        a = b;
        b = r;
    }
    if (!b) {
        OURO_XDECREF(a);
        return NULL;
    }
    OURO_DECREF(b);
    return a;
}

static OuroObject *math_gcd(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    OuroObject *acc = ouro_int_from_int64(0);
    for (ouro_ssize i = 0; acc && i < nargs; i++) {
        OuroObject *x = arg_int(args[i]);
        OuroObject *g = x ? gcd2(acc, x) : NULL;
        OURO_XDECREF(x);
        OURO_SETREF(acc, g);
    }
    return acc;
}

static OuroObject *math_lcm(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    OuroObject *acc = ouro_int_from_int64(1);
    for (ouro_ssize i = 0; acc && i < nargs; i++) {
        OuroObject *x = arg_int(args[i]);
        if (!x) {
            OURO_CLEAR(acc);
            break;
        }
        if (ouro_int_sign(x) == 0 || ouro_int_sign(acc) == 0) {
            OURO_DECREF(x);
            OURO_SETREF(acc, ouro_int_from_int64(0));
            continue;
        }
        OuroObject *g = gcd2(acc, x);
        OuroObject *q = g ? ouro_number_floor_divide(acc, g) : NULL;
        OuroObject *m = q ? ouro_number_multiply(q, x) : NULL;
        OuroObject *r = m ? ouro_number_absolute(m) : NULL;
        OURO_XDECREF(g);
        OURO_XDECREF(q);
        OURO_XDECREF(m);
        OURO_DECREF(x);
        OURO_SETREF(acc, r);
    }
    return acc;
}

/* isqrt(n): Newton's iteration on ints from an over-estimate 2**ceil(bits/2). */
static OuroObject *math_isqrt(OuroObject *self, OuroObject *arg)
{
    OuroObject *n = arg_int(arg);
    if (!n)
        return NULL;
    if (ouro_int_sign(n) < 0) {
        OURO_DECREF(n);
        return ouro_err_format(&ouro_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    if (ouro_int_sign(n) == 0)
        return n;
    OuroObject *one = ouro_int_from_int64(1);
    OuroObject *sh = ouro_int_from_uint64((ouro_int_bit_length(n) + 1) / 2);
    OuroObject *x = ouro_number_lshift(one, sh);
    OURO_DECREF(sh);
    while (x) {
        /* y = (x + n // x) // 2; stop when y >= x */
        OuroObject *q = ouro_number_floor_divide(n, x);
        OuroObject *s = q ? ouro_number_add(x, q) : NULL;
        OuroObject *y = s ? ouro_number_rshift(s, one) : NULL;
        OURO_XDECREF(q);
        OURO_XDECREF(s);
        if (!y) {
            OURO_CLEAR(x);
            break;
        }
        int ge = ouro_object_richcompare_bool(y, x, OURO_GE);
        if (ge != 0) {
            OURO_DECREF(y);
            if (ge < 0)
                OURO_CLEAR(x);
            break;
        }
        OURO_SETREF(x, y);
    }
    OURO_DECREF(one);
    OURO_DECREF(n);
    return x;
}

/* n! / (n-k)! (perm) or that divided by k! (comb), as a running product. */
static OuroObject *comb_perm(const char *name, OuroObject *const *args, ouro_ssize nargs,
                             bool comb)
{
    if (ou_builtin_check_nargs(name, nargs, comb ? 2 : 1, 2) < 0)
        return NULL;
    OuroObject *n = arg_int(args[0]);
    OuroObject *k = !n ? NULL : (nargs > 1 && args[1] != OURO_NONE) ? arg_int(args[1])
                                                                  : OURO_NEWREF(n);
    OuroObject *acc = NULL;
    if (!k)
        goto done;
    if (ouro_int_sign(n) < 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "n must be a non-negative integer");
        goto done;
    }
    if (ouro_int_sign(k) < 0) {
        ouro_err_set_string(&ouro_exc_ValueError, "k must be a non-negative integer");
        goto done;
    }
    int ovf = 0;
    int64_t kv = ouro_int_as_int64_and_overflow(k, &ovf);
    int gt = ouro_object_richcompare_bool(k, n, OURO_GT);
    if (gt != 0) {
        acc = gt < 0 ? NULL : ouro_int_from_int64(0);
        goto done;
    }
    if (ovf) {
        ouro_err_set_string(&ouro_exc_OverflowError, "k must not exceed 9223372036854775807");
        goto done;
    }
    if (comb) { /* use the smaller of k and n - k */
        OuroObject *kk = ouro_int_from_int64(kv);
        OuroObject *nk = kk ? ouro_number_subtract(n, kk) : NULL;
        OURO_XDECREF(kk);
        if (!nk)
            goto done;
        int64_t nkv = ouro_int_as_int64_and_overflow(nk, &ovf);
        OURO_DECREF(nk);
        if (!ovf && nkv < kv)
            kv = nkv;
    }
    acc = ouro_int_from_int64(1);
    for (int64_t i = 0; acc && i < kv; i++) {
        OuroObject *iv = ouro_int_from_int64(i);
        OuroObject *f = iv ? ouro_number_subtract(n, iv) : NULL;
        OuroObject *m = f ? ouro_number_multiply(acc, f) : NULL;
        OURO_XDECREF(iv);
        OURO_XDECREF(f);
        OURO_SETREF(acc, m);
        if (acc && comb) {
            OuroObject *d = ouro_int_from_int64(i + 1);
            OuroObject *q = d ? ouro_number_floor_divide(acc, d) : NULL;
            OURO_XDECREF(d);
            OURO_SETREF(acc, q);
        }
    }
done:
    OURO_XDECREF(n);
    OURO_XDECREF(k);
    return acc;
}

static OuroObject *math_comb(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return comb_perm("comb", args, nargs, true);
}

static OuroObject *math_perm(OuroObject *self, OuroObject *const *args, ouro_ssize nargs)
{
    return comb_perm("perm", args, nargs, false);
}

static OuroObject *math_prod(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                             OuroObject *kwnames)
{
    static const char *const kwlist[] = { "", "start" };
    OuroObject *o[2];
    if (ou_builtin_parse_args("prod", args, nargs, kwnames, kwlist, 2, 1, o) < 0)
        return NULL;
    OuroObject *acc = o[1] ? OURO_NEWREF(o[1]) : ouro_int_from_int64(1);
    OuroObject *it = acc ? ouro_object_get_iter(o[0]) : NULL;
    OuroObject *item;
    while (it && acc && (item = ouro_iter_next(it))) {
        OuroObject *r = ouro_number_multiply(acc, item);
        OURO_DECREF(item);
        OURO_SETREF(acc, r);
    }
    OURO_XDECREF(it);
    if (ouro_err_occurred())
        OURO_CLEAR(acc);
    return acc;
}

/* ------------------------------------------------------------------- fsum -- */

/* Exact sum of floats: Shewchuk's partials with CPython's final rounding correction. */
static OuroObject *math_fsum(OuroObject *self, OuroObject *seq)
{
    OuroObject *it = ouro_object_get_iter(seq);
    if (!it)
        return NULL;
    double small[32], *p = small;
    ouro_ssize n = 0, cap = 32;
    double special = 0.0, inf_sum = 0.0;
    OuroObject *item;
    while ((item = ouro_iter_next(it))) {
        double x;
        int rc = arg_double(item, &x);
        OURO_DECREF(item);
        if (rc < 0)
            goto fail;
        double xsave = x;
        ouro_ssize i = 0;
        for (ouro_ssize j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    ouro_err_set_string(&ouro_exc_OverflowError, "intermediate overflow in fsum");
                    goto fail;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    double *np = ou_mem_alloc(sizeof(double) * (size_t)cap * 2);
                    if (!np) {
                        ouro_err_no_memory();
                        goto fail;
                    }
                    memcpy(np, p, sizeof(double) * (size_t)n);
                    if (p != small)
                        ou_mem_free(p);
                    p = np;
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (ouro_err_occurred())
        goto fail;
    OURO_DECREF(it);
    double hi = 0.0;
    if (special != 0.0) {
        if (isnan(inf_sum)) {
            if (p != small)
                ou_mem_free(p);
            return ouro_err_format(&ouro_exc_ValueError, "-inf + inf in fsum");
        }
        hi = special;
    } else if (n > 0) {
        hi = p[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    if (p != small)
        ou_mem_free(p);
    return ouro_float_from_double(hi);
fail:
    if (p != small)
        ou_mem_free(p);
    OURO_DECREF(it);
    return NULL;
}

#define M1(name, doc) { #name, OURO_METH(math_##name), OURO_METH_O, doc }
#define MF(name, doc) { #name, OURO_METH(math_##name), OURO_METH_FASTCALL, doc }
#define MK(name, doc) { #name, OURO_METH(math_##name), OURO_METH_FASTCALL | OURO_METH_KEYWORDS, doc }
static const OuroMethodDef math_methods[] = {
    M1(sqrt, "Return the square root of x."), M1(exp, "Return e raised to the power of x."),
    M1(exp2, "Return 2 raised to the power of x."), M1(expm1, "Return exp(x)-1."),
    M1(sin, "Return the sine of x (measured in radians)."),
    M1(cos, "Return the cosine of x (measured in radians)."),
    M1(tan, "Return the tangent of x (measured in radians)."),
    M1(asin, "Return the arc sine (measured in radians) of x."),
    M1(acos, "Return the arc cosine (measured in radians) of x."),
    M1(atan, "Return the arc tangent (measured in radians) of x."),
    M1(sinh, "Return the hyperbolic sine of x."), M1(cosh, "Return the hyperbolic cosine of x."),
    M1(tanh, "Return the hyperbolic tangent of x."),
    M1(asinh, "Return the inverse hyperbolic sine of x."),
    M1(acosh, "Return the inverse hyperbolic cosine of x."),
    M1(atanh, "Return the inverse hyperbolic tangent of x."),
    M1(erf, "Error function at x."), M1(erfc, "Complementary error function at x."),
    M1(gamma, "Gamma function at x."), M1(lgamma, "Natural logarithm of absolute value of Gamma function at x."),
    M1(cbrt, "Return the cube root of x."), M1(fabs, "Return the absolute value of the float x."),
    M1(log1p, "Return the natural logarithm of 1+x (base e)."),
    M1(degrees, "Convert angle x from radians to degrees."),
    M1(radians, "Convert angle x from degrees to radians."),
    MF(log, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."),
    M1(log2, "Return the base 2 logarithm of x."), M1(log10, "Return the base 10 logarithm of x."),
    MF(pow, "Return x**y (x to the power of y)."), MF(atan2, "Return the arc tangent (measured in radians) of y/x."),
    MF(copysign, "Return a float with the magnitude (absolute value) of x but the sign of y."),
    MF(fmod, "Return fmod(x, y), according to platform C."),
    MF(nextafter, "Return the next floating-point value after x towards y."),
    MF(ulp, "Return the value of the least significant bit of the float x."),
    MF(remainder, "Difference between x and the closest integer multiple of y."),
    MF(ldexp, "Return x * (2**i)."), MF(hypot, "Multidimensional Euclidean distance from the origin to a point."),
    MF(dist, "Return the Euclidean distance between two points p and q."),
    M1(floor, "Return the floor of x as an Integral."), M1(ceil, "Return the ceiling of x as an Integral."),
    M1(trunc, "Truncates the Real x to the nearest Integral toward 0."),
    M1(modf, "Return the fractional and integer parts of x."),
    M1(frexp, "Return the mantissa and exponent of x, as pair (m, e)."),
    M1(isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise."),
    M1(isinf, "Return True if x is a positive or negative infinity, and False otherwise."),
    M1(isnan, "Return True if x is a NaN (not a number), and False otherwise."),
    MK(isclose, "Determine whether two floating point numbers are close in value."),
    M1(factorial, "Find n!."), MF(gcd, "Greatest Common Divisor."), MF(lcm, "Least Common Multiple."),
    M1(isqrt, "Return the integer part of the square root of the input."),
    MF(comb, "Number of ways to choose k items from n items without repetition and without order."),
    MF(perm, "Number of ways to choose k items from n items without repetition and with order."),
    MK(prod, "Calculate the product of all the elements in the input iterable."),
    M1(fsum, "Return an accurate floating point sum of values in the iterable seq."),
    { NULL, NULL, 0, NULL },
};

const OuroMethodDef *ou_math_methods(void) { return math_methods; }

OuroObject *ou_math_create(void)
{
    OuroObject *m = ou_module_from_defs("math", math_methods,
                                        "This module provides access to the mathematical "
                                        "functions defined by the C standard.");
    if (!m)
        return NULL;
    OuroObject *d = ou_module_dict(m);
    static const struct { const char *name; double v; } consts[] = {
        { "pi", M_PI }, { "e", M_E }, { "tau", 2 * M_PI }, { "inf", INFINITY }, { "nan", NAN },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        OuroObject *v = ouro_float_from_double(consts[i].v);
        if (!v || ouro_dict_set_item_str(d, consts[i].name, v) < 0) {
            OURO_XDECREF(v);
            OURO_DECREF(m);
            return NULL;
        }
        OURO_DECREF(v);
    }
    return m;
}
