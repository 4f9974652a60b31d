/* Marshalling benchmarks: the generated code against its cost floor.
 *
 *   1. decode + check of xen_domctl_createdomain (XENIDL_IN) against a
 *      hand-written memcpy plus the same checks;
 *   2. decode of a 1-million-entry array of a 16-byte struct (mmu_update)
 *      against memcpy of the same bytes;
 *   3. x86_32-to-native translation of multicall_entry (against the
 *      native decode of the native image).
 *
 * Usage: bench [MODE [REPEAT]]
 *   with no MODE (or "all"), every comparison, each side the best of REPEAT
 *   samples (default 40) taken alternately with the other side, printed as
 *   a table; a MODE runs one side (10 samples), for hyperfine:
 *   createdomain-generated, createdomain-handwritten, array-decode,
 *   array-memcpy, multicall-x86_32, multicall-native. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domctl_marshal.h"
#include "xen_marshal.h"

/* Operations per timed sample. The comparisons alternate short samples of
 * both sides and keep each side's best, which filters out preemption and
 * frequency changes on a busy machine. */
#define CREATEDOMAIN_OPS 2000000u
#define ARRAY_ENTRIES 1000000u
#define ARRAY_PASSES 3u
#define MULTICALL_OPS 2000000u
/* Samples per side (alternating), unless given on the command line. */
#define DEFAULT_ROUNDS 40u
/* Samples of a MODE run (for hyperfine). */
#define MODE_ROUNDS 10u

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Keeps results alive without the cost of a store per operation. */
static volatile uint64_t sink;

/* --- 1. createdomain ------------------------------------------------------- */

/* The hand-written floor: copy, then the checks the generated code makes for
 * XENIDL_IN (undeclared bits of the five bitmaps). Out of line, like the
 * generated function. */
__attribute__((noinline))
static int createdomain_handwritten(struct xen_domctl_createdomain *out, const void *buf, size_t len)
{
	if (len < sizeof(*out))
		return XENIDL_ESHORT;
	memcpy(out, buf, sizeof(*out));
	if (out->flags & ~XEN_DOMCTL_CDF__ALL)
		return XENIDL_EBITS;
	if (out->iommu_opts & ~XEN_DOMCTL_IOMMU_OPTS__ALL)
		return XENIDL_EBITS;
	if (out->grant_opts & ~XEN_DOMCTL_GRANT_OPTS__ALL)
		return XENIDL_EBITS;
#if defined(__i386__) || defined(__x86_64__)
	if (out->arch.emulation_flags & ~XEN_X86_EMU__ALL)
		return XENIDL_EBITS;
	if (out->arch.misc_flags & ~XEN_X86_MISC__ALL)
		return XENIDL_EBITS;
#endif
	return 0;
}

static void createdomain_image(unsigned char *buf)
{
	struct xen_domctl_createdomain v;
	memset(&v, 0, sizeof(v));
	v.ssidref = 1;
	v.flags = XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_hap | XEN_DOMCTL_CDF_iommu;
	v.max_vcpus = 4;
	v.max_evtchn_port = 1023;
	v.max_grant_frames = -1;
	v.max_maptrack_frames = -1;
	v.grant_opts = 2;
#if defined(__i386__) || defined(__x86_64__)
	v.arch.emulation_flags = XEN_X86_EMU_LAPIC;
#endif
	if (xen_domctl_createdomain_encode(&v, buf, xen_domctl_createdomain_WIRE_SIZE, XENIDL_IN, NULL))
		abort();
}

static double run_createdomain(int generated)
{
	unsigned char buf[xen_domctl_createdomain_WIRE_SIZE];
	struct xen_domctl_createdomain out;
	struct xenidl_error err;
	uint64_t acc = 0;
	createdomain_image(buf);
	double t0 = now();
	for (unsigned i = 0; i < CREATEDOMAIN_OPS; i++) {
		int rc = generated ? xen_domctl_createdomain_decode(&out, buf, sizeof(buf), XENIDL_IN, &err)
				   : createdomain_handwritten(&out, buf, sizeof(buf));
		acc += (uint64_t)rc + out.max_vcpus;
		/* The compiler must not hoist the call out of the loop. */
		__asm__ volatile("" : : "r"(buf) : "memory");
	}
	double t = now() - t0;
	sink = acc;
	if (acc != (uint64_t)CREATEDOMAIN_OPS * 4)
		abort();
	return t / CREATEDOMAIN_OPS * 1e9;
}

/* --- 2. an array of mmu_update ---------------------------------------------- */

static unsigned char *array_image(void)
{
	unsigned char *buf = malloc((size_t)ARRAY_ENTRIES * mmu_update_WIRE_SIZE);
	if (!buf)
		abort();
	for (size_t i = 0; i < ARRAY_ENTRIES; i++) {
		struct mmu_update u = { (uint64_t)i << 12, i * 7 };
		if (mmu_update_encode(&u, buf + i * mmu_update_WIRE_SIZE, mmu_update_WIRE_SIZE, XENIDL_IN, NULL))
			abort();
	}
	return buf;
}

