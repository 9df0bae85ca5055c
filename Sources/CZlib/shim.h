#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call it directly. */
static inline int czlib_inflate_init_gzip(z_stream *stream) {
    /* 15 + 32: accept a zlib or gzip header, with the largest window. */
    return inflateInit2(stream, 15 + 32);
}

/* deflateInit2 is a macro as well; 15 + 16 writes a gzip header. */
static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
