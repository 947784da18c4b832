/* The parse floor: libcsv alone tokenising files (no conversion, no work),
 * counting fields and records. Built and run by Benchmarks/run.sh. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static size_t fields, records;

static void on_field(void *s, size_t len, void *data) { (void)s; (void)len; (void)data; fields++; }
static void on_record(int c, void *data) { (void)c; (void)data; records++; }

int main(int argc, char **argv) {
    static char buffer[1 << 20];
    struct csv_parser parser;
    for (int i = 1; i < argc; i++) {
        FILE *file = fopen(argv[i], "rb");
        if (!file) { perror(argv[i]); return 1; }
        if (csv_init(&parser, CSV_REPALL_NL) != 0) return 1;
        size_t got;
        while ((got = fread(buffer, 1, sizeof buffer, file)) > 0) {
            if (csv_parse(&parser, buffer, got, on_field, on_record, NULL) != got) return 1;
        }
        csv_fini(&parser, on_field, on_record, NULL);
        csv_free(&parser);
        fclose(file);
    }
    printf("%zu records, %zu fields\n", records, fields);
    return 0;
}