/* Seconds for one pass over the array, the best of the passes. */
static double run_array(int decode)
{
	unsigned char *buf = array_image();
	struct mmu_update *out = malloc(sizeof(*out) * ARRAY_ENTRIES);
	if (!out)
		abort();
	/* Touch the destination once so that page faults are not timed. */
	memset(out, 0, sizeof(*out) * ARRAY_ENTRIES);
	double best = 1e9;
	for (unsigned pass = 0; pass < ARRAY_PASSES; pass++) {
		double t0 = now();
		if (decode) {
			for (size_t i = 0; i < ARRAY_ENTRIES; i++)
				if (mmu_update_decode(&out[i], buf + i * mmu_update_WIRE_SIZE,
						      mmu_update_WIRE_SIZE, XENIDL_IN, NULL))
					abort();
		} else {
			memcpy(out, buf, (size_t)ARRAY_ENTRIES * mmu_update_WIRE_SIZE);
		}
		__asm__ volatile("" : : "r"(out) : "memory");
		double t = now() - t0;
		if (t < best)
			best = t;
	}
	sink = out[ARRAY_ENTRIES - 1].val;
	if (out[ARRAY_ENTRIES - 1].val != (uint64_t)(ARRAY_ENTRIES - 1) * 7)
		abort();
	free(buf);
	free(out);
	return best;
}

/* --- 3. multicall_entry from x86_32 ------------------------------------------ */

static double run_multicall(int compat)
{
	unsigned char x32[32], native[multicall_entry_WIRE_SIZE];
	struct multicall_entry v;
	memset(&v, 0, sizeof(v));
	v.op = 1;
	v.result = -2;
	for (unsigned i = 0; i < 6; i++)
		v.args[i] = 0x1000 + i;
	if (multicall_entry_encode_abi(&v, x32, sizeof(x32), XENIDL_ABI_X86_32, XENIDL_IN, NULL) ||
	    multicall_entry_encode(&v, native, sizeof(native), XENIDL_IN, NULL))
		abort();
	uint64_t acc = 0;
	double t0 = now();
	for (unsigned i = 0; i < MULTICALL_OPS; i++) {
		int rc = compat ? multicall_entry_decode_abi(&v, x32, sizeof(x32), XENIDL_ABI_X86_32, XENIDL_IN, NULL)
				: multicall_entry_decode(&v, native, sizeof(native), XENIDL_IN, NULL);
		acc += (uint64_t)rc + v.args[5];
		__asm__ volatile("" : : "r"(x32), "r"(native) : "memory");
	}
	double t = now() - t0;
	sink = acc;
	if (acc != (uint64_t)MULTICALL_OPS * 0x1005)
		abort();
	return t / MULTICALL_OPS * 1e9;
}

/* --- Driver ----------------------------------------------------------------- */

typedef double run_fn(int);

/* Alternate samples of fn(1) and fn(0); the best of each. */
static void compare(run_fn *fn, unsigned rounds, double *one, double *zero)
{
	*one = *zero = 1e30;
	for (unsigned i = 0; i < rounds; i++) {
		double a = fn(1), b = fn(0);
		if (a < *one)
			*one = a;
		if (b < *zero)
			*zero = b;
	}
}

int main(int argc, char **argv)
{
	static const struct {
		const char *mode;
		run_fn *fn;
		int arg;
	} modes[] = {
		{ "createdomain-generated", run_createdomain, 1 },
		{ "createdomain-handwritten", run_createdomain, 0 },
		{ "array-decode", run_array, 1 },
		{ "array-memcpy", run_array, 0 },
		{ "multicall-x86_32", run_multicall, 1 },
		{ "multicall-native", run_multicall, 0 },
	};
	if (argc > 1 && strcmp(argv[1], "all") != 0) {
		for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
			if (!strcmp(argv[1], modes[i].mode)) {
				for (unsigned r = 0; r < MODE_ROUNDS; r++)
					modes[i].fn(modes[i].arg);
				return 0;
			}
		fprintf(stderr, "bench: unknown mode '%s'\n", argv[1]);
		return 2;
	}
	unsigned rounds = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 0) : DEFAULT_ROUNDS;
	double gen, hand, dec, cpy, x32, nat;

	compare(run_createdomain, rounds, &gen, &hand);
	printf("1. xen_domctl_createdomain decode+check (%u bytes, XENIDL_IN)\n",
	       (unsigned)xen_domctl_createdomain_WIRE_SIZE);
	printf("   generated decode:             %6.2f ns/op\n", gen);
	printf("   memcpy + hand-written checks: %6.2f ns/op\n", hand);
	printf("   ratio generated/hand-written: %6.2fx   (target <= 1.5x)\n\n", gen / hand);

	compare(run_array, rounds / 4 + 1, &dec, &cpy);
	double bytes = (double)ARRAY_ENTRIES * mmu_update_WIRE_SIZE;
	printf("2. %u x mmu_update (%u bytes each, %.0f MB)\n", ARRAY_ENTRIES,
	       (unsigned)mmu_update_WIRE_SIZE, bytes / 1e6);
	printf("   generated decode, per entry:  %6.2f GB/s  (%5.2f ms)\n", bytes / dec / 1e9, dec * 1e3);
	printf("   memcpy of the same bytes:     %6.2f GB/s  (%5.2f ms)\n", bytes / cpy / 1e9, cpy * 1e3);
	printf("   decode/memcpy throughput:     %6.2f     (target >= 0.5)\n\n", cpy / dec);

	compare(run_multicall, rounds, &x32, &nat);
	printf("3. multicall_entry\n");
	printf("   x86_32 wire -> native struct:  %6.2f ns/op (32 bytes)\n", x32);
	printf("   native wire -> native struct:  %6.2f ns/op (%u bytes)\n", nat,
	       (unsigned)multicall_entry_WIRE_SIZE);
	printf("   loads and stores: %s\n", XENIDL_LOADSTORE);
	return 0;
}
