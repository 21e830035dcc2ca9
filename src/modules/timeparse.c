/* src/modules/timeparse.c — time.strptime: parses a string by a format the way CPython's
 * _strptime does in the C locale (English names, the format's whitespace matching one or
 * more whitespace characters, letters compared case-insensitively), then fills the
 * missing fields: 1900-01-01 00:00:00, the weekday and day of the year computed from the
 * date (or the date from %j, from %U/%W or from %G/%V, with a weekday). No regular
 * expressions: each numeric directive and %z tries its lengths longest first and
 * backtracks into shorter ones when the rest of the format fails, as the expression
 * would. Narrative: docs/internals/language.md, "time". */
#include "modules.h"
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static const char *const day_names[7] = { "monday", "tuesday", "wednesday", "thursday",
                                          "friday", "saturday", "sunday" };
static const char *const month_names[12] = { "january", "february", "march", "april",
                                             "may", "june", "july", "august", "september",
                                             "october", "november", "december" };

/* What the directives found; -1 (or NULL) = not given. */
typedef struct {
    int year, month, day, hour, minute, second, julian, weekday, week, week_starts_mon;
    int iso_year, iso_week;
    int hour12, ampm, isdst;
    bool have_gmtoff;
    int z_bad; /* 1: a first colon only; 2: a second colon only (_strptime's int() fails) */
    long gmtoff;
    const char *z; /* the %z text, for the message of z_bad */
    size_t zlen;
    const char *zone;
    size_t zonelen;
} Fields;

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* The name at *p (full names, or their first three letters when abbr), compared
 * case-insensitively; advances *p and returns its index, or -1. (No name of either list
 * is a prefix of another, so there is at most one.) */
static int take_name(const char **p, const char *const *names, int count, bool abbr)
{
    for (int i = 0; i < count; i++) {
        size_t n = abbr ? 3 : strlen(names[i]);
        if (strncasecmp(*p, names[i], n) == 0) {
            *p += n;
            return i;
        }
    }
    return -1;
}

/* %z at s, in one of its lengths: the regular expression is
 * Z|[+-]HH:?MM(:?SS(.ffffff)?)?, and mode 0 stops after the minutes, 1 after the seconds,
 * 2 takes the fraction too. Fills f and returns the end, or NULL when that form is not
 * there. A first colon without the second is _strptime's "Inconsistent use of :", noted
 * in f for after the match (and a second colon alone, which _strptime fails to convert). */
static const char *take_utcoffset(const char *s, int mode, Fields *f)
{
    const char *start = s;
    if (*s == 'Z') { /* case-sensitive even though the rest is not */
        if (mode != 0)
            return NULL;
        f->have_gmtoff = true;
        f->gmtoff = 0;
        f->z_bad = 0;
        return s + 1;
    }
    if ((*s != '+' && *s != '-') || !isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]))
        return NULL;
    int sign = *s == '-' ? -1 : 1;
    int hh = (s[1] - '0') * 10 + (s[2] - '0');
    s += 3;
    bool colon1 = *s == ':';
    s += colon1;
    if (!(s[0] >= '0' && s[0] <= '5') || !isdigit((unsigned char)s[1]))
        return NULL;
    int mm = (s[0] - '0') * 10 + (s[1] - '0'), ss = 0;
    s += 2;
    bool colon2 = false;
    if (mode >= 1) {
        colon2 = *s == ':';
        const char *t = s + colon2;
        if (!(t[0] >= '0' && t[0] <= '5') || !isdigit((unsigned char)t[1]))
            return NULL;
        ss = (t[0] - '0') * 10 + (t[1] - '0');
        s = t + 2;
        if (mode == 2) {
            if (*s != '.' || !isdigit((unsigned char)s[1]))
                return NULL;
            s++;
            for (int i = 0; i < 6 && isdigit((unsigned char)*s); i++)
                s++;
        }
    }
    f->have_gmtoff = true;
    f->gmtoff = sign * (hh * 3600L + mm * 60L + ss);
    f->z_bad = mode == 0 || colon1 == colon2 ? 0 : colon1 ? 1 : 2;
    f->z = start;
    f->zlen = (size_t)(s - start);
    return s;
}

/* %Z: utc, gmt or the module's tzname values (case-insensitive, longest first); sets
 * isdst as _strptime does. 0, or -1 when nothing matches. */
