# mk/sanitize.mk - the whole test suite on filters built with AddressSanitizer
# and UndefinedBehaviorSanitizer.  Included by the main Makefile; on its own:
# make -f Makefile -f mk/sanitize.mk check-sanitize
#
#   make check-sanitize   build every filter with -fsanitize=$(SAN_SANITIZE)
#                         into build-san/bin (bin/ is not touched) and run
#                         the bats suite with JUESUAN_BIN=build-san/bin
#   make sanitize-build   build only
#   make sanitize-clean   remove build-san/
#
# A sanitizer report aborts the filter (abort_on_error), so a test sees
# status 134, never the 0, 1 or 2 it expects, and fails; a leak makes the
# filter exit 23 (LeakSanitizer), which fails the test as well.
# SAN_BATS_JOBS=2 runs the suite on two cores (needs GNU parallel).

SAN_DIR      = build-san
SAN_SANITIZE = address,undefined
SAN_CFLAGS   = -O1 -g -fno-omit-frame-pointer -fsanitize=$(SAN_SANITIZE) \
               -fno-sanitize-recover=all
SAN_ENV      = ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_string_checks=1:detect_stack_use_after_return=1 \
               UBSAN_OPTIONS=abort_on_error=1:print_stacktrace=1:halt_on_error=1
SAN_BATS_JOBS = 1
SAN_OBJ      = $(LIBSRC:filters/lib/%.c=$(SAN_DIR)/obj/%.o)
SAN_BINS     = $(BIN:%=$(SAN_DIR)/bin/%)

.PHONY: check-sanitize sanitize-build sanitize-clean

sanitize-build: $(SAN_BINS)

$(SAN_DIR)/obj/%.o: filters/lib/%.c $(LIBHDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(SAN_CFLAGS) -c -o $@ $<

$(SAN_DIR)/libjuesuan.a: $(SAN_OBJ)
	rm -f $@
	ar rcs $@ $(SAN_OBJ)

$(SAN_DIR)/bin/%: filters/%.c $(SAN_DIR)/libjuesuan.a $(LIBHDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(SAN_CFLAGS) -Ifilters/lib -o $@ $< \
	    $(SAN_DIR)/libjuesuan.a -fsanitize=$(SAN_SANITIZE) $(LDFLAGS) $(LDLIBS)

# The tests find the filters through JUESUAN_BIN (tests/test_helper.bash).
# scripts/juesuan must honour it too, or tests/juesuan.bats runs the
# ../bin it finds next to itself instead of these builds.
check-sanitize: $(SAN_BINS)
	$(SAN_ENV) JUESUAN_BIN="$(CURDIR)/$(SAN_DIR)/bin" \
	    bats $(if $(filter-out 1,$(SAN_BATS_JOBS)),--jobs $(SAN_BATS_JOBS)) tests

sanitize-clean:
	rm -rf $(SAN_DIR)
