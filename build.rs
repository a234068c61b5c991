//! Rebuilds the crate when a translation changes (rust-i18n reads `locales/` inside a macro, which
//! cargo does not otherwise know to watch), and gives the Windows `.exe` its icon, version
//! information and manifest (per-monitor DPI awareness, UTF-8 as the process code page).

fn main() {
    println!("cargo:rerun-if-changed=locales");
    compress_fonts();
    println!("cargo:rerun-if-changed=icons/kizuki.ico");
    println!("cargo:rerun-if-changed=packaging/windows/kizuki.manifest");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// The bundled font's two faces, deflated into `OUT_DIR` (4.6 MB → 3 MB each); `src/fonts.rs`
/// inflates them on first use.
fn compress_fonts() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for face in ["BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf"] {
        let source = format!("assets/fonts/{face}");
        println!("cargo:rerun-if-changed={source}");
        let bytes = std::fs::read(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        let deflated = miniz_oxide::deflate::compress_to_vec(&bytes, 10);
        std::fs::write(out.join(format!("{face}.deflate")), deflated)
            .unwrap_or_else(|e| panic!("{face}: {e}"));
    }
}

fn windows_resources() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut res = winresource::WindowsResource::new();
    res.set_icon("icons/kizuki.ico")
        .set_manifest_file("packaging/windows/kizuki.manifest")
        .set("ProductName", "Kizuki")
        // Shown as the publisher in the file's properties and by IT's inventory tools.
        .set("CompanyName", "The Kizuki authors")
        .set(
            "FileDescription",
            "Kizuki（気づき）— ICT地域イノベーション・ガイドブック ワークショップ",
        )
        .set("ProductVersion", &version)
        .set("FileVersion", &version)
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("OriginalFilename", "kizuki.exe")
        // Japanese (Japan): the language of the product's own name and description.
        .set_language(0x0411);
    // Cross-compiling from Linux: mingw's resource compiler and archiver.
    if std::env::var("HOST").is_ok_and(|h| !h.contains("windows")) {
        res.set_windres_path("x86_64-w64-mingw32-windres")
            .set_ar_path("x86_64-w64-mingw32-ar");
    }
    if let Err(e) = res.compile() {
        // Without the resources the program still works; say why the icon is missing.
        println!("cargo:warning=Windows resources not embedded: {e}");
    }
}
