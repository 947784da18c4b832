// libcsv (Debian: libcsv-dev) and glibc iconv, for the ingest stage only.
#include <csv.h>
#include <iconv.h>