static int take_zone(const char **p, Fields *f, OuroObject *mod)
{
    OuroObject *d = ou_module_dict(mod);
    OuroObject *tzn = ouro_dict_get_item_str(d, "tzname");
    OuroObject *dl = ouro_dict_get_item_str(d, "daylight");
    bool daylight = dl && ouro_int_check(dl) && ouro_int_as_int64(dl) != 0;
    const char *names[4] = { "utc", "gmt", NULL, NULL };
    int isdst[4] = { 0, 0, 0, 1 };
    if (tzn && ouro_object_type_check(tzn, &ouro_tuple_type) && OURO_TUPLE_SIZE(tzn) == 2 &&
        ouro_str_check(OURO_TUPLE_GET(tzn, 0)) && ouro_str_check(OURO_TUPLE_GET(tzn, 1))) {
        names[2] = ouro_str_utf8(OURO_TUPLE_GET(tzn, 0));
        if (daylight)
            names[3] = ouro_str_utf8(OURO_TUPLE_GET(tzn, 1));
    }
    int best = -1;
    size_t bestlen = 0;
    for (int i = 0; i < 4; i++) {
        size_t n = names[i] ? strlen(names[i]) : 0;
        if (n > bestlen && strncasecmp(*p, names[i], n) == 0) {
            best = i;
            bestlen = n;
        }
    }
    if (best < 0)
        return -1;
    f->zone = *p;
    f->zonelen = bestlen;
    *p += bestlen;
    bool same = names[2] && names[3] && strcasecmp(names[2], names[3]) == 0;
    if (!(same && daylight && best >= 2))
        f->isdst = isdst[best];
    return 0;
}

/* The format with %c, %x and %X replaced by the C locale's forms, checked for bad
 * directives first (as _strptime compiles its pattern before matching). New buffer
 * (ouro_mem_free it), or NULL with ValueError / MemoryError. */
static char *expand_format(const char *fmt)
{
    /* a 2-byte %c grows to 20 bytes, the most of any directive */
    char *out = ouro_mem_malloc(10 * strlen(fmt) + 1), *o = out;
    if (!out) {
        ouro_err_no_memory();
        return NULL;
    }
    for (const char *c = fmt; *c; c++) {
        if (*c != '%') {
            *o++ = *c;
            continue;
        }
        c++;
        const char *sub = NULL;
        switch (*c) {
        case '\0':
            ouro_mem_free(out);
            ouro_err_format(&ouro_exc_ValueError, "stray %% in format '%s'", fmt);
            return NULL;
        case 'c': sub = "%a %b %d %H:%M:%S %Y"; break;
        case 'x': sub = "%m/%d/%y"; break;
        case 'X': sub = "%H:%M:%S"; break;
        default:
            if (!strchr("%YymdHIMSfjUWwuaAbBpzZGV", *c)) {
                ouro_mem_free(out);
                ouro_err_format(&ouro_exc_ValueError, "'%c' is a bad directive in format '%s'",
                                *c, fmt);
                return NULL;
            }
        }
        if (sub) {
            size_t k = strlen(sub);
            memcpy(o, sub, k);
            o += k;
        } else {
            *o++ = '%';
            *o++ = *c;
        }
    }
    *o = '\0';
    return out;
}

/* Beyond this depth of backtracking points, numeric directives keep their longest
 * match (bounds the C recursion for pathological formats). */
#define MAX_BACKTRACK_DEPTH 200

/* Stores the value v of a numeric directive d in f. */
static void set_num(Fields *f, char d, int v)
{
    switch (d) {
    case 'Y': f->year = v; break;
    case 'y': f->year = v + (v <= 68 ? 2000 : 1900); break;
    case 'm': f->month = v; break;
    case 'd': f->day = v; break;
    case 'H': f->hour = v; break;
    case 'I': f->hour12 = v; break;
    case 'M': f->minute = v; break;
    case 'S': f->second = v; break;
    case 'j': f->julian = v; break;
    case 'U': f->week = v; f->week_starts_mon = 0; break;
    case 'W': f->week = v; f->week_starts_mon = 1; break;
    case 'w': f->weekday = (v + 6) % 7; break;
    case 'u': f->weekday = v - 1; break;
    case 'G': f->iso_year = v; break;
    case 'V': f->iso_week = v; break;
    default: break; /* f: the fraction is dropped by time.strptime */
    }
}

