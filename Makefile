# juesuan - see README.md.  `make` builds the filters, `make check` runs the
# tests, `make demo` runs the chain over samples/.


VERSION   = 0.1.0
PREFIX    = /usr/local
MANPREFIX = $(PREFIX)/share/man
DESTDIR   =

CC        = cc
PCRE_CFLAGS != pkg-config --cflags libpcre2-8 2>/dev/null || true
PCRE_LIBS   != pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8
WARN      = -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes \
            -Wold-style-definition -Wpointer-arith -Wvla -Wwrite-strings \
            -Wformat-security -fno-common
CFLAGS    = -O2 -g
CPPFLAGS  = -std=c99 -D_XOPEN_SOURCE=700 -DVERSION=\"$(VERSION)\" $(PCRE_CFLAGS)
LDFLAGS   =
LDLIBS    = -lcsv $(PCRE_LIBS)

ifeq ($(DEVELOPER),1)
WARN += -Werror
endif
ifneq ($(SANITIZE),)
CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
endif
ALL_CFLAGS = $(CPPFLAGS) $(WARN) $(CFLAGS)

BIN  = parse-pdf-text normalize-numbers rollup reconcile score emit-csv
SCRIPTS = juesuan juesuan-archive juesuan-diff juesuan-yoy
LIBSRC = filters/lib/util.c filters/lib/rec.c filters/lib/dec.c filters/lib/txt.c \
         filters/lib/enc.c filters/lib/re.c filters/lib/tpl.c filters/lib/num.c \
         filters/lib/doc.c filters/lib/parse.c filters/lib/layout.c filters/lib/claims.c filters/lib/forms.c filters/lib/idx.c
LIBHDR = $(LIBSRC:.c=.h)
LIBOBJ = $(LIBSRC:.c=.o)
BINPATHS = $(BIN:%=bin/%)
MAN1 = $(BIN:%=docs/man/%.1) $(SCRIPTS:%=docs/man/%.1)

.PHONY: all check demo deps install uninstall clean bench fuzz lint

all: $(BINPATHS)

filters/lib/%.o: filters/lib/%.c $(LIBHDR)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

filters/lib/libjuesuan.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

bin/%: filters/%.c filters/lib/libjuesuan.a $(LIBHDR)
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) -Ifilters/lib -o $@ $< filters/lib/libjuesuan.a $(LDFLAGS) $(LDLIBS)

bin/num_test: tests/unit/num_test.c filters/lib/libjuesuan.a $(LIBHDR)
	@mkdir -p bin
	$(CC) $(ALL_CFLAGS) -Ifilters/lib -o $@ tests/unit/num_test.c filters/lib/libjuesuan.a $(LDFLAGS) $(LDLIBS)

# deps installs the Debian packages the build and the tests need, when
# they are missing (a fresh Debian 12 machine, as root).
deps:
	@sh scripts/install-deps

check: deps
	$(MAKE) all bin/num_test
	bats tests

demo: deps
	$(MAKE) all
	rm -rf out
	scripts/juesuan -o out samples/*.txt; st=$$?; test $$st -le 1
	@echo "outputs in out/:"; find out -type f | sort

lint:
	mandoc -Tlint -W warning $(MAN1)
	shellcheck scripts/juesuan scripts/juesuan-archive scripts/juesuan-diff scripts/juesuan-yoy scripts/install-deps tests/*.bash

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1
	for f in $(BIN); do cp -f bin/$$f $(DESTDIR)$(PREFIX)/bin/; done
	for f in $(SCRIPTS); do if [ -f scripts/$$f ]; then cp -f scripts/$$f $(DESTDIR)$(PREFIX)/bin/; fi; done
	for f in $(MAN1); do if [ -f $$f ]; then cp -f $$f $(DESTDIR)$(MANPREFIX)/man1/; fi; done

uninstall:
	for f in $(BIN) $(SCRIPTS); do rm -f $(DESTDIR)$(PREFIX)/bin/$$f; done
	for f in $(BIN) $(SCRIPTS); do rm -f $(DESTDIR)$(MANPREFIX)/man1/$$f.1; done

clean:
	rm -rf bin out filters/lib/*.o filters/lib/libjuesuan.a

# fuzzing, benchmarks and sanitizer runs live in their own makefiles
-include $(wildcard mk/*.mk)
