# mk/fuzz.mk - fuzz the parsers with libFuzzer (and, by hand, AFL++).
# Included by the main Makefile; on its own: make -f Makefile -f mk/fuzz.mk fuzz
#
#   make fuzz          build the harnesses of fuzz/ into fuzz-out/, seed their
#                      corpora from samples/ and tests/fixtures/ (fuzz/seeds),
#                      run each for FUZZ_SECONDS (default 60) and fail if one
#                      crashed; crash inputs are left in fuzz-out/crashes/
#   make fuzz-build    build only: fuzz-out/NAME (libFuzzer) and
#                      fuzz-out/NAME-replay (sanitizers, stdin driver)
#   make fuzz-afl      build fuzz-out/afl/NAME with afl-clang-fast (AFL++);
#                      docs/fuzzing.md says how to run afl-fuzz on them
#   make fuzz-clean    remove fuzz-out/
#
# Needs clang and libclang-rt-14-dev (Debian); AFL++ needs afl++.
# docs/fuzzing.md is the guide.

FUZZ_CC      = clang
AFL_CC       = afl-clang-fast
FUZZ_SECONDS = 60
FUZZ_OUT     = fuzz-out
FUZZ_NAMES   = parse_text num rec enc
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS  = -g -O1 -fno-omit-frame-pointer $(CPPFLAGS) -Ifilters/lib
# libFuzzer options for every run; FUZZ_ARGS adds to them
FUZZ_RUNARGS = -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
               -max_len=65536 -print_final_stats=1 $(FUZZ_ARGS)
FUZZ_ARGS    =

FUZZ_LIBOBJ  = $(LIBSRC:filters/lib/%.c=$(FUZZ_OUT)/obj/%.o)
FUZZ_REPOBJ  = $(LIBSRC:filters/lib/%.c=$(FUZZ_OUT)/obj-replay/%.o)
FUZZ_AFLOBJ  = $(LIBSRC:filters/lib/%.c=$(FUZZ_OUT)/obj-afl/%.o)
FUZZ_BINS    = $(FUZZ_NAMES:%=$(FUZZ_OUT)/%) $(FUZZ_NAMES:%=$(FUZZ_OUT)/%-replay)

.PHONY: fuzz fuzz-build fuzz-seeds fuzz-afl fuzz-clean

fuzz-build: $(FUZZ_BINS)

# the library with coverage for libFuzzer, and without for the replayers
$(FUZZ_OUT)/obj/%.o: filters/lib/%.c $(LIBHDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_OUT)/obj-replay/%.o: filters/lib/%.c $(LIBHDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -c -o $@ $<

$(FUZZ_OUT)/obj-afl/%.o: filters/lib/%.c $(LIBHDR)
	@mkdir -p $(@D)
	$(AFL_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -c -o $@ $<

$(FUZZ_OUT)/%: fuzz/%.c $(FUZZ_LIBOBJ) $(LIBHDR)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< \
	    $(FUZZ_LIBOBJ) $(LDLIBS)

$(FUZZ_OUT)/%-replay: fuzz/%.c fuzz/afl_main.c $(FUZZ_REPOBJ) $(LIBHDR)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -o $@ $< fuzz/afl_main.c \
	    $(FUZZ_REPOBJ) $(LDLIBS)

$(FUZZ_OUT)/afl/%: fuzz/%.c fuzz/afl_main.c $(FUZZ_AFLOBJ) $(LIBHDR)
	@mkdir -p $(@D)
	$(AFL_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -o $@ $< fuzz/afl_main.c \
	    $(FUZZ_AFLOBJ) $(LDLIBS)

fuzz-afl: $(FUZZ_NAMES:%=$(FUZZ_OUT)/afl/%)

# keep the objects make would otherwise delete as intermediate
.SECONDARY: $(FUZZ_LIBOBJ) $(FUZZ_REPOBJ) $(FUZZ_AFLOBJ)

# fresh seeds every run; what the fuzzer found last time stays in found/
fuzz-seeds:
	rm -rf $(FUZZ_OUT)/corpus
	sh fuzz/seeds $(FUZZ_OUT)/corpus

# Each harness in turn, its log in fuzz-out/NAME.log.  A crash leaves
# fuzz-out/crashes/NAME-crash-<sha1>; every harness still runs, and the
# target fails at the end.  Turn a crash into a regression test as
# docs/fuzzing.md says (tests/fixtures/fuzz-regress/).
fuzz: fuzz-build fuzz-seeds
	@mkdir -p $(FUZZ_OUT)/crashes; failed=; \
	for n in $(FUZZ_NAMES); do \
		mkdir -p $(FUZZ_OUT)/found/$$n; \
		dict=; [ ! -f fuzz/$$n.dict ] || dict=-dict=fuzz/$$n.dict; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s (log in $(FUZZ_OUT)/$$n.log)"; \
		if $(FUZZ_OUT)/$$n $(FUZZ_RUNARGS) $$dict \
		    -artifact_prefix=$(FUZZ_OUT)/crashes/$$n- \
		    $(FUZZ_OUT)/found/$$n $(FUZZ_OUT)/corpus/$$n \
		    >$(FUZZ_OUT)/$$n.log 2>&1; then \
			grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' \
			    $(FUZZ_OUT)/$$n.log | sed "s/^/fuzz: $$n: /"; \
		else \
			echo "fuzz: $$n FAILED:"; \
			grep -E -A12 '^==[0-9]+==ERROR|runtime error|^SUMMARY|Test unit written' \
			    $(FUZZ_OUT)/$$n.log | head -40; \
			failed="$$failed $$n"; \
		fi; \
	done; \
	if [ -n "$$failed" ]; then \
		echo "fuzz: crashes in:$$failed (inputs in $(FUZZ_OUT)/crashes/)"; exit 1; \
	fi; \
	echo "fuzz: no crash in $(FUZZ_NAMES)"

fuzz-clean:
	rm -rf $(FUZZ_OUT)
