/*
 * afl_main.c - a main() for the libFuzzer harnesses of fuzz/, so that the
 * same harness runs under AFL++ or replays one input by hand: it reads
 * standard input (or each file operand) completely and hands it to
 * LLVMFuzzerTestOneInput.  Built by `make fuzz-afl` with afl-clang-fast
 * (AFL++ persistent mode: __AFL_LOOP is then defined), and by `make fuzz`
 * with the sanitizers alone as fuzz-out/NAME-replay, which the regression
 * tests and docs/fuzzing.md use to replay a crash:
 *
 *	fuzz-out/num-replay < tests/fixtures/fuzz-regress/num-CASE
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT();
#endif

/* read fp to its end; the caller frees *buf */
static size_t
slurp(FILE *fp, uint8_t **buf)
{
	size_t len = 0, cap = 0, n;
	uint8_t *b = NULL, *nb;

	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((nb = realloc(b, cap)) == NULL) {
				perror("afl_main");
				exit(2);
			}
			b = nb;
		}
		n = fread(b + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		perror("afl_main: read error");
		exit(2);
	}
	*buf = b;
	return len;
}

int
main(int argc, char *argv[])
{
	uint8_t *buf;
	size_t len;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
#ifdef __AFL_FUZZ_TESTCASE_LEN
	/* AFL++ persistent mode: many inputs per process, in shared memory */
	__AFL_INIT();
	{
		unsigned char *afl = __AFL_FUZZ_TESTCASE_BUF;

		while (__AFL_LOOP(10000)) {
			len = (size_t)__AFL_FUZZ_TESTCASE_LEN;
			if ((buf = malloc(len ? len : 1)) == NULL)
				return 2;
			memcpy(buf, afl, len);	/* so ASan sees the true size */
			LLVMFuzzerTestOneInput(buf, len);
			free(buf);
		}
	}
	return 0;
#else
	if (argc < 2) {
		len = slurp(stdin, &buf);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		FILE *fp = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");

		if (fp == NULL) {
			perror(argv[i]);
			return 2;
		}
		len = slurp(fp, &buf);
		if (fp != stdin)
			fclose(fp);
		LLVMFuzzerTestOneInput(buf, len);
		free(buf);
	}
	return 0;
#endif
}
