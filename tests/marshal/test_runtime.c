/* Unit tests of the marshalling runtime (runtime/include/xenidl/runtime.h):
 * loads and stores at every alignment, signed values, error reports, and
 * the ABI ids against the generator's table. Built twice: as is, and with
 * XENIDL_FORCE_PORTABLE (the byte-by-byte path). */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <xenidl/runtime.h>

#include "abi.h"

/* Bytes 0x01 0x02 ... at buf[off..]: the little-endian value they hold. */
static uint64_t le_pattern(unsigned char *buf, unsigned off, unsigned size)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < size; i++) {
		buf[off + i] = (unsigned char)(0xF1 + i * 0x11);
		v |= (uint64_t)buf[off + i] << (8 * i);
	}
	return v;
}

START_TEST(loads_at_every_alignment)
{
	unsigned char buf[24];
	for (unsigned off = 0; off < 8; off++) {
		static const unsigned sizes[] = { 1, 2, 4, 8 };
		for (unsigned k = 0; k < 4; k++) {
			memset(buf, 0, sizeof(buf));
			uint64_t want = le_pattern(buf, off, sizes[k]);
			uint64_t got = sizes[k] == 1 ? xenidl_le_load_u8(buf + off)
				     : sizes[k] == 2 ? xenidl_le_load_u16(buf + off)
				     : sizes[k] == 4 ? xenidl_le_load_u32(buf + off)
				     : xenidl_le_load_u64(buf + off);
			ck_assert_uint_eq(got, want);
		}
	}
}
END_TEST

START_TEST(stores_at_every_alignment)
{
	unsigned char buf[24], want[24];
	for (unsigned off = 0; off < 8; off++) {
		memset(buf, 0xAA, sizeof(buf));
		memset(want, 0xAA, sizeof(want));
		uint64_t v = le_pattern(want, off, 8);
		xenidl_le_store_u64(buf + off, v);
		ck_assert_mem_eq(buf, want, sizeof(buf));
		memset(buf, 0xAA, sizeof(buf));
		memset(want, 0xAA, sizeof(want));
		v = le_pattern(want, off, 4);
		xenidl_le_store_u32(buf + off, (uint32_t)v);
		ck_assert_mem_eq(buf, want, sizeof(buf));
		memset(buf, 0xAA, sizeof(buf));
		memset(want, 0xAA, sizeof(want));
		v = le_pattern(want, off, 2);
		xenidl_le_store_u16(buf + off, (uint16_t)v);
		ck_assert_mem_eq(buf, want, sizeof(buf));
	}
}
END_TEST

START_TEST(signed_values)
{
	unsigned char b[8];
	static const int64_t vals[] = { 0, 1, -1, 127, -128, 32767, -32768, INT32_MAX, INT32_MIN,
					INT64_MAX, INT64_MIN, -123456789 };
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		int64_t v = vals[i];
		xenidl_le_store_i64(b, v);
		ck_assert_int_eq(xenidl_le_load_i64(b), v);
		if (v >= INT32_MIN && v <= INT32_MAX) {
			xenidl_le_store_i32(b, (int32_t)v);
			ck_assert_int_eq(xenidl_le_load_i32(b), v);
			ck_assert_uint_eq(xenidl_le_load_u32(b), (uint32_t)(int32_t)v);
		}
		if (v >= INT16_MIN && v <= INT16_MAX) {
			xenidl_le_store_i16(b, (int16_t)v);
			ck_assert_int_eq(xenidl_le_load_i16(b), v);
		}
		if (v >= INT8_MIN && v <= INT8_MAX) {
			xenidl_le_store_i8(b, (int8_t)v);
			ck_assert_int_eq(xenidl_le_load_i8(b), v);
		}
	}
	/* Two's complement on the wire. */
	xenidl_le_store_i32(b, -2);
	ck_assert_uint_eq(b[0], 0xFE);
	ck_assert_uint_eq(b[3], 0xFF);
}
END_TEST

