/* A compat header's flexible array dimension. (The interface version the
 * program gets is chosen right after the constant marked
 * @interface_version.) */
#define COMPAT_FLEX_ARRAY_DIM XEN_FLEX_ARRAY_DIM
