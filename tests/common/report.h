/* PASS/FAIL lines of the host test programs (the format tests/common/suite.sh counts). */
#ifndef TESTS_COMMON_REPORT_H
#define TESTS_COMMON_REPORT_H

/* The number of FAIL lines printed so far. */
extern int test_failures;

/* Prints "PASS name", or "FAIL name: <message>" and counts the failure. */
void report(int ok, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