START_TEST(error_paths)
{
	struct xenidl_error e;
	memset(&e, 0x5A, sizeof(e));
	ck_assert_int_eq(xenidl_fail(&e, XENIDL_ERESERVED, "t", "a[].b[].c", 12, 7,
				     (const size_t[]){ 3, 1024 }), XENIDL_ERESERVED);
	ck_assert_int_eq(e.code, XENIDL_ERESERVED);
	ck_assert_str_eq(e.type, "t");
	ck_assert_str_eq(e.path, "a[3].b[1024].c");
	ck_assert_uint_eq(e.offset, 12);
	ck_assert_uint_eq(e.value, 7);
	ck_assert_int_eq(xenidl_fail(&e, XENIDL_ESHORT, "t", "", 3, 8, NULL), XENIDL_ESHORT);
	ck_assert_str_eq(e.path, "");
	ck_assert_int_eq(xenidl_fail(NULL, XENIDL_EENUM, "t", "x", 0, 0, NULL), XENIDL_EENUM);

	/* A path longer than the room is cut short, and still terminated. */
	char longpath[3 * XENIDL_PATH_MAX];
	memset(longpath, 'x', sizeof(longpath) - 3);
	memcpy(longpath + sizeof(longpath) - 3, "[]", 3);
	xenidl_fail(&e, XENIDL_EBITS, "t", longpath, 0, 0, (const size_t[]){ 99 });
	ck_assert_uint_eq(strlen(e.path), XENIDL_PATH_MAX - 1);
	/* An index that does not fit is cut short too. */
	memset(longpath, 'y', XENIDL_PATH_MAX - 4);
	memcpy(longpath + XENIDL_PATH_MAX - 4, "[]", 3);
	xenidl_fail(&e, XENIDL_EBITS, "t", longpath, 0, 0, (const size_t[]){ 123456 });
	ck_assert_uint_eq(strlen(e.path), XENIDL_PATH_MAX - 1);
	ck_assert(!memcmp(e.path + XENIDL_PATH_MAX - 4, "[12", 3));
}
END_TEST

START_TEST(error_names)
{
	static const int codes[] = { XENIDL_OK, XENIDL_ESHORT, XENIDL_ERESERVED, XENIDL_EBITS,
				     XENIDL_EENUM, XENIDL_ETAG, XENIDL_ERANGE, XENIDL_EABI };
	size_t n = sizeof(codes) / sizeof(codes[0]);
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_ne(xenidl_strerror(codes[i]), "unknown error");
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(xenidl_strerror(codes[i]), xenidl_strerror(codes[j]));
		if (i)
			ck_assert_int_lt(codes[i], 0);
	}
	ck_assert_str_eq(xenidl_strerror(-1000), "unknown error");
}
END_TEST

START_TEST(bytes)
{
	unsigned char a[16], b[16];
	memset(a, 0, sizeof(a));
	ck_assert_uint_eq(xenidl_first_nonzero(a, sizeof(a)), sizeof(a));
	a[9] = 1;
	ck_assert_uint_eq(xenidl_first_nonzero(a, sizeof(a)), 9);
	ck_assert_uint_eq(xenidl_first_nonzero(a, 9), 9);
	memset(b, 0x77, sizeof(b));
	xenidl_copy(b + 1, a + 8, 3);
	ck_assert_uint_eq(b[0], 0x77);
	ck_assert_uint_eq(b[2], 1);
	xenidl_zero(b, 4);
	ck_assert_uint_eq(b[3], 0);
	ck_assert_uint_eq(b[4], 0x77);
}
END_TEST

/* The runtime's ABI ids are the generator's ABI numbers. */
START_TEST(abi_ids)
{
	static const struct {
		const char *name;
		int id;
	} ids[] = {
		{ "XENIDL_ABI_X86_32", XENIDL_ABI_X86_32 },
		{ "XENIDL_ABI_X86_64", XENIDL_ABI_X86_64 },
		{ "XENIDL_ABI_ARM32", XENIDL_ABI_ARM32 },
		{ "XENIDL_ABI_ARM64", XENIDL_ABI_ARM64 },
		{ "XENIDL_ABI_RISCV64", XENIDL_ABI_RISCV64 },
		{ "XENIDL_ABI_PPC64LE", XENIDL_ABI_PPC64LE },
	};
	ck_assert_int_eq(XENIDL_ABI_COUNT, XI_ABI_COUNT);
	ck_assert_uint_eq(sizeof(ids) / sizeof(ids[0]), XI_ABI_COUNT);
	for (int a = 0; a < XI_ABI_COUNT; a++) {
		ck_assert_str_eq(xi_abis[a].c_constant, ids[a].name);
		ck_assert_int_eq(ids[a].id, a);
	}
#if defined(__x86_64__)
	ck_assert_int_eq(XENIDL_ABI_NATIVE, XI_ABI_X86_64);
#elif defined(__i386__)
	ck_assert_int_eq(XENIDL_ABI_NATIVE, XI_ABI_X86_32);
#endif
}
END_TEST

START_TEST(which_path)
{
#ifdef XENIDL_FORCE_PORTABLE
	ck_assert_str_eq(XENIDL_LOADSTORE, "portable");
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	ck_assert_str_eq(XENIDL_LOADSTORE, "little-endian");
#endif
}
END_TEST

int main(void)
{
	Suite *s = suite_create("runtime");
	TCase *tc = tcase_create("runtime");
	tcase_add_test(tc, loads_at_every_alignment);
	tcase_add_test(tc, stores_at_every_alignment);
	tcase_add_test(tc, signed_values);
	tcase_add_test(tc, error_paths);
	tcase_add_test(tc, error_names);
	tcase_add_test(tc, bytes);
	tcase_add_test(tc, abi_ids);
	tcase_add_test(tc, which_path);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
