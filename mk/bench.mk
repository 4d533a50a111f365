# mk/bench.mk - the benchmark: never a test, never part of `make check`.
# Included by the main Makefile; on its own: make -f Makefile -f mk/bench.mk bench
#
#   make bench                 build the filters and run bench/run, which prints
#                              Markdown for docs/performance.md
#   make bench BENCH_ARGS='-n 4000 -r 5'
#                              more documents, more runs (bench/run -h)
#
# Needs /usr/bin/time (Debian package time) and pdftotext (poppler-utils).
# Run it on an idle machine: the figures are wall-clock times.

BENCH_ARGS =

.PHONY: bench

bench: all
	bash bench/run $(BENCH_ARGS)
