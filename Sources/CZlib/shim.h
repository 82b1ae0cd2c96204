// zlib (Debian zlib1g-dev): used by NetSim to read gzip-compressed datasets.
#include <zlib.h>
