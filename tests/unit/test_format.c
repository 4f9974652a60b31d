/* xi_vsnprintf: the same text and result as vsnprintf, for the formats it
 * handles itself and for those it passes on. */
#include <check.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "format.h"
#include "testutil.h"

/* Buffer sizes to try: none, too small for anything, truncating, ample. */
static const size_t caps[] = { 0, 1, 2, 7, 64 };

/* Format with both at every buffer size and compare the results and the
 * bytes written (the rest of the buffer must stay untouched too). */
static void same(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void same(const char *fmt, ...)
{
	for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		char a[80], b[80];
		memset(a, '#', sizeof(a));
		memset(b, '#', sizeof(b));
		va_list ap, aq;
		va_start(ap, fmt);
		va_copy(aq, ap);
		int na = xi_vsnprintf(caps[i] ? a : NULL, caps[i], fmt, ap);
		int nb = vsnprintf(caps[i] ? b : NULL, caps[i], fmt, aq);
		va_end(aq);
		va_end(ap);
		ck_assert_int_eq(na, nb);
		ck_assert_mem_eq(a, b, sizeof(a));
	}
}

START_TEST(own_conversions)
{
	same("plain text");
	same("%s", "");
	same("a %s b %s c", "one", "two");
	same("100%% %c%c", 'o', 'k');
	same("[%*s] [%*s] [%*s]", 6, "ab", -6, "ab", 1, "abc");
	same("[%.*s] [%.*s] [%.*s]", 2, "abcdef", 10, "ab", -1, "xyz");
	same("%d %d %d", 0, -1, INT32_MIN);
	same("%ld %lld %lld", -123456789L, (long long)INT64_MIN, (long long)INT64_MAX);
	same("%u %lu %llu %zu", 4294967295u, 0ul, (unsigned long long)UINT64_MAX, (size_t)42);
	same("%x %lx %llx", 0xdeadu, 0ul, (unsigned long long)UINT64_MAX);
	same("%#x %#llx %#llx", 0u, 0ull, 0x1f00ull);
	same("%X %lX %#X %#llX", 0xbeefu, 0xabcul, 0u, 0xfffffull);
	same("%s-%u-%s", "mixed", 7u, "end");
	same("%d|%u|%s", INT32_MAX, 0u, "");
	same("%s%s%s", "a long argument, longer than the small buffers", "", "b");
	same("%c%%%*s%.*s", 'c', -3, "", 0, "gone");
}
END_TEST

START_TEST(passed_on)
{
	/* Conversions, flags and widths it leaves to vsnprintf, also after
	 * some it formatted itself. */
	same("%s then %5u", "x", 42u);
	same("%02x %04X", 7u, 0xabu);
	same("%-8s|", "left");
	same("%.1f", 2.25);
	same("%u %e", 1u, 1.5);
	same("%p", (void *)0);
	same("%zd %lld", (ssize_t)-3, 5ll);
	same("%*d|%.*u", 4, 7, 3, 7u);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("format");
	TCase *tc = tcase_create("vsnprintf");
	tcase_add_test(tc, own_conversions);
	tcase_add_test(tc, passed_on);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
