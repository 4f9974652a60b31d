//! NO_PV_ENTRY is declared under !defined(HAVE_PV_ENTRY): not on x86.

pub fn no_pv() -> i32 {
    xen_cond::pv::NO_PV_ENTRY
}
