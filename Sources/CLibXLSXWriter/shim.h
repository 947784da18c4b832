// libxlsxwriter (Debian: libxlsxwriter-dev), for the workbook target only.
#include <xlsxwriter.h>
