#ifndef CMAXMINDDB_SHIM_H
#define CMAXMINDDB_SHIM_H
/* libmaxminddb reads MaxMind DB (.mmdb) files: GeoLite2-City and GeoLite2-ASN, or compatible. */
#include <maxminddb.h>
#endif
