/* Fixed output text: each file of generator/templates, turned into a C
 * string at build time by embed.awk (see templates.am). A template's
 * '@word@' markers are filled in by xi_out_template (output.h). */
#ifndef XENIDL_TEMPLATES_H
#define XENIDL_TEMPLATES_H

/* c_prelude.h: the definitions every generated C header relies on. */
extern const char xi_template_c_prelude[];
/* rust_lib.rs: the top of the Rust crate's src/lib.rs (handles, check
 * errors, the bitmap operators). */
extern const char xi_template_rust_lib[];
/* cargo.toml: the crate's Cargo.toml; markers @crate@, @rust_version@. */
extern const char xi_template_cargo[];
/* marshal_test_prelude.c: the helpers at the top of a marshalling
 * self-test. */
extern const char xi_template_marshal_test_prelude[];

#endif
