// libzstd (Debian: libzstd-dev), for the store's column compression only.
#include <zstd.h>