/* Matches the (expanded, valid) format fmt against s, filling f; *end is where the match
 * stopped. A numeric directive tries its digit counts longest first and backtracks into
 * the shorter ones when the rest fails, as the regular expression does ("200911" by
 * "%Y%m%d" is 2009-1-1). 1 = matched, 0 = not. */
static int match(const char *s, const char *fmt, Fields *f, OuroObject *mod, const char **end,
                 int depth)
{
    for (const char *c = fmt; *c; c++) {
        if (is_space(*c)) {
            while (is_space(c[1]))
                c++;
            if (!is_space(*s))
                return 0;
            while (is_space(*s))
                s++;
            continue;
        }
        if (*c != '%') {
            if (tolower((unsigned char)*c) != tolower((unsigned char)*s))
                return 0;
            s++;
            continue;
        }
        char d = *++c;
        int v, mind = 1, maxd = 2, lo = 0, hi = 0;
        switch (d) {
        case '%':
            if (*s++ != '%')
                return 0;
            continue;
        case 'a':
        case 'A':
            if ((v = take_name(&s, day_names, 7, d == 'a')) < 0)
                return 0;
            f->weekday = v;
            continue;
        case 'b':
        case 'B':
            if ((v = take_name(&s, month_names, 12, d == 'b')) < 0)
                return 0;
            f->month = v + 1;
            continue;
        case 'p':
            if (strncasecmp(s, "am", 2) == 0)
                f->ampm = 0;
            else if (strncasecmp(s, "pm", 2) == 0)
                f->ampm = 1;
            else
                return 0;
            s += 2;
            continue;
        case 'z':
            /* its longest form first, backtracking into the shorter ones */
            for (int mode = 2; mode >= 0; mode--) {
                Fields g = *f;
                const char *e = take_utcoffset(s, mode, &g);
                if (e && match(e, c + 1, &g, mod, end, depth + 1)) {
                    *f = g;
                    return 1;
                }
            }
            return 0;
        case 'Z':
            if (take_zone(&s, f, mod) < 0)
                return 0;
            continue;
        case 'Y': mind = maxd = 4; hi = 9999; break;
        case 'y': mind = 2; hi = 99; break;
        case 'm': lo = 1; hi = 12; break;
        case 'd':
            lo = 1;
            hi = 31;
            /* " 7": the space-padded form (one digit only) */
            if (*s == ' ' && s[1] >= '1' && s[1] <= '9') {
                s++;
                maxd = 1;
            }
            break;
        case 'H': hi = 23; break;
        case 'I': lo = 1; hi = 12; break;
        case 'M': hi = 59; break;
        case 'S': hi = 61; break;
        case 'f': maxd = 6; hi = 999999; break;
        case 'j': maxd = 3; lo = 1; hi = 366; break;
        case 'U':
        case 'W': hi = 53; break;
        case 'w': maxd = 1; hi = 6; break;
        case 'u': maxd = 1; lo = 1; hi = 7; break;
        case 'G': mind = maxd = 4; hi = 9999; break;
        case 'V': hi = 53; break;
        default: return 0; /* expand_format let no other through */
        }
        int n = 0;
        while (n < maxd && isdigit((unsigned char)s[n]))
            n++;
        /* the candidates, longest first: the first one that lets the rest match wins */
        for (; n >= mind && n > 0; n--) {
            v = 0;
            for (int i = 0; i < n; i++)
                v = v * 10 + (s[i] - '0');
            if (v < lo || v > hi || (d == 'V' && n == 2 && v == 0)) /* %V: "0" but not "00" */
                continue;
            if (depth >= MAX_BACKTRACK_DEPTH) {
                set_num(f, d, v);
                s += n;
                goto next;
            }
            Fields g = *f;
            set_num(&g, d, v);
            if (match(s + n, c + 1, &g, mod, end, depth + 1)) {
                *f = g;
                return 1;
            }
        }
        return 0;
    next:;
    }
    *end = s;
    return 1;
}

/* ---------------------------------------------------------------- calendar -- */

