// glibc's malloc tuning (mallopt), which Swift's Glibc module leaves out; only the command line imports it.
#include <malloc.h>
