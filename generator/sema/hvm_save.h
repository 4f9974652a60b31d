/* HVM save records (see hvm_save.c). */
#ifndef XENIDL_HVM_SAVE_H
#define XENIDL_HVM_SAVE_H

#include "ctx.h"

/* Save records a compilation may declare: far more than Xen has (20). */
#define XI_HVM_SAVE_MAX_RECORDS 1024u

/* Once constants are evaluated: find each @hvm_save constant's data type
 * (xi_decl.hvm_save_decl) and report a type that is not a struct or union
 * of the constant's file, a typecode that is not a u16, and two records of
 * one typecode on one ABI. */
void xi_resolve_hvm_save(struct xi_ctx *ctx);

#endif
