/* Compat translation and direction checks of the example corpus, from wire
 * images written out by hand: x86_32 images of multicall_entry, mmu_update
 * and evtchn_status decode to the right native values and survive a round
 * trip; x86_64 images too; values a narrower field cannot hold are
 * rejected; XENIDL_IN and XENIDL_OUT check only their fields.
 *
 * Runs on any host the examples have layouts for: on x86_32 the x86_32
 * images are native and the x86_64 ones are the translation. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "event_channel_marshal.h"
#include "xen_marshal.h"

static unsigned failures, checks;

#define CHECK(cond) do { \
	checks++; \
	if (!(cond)) { \
		failures++; \
		fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

/* rc is code, and err names path and offset. */
static void want(int rc, const struct xenidl_error *err, int code, const char *path, size_t offset,
		 int line)
{
	checks++;
	if (code == 0 ? rc != 0 : rc != code || err->code != code || strcmp(err->path, path) || err->offset != offset) {
		failures++;
		fprintf(stderr, "%s:%d: FAIL: got %d '%s' offset %zu, want %d '%s' offset %zu\n",
			__FILE__, line, rc, rc ? err->path : "", rc ? err->offset : 0, code, path, offset);
	}
}
#define WANT(rc, code, path, offset) want((rc), &err, (code), (path), (offset), __LINE__)

static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static const int native_is_32 = sizeof(xen_ulong_t) == 4;

static void test_multicall_entry(void)
{
	struct xenidl_error err;
	struct multicall_entry v;
	/* op = __HYPERVISOR_mmu_update (1), result = -2 (-ENOENT), six arguments;
	 * args[5] has its top bit set: a u32 that must not sign-extend. */
	unsigned char x32[32], x64[64], out[64];
	put32(x32 + 0, 1);
	put32(x32 + 4, 0xFFFFFFFEu);
	for (int i = 0; i < 6; i++)
		put32(x32 + 8 + 4 * i, i == 5 ? 0x80000000u : 0x1000u + (uint32_t)i);
	put64(x64 + 0, 1);
	put64(x64 + 8, (uint64_t)-2);
	for (int i = 0; i < 6; i++)
		put64(x64 + 16 + 8 * i, i == 5 ? 0x80000000u : 0x1000u + (uint64_t)i);

	CHECK(multicall_entry_wire_size_abi(XENIDL_ABI_X86_32) == 32);
	CHECK(multicall_entry_wire_size_abi(XENIDL_ABI_X86_64) == 64);
	CHECK(multicall_entry_wire_size_abi(XENIDL_ABI_ARM64) == 64);
	CHECK(multicall_entry_wire_size_abi(42) == 0);

	for (int pass = 0; pass < 2; pass++) {
		int abi = pass ? XENIDL_ABI_X86_64 : XENIDL_ABI_X86_32;
		const unsigned char *img = pass ? x64 : x32;
		size_t n = pass ? 64 : 32;
		memset(&v, 0xEE, sizeof(v));
		WANT(multicall_entry_decode_abi(&v, img, n, abi, XENIDL_IN | XENIDL_OUT, &err), 0, "", 0);
		CHECK(v.op == 1);
		CHECK(v.result == -2);
		for (int i = 0; i < 5; i++)
			CHECK(v.args[i] == 0x1000u + (unsigned)i);
		CHECK(v.args[5] == 0x80000000u);
		memset(out, 0x55, sizeof(out));
		WANT(multicall_entry_encode_abi(&v, out, n, abi, XENIDL_IN | XENIDL_OUT, &err), 0, "", 0);
		CHECK(memcmp(out, img, n) == 0);
		/* One byte short. */
		WANT(multicall_entry_decode_abi(&v, img, n - 1, abi, XENIDL_IN, &err), XENIDL_ESHORT, "", n - 1);
		CHECK(err.value == n);
	}

	/* A 64-bit hypervisor cannot hand a 32-bit guest a value it cannot hold. */
	if (!native_is_32) {
		WANT(multicall_entry_decode_abi(&v, x32, 32, XENIDL_ABI_X86_32, 0, &err), 0, "", 0);
		v.result = (xen_long_t)((int64_t)INT32_MIN - 1);
		WANT(multicall_entry_encode_abi(&v, out, 32, XENIDL_ABI_X86_32, 0, &err), XENIDL_ERANGE, "result", 4);
		CHECK(err.value == (uint64_t)((int64_t)INT32_MIN - 1));
		v.result = INT32_MIN;
		WANT(multicall_entry_encode_abi(&v, out, 32, XENIDL_ABI_X86_32, 0, &err), 0, "", 0);
		CHECK(out[4] == 0 && out[7] == 0x80);
		v.args[3] = (xen_ulong_t)(UINT64_C(1) << 32);
		WANT(multicall_entry_encode_abi(&v, out, 32, XENIDL_ABI_X86_32, 0, &err), XENIDL_ERANGE, "args[3]", 20);
		CHECK(strcmp(err.type, "multicall_entry") == 0);
	} else {
		/* A 32-bit host cannot take a 64-bit guest's wide values. */
		put64(x64 + 16 + 8 * 2, (uint64_t)1 << 32);
		WANT(multicall_entry_decode_abi(&v, x64, 64, XENIDL_ABI_X86_64, 0, &err), XENIDL_ERANGE, "args[2]", 32);
	}
	WANT(multicall_entry_decode_abi(&v, x32, 32, -1, 0, &err), XENIDL_EABI, "", 0);
	CHECK(err.value == (uint64_t)-1);
}

