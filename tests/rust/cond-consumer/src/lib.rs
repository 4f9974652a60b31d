//! boot_info and CMDLINE_MAX exist where HAVE_PV_ENTRY does: on x86.

#[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
#[test]
fn boot_info_on_x86() {
    let b = xen_cond::pv::BootInfo::default();
    assert_eq!(b.cmd_line.len(), xen_cond::pv::CMDLINE_MAX as usize);
    assert_eq!(xen_cond::arch::pv::HAVE_PV_ENTRY, 1);
}
