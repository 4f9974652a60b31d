# Regenerate the public headers from their interface description.
#
# xen/include/public/idl describes the hypercall ABI; xenidl generates the
# headers of xen/include/public from it. The generated headers are
# committed, so a build without xenidl uses them as they are. With xenidl
# (XENIDL: a program name or path, by default xenidl when it is in PATH;
# set it empty to skip generation) a build first regenerates them. xenidl
# rewrites a header only when its text changes, so only what includes a
# changed header is rebuilt. automation/scripts/check-generated, run in CI,
# checks that the committed headers are what the IDL gives.
#
# Included by xen/Makefile and tools/include/Makefile, each of which sets
# XENIDL_STAMP (a file of its own build tree) first and makes
# xenidl-public-headers a prerequisite of what reads the headers.

XENIDL ?= $(shell command -v xenidl 2>/dev/null)
XENIDL_FLAGS ?=
XENIDL_STAMP ?= .xenidl.stamp

xenidl-public := $(XEN_ROOT)/xen/include/public
xenidl-idl := $(xenidl-public)/idl
xenidl-inputs := $(sort $(shell find $(xenidl-idl) -name '*.xidl' 2>/dev/null))

.PHONY: xenidl-public-headers
ifeq ($(strip $(XENIDL)),)
xenidl-public-headers:
	@echo "  XENIDL  skipped: no xenidl (set XENIDL); using the committed public headers"
else
xenidl-public-headers: $(XENIDL_STAMP)

# One run regenerates every header. Its depfile names every file the run
# read as prerequisites of the headers it wrote; rewritten, it makes both
# prerequisites of the stamp: a header edited by hand, or deleted, is
# regenerated too.
$(XENIDL_STAMP): $(xenidl-inputs)
	@command -v $(XENIDL) >/dev/null 2>&1 || \
	    { echo "XENIDL=$(XENIDL): no such program" >&2; exit 1; }
	@echo "  XENIDL  include/public"
	@mkdir -p $(dir $@)
	@$(XENIDL) $(XENIDL_FLAGS) -I $(xenidl-idl) --root $(xenidl-idl) \
	    -l c:$(xenidl-public) -M $@.d.new $(xenidl-inputs)
	@{ sed '1s|^\([^:]*\):|$@: \1|' $@.d.new; \
	   sed -n '1s|:.*||p' $@.d.new | tr ' ' '\n' | sed -n 's|..*|&:|p'; \
	 } >$@.d && rm -f $@.d.new
	@touch $@

-include $(XENIDL_STAMP).d
endif
