/* Fixed output text: each file of generator/templates, turned into a C
 * string at build time by embed.awk (see templates.am). A template's
 * '@word@' markers are filled in by xi_out_template (output.h). */
#ifndef XENIDL_TEMPLATES_H
#define XENIDL_TEMPLATES_H

/* c_prelude.h: <stdint.h> and the layout-check macros (XENIDL_*). */
extern const char xi_template_c_prelude[];
/* c_handles_x86.h: guest handles on x86 (Xen's arch-x86/xen.h part). */
extern const char xi_template_c_handles_x86[];
/* c_handles_union.h: guest handles as 8-byte unions (Arm, PowerPC,
 * RISC-V); markers @family@, @aligned_cond@, @extra@. */
extern const char xi_template_c_handles_union[];
/* c_xen.h: the machinery every architecture shares (Xen's xen.h part):
 * handles of the primitive types, XEN_FLEX_ARRAY_DIM, xen_mk_*, the
 * fallbacks of uint64_aligned_t; marker @word_handles@. */
extern const char xi_template_c_xen[];
/* c_version.h: the interface version a program gets (Xen's xen-compat.h),
 * after __XEN_LATEST_INTERFACE_VERSION__. */
extern const char xi_template_c_version[];
/* c_hvm_save.h: the machinery of HVM save records (Xen's hvm/save.h part:
 * DECLARE_HVM_SAVE_TYPE, HVM_SAVE_CODE ...). */
extern const char xi_template_c_hvm_save[];
/* rust_lib.rs: the top of the Rust crate's src/lib.rs (handles, check
 * errors, the bitmap operators). */
extern const char xi_template_rust_lib[];
/* rust_hvm_save.rs: the trait of HVM save records' data types, after
 * rust_lib.rs in a crate that has save records. */
extern const char xi_template_rust_hvm_save[];
/* rust_bits.rs: the bit readers and writers of bitfield accessors, after
 * rust_lib.rs in a crate that has bitfields. */
extern const char xi_template_rust_bits[];
/* cargo.toml: the crate's Cargo.toml; markers @crate@, @rust_version@. */
extern const char xi_template_cargo[];
/* marshal_test_prelude.c: the helpers at the top of a marshalling
 * self-test. */
extern const char xi_template_marshal_test_prelude[];

#endif
