//! Rebuilds the crate when a translation changes: rust-i18n reads `locales/` inside a macro, which
//! cargo does not otherwise know to watch.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
