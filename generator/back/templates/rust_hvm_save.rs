/// The data of an HVM save record (Xen's `DECLARE_HVM_SAVE_TYPE`): a record
/// of this type follows an `hvm_save_descriptor` whose `typecode` is
/// `CODE`.
pub trait HvmSaveRecord: Plain {
    /// The record's typecode.
    const CODE: u16;
}