static bool is_leap(long y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

static int days_in_month(long y, int m)
{
    static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

/* Days from 0001-01-01 (day 1, proleptic Gregorian), as date.toordinal. */
static long ordinal(long y, int m, int d)
{
    long y1 = y - 1, n = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400;
    for (int i = 1; i < m; i++)
        n += days_in_month(y, i);
    return n + d;
}

/* The datetime.date range the computations stay in: ValueError "year 0 is out of
 * range" outside 1..9999. 0 / -1. */
static int check_year(long y)
{
    if (y >= 1 && y <= 9999)
        return 0;
    ouro_err_format(&ouro_exc_ValueError, "year %ld is out of range", y);
    return -1;
}

/* Monday = 0, as date.weekday. */
static int weekday_of(long y, int m, int d) { return (int)((ordinal(y, m, d) + 6) % 7); }

/* strptime(string, format='%a %b %d %H:%M:%S %Y'). New struct_time, or NULL. */
OuroObject *ou_time_strptime(OuroObject *self, OuroObject *const *args, ouro_ssize nargs,
                             OuroObject *kwnames)
{
    if (ou_builtin_no_kwargs("strptime", kwnames) < 0)
        return NULL;
    /* CPython's time.strptime calls _strptime._strptime_time(*args): its messages */
    if (nargs < 1)
        return ouro_err_format(&ouro_exc_TypeError, "_strptime_time() missing 1 required "
                                                    "positional argument: 'data_string'");
    if (nargs > 2)
        return ouro_err_format(&ouro_exc_TypeError, "_strptime_time() takes from 1 to 2 "
                                                    "positional arguments but %zd were given",
                               nargs);
    for (ouro_ssize i = 0; i < nargs; i++)
        if (!ouro_str_check(args[i]))
            return ouro_err_format(&ouro_exc_TypeError,
                                   "strptime() argument %zd must be str, not <class '%s'>", i,
                                   OURO_TYPE_NAME(args[i]));
    const char *data = ouro_str_utf8(args[0]);
    const char *fmt = nargs > 1 ? ouro_str_utf8(args[1]) : "%a %b %d %H:%M:%S %Y";
    Fields f = { .year = -1, .month = -1, .day = -1, .hour = -1, .minute = -1, .second = -1,
                 .julian = -1, .weekday = -1, .week = -1, .hour12 = -1, .ampm = -1,
                 .isdst = -1, .iso_year = -1, .iso_week = -1 };
    char *efmt = expand_format(fmt);
    if (!efmt)
        return NULL;
    const char *s = data;
    int r = match(data, efmt, &f, self, &s, 0);
    ouro_mem_free(efmt);
    if (r == 0) {
        OuroObject *fo = nargs > 1 ? OURO_NEWREF(args[1]) : ouro_str_from_cstr(fmt);
        if (fo) {
            ouro_err_format(&ouro_exc_ValueError, "time data %R does not match format %R",
                            args[0], fo);
            OURO_DECREF(fo);
        }
        return NULL;
    }
    size_t datalen = (size_t)ouro_str_byte_length(args[0]);
    if (s != data + datalen) { /* also catches text after an embedded NUL */
        OuroObject *rest = ouro_str_from_utf8(s, datalen - (size_t)(s - data));
        if (rest) {
            ouro_err_format(&ouro_exc_ValueError, "unconverted data remains: %U", rest);
            OURO_DECREF(rest);
        }
        return NULL;
    }

    if (f.z_bad == 1) {
        OuroObject *z = ouro_str_from_utf8(f.z, f.zlen);
        if (z) {
            ouro_err_format(&ouro_exc_ValueError, "Inconsistent use of : in %U", z);
            OURO_DECREF(z);
        }
        return NULL;
    }
    if (f.z_bad == 2) /* the seconds field read from ":S" */
        return ouro_err_format(&ouro_exc_ValueError,
                               "invalid literal for int() with base 10: ':%c'", f.z[6]);
    /* the ISO week date needs all three parts, and excludes %j and %Y */
    if (f.year < 0 && f.iso_year >= 0) {
        if (f.iso_week < 0 || f.weekday < 0)
            return ouro_err_format(&ouro_exc_ValueError,
                                   "ISO year directive '%%G' must be used with the ISO week "
                                   "directive '%%V' and a weekday directive ('%%A', '%%a', "
                                   "'%%w', or '%%u').");
        if (f.julian >= 0)
            return ouro_err_format(&ouro_exc_ValueError,
                                   "Day of the year directive '%%j' is not compatible with ISO "
                                   "year directive '%%G'. Use '%%Y' instead.");
    } else if (f.week < 0 && f.iso_week >= 0) {
        if (f.weekday < 0)
            return ouro_err_format(&ouro_exc_ValueError,
                                   "ISO week directive '%%V' must be used with the ISO year "
                                   "directive '%%G' and a weekday directive ('%%A', '%%a', "
                                   "'%%w', or '%%u').");
        return ouro_err_format(&ouro_exc_ValueError,
                               "ISO week directive '%%V' is incompatible with the year "
                               "directive '%%Y'. Use the ISO year '%%G' instead.");
    }
    long year = f.year >= 0 ? f.year : 1900;
    int month = f.month > 0 ? f.month : 1, day = f.day > 0 ? f.day : 1;
    int hour = f.hour >= 0 ? f.hour : 0;
    if (f.hour12 >= 0) { /* %I wins over %H, as in _strptime's order */
        hour = f.hour12;
        if (f.ampm == 1) {
            if (hour != 12)
                hour += 12;
        } else if (hour == 12) {
            hour = 0;
        }
    }
    /* Feb 29 without a year: compute in a leap year, report 1900 (as _strptime) */
    bool leap_fix = f.year < 0 && month == 2 && day == 29;
    if (leap_fix)
        year = 1904;
    long julian = f.julian;
    bool have_julian = julian >= 0;
    if (!have_julian && f.weekday >= 0 && f.week >= 0) {
        have_julian = true;
        /* the day of the year from the week number (%U: weeks start on Sunday) */
        if (check_year(year) < 0)
            return NULL;
        int first = weekday_of(year, 1, 1), dow = f.weekday;
        if (!f.week_starts_mon) {
            first = (first + 1) % 7;
            dow = (dow + 1) % 7;
        }
        if (f.week == 0)
            julian = 1 + dow - first;
        else
            julian = 1 + (7 - first) % 7 + 7L * (f.week - 1) + dow;
    } else if (!have_julian && f.weekday >= 0 && f.iso_year >= 0 && f.iso_week >= 0) {
        have_julian = true;
        /* ISO week 1 holds January 4th: count from the Monday before it */
        year = f.iso_year;
        if (check_year(year) < 0)
            return NULL;
        long jan4_isoweekday = weekday_of(year, 1, 4) + 1;
        julian = 7L * f.iso_week + (f.weekday + 1) - (jan4_isoweekday + 3);
        if (julian < 1) {
            julian += ordinal(year, 1, 1);
            year--;
            if (check_year(year) < 0)
                return NULL;
            julian -= ordinal(year, 1, 1);
        }
    }
    if (have_julian && julian <= 0) {
        year--;
        julian += is_leap(year) ? 366 : 365;
    }
    if (check_year(year) < 0)
        return NULL;
    if (!have_julian) {
        if (day > days_in_month(year, month))
            return ouro_err_format(&ouro_exc_ValueError, "day is out of range for month");
        julian = ordinal(year, month, day) - ordinal(year, 1, 1) + 1;
    } else {
        /* the date of that day of the year (it may run into the next year) */
        long o = ordinal(year, 1, 1) + julian - 1;
        while (o >= ordinal(year + 1, 1, 1))
            year++;
        month = 1;
        while (o - ordinal(year, month, 1) >= days_in_month(year, month))
            month++;
        day = (int)(o - ordinal(year, month, 1) + 1);
        if (check_year(year) < 0)
            return NULL;
        /* tm_yday stays as given or computed (366 of a common year, 370 from %U), as
         * _strptime reports it */
    }
    int weekday = f.weekday >= 0 ? f.weekday : weekday_of(year, month, day);
    if (leap_fix)
        year = 1900;

    OuroObject *items = ouro_tuple_new(11);
    if (!items)
        return NULL;
    long long v[9] = { year, month, day, hour, f.minute >= 0 ? f.minute : 0,
                       f.second >= 0 ? f.second : 0, weekday, julian, f.isdst };
    for (int i = 0; i < 9; i++)
        if (!(OURO_TUPLE_ITEMS(items)[i] = ouro_int_from_int64(v[i])))
            goto fail;
    OuroObject *zone = f.zone ? ouro_str_from_utf8(f.zone, f.zonelen) : OURO_NEWREF(OURO_NONE);
    if (!(OURO_TUPLE_ITEMS(items)[9] = zone))
        goto fail;
    OuroObject *off = f.have_gmtoff ? ouro_int_from_int64(f.gmtoff) : OURO_NEWREF(OURO_NONE);
    if (!(OURO_TUPLE_ITEMS(items)[10] = off))
        goto fail;
    OuroObject *res = ou_structseq_new(&ou_struct_time_type, items);
    OURO_DECREF(items);
    return res;
fail:
    OURO_DECREF(items);
    return NULL;
}