static void test_mmu_update(void)
{
	struct xenidl_error err;
	struct mmu_update v;
	/* ptr: a machine address with MMU_NORMAL_PT_UPDATE (0) in the low bits;
	 * val: a present, writable PTE with NX set. Read at an odd address. */
	unsigned char img[17], out[16];
	put64(img + 1, UINT64_C(0x0000000123456788));
	put64(img + 9, UINT64_C(0x8000000abcdef067));
	for (int abi = XENIDL_ABI_X86_32; abi <= XENIDL_ABI_X86_64; abi++) {
		memset(&v, 0, sizeof(v));
		CHECK(mmu_update_wire_size_abi(abi) == 16);
		WANT(mmu_update_decode_abi(&v, img + 1, 16, abi, XENIDL_IN, &err), 0, "", 0);
		CHECK(v.ptr == UINT64_C(0x0000000123456788));
		CHECK(v.val == UINT64_C(0x8000000abcdef067));
		WANT(mmu_update_encode_abi(&v, out, 16, abi, XENIDL_IN, &err), 0, "", 0);
		CHECK(memcmp(out, img + 1, 16) == 0);
	}
	/* The native functions read the same bytes. */
	memset(&v, 0, sizeof(v));
	WANT(mmu_update_decode(&v, img + 1, 16, XENIDL_IN, &err), 0, "", 0);
	CHECK(v.val == UINT64_C(0x8000000abcdef067));
}

/* An x86_32 evtchn_status image (the layout is the same on every ABI). */
static void status_image(unsigned char *p, uint32_t status)
{
	memset(p, 0, 24);
	p[0] = 7;                 /* dom */
	p[2] = 0xEE;              /* implicit padding: ignored, and zero when encoded */
	p[3] = 0xEE;
	put32(p + 4, 42);         /* port */
	put32(p + 8, status);
	put32(p + 12, 1);         /* vcpu */
	p[16] = 3;                /* u.interdomain.dom, u.unbound.dom; low byte of u.pirq */
	put32(p + 20, 99);        /* u.interdomain.port */
}

static void test_evtchn_status(void)
{
	struct xenidl_error err;
	struct evtchn_status v;
	unsigned char img[24], out[24];

	status_image(img, EVTCHNSTAT_interdomain);
	for (int abi = XENIDL_ABI_X86_32; abi <= XENIDL_ABI_X86_64; abi++) {
		memset(&v, 0xEE, sizeof(v));
		WANT(evtchn_status_decode_abi(&v, img, 24, abi, XENIDL_OUT, &err), 0, "", 0);
		CHECK(v.dom == 7 && v.port == 42 && v.status == EVTCHNSTAT_interdomain && v.vcpu == 1);
		CHECK(v.u.interdomain.dom == 3 && v.u.interdomain.port == 99);
		WANT(evtchn_status_encode_abi(&v, out, 24, abi, XENIDL_OUT, &err), 0, "", 0);
		CHECK(out[2] == 0 && out[3] == 0);
		out[2] = out[3] = 0xEE;
		CHECK(memcmp(out, img, 24) == 0);
	}

	/* pirq: only the arm's four bytes are decoded; the rest of the union is zero. */
	status_image(img, EVTCHNSTAT_pirq);
	WANT(evtchn_status_decode_abi(&v, img, 24, XENIDL_ABI_X86_32, XENIDL_OUT, &err), 0, "", 0);
	CHECK(v.u.pirq == 3);
	CHECK(v.u.interdomain.port == 0);
	WANT(evtchn_status_encode(&v, out, 24, XENIDL_OUT, &err), 0, "", 0);
	CHECK(out[16] == 3 && out[20] == 0);

	/* closed: no arm at all. */
	status_image(img, EVTCHNSTAT_closed);
	WANT(evtchn_status_decode(&v, img, 24, XENIDL_OUT, &err), 0, "", 0);
	CHECK(v.u.interdomain.dom == 0 && v.u.interdomain.port == 0);

	/* status is @out: the hypervisor (XENIDL_IN) ignores what the guest put
	 * there and decodes no arm; a toolstack (XENIDL_OUT) rejects it. */
	status_image(img, 9);
	WANT(evtchn_status_decode(&v, img, 24, XENIDL_IN, &err), 0, "", 0);
	CHECK(v.status == 9 && v.u.interdomain.port == 0);
	WANT(evtchn_status_check(&v, XENIDL_IN, &err), 0, "", 0);
	WANT(evtchn_status_check(&v, XENIDL_OUT, &err), XENIDL_EENUM, "status", 8);
	WANT(evtchn_status_encode(&v, out, 24, XENIDL_IN | XENIDL_OUT, &err), XENIDL_EENUM, "status", 8);
	WANT(evtchn_status_decode(&v, img, 24, XENIDL_OUT, &err), XENIDL_EENUM, "status", 8);
	CHECK(err.value == 9);
	/* err may be NULL. */
	CHECK(evtchn_status_decode(&v, img, 24, XENIDL_OUT, NULL) == XENIDL_EENUM);
}

int main(void)
{
	test_multicall_entry();
	test_mmu_update();
	test_evtchn_status();
	printf("compat tests (%s, %s loads and stores): %u checks, %u failures\n",
	       native_is_32 ? "32-bit" : "64-bit", XENIDL_LOADSTORE, checks, failures);
	return failures ? 1 : 0;
}
